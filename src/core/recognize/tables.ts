/**
 * Finding the tables of a sheet without configuration: blocks of data rows (a label, then figures) with a
 * header band of one to four rows above them and, above that, title lines ("年度收入情况（万元）", "单位：元").
 * Tables may be stacked on one sheet or stand one per sheet, with blank columns between their columns.
 */
import { UNCOMPUTED } from '../evaluate';
import { notANumber } from '../numbers';
import { Rect } from '../a1';
import { checkSum, ToleranceOptions } from '../arith';
import { Grid } from '../grid';
import { displayLabel, normLabel, splitNumbering } from '../text';
import {
  budgetStage, Concept, ConceptId, conceptById, conceptOf, IDENTITIES, isGroupTotalLabel, isIndexHeader, isLabelHeader, isOtherLabel, isQizhong,
  isRateHeader, isSubtotalRowLabel, isTextHeader, isTotalRowLabel, isUnitLabelHeader, Measure, measureOf, unitIn,
} from '../vocabulary';
import { HeaderBand, pathOf, readHeaderBand } from './headers';
import { BudgetPair, ChangePair, Column, HeaderNode, Note, Relation, Row, Table, TableKind } from './model';
import { confirmTable } from './confirm';
import { codeStructure } from './codes';
import { structureRows } from './rows';

interface RowScan {
  texts: number[];
  nums: number[];
  errors: number[];
  nodes: number;
  blank: boolean;
}

const MAX_HEADER_ROWS = 4;

