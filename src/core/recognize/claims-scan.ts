/**
 * Reading the figures of one paragraph (claims.ts relates them): amounts with a unit (元/万元/亿元, and a bare
 * 万 before punctuation, as in "教育支出5.5万，"), percentages, and for each amount what its clause says it is —
 * item, year, measure (预算/决算), fund scope (资金口径) and entity.
 *
 * Offsets are UTF-16 offsets into the paragraph as written: the text is only ever normalised character for
 * character (full-width digits, ．and ％), so that positions found in the normalised text are positions in it.
 *
 * What never becomes an amount: a number without a money unit (dates, 人/人次/个/级, 第三条, 0812-3334567, 十四五),
 * an approximate or bounding figure (近300万元, 100余万元, 50万元以上, 约…), a standard (每人每月100元, 单价…).
 * A percentage is only ever used where its words relate it to amounts (占, 完成预算的, 执行率, 比…增长); 合格率98.5%
 * and the like are read and left alone.
 */
import { Dec } from '../decimal';
import { Num } from '../numbers';
import { normLabel } from '../text';
import { ClauseFacts, TextAmount, TextFigure, TextParagraph } from './model';

const TEN_THOUSAND = new Dec(10000);

/** Full-width digits, point and percent sign to ASCII, one character for one (offsets stay valid). */
export function halfWidth(s: string): string {
  // most texts hold none of them (U+FF05 … U+FF19 spans them all): no pattern run
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0xff05 && ch <= 0xff19) return s.replace(/[\uff10-\uff19\uff0e\uff05]/g, (x) => String.fromCharCode(x.charCodeAt(0) - 0xfee0));
  }
  return s;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: 'amount' | 'percent';
  num: Num;
  unit?: '元' | '万元' | '亿元';
  /** bracket depth at the figure: a figure in brackets is an aside */
  depth: number;
  /** an approximate, bounding or per-head figure: read, never related to anything */
  loose: boolean;
}

// digits (with ASCII thousands commas) and a unit; a bare 万 only before punctuation or the end (5.5万，) — never
// 万人, 万余次, 万平方米
const FIGURE = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t]*(亿元|万元|元|万(?=[，,；;。、）)\s]|$)|%)/g;
const LOOSE_BEFORE = /(每人|每月|每天|每年|每户|每次|每例|每名|每位|每台|每个|每平方米|每亩|单价|标准|不超过|不低于|不少于|超过|高于|低于|约|近|逾|≥|≤|>|<|大于|小于|以上的?)[^，,；;。]{0,3}$/;
const LOOSE_AFTER = /^(以上|以下|以内|左右|多|余|上下|起|\/)/;

export function tokens(raw: string): Token[] {
  const s = halfWidth(raw);
  const out: Token[] = [];
  // bracket depth at each position, counted once
  const depthAt: number[] = new Array(s.length + 1);
  let d = 0;
  for (let i = 0; i <= s.length; i++) {
    depthAt[i] = d;
    const ch = s[i];
    if (ch === '（' || ch === '(' || ch === '【' || ch === '[') d++;
    else if ((ch === '）' || ch === ')' || ch === '】' || ch === ']') && d > 0) d--;
  }
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(s); m; m = FIGURE.exec(s)) {
    const start = m.index;
    const prev = s[start - 1] ?? '';
    // part of a longer number, a code or a date (2021.12.31), a phone number, an article number (第3条), a version
    if (/[\d.\-－—/A-Za-z第]/.test(prev)) continue;
    const digits = m[1]!.replace(/,/g, '');
    const unitText = m[2]!;
    const end = start + m[0].length;
    const before = s.slice(Math.max(0, start - 12), start);
    const after = s.slice(end, end + 3);
    const loose = LOOSE_BEFORE.test(before) || LOOSE_AFTER.test(after);
    const dot = digits.indexOf('.');
    const decimals = dot < 0 ? 0 : digits.length - dot - 1;
    const value = new Dec(digits);
    if (unitText === '%') {
      out.push({ start, end, text: raw.slice(start, end), kind: 'percent', depth: depthAt[start]!, loose,
        num: { value: value.div(100), decimals, formatted: true, percent: true, fromText: true } });
      continue;
    }
    const unit = unitText === '亿元' ? '亿元' : unitText === '元' ? '元' : '万元';
    // as a figure typed without a fixed format: its own decimals, but taken as rounded to at least 分 (the tables' 尾差)
    const num: Num = unit === '万元'
      ? { value, decimals, formatted: false, percent: false, fromText: true, unit: '万元' }
      : unit === '元'
        ? { value: value.div(TEN_THOUSAND), decimals: decimals + 4, formatted: false, percent: false, fromText: true, unit: '元' }
        : { value: value.times(TEN_THOUSAND), decimals: Math.max(0, decimals - 4), formatted: false, percent: false, fromText: true };
    out.push({ start, end, text: raw.slice(start, end), kind: 'amount', unit, num, depth: depthAt[start]!, loose });
  }
  return out;
}

/** Sentences: [start, end) ranges ending after 。！？ (or the paragraph's end). */
export function sentences(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if ('。！？!?'.includes(s[i]!)) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < s.length) out.push([from, s.length]);
  return out;
}

const HARD_SEP = /[，,；;。：:！？!?\n\t]/;

