/** Year-over-year tables: 增减率 = 增减额 ÷ 上年数, at the decimals it shows (either direction, as the 增减额). */
import { Dec } from '../../decimal';
import { Num } from '../../numbers';
import { checkRatio } from '../ratio';
import { Rule } from '../types';
import { colName, numAt, ref, show } from '../util';

export const changeRate: Rule = {
  meta: {
    id: 'change/rate',
    severity: 'error',
    description: { zh: '增减率 = （本年数 − 上年数）÷ 上年数', en: 'Rate of change = (this year − last year) ÷ last year' },
    messages: {
      mismatch: {
        zh: '“{row}”{rateName}填报为 {stated}，而 {formula} = {computed}，不符',
        en: '“{row}”: {rateName} is stated as {stated}, but {formula} = {computed}',
      },
      roundingExplains: {
        severity: 'warning',
        zh: '“{row}”{rateName}填报为 {stated}，按表中数字 {formula} = {computed}；差异可由数字自身的舍入解释（可能范围 {min}–{max}），但审核时会按表中数字重新计算，建议填 {computed}',
        en: '“{row}”: {rateName} is stated as {stated}, but the figures shown give {formula} = {computed}; their own rounding could explain it (possible range {min}–{max}), but a reviewer will recompute it: {computed} is expected',
      },
    },
  },
  check(ctx) {
    const tol = ctx.options.tolerance;
    for (const t of ctx.model.tables) {
      const g = t.grid;
      for (const p of t.changePairs) {
        if (p.rate === undefined) continue;
        const rateCol = p.rate;
        const lines: Array<{ label: string; row: number; s: Num; c: Num | null; q: Num }> = [];
        for (const r of t.rows) {
          const si = g.info(r.row, rateCol);
          const q = numAt(g, r.row, p.prior);
          if (si.k !== 'num' || !q || q.value.isZero()) continue;
          lines.push({ label: r.label, row: r.row, s: si.n, c: numAt(g, r.row, p.current), q });
        }
        // which definition the rows follow: (本年 − 上年) ÷ 上年, its negation, or 本年 ÷ 上年 (some templates'
        // "增长率" is the ratio); where none holds on most rows, the column is not read as any and nothing is said
        const numerator = (l: (typeof lines)[number], how: number): Dec => {
          const c = l.c?.value ?? new Dec(0);
          return how === 2 ? c : c.minus(l.q.value).times(how === 1 ? -1 : 1);
        };
        const holds = [0, 0, 0];
        for (const l of lines) for (const how of [0, 1, 2]) if (checkRatio(l.s, numerator(l, how), l.q.value, [l.c, l.q, l.q], tol).ok) holds[how]!++;
        const how = holds.indexOf(Math.max(...holds));
        if (lines.length >= 3 && holds[how]! * 2 < lines.length) continue;
        const family = `change/rate:${t.id}:${rateCol}`;
        for (const l of lines) {
          const d = numerator(l, how);
          const r = checkRatio(l.s, d, l.q.value, [l.c, l.q, l.q], tol);
          ctx.checked(family);
          if (r.ok) continue;
          const refs = [ref(g, l.row, rateCol), ref(g, l.row, p.current), ref(g, l.row, p.prior)];
          ctx.report({
            messageId: r.explains ? 'roundingExplains' : 'mismatch',
            data: {
              row: l.label, rateName: colName(t, rateCol), stated: r.pct(r.points), computed: r.pct(r.rounded),
              formula: how === 2 ? `${show(l.c)} ÷ ${show(l.q)}` : how === 1 ? `(${show(l.q)} − ${show(l.c)}) ÷ ${show(l.q)}` : `(${show(l.c)} − ${show(l.q)}) ÷ ${show(l.q)}`,
              min: r.pct(r.lo.toDecimalPlaces(r.dp, Dec.ROUND_FLOOR)), max: r.pct(r.hi.toDecimalPlaces(r.dp, Dec.ROUND_CEIL)),
            },
            cells: refs,
            expected: r.pct(r.rounded),
            actual: r.pct(r.points),
            fix: r.fix,
            equation: { kind: 'other', terms: refs.map((cell) => ({ cell, value: l.s.value, decimals: 0 })) },
            table: t.id,
            family,
          });
        }
      }
    }
  },
};