function scanRow(grid: Grid, r: number): RowScan {
  const texts: number[] = [];
  const nums: number[] = [];
  const errors: number[] = [];
  const seen = grid.hasMerges ? new Set<string>() : null;
  let plain = 0;
  let blank = true;
  const end = grid.rowRight(r);
  for (let c = grid.left; c <= end; c++) {
    const m = seen ? grid.merge(r, c) : undefined;
    if (m) {
      const key = `${m.top},${m.left}`;
      if (!seen!.has(key) && grid.shownText(m.top, m.left)) seen!.add(key);
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

function isDataRow(grid: Grid, s: RowScan, r: number): boolean {
  if (!s.texts.length || (!s.nums.length && !s.errors.length)) return false;
  const firstText = s.texts[0]!;
  const figures = [...s.nums, ...s.errors];
  if (!figures.some((c) => c > firstText)) return false;
  const label = normLabel(grid.shownText(r, firstText));
  if (isLabelHeader(label) || label === '栏次' || isIndexHeader(label)) return false;
  return true;
}

/** Figures alone on a row (two or more, no text), other than a 栏次 line numbering the columns 1, 2, 3 …. */
function isBareFigures(grid: Grid, s: RowScan, r: number): boolean {
  if (s.texts.length || s.nums.length < 2) return false;
  return !s.nums.every((c, i) => grid.num(r, c)?.value.eq(i + 1));
}

/**
 * A title line above a header: one text ("年度收入情况（万元）"), or two where one is a "单位：万元" or "附表3" line,
 * or a merged title across (nearly) the whole table. Not a header row whose label is merged down into it.
 */
function isTitleRow(grid: Grid, s: RowScan, r: number, width: number): boolean {
  if (s.blank) return false;
  if (s.nodes <= 1) return !s.nums.length || s.texts.length > 0;
  if (s.nodes > 2) return false;
  for (const c of s.texts) if (/^(单位[:：]|附表|附件|表\d)/.test(normLabel(grid.shownText(r, c)))) return true;
  let wide = false;
  for (let c = grid.left, end = grid.rowRight(r); c <= end; c++) {
    const m = grid.merge(r, c);
    if (m && m.bottom > m.top) return false;
    if (m && m.right - m.left + 1 >= width * 0.9) wide = true;
  }
  return wide;
}

/** A 栏次 line ("栏次 | 1 | 2 | 3") numbers the columns: neither header nor data. */
function isColumnNumbers(grid: Grid, s: RowScan, r: number): boolean {
  const first = s.texts[0];
  return first !== undefined && /^(栏次|行次|序号)$/.test(normLabel(grid.shownText(r, first))) && s.texts.length === 1;
}

/** The label of a total line: 合计, 总计, 收入总计, 本年支出合计 … */
const TOTAL_LINE = /(合计|总计|汇总)$/;

/** How many rows in a row a table may go on across (blank rows at most three of them). */
const MAX_BRIDGE = 8;
/** On a side of a two-sided 总表, the rows where the other side has lines and this one none. */
const MAX_SIDE_GAP = 60;

/** The texts of a row, to know a header repeated at a page break. */
function rowSignature(grid: Grid, s: RowScan, r: number): string {
  return s.texts.map((c) => `${c}:${normLabel(grid.shownText(r, c))}`).join('|');
}

/** The first column right of a row's first text that holds a figure (Infinity where none does). */
function firstFigure(s: RowScan): number {
  const from = s.texts[0] ?? -1;
  return Math.min(s.nums.find((c) => c > from) ?? Infinity, s.errors.find((c) => c > from) ?? Infinity);
}

/** Text and no figures after it (a code left of the label is no figure). */
function isLabelOnly(s: RowScan): boolean {
  const first = s.texts[0];
  return first !== undefined && !s.nums.some((c) => c > first) && !s.errors.some((c) => c > first);
}

/** A 决算 line left empty but for its 行次 number (a single small whole number, no text). */
function isNumberedBlank(grid: Grid, s: RowScan, r: number): boolean {
  if (s.texts.length || s.nums.length !== 1 || s.errors.length) return false;
  const n = grid.num(r, s.nums[0]!);
  return !!n && n.value.isInteger() && n.value.gte(1) && n.value.lt(1000) && n.decimals === 0;
}

/** A "单位：万元", "续表" or "（续）" line where a table goes on over a page break. */
function isContinuation(grid: Grid, s: RowScan, r: number): boolean {
  return isLabelOnly(s) && s.texts.length <= 2 && s.texts.every((c) => /^(单位[:：]|续表|\(续\)|（续）)/.test(normLabel(grid.shownText(r, c))));
}

/** A row that may sit inside a table without being data: blank, or one label and no figures. */
function isBridge(s: RowScan): boolean {
  return s.blank || (s.texts.length === 1 && !s.nums.length && !s.errors.length);
}

/** A group label right above the first data row ("（一）本级" under the header): part of the table, not its header. */
function isGroupLabelRow(grid: Grid, s: RowScan, r: number, labelCol: number): boolean {
  if (s.texts.length !== 1 || s.nums.length || s.errors.length || s.texts[0] !== labelCol) return false;
  const l = normLabel(grid.shownText(r, labelCol));
  return /^(\(?[一二三四五六七八九十]+[)、.]|[一二三四五六七八九十]+、|\d+[、.]|其中[:：]?$)/.test(l) && !isLabelHeader(l);
}

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
  const data = (r: number): boolean => free(r) && (isDataRow(grid, scan(r), r) || bare(r));

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
      const gap = ctx.side ? MAX_SIDE_GAP : MAX_BRIDGE;
      while (j < k + gap && free(j)) {
        const sj = scan(j);
        if (sj.blank) {
          if (++blanks > (ctx.side ? MAX_SIDE_GAP : 3)) break;
        } else if (heads.has(rowSignature(grid, sj, j)) || isColumnNumbers(grid, sj, j) || isContinuation(grid, sj, j) || isNumberedBlank(grid, sj, j)) bridged.push(j);
        else if (!isBridge(sj) && !(isLabelOnly(sj) && sj.texts.every((c) => c < figLeft))) break;
        j++;
      }
      if (j > k && data(j)) {
        for (const b of bridged) skip.add(b);
        k = j;
        continue;
      }
      break;
    }
    // a total line printed blank after the last line (its figures left empty) is still the table's
    while (free(end + 1) && isLabelOnly(scan(end + 1)) && scan(end + 1).texts.every((c) => c < figLeft)
      && TOTAL_LINE.test(normLabel(grid.shownText(end + 1, scan(end + 1).texts[scan(end + 1).texts.length - 1]!)))) end++;
    r = end + 1;
    const table = buildTable(grid, start, end, scan, ctx, skip);
    if (table) tables.push(table);
  }
  return tables;
}

