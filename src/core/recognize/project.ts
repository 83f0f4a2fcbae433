/**
 * The project self-evaluation table (项目支出绩效自评表, 财预〔2020〕10号) and the department's (部门（单位）整体支出
 * 绩效自评表), one per project or department: the name line (项目名称 / 部门（单位）名称 | the name), a funds block
 * (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) and the 绩效指标 lines (一级/二级/三级指标 | 年度指标值 |
 * 实际完成值 or 全年实际值 | 分值 | 得分 | 偏差原因分析及改进措施), ended by a 总分 row.
 */
import { Grid } from '../grid';
import { Num } from '../numbers';
import { displayLabel } from '../text';
import { ProjectTable } from './model';

export type { ProjectLine, ProjectTable } from './model';

/** The 实际 column of the indicator lines: 实际完成值 (project form) or 全年实际值 (the department's). */
const ACTUAL = /^(实际完成值|全年实际值|实际值|全年完成值|实际完成数)$/;

/**
 * The name line's label, on a normalised label (full-width brackets and colons made half-width, spaces gone):
 * 项目名称, 部门名称, 单位名称, 部门(单位)名称, 单位(部门)名称, with a colon and the name after it when both are in
 * one cell ("部门(单位)名称：XX局").
 */
const NAME_LABEL = /^(项目名称|部门名称|单位名称|部门\(单位\)名称|单位\(部门\)名称)(?::(.*))?$/;

/** The first column of row r whose label matches. */
const find = (grid: Grid, r: number, re: RegExp): number | undefined => {
  for (const c of grid.cols(r)) if (re.test(grid.label(r, c))) return c;
  return undefined;
};

/** The number a cell holds, if a column was found and the cell holds one. */
const num = (grid: Grid, r: number, c: number | undefined): Num | undefined => {
  if (c === undefined) return undefined;
  const i = grid.info(r, c);
  return i.k === 'num' ? i.n : undefined;
};

/** The indicator header's columns on row r, when the row has 年度指标值, an 实际 column, 分值 and 得分. */
function indicatorHeader(grid: Grid, r: number): { name3: number; target: number; actual: number; max: number; score: number } | undefined {
  const target = find(grid, r, /^年度指标值$/);
  const actual = find(grid, r, ACTUAL);
  const max = find(grid, r, /^分值$/);
  const score = find(grid, r, /^得分$/);
  if (target === undefined || actual === undefined || max === undefined || score === undefined) return undefined;
  return { name3: find(grid, r, /^三级指标$/) ?? Math.max(grid.left, target - 1), target, actual, max, score };
}

/** The funds block's header at or above row r (within 15 rows), then its 年度资金总额 line; sets rect.top. */
function readFunds(grid: Grid, table: ProjectTable, r: number): void {
  for (let y = r - 1; y >= Math.max(grid.top, r - 15); y--) {
    const b = find(grid, y, /^全年预算数$/);
    const a = find(grid, y, /^全年执行数$/);
    const rate = find(grid, y, /^执行率$/);
    const m = find(grid, y, /^分值$/);
    const s = find(grid, y, /^得分$/);
    if (b === undefined || a === undefined || rate === undefined || m === undefined || s === undefined) continue;
    for (let z = y + 1; z < r; z++) {
      // the 年度资金总额 line: named so, or the first line with a figure (its 执行数 may be the blank being sought)
      const named = /^(年度)?资金(总额|合计)/.test(grid.label(z, grid.left)) || /^(年度)?资金(总额|合计)/.test(grid.label(z, grid.left + 1));
      if (!named && [b, a, m, s].every((c) => num(grid, z, c) === undefined)) continue;
      table.funds = { row: z, budget: num(grid, z, b), actual: num(grid, z, a), max: num(grid, z, m), rate: num(grid, z, rate), score: num(grid, z, s), cols: { budget: b, actual: a, max: m, rate, score: s } };
      break;
    }
    table.rect.top = y;
    return;
  }
}

/**
 * The name on a name line whose label is at (y, c): the text after the label's colon in the same cell, else the
 * next non-empty cell right of the label (past the label's own merged area, never a cell another area covers).
 */
