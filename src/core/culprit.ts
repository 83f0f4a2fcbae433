/**
 * Naming the most likely culprit. Every failing check states the equation it tested (a sum, a difference, a
 * ratio) and the cells in it. One wrong figure breaks every equation it sits in — a column total and a row
 * identity, the two breakdowns of one 年度资金总额, a table's total and the same figure in another table — so
 * the cell that sits in more failing equations than any other cell of a finding is named first in it. When two
 * cells tie, none is named: the engine does not guess. When every linear equation through the culprit agrees
 * on the value that mends it, that value is the fix.
 */
import { parseCell, splitRef } from './a1';
import { checkSum, ToleranceOptions } from './arith';
import { Dec, fmtFixed } from './decimal';
import { notANumber } from './numbers';
import { Cross, Equation, Problem } from './rules/types';
import { Table } from './recognize/model';
import { numAt, ref } from './rules/util';

export interface Raised {
  problem: Problem;
  culprit?: string;
  /** how the culprit was found: 'cross' (a column total and a row identity) or the number of failing checks */
  culpritVia?: 'cross' | 'isolated' | number;
}

/** The equation of a column total or row identity, from its `cross`. */
function crossEquation(cross: Cross, tables: Table[]): Equation | undefined {
  const t = tables.find((x) => x.id === cross.table);
  if (!t) return undefined;
  const cell = (r: number, c: number, coef: number): Equation['terms'][number] => {
    const n = numAt(t.grid, r, c);
    // a cell that holds no number shows what it holds ("“NaN”", said to be no number by input/not-a-number), not
    // a 0 it never had
    const bad = n ? null : notANumber(t.grid.raw(r, c), t.grid.format(r, c));
    const shown = n ? undefined : bad !== null ? `“${bad.slice(0, 40)}”` : '0';
    return { cell: ref(t.grid, r, c), coef: new Dec(coef), value: n?.value ?? new Dec(0), decimals: n?.decimals ?? 2, shown };
  };
  if (cross.axis === 'col') {
    return { kind: 'col', terms: [cell(cross.totalRow, cross.col, 1), ...cross.rows.map((r) => cell(r, cross.col, -1))], residual: cross.diff };
  }
  return { kind: 'row', terms: [cell(cross.row, cross.whole, 1), ...cross.parts.map((c) => cell(cross.row, c, -1))], residual: cross.diff };
}

/** A sum line's key: down column c into row `whole` from the rows `parts`, or along row r into column `whole`. */
const partsKey = (parts: readonly number[]): string => (parts.length <= 8 ? parts.join(',') : `${parts[0]}…${parts[parts.length - 1]}#${parts.length}`);
const colLine = (table: number, c: number, whole: number, parts: readonly number[]): string => `${table}|${c}|${whole}|${partsKey(parts)}|c`;
const rowLine = (table: number, r: number, whole: number, parts: readonly number[]): string => `${table}|${r}|${whole}|${partsKey(parts)}|r`;

/**
 * Does some other sum through cell (r, c) of table t hold there (with figures in it)? Then the cell is vouched
 * for. Each sum line (a relation on one row or column, a parent row on one column) is computed once per check of
 * the workbook and remembered, so that naming culprits costs a pass over the lines, not one per cell of each
 * failing line (a 200-column table with scattered faults took minutes that way).
 */
class Vouching {
  private readonly lines = new Map<string, boolean>();
  private readonly rowsOf = new Map<Table, Map<number, Table['rows'][number]>>();
  private readonly childRows = new Map<Table['rows'][number], number[]>();
  constructor(private readonly tol: ToleranceOptions) {}

  private holds(key: string, t: Table, whole: { r: number; c: number }, parts: () => Array<{ r: number; c: number }>): boolean {
    let v = this.lines.get(key);
    if (v === undefined) {
      const g = t.grid;
      const stated = numAt(g, whole.r, whole.c);
      const terms = parts().map((x) => numAt(g, x.r, x.c));
      v = !!stated && !terms.every((x) => !x) && checkSum(stated, terms, this.tol).status !== 'mismatch';
      this.lines.set(key, v);
    }
    return v;
  }

  /** A line a rule found failing need not be summed again. */
  failed(cross: Cross): void {
    this.lines.set(cross.axis === 'col' ? colLine(cross.table, cross.col, cross.totalRow, cross.rows) : rowLine(cross.table, cross.row, cross.whole, cross.parts), false);
  }

  vouchedFor(t: Table, r: number, c: number): boolean {
    for (const rel of t.relations) {
      const cols = rel.parts.flat();
      if (rel.whole !== c && !cols.includes(c)) continue;
      if (this.holds(rowLine(t.id, r, rel.whole, cols), t, { r, c: rel.whole }, () => cols.map((x) => ({ r, c: x })))) return true;
    }
    for (const rel of t.rowRelations) {
      const rows = rel.parts.flat();
      if (rel.whole !== r && !rows.includes(r)) continue;
      if (this.holds(colLine(t.id, c, rel.whole, rows), t, { r: rel.whole, c }, () => rows.map((x) => ({ r: x, c })))) return true;
    }
    let byRow = this.rowsOf.get(t);
    if (!byRow) this.rowsOf.set(t, (byRow = new Map(t.rows.map((x) => [x.row, x]))));
    const row = byRow.get(r);
    for (const p of [row, row?.parent]) {
      if (!p || !p.children.length) continue;
      let rows = this.childRows.get(p);
      if (!rows) this.childRows.set(p, (rows = p.children.map((ch) => ch.row)));
      if (this.holds(colLine(t.id, c, p.row, rows), t, { r: p.row, c }, () => rows.map((x) => ({ r: x, c })))) return true;
    }
    return false;
  }
}