function buildTable(grid: Grid, start: number, end: number, scan: (r: number) => RowScan, ctx: TableContext, skip: ReadonlySet<number>): Table | null {
  // header band: non-data, non-title rows right above the data
  const headerRows: number[] = [];
  let dataRight = grid.left;
  for (let y = start; y <= end; y++) {
    const s = scan(y);
    dataRight = Math.max(dataRight, s.texts[s.texts.length - 1] ?? 0, s.nums[s.nums.length - 1] ?? 0, s.errors[s.errors.length - 1] ?? 0);
  }
  const width = dataRight - grid.left + 1;
  const firstText = scan(start).texts[0];
  while (start - 1 >= grid.top && firstText !== undefined && !ctx.consumed.has(start - 1) && isGroupLabelRow(grid, scan(start - 1), start - 1, firstText)) start--;
  for (let h = start - 1; h >= grid.top && headerRows.length < MAX_HEADER_ROWS; h--) {
    const s = scan(h);
    if (isColumnNumbers(grid, s, h) && !headerRows.length) continue;
    if (s.blank || ctx.consumed.has(h) || isDataRow(grid, s, h) || isTitleRow(grid, s, h, width)) break;
    headerRows.unshift(h);
  }
  if (!headerRows.length) return null;
  const dataRows: number[] = [];
  for (let y = start; y <= end; y++) if (!scan(y).blank && !skip.has(y)) dataRows.push(y);

  // span: header cells and figures
  let left = Infinity;
  let right = -Infinity;
  for (const h of headerRows) {
    for (let c = grid.left, end = grid.rowRight(h); c <= end; c++) {
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
  const band = readHeaderBand(grid, headerRows, left, right);

  // columns
  const columns: Column[] = [];
  let bestLabel: { col: number; score: number } | null = null;
  for (let c = left; c <= right; c++) {
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
    // a column of figures the person has not filled in yet (its header says 决算数, 收入合计 …) is still one
    else if (!texts && leaf && (measureOf(leafLabel) || conceptOf(leafLabel) || isGroupTotalLabel(leafLabel) || GROUP_TOTAL_COLUMN.test(leafLabel)) && !isLabelHeader(leafLabel)) role = 'number';
    else role = 'text';
    columns.push({ col: c, role, path, name: columnName(path) });
    if (role === 'text') {
      const score = texts + (leaf && isLabelHeader(leafLabel) ? dataRows.length : 0);
      if (!bestLabel || score > bestLabel.score) bestLabel = { col: c, score };
    }
  }
  const numberCols = columns.filter((c) => c.role === 'number');
  // lines of figures with no label (a one-row table) are named by their row; the label column is virtual
  const unlabelled = !bestLabel && dataRows.every((y) => !scan(y).texts.length);
  if ((!bestLabel && !unlabelled) || !numberCols.length) return null;
  const labelCol = bestLabel ? bestLabel.col : left - 1;
  if (bestLabel) columns.find((c) => c.col === labelCol)!.role = 'label';
  // figures left of the label column are codes, not amounts
  for (const c of numberCols) if (c.col < labelCol) c.role = 'index';

  for (const c of columns) {
    if (c.role !== 'number') continue;
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

  // rows
  const rows: Row[] = [];
  for (const y of dataRows) {
    let text = grid.shownText(y, labelCol);
    if (!text) for (let c = left; c < labelCol && !text; c++) if (grid.info(y, c).k === 'text') text = grid.shownText(y, c);
    const label = displayLabel(text) || (unlabelled ? `第${y + 1}行` : '');
    const numbered = splitNumbering(normLabel(label));
    const full = numbered.rest;
    if (full === '栏次' || isLabelHeader(full)) continue;
    const ofWhich = /^其中[:：-]?./.test(full);
    const byList = /^按.{1,10}分[:：]./.test(full);
    const key = ofWhich ? splitNumbering(full.replace(/^其中[:：-]?/, '')).rest : byList ? full.replace(/^按.{1,10}分[:：]/, '') : full;
    const indent = indentOf(grid, y, labelCol);
    const row: Row = { row: y, label, key, ofWhich, byList, indent, numbering: numbered.style, role: 'detail', children: [], parent: null };
    // a row of rates (执行率, 占比, 增长率 …) or holding only percentages, where the units are columns
    let pct = 0;
    let figs = 0;
    for (const c of numberCols) {
      const i = grid.info(y, c.col);
      if (i.k !== 'num') continue;
      figs++;
      if (i.n.percent) pct++;
    }
    if ((/(率|%|比例|进度|占比|比重)$/.test(key) && !conceptOf(key)) || (figs > 0 && pct === figs)) row.rate = true;
    rows.push(row);
  }
  const sumCols = numberCols.filter((c) => c.role === 'number' && c.measure !== 'rate' && !c.percentPoints).map((c) => c.col);
  const structure = codeStructure(grid, columns, rows, labelCol) ?? structureRows(grid, rows, sumCols, ctx.tol);

  // title and unit from the lines above the header, else from the header itself
  let title: string | undefined;
  let unit = undefined as Table['unit'];
  for (let y = headerRows[0]! - 1; y >= Math.max(grid.top, headerRows[0]! - 3); y--) {
    const s = scan(y);
    if (s.blank) continue;
    if (ctx.consumed.has(y) || isDataRow(grid, s, y) || !isTitleRow(grid, s, y, right - left + 1)) break;
    for (let c = grid.left, end = grid.rowRight(y); c <= end; c++) {
      const t = grid.info(y, c).k === 'text' ? grid.shownText(y, c) : '';
      if (!t) continue;
      unit = unit ?? unitIn(t);
      if (!title && !/^单位[:：]/.test(normLabel(t))) title = displayLabel(t);
    }
  }
  if (!unit) for (const c of columns) for (const n of c.path) unit = unit ?? unitIn(n.label);

  const relations = findRelations(band, columns, (whole, parts) => tallyRows(grid, rows, whole, parts, ctx.tol));
  const units = unitColumns(grid, columns, rows, sumCols, ctx.tol);
  if (units) relations.push(units);
  const budgetPairs = findBudgetPairs(columns);
  const changePairs = findChangePairs(columns);
  const labelLeaf = columns.find((c) => c.col === labelCol)?.path.at(-1)?.label ?? '';
  const rowKinds = rows.map((w) => conceptOf(w.key)).filter((c) => !!c).map((c) => c!.kind);
  const kind = classify(columns, budgetPairs, title ?? '', labelLeaf, structure.total !== undefined, relations.length > 0 || structure.rowRelations.length > 0, rowKinds);
  if (!kind) return null;
  // rows are sub-units when the label column says so (机构名称, 单位名称 …), or, in a 收支 table whose label
  // header names nothing else, when no row is a line such as 基本支出
  const unitRows = isUnitLabelHeader(labelLeaf)
    || (['income', 'expenditure', 'sangong', 'assets'].includes(kind) && !isLabelHeader(labelLeaf) && !rows.some((w) => conceptOf(w.key)));

  const id = ctx.nextId();
  const rect: Rect = { top: headerRows[0]!, left, bottom: dataRows[dataRows.length - 1]!, right };
  for (const c of numberCols) {
    if (c.role !== 'number') continue;
    for (const y of dataRows) {
      const i = grid.info(y, c.col);
      if (i.k === 'num' && i.n.fromText) ctx.notes.push({ kind: 'number-as-text', sheet: grid.name, row: y, col: c.col, text: grid.shownText(y, c.col), tableId: id });
      if (i.k === 'text') {
        const bad = notANumber(grid.raw(y, c.col), grid.format(y, c.col));
        if (bad !== null) ctx.notes.push({ kind: 'not-a-number', sheet: grid.name, row: y, col: c.col, text: bad, tableId: id });
      }
      // a formula the file saved no result for is said by input/uncomputed, not shown as an error value
      if (i.k === 'error' && i.e !== UNCOMPUTED) ctx.notes.push({ kind: 'error-value', sheet: grid.name, row: y, col: c.col, text: i.e, tableId: id });
    }
  }
  const table: Table = {
    id, kind, sheet: grid.name, grid, rect, headerRows, title, unit, labelCol, columns, rows,
    total: structure.total, relations, rowRelations: structure.rowRelations, budgetPairs, changePairs, unitRows: unitRows && !units,
    unitCols: !!units, year: yearIn(title ?? ''), ...(ctx.side ? { side: ctx.side } : {}),
  };
  confirmTable(table, ctx.tol, ctx.notes);
  return table;
}

/** The year a title names: "2021年度“三公”经费预算执行情况" → 2021. */
export function yearIn(text: string): number | undefined {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Units as columns (项目 | 汇总 | 局机关 | 妇幼保健院 …, the measures as rows): the rows are measures (收入合计,
 * 基本支出 …), the figure columns are named by no measure, and one of them is a 汇总/合计/总计 column. Its relation
 * to the unit columns is proposed here and decided by the figures (see confirm.ts); 小计 columns among the units
 * gather the units before them or after them, whichever the figures agree with.
 */
function unitColumns(grid: Grid, columns: Column[], rows: Row[], sumCols: number[], tol: ToleranceOptions): Relation | undefined {
  const measureRows = rows.filter((r) => conceptOf(r.key)).length;
  if (measureRows < 2 || measureRows * 2 < rows.length) return undefined;
  const cols = columns.filter((c) => c.role === 'number' && sumCols.includes(c.col));
  const leaf = (c: Column): string => c.path.at(-1)?.label ?? '';
  // units are names: not measures, concepts, years (2021年, 上年数) or rates
  if (cols.length < 3 || cols.some((c) => c.concept || c.measure || c.path.some((n) => /^(19|20)\d{2}年|^(上年|本年|当年|去年)/.test(n.label)))) return undefined;
  const totals = cols.filter((c) => isTotalRowLabel(leaf(c)) || /^(全部|部门|全局)?(合计|汇总|总计)$/.test(leaf(c)));
  if (totals.length !== 1) return undefined;
  const total = totals[0]!;
  const unitCols = cols.filter((c) => c !== total);
  const subs = unitCols.filter((c) => isSubtotalRowLabel(leaf(c)));
  if (!subs.length) return { whole: total.col, parts: unitCols.map((c) => [c.col]), complete: true, source: 'units' };
  // with 小计 columns: the total is the sum of the 小计 columns and the units outside any group
  const tallyOf = (heading: boolean): { parts: number[]; score: number } => {
    const parts: number[] = [];
    let score = 0;
    let pending: number[] = [];
    let open: number | undefined;
    let members: number[] = [];
    const closeOpen = (): void => {
      if (open !== undefined) {
        const t = tallyRows(grid, rows, open, members, tol);
        score += t.held - t.failed;
      }
    };
    for (const c of unitCols) {
      if (subs.includes(c)) {
        if (heading) {
          closeOpen();
          open = c.col;
          members = [];
        } else {
          const t = tallyRows(grid, rows, c.col, pending, tol);
          score += t.held - t.failed;
          pending = [];
        }
        parts.push(c.col);
      } else if (heading && open !== undefined) members.push(c.col);
      else if (heading) parts.push(c.col);
      else pending.push(c.col);
    }
    closeOpen();
    return { parts: [...parts, ...pending], score };
  };
  const a = tallyOf(false);
  const b = tallyOf(true);
  return { whole: total.col, parts: (b.score > a.score ? b : a).parts.map((c) => [c]), complete: true, source: 'units' };
}

/** How a column = Σ columns fares over the rows. */
function tallyRows(grid: Grid, rows: Row[], whole: number, parts: number[], tol: ToleranceOptions): { held: number; failed: number } {
  let held = 0;
  let failed = 0;
  for (const r of rows) {
    if (r.role === 'label' || r.rate) continue;
    const stated = grid.num(r.row, whole);
    const terms = parts.map((c) => grid.num(r.row, c));
    if (!stated && terms.every((x) => !x)) continue;
    if (checkSum(stated, terms, tol).status === 'mismatch') failed++;
    else held++;
  }
  return { held, failed };
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

function classify(
  columns: Column[], pairs: BudgetPair[], title: string, labelLeaf: string, hasTotal: boolean, hasRelations: boolean,
  rowKinds: Array<Concept['kind']>,
): TableKind | null {
  const votes = new Map<TableKind, number>();
  const vote = (k: TableKind, w: number): void => void votes.set(k, (votes.get(k) ?? 0) + w);
  for (const c of columns) if (c.role === 'number' && c.concept) vote(conceptKind(c.concept), 1);
  // rows that are measures (收入合计, 基本支出 …) vote too, for less than a column does
  for (const k of rowKinds) vote(k, 0.5);
  const t = normLabel(title);
  if (/三公/.test(t)) vote('sangong', 2);
  else if (/固定资产/.test(t)) vote('assets', 2);
  else if (/收入/.test(t) && !/支出/.test(t)) vote('income', 2);
  else if (/支出|结余/.test(t)) vote('expenditure', 2);
  let best: TableKind | null = null;
  let bestVotes = 0;
  for (const [k, v] of votes) if (v > bestVotes) [best, bestVotes] = [k, v];
  const columnVotes = columns.some((c) => c.role === 'number' && c.concept);
  if (/^(项目|项目名称|项目内容|专项名称|专项)$/.test(labelLeaf) && !columnVotes && rowKinds.length < 2) return 'projects';
  if (pairs.length && !columnVotes) return 'budget';
  if (best) return best;
  if (hasTotal || hasRelations) return 'items';
  return null;
}

function conceptKind(id: ConceptId): TableKind {
  return conceptById(id).kind;
}

/** Columns that make up a part: the column itself, a group's 合计/小计 column, or the group's leaves. */
function partColumns(n: HeaderNode, numberCols: Set<number>): number[] {
  if (!n.children.length) return numberCols.has(n.rect.left) ? [n.rect.left] : [];
  const tot = n.children.find((ch) => !ch.children.length && isGroupTotalLabel(ch.label));
  if (tot) return numberCols.has(tot.rect.left) ? [tot.rect.left] : [];
  const out: number[] = [];
  for (const ch of n.children) if (!isQizhong(ch.label)) out.push(...partColumns(ch, numberCols));
  return out;
}

function identityComplete(wholeConcept: ConceptId | undefined, partConcepts: (ConceptId | undefined)[], hasOther: boolean): boolean {
  if (hasOther) return true;
  const ident = IDENTITIES.find((i) => i.whole === wholeConcept);
  if (!ident) return false;
  const present = new Set(partConcepts.filter((p): p is ConceptId => !!p));
  return ident.complete.some((set) => set.every((p) => present.has(p)));
}

export function findRelations(band: HeaderBand, columns: Column[], tally?: Tally): Relation[] {
  const numberCols = new Set(columns.filter((c) => c.role === 'number').map((c) => c.col));
  const byCol = new Map(columns.map((c) => [c.col, c]));
  const relations: Relation[] = [];
  const nodes = new Set<HeaderNode>();
  for (const row of band.at) for (const n of row) if (n) nodes.add(n);

  for (const n of nodes) {
    // "其中：" over some columns: they are parts of the column just left of the group
    if (isQizhong(n.label) && n.children.length) {
      let whole = -1;
      for (let c = n.rect.left - 1; c >= band.left; c--) {
        if (numberCols.has(c)) {
          whole = c;
          break;
        }
        if (byCol.get(c)?.role === 'label') break;
      }
      if (whole < 0) continue;
      const partNodes = n.children.filter((ch) => !isQizhong(ch.label));
      const siblings = n.parent ? n.parent.children : band.roots;
      const next = siblings[siblings.indexOf(n) + 1];
      if (next && !next.children.length && isOtherLabel(next.label)) partNodes.push(next);
      const parts = partNodes.map((p) => partColumns(p, numberCols)).filter((p) => p.length);
      if (!parts.length) continue;
      const hasOther = partNodes.some((p) => isOtherLabel(p.label));
      const complete = identityComplete(byCol.get(whole)?.concept, partNodes.map((p) => conceptOf(p.label)?.id), hasOther);
      relations.push({ whole, parts, complete, source: 'header' });
      continue;
    }
    // a group with one 合计/小计 column: the other columns of the group add up to it
    if (n.children.length >= 2 && !n.children.some((ch) => isQizhong(ch.label))) {
      const totals = n.children.filter((ch) => !ch.children.length && isGroupTotalLabel(ch.label));
      if (totals.length !== 1 || !numberCols.has(totals[0]!.rect.left)) continue;
      const parts = n.children.filter((ch) => ch !== totals[0]).map((p) => partColumns(p, numberCols)).filter((p) => p.length);
      if (parts.length) relations.push({ whole: totals[0]!.rect.left, parts, complete: true, source: 'header' });
    }
  }

  // known identities among columns the header does not relate (flat headers), measure by measure
  const wholes = new Set(relations.map((r) => r.whole));
  const related = new Set(relations.flatMap((r) => [r.whole, ...r.parts.flat()]));
  const groups = new Map<string, Column[]>();
  for (const c of columns) {
    if (c.role !== 'number' || c.measure === 'rate') continue;
    const key = c.measure ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const cols of groups.values()) {
    for (const ident of IDENTITIES) {
      const whole = cols.find((c) => c.concept === ident.whole && !wholes.has(c.col));
      if (!whole) continue;
      let parts = cols.filter((c) => c !== whole && c.concept && ident.parts.includes(c.concept));
      // a part that is itself the whole of another present part (公务用车购置及运行维护费) replaces its pieces
      const nestedWholes = IDENTITIES.filter((i) => parts.some((p) => p.concept === i.whole));
      parts = parts.filter((p) => !nestedWholes.some((i) => p.concept && i.parts.includes(p.concept)));
      const others = ident.catchAll ? cols.filter((c) => c !== whole && !c.concept && isOtherLabel(c.path.at(-1)?.label ?? '')) : [];
      const all = [...parts, ...others];
      if (!all.length || all.some((p) => related.has(p.col) && !wholes.has(p.col))) continue;
      const complete = identityComplete(ident.whole, parts.map((p) => p.concept), others.length > 0);
      relations.push({ whole: whole.col, parts: all.map((p) => [p.col]), complete, source: 'vocabulary' });
      wholes.add(whole.col);
    }
  }
  relations.push(...totalColumnRelations(band, columns, relations, tally), ...adjustmentRelations(columns));
  return relations;
}

/** 全年预算数 = 年初预算数 + 调整预算数, for each group of the three under one header (or none). */
function adjustmentRelations(columns: Column[]): Relation[] {
  const groups = new Map<HeaderNode | undefined, Partial<Record<'initial' | 'adjustment' | 'final', number>>>();
  for (const c of columns) {
    const stage = c.role === 'number' ? budgetStage(c.path.at(-1)?.label ?? '') : undefined;
    if (!stage) continue;
    const parent = c.path.at(-2);
    const g = groups.get(parent) ?? {};
    if (g[stage] === undefined) g[stage] = c.col;
    groups.set(parent, g);
  }
  const out: Relation[] = [];
  for (const g of groups.values()) {
    if (g.initial !== undefined && g.adjustment !== undefined && g.final !== undefined) {
      out.push({ whole: g.final, parts: [[g.initial], [g.adjustment]], complete: true, source: 'vocabulary' });
    }
  }
  return out;
}

/** How a column = Σ columns fares over a table's lines (held, failed), for the labels' readings to be weighed. */
type Tally = (whole: number, parts: number[]) => { held: number; failed: number };

/**
 * A plain 合计/总计 column with the columns after it (合计 | 基本支出 | 项目支出; 合计 | 人员经费 | 公用经费; 合计 |
 * 一般公共预算 | 政府性基金预算 | 国有资本经营预算; the 三公 table's 合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行费 |
 * 机关运行经费). Two readings: every column after it up to the next total, rate or year column; or, where some of
 * them are parts of one known breakdown, those (机关运行经费 stands beside the 三公 total, not in it). The figures
 * choose the first where it holds on most lines, else the known breakdown; with no known breakdown, the first is
 * proposed only on a table with lines enough for confirm.ts to judge it.
 */
function totalColumnRelations(band: HeaderBand, columns: Column[], known: Relation[], tally?: Tally): Relation[] {
  const numberCols = new Set(columns.filter((c) => c.role === 'number' && !c.percentPoints && c.measure !== 'rate').map((c) => c.col));
  const related = new Set(known.flatMap((r) => [r.whole, ...r.parts.flat()]));
  // a part may be the whole of another relation (公务用车购置及运行费 = 购置费 + 运行费), not a part of one
  const partOfAnother = new Set(known.flatMap((r) => r.parts.flat()));
  const stops = (n: HeaderNode): boolean => GROUP_TOTAL_COLUMN.test(n.label) || !!measureOf(n.label) || isRateHeader(n.label) || YEARISH.test(n.label);
  const out: Relation[] = [];
  band.roots.forEach((whole, i) => {
    const col = whole.rect.left;
    if (whole.children.length || !GROUP_TOTAL_COLUMN.test(whole.label) || !numberCols.has(col) || related.has(col)) return;
    const after: HeaderNode[] = [];
    for (const n of band.roots.slice(i + 1)) {
      if (stops(n) || !partColumns(n, numberCols).length) break;
      after.push(n);
    }
    const all = after.map((n) => partColumns(n, numberCols));
    if (all.length < 2 || all.flat().some((p) => partOfAnother.has(p))) return;
    const concepts = after.map((n) => conceptOf(n.label)?.id);
    const ident = IDENTITIES.find((x) => concepts.filter((c) => c && x.parts.includes(c)).length >= 2);
    const t = tally?.(col, all.flat()) ?? { held: 0, failed: 0 };
    if (!ident ? t.held + t.failed >= 3 : t.held >= 2 && t.held > t.failed * 3) {
      out.push({ whole: col, parts: all, complete: true, source: 'labels' });
      return;
    }
    if (!ident) return;
    const chosen = after.filter((_, k) => concepts[k] && ident.parts.includes(concepts[k]!));
    if (chosen.length < 2) return;
    const complete = identityComplete(ident.whole, chosen.map((n) => conceptOf(n.label)?.id), false);
    out.push({ whole: col, parts: chosen.map((n) => partColumns(n, numberCols)), complete, source: 'vocabulary' });
  });
  return out;
}

export function findBudgetPairs(columns: Column[]): BudgetPair[] {
  const groups = new Map<HeaderNode | null, Column[]>();
  for (const c of columns) {
    if (c.role !== 'number' || !c.measure) continue;
    const parent = c.path.length > 1 ? c.path[c.path.length - 2]! : null;
    groups.set(parent, [...(groups.get(parent) ?? []), c]);
  }
  const pairs: BudgetPair[] = [];
  for (const [parent, cols] of groups) {
    const by = (m: Measure): Column[] => cols.filter((c) => c.measure === m);
    for (const actual of by('actual')) {
      const budgets = by('budget').filter((b) => b.col < actual.col);
      const budget = budgets[budgets.length - 1] ?? by('budget')[0];
      if (!budget) continue;
      const diff = by('diff').find((d) => d.col > actual.col) ?? by('diff')[0];
      const rate = by('rate').find((d) => d.col > actual.col) ?? by('rate')[0];
      const concept = parent ? conceptOf(parent.label)?.id ?? actual.concept : actual.concept;
      pairs.push({ budget: budget.col, actual: actual.col, diff: diff?.col, rate: rate?.col, concept, name: parent?.text ?? '' });
    }
  }
  return pairs;
}

/** A column that totals the ones after it: 合计, 总计, 本年支出合计, 本年收入合计. */
const YEARISH = /^(19|20)\d{2}年|^(上年|本年|当年|去年)/;
const GROUP_TOTAL_COLUMN = /^(合计|总计|本年(收入|支出)合计|支出合计|收入合计)$/;

const PRIOR = /^(上年|上一年度?|上年度|去年|上年同期)(数|决算数?|预算数?|实际数?|支出数?|金额|执行数?|完成数?)?$/;
const CURRENT = /^(本年|当年|本年度|今年|本期)(数|决算数?|预算数?|实际数?|支出数?|金额|执行数?|完成数?)?$/;
const CHANGE = /^(增减|增减额|增减数|增减金额|变动|变动额|变动数|增加额|增长额|比上年增减|比上年增减额|同比增减|同比增减额)(\(.*\))?$/;
const CHANGE_RATE = /^(增减率|增长率|增减幅度|增幅|变动率|增减%|增减比例|增减百分比|比上年增减%|比上年增长%?|同比增减%?|同比增长%?|同比增长率|增减\(%\)|增减幅度%)$/;

/**
 * Year-over-year columns: two columns for different years (2020年 | 2021年, or 上年数 | 本年数) and the change
 * between them (增减额, 增减率). Each column learns the year it stands for; the later is `current`.
 */
export function findChangePairs(columns: Column[]): ChangePair[] {
  const nums = columns.filter((c) => c.role === 'number');
  for (const c of nums) {
    for (const n of c.path) {
      const y = /^(19|20)(\d{2})年(度)?/.exec(n.label);
      if (y) c.year = Number(y[1]! + y[2]!);
      else if (PRIOR.test(n.label)) c.period = 'prior';
      else if (CURRENT.test(n.label)) c.period = 'current';
    }
  }
  const years = [...new Set(nums.filter((c) => c.year !== undefined && c.measure !== 'rate' && c.measure !== 'diff').map((c) => c.year!))].sort((a, b) => a - b);
  let prior = nums.find((c) => c.period === 'prior' && c.measure !== 'rate');
  let current = nums.find((c) => c.period === 'current' && c.measure !== 'rate');
  if ((!prior || !current) && years.length >= 2) {
    const [py, cy] = [years[years.length - 2]!, years[years.length - 1]!];
    const byYear = (y: number): Column | undefined => {
      const list = nums.filter((c) => c.year === y && c.measure !== 'rate' && c.measure !== 'diff' && c.measure !== 'budget');
      return list.length === 1 ? list[0] : undefined;
    };
    prior = byYear(py);
    current = byYear(cy);
    if (prior) prior.period = 'prior';
    if (current) current.period = 'current';
  }
  if (!prior || !current) return [];
  const leaf = (c: Column): string => c.path.at(-1)?.label ?? '';
  const diff = nums.find((c) => c.col > current!.col && CHANGE.test(leaf(c)));
  const rate = nums.find((c) => c.col > current!.col && (CHANGE_RATE.test(leaf(c)) || (/增减|增长|变动/.test(leaf(c)) && /率|%/.test(leaf(c)))));
  if (!diff && !rate) return [];
  if (diff) diff.measure = undefined;
  if (rate) {
    rate.measure = 'rate';
    rate.percentPoints = rate.percentPoints ?? true;
  }
  const head = diff ? diff.path.map((n) => n.label).join('') : '';
  const sign = /(上年|上年数|上年度|\d{4}年)[-−减](本年|本年数|当年|\d{4}年)/.test(head) && !/(本年|本年数|当年)[-−减]/.test(head) ? -1
    : /(本年|本年数|当年)[-−减](上年|上年数)/.test(head) ? 1 : undefined;
  return [{ prior: prior.col, current: current.col, diff: diff?.col, rate: rate?.col, ...(sign ? { sign } : {}) }];
}