export function nameAt(grid: Grid, y: number, c: number): string | undefined {
  const inCell = /[:：](.*)$/s.exec(grid.shownText(y, c))?.[1];
  if (inCell && displayLabel(inCell)) return displayLabel(inCell);
  for (let x = (grid.merge(y, c)?.right ?? c) + 1, end = grid.rowRight(y); x <= end; x++) {
    if (grid.covered(y, x)) continue;
    const text = displayLabel(grid.shownText(y, x));
    if (text) return text;
  }
  return undefined;
}

/**
 * The nearest name line (项目名称; 部门（单位）名称 and the like on a 部门整体 form) above the funds, down to
 * `floor`: the table's name and form. Its rows down to the funds header (主管部门, 年度主要任务 …) are no table's.
 */
function readName(grid: Grid, table: ProjectTable, floor: number, consumed: Set<number>): void {
  for (let y = table.rect.top - 1; y >= Math.max(grid.top, floor); y--) {
    const c = find(grid, y, NAME_LABEL);
    if (c === undefined) continue;
    if (NAME_LABEL.exec(grid.label(y, c))![1] !== '项目名称') table.form = 'department';
    for (let z = y; z < table.rect.top; z++) consumed.add(z);
    table.name = nameAt(grid, y, c);
    return;
  }
}

/** The indicator lines below the header row r, down to the 总分 row or a blank row; sets rect.bottom. */
function readLines(grid: Grid, table: ProjectTable, r: number, h: NonNullable<ReturnType<typeof indicatorHeader>>, consumed: Set<number>): void {
  let y = r + 1;
  for (; y <= grid.bottom; y++) {
    if (find(grid, y, /^(总分|合计|总计)$/) !== undefined) {
      table.total = { row: y, max: num(grid, y, h.max), score: num(grid, y, h.score), maxCol: h.max, scoreCol: h.score };
      consumed.add(y);
      break;
    }
    const m = num(grid, y, h.max);
    const name = displayLabel(grid.shownText(y, h.name3));
    if (!name && !m) {
      if (grid.isBlankRow(y)) break;
      continue;
    }
    consumed.add(y);
    table.lines.push({
      row: y, name, target: grid.shownText(y, h.target), actual: grid.shownText(y, h.actual), max: m, score: num(grid, y, h.score),
      cells: { target: h.target, actual: h.actual, max: h.max, score: h.score },
    });
  }
  table.rect.bottom = Math.min(y, grid.bottom);
}

/** A 部门（单位）整体支出绩效 title within 6 rows above the table makes it a department's form. */
function titledDepartment(grid: Grid, table: ProjectTable): boolean {
  for (let k = Math.max(grid.top, table.rect.top - 6); k < table.rect.top; k++) {
    for (const c of grid.cols(k)) if (/部门(\(单位\))?整体(支出)?绩效/.test(grid.label(k, c))) return true;
  }
  return false;
}

/** Every project or department self-evaluation form on the sheet; their rows are added to `consumed`. */
export function findProjectTables(grid: Grid, nextId: () => number, consumed: Set<number>): ProjectTable[] {
  const out: ProjectTable[] = [];
  let floor = grid.top;
  // only rows holding a 年度指标值 header can start one (found through the sheet's short texts, not a full scan)
  const candidates = [...new Set(grid.shortTexts().filter((t) => /年度指标值/.test(t.text)).map((t) => t.row))];
  for (const r of candidates) {
    if (r < floor) continue;
    const h = indicatorHeader(grid, r);
    if (!h) continue;
    const table: ProjectTable = { id: nextId(), kind: 'project', form: 'project', sheet: grid.name, grid, rect: { top: r, left: grid.left, bottom: r, right: Math.max(h.score, h.actual) }, lines: [] };
    consumed.add(r);
    readFunds(grid, table, r);
    readName(grid, table, floor, consumed);
    readLines(grid, table, r, h, consumed);
    if (titledDepartment(grid, table)) table.form = 'department';
    out.push(table);
    floor = table.rect.bottom + 1;
  }
  return out;
}
