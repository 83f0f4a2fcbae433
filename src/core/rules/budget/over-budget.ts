/** Rule 4c: actual spending above budget needs a look (a warning); "三公" lines are handled by their own rule. */
import { SANGONG } from '../../vocabulary';
import { Rule } from '../types';
import { reportOverBudget } from './lines';

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
    for (const line of ctx.model.budgetLines) if (!line.concept || !SANGONG.has(line.concept)) reportOverBudget(ctx, line, 'budget/over-budget');
  },
};
