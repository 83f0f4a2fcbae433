/**
 * Reading the paragraphs of a snapshot for claims.ts: which text cells are prose, and for each figure of a prose
 * paragraph what its clause makes it — an amount of an item (with year, scope, measure), an amount change
 * (增加X万元 after 比…/与…相比), a share (占), a rate (完成预算的, 执行率) or a change percentage; others are left alone.
 */
import { Grid } from '../grid';
import { MAX_CELL_TEXT } from '../numbers';
import { amountOf, clauseStart, halfWidth, readClause, sentences, Token, tokens } from './claims-scan';
import { TextAmount, TextParagraph } from './model';

/** A prose cell: at least this many characters (labels such as 预算数（万元） are shorter) … */
const MIN_PROSE = 12;
/** … and at least this many CJK characters (a sentence, not a figure with a unit). */
const MIN_CJK = 5;
/** Paragraphs longer than this are read up to it (a cell holds at most 32,767 characters). */
const MAX_PARA = MAX_CELL_TEXT;

export interface Read {
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
export const DIRECTION = /(增加|增长|上升|提高|减少|下降|降低)了?(为)?\s*$/;
const COMPARE = /(?:比|较)(上年|去年|上一年|(\d{4})\s*年(?:度)?)|与(上年|去年|上一年|(\d{4})\s*年(?:度)?)(?:同期)?相比|同比/g;
const SHARE = /占([^，,；;。]{0,16}?)(?:的)?(?:比重|比例)?(?:为)?\s*$/;
const RATE = /(?:完成(?:全年)?预算(?:数)?的?|(?:预算)?执行率(?:为|达到|达)?|预算完成率(?:为)?)\s*$/;
/** How far back a comparison phrase (比2018年, 与上年相比) is looked for before its figure. */
export const LOOKBACK = 200;
export const MARKER = /其中[:：]?|主要用于以下方面[:：]?|主要用于[:：]|具体如下[:：]|具体为[:：]|分别为[:：]|包括[:：]/g;

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

export function isProse(text: string): boolean {
  if (text.length < MIN_PROSE) return false;
  let cjk = 0;
  for (let i = 0; i < text.length && cjk < MIN_CJK; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fff) cjk++;
  }
  return cjk >= MIN_CJK && /[元%％万]/.test(text);
}

export function sentenceOf(sents: Array<[number, number]>, at: number): [number, number] {
  return sents.find(([a, b]) => at >= a && at < b) ?? [0, Number.MAX_SAFE_INTEGER];
}

/** Read one paragraph's figures and what each clause says about them. */
export function readPara(para: TextParagraph): Read {
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
    const compared = hasCompare(s.slice(Math.max(a, t.start - LOOKBACK), t.start));
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
    // a clause about 上年 is not of the sentence's year
    else if (facts.year === undefined && !direction && !/上年|去年|上一年|同期/.test(ct)) facts.year = sentYear;
    const role: TextAmount['role'] = t.loose || t.depth > 0 ? 'aside' : direction ? 'delta' : 'fact';
    amounts.push(amountOf(para, t, facts, role));
  }
  return { para, s, toks, amounts, pctKind, sents };
}

export function hasCompare(text: string): boolean {
  COMPARE.lastIndex = 0;
  return COMPARE.test(text);
}

/** The last comparison phrase before `at` in [from, at): its position and the year it names (undefined: 上年). */
export function lastCompare(s: string, from: number, at: number): { index: number; end: number; year?: number } | undefined {
  const text = s.slice(from, at);
  COMPARE.lastIndex = 0;
  let found: { index: number; end: number; year?: number } | undefined;
  for (let m = COMPARE.exec(text); m; m = COMPARE.exec(text)) {
    const y = m[2] ?? m[4];
    found = { index: from + m.index, end: from + m.index + m[0].length, year: y ? Number(y) : undefined };
  }
  return found;
}

export const facts = (r: Read, i: number): TextAmount | undefined => {
  const a = r.amounts[i];
  return a && a.role === 'fact' ? a : undefined;
};

