/** Rule 1: in a table of sub-units, the 汇总 row equals the sum of the unit rows, column by column. */
import { checkColumnSums } from '../column-sums';
import { Rule } from '../types';

export const columnSum: Rule = {
  meta: {
    id: 'totals/column-sum',
    severity: 'error',
    description: { zh: '汇总行等于各单位行之和（逐列，允许嵌套小计）', en: 'The total row equals the sum of the unit rows, column by column' },
    messages: {
      total: {
        zh: '“{row}”行“{column}”为 {stated}，不等于各单位之和 {terms} = {sum}，相差 {diff}',
        en: 'Row “{row}”, “{column}” is {stated}, but the units add up to {terms} = {sum}: off by {diff}',
      },
      subtotal: {
        zh: '小计行“{row}”的“{column}”为 {stated}，不等于其下各行之和 {terms} = {sum}，相差 {diff}',
        en: 'Subtotal row “{row}”, “{column}” is {stated}, but its rows add up to {terms} = {sum}: off by {diff}',
      },
      totalRounding: {
        severity: 'info',
        zh: '尾差：“{row}”行“{column}”为 {stated}，各单位之和为 {sum}，相差 {diff}，在 {n} 项舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: row “{row}”, “{column}” is {stated}, the units add up to {sum}: off by {diff}, within the rounding bound of {n} terms (±{bound})',
      },
      subtotalRounding: {
        severity: 'info',
        zh: '尾差：小计行“{row}”的“{column}”为 {stated}，其下各行之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: subtotal row “{row}”, “{column}” is {stated}, its rows add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) if (t.unitRows) checkColumnSums(ctx, t);
  },
};
