/** Numbers stored as text ("1,256.62" typed into a text cell): read as numbers, reported once per column. */
import { Rule } from '../types';
import { reportNotesByColumn } from '../util';

export const numberAsText: Rule = {
  meta: {
    id: 'input/number-as-text',
    severity: 'info',
    description: { zh: '以文本形式存储的数字', en: 'Numbers stored as text' },
    messages: {
      text: {
        zh: '“{column}”列有 {count} 个数字以文本形式存储（如 {example}），已按数字校验；Excel 的求和公式会忽略它们',
        en: '{count} number(s) in “{column}” are stored as text (e.g. {example}); checked as numbers, but Excel’s SUM ignores them',
      },
    },
  },
  check(ctx) {
    reportNotesByColumn(ctx, 'number-as-text', 'text');
  },
};
