/**
 * Reading numbers as people type them. A cell is classified once into a `CellInfo`:
 * a number (typed, or text that reads as one), a dash placeholder (— - / 无 count as empty), text, an error, or empty.
 */
import { Dec, excelNumberText, fmtFixed, HUNDRED } from './decimal';
import { digitsValue, MAX_SCALE, shortestScale, shortestScaled } from './exact';
import { CellValue, isCellError } from './snapshot';
import { isPlainText } from './text';

export type AmountUnit = '元' | '万元';

export interface Num {
  /** The value the cell holds (a percentage is held as a fraction: 94.78% is 0.9478). */
  value: Dec;
  /** Decimals as shown: from the number format when it fixes them, else the value's own decimals. For a
   *  percentage, decimals of the percent figure (94.78% → 2). */
  decimals: number;
  /** True when an explicit number format fixes the decimals shown. */
  formatted: boolean;
  percent: boolean;
  /** The cell holds text that reads as this number. */
  fromText: boolean;
  /** A unit written in the cell itself ("16.56万元"). */
  unit?: AmountUnit;
}

export type CellInfo =
  | { k: 'empty' }
  | { k: 'dash' }
  | { k: 'num'; n: Num }
  | { k: 'text'; s: string }
  | { k: 'error'; e: string };

/**
 * A number read from a cell or a text: the cell's CellInfo and its Num in one object (`info.n === info`), with its
 * value also as a scaled integer where one holds it exactly (`units` × 10^-`scale`, see exact.ts), and its Dec made
 * only when something asks for it (most figures are only ever added, and exact.ts adds them without one). The
 * value it makes is the one classify always made, from the same text.
 *
 * A Num copied with another value (`{ ...n, value }`) is a plain object, not a ScaledNum: sums over it take the
 * decimal.js path, so a copy can never carry a stale scaled form. Copy with `value` set: a spread does not copy
 * the getter.
 */
export class ScaledNum implements Num {
  readonly k = 'num' as const;
  /** the value in units of 10^-scale, a safe integer; NaN when it has no such form */
  readonly units: number;
  readonly scale: number;
  decimals: number;
  formatted: boolean;
  percent: boolean;
  fromText: boolean;
  unit?: AmountUnit;
  /** what the Dec is made from: a number (an integer, or the text excelNumberText writes), or a text's digits */
  private readonly src: number | string;
  /** a text's sign and percent sign, applied to its digits as parseNumberText always did */
  private readonly how: 0 | 1 | 2 | 3;
  private dec: Dec | undefined;

  constructor(src: number | string, how: 0 | 1 | 2 | 3, units: number, scale: number, decimals: number, formatted: boolean, percent: boolean, fromText: boolean, unit?: AmountUnit, dec?: Dec) {
    this.src = src;
    this.how = how;
    this.units = units;
    this.scale = scale;
    this.decimals = decimals;
    this.formatted = formatted;
    this.percent = percent;
    this.fromText = fromText;
    if (unit !== undefined) this.unit = unit;
    this.dec = dec;
  }

  get n(): Num {
    return this;
  }

  get value(): Dec {
    return (this.dec ??= this.make());
  }

  private make(): Dec {
    const s = this.src;
    if (typeof s === 'number') return Number.isInteger(s) && Math.abs(s) < 1e15 ? new Dec(s) : new Dec(excelNumberText(s));
    let v = new Dec(s);
    if (this.how & 1) v = v.negated();
    if (this.how & 2) v = v.div(HUNDRED);
    return v;
  }
}

/** The value of a Num as `units` × 10^-`scale` (a safe integer), when it is a ScaledNum that has one. */
export function scaledOf(n: Num): ScaledNum | undefined {
  return n instanceof ScaledNum && n.scale >= 0 ? n : undefined;
}

/** Is the amount zero? Without making its Dec where the scaled form says. */
export function isZeroNum(n: Num): boolean {
  return n instanceof ScaledNum && n.scale >= 0 ? n.units === 0 : n.value.isZero();
}

export const EMPTY: CellInfo = { k: 'empty' };
const DASH: CellInfo = { k: 'dash' };

interface FormatInfo {
  decimals: number | null;
  percent: boolean;
  date: boolean;
  text: boolean;
}

/** Formats read so far (files repeat few): a size cap that clears, so that a worker checking many files with
 *  distinct formats does not keep them all. */
const formatCache = new Map<string, FormatInfo>();
export const FORMAT_CACHE_LIMIT = 1024;
/** Excel keeps a number format to 255 characters; a longer one is read as General. */
const MAX_FORMAT_LENGTH = 255;
/** How many formats the cache holds now (for tests). */
export function formatCacheSize(): number {
  return formatCache.size;
}
const GENERAL: FormatInfo = { decimals: null, percent: false, date: false, text: false };

