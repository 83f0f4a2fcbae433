/**
 * Rule 4b: a stated 执行率/完成率 equals 决算 ÷ 预算 at the decimals it shows. When it does not, but some values
 * the two rounded inputs could stand for would give it (15.70 may be 15.695 … 15.705), it is a warning: a
 * reviewer will recompute it from the figures shown. Beyond that it is an error.
 */
import { Dec } from '../../decimal';
import { checkRatio } from '../ratio';
import { Rule } from '../types';
import { shown } from '../../numbers';
import { ref, show } from '../util';

export const budgetRate: Rule = {
  meta: {
    id: 'budget/rate',
    severity: 'error',
    description: { zh: '执行率/完成率 = 决算数 ÷ 预算数（按所示小数位）', en: 'Execution rate = actual ÷ budget, to the decimals shown' },
    messages: {
      mismatch: {
        zh: '“{name}”{rateName}填报为 {stated}，而 {actual} ÷ {budget} = {computed}，不符',
        en: '“{name}”: {rateName} is stated as {stated}, but {actual} ÷ {budget} = {computed}',
      },
      noInputs: {
        zh: '“{name}”执行率填报为 {stated}，但其依据的数字为空或为零（决算/执行数 {actual}，预算数 {budget}）：请补填数字或更正执行率',
        en: '“{name}”: the rate is stated as {stated}, but a figure it is computed from is blank or zero (actual {actual}, budget {budget}): fill in the figure or correct the rate',
      },
      roundingExplains: {
        severity: 'warning',
        zh: '“{name}”{rateName}填报为 {stated}，按表中数字 {actual} ÷ {budget} = {computed}；差异可由两数自身的舍入解释（可能范围 {min}–{max}），但审核时会按表中数字重新计算，建议填 {computed}',
        en: '“{name}”: {rateName} is stated as {stated}, but the figures shown give {actual} ÷ {budget} = {computed}; the inputs’ own rounding could explain it (possible range {min}–{max}), but a reviewer will recompute it from the figures shown: {computed} is expected',
      },
    },
  },
  check(ctx) {
    const tol = ctx.options.tolerance;
    for (const line of ctx.model.budgetLines) {
      const { budget: b, actual: a, rate: s, cells: at } = line;
      if (!at.rate || !s) continue;
      const g = line.grid;
      const rateCell = ref(g, at.rate.row, at.rate.col);
      const actualCell = ref(g, at.actual.row, at.actual.col);
      const budgetCell = ref(g, at.budget.row, at.budget.col);
      const family = `budget/rate:${line.tableId}:${at.rate.col}`;
      ctx.checked(family);
      const equation = { kind: 'other' as const, terms: [rateCell, actualCell, budgetCell].map((cell) => ({ cell, value: s.value, decimals: 0 })) };
      if (!b || b.value.isZero() || (!a && !s.value.isZero())) {
        // a rate stated over a blank or zero figure: the figure it divides is missing (or the rate is made up)
        if (s.value.isZero() && (!a || a.value.isZero())) continue;
        const missing = !b || b.value.isZero() ? budgetCell : actualCell;
        ctx.report({
          messageId: 'noInputs',
          data: { name: line.name, stated: shown(s), actual: a ? show(a) : '（空）', budget: b ? show(b) : '（空）' },
          cells: [...new Set([missing, rateCell, actualCell, budgetCell])],
          table: line.tableId,
          equation,
          family,
        });
        continue;
      }
      if (!a) continue;
      const r = checkRatio(s, a.value, b.value, [a, b], tol);
      if (r.ok) continue;
      const { explains, points, rounded, lo, hi, dp, pct } = r;
      const rateName = line.rateName ?? '执行率';
      ctx.report({
        messageId: explains ? 'roundingExplains' : 'mismatch',
        data: {
          name: line.name, rateName, stated: pct(points), actual: show(a), budget: show(b), computed: pct(rounded),
          min: pct(lo.toDecimalPlaces(dp, Dec.ROUND_FLOOR)), max: pct(hi.toDecimalPlaces(dp, Dec.ROUND_CEIL)),
        },
        cells: [...new Set([rateCell, actualCell, budgetCell])],
        equation,
        expected: pct(rounded),
        actual: pct(points),
        fix: r.fix,
        table: line.tableId,
        family,
      });
    }
  },
};
