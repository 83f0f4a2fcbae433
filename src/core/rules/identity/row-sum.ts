/**
 * Rule 2a: a whole equals the sum of its complete breakdown — within a row (支出合计 = 基本支出 + 项目支出, read
 * from the header), and down a column where the rows are the breakdown (收入合计 over "其中：财政拨款 / 上年结转 /
 * 其他收入"; 年度资金总额 over 基本支出 + 项目支出 and again over 财政拨款 + 其他资金).
 */
import { checkSum, exactDiff } from '../../arith';
import { Num } from '../../numbers';
import { Rule } from '../types';
import { colName, numAt, ref, relationLines, rowName, sumData } from '../util';

export const rowSum: Rule = {
  meta: {
    id: 'identity/row-sum',
    severity: 'error',
    description: { zh: '总数等于其完整构成之和（如 支出合计 = 基本支出 + 项目支出，行内或列内）', en: 'A whole equals the sum of its complete breakdown, within a row or down a column' },
    messages: {
      mismatch: {
        zh: '“{row}”行：{working}，{whole}填报 {stated}，相差 {diff}',
        en: 'Row “{row}”: {working}, but {whole} is {stated}: off by {diff}',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：“{row}”行：{working}，{whole}填报 {stated}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: row “{row}”: {working}, {whole} is {stated}: off by {diff}, within the rounding bound (±{bound})',
      },
      columnMismatch: {
        zh: '“{row}”列：{working}，{whole}填报 {stated}，相差 {diff}',
        en: 'Column “{row}”: {working}, but {whole} is {stated}: off by {diff}',
      },
      columnRounding: {
        severity: 'info',
        zh: '尾差：“{row}”列：{working}，{whole}填报 {stated}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: column “{row}”: {working}, {whole} is {stated}: off by {diff}, within the rounding bound (±{bound})',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const g = t.grid;
      const sets: Array<[typeof t.relations, boolean]> = [[t.relations.filter((r) => r.source !== 'units'), false], [t.rowRelations, true]];
      for (const [relations, byRows] of sets) {
        for (const rel of relations) {
          if (!rel.complete) continue;
          const names = rel.parts.flat().map((p) => (byRows ? rowName(t, p) : colName(t, p)));
          const partNames = names.join(' + ');
          const whole = byRows ? rowName(t, rel.whole) : colName(t, rel.whole);
          const family = `identity/row-sum:${t.id}:${byRows ? 'rows' : 'cols'}:${rel.whole}`;
          // a column relation is checked on every line: a line whose figures add up exactly is counted without
          // building its cells (most lines of a clean table)
          const partCols = byRows ? [] : rel.parts.flat();
          // one array for every line's terms: exactDiff keeps none of them
          const terms: Array<Num | null> = new Array(partCols.length);
          const holds = (row: number): boolean => {
            if (g.info(row, rel.whole).k === 'error') return false;
            for (let k = 0; k < partCols.length; k++) {
              const i = g.info(row, partCols[k]!);
              if (i.k === 'error') return false;
              terms[k] = i.k === 'num' ? i.n : null;
            }
            return exactDiff(numAt(g, row, rel.whole), terms) === 0;
          };
          const lines = byRows ? relationLines(t, rel, true) : relationLines(t, rel, false, (row) => {
            if (!holds(row)) return true;
            ctx.checked(family);
            return false;
          });
          for (const line of lines) {
            const cells = [line.whole, ...line.parts];
            if (cells.some((x) => g.info(x.r, x.c).k === 'error')) continue;
            const stated = numAt(g, line.whole.r, line.whole.c);
            const terms = line.parts.map((x) => numAt(g, x.r, x.c));
            const check = checkSum(stated, terms, ctx.options.tolerance);
            ctx.checked(family);
            if (check.status === 'ok') continue;
            const data = { ...sumData(check, terms, undefined, names), row: line.name, whole, partNames };
            const mismatch = check.status === 'mismatch';
            const cross = byRows
              ? { axis: 'col' as const, table: t.id, col: line.whole.c, totalRow: rel.whole, rows: line.parts.map((x) => x.r), diff: check.diff }
              : { axis: 'row' as const, table: t.id, row: line.whole.r, whole: rel.whole, parts: line.parts.map((x) => x.c), diff: check.diff };
            ctx.report({
              messageId: `${byRows ? 'column' : ''}${mismatch ? (byRows ? 'Mismatch' : 'mismatch') : (byRows ? 'Rounding' : 'rounding')}`,
              data,
              cells: cells.map((x) => ref(g, x.r, x.c)),
              expected: data.sum,
              actual: data.stated,
              ...(mismatch ? { fix: data.sum, cross } : {}),
              table: t.id,
              family,
            });
          }
        }
      }
    }
  },
};
