/** Error values (#REF!, #DIV/0! …) where a figure should be: the cell cannot be checked. */
import { sheetCell } from '../../a1';
import { Rule } from '../types';

export const errorValue: Rule = {
  meta: {
    id: 'input/error-value',
    severity: 'warning',
    description: { zh: '单元格显示错误值', en: 'A cell shows an error value' },
    messages: {
      error: { zh: '单元格显示错误值 {value}，无法校验；通常是公式引用了已删除的单元格或除以零', en: 'The cell shows the error {value} and cannot be checked; usually a formula refers to a deleted cell or divides by zero' },
    },
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.kind !== 'error-value' || n.row === undefined || n.col === undefined) continue;
      ctx.report({ messageId: 'error', data: { value: n.text }, cells: [sheetCell(n.sheet, n.row, n.col)], table: n.tableId });
    }
  },
};