const MAX_NAMED_TERMS = 20_000;

export function nameCulprits(raised: Raised[], tables: Table[], tol: ToleranceOptions): void {
  const withEq: Array<{ x: Raised; eq: Equation }> = [];
  for (const x of raised) {
    const big = x.problem.cross && (x.problem.cross.axis === 'col' ? x.problem.cross.rows.length : x.problem.cross.parts.length) > MAX_NAMED_TERMS;
    const eq = x.problem.equation ?? (x.problem.cross && !big ? crossEquation(x.problem.cross, tables) : undefined);
    if (big) delete x.problem.fix;
    if (eq) withEq.push({ x, eq });
  }
  const through = new Map<string, Equation[]>();
  for (const { eq } of withEq) {
    for (const cell of new Set(eq.terms.map((t) => t.cell))) {
      const list = through.get(cell);
      if (list) list.push(eq);
      else through.set(cell, [eq]);
    }
  }
  const vouching = new Vouching(tol);
  for (const { x } of withEq) if (x.problem.cross) vouching.failed(x.problem.cross);
  for (const { x, eq } of withEq) {
    // a failing sum proves that one of its cells is wrong, not which: a rule's fix (on the cell it states
    // first, usually the total) is kept only when that cell is named the culprit, so that a cell that may well be
    // right is never given a value to type in
    const ruleFix = x.problem.fix;
    const ruleCell = x.problem.cells[0];
    // a check of one cell alone (a score above its 分值) has no other candidate: its fix stands
    if (new Set(eq.terms.map((t) => t.cell)).size < 2) continue;
    delete x.problem.fix;
    name(x, eq);
    if (x.problem.fix === undefined && ruleFix !== undefined && x.culprit !== undefined && x.culprit === ruleCell) x.problem.fix = ruleFix;
  }

  function name(x: Raised, eq: Equation): void {
    // a sum over tens of thousands of cells (a long list's 合计) names no culprit: the counting would cost more
    // than it could tell, and nothing vouches for a line of a plain list
    if (eq.terms.length > MAX_NAMED_TERMS) return;
    let best = 1;
    let cands: string[] = [];
    for (const cell of new Set(eq.terms.map((t) => t.cell))) {
      const n = through.get(cell)!.length;
      if (n > best) {
        best = n;
        cands = [cell];
      } else if (n === best && best > 1) cands.push(cell);
    }
    if (cands.length !== 1) {
      // no cell sits in more failing checks than the others: the cells that another check vouches for go last,
      // and if one cell alone is left, it is named
      if (best === 1) isolate(x, eq, tables, vouching);
      return;
    }
    const cell = cands[0]!;
    const eqs = through.get(cell)!;
    x.culprit = cell;
    x.culpritVia = eqs.length === 2 && eqs.some((e) => e.kind === 'col') && eqs.some((e) => e.kind === 'row') ? 'cross' : eqs.length;
    x.problem.cells = [cell, ...x.problem.cells.filter((c) => c !== cell)];
    proposeFix(x, cell, eqs);
  }
}

/** The value that mends every linear equation through the culprit, when they agree, becomes the finding's fix. */
function proposeFix(x: Raised, cell: string, eqs: Equation[]): void {
  let fix: Dec | undefined;
  let term: Equation['terms'][number] | undefined;
  for (const e of eqs) {
    const t = e.terms.find((y) => y.cell === cell);
    if (!t || !t.coef || !e.residual || t.coef.isZero()) continue;
    const f = t.value.minus(e.residual.div(t.coef));
    if (fix && !fix.eq(f)) return;
    fix = f;
    term = t;
  }
  if (!fix || !term) return;
  const text = fmtFixed(fix, Math.max(term.decimals, 2));
  x.problem.fix = text;
  x.problem.expected = text;
  x.problem.actual = term.shown ?? fmtFixed(term.value, term.decimals);
}

/** Within one failing check, the cells that other checks vouch for are the least likely culprits. */
function isolate(x: Raised, eq: Equation, tables: Table[], vouching: Vouching): void {
  const cells = [...new Set(eq.terms.map((t) => t.cell))];
  if (cells.length < 2) return;
  const vouched = new Set<string>();
  let unvouched = 0;
  for (const cell of cells) {
    const a = splitRef(cell);
    const at = a ? parseCell(a.address) : null;
    const t = a && at ? tables.find((tb) => tb.sheet === a.sheet && at.row >= tb.rect.top && at.row <= tb.rect.bottom && at.col >= tb.rect.left && at.col <= tb.rect.right) : undefined;
    if (t && vouching.vouchedFor(t, at!.row, at!.col)) vouched.add(cell);
    // three cells nothing vouches for: nothing will be said, the rest need not be looked at
    else if (++unvouched > 2) return;
  }
  // reorder only when it says something: one or two cells left that nothing vouches for
  if (!vouched.size || cells.length - vouched.size > 2) return;
  let rest = cells.filter((c) => !vouched.has(c));
  // of two unvouched cells, one left blank where its neighbours hold figures is the one missing
  const blank = rest.filter((c) => eq.terms.some((t) => t.cell === c && (t.shown === '0' || !!t.shown?.startsWith('“'))));
  if (rest.length === 2 && blank.length === 1) rest = [blank[0]!, ...rest.filter((c) => c !== blank[0])];
  if (rest[0] === x.problem.cells[0] && rest.length > 1) return;
  x.problem.cells = [...rest, ...x.problem.cells.filter((c) => !rest.includes(c))];
  if (rest.length === 1 || blank.length === 1 && rest[0] === blank[0]) {
    x.culprit = rest[0]!;
    x.culpritVia = 'isolated';
    proposeFix(x, rest[0]!, [eq]);
  }
}
