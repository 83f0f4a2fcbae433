/**
 * What the words of one paragraph relate (claims.ts): parts of a whole (其中 …, with their shares), a rate over the
 * budget and actual of its sentence, a change against the amount it qualifies and the earlier one it names.
 */
import { Dec, halfUnit } from '../decimal';
import { conceptOf, ConceptId, IDENTITIES } from '../vocabulary';
import { clauseStart, figureOf, itemKey, readClause, Token } from './claims-scan';
import { DIRECTION, facts, lastCompare, LOOKBACK, MARKER, Read, sentenceOf } from './claims-read';
import { TextAmount, TextClaim, TextFigure } from './model';

function conceptOfAmount(a: TextAmount, asPart: boolean): ConceptId | undefined {
  return (asPart ? conceptOf(a.label) ?? conceptOf(a.key) : conceptOf(a.key) ?? conceptOf(a.label))?.id;
}

/** A breakdown is complete when the shares add up to 100% (within their rounding), or the vocabulary knows it. */
export function isComplete(whole: TextAmount, parts: TextAmount[], shares: Array<TextFigure | undefined>): boolean {
  if (shares.length === parts.length && shares.every((x) => x)) {
    let sum = shares[0]!.num.value.times(0);
    let bound = sum;
    for (const x of shares) {
      sum = sum.plus(x!.num.value);
      bound = bound.plus(halfFraction(x!.num.decimals));
    }
    if (sum.minus(1).abs().lte(bound)) return true;
  }
  const w = conceptOfAmount(whole, false);
  if (!w) return false;
  const ids = parts.map((p) => conceptOfAmount(p, true));
  if (ids.some((x) => !x)) return false;
  return IDENTITIES.some((idt) => idt.whole === w && ids.every((x) => idt.parts.includes(x!)) && idt.complete.some((set) => set.every((c) => ids.includes(c))));
}

/** Half a unit of a percentage's last shown decimal, as a fraction (2 decimals: 0.005% = 0.00005). */
function halfFraction(decimals: number): Dec {
  return halfUnit(decimals + 2);
}

export function inherit(part: TextAmount, whole: TextAmount): void {
  if (part.year === undefined) part.year = whole.year;
  if (part.scope === undefined) part.scope = whole.scope;
  if (part.measure === undefined) part.measure = whole.measure;
  if (part.entity === undefined) part.entity = whole.entity;
}

/** Parts lists within a paragraph: 其中 (and its kin) after an amount, up to the next marker or the sentence's end. */
export function partsIn(r: Read, out: TextClaim[]): void {
  for (const [a, b] of r.sents) {
    const text = r.s.slice(a, b);
    MARKER.lastIndex = 0;
    const marks: Array<[number, number]> = [];
    for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) marks.push([a + m.index, a + m.index + m[0].length]);
    marks.forEach(([ms, me], k) => {
      // the whole: the amount right before the marker, nothing but a share or a rate between them
      let wi = -1;
      for (let i = r.toks.length - 1; i >= 0; i--) {
        const t = r.toks[i]!;
        if (t.end > ms || t.start < a) continue;
        if (t.kind === 'percent') continue;
        wi = i;
        break;
      }
      const whole = wi >= 0 ? facts(r, wi) : undefined;
      if (!whole || /[。]/.test(r.s.slice(whole.end, ms))) return;
      const stop = k + 1 < marks.length ? marks[k + 1]![0] : b;
      const parts: TextAmount[] = [];
      const shares: Array<TextFigure | undefined> = [];
      for (let i = wi + 1; i < r.toks.length; i++) {
        const t = r.toks[i]!;
        if (t.start < me) continue;
        if (t.start >= stop) break;
        const p = facts(r, i);
        // "预算数100万元，其中：中央资金60万元，省级资金40万元，执行数为98万元": the list ends before another measure
        // or year, or the whole stated again
        // … and before another total ("…；本年度支出合计980万元，其中：…" opens a list of its own)
        if (p && /合计|总计|总额|总收入|总支出/.test(p.label)) break;
        if (p && ((p.measure && whole.measure !== p.measure) || (p.year !== undefined && whole.year !== undefined && p.year !== whole.year) || (p.key && p.key === whole.key && p.scope === whole.scope))) break;
        if (p) {
          parts.push(p);
          shares.push(undefined);
        } else if (t.kind === 'percent' && parts.length && shares[parts.length - 1] === undefined) {
          const kind = r.pctKind[i];
          if (kind?.kind === 'share' && (!kind.whole || itemKey(readClause(kind.whole).key) === whole.key)) shares[parts.length - 1] = figureOf(r.para, t);
        }
      }
      if (!parts.length) {
        // "…272.27万元，其中：" ends the paragraph: its parts are the paragraphs below
        if (!r.s.slice(me).trim()) r.openWhole = whole;
        return;
      }
      for (const p of parts) inherit(p, whole);
      out.push({ kind: 'parts', para: r.para, whole, parts, shares, complete: isComplete(whole, parts, shares) });
    });
  }
}

