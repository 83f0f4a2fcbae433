/**
 * Rule 7a: a total cell's SUM must cover exactly what the total gathers. A SUM that skips a unit row, adds a
 * subtotal together with its own rows, or adds a row twice is an error even while the values happen to agree
 * (the next edit will break it). Checked for column totals and for row wholes (支出合计 = 基本支出 + 项目支出).
 */
import { cellA1 } from '../../a1';
import { coverage, readPlainSum } from '../../formula';
import { Grid } from '../../grid';
import { Table } from '../../recognize/model';
import { parentRows, summableColumns } from '../column-sums';
import { Rule, RuleContext } from '../types';
import { colName, ref, rowAt } from '../util';

interface Target {
  table: Table;
  row: number;
  col: number;
  /** cells the formula must add once each */
  expected: Array<{ row: number; col: number; name: string }>;
  /** the axis the formula runs along: only cells on it are judged */
  axis: 'col' | 'row';
  what: string;
}

function judge(ctx: RuleContext, g: Grid, target: Target): void {
  const f = g.formula(target.row, target.col);
  if (!f) return;
  const plain = readPlainSum(f);
  if (!plain) return;
  const cov = coverage(plain, g.name);
  if (!cov) return;
  const onAxis = [...cov.keys()].every((k) => {
    const [y, x] = k.split(',').map(Number) as [number, number];
    return target.axis === 'col' ? x === target.col : y === target.row;
  });
  if (!onAxis) return;
  const missing: Target['expected'] = [];
  const twice: Target['expected'] = [];
  for (const e of target.expected) {
    const n = cov.get(`${e.row},${e.col}`) ?? 0;
    if (n === 0) missing.push(e);
    else if (n !== 1) twice.push(e);
    cov.delete(`${e.row},${e.col}`);
  }
  const extra: Array<{ row: number; col: number; name: string }> = [];
  const t = target.table;
  for (const [k, n] of cov) {
    if (n === 0) continue;
    const [y, x] = k.split(',').map(Number) as [number, number];
    const info = g.info(y, x);
    if (info.k !== 'num' && info.k !== 'error') continue; // blank or text cells inside a range add nothing
    const row = rowAt(t, y);
    const name = target.axis === 'col' ? row?.label ?? cellA1(y, x) : colName(t, x);
    extra.push({ row: y, col: x, name });
  }
  if (!missing.length && !twice.length && !extra.length) return;
  const list = (xs: Target['expected']): string => xs.map((e) => `“${e.name}”（${cellA1(e.row, e.col)}）`).join('、');
  const msgs: string[] = [];
  const msgsEn: string[] = [];
  if (missing.length) {
    msgs.push(`漏掉了 ${list(missing)}`);
    msgsEn.push(`leaves out ${list(missing)}`);
  }
  if (extra.length) {
    msgs.push(`多计入了 ${list(extra)}`);
    msgsEn.push(`also adds ${list(extra)}`);
  }
  if (twice.length) {
    msgs.push(`重复计入了 ${list(twice)}`);
    msgsEn.push(`adds ${list(twice)} more than once`);
  }
  ctx.report({
    messageId: 'coverage',
    data: { what: target.what, formula: f, problemsZh: msgs.join('，'), problemsEn: msgsEn.join('; ') },
    cells: [ref(g, target.row, target.col), ...[...missing, ...extra, ...twice].map((e) => ref(g, e.row, e.col))],
    table: t.id,
  });
}

export const formulaCoverage: Rule = {
  meta: {
    id: 'formula/coverage',
    severity: 'error',
    description: { zh: '合计公式覆盖且仅覆盖应加总的单元格', en: 'A total’s SUM covers exactly the cells it should add' },
    messages: {
      coverage: {
        zh: '{what}的公式 {formula} {problemsZh}',
        en: 'The formula {formula} of {what} {problemsEn}',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const g = t.grid;
      for (const p of parentRows(t)) {
        for (const c of summableColumns(t)) {
          if (!g.formula(p.row, c)) continue;
          judge(ctx, g, {
            table: t, row: p.row, col: c, axis: 'col', what: `“${p.label}”行“${colName(t, c)}”`,
            expected: p.children.map((ch) => ({ row: ch.row, col: c, name: ch.label })),
          });
        }
      }
      for (const rel of t.relations) {
        if (!rel.complete) continue;
        for (const r of t.rows) {
          if (!g.formula(r.row, rel.whole)) continue;
          judge(ctx, g, {
            table: t, row: r.row, col: rel.whole, axis: 'row', what: `“${r.label}”行“${colName(t, rel.whole)}”`,
            expected: rel.parts.flat().map((c) => ({ row: r.row, col: c, name: colName(t, c) })),
          });
        }
      }
    }
  },
};
