/**
 * Formulas whose result the file did not save (see ../../evaluate.ts): said once a sheet, with how many the
 * engine computed itself and how many it could not, whose checks were skipped.
 */
import { quoteSheet } from '../../a1';
import { Rule } from '../types';

export const uncomputed: Rule = {
  meta: {
    id: 'input/uncomputed',
    severity: 'info',
    description: { zh: '公式没有保存计算结果', en: 'Formulas without a saved result' },
    messages: {
      computed: {
        zh: '工作表“{sheet}”中有 {count} 个公式没有保存计算结果（{cells}），已按公式算出后校验；用 Excel 或 WPS 打开并保存一次即可写入结果',
        en: '{count} formula(s) on sheet “{sheet}” have no saved result ({cells}); they were computed from their formulas and checked. Opening and saving the file in Excel or WPS stores the results',
      },
      unknown: {
        zh: '工作表“{sheet}”中有 {count} 个公式没有保存计算结果且无法在此计算（{cells}）：涉及它们的校验已跳过（未当作 0）；请用 Excel 或 WPS 打开并保存一次后再校验',
        en: '{count} formula(s) on sheet “{sheet}” have no saved result and cannot be computed here ({cells}): the checks that need them were skipped (they were not taken as 0); open and save the file in Excel or WPS, then check again',
      },
    },
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.kind !== 'uncomputed' && n.kind !== 'uncomputed-unknown') continue;
      const cells = n.cells ?? [];
      const list = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ' …' : '');
      ctx.report({
        messageId: n.kind === 'uncomputed' ? 'computed' : 'unknown',
        data: { sheet: n.sheet, count: cells.length, cells: list },
        cells: cells.length ? cells.slice(0, 20).map((c) => `${quoteSheet(n.sheet)}!${c}`) : [`${quoteSheet(n.sheet)}!A1`],
      });
    }
  },
};
