/** Rule 5: in an item list (projects, budget lines, any list with a 合计 line), the 合计 equals the sum of the lines. */
import { checkColumnSums, CODE_MESSAGES } from '../column-sums';
import { Rule } from '../types';

export const itemsTotal: Rule = {
  meta: {
    id: 'items/total',
    severity: 'error',
    description: { zh: '明细表的合计行等于各行之和', en: 'The total line of an item list equals the sum of its lines' },
    messages: {
      total: {
        zh: '合计行“{row}”的“{column}”为 {stated}，不等于 {n} 项明细之和 {working}，相差 {diff}',
        en: 'Total line “{row}”, “{column}” is {stated}, but its {n} lines add up to {working}: off by {diff}',
      },
      subtotal: {
        zh: '小计行“{row}”的“{column}”为 {stated}，不等于其下各行之和 {working}，相差 {diff}',
        en: 'Subtotal line “{row}”, “{column}” is {stated}, but its lines add up to {working}: off by {diff}',
      },
      totalRounding: {
        severity: 'info',
        zh: '尾差：合计行“{row}”的“{column}”为 {stated}，{n} 项明细之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: total line “{row}”, “{column}” is {stated}, its {n} lines add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
      ...CODE_MESSAGES,
      subtotalRounding: {
        severity: 'info',
        zh: '尾差：小计行“{row}”的“{column}”为 {stated}，其下各行之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: subtotal line “{row}”, “{column}” is {stated}, its lines add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) if (!t.unitRows) checkColumnSums(ctx, t, 'items/total');
  },
};
