/**
 * Reading what a sum formula adds: "=SUM(C6:C15)", "=C6+C7-C8", "=ROUND(SUM(B5:B9),2)", "=SUM(B5,B7:B9)".
 * Anything else (other functions, other sheets, arithmetic beyond + and −) is "not a plain sum" and left alone.
 */
import { parseRange, Rect } from './a1';

export interface SumRef {
  sheet: string | null;
  rect: Rect;
  sign: 1 | -1;
}

export interface PlainSum {
  refs: SumRef[];
  /** non-zero numbers added in the formula itself */
  constants: number;
}

export type Tok = { t: 'ref'; sheet: string | null; rect: Rect } | { t: 'fn'; name: string } | { t: 'num'; v: number } | { t: 'op'; v: string };

const REF = /^(?:('(?:[^']|'')+'|[^\s!'(),+\-*/^&=<>:;"]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(])/;
const FN = /^([A-Za-z][A-Za-z0-9.]*)\(/;
const NUM = /^\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/;
/** Excel keeps a formula to 8,192 characters: a longer one is not read. */
export const MAX_FORMULA_LENGTH = 8192;
/** Brackets and argument lists a plain sum may nest (Excel allows 64 levels of functions). */
const MAX_SUM_NESTING = 100;

/** The tokens of a formula the engine reads (references, functions, numbers, + − × ÷ and brackets), or null. */
export function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  if (typeof src !== 'string' || src.length > MAX_FORMULA_LENGTH + 1) return null;
  let s = src.trim();
  if (s.startsWith('=')) s = s.slice(1);
  while (s.length) {
    const ws = /^\s+/.exec(s);
    if (ws) {
      s = s.slice(ws[0].length);
      continue;
    }
    let m = FN.exec(s);
    if (m) {
      out.push({ t: 'fn', name: m[1]!.toUpperCase() });
      s = s.slice(m[0].length);
      continue;
    }
    m = REF.exec(s);
    if (m) {
      const rect = parseRange(m[2]!);
      if (!rect) return null;
      const sheet = m[1] ? m[1].replace(/^'|'$/g, '').replace(/''/g, "'") : null;
      out.push({ t: 'ref', sheet, rect });
      s = s.slice(m[0].length);
      continue;
    }
    m = NUM.exec(s);
    if (m) {
      out.push({ t: 'num', v: parseFloat(m[0]) });
      s = s.slice(m[0].length);
      continue;
    }
    if ('+-*/(),'.includes(s[0]!)) {
      out.push({ t: 'op', v: s[0]! });
      s = s.slice(1);
      continue;
    }
    return null;
  }
  return out;
}

/** The cells a plain sum formula adds (with signs), or null when the formula is something else. */
export function readPlainSum(formula: string): PlainSum | null {
  const tokens = tokenize(formula);
  if (!tokens || !tokens.length) return null;
  const toks: Tok[] = tokens;
  let i = 0;
  let nesting = 0;
  const result: PlainSum = { refs: [], constants: 0 };
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => {
    const t = peek();
    return !!t && t.t === 'op' && t.v === v;
  };

  function term(sign: 1 | -1): boolean {
    const t = toks[i++];
    if (!t) return false;
    if (t.t === 'ref') {
      result.refs.push({ sheet: t.sheet, rect: t.rect, sign });
      return true;
    }
    if (t.t === 'num') {
      if (t.v !== 0) result.constants++;
      return true;
    }
    if (t.t === 'op' && t.v === '(') return expr(sign) && isOp(')') && !!toks[i++];
    if (t.t === 'fn' && t.name === 'SUM') {
      if (isOp(')')) return !!toks[i++];
      do {
        if (!expr(sign)) return false;
      } while (isOp(',') && !!toks[i++]);
      return isOp(')') && !!toks[i++];
    }
    if (t.t === 'fn' && t.name === 'ROUND') {
      if (!expr(sign) || !isOp(',')) return false;
      i++;
      const d = toks[i++];
      return !!d && d.t === 'num' && isOp(')') && !!toks[i++];
    }
    return false;
  }

  function expr(sign: 1 | -1): boolean {
    if (++nesting > MAX_SUM_NESTING) return false;
    const ok = exprBody(sign);
    nesting--;
    return ok;
  }

  function exprBody(sign: 1 | -1): boolean {
    let s: 1 | -1 = sign;
    if (isOp('-')) {
      i++;
      s = (sign * -1) as 1 | -1;
    } else if (isOp('+')) i++;
    if (!term(s)) return false;
    while (isOp('+') || isOp('-')) {
      const op = toks[i++] as { t: 'op'; v: string };
      if (!term(op.v === '-' ? ((sign * -1) as 1 | -1) : sign)) return false;
    }
    return true;
  }

  if (!expr(1) || i !== toks.length) return null;
  return result;
}

/** Each cell a plain sum covers, with how many times (and with which sign) it is added. */
export function coverage(sum: PlainSum, sheet: string): Map<string, number> | null {
  const out = new Map<string, number>();
  for (const r of sum.refs) {
    if (r.sheet !== null && r.sheet !== sheet) return null;
    const cells = (r.rect.bottom - r.rect.top + 1) * (r.rect.right - r.rect.left + 1);
    if (cells > 100000) return null;
    for (let y = r.rect.top; y <= r.rect.bottom; y++) {
      for (let x = r.rect.left; x <= r.rect.right; x++) out.set(`${y},${x}`, (out.get(`${y},${x}`) ?? 0) + r.sign);
    }
  }
  return out;
}
