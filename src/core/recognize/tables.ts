/**
 * Finding the tables of a sheet without configuration: blocks of data rows (a label, then figures) with a
 * header band of one to four rows above them and, above that, title lines ("年度收入情况（万元）", "单位：元").
 * Tables may be stacked on one sheet or stand one per sheet, with blank columns between their columns.
 */
import { UNCOMPUTED } from '../evaluate';
import { notANumber } from '../numbers';
import { Rect } from '../a1';
import { ToleranceOptions } from '../arith';
import { Grid } from '../grid';
import { displayLabel, normLabel, splitNumbering } from '../text';
import { conceptOf, isGroupTotalLabel, isIndexHeader, isLabelHeader, isQizhong, isRateHeader, isTextHeader, isUnitLabelHeader, measureOf, unitIn } from '../vocabulary';
import { classify } from './classify';
import { codeStructure } from './codes';
import { confirmTable } from './confirm';
import { HeaderBand, pathOf, readHeaderBand } from './headers';
import { Column, HeaderNode, Note, Row, Table } from './model';
import { findBudgetPairs, findChangePairs } from './pairs';
import { findRelations, GROUP_TOTAL_COLUMN } from './relations';
import { structureRows } from './rows';
import {
  firstFigure, isBareFigures, isBridge, isColumnNumbers, isContinuation, isDataRow, isGroupLabelRow, isLabelOnly, isNumberedBlank, isTitleRow,
  MAX_BRIDGE, MAX_HEADER_ROWS, MAX_SIDE_GAP, MAX_ZERO_LINES, rowSignature, RowScan, scanRow, TOTAL_LINE,
} from './scan';
import { tallyRows, unitColumns } from './unit-columns';

export interface TableContext {
  nextId: () => number;
  consumed: Set<number>;
  notes: Note[];
  tol: ToleranceOptions;
  /** the sheet is one side of a two-sided 总表: its lines may stop long before the other side's */
  side?: 'income' | 'expenditure';
}

export function findTables(grid: Grid, ctx: TableContext): Table[] {
  const scans: RowScan[] = [];
  for (let r = grid.top; r <= grid.bottom; r++) scans.push(scanRow(grid, r));
  const scan = (r: number): RowScan => scans[r - grid.top]!;
  const free = (r: number): boolean => r >= grid.top && r <= grid.bottom && !ctx.consumed.has(r);
  // a line of figures with no label of its own, right under a header (or under such a line): the one-row tables
  // (三公经费和机关运行经费预算表: 合计 | 因公出国（境）费 | … over one row of figures)
  const bare = (r: number): boolean => free(r) && isBareFigures(grid, scan(r), r)
    && free(r - 1) && (bare(r - 1) || (scan(r - 1).texts.length >= 2 && !isDataRow(grid, scan(r - 1), r - 1)));
  // asked several times a row (the table's extent, its bridges): answered once (nothing here changes a row's answer)
  const known: (boolean | undefined)[] = new Array(grid.bottom - grid.top + 1).fill(undefined);
  const data = (r: number): boolean => {
    if (r < grid.top || r > grid.bottom) return false;
    return (known[r - grid.top] ??= free(r) && (isDataRow(grid, scan(r), r) || bare(r)));
  };

  const tables: Table[] = [];
  let r = grid.top;
  while (r <= grid.bottom) {
    if (!data(r)) {
      r++;
      continue;
    }
    const start = r;
    let end = r;
    let k = r + 1;
    // rows inside the table that are neither data nor lines of it: a header repeated at a page break, its 栏次
    // line, a "单位：万元" or "续表" line
    const skip = new Set<number>();
    const heads = new Set<string>();
    for (let h = start - 1; h >= Math.max(grid.top, start - MAX_HEADER_ROWS); h--) if (scan(h).texts.length >= 2) heads.add(rowSignature(grid, scan(h), h));
    let figLeft = firstFigure(scan(start));
    while (k <= grid.bottom) {
      if (data(k)) {
        end = k;
        figLeft = Math.min(figLeft, firstFigure(scan(k)));
        k++;
        continue;
      }
      // bridge rows when the table goes on after them: up to three blank rows (spacers before the 总计 line), lines
      // with a label and no figures ("（二）下属单位", a zero line printed blank), a repeated header
      let j = k;
      let blanks = 0;
      const bridged: number[] = [];
      // zero lines that say so (a code, a numbering, an amount's name) may run on for a whole 类 of a 功能分类 table
      const gap = ctx.side ? MAX_SIDE_GAP : MAX_BRIDGE;
      const labelCol = scan(start).texts[0];
      let others = 0;
      while (j < k + MAX_ZERO_LINES && free(j)) {
        const sj = scan(j);
        if (sj.blank) {
          if (++blanks > (ctx.side ? MAX_SIDE_GAP : 3)) break;
        } else if (heads.has(rowSignature(grid, sj, j)) || isColumnNumbers(grid, sj, j) || isContinuation(grid, sj, j) || isNumberedBlank(grid, sj, j)) bridged.push(j);
        else if (labelCol !== undefined && isZeroLine(grid, sj, j, labelCol)) { /* a line of zeros printed blank */ }
        else if (!isBridge(sj) && !(isLabelOnly(sj) && sj.texts.every((c) => c < figLeft))) break;
        else if (++others > gap) break;
        j++;
      }
      if (j > k && data(j)) {
        for (const b of bridged) skip.add(b);
        k = j;
        continue;
      }
      break;
    }
    // a total line printed blank after the last line (its figures left empty), and the blank lines before it
    // (结转下年, 支出总计 on a side whose 总计 was left empty), are still the table's
    const blankLine = (y: number): boolean => free(y) && isLabelOnly(scan(y)) && scan(y).texts.every((c) => c < figLeft);
    const totalLine = (y: number): boolean => TOTAL_LINE.test(normLabel(grid.shownText(y, scan(y).texts[scan(y).texts.length - 1]!)));
    for (let y = end + 1; y <= end + 3 && blankLine(y); y++) if (totalLine(y)) end = y;
    r = end + 1;
    const table = buildTable(grid, start, end, scan, ctx, skip);
    if (table) tables.push(table);
  }
  return tables;
}

