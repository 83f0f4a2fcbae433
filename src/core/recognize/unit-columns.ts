/** Units as columns (项目 | 汇总 | 局机关 | 妇幼保健院 …): the 汇总 column over the unit columns, 小计 columns among them. */
import { sumStatus, ToleranceOptions } from '../arith';
import { Grid } from '../grid';
import { conceptOf, isSubtotalRowLabel, isTotalRowLabel } from '../vocabulary';
import { Column, Relation, Row } from './model';

/**
 * Units as columns (项目 | 汇总 | 局机关 | 妇幼保健院 …, the measures as rows): the rows are measures (收入合计,
 * 基本支出 …), the figure columns are named by no measure, and one of them is a 汇总/合计/总计 column. Its relation
 * to the unit columns is proposed here and decided by the figures (see confirm.ts); 小计 columns among the units
 * gather the units before them or after them, whichever the figures agree with.
 */
export function unitColumns(grid: Grid, columns: Column[], rows: Row[], sumCols: number[], tol: ToleranceOptions): Relation | undefined {
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
export function tallyRows(grid: Grid, rows: Row[], whole: number, parts: number[], tol: ToleranceOptions): { held: number; failed: number } {
  let held = 0;
  let failed = 0;
  for (const r of rows) {
    if (r.role === 'label' || r.rate) continue;
    const stated = grid.num(r.row, whole);
    const terms = parts.map((c) => grid.num(r.row, c));
    if (!stated && terms.every((x) => !x)) continue;
    if (sumStatus(stated, terms, tol) === 'mismatch') failed++;
    else held++;
  }
  return { held, failed };
}
