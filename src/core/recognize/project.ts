/**
 * The project self-evaluation table (项目支出绩效自评表, 财预〔2020〕10号), one per project: a funds block
 * (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) and the 绩效指标 lines (一级/二级/三级指标 |
 * 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因), ended by a 总分 row.
 */
import { Grid } from '../grid';
import { Num } from '../numbers';
import { displayLabel } from '../text';
import { ProjectTable } from './model';

export type { ProjectLine, ProjectTable } from './model';

const find = (grid: Grid, r: number, re: RegExp): number | undefined => {
  for (let c = grid.left, end = grid.rowRight(r); c <= end; c++) if (re.test(grid.label(r, c))) return c;
  return undefined;
};

const num = (grid: Grid, r: number, c: number | undefined): Num | undefined => {
  if (c === undefined) return undefined;
  const i = grid.info(r, c);
  return i.k === 'num' ? i.n : undefined;
};

export function findProjectTables(grid: Grid, nextId: () => number, consumed: Set<number>): ProjectTable[] {
  const out: ProjectTable[] = [];
  let floor = grid.top;
  // only rows holding a 年度指标值 header can start one (found through the sheet's short texts, not a full scan)
  const candidates = [...new Set(grid.shortTexts().filter((t) => /年度指标值/.test(t.text)).map((t) => t.row))];
  for (const r0 of candidates) {
    if (r0 < floor) continue;
    const r = r0;
    const target = find(grid, r, /^年度指标值$/);
    const actual = find(grid, r, /^实际完成值$/);
    const max = find(grid, r, /^分值$/);
    const score = find(grid, r, /^得分$/);
    if (target === undefined || actual === undefined || max === undefined || score === undefined) continue;
    const name3 = find(grid, r, /^三级指标$/) ?? Math.max(grid.left, target - 1);
    const table: ProjectTable = { id: nextId(), kind: 'project', form: 'project', sheet: grid.name, grid, rect: { top: r, left: grid.left, bottom: r, right: Math.max(score, actual) }, lines: [] };
    consumed.add(r);
    // the funds block above: its header row, then the 年度资金总额 row
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
      break;
    }
    // the nearest 项目名称 (部门名称 on a 部门整体 form) above; the form lines (项目名称, 主管部门 …) down to the funds
    // header are no table's header
    for (let y = table.rect.top - 1; y >= Math.max(grid.top, floor); y--) {
      const c = find(grid, y, /^(项目名称|部门名称|单位名称|部门\(单位\)名称)$/);
      if (c === undefined) continue;
      if (!/^项目名称$/.test(grid.label(y, c))) table.form = 'department';
      for (let z = y; z < table.rect.top; z++) consumed.add(z);
      for (let x = c + 1; x <= grid.rowRight(y); x++) {
        if (grid.shownText(y, x)) {
          table.name = displayLabel(grid.shownText(y, x));
          break;
        }
      }
      break;
    }
    let y = r + 1;
    for (; y <= grid.bottom; y++) {
      if (find(grid, y, /^(总分|合计|总计)$/) !== undefined) {
        table.total = { row: y, max: num(grid, y, max), score: num(grid, y, score), maxCol: max, scoreCol: score };
        consumed.add(y);
        break;
      }
      const m = num(grid, y, max);
      const name = displayLabel(grid.shownText(y, name3));
      if (!name && !m) {
        if (grid.isBlankRow(y)) break;
        continue;
      }
      consumed.add(y);
      table.lines.push({
        row: y, name, target: grid.shownText(y, target), actual: grid.shownText(y, actual), max: m, score: num(grid, y, score),
        cells: { target, actual, max, score },
      });
    }
    table.rect.bottom = Math.min(y, grid.bottom);
    for (let k = Math.max(grid.top, table.rect.top - 6); k < table.rect.top; k++) {
      for (let c = grid.left; c <= grid.rowRight(k); c++) if (/部门(\(单位\))?整体(支出)?绩效/.test(grid.label(k, c))) table.form = 'department';
    }
    out.push(table);
    floor = table.rect.bottom + 1;
  }
  return out;
}
