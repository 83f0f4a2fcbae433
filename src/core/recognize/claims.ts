/**
 * Claims from text: the figures sentences state and how the sentences relate them (issue 18). Every text cell
 * of every sheet that reads as prose with figures is read — a Word report's paragraphs (sheet 正文, one a row) and
 * a workbook's prose cells (实际完成情况, 偏差原因 …) alike.
 *
 * Conservative by construction: a figure is related to another only where the words say how — 其中/主要用于以下方面
 * (parts of the amount just before), 占 P% (a part's share of that whole), 完成预算的 P% / 执行率 P% (an actual over
 * the budget stated in the same sentence), 比…增加/减少 (a change against the amount it qualifies, or the year
 * it names), a numbered list under the total that introduces it. Everything else is only an `amount` claim,
 * compared elsewhere solely with the same item of the same year, measure, entity and fund scope.
 */
import { Dec, halfUnit } from '../decimal';
import { Grid } from '../grid';
import { MAX_CELL_TEXT } from '../numbers';
import { conceptOf, ConceptId, IDENTITIES } from '../vocabulary';
import { amountOf, clauseStart, figureOf, halfWidth, itemKey, readClause, sentences, Token, tokens } from './claims-scan';
import { TextAmount, TextClaim, TextFigure, TextParagraph } from './model';

/** A prose cell: at least this many characters (labels such as 预算数（万元） are shorter) … */
const MIN_PROSE = 12;
/** … and at least this many CJK characters (a sentence, not a figure with a unit). */
const MIN_CJK = 5;
/** Paragraphs longer than this are read up to it (a cell holds at most 32,767 characters). */
const MAX_PARA = MAX_CELL_TEXT;

interface Read {
  para: TextParagraph;
  s: string;
  toks: Token[];
  /** the amount read for each amount token (same index), undefined for percentages */
  amounts: Array<TextAmount | undefined>;
  /** for each percentage token, what its words make it */
  pctKind: Array<{ kind: 'share'; whole: string } | { kind: 'rate' } | { kind: 'change' } | undefined>;
  sents: Array<[number, number]>;
  /** parts markers whose list is to go on in the paragraphs below ("…272.27万元，其中：" at the end) */
  openWhole?: TextAmount;
}

/** A year opening a sentence on its own: "2019年，", "2021年度，". */
const SENTENCE_YEAR = /^\s*((?:19|20)\d{2})\s*年(?:度)?[，,]/;
const DIRECTION = /(增加|增长|上升|提高|减少|下降|降低)了?(为)?\s*$/;
const COMPARE = /(?:比|较)(上年|去年|上一年|(\d{4})\s*年(?:度)?)|与(上年|去年|上一年|(\d{4})\s*年(?:度)?)(?:同期)?相比|同比/g;
const SHARE = /占([^，,；;。]{0,16}?)(?:的)?(?:比重|比例)?(?:为)?\s*$/;
const RATE = /(?:完成(?:全年)?预算(?:数)?的?|(?:预算)?执行率(?:为|达到|达)?|预算完成率(?:为)?)\s*$/;
const MARKER = /其中[:：]?|主要用于以下方面[:：]?|主要用于[:：]|具体如下[:：]|具体为[:：]|分别为[:：]|包括[:：]/g;

export function readParagraphs(grids: readonly Grid[]): TextParagraph[] {
  const out: TextParagraph[] = [];
  let index = 0;
  for (const grid of grids) {
    // column by column, so that the paragraphs of one column that follow one another have consecutive indexes
    const byCol = new Map<number, Array<{ row: number; text: string }>>();
    for (let r = grid.top; r <= grid.bottom; r++) {
      for (const c of grid.cols(r)) {
        const v = grid.raw(r, c);
        if (typeof v !== 'string' || !v.trim() || grid.covered(r, c)) continue;
        const list = byCol.get(c) ?? [];
        list.push({ row: r, text: v.length > MAX_PARA ? v.slice(0, MAX_PARA) : v });
        byCol.set(c, list);
      }
    }
    for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
      let last = -10;
      for (const { row, text } of byCol.get(c)!) {
        // more than two blank rows between two cells: they do not follow one another
        if (row - last > 3) index++;
        out.push({ grid, row, col: c, text, index: index++ });
        last = row;
      }
      index++;
    }
    index++;
  }
  return out;
}

