/** Rule 4a: 差额 = 决算数 − 预算数 (or 预算 − 决算 where the header says so). */
import { checkSum } from '../../arith';
import { Dec } from '../../decimal';
import { diffIsBudgetFirst } from '../../vocabulary';
import { Rule } from '../types';
import { ref, show, sumData } from '../util';

export const budgetDifference: Rule = {
  meta: {
    id: 'budget/difference',
    severity: 'error',
    description: { zh: '差额 = 决算数 − 预算数', en: 'Difference = actual − budget' },
    messages: {
      mismatch: {
        zh: '“{name}”差额 {stated} ≠ {formula} = {sum}，相差 {diff}',
        en: '“{name}”: difference {stated} ≠ {formula} = {sum}: off by {diff}',
      },
      signFlipped: {
        severity: 'warning',
        zh: '“{name}”差额 {stated} 的符号与表头口径相反：{formula} = {sum}',
        en: '“{name}”: the difference {stated} has the opposite sign to the header’s definition: {formula} = {sum}',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：“{name}”差额 {stated}，{formula} = {sum}，相差 {diff}，在舍入误差范围之内',
        en: 'Rounding difference: “{name}”: difference {stated}, {formula} = {sum}: off by {diff}, within the rounding bound',
      },
    },
  },
  check(ctx) {
    for (const line of ctx.model.budgetLines) {
      const at = line.cells;
      if (!at.diff) continue;
      const g = line.grid;
      if (g.info(at.diff.row, at.diff.col).k === 'error') continue;
      const stated = line.diff;
      const header = line.diffHeader ?? '';
      const budgetFirst = diffIsBudgetFirst(header);
      const terms = budgetFirst ? [line.budget, line.actual] : [line.actual, line.budget];
      const check = checkSum(stated, terms, ctx.options.tolerance, [1, -1]);
      const family = `budget/difference:${line.tableId}:${at.diff.col}`;
      ctx.checked(family);
      if (check.status === 'ok') continue;
      const data = sumData(check, terms, [1, -1]);
      const formula = budgetFirst ? `${show(line.budget)} − ${show(line.actual)}` : `${show(line.actual)} − ${show(line.budget)}`;
      const flipped = check.status === 'mismatch' && stated !== null && stated.value.negated().eq(check.sum);
      ctx.report({
        messageId: flipped ? 'signFlipped' : check.status === 'mismatch' ? 'mismatch' : 'rounding',
        data: { ...data, name: line.name, formula },
        cells: [ref(g, at.diff.row, at.diff.col), ref(g, at.actual.row, at.actual.col), ref(g, at.budget.row, at.budget.col)],
        expected: data.sum,
        actual: data.stated,
        ...(check.status === 'mismatch' ? {
          fix: data.sum,
          equation: {
            kind: 'other' as const,
            terms: ([[at.diff, stated, 1], [budgetFirst ? at.budget : at.actual, terms[0], -1], [budgetFirst ? at.actual : at.budget, terms[1], 1]] as const)
              .map(([c, n, coef]) => ({ cell: ref(g, c.row, c.col), coef: new Dec(coef), value: n?.value ?? new Dec(0), decimals: n?.decimals ?? 2 })),
            residual: check.diff,
          },
        } : {}),
        table: line.tableId,
        family,
      });
    }
  },
};
