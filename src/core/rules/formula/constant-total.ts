/** Rule 7b: a typed constant in a total cell where the cells around it hold formulas: it will not follow edits. */
import { parentRows, summableColumns } from '../column-sums';
import { Rule } from '../types';
import { colName, ref, show, numAt } from '../util';

export const constantTotal: Rule = {
  meta: {
    id: 'formula/constant-total',
    severity: 'info',
    description: { zh: '合计单元格应为公式而非手工录入的常数', en: 'A total cell holds a typed number where its neighbours hold formulas' },
    messages: {
      constant: {
        zh: '{what}是手工录入的 {value}，而同{axisZh}其他合计单元格是公式；修改明细后它不会随之更新',
        en: '{what} is a typed {value} while the other totals in its {axisEn} are formulas; it will not follow edits',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const g = t.grid;
      const cols = summableColumns(t);
      for (const p of parentRows(t)) {
        const withFormula = cols.filter((c) => g.formula(p.row, c));
        if (withFormula.length < 2) continue;
        for (const c of cols) {
          const n = numAt(g, p.row, c);
          if (g.formula(p.row, c) || !n) continue;
          ctx.report({
            messageId: 'constant',
            data: { what: `“${p.label}”行“${colName(t, c)}”`, value: show(n), axisZh: '行', axisEn: 'row' },
            cells: [ref(g, p.row, c), ...withFormula.slice(0, 2).map((x) => ref(g, p.row, x))],
            table: t.id,
          });
        }
      }
      for (const rel of t.relations) {
        if (!rel.complete) continue;
        const rows = t.rows.map((r) => r.row);
        for (let i = 1; i < rows.length - 1; i++) {
          const [up, here, down] = [rows[i - 1]!, rows[i]!, rows[i + 1]!];
          const n = numAt(g, here, rel.whole);
          if (!n || g.formula(here, rel.whole) || !g.formula(up, rel.whole) || !g.formula(down, rel.whole)) continue;
          const row = t.rows[i]!;
          ctx.report({
            messageId: 'constant',
            data: { what: `“${row.label}”行“${colName(t, rel.whole)}”`, value: show(n), axisZh: '列', axisEn: 'column' },
            cells: [ref(g, here, rel.whole), ref(g, up, rel.whole), ref(g, down, rel.whole)],
            table: t.id,
          });
        }
      }
    }
  },
};
