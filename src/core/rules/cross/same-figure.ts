/**
 * One figure, many places: the same concept for the same entity (the department or a unit), measure (预算 or
 * 决算) and year, stated in two tables, must agree — the 2021 三公 合计 of a year-over-year table and the 三公
 * 决算数 of the budget table below it. Tables in 元 and 万元 are compared in 万元, each figure at its own
 * rounding (7,886,449 元 and 788.64 万元 agree). A table stating the same fact twice is left out of the comparison.
 */
import { checkSum } from '../../arith';
import { Dec } from '../../decimal';
import { Num } from '../../numbers';
import { Fact, factConcepts, tableFacts } from '../../recognize/derived';
import { ConceptId } from '../../vocabulary';
import { Rule } from '../types';
import { ref, show } from '../util';

const TEN_THOUSAND = new Dec(10000);

function inWan(f: Fact): Num {
  if (f.unit !== '元') return f.num;
  return { ...f.num, value: f.num.value.div(TEN_THOUSAND), decimals: f.num.decimals + 4 };
}

export const sameFigure: Rule = {
  meta: {
    id: 'cross/same-figure',
    severity: 'error',
    description: { zh: '同一数字在不同表中一致（同一项目、单位、年度、口径）', en: 'The same figure agrees wherever it is stated (same item, unit, year and measure)' },
    messages: {
      mismatch: {
        zh: '“{a}”为 {va}，而另一表中“{b}”为 {vb}，同一数字不一致，相差 {diff}',
        en: '“{a}” is {va}, but “{b}” in another table is {vb}: the same figure disagrees by {diff}',
      },
    },
  },
  check(ctx) {
    const titled = ctx.model.tables.map((t) => t.year).filter((y): y is number => y !== undefined);
    const years = ctx.model.tables.flatMap((t) => t.columns.map((c) => c.year)).filter((y): y is number => y !== undefined);
    const reportYear = [...titled, ...years].length ? Math.max(...titled, ...years) : undefined;
    // only concepts that two tables could both state are worth the facts
    const counts = new Map<ConceptId, number>();
    const perTable = ctx.model.tables.map((t) => factConcepts(t));
    for (const set of perTable) for (const c of set) counts.set(c, (counts.get(c) ?? 0) + 1);
    const shared = new Set([...counts].filter(([, n]) => n >= 2).map(([c]) => c));
    const byKey = new Map<string, Fact[]>();
    for (const [i, t] of ctx.model.tables.entries()) {
      if (![...perTable[i]!].some((c) => shared.has(c))) continue;
      const mine = new Map<string, Fact | null>();
      for (const f of tableFacts(t, reportYear, shared)) {
        const key = `${f.entity}|${f.item}|${f.measure}|${f.year}|${f.scope}`;
        // a table stating the same fact twice is left out for that fact
        mine.set(key, mine.has(key) ? null : f);
      }
      for (const [key, f] of mine) {
        if (!f) continue;
        const list = byKey.get(key);
        if (list) list.push(f);
        else byKey.set(key, [f]);
      }
    }
    for (const facts of byKey.values()) {
      if (facts.length < 2) continue;
      const first = facts[0]!;
      for (const other of facts.slice(1)) {
        if (other.tableId === first.tableId) continue;
        const a = inWan(first);
        const b = inWan(other);
        const check = checkSum(a, [b], ctx.options.tolerance);
        // one family a pair of tables: tables that disagree on most figures they share are not the same entity's
        const family = `cross/same-figure:${Math.min(first.tableId, other.tableId)}:${Math.max(first.tableId, other.tableId)}`;
        ctx.checked(family);
        if (check.status !== 'mismatch') continue;
        const ca = ref(first.grid, first.cell.row, first.cell.col);
        const cb = ref(other.grid, other.cell.row, other.cell.col);
        const d = Math.max(2, Math.min(a.decimals, b.decimals));
        const k = (f: Fact): Dec => (f.unit === '元' ? new Dec(1).div(TEN_THOUSAND) : new Dec(1));
        ctx.report({
          messageId: 'mismatch',
          data: {
            a: first.label, va: show(first.num) + (first.unit ?? ''), b: other.label, vb: show(other.num) + (other.unit ?? ''),
            diff: `${check.diff.abs().toFixed(d, Dec.ROUND_HALF_UP)}${first.unit === '元' && other.unit === '元' ? '元' : '万元'}`,
          },
          cells: [ca, cb],
          table: first.tableId,
          family,
          equation: {
            kind: 'other',
            terms: [
              { cell: ca, coef: k(first), value: first.num.value, decimals: first.num.decimals },
              { cell: cb, coef: k(other).negated(), value: other.num.value, decimals: other.num.decimals },
            ],
            residual: check.diff,
          },
        });
      }
    }
  },
};