function buildTable(grid: Grid, start: number, end: number, scan: (r: number) => RowScan, ctx: TableContext, skip: ReadonlySet<number>): Table | null {
  const head = headerOf(grid, start, end, scan, ctx);
  if (!head) return null;
  const { headerRows } = head;
  const dataRows: number[] = [];
  for (let y = head.start; y <= end; y++) if (!scan(y).blank && !skip.has(y)) dataRows.push(y);
  const { left, right } = spanOf(grid, headerRows, dataRows, scan);
  const band = readHeaderBand(grid, headerRows, left, right);
  const read = readColumns(grid, band, dataRows, left, right);
  if (!read) return null;
  const { columns, numberCols } = read;
  // lines of figures with no label (a one-row table) are named by their row; the label column is virtual
  const unlabelled = read.labelCol === undefined && dataRows.every((y) => !scan(y).texts.length);
  if ((read.labelCol === undefined && !unlabelled) || !numberCols.length) return null;
  const labelCol = read.labelCol ?? left - 1;
  const label = columns.find((c) => c.col === labelCol);
  if (label) label.role = 'label';
  // figures left of the label column are codes, not amounts
  for (const c of numberCols) if (c.col < labelCol) c.role = 'index';
  for (const c of columns) if (c.role === 'number') nameMeasure(grid, c, dataRows);

  const rows = readRows(grid, dataRows, labelCol, left, numberCols, unlabelled);
  const sumCols = numberCols.filter((c) => c.role === 'number' && c.measure !== 'rate' && !c.percentPoints).map((c) => c.col);
  const coded = codeStructure(grid, columns, rows, labelCol);
  const structure = coded ?? structureRows(grid, rows, sumCols, ctx.tol);
  const { title, unit } = titleAndUnit(grid, headerRows[0]!, right - left + 1, columns, scan, ctx);

  const relations = findRelations(band, columns, (whole, parts) => tallyRows(grid, rows, whole, parts, ctx.tol));
  const units = unitColumns(grid, columns, rows, sumCols, ctx.tol);
  if (units) relations.push(units);
  // years first: a budget and an actual of different years are no budget pair
  const changePairs = findChangePairs(columns);
  const budgetPairs = findBudgetPairs(columns);
  const labelLeaf = label?.path.at(-1)?.label ?? '';
  const rowKinds = rows.map((w) => conceptOf(w.key)).filter((c) => !!c).map((c) => c!.kind);
  const kind = classify(columns, budgetPairs, title ?? '', labelLeaf, structure.total !== undefined, relations.length > 0 || structure.rowRelations.length > 0, rowKinds);
  if (!kind) return null;
  // rows are sub-units when the label column says so (机构名称, 单位名称 …), or, in a 收支 table whose label
  // header names nothing else, when no row is a line such as 基本支出; rows keyed by 科目 codes are lines, not units
  const unitRows = !units && (isUnitLabelHeader(labelLeaf)
    || (!coded && ['income', 'expenditure', 'sangong', 'assets'].includes(kind) && !isLabelHeader(labelLeaf) && !rows.some((w) => conceptOf(w.key))));

  const id = ctx.nextId();
  const rect: Rect = { top: headerRows[0]!, left, bottom: dataRows[dataRows.length - 1]!, right };
  cellNotes(grid, numberCols, dataRows, id, ctx.notes);
  const table: Table = {
    id, kind, sheet: grid.name, grid, rect, headerRows, title, unit, labelCol, columns, rows,
    total: structure.total, relations, rowRelations: structure.rowRelations, budgetPairs, changePairs, unitRows,
    unitCols: !!units, year: yearIn(title ?? ''), ...(ctx.side ? { side: ctx.side } : {}),
  };
  confirmTable(table, ctx.tol, ctx.notes);
  return table;
}

