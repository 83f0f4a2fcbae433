/**
 * What a row of a sheet holds, for finding tables (tables.ts): its texts, figures and errors, and the kinds of row
 * that sit in and around a table without being its lines — titles, headers, 栏次 lines, blank spacers, a header
 * repeated at a page break, a 续表 line, a 决算 line left empty but for its 行次.
 */
import { Grid } from '../grid';
import { normLabel } from '../text';
import { isIndexHeader, isLabelHeader } from '../vocabulary';

export interface RowScan {
  texts: number[];
  nums: number[];
  errors: number[];
  nodes: number;
  blank: boolean;
  /** isDataRow's answer for this row, once asked (a scan is of one row of one grid) */
  data?: boolean;
}

export const MAX_HEADER_ROWS = 4;

/** The particulars printed around a table's title: who made it, its number, its unit, its date. */
const META_LINE = /^(单位[:：]|金额单位|编制单位|填报单位|单位名称[:：]|部门名称[:：]|预算单位[:：]|公开\d+表|附表|附件|表\d|表号|填报日期|编制日期|日期[:：]|\d{4}年(度)?$)/;

export function scanRow(grid: Grid, r: number): RowScan {
  const texts: number[] = [];
  const nums: number[] = [];
  const errors: number[] = [];
  // merged areas crossing the row (none on most lines: no set, no lookups)
  const seen = grid.rowHasMerges(r) ? new Set<string>() : null;
  let plain = 0;
  let blank = true;
  for (const c of grid.cols(r)) {
    const m = seen ? grid.merge(r, c) : undefined;
    if (m) {
      const key = `${m.top},${m.left}`;
      const shown = grid.shownText(m.top, m.left);
      if (!seen!.has(key) && shown) seen!.add(key);
      // a row under a header cell merged down into it is part of that header, not a blank row
      if (m.top < r && shown) blank = false;
    }
    const i = grid.info(r, c);
    if (i.k === 'empty') continue;
    blank = false;
    if (i.k === 'text') {
      texts.push(c);
      if (!m) plain++;
    } else if (i.k === 'num') nums.push(c);
    else if (i.k === 'error') errors.push(c);
  }
  return { texts, nums, errors, nodes: plain + (seen ? seen.size : 0), blank };
}

export function isDataRow(grid: Grid, s: RowScan, r: number): boolean {
  return (s.data ??= dataRow(grid, s, r));
}

function dataRow(grid: Grid, s: RowScan, r: number): boolean {
  if (!s.texts.length || (!s.nums.length && !s.errors.length)) return false;
  const firstText = s.texts[0]!;
  // a figure right of the first text (the lists are in column order: their last is their rightmost)
  if (!(s.nums[s.nums.length - 1]! > firstText) && !(s.errors[s.errors.length - 1]! > firstText)) return false;
  const label = normLabel(grid.shownText(r, firstText));
  if (isLabelHeader(label) || label === '栏次' || isIndexHeader(label)) return false;
  return true;
}

/** Figures alone on a row (two or more, no text), other than a 栏次 line numbering the columns 1, 2, 3 …. */
export function isBareFigures(grid: Grid, s: RowScan, r: number): boolean {
  if (s.texts.length || s.nums.length < 2) return false;
  return !s.nums.every((c, i) => grid.num(r, c)?.value.eq(i + 1));
}

/**
 * A title line above a header: one text ("年度收入情况（万元）"), or two where one is a "单位：万元" or "附表3" line,
 * or a merged title across (nearly) the whole table. Not a header row whose label is merged down into it.
 */