function isProse(text: string): boolean {
  if (text.length < MIN_PROSE) return false;
  let cjk = 0;
  for (let i = 0; i < text.length && cjk < MIN_CJK; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fff) cjk++;
  }
  return cjk >= MIN_CJK && /[元%％万]/.test(text);
}

function sentenceOf(sents: Array<[number, number]>, at: number): [number, number] {
  return sents.find(([a, b]) => at >= a && at < b) ?? [0, Number.MAX_SAFE_INTEGER];
}

/** Read one paragraph's figures and what each clause says about them. */
function readPara(para: TextParagraph): Read {
  const s = halfWidth(para.text);
  const toks = tokens(para.text);
  const sents = sentences(s);
  const amounts: Read['amounts'] = [];
  const pctKind: Read['pctKind'] = [];
  let sentYear: number | undefined;
  let sentIdx = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const [a] = sentenceOf(sents, t.start);
    if (a !== sentIdx) {
      sentIdx = a;
      // "2019年，我局…": a year that opens the sentence is every clause's
      const y = SENTENCE_YEAR.exec(s.slice(a, a + 12));
      sentYear = y ? Number(y[1]) : undefined;
    }
    const prevEnd = i > 0 && toks[i - 1]!.end > a ? toks[i - 1]!.end : a;
    const cs = clauseStart(s, t.start, prevEnd);
    const ct = s.slice(cs, t.start);
    const compared = hasCompare(s.slice(a, t.start));
    const direction = DIRECTION.test(ct) && compared;
    if (t.kind === 'percent') {
      amounts.push(undefined);
      if (t.loose) pctKind.push(undefined);
      else if (direction) pctKind.push({ kind: 'change' });
      else if (RATE.test(ct)) pctKind.push({ kind: 'rate' });
      else {
        const m = SHARE.exec(ct);
        pctKind.push(m ? { kind: 'share', whole: m[1]!.trim() } : undefined);
      }
      continue;
    }
    pctKind.push(undefined);
    const facts = readClause(direction ? ct.replace(DIRECTION, '') : ct);
    if (!facts.key && cs > prevEnd && /[:：]/.test(s[cs - 1]!)) {
      // "住房公积金：2026年…预算安排201.50万元": the item is named before the colon
      const named = readClause(s.slice(clauseStart(s, cs - 1, prevEnd), cs - 1));
      facts.key = named.key;
      facts.label = named.label;
      facts.year ??= named.year;
      facts.scope ??= named.scope;
      facts.measure ??= named.measure;
    }
    if (facts.year !== undefined && !direction) sentYear = facts.year;
    else if (facts.year === undefined && !direction) facts.year = sentYear;
    const role: TextAmount['role'] = t.loose || t.depth > 0 ? 'aside' : direction ? 'delta' : 'fact';
    amounts.push(amountOf(para, t, facts, role));
  }
  return { para, s, toks, amounts, pctKind, sents };
}

function hasCompare(text: string): boolean {
  COMPARE.lastIndex = 0;
  return COMPARE.test(text);
}

/** The last comparison phrase before `at` in [from, at): its position and the year it names (undefined: 上年). */
function lastCompare(s: string, from: number, at: number): { index: number; end: number; year?: number } | undefined {
  const text = s.slice(from, at);
  COMPARE.lastIndex = 0;
  let found: { index: number; end: number; year?: number } | undefined;
  for (let m = COMPARE.exec(text); m; m = COMPARE.exec(text)) {
    const y = m[2] ?? m[4];
    found = { index: from + m.index, end: from + m.index + m[0].length, year: y ? Number(y) : undefined };
  }
  return found;
}

const facts = (r: Read, i: number): TextAmount | undefined => {
  const a = r.amounts[i];
  return a && a.role === 'fact' ? a : undefined;
};