/** Where the clause naming a figure at `at` begins: after the last separator, or after the figure before it. */
export function clauseStart(s: string, at: number, floor: number): number {
  let i = at - 1;
  while (i >= floor && !HARD_SEP.test(s[i]!)) i--;
  return Math.max(i + 1, floor);
}

// ---- what a clause says about its figure

const NUMBERING = /^\s*(?:\d{1,3}(?:、|[.．](?!\d))|[（(]\d{1,3}[)）]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[①-⑳])\s*/;
const CODE = /^\s*\d{3,7}(?![\d年.])\s*/;
const LEAD = /^(?:[、和及与]|其中|另外|此外|同时|共|全年|年度|本年度|当年)+/;
const YEAR = /(\d{4})\s*年(?:度)?(?!\s*\d{1,2}\s*月)/;
const ENTITY_SELF = /^(?:我局|我委|本局|本委|本单位|我单位|单位|本部门|我部门|部门|全局|全区|全县|全市)/;
const ORG = /[\u4e00-\u9fa5]{2,14}?(?:中心|医院|卫生院|大队|协会|服务站|管理站|保健院|监督所|研究所)/;

/** The fund scopes a clause can state, the most specific first; `strip` is the text to drop from the item. */
const SCOPES: Array<[RegExp, string]> = [
  [/一般公共预算财政拨款|一般公共预算拨款|公共财政拨款|公共财政预算拨款/, '一般公共预算财政拨款'],
  [/政府性基金预算财政拨款|政府性基金预算拨款|政府性基金预算|政府性基金拨款|政府性基金/, '政府性基金'],
  [/国有资本经营预算财政拨款|国有资本经营预算拨款|国有资本经营预算/, '国有资本经营预算'],
  [/一般公共预算/, '一般公共预算'],
  [/财政拨款/, '财政拨款'],
  [/全部资金|各项资金/, '全部资金'],
];

/** The key items are matched by: no brackets, 总计/合计 and 本年 taken off, 收、支 read as 收支. */
export function itemKey(label: string): string {
  return normLabel(label)
    .replace(/\([^)]*\)/g, '')
    .replace(/、/g, '')
    .replace(/^本年(度)?/, '')
    .replace(/(总计|合计|总额|小计)$/, '')
    .replace(/^(的|之)/, '');
}

/** Read the clause text before a figure: "3、2021年度单位一般公共预算财政拨款支出" → year 2021, scope, item 支出. */
export function readClause(text: string): ClauseFacts {
  let t = text.trim().replace(NUMBERING, '').replace(CODE, '').replace(LEAD, '');
  let year: number | undefined;
  const y = YEAR.exec(t);
  if (y) {
    const n = Number(y[1]);
    // a range (2021-2023年, 2021至2023年) is no one year
    if (n >= 1990 && n <= 2100 && !/[-—–~～至到]\s*$/.test(t.slice(0, y.index))) year = n;
    t = (t.slice(0, y.index) + t.slice(y.index + y[0].length)).trim();
  }
  t = t.replace(LEAD, '').replace(/^[，,、\s]+/, '');
  let entity: string | undefined;
  const self = ENTITY_SELF.exec(t);
  if (self) t = t.slice(self[0].length);
  else {
    const org = ORG.exec(t);
    if (org) {
      entity = org[0];
      t = t.replace(org[0], '');
    }
  }
  const named = t.replace(/(为|是|达|达到|共计|合计为|总计为|约)$/, '').replace(/[:：\s]+$/, '');
  let scope: string | undefined;
  // 本年收入合计 / 本年支出合计 / 收支总计 of a 决算 are all funds (the 收入支出决算总表's own lines)
  if (/^本年(度)?(收入|支出)合计|^收[、]?支总计/.test(t) && !SCOPES.some(([re]) => re.test(t))) scope = '全部资金';
  for (const [re, name] of SCOPES) {
    const m = re.exec(t);
    if (m) {
      scope = name;
      t = t.replace(m[0], '');
      break;
    }
  }
  const label = t.replace(/(为|是|达|达到|共计|合计为|总计为|约)$/, '').replace(/[:：\s]+$/, '');
  let measure: 'budget' | 'actual' | undefined;
  const measureText = label.replace(/预算(单位|部门)/g, '');
  if (/决算|执行数|执行金额|实际支出|实际完成|完成数|支出数/.test(measureText)) measure = 'actual';
  else if (/预算|批复/.test(measureText)) measure = 'budget';
  const item = label
    .replace(/(全年|年初|调整后|部门)?(预算安排|预算数|预算金额|预算|批复数|决算数|决算金额|决算|执行数|执行金额|实际支出数|实际支出|实际完成数?)(为|是|达)?/g, '')
    .replace(/(为|是|达|共计|合计|共)$/, '');
  return { label: named || label || item, key: itemKey(item), year, measure, scope, entity };
}

export function figureOf(para: TextParagraph, t: Token): TextFigure {
  return { para, start: t.start, end: t.end, text: t.text, num: t.num };
}

export function amountOf(para: TextParagraph, t: Token, facts: ClauseFacts, role: TextAmount['role']): TextAmount {
  return { ...figureOf(para, t), unit: t.unit ?? '万元', ...facts, role };
}
