/**
 * Formulas without a saved result (files written by programs other than Excel often carry them): the ones the
 * engine understands are computed here — SUM over cells and ranges, + − × ÷ of cells and numbers, brackets and
 * ROUND — in exact decimals, from the cells as they are (a cell that is itself such a formula first; a loop is
 * unknown). Any other formula is unknown: never 0. The checks that need an unknown cell are skipped (see
 * ./index.ts) and the workbook says so at info (input/uncomputed).
 *
 * Excel's own rules apply: an empty cell is 0, SUM leaves text and TRUE/FALSE in a range out, text that reads as a
 * number counts in + − × ÷ and other text is #VALUE!, division by 0 is #DIV/0!, an error in an argument is the
 * result.
 */
import { cellA1, parseCell, Rect } from './a1';
import { Dec } from './decimal';
import { Tok, tokenize } from './formula';
import { MAX_FIGURE_TEXT } from './numbers';
import { CellValue, isCellError, SheetSnapshot, WorkbookSnapshot } from './snapshot';

/** The value an unknown formula is given in the engine's copy: an error kind of its own, never shown as a value. */
export const UNCOMPUTED = '#UNCOMPUTED';

type V = { n: Dec } | { e: string } | 'unknown';

export interface Evaluated {
  workbook: WorkbookSnapshot;
  /** per sheet name: the cells (A1) computed here and the cells left unknown */
  computed: Map<string, string[]>;
  unknown: Map<string, string[]>;
}

const COLS = 16384;
const MAX_RANGE_CELLS = 200_000;
/** How deep one evaluation may go, counting each cell it steps into and each bracket or argument list it opens:
 *  past it the evaluation stops there (never the stack). A chain of cells longer than this is evaluated from its
 *  far end first, so it is still computed; a formula nested deeper than this on its own is unknown. */
const MAX_LEVEL = 400;

/** Thrown inside one formula's evaluation when it opens more than MAX_LEVEL brackets. */
class TooDeep extends Error {}

interface At {
  si: number;
  r: number;
  c: number;
  key: string;
}
/** cells read by all the evaluations of a workbook together; past it the formulas left are unknown */
const MAX_WORK = 5_000_000;

