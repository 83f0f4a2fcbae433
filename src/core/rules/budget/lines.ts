/** Over-budget lines for both budget rules (the lines themselves are derived facts of the model: recognize/derived.ts). */
import { shownDecimals } from '../../arith';
import { Dec, fmtFixed, HUNDRED } from '../../decimal';
import { BudgetLine } from '../../recognize/derived';
import { RuleContext } from '../types';
import { ref, show } from '../util';

export type { BudgetLine };

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
export function reportOverBudget(ctx: RuleContext, line: BudgetLine, rule: string): void {
  if (!line.actual) return;
  const family = `${rule}:${line.tableId}:${line.cells.actual.col}`;
  ctx.checked(family);
  const o = overBy(line);
  if (!o) return;
  const g = line.grid;
  ctx.report({
    messageId: o.pct ? 'over' : 'noBudget',
    data: { name: line.name, actual: show(line.actual), budget: show(line.budget), over: o.over, pct: o.pct ?? '' },
    cells: [ref(g, line.cells.actual.row, line.cells.actual.col), ref(g, line.cells.budget.row, line.cells.budget.col)],
    expected: `≤ ${show(line.budget)}`,
    actual: show(line.actual),
    table: line.tableId,
    family,
  });
}
