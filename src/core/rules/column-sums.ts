/** The column sums of one table: each total, 小计 or outline-group row equals the sum of the rows it gathers. */
import { checkSum } from '../arith';
import { Num } from '../numbers';
import { Row, Table } from '../recognize/model';
import { MessageText, RuleContext } from './types';
import { colName, colRefs, numAt, ref, sumData, summableColumns } from './util';

export { summableColumns };

/** The messages of a code's line over the codes under it (a table keyed by 科目编码), in both rules that check
 *  column sums. */
export const CODE_MESSAGES: Record<'code' | 'codeRounding', MessageText> = {
  code: {
    zh: '科目“{code} {row}”的“{column}”为 {stated}，不等于其下级科目之和 {working}，相差 {diff}',
    en: 'Code “{code} {row}”, “{column}” is {stated}, but the codes under it add up to {working}: off by {diff}',
  },
  codeRounding: {
    severity: 'info',
    zh: '尾差：科目“{code} {row}”的“{column}”为 {stated}，其下级科目之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
    en: 'Rounding difference: code “{code} {row}”, “{column}” is {stated}, the codes under it add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
  },
};


export function parentRows(t: Table): Row[] {
  const out: Row[] = [];
  const visit = (r: Row): void => {
    if (r.children.length) out.push(r);
    for (const ch of r.children) visit(ch);
  };
  if (t.total) visit(t.total);
  else for (const r of t.rows) if (!r.parent) visit(r);
  return out;
}

export function checkColumnSums(ctx: RuleContext, t: Table, rule: string): void {
  const g = t.grid;
  const cols = summableColumns(t).filter((c) => !percentColumn(t, c));
  const family = `${rule}:${t.id}:col`;
  for (const p of parentRows(t)) {
    if (p.unconfirmed) continue;
    const rows = p.children.map((ch) => ch.row);
    for (const c of cols) {
      const si = g.info(p.row, c);
      if (si.k === 'error') continue;
      // the terms and whether any is an error value, in one pass over the lines
      const terms: Array<Num | null> = new Array(p.children.length);
      let error = false;
      for (let k = 0; k < p.children.length && !error; k++) {
        const i = g.info(p.children[k]!.row, c);
        if (i.k === 'error') error = true;
        terms[k] = i.k === 'num' ? i.n : null;
      }
      if (error) continue;
      const stated = si.k === 'num' ? si.n : null;
      const check = checkSum(stated, terms, ctx.options.tolerance);
      ctx.checked(family);
      if (check.status === 'ok') continue;
      const data = { ...sumData(check, terms), row: p.label, column: colName(t, c), code: p.code ?? '' };
      const mismatch = check.status === 'mismatch';
      const id = p.role === 'total' ? 'total' : p.code ? 'code' : 'subtotal';
      ctx.report({
        messageId: mismatch ? id : `${id}Rounding`,
        data,
        cells: [ref(g, p.row, c), ...colRefs(g, rows, c)],
        expected: data.sum,
        actual: data.stated,
        ...(mismatch ? { fix: data.sum } : {}),
        table: t.id,
        family,
        ...(mismatch ? { cross: { axis: 'col' as const, table: t.id, col: c, totalRow: p.row, rows, diff: check.diff } } : {}),
      });
    }
  }
}

function percentColumn(t: Table, c: number): boolean {
  let pct = 0;
  let all = 0;
  const n = t.rows.length;
  for (let k = 0; k < n; k++) {
    const i = t.grid.info(t.rows[k]!.row, c);
    if (i.k !== 'num') continue;
    all++;
    if (i.n.percent) pct++;
    // settled: even if every line left were a percentage, they would not be more than the others
    else if (all - pct >= pct + (n - 1 - k)) return false;
  }
  return all > 0 && pct * 2 > all;
}

/** Units as columns: in each row, the 汇总 column equals the sum of the unit columns (小计 columns in their place). */
export function checkUnitColumns(ctx: RuleContext, t: Table, rule: string): void {
  const g = t.grid;
  for (const rel of t.relations) {
    if (rel.source !== 'units') continue;
    const cols = rel.parts.flat();
    const family = `${rule}:${t.id}:units:${rel.whole}`;
    for (const r of t.rows) {
      if (r.role === 'label' || r.rate) continue;
      if ([rel.whole, ...cols].some((c) => g.info(r.row, c).k === 'error')) continue;
      const stated = numAt(g, r.row, rel.whole);
      const terms = cols.map((c) => numAt(g, r.row, c));
      const check = checkSum(stated, terms, ctx.options.tolerance);
      ctx.checked(family);
      if (check.status === 'ok') continue;
      const data = { ...sumData(check, terms), row: r.label, column: colName(t, rel.whole) };
      const mismatch = check.status === 'mismatch';
      ctx.report({
        messageId: mismatch ? 'unitColumns' : 'unitColumnsRounding',
        data,
        cells: [ref(g, r.row, rel.whole), ...cols.map((c) => ref(g, r.row, c))],
        expected: data.sum,
        actual: data.stated,
        ...(mismatch ? { fix: data.sum, cross: { axis: 'row' as const, table: t.id, row: r.row, whole: rel.whole, parts: cols, diff: check.diff } } : {}),
        table: t.id,
        family,
      });
    }
  }
}