/** The header band right above the data (non-data, non-title rows, up to four), and where the data starts once
 *  group label rows right under the header ("（一）本级") are taken into the table. */
function headerOf(grid: Grid, start: number, end: number, scan: (r: number) => RowScan, ctx: TableContext): { headerRows: number[]; start: number } | null {
  const headerRows: number[] = [];
  let dataRight = grid.left;
  for (let y = start; y <= end; y++) {
    const s = scan(y);
    dataRight = Math.max(dataRight, s.texts[s.texts.length - 1] ?? 0, s.nums[s.nums.length - 1] ?? 0, s.errors[s.errors.length - 1] ?? 0);
  }
  const width = dataRight - grid.left + 1;
  const firstText = scan(start).texts[0];
  // group label rows right under the header ("（一）本级") belong to the table
  while (start - 1 >= grid.top && firstText !== undefined && !ctx.consumed.has(start - 1) && isGroupLabelRow(grid, scan(start - 1), start - 1, firstText)) start--;
  // and so do its first lines printed blank (zero lines: a label in the label column, perhaps a code or a numbering,
  // no figures) between the header and the first line with figures
  if (firstText !== undefined) {
    let k = start - 1;
    while (k >= grid.top && start - 1 - k < MAX_BRIDGE && !ctx.consumed.has(k) && isZeroLine(grid, scan(k), k, firstText)) k--;
    const above = k >= grid.top ? scan(k) : undefined;
    if (k < start - 1 && above && above.texts.length >= 2 && !isDataRow(grid, above, k) && !isTitleRow(grid, above, k, width) && !ctx.consumed.has(k)) start = k + 1;
  }
  for (let h = start - 1; h >= grid.top && headerRows.length < MAX_HEADER_ROWS; h--) {
    const s = scan(h);
    if (isColumnNumbers(grid, s, h) && !headerRows.length) continue;
    if (s.blank || ctx.consumed.has(h) || isDataRow(grid, s, h) || isTitleRow(grid, s, h, width)) break;
    headerRows.unshift(h);
  }
  return headerRows.length ? { headerRows, start } : null;
}

/** A line whose figures are zero, printed blank: its label in the label column, a code left of it or an outline
 *  number or an amount's name (…收入, …支出, …费), and no figures. */
function isZeroLine(grid: Grid, s: RowScan, r: number, labelCol: number): boolean {
  if (s.texts[0] !== labelCol || s.texts.length !== 1 || !isLabelOnly(s)) return false;
  const label = normLabel(grid.shownText(r, labelCol));
  const coded = s.nums.some((c) => c < labelCol);
  return !isLabelHeader(label) && (coded || splitNumbering(label).style !== '' || /(收入|支出|费|经费|拨款|资金)$/.test(label));
}

/** The columns a table spans: its header cells and the cells of its lines. */
function spanOf(grid: Grid, headerRows: number[], dataRows: number[], scan: (r: number) => RowScan): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const h of headerRows) {
    for (const c of grid.cols(h)) {
      if (grid.shownText(h, c)) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
  }
  for (const y of dataRows) {
    const s = scan(y);
    for (const list of [s.texts, s.nums, s.errors]) {
      if (!list.length) continue;
      left = Math.min(left, list[0]!);
      right = Math.max(right, list[list.length - 1]!);
    }
  }
  return { left, right };
}

/** Each column's role (label, index, number, text) from its header and what its lines hold, and the best label
 *  column (most texts, a label header such as 项目 or 单位名称 counting for all lines). */
