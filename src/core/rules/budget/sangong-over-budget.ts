/**
 * Rule 4d: "三公" spending (the 合计 or any of 因公出国（境）费, 公务接待费, 公务用车购置费, 公务用车运行维护费)
 * above its budget is an error: 中央八项规定 makes the 三公 budget a hard ceiling.
 */
import { SANGONG } from '../../vocabulary';
import { Rule } from '../types';
import { reportOverBudget } from './lines';

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
    for (const line of ctx.model.budgetLines) if (line.concept && SANGONG.has(line.concept)) reportOverBudget(ctx, line, 'budget/sangong-over-budget');
  },
};
