/** Budget-against-actual lines: one per table row and 预算数/决算数 column pair. */
import { shownDecimals } from '../../arith';
import { Dec, fmtFixed, HUNDRED } from '../../decimal';
import { Num } from '../../numbers';
import { BudgetPair, Row, Table, WorkbookModel } from '../../recognize/model';
import { ConceptId, conceptOf } from '../../vocabulary';
import { RuleContext } from '../types';
import { numAt, ref, show } from '../util';

export interface BudgetLine {
  table: Table;
  row: Row;
  pair: BudgetPair;
  budget: Num | null;
  actual: Num | null;
  /** What the line is: from the group header over the pair, else from the row label. */
  concept?: ConceptId;
  /** "三公经费" or "疾病预防控制中心·三公经费" */
  name: string;
}

export function budgetLines(model: WorkbookModel): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const table of model.tables) {
    for (const pair of table.budgetPairs) {
      for (const row of table.rows) {
        const budget = numAt(table.grid, row.row, pair.budget);
        const actual = numAt(table.grid, row.row, pair.actual);
        if (!budget && !actual) continue;
        const concept = pair.concept ?? conceptOf(row.key)?.id;
        out.push({ table, row, pair, budget, actual, concept, name: pair.name ? `${row.label}·${pair.name}` : row.label });
      }
    }
  }
  return out;
}

/** How far a line is over budget, or null when it is not. */
export function overBy(line: BudgetLine): { over: string; pct?: string } | null {
  const a = line.actual?.value;
  const b = line.budget?.value ?? new Dec(0);
  if (!a || !a.gt(b)) return null;
  const d = Math.max(shownDecimals([line.actual, line.budget]), 2);
  const over = fmtFixed(a.minus(b), d);
  if (b.lte(0)) return { over };
  return { over, pct: `${fmtFixed(a.minus(b).div(b).times(HUNDRED), 2)}%` };
}

/** Report a line whose actual is above its budget (message ids `over` and `noBudget` of both budget rules). */
export function reportOverBudget(ctx: RuleContext, line: BudgetLine): void {
  const o = overBy(line);
  if (!o) return;
  const g = line.table.grid;
  ctx.report({
    messageId: o.pct ? 'over' : 'noBudget',
    data: { name: line.name, actual: show(line.actual), budget: show(line.budget), over: o.over, pct: o.pct ?? '' },
    cells: [ref(g, line.row.row, line.pair.actual), ref(g, line.row.row, line.pair.budget)],
    expected: `≤ ${show(line.budget)}`,
    actual: show(line.actual),
    table: line.table.id,
  });
}