/** What a number format says about how a value is shown. */
export function readFormat(fmt: string | null | undefined): FormatInfo {
  if (!fmt || typeof fmt !== 'string' || fmt.length > MAX_FORMAT_LENGTH || fmt === 'General' || fmt === 'general' || fmt === 'G/通用格式') return GENERAL;
  const cached = formatCache.get(fmt);
  if (cached) return cached;
  // first section only; drop quoted literals, escapes, [colour]/[locale] blocks, padding and fill markers
  const section = (fmt.match(/^(?:"[^"]*"|\\.|[^;])*/)?.[0] ?? fmt)
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
  const info: FormatInfo = {
    decimals: null,
    percent: section.includes('%'),
    date: /[ymdhs]/i.test(section.replace(/General/gi, '')) && !/[0#?]/.test(section),
    text: section.trim() === '@',
  };
  if (/[0#?]/.test(section)) {
    const dot = section.indexOf('.');
    info.decimals = dot < 0 ? 0 : (section.slice(dot + 1).match(/^[0#?]*/)?.[0].length ?? 0);
  }
  if (formatCache.size >= FORMAT_CACHE_LIMIT) formatCache.clear();
  formatCache.set(fmt, info);
  return info;
}

const DASH_RE = /^(?:[-—–―－/\\~…·]+|无|N\/?A|n\/?a)$/;
const SUFFIX_RE = /(万元|元|分|人|个|名|户|次)$/;
/** A plain number as people type amounts: no exponent ("1e400" typed into a text cell is text, not a number
 *  Excel could hold; amounts are never written so). */
const PLAIN_RE = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const THOUSANDS_RE = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** No amount is written in more characters than this (with its separators, sign, unit and spaces): longer text
 *  is never read as a number, and is turned away before any pattern looks at it. */
export const MAX_FIGURE_TEXT = 64;

/** Read text as a number the way a finance officer means it, or null when it is not one. */
export function parseNumberText(raw: string): Num | null {
  if (raw.length > MAX_FIGURE_TEXT) return null;
  let s = raw.normalize('NFKC').replace(/[\s\u00a0]+/g, '').replace(/\u2212/g, '-');
  if (s === '') return null;
  let unit: AmountUnit | undefined;
  const suffix = SUFFIX_RE.exec(s);
  if (suffix && s.length > suffix[0].length) {
    if (suffix[1] === '元' || suffix[1] === '万元') unit = suffix[1];
    s = s.slice(0, -suffix[0].length);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!;
  }
  if (THOUSANDS_RE.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN_RE.test(s)) return null;
  if (s.endsWith('.')) s = s.slice(0, -1);
  const dot = s.indexOf('.');
  const mant = s.replace(/[eE].*$/, '');
  const decimals = dot < 0 ? 0 : mant.length - dot - 1;
  // the value is Dec(s), negated, ÷ 100 for a percentage (made when asked); as an integer, the digits of s
  // counted in units of its last decimal (two more for a percentage)
  const body = s.charCodeAt(0) === 43 ? s.slice(1) : s;
  let units = digitsValue(body);
  const scale = decimals + (percent ? 2 : 0);
  if (negative) units = -units;
  const exact = units === units && scale <= MAX_SCALE;
  return new ScaledNum(s, ((negative ? 1 : 0) | (percent ? 2 : 0)) as 0 | 1 | 2 | 3, exact ? units : NaN, exact ? scale : -1, decimals, false, percent, true, unit);
}

/** The ideographs a figure's text may hold: its unit or count word, last (SUFFIX_RE). */
const FIGURE_WORDS = new Set([...'万元分人个名户次'].map((ch) => ch.charCodeAt(0)));

/** Holds an ideograph no figure's text holds. */
function isWords(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fff && !FIGURE_WORDS.has(ch)) return true;
  }
  return false;
}

/** Classify a cell once: its value and number format in, what it means out. */
export function classify(v: CellValue, fmt?: string | null): CellInfo {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { k: 'error', e: '#NUM!' };
    const f = readFormat(fmt);
    if (f.date) return { k: 'text', s: String(v) };
    let units: number;
    let scale: number;
    let places: number;
    let dec: Dec | undefined;
    if (Number.isInteger(v) && Math.abs(v) < 1e15) {
      // integers: their Dec is decimal.js's fast path, made when asked
      units = v;
      scale = places = 0;
    } else {
      // the digits excelNumberText writes, found without writing the text (exact.ts)
      const fast = shortestScaled(v);
      if (fast === fast) {
        units = fast;
        scale = places = shortestScale;
      } else {
        const text = excelNumberText(v);
        dec = new Dec(text);
        const dot = text.indexOf('.');
        places = dot < 0 ? dec.decimalPlaces() : text.length - dot - 1;
        units = dot < 0 || places <= MAX_SCALE ? digitsValue(text) : NaN;
        scale = units === units ? (dot < 0 ? 0 : places) : -1;
      }
    }
    const own = Math.max(0, places - (f.percent ? 2 : 0));
    return new ScaledNum(v, 0, units, scale, f.decimals ?? own, f.decimals !== null, f.percent, false, undefined, dec);
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return EMPTY;
    // most texts are words: plain text (text.ts, which NFKC leaves as it is) holding an ideograph that is no unit
    // or count word (万元, 人 …) is neither a figure nor a dash (无 alone is the only dash with an ideograph)
    if (t !== '无' && isPlainText(t) && isWords(t)) return { k: 'text', s: t };
    if (t.length <= MAX_FIGURE_TEXT && DASH_RE.test(t.normalize('NFKC').replace(/\s+/g, ''))) return DASH;
    const n = parseNumberText(t);
    if (n) return n as ScaledNum;
    return { k: 'text', s: t };
  }
  if (typeof v === 'boolean') return { k: 'text', s: v ? 'TRUE' : 'FALSE' };
  if (isCellError(v)) return { k: 'error', e: v.error };
  return EMPTY;
}

/** The number as the workbook shows it: "730.2", "5522.57", "94.78%". */
export function shown(n: Num): string {
  if (n.percent) return `${fmtFixed(n.value.times(HUNDRED), n.decimals)}%`;
  return fmtFixed(n.value, n.decimals);
}

/**
 * A cell in a figure column that holds something meant as a number but is none (issue 9): TRUE/FALSE, a date, or
 * text that looks like a number gone wrong — separators in the wrong places ("1,2,3", "12.3.4"), an exponent
 * ("1e400"), NaN or Infinity, a date typed as text. Words ("详见附表") are not counted: they may be a note.
 */
export function notANumber(v: CellValue, fmt?: string | null): string | null {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return readFormat(fmt).date ? excelNumberText(v) : null;
  if (typeof v !== 'string') return null;
  // a cell holds at most 32,767 characters (Excel's limit); anything longer is cut to it before any work
  const t = v.slice(0, MAX_CELL_TEXT).normalize('NFKC').trim();
  if (!t || parseNumberText(t) || (t.length <= MAX_FIGURE_TEXT && DASH_RE.test(t.replace(/\s+/g, '')))) return null;
  if (t.length <= MAX_FIGURE_TEXT && /^[-+]?(?:nan|inf(?:inity)?|∞)$/i.test(t)) return t;
  if (looksNumeric(t)) return shortened(t);
  if (t.length <= MAX_FIGURE_TEXT && /^\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?$/.test(t)) return t;
  return null;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_TEXT = 32_767;

const isDigit = (ch: number): boolean => ch >= 48 && ch <= 57;
const isSep = (ch: number): boolean => ch === 46 || ch === 44 || ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 12 || ch === 11 || ch === 0xa0 || ch === 0x3000;

/**
 * Digits with dots, commas and spaces, at least one digit, an optional sign or opening bracket first, an optional
 * exponent, closing bracket and percent sign last: a number gone wrong ("1,2,3", "12.3.4", "1e400"). One pass over
 * the text, however long (the pattern it replaces backtracked quadratically on long runs of digits).
 */
export function looksNumeric(t: string): boolean {
  let i = 0;
  const n = t.length;
  const c0 = t.charCodeAt(0);
  if (c0 === 45 || c0 === 43 || c0 === 40) i++;
  let digits = false;
  while (i < n) {
    const ch = t.charCodeAt(i);
    if (isDigit(ch)) digits = true;
    else if (!isSep(ch)) break;
    i++;
  }
  if (!digits) return false;
  if (i < n && (t[i] === 'e' || t[i] === 'E')) {
    let j = i + 1;
    if (j < n && (t[j] === '-' || t[j] === '+')) j++;
    const start = j;
    while (j < n && isDigit(t.charCodeAt(j))) j++;
    if (j === start) return false;
    i = j;
  }
  if (i < n && t[i] === ')') i++;
  if (i < n && t[i] === '%') i++;
  return i === n;
}

/** Long text shown in a message: its start, and how long it is. */
function shortened(t: string): string {
  return t.length <= MAX_FIGURE_TEXT ? t : `${t.slice(0, 20)}…（共 ${t.length} 个字符）`;
}
