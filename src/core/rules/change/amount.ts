/**
 * Year-over-year tables: 增减额 = 本年 − 上年 (or 上年 − 本年 where the header says so; where it does not, the
 * direction most of the table's rows follow).
 */
import { checkSum, sumStatus } from '../../arith';
import { Dec } from '../../decimal';
import { Rule } from '../types';
import { colName, numAt, ref, sumData } from '../util';

export const changeAmount: Rule = {
  meta: {
    id: 'change/amount',
    severity: 'error',
    description: { zh: '增减额 = 本年数 − 上年数', en: 'Change = this year − last year' },
    messages: {
      mismatch: {
        zh: '“{row}”{diffName} {stated} ≠ {currentName} {current} − {priorName} {prior} = {sum}，相差 {diff}',
        en: '“{row}”: {diffName} {stated} ≠ {currentName} {current} − {priorName} {prior} = {sum}: off by {diff}',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：“{row}”{diffName} {stated}，{currentName} {current} − {priorName} {prior} = {sum}，相差 {diff}，在舍入误差范围之内',
        en: 'Rounding difference: “{row}”: {diffName} {stated}, {currentName} {current} − {priorName} {prior} = {sum}: off by {diff}, within the rounding bound',
      },
    },
  },
  check(ctx) {
    const tol = ctx.options.tolerance;
    for (const t of ctx.model.tables) {
      const g = t.grid;
      for (const p of t.changePairs) {
        if (p.diff === undefined) continue;
        const diffCol = p.diff;
        // every line with a figure: a blank 增减额 beside two different years is a missing figure
        const lines = t.rows.filter((r) => r.role !== 'label' && [diffCol, p.current, p.prior].some((c) => numAt(g, r.row, c) !== null));
        // the direction: stated in the header, else the one most rows follow; where neither holds on most rows,
        // the column is no 增减额 of these two (a misreading), and nothing is said
        let fwd = 0;
        let back = 0;
        let informative = 0;
        for (const r of lines) {
          const [s, c, q] = [numAt(g, r.row, diffCol), numAt(g, r.row, p.current), numAt(g, r.row, p.prior)];
          if (!s || s.value.isZero()) continue;
          informative++;
          if (sumStatus(s, [c, q], tol, [1, -1]) !== 'mismatch') fwd++;
          if (sumStatus(s, [q, c], tol, [1, -1]) !== 'mismatch') back++;
        }
        const sign = p.sign ?? (back > fwd ? -1 : 1);
        const held = sign === 1 ? fwd : back;
        if (informative >= 3 && held * 2 < informative) continue;
        const [first, second] = sign === 1 ? [p.current, p.prior] : [p.prior, p.current];
        const family = `change/amount:${t.id}:${diffCol}`;
        for (const r of lines) {
          const cells = [diffCol, first, second];
          if (cells.some((c) => g.info(r.row, c).k === 'error')) continue;
          const stated = numAt(g, r.row, diffCol);
          const terms = [numAt(g, r.row, first), numAt(g, r.row, second)];
          const check = checkSum(stated, terms, tol, [1, -1]);
          ctx.checked(family);
          if (check.status === 'ok') continue;
          const data = {
            ...sumData(check, terms, [1, -1]), row: r.label, diffName: colName(t, diffCol),
            currentName: colName(t, first), priorName: colName(t, second),
            current: terms[0] ? sumData(check, [terms[0]]).terms : '0', prior: terms[1] ? sumData(check, [terms[1]]).terms : '0',
          };
          const mismatch = check.status === 'mismatch';
          const refs = cells.map((c) => ref(g, r.row, c));
          const term = (i: number, coef: number) => ({ cell: refs[i]!, coef: new Dec(coef), value: [stated, ...terms][i]?.value ?? new Dec(0), decimals: [stated, ...terms][i]?.decimals ?? 2 });
          ctx.report({
            messageId: mismatch ? 'mismatch' : 'rounding',
            data,
            cells: refs,
            expected: data.sum,
            actual: data.stated,
            ...(mismatch ? { fix: data.sum, equation: { kind: 'other' as const, terms: [term(0, 1), term(1, -1), term(2, 1)], residual: check.diff } } : {}),
            table: t.id,
            family,
          });
        }
      }
    }
  },
};