function conceptOfAmount(a: TextAmount, asPart: boolean): ConceptId | undefined {
  return (asPart ? conceptOf(a.label) ?? conceptOf(a.key) : conceptOf(a.key) ?? conceptOf(a.label))?.id;
}

/** A breakdown is complete when the shares add up to 100% (within their rounding), or the vocabulary knows it. */
function isComplete(whole: TextAmount, parts: TextAmount[], shares: Array<TextFigure | undefined>): boolean {
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

function inherit(part: TextAmount, whole: TextAmount): void {
  if (part.year === undefined) part.year = whole.year;
  if (part.scope === undefined) part.scope = whole.scope;
  if (part.measure === undefined) part.measure = whole.measure;
  if (part.entity === undefined) part.entity = whole.entity;
}

/** Parts lists within a paragraph: 其中 (and its kin) after an amount, up to the next marker or the sentence's end. */
function partsIn(r: Read, out: TextClaim[]): void {
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
function ratesIn(r: Read, out: TextClaim[]): void {
  r.toks.forEach((t, i) => {
    if (r.pctKind[i]?.kind !== 'rate') return;
    const [a] = sentenceOf(r.sents, t.start);
    let budget: TextAmount | undefined;
    let actual: TextAmount | undefined;
    for (let j = i - 1; j >= 0 && r.toks[j]!.start >= a; j--) {
      const x = facts(r, j);
      if (!x) continue;
      if (x.measure === 'budget' && !budget) budget = x;
      if (x.measure === 'actual' && !actual) actual = x;
    }
    if (!budget || !actual) return;
    if (budget.key && actual.key && budget.key !== actual.key) return;
    out.push({ kind: 'rate', para: r.para, budget, actual, rate: figureOf(r.para, t) });
  });
}

/** Changes: "比2018年增加D万元，增长P%", "与2018年相比，X增加D万元", "…B万元，比2025年…减少P%". */
function changesIn(r: Read, out: TextClaim[]): void {
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
      return;
    }
    const cmp = lastCompare(r.s, a, t.start);
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

const ITEM_NUMBER = /(?:^|[；;。，,\s])\s*(?:(\d{1,3})、|[（(](\d{1,3})[)）])/g;

/** "1、…；2、…" in one paragraph: the items, when each holds exactly one amount (and no other). */
function listIn(r: Read): { first: number; items: TextAmount[] } | undefined {
  ITEM_NUMBER.lastIndex = 0;
  const starts: number[] = [];
  let first = 0;
  let want = 1;
  for (let m = ITEM_NUMBER.exec(r.s); m; m = ITEM_NUMBER.exec(r.s)) {
    const n = Number(m[1] ?? m[2]);
    if (n !== want) continue;
    if (n === 1) first = m.index + /^[；;。，,\s]*/.exec(m[0])![0].length;
    starts.push(m.index + m[0].length);
    want++;
  }
  if (starts.length < 2) return undefined;
  const items: TextAmount[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = k + 1 < starts.length ? starts[k + 1]! : r.s.length;
    const inside = r.toks.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'amount' && t.start >= from && t.start < to);
    if (inside.length !== 1) return undefined;
    const a = facts(r, inside[0]!.i);
    if (!a) return undefined;
    items.push(a);
  }
  return { first, items };
}

const PARA_NUMBER = /^\s*(?:(\d{1,3})、|[（(](\d{1,3})[)）])/;
const LIST_INTRO = /(其中|如下|分别为|具体|包括|明细)[^。]*[:：]?\s*$/;

function introTotal(r: Read, before: number): TextAmount | undefined {
  let last = -1;
  for (let i = 0; i < r.toks.length; i++) if (r.toks[i]!.end <= before) last = i;
  if (last < 0) return undefined;
  const a = facts(r, last);
  if (!a || !LIST_INTRO.test(r.s.slice(a.end, before)) || /[。]/.test(r.s.slice(a.end, before).replace(/[。]\s*$/, ''))) return undefined;
  return a;
}

const HEADING_END = /(情况说明|情况|说明|明细|决算情况)\s*$/;

/** The total a list is of, when its words give it: an intro ("共计X万元，具体如下：") in its paragraph or the one
 *  above, or a heading above it ("项目支出情况") that names an item stated in the paragraph above the heading. */
function listTotal(reads: Read[], at: number, firstStart: number): TextAmount | undefined {
  const r = reads[at]!;
  const own = introTotal(r, firstStart);
  if (own) return own;
  // text before the list that is no intro: the list is not under a total above it
  if (r.s.slice(0, firstStart).trim().length > 0) return undefined;
  const prev = reads[at - 1];
  if (!prev || prev.para.index !== r.para.index - 1) return undefined;
  const fromPrev = introTotal(prev, prev.s.length);
  if (fromPrev) return fromPrev;
  // a heading: short, no figures, no sentence
  if (prev.toks.length || prev.s.trim().length > 24 || /[。，,]/.test(prev.s)) return undefined;
  const key = itemKey(readClause(prev.s.trim().replace(HEADING_END, '')).key);
  const above = reads[at - 2];
  if (!key || !above || above.para.index !== prev.para.index - 1) return undefined;
  let found: TextAmount | undefined;
  for (const a of above.amounts) if (a && a.role === 'fact' && a.key === key) found = a;
  return found;
}

export function findClaims(grids: readonly Grid[]): TextClaim[] {
  const out: TextClaim[] = [];
  const reads: Read[] = readParagraphs(grids).map((para) => (isProse(para.text) ? readPara(para) : { para, s: halfWidth(para.text), toks: [], amounts: [], pctKind: [], sents: [] }));
  for (const r of reads) {
    for (const a of r.amounts) if (a && a.role === 'fact') out.push({ kind: 'amount', para: r.para, amount: a });
    partsIn(r, out);
    ratesIn(r, out);
    changesIn(r, out);
  }
  // parts in the paragraphs below "…A万元，其中：": each begins with its item and amount
  for (let k = 0; k < reads.length; k++) {
    const whole = reads[k]!.openWhole;
    if (!whole) continue;
    const parts: TextAmount[] = [];
    for (let j = k + 1; j < reads.length && reads[j]!.para.index === reads[k]!.para.index + (j - k); j++) {
      const r = reads[j]!;
      const first = r.toks[0];
      const a = first ? facts(r, 0) : undefined;
      if (!first || !a || first.start > 24 || /[，,；;。]/.test(r.s.slice(0, first.start))) break;
      parts.push(a);
    }
    if (parts.length < 2) continue;
    for (const p of parts) inherit(p, whole);
    out.push({ kind: 'parts', para: whole.para, whole, parts, shares: parts.map(() => undefined), complete: isComplete(whole, parts, []) });
  }
  // numbered lists: in one paragraph, or one item a paragraph in paragraphs that follow one another
  for (let k = 0; k < reads.length; k++) {
    const r = reads[k]!;
    const inner = r.toks.length ? listIn(r) : undefined;
    if (inner) {
      const total = listTotal(reads, k, inner.first);
      out.push({ kind: 'list', para: r.para, items: inner.items, ...(total ? { total } : {}) });
      continue;
    }
    const m = PARA_NUMBER.exec(r.s);
    if (!m || Number(m[1] ?? m[2]) !== 1 || (k > 0 && reads[k - 1]!.para.index === r.para.index - 1 && PARA_NUMBER.test(reads[k - 1]!.s))) continue;
    const run: Read[] = [r];
    for (let j = k + 1; j < reads.length && reads[j]!.para.index === r.para.index + (j - k); j++) {
      const n = PARA_NUMBER.exec(reads[j]!.s);
      if (!n || Number(n[1] ?? n[2]) !== run.length + 1) break;
      run.push(reads[j]!);
    }
    if (run.length < 2) continue;
    const items: TextAmount[] = [];
    for (const x of run) {
      const am = x.toks.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'amount');
      const a = am.length === 1 ? facts(x, am[0]!.i) : undefined;
      if (!a || listIn(x)) break;
      items.push(a);
    }
    if (items.length !== run.length) continue;
    const total = listTotal(reads, k, 0);
    out.push({ kind: 'list', para: r.para, items, ...(total ? { total } : {}) });
    k += run.length - 1;
  }
  return out;
}