/** Rates: 完成预算的 P% / 执行率 P% over the budget and actual amounts stated before it in the same sentence. */
export function ratesIn(r: Read, out: TextClaim[]): void {
  r.toks.forEach((t, i) => {
    if (r.pctKind[i]?.kind !== 'rate') return;
    const [a] = sentenceOf(r.sents, t.start);
    let budget: TextAmount | undefined;
    let actual: TextAmount | undefined;
    for (let j = i - 1; j >= 0 && r.toks[j]!.start >= a; j--) {
      const x = facts(r, j);
      if (!x) continue;
      // 年初 and 调整 budgets are stages: a rate is of the 全年预算
      if (x.measure === 'budget' && !budget && !/年初|调整|追加/.test(x.label)) budget = x;
      if (x.measure === 'actual' && !actual) actual = x;
    }
    if (!budget || !actual) return;
    if (budget.key && actual.key && budget.key !== actual.key) return;
    // "…执行数为15.70万元，其中财政资金执行数为10万元，完成预算的…": which actual is meant is not said
    MARKER.lastIndex = 0;
    if (MARKER.test(r.s.slice(Math.min(budget.start, actual.start), t.start))) return;
    out.push({ kind: 'rate', para: r.para, budget, actual, rate: figureOf(r.para, t) });
  });
}

/** Changes: "比2018年增加D万元，增长P%", "与2018年相比，X增加D万元", "…B万元，比2025年…减少P%". */
export function changesIn(r: Read, out: TextClaim[]): void {
  let last: Extract<TextClaim, { kind: 'change' }> | undefined;
  r.toks.forEach((t, i) => {
    const isDelta = r.amounts[i]?.role === 'delta';
    const isPct = r.pctKind[i]?.kind === 'change';
    if (!isDelta && !isPct) return;
    const [a] = sentenceOf(r.sents, t.start);
    const prevEnd = i > 0 && r.toks[i - 1]!.end > a ? r.toks[i - 1]!.end : a;
    const cs = clauseStart(r.s, t.start, prevEnd);
    const ct = r.s.slice(cs, t.start);
    const dm = DIRECTION.exec(ct)!;
    const direction: 1 | -1 = /增加|增长|上升|提高/.test(dm[1]!) ? 1 : -1;
    const word = { start: cs + dm.index, end: cs + dm.index + dm[1]!.length, text: dm[1]!, para: r.para };
    const subjectText = ct.slice(0, dm.index).replace(/(?:比|较)(?:上年|去年|上一年|\d{4}\s*年(?:度)?)[^，,；;]*$/, '').replace(/同比$/, '');
    const subject = readClause(subjectText);
    // a percentage right after its amount change ("增加20.25万元，增长2.66%") completes that change
    if (isPct && last && !last.percent && last.delta && i > 0 && r.toks[i - 1] === tokenOf(r, last.delta) && !subject.key && !subject.scope) {
      last.percent = figureOf(r.para, t);
      last.percentWord = { ...word, direction };
      return;
    }
    const cmp = lastCompare(r.s, Math.max(a, t.start - LOOKBACK), t.start);
    if (!cmp) return;
    let current: TextAmount | undefined;
    if (!subject.key && !subject.scope) {
      // "34.73万元，比2018年增加…": the amount the comparison follows, in this sentence
      for (let j = i - 1; j >= 0 && r.toks[j]!.start >= a; j--) {
        if (r.toks[j]!.end > cmp.index) continue;
        const x = facts(r, j);
        if (x) {
          current = x;
          break;
        }
        if (r.toks[j]!.kind === 'amount') break;
      }
    } else {
      // "与2018年相比，财政拨款收入增加…": the same item of the same scope, stated before in this paragraph
      for (let j = i - 1; j >= 0; j--) {
        const x = facts(r, j);
        if (!x) continue;
        if (x.scope !== subject.scope) continue;
        if (subject.key ? x.key === subject.key : true) {
          current = x;
          break;
        }
      }
    }
    if (!current) return;
    let prior: TextAmount | undefined;
    if (cmp.year !== undefined) {
      if (current.year === cmp.year) return;
      for (let j = i - 1; j >= 0 && r.toks[j]!.start >= a; j--) {
        const x = facts(r, j);
        if (x && x !== current && x.year === cmp.year && (!x.key || !current.key || x.key === current.key)) {
          prior = x;
          break;
        }
      }
    }
    const claim: Extract<TextClaim, { kind: 'change' }> = { kind: 'change', para: r.para, current, direction, word };
    if (prior) claim.prior = prior;
    if (isDelta) claim.delta = r.amounts[i]!;
    else claim.percent = figureOf(r.para, t);
    out.push(claim);
    last = claim;
  });
}

function tokenOf(r: Read, f: TextFigure): Token | undefined {
  return r.toks.find((t) => t.start === f.start);
}

