/**
 * Rule 1: in a table of sub-units, the 汇总 equals the sum of the units: the 汇总 row the unit rows, column by
 * column; or, with the units as columns, the 汇总 column the unit columns, row by row.
 */
import { checkColumnSums, checkUnitColumns, CODE_MESSAGES } from '../column-sums';
import { Rule } from '../types';

export const columnSum: Rule = {
  meta: {
    id: 'totals/column-sum',
    severity: 'error',
    description: { zh: '汇总等于各单位之和（单位为行时逐列，单位为列时逐行；允许嵌套小计）', en: 'The total equals the sum of the units: the total row column by column, or the total column row by row' },
    messages: {
      total: {
        zh: '“{row}”行“{column}”为 {stated}，不等于各单位之和 {working}，相差 {diff}',
        en: 'Row “{row}”, “{column}” is {stated}, but the units add up to {working}: off by {diff}',
      },
      subtotal: {
        zh: '小计行“{row}”的“{column}”为 {stated}，不等于其下各行之和 {working}，相差 {diff}',
        en: 'Subtotal row “{row}”, “{column}” is {stated}, but its rows add up to {working}: off by {diff}',
      },
      unitColumns: {
        zh: '“{row}”行：“{column}”为 {stated}，不等于各单位之和 {working}，相差 {diff}',
        en: 'Row “{row}”: “{column}” is {stated}, but the units add up to {working}: off by {diff}',
      },
      unitColumnsRounding: {
        severity: 'info',
        zh: '尾差：“{row}”行“{column}”为 {stated}，各单位之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: row “{row}”: “{column}” is {stated}, the units add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
      totalRounding: {
        severity: 'info',
        zh: '尾差：“{row}”行“{column}”为 {stated}，各单位之和为 {sum}，相差 {diff}，在 {n} 项舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: row “{row}”, “{column}” is {stated}, the units add up to {sum}: off by {diff}, within the rounding bound of {n} terms (±{bound})',
      },
      ...CODE_MESSAGES,
      subtotalRounding: {
        severity: 'info',
        zh: '尾差：小计行“{row}”的“{column}”为 {stated}，其下各行之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: subtotal row “{row}”, “{column}” is {stated}, its rows add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      if (t.unitRows) checkColumnSums(ctx, t, 'totals/column-sum');
      if (t.unitCols) checkUnitColumns(ctx, t, 'totals/column-sum');
    }
  },
};
