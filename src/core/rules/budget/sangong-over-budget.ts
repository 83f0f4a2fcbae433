/**
 * Rule 4d: "三公" spending (the 合计 or any of 因公出国（境）费, 公务接待费, 公务用车购置费, 公务用车运行维护费)
 * above its budget is an error: 中央八项规定 makes the 三公 budget a hard ceiling.
 */
import { shownDecimals } from '../../arith';
import { Dec, fmtFixed, HUNDRED } from '../../decimal';
import { SANGONG } from '../../vocabulary';
import { Rule } from '../types';
import { ref, show } from '../util';
import { BudgetLine, budgetLines } from './lines';

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

export const sangongOverBudget: Rule = {
  meta: {
    id: 'budget/sangong-over-budget',
    severity: 'error',
    description: { zh: '“三公”经费超预算', en: '"Three public" spending above budget' },
    messages: {
      over: {
        zh: '三公经费超预算：“{name}”决算数 {actual} 超过预算数 {budget}，超出 {over}（{pct}）',
        en: '"Three public" spending over budget: “{name}” actual {actual} is above the budget {budget} by {over} ({pct})',
      },
      noBudget: {
        zh: '三公经费超预算：“{name}”无预算（预算数 {budget}），但决算数为 {actual}',
        en: '"Three public" spending over budget: “{name}” has no budget ({budget}) but actual spending of {actual}',
      },
    },
  },
  check(ctx) {
    for (const line of budgetLines(ctx.model)) {
      if (!line.concept || !SANGONG.has(line.concept)) continue;
      const o = overBy(line);
      if (!o) continue;
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
  },
};
