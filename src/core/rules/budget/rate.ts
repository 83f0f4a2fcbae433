/**
 * Rule 4b: a stated 执行率/完成率 equals 决算 ÷ 预算 at the decimals it shows. When it does not, but some values
 * the two rounded inputs could stand for would give it (15.70 may be 15.695 … 15.705), it is a warning: a
 * reviewer will recompute it from the figures shown. Beyond that it is an error.
 */
import { precisionOf } from '../../arith';
import { Dec, halfUnit, HUNDRED } from '../../decimal';
import { Rule } from '../types';
import { ref, show } from '../util';
import { budgetLines } from './lines';

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
      roundingExplains: {
        severity: 'warning',
        zh: '“{name}”{rateName}填报为 {stated}，按表中数字 {actual} ÷ {budget} = {computed}；差异可由两数自身的舍入解释（可能范围 {min}–{max}），但审核时会按表中数字重新计算，建议填 {computed}',
        en: '“{name}”: {rateName} is stated as {stated}, but the figures shown give {actual} ÷ {budget} = {computed}; the inputs’ own rounding could explain it (possible range {min}–{max}), but a reviewer will recompute it from the figures shown: {computed} is expected',
      },
    },
  },
  check(ctx) {
    const tol = ctx.options.tolerance;
    for (const line of budgetLines(ctx.model)) {
      const { table: t, row, pair, budget: b, actual: a } = line;
      if (pair.rate === undefined || !a || !b || b.value.isZero()) continue;
      const g = t.grid;
      const si = g.info(row.row, pair.rate);
      if (si.k !== 'num') continue;
      const s = si.n;
      const computed = a.value.div(b.value).times(HUNDRED);
      // the stated figure in percent points, and how many decimals of a percent it shows
      let points: Dec;
      let dp: number;
      let fraction = false;
      if (s.percent) {
        points = s.value.times(HUNDRED);
        dp = s.decimals;
      } else {
        const asFraction = s.value.times(HUNDRED);
        fraction = asFraction.minus(computed).abs().lt(s.value.minus(computed).abs());
        points = fraction ? asFraction : s.value;
        dp = fraction ? Math.max(0, s.decimals - 2) : s.decimals;
      }
      // compared at the decimals the cell shows: a formula =E6/D6 formatted 0.00% is the 94.81% it shows
      points = points.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
      const rounded = computed.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
      if (rounded.eq(points)) continue;
      const ea = halfUnit(precisionOf(a, tol)).times(tol.factor);
      const eb = halfUnit(precisionOf(b, tol)).times(tol.factor);
      let explains = false;
      let lo = computed;
      let hi = computed;
      if (b.value.abs().gt(eb)) {
        const corners = [a.value.minus(ea), a.value.plus(ea)].flatMap((x) => [b.value.minus(eb), b.value.plus(eb)].map((y) => x.div(y).times(HUNDRED)));
        lo = Dec.min(...corners);
        hi = Dec.max(...corners);
        const h = halfUnit(dp);
        explains = points.plus(h).gte(lo) && points.minus(h).lte(hi);
      }
      const pct = (d: Dec): string => `${d.toFixed(dp, Dec.ROUND_HALF_UP)}%`;
      const rateName = t.columns.find((c) => c.col === pair.rate)?.path.at(-1)?.text ?? '执行率';
      ctx.report({
        messageId: explains ? 'roundingExplains' : 'mismatch',
        data: {
          name: line.name, rateName, stated: pct(points), actual: show(a), budget: show(b), computed: pct(rounded),
          min: pct(lo.toDecimalPlaces(dp, Dec.ROUND_FLOOR)), max: pct(hi.toDecimalPlaces(dp, Dec.ROUND_CEIL)),
        },
        cells: [ref(g, row.row, pair.rate), ref(g, row.row, pair.actual), ref(g, row.row, pair.budget)],
        expected: pct(rounded),
        actual: pct(points),
        fix: s.percent ? pct(rounded) : fraction ? rounded.div(HUNDRED).toFixed(dp + 2) : rounded.toFixed(dp),
        table: t.id,
      });
    }
  },
};
