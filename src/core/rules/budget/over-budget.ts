/** Rule 4c: actual spending above budget needs a look (a warning); "三公" lines are handled by their own rule. */
import { SANGONG } from '../../vocabulary';
import { Rule } from '../types';
import { ref, show } from '../util';
import { budgetLines } from './lines';
import { overBy } from './sangong-over-budget';

export const overBudget: Rule = {
  meta: {
    id: 'budget/over-budget',
    severity: 'warning',
    description: { zh: '决算数超过预算数', en: 'Actual spending above budget' },
    messages: {
      over: {
        zh: '“{name}”决算数 {actual} 超过预算数 {budget}，超出 {over}（{pct}），请说明原因',
        en: '“{name}”: actual {actual} is above the budget {budget} by {over} ({pct}); explain why',
      },
      noBudget: {
        zh: '“{name}”无预算（预算数 {budget}），但决算数为 {actual}',
        en: '“{name}”: no budget ({budget}) but actual spending of {actual}',
      },
    },
  },
  check(ctx) {
    for (const line of budgetLines(ctx.model)) {
      if (line.concept && SANGONG.has(line.concept)) continue;
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
