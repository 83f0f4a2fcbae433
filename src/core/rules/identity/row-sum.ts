/** Rule 2a: within a row, a whole equals the sum of its complete breakdown (支出合计 = 基本支出 + 项目支出). */
import { checkSum } from '../../arith';
import { Rule } from '../types';
import { colName, numAt, ref, sumData } from '../util';

export const rowSum: Rule = {
  meta: {
    id: 'identity/row-sum',
    severity: 'error',
    description: { zh: '行内：总数等于其完整构成之和（如 支出合计 = 基本支出 + 项目支出）', en: 'Within a row, a whole equals the sum of its complete breakdown' },
    messages: {
      mismatch: {
        zh: '“{row}”行：{whole} {stated} ≠ {partNames} {terms} = {sum}，相差 {diff}',
        en: 'Row “{row}”: {whole} {stated} ≠ {partNames} {terms} = {sum}: off by {diff}',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：“{row}”行 {whole} {stated}，{partNames} 之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: row “{row}”: {whole} {stated}, {partNames} add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const g = t.grid;
      for (const rel of t.relations) {
        if (!rel.complete) continue;
        const partCols = rel.parts.flat();
        const partNames = partCols.map((c) => colName(t, c)).join(' + ');
        for (const row of t.rows) {
          if ([rel.whole, ...partCols].some((c) => g.info(row.row, c).k === 'error')) continue;
          const stated = numAt(g, row.row, rel.whole);
          const terms = partCols.map((c) => numAt(g, row.row, c));
          const check = checkSum(stated, terms, ctx.options.tolerance);
          if (check.status === 'ok') continue;
          const data = { ...sumData(check, terms), row: row.label, whole: colName(t, rel.whole), partNames };
          const mismatch = check.status === 'mismatch';
          ctx.report({
            messageId: mismatch ? 'mismatch' : 'rounding',
            data,
            cells: [ref(g, row.row, rel.whole), ...partCols.map((c) => ref(g, row.row, c))],
            expected: data.sum,
            actual: data.stated,
            ...(mismatch ? { fix: data.sum, cross: { axis: 'row' as const, table: t.id, row: row.row, whole: rel.whole, parts: partCols, diff: check.diff } } : {}),
            table: t.id,
          });
        }
      }
    }
  },
};
