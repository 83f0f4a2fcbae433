/** Numbers stored as text ("1,256.62" typed into a text cell): read as numbers, reported once per column. */
import { Rule } from '../types';
import { colName, colRefs } from '../util';

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
    const groups = new Map<string, { table: number; col: number; rows: number[]; example: string }>();
    for (const n of ctx.model.notes) {
      if (n.kind !== 'number-as-text' || n.tableId === undefined || n.row === undefined || n.col === undefined) continue;
      const key = `${n.tableId}:${n.col}`;
      const g = groups.get(key) ?? { table: n.tableId, col: n.col, rows: [], example: n.text };
      g.rows.push(n.row);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const t = ctx.model.tables.find((x) => x.id === g.table)!;
      ctx.report({
        messageId: 'text',
        data: { column: colName(t, g.col), count: g.rows.length, example: g.example },
        cells: colRefs(t.grid, g.rows, g.col),
        table: g.table,
      });
    }
  },
};
