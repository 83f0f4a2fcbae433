/**
 * A two-sided 总表 balances: 收入总计 = 支出总计 (recognize/two-sided.ts reads the sides as two tables sharing
 * rows). The 总计 of each side is its last line; on a side with several amount columns (合计 | 一般公共预算 | …)
 * the first is the side's total.
 */
import { checkSum } from '../../arith';
import { Dec } from '../../decimal';
import { Table } from '../../recognize/model';
import { Rule } from '../types';
import { numAt, ref, sumData, summableColumns } from '../util';

export const balance: Rule = {
  meta: {
    id: 'totals/balance',
    severity: 'error',
    description: { zh: '总表收支平衡：收入总计 = 支出总计', en: 'A two-sided summary table balances: total income = total expenditure' },
    messages: {
      mismatch: {
        zh: '“{income}” {stated} 与 “{spend}” {sum} 不相等，相差 {diff}：收支总表应当平衡',
        en: '“{income}” {stated} and “{spend}” {sum} differ by {diff}: the summary table should balance',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：“{income}” {stated} 与 “{spend}” {sum} 相差 {diff}，在舍入误差范围之内',
        en: 'Rounding difference: “{income}” {stated} and “{spend}” {sum} differ by {diff}, within the rounding bound',
      },
    },
  },
  check(ctx) {
    const sides = ctx.model.tables.filter((t) => t.side && t.total);
    for (const inc of sides.filter((t) => t.side === 'income')) {
      const spend = sides.find((t): t is Table => t.side === 'expenditure' && t.sheet === inc.sheet && t.total!.row === inc.total!.row);
      const ci = summableColumns(inc)[0];
      const cs = spend ? summableColumns(spend)[0] : undefined;
      if (!spend || ci === undefined || cs === undefined) continue;
      const g = inc.grid;
      const row = inc.total!.row;
      const stated = numAt(g, row, ci);
      const other = numAt(spend.grid, row, cs);
      // one side's 总计 left blank is a missing figure; both blank say nothing
      if (!stated && !other) continue;
      const check = checkSum(stated, [other], ctx.options.tolerance);
      if (check.status === 'ok') continue;
      const mismatch = check.status === 'mismatch';
      const cells = [ref(g, row, ci), ref(spend.grid, row, cs)];
      ctx.report({
        messageId: mismatch ? 'mismatch' : 'rounding',
        data: { ...sumData(check, [other]), income: inc.total!.label, spend: spend.total!.label },
        cells,
        table: inc.id,
        ...(mismatch ? {
          equation: {
            kind: 'other' as const,
            terms: [{ cell: cells[0]!, coef: new Dec(1), value: check.stated, decimals: stated?.decimals ?? 2 }, { cell: cells[1]!, coef: new Dec(-1), value: check.sum, decimals: other?.decimals ?? 2 }],
            residual: check.diff,
          },
        } : {}),
      });
    }
  },
};