function readColumns(grid: Grid, band: HeaderBand, dataRows: number[], left: number, right: number): { columns: Column[]; numberCols: Column[]; labelCol?: number } | null {
  const columns: Column[] = [];
  let bestLabel: { col: number; score: number } | null = null;
  for (const c of grid.usedCols()) {
    if (c < left || c > right) continue;
    const path = pathOf(band, c);
    let nums = 0;
    let texts = 0;
    for (const y of dataRows) {
      const i = grid.info(y, c);
      if (i.k === 'num' || i.k === 'dash' || i.k === 'error') nums++;
      else if (i.k === 'text') texts++;
    }
    if (!path.length && !nums && !texts) continue;
    const leaf = path[path.length - 1];
    const leafLabel = leaf?.label ?? '';
    let role: Column['role'];
    if (leaf && isIndexHeader(leafLabel)) role = 'index';
    else if (nums > texts && !(leaf && isLabelHeader(leafLabel)) && !(leaf && isTextHeader(leafLabel) && texts > 0)) role = 'number';
    // a column of figures the person has not filled in yet (its header says 决算数, 收入合计, 合计 …) is still one
    else if (!texts && leaf && (measureOf(leafLabel) || conceptOf(leafLabel) || isGroupTotalLabel(leafLabel) || GROUP_TOTAL_COLUMN.test(leafLabel)) && !isLabelHeader(leafLabel)) role = 'number';
    else role = 'text';
    columns.push({ col: c, role, path, name: columnName(path) });
    if (role === 'text') {
      const score = texts + (leaf && isLabelHeader(leafLabel) ? dataRows.length : 0);
      if (!bestLabel || score > bestLabel.score) bestLabel = { col: c, score };
    }
  }
  return { columns, numberCols: columns.filter((c) => c.role === 'number'), ...(bestLabel ? { labelCol: bestLabel.col } : {}) };
}

/** A figure column's measure and concept from its header path (the nearest naming one), and whether its rates are
 *  percent figures (94.78) or fractions (0.9478 formatted as a percentage). */
function nameMeasure(grid: Grid, c: Column, dataRows: number[]): void {
  for (let i = c.path.length - 1; i >= 0; i--) {
    const n = c.path[i]!;
    if (!c.measure) c.measure = measureOf(n.label);
    if (!c.concept) c.concept = conceptOf(n.label)?.id;
  }
  if (c.measure === 'rate' || c.path.some((n) => isRateHeader(n.label) && !conceptOf(n.label))) {
    c.measure = c.measure ?? 'rate';
    c.percentPoints = true;
    for (const y of dataRows) {
      const i = grid.info(y, c.col);
      if (i.k === 'num' && i.n.percent) c.percentPoints = false;
    }
  }
}

/** The table's lines: label and key (numbering and "其中：" taken off), indentation, and whether it is a line of rates. */
function readRows(grid: Grid, dataRows: number[], labelCol: number, left: number, numberCols: Column[], unlabelled: boolean): Row[] {
  const rows: Row[] = [];
  for (const y of dataRows) {
    let text = grid.shownText(y, labelCol);
    if (!text) for (let c = left; c < labelCol && !text; c++) if (grid.info(y, c).k === 'text') text = grid.shownText(y, c);
    let read = text ? readLabel(text) : undefined;
    if (!read || (!read.label && unlabelled)) read = readLabelNow(unlabelled ? `第${y + 1}行` : '');
    if (read.header) continue;
    const { label, key, ofWhich, byList } = read;
    const indent = indentOf(grid, y, labelCol);
    const row: Row = { row: y, label, key, ofWhich, byList, indent, numbering: read.style, role: 'detail', children: [], parent: null };
    // a row of rates (执行率, 占比, 增长率 …) or holding only percentages, where the units are columns
    let pct = 0;
    let figs = 0;
    for (const c of numberCols) {
      const i = grid.info(y, c.col);
      if (i.k !== 'num') continue;
      figs++;
      if (i.n.percent) pct++;
    }
    if (read.rateKey || (figs > 0 && pct === figs)) row.rate = true;
    rows.push(row);
  }
  return rows;
}

/** What a line's label says, read from the text shown in its label cell. */
interface LabelReading {
  label: string;
  key: string;
  ofWhich: boolean;
  byList: boolean;
  style: string;
  /** 栏次 or a label header (项目, 单位名称 …): a header line, not a line of the table */
  header: boolean;
  /** the key names a rate or a share (执行率, 占比 …) and no amount */
  rateKey: boolean;
}