export function isTitleRow(grid: Grid, s: RowScan, r: number, width: number): boolean {
  if (s.blank) return false;
  if (s.nodes <= 1) return !s.nums.length || s.texts.length > 0;
  // a line of the table's particulars only (编制单位：… | 公开01表 | 单位：元), however many cells it takes
  if (!s.nums.length && s.texts.length && s.texts.every((c) => META_LINE.test(normLabel(grid.shownText(r, c))))) return true;
  if (s.nodes > 2) return false;
  for (const c of s.texts) if (/^(单位[:：]|附表|附件|表\d)/.test(normLabel(grid.shownText(r, c)))) return true;
  let wide = false;
  for (const c of grid.cols(r)) {
    const m = grid.merge(r, c);
    if (m && m.bottom > m.top) return false;
    if (m && m.right - m.left + 1 >= width * 0.9) wide = true;
  }
  return wide;
}

/** A 栏次 line ("栏次 | 1 | 2 | 3") numbers the columns: neither header nor data. */
export function isColumnNumbers(grid: Grid, s: RowScan, r: number): boolean {
  const first = s.texts[0];
  return first !== undefined && /^(栏次|行次|序号)$/.test(normLabel(grid.shownText(r, first))) && s.texts.length === 1;
}

/** The label of a total line: 合计, 总计, 收入总计, 本年支出合计 … */
export const TOTAL_LINE = /(合计|总计|汇总)$/;

/** How many rows in a row a table may go on across (blank rows at most three of them). */
export const MAX_BRIDGE = 8;
/** On a side of a two-sided 总表, the rows where the other side has lines and this one none. */
export const MAX_SIDE_GAP = 60;
/** How many lines of zeros printed blank in a row a table may go on across (a 类 of a 功能分类 table with nothing in it). */
export const MAX_ZERO_LINES = 200;

/** The texts of a row, to know a header repeated at a page break. */
export function rowSignature(grid: Grid, s: RowScan, r: number): string {
  return s.texts.map((c) => `${c}:${normLabel(grid.shownText(r, c))}`).join('|');
}

/** The first column right of a row's first text that holds a figure (Infinity where none does). */
export function firstFigure(s: RowScan): number {
  const from = s.texts[0] ?? -1;
  return Math.min(s.nums.find((c) => c > from) ?? Infinity, s.errors.find((c) => c > from) ?? Infinity);
}

/** Text and no figures after it (a code left of the label is no figure). */
export function isLabelOnly(s: RowScan): boolean {
  const first = s.texts[0];
  return first !== undefined && !s.nums.some((c) => c > first) && !s.errors.some((c) => c > first);
}

/** A 决算 line left empty but for its 行次 number (a single small whole number, no text). */
export function isNumberedBlank(grid: Grid, s: RowScan, r: number): boolean {
  if (s.texts.length || s.nums.length !== 1 || s.errors.length) return false;
  const n = grid.num(r, s.nums[0]!);
  return !!n && n.value.isInteger() && n.value.gte(1) && n.value.lt(1000) && n.decimals === 0;
}

/** A "单位：万元", "续表" or "（续）" line where a table goes on over a page break. */
export function isContinuation(grid: Grid, s: RowScan, r: number): boolean {
  return isLabelOnly(s) && s.texts.length <= 2 && s.texts.every((c) => /^(单位[:：]|续表|\(续\)|（续）)/.test(normLabel(grid.shownText(r, c))));
}

/** A row that may sit inside a table without being data: blank, or one label and no figures. */
export function isBridge(s: RowScan): boolean {
  return s.blank || (s.texts.length === 1 && !s.nums.length && !s.errors.length);
}

/** A group label right above the first data row ("（一）本级" under the header): part of the table, not its header. */
export function isGroupLabelRow(grid: Grid, s: RowScan, r: number, labelCol: number): boolean {
  if (s.texts.length !== 1 || s.nums.length || s.errors.length || s.texts[0] !== labelCol) return false;
  const l = normLabel(grid.shownText(r, labelCol));
  return /^(\(?[一二三四五六七八九十]+[)、.]|[一二三四五六七八九十]+、|\d+[、.]|其中[:：]?$)/.test(l) && !isLabelHeader(l);
}
