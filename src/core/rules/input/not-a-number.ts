/**
 * A figure cell holding something that is no number (TRUE/FALSE, a date, "1,2,3", "NaN", "Infinity", "1e400"):
 * said as "不是数字", once a column, rather than checked as if it held 0.
 */
import { Rule } from '../types';
import { reportNotesByColumn } from '../util';

export const notANumber: Rule = {
  meta: {
    id: 'input/not-a-number',
    severity: 'warning',
    description: { zh: '应填数字的单元格不是数字', en: 'A figure cell holds something that is not a number' },
    messages: {
      cell: {
        zh: '“{column}”列有 {count} 个单元格应为数字，实为“{example}”等，不是数字：请改为金额（没有则留空或填 0）；相关合计按缺这些数校验',
        en: '{count} cell(s) in “{column}” should hold a number but hold “{example}” or the like, which is not a number: type the amount (leave it blank or 0 for none); the sums through them were checked without them',
      },
    },
  },
  check(ctx) {
    reportNotesByColumn(ctx, 'not-a-number', 'cell');
  },
};