/** Readings of the label texts seen lately: the same units and lines stand in every table of a workbook, and
 *  reading one takes a dozen patterns. A size cap that clears, as numbers.ts's format cache. */
const labelReadings = new Map<string, LabelReading>();
const LABEL_CACHE_LIMIT = 16_384;

function readLabel(text: string): LabelReading {
  let r = labelReadings.get(text);
  if (!r) {
    r = readLabelNow(displayLabel(text));
    if (labelReadings.size >= LABEL_CACHE_LIMIT) labelReadings.clear();
    labelReadings.set(text, r);
  }
  return r;
}

function readLabelNow(label: string): LabelReading {
  const numbered = splitNumbering(normLabel(label));
  const full = numbered.rest;
  const header = full === '栏次' || isLabelHeader(full);
  const ofWhich = /^其中[:：-]?./.test(full);
  const byList = /^按.{1,10}分[:：]./.test(full);
  const key = ofWhich ? splitNumbering(full.replace(/^其中[:：-]?/, '')).rest : byList ? full.replace(/^按.{1,10}分[:：]/, '') : full;
  return { label, key, ofWhich, byList, style: numbered.style, header, rateKey: /(率|%|比例|进度|占比|比重)$/.test(key) && !conceptOf(key) };
}

/** Title and unit from the lines above the header (up to three), else the unit from the header itself. */
function titleAndUnit(grid: Grid, headerTop: number, width: number, columns: Column[], scan: (r: number) => RowScan, ctx: TableContext): { title?: string; unit?: Table['unit'] } {
  let title: string | undefined;
  let unit = undefined as Table['unit'];
  for (let y = headerTop - 1; y >= Math.max(grid.top, headerTop - 3); y--) {
    const s = scan(y);
    if (s.blank) continue;
    if (ctx.consumed.has(y) || isDataRow(grid, s, y) || !isTitleRow(grid, s, y, width)) break;
    for (const c of grid.cols(y)) {
      const t = grid.info(y, c).k === 'text' ? grid.shownText(y, c) : '';
      if (!t) continue;
      unit = unit ?? unitIn(t);
      if (!title && !/^单位[:：]/.test(normLabel(t))) title = displayLabel(t);
    }
  }
  if (!unit) for (const c of columns) for (const n of c.path) unit = unit ?? unitIn(n.label);
  return { title, unit };
}

/** Figure cells that are no plain number: numbers stored as text, text that is no number, error values. */
function cellNotes(grid: Grid, numberCols: Column[], dataRows: number[], tableId: number, notes: Note[]): void {
  for (const c of numberCols) {
    if (c.role !== 'number') continue;
    for (const y of dataRows) {
      const i = grid.info(y, c.col);
      if (i.k === 'num' && i.n.fromText) notes.push({ kind: 'number-as-text', sheet: grid.name, row: y, col: c.col, text: grid.shownText(y, c.col), tableId });
      if (i.k === 'text') {
        const bad = notANumber(grid.raw(y, c.col), grid.format(y, c.col));
        if (bad !== null) notes.push({ kind: 'not-a-number', sheet: grid.name, row: y, col: c.col, text: bad, tableId });
      }
      // a formula the file saved no result for is said by input/uncomputed, not shown as an error value
      if (i.k === 'error' && i.e !== UNCOMPUTED) notes.push({ kind: 'error-value', sheet: grid.name, row: y, col: c.col, text: i.e, tableId });
    }
  }
}

/** The year a title names: "2021年度“三公”经费预算执行情况" → 2021. */
export function yearIn(text: string): number | undefined {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Leading indentation of a label cell: spaces count one, full-width spaces two, the cell's indent level four. */
function indentOf(grid: Grid, r: number, c: number): number {
  const raw = grid.raw(r, c);
  let n = 4 * grid.indent(r, c);
  if (typeof raw === 'string') {
    for (const ch of raw) {
      if (ch === ' ' || ch === '\u00a0') n += 1;
      else if (ch === '\u3000') n += 2;
      else if (ch === '\t') n += 4;
      else break;
    }
  }
  return n;
}

function columnName(path: HeaderNode[]): string {
  const named = path.filter((n) => !isQizhong(n.label));
  if (!named.length) return '';
  const leaf = named[named.length - 1]!;
  if (named.length > 1 && (measureOf(leaf.label) || isGroupTotalLabel(leaf.label))) {
    return `${named[named.length - 2]!.text}·${leaf.text}`;
  }
  return leaf.text;
}