export function evaluateUncomputed(wb: WorkbookSnapshot): Evaluated {
  const computed = new Map<string, string[]>();
  const unknown = new Map<string, string[]>();
  const sheets = Array.isArray(wb?.sheets) ? wb.sheets : [];
  if (!sheets.some((s) => s?.uncomputed?.length)) return { workbook: wb, computed, unknown };
  const byName = new Map(sheets.map((s, i) => [String(s.name).toLowerCase(), i]));
  // per sheet, the uncomputed cells by a numeric key (row × 16384 + column), so that summing a range asks a number,
  // not a string made for every cell it reads; the value is the cell's A1 as the snapshot listed it
  const pending = sheets.map((s) => {
    const m = new Map<number, string>();
    for (const a1 of s.uncomputed ?? []) {
      const at = parseCell(a1);
      if (at) m.set(at.row * COLS + at.col, cellA1(at.row, at.col));
    }
    return m;
  });
  const results = new Map<string, V>();
  const visiting = new Set<string>();
  let work = 0;
  // how deep the current evaluation is, how often it was cut at MAX_LEVEL, and the first cell where it was cut
  let level = 0;
  let cuts = 0;
  let cut: At | null = null;
  let totalPending = 0;
  for (const p of pending) totalPending += p.size;
  /** evaluations started again from a cut cell, for all the workbook together; past it no more are started */
  let retries = 4 * totalPending + 1000;

  const raw = (si: number, r: number, c: number): CellValue => {
    const s = sheets[si]!;
    return s.values?.[r - s.top]?.[c - s.left] ?? null;
  };

  const valueOf = (si: number, r: number, c: number): V | { v: CellValue } => {
    const s = sheets[si]!;
    const a1 = pending[si]!.get(r * COLS + c);
    if (a1 === undefined) return { v: raw(si, r, c) };
    const key = `${si}!${a1}`;
    const done = results.get(key);
    if (done) return done;
    if (visiting.has(key)) return 'unknown';
    if (level >= MAX_LEVEL) {
      cuts++;
      cut ??= { si, r, c, key };
      return 'unknown';
    }
    visiting.add(key);
    level++;
    const before = cuts;
    const f = s.formulas?.[r - s.top]?.[c - s.left];
    const v = f ? evalFormula(f, { si, r, c, key }) : 'unknown';
    level--;
    visiting.delete(key);
    // a value found with a cut somewhere below is not the cell's value: it is worked out again (see settle)
    if (cuts === before) results.set(key, v);
    return v;
  };

  /** The cell's value, evaluating first, from the far end, whatever lies deeper than MAX_LEVEL below it. */
  const settle = (si: number, r: number, c: number, key: string): V | { v: CellValue } => {
    const stack: At[] = [{ si, r, c, key }];
    const onStack = new Set<string>([key]);
    while (stack.length && retries-- > 0) {
      const top = stack[stack.length - 1]!;
      cut = null;
      const before = cuts;
      valueOf(top.si, top.r, top.c);
      const next = cut as At | null;
      if (cuts === before || !next || results.has(top.key)) {
        stack.pop();
        onStack.delete(top.key);
      } else if (next.key === top.key) {
        // nested deeper than MAX_LEVEL on its own
        results.set(top.key, 'unknown');
        stack.pop();
        onStack.delete(top.key);
      } else if (onStack.has(next.key)) {
        // a loop through the cells waiting here: each of them is unknown
        for (;;) {
          const x = stack.pop()!;
          onStack.delete(x.key);
          results.set(x.key, 'unknown');
          if (x.key === next.key) break;
        }
      } else {
        stack.push(next);
        onStack.add(next.key);
      }
    }
    cut = null;
    return valueOf(si, r, c);
  };

  const evalFormula = (formula: string, self: At): V => {
    const si = self.si;
    const toks = tokenize(formula);
    if (!toks) return 'unknown';
    const entry = level;
    try {
      return evalTokens(toks, si);
    } catch (e) {
      if (!(e instanceof TooDeep)) throw e;
      level = entry;
      cuts++;
      cut ??= self;
      return 'unknown';
    }
  };

  const evalTokens = (toks: Tok[], si: number): V => {
    let i = 0;
    const peekOp = (v: string): boolean => {
      const t = toks[i];
      return !!t && t.t === 'op' && t.v === v;
    };
    const sheetOf = (t: Extract<Tok, { t: 'ref' }>): number | undefined => (t.sheet === null ? si : byName.get(t.sheet.toLowerCase()));

    const scalar = (x: V | { v: CellValue }): V => {
      if (x === 'unknown' || 'n' in x || 'e' in x) return x;
      const v = x.v;
      if (v === null) return { n: new Dec(0) };
      if (typeof v === 'number') return Number.isFinite(v) ? { n: new Dec(v) } : { e: '#NUM!' };
      if (typeof v === 'boolean') return { n: new Dec(v ? 1 : 0) };
      if (isCellError(v)) return v.error === UNCOMPUTED ? 'unknown' : { e: v.error };
      const t = String(v).trim();
      return t.length <= MAX_FIGURE_TEXT && /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t) ? { n: new Dec(t) } : { e: '#VALUE!' };
    };

    // SUM's arguments: a range adds its numbers only; anything else is a value
    const sumArg = (): V => {
      const t = toks[i];
      const next = toks[i + 1];
      if (t && t.t === 'ref' && (!next || (next.t === 'op' && (next.v === ',' || next.v === ')')))) {
        i++;
        const target = sheetOf(t);
        if (target === undefined) return 'unknown';
        return sumRange(target, t.rect, t.rect.top === t.rect.bottom && t.rect.left === t.rect.right);
      }
      return expr();
    };

    const sumRange = (target: number, rect: Rect, single: boolean): V => {
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (cells > MAX_RANGE_CELLS || (work += cells) > MAX_WORK) return 'unknown';
      const s = sheets[target]!;
      let total = new Dec(0);
      const bottom = Math.min(rect.bottom, s.top + (s.values?.length ?? 0) - 1);
      for (let r = Math.max(rect.top, s.top); r <= bottom; r++) {
        const row = s.values[r - s.top] ?? [];
        const right = Math.min(rect.right, s.left + row.length - 1);
        for (let c = Math.max(rect.left, s.left); c <= right; c++) {
          const x = valueOf(target, r, c);
          if (x === 'unknown') return 'unknown';
          if ('e' in x) return x;
          if ('n' in x) total = total.plus(x.n);
          else if (typeof x.v === 'number') {
            if (!Number.isFinite(x.v)) return { e: '#NUM!' };
            total = total.plus(new Dec(x.v));
          } else if (isCellError(x.v)) return x.v.error === UNCOMPUTED ? 'unknown' : { e: x.v.error };
          else if (single && typeof x.v === 'boolean') total = total.plus(x.v ? 1 : 0);
        }
      }
      return { n: total };
    };

    const primary = (): V => {
      const t = toks[i++];
      if (!t) return 'unknown';
      if (t.t === 'num') return { n: new Dec(t.v) };
      if (t.t === 'ref') {
        if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) return 'unknown'; // a range outside SUM
        const target = sheetOf(t);
        return target === undefined ? 'unknown' : scalar(valueOf(target, t.rect.top, t.rect.left));
      }
      if (t.t === 'op' && t.v === '(') {
        const v = expr();
        if (!peekOp(')')) return 'unknown';
        i++;
        return v;
      }
      if (t.t === 'fn' && t.name === 'SUM') {
        let total: V = { n: new Dec(0) };
        if (!peekOp(')')) {
          for (;;) {
            const a = sumArg();
            if (a === 'unknown') return 'unknown';
            if ('e' in a) total = 'e' in total ? total : a;
            else if ('n' in total) total = { n: total.n.plus(a.n) };
            if (peekOp(',')) i++;
            else break;
          }
        }
        if (!peekOp(')')) return 'unknown';
        i++;
        return total;
      }
      if (t.t === 'fn' && t.name === 'ROUND') {
        const x = expr();
        if (!peekOp(',')) return 'unknown';
        i++;
        const d = expr();
        if (!peekOp(')')) return 'unknown';
        i++;
        if (x === 'unknown' || d === 'unknown') return 'unknown';
        if ('e' in x) return x;
        if ('e' in d) return d;
        const places = d.n.trunc().toNumber();
        if (places < -15 || places > 15) return 'unknown';
        return { n: places >= 0 ? x.n.toDecimalPlaces(places, Dec.ROUND_HALF_UP) : x.n.div(new Dec(10).pow(-places)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(new Dec(10).pow(-places)) };
      }
      return 'unknown';
    };

    // signs in a row ("--A1") are counted in a loop, not by recursion
    const unary = (): V => {
      let negative = false;
      while (peekOp('-') || peekOp('+')) {
        if ((toks[i] as { v: string }).v === '-') negative = !negative;
        i++;
      }
      const v = primary();
      return negative && v !== 'unknown' && 'n' in v ? { n: v.n.negated() } : v;
    };

    const combine = (a: V, b: V, f: (x: Dec, y: Dec) => V): V => {
      if (a === 'unknown' || b === 'unknown') return 'unknown';
      if ('e' in a) return a;
      if ('e' in b) return b;
      return f(a.n, b.n);
    };

    const term = (): V => {
      let v = unary();
      while (peekOp('*') || peekOp('/')) {
        const op = (toks[i++] as { v: string }).v;
        const w = unary();
        v = combine(v, w, (x, y) => (op === '*' ? { n: x.times(y) } : y.isZero() ? { e: '#DIV/0!' } : { n: x.div(y) }));
      }
      return v;
    };

    const expr = (): V => {
      if (++level > MAX_LEVEL) throw new TooDeep();
      let v = term();
      while (peekOp('+') || peekOp('-')) {
        const op = (toks[i++] as { v: string }).v;
        const w = term();
        v = combine(v, w, (x, y) => ({ n: op === '+' ? x.plus(y) : x.minus(y) }));
      }
      level--;
      return v;
    };

    const v = expr();
    return i === toks.length ? v : 'unknown';
  };

  const out: SheetSnapshot[] = sheets.map((s, si) => {
    if (!pending[si]!.size) return s;
    const values = s.values.slice();
    const done: string[] = [];
    const left: string[] = [];
    for (const a1 of pending[si]!.values()) {
      const at = parseCell(a1)!;
      const y = at.row - s.top;
      const x = at.col - s.left;
      if (!values[y] || x < 0) continue;
      const v = settle(si, at.row, at.col, `${si}!${a1}`);
      const value: CellValue = v === 'unknown' || !('n' in v || 'e' in v)
        ? { error: UNCOMPUTED }
        : 'n' in v ? Number(v.n.toPrecision(15)) : { error: v.e };
      if (values[y] === s.values[y]) values[y] = values[y]!.slice();
      values[y]![x] = value;
      (v === 'unknown' ? left : done).push(a1);
    }
    if (done.length) computed.set(s.name, done);
    if (left.length) unknown.set(s.name, left);
    return { ...s, values };
  });
  return { workbook: { ...wb, sheets: out }, computed, unknown };
}
