/**
 * Naming the most likely culprit. Every failing check states the equation it tested (a sum, a difference, a
 * ratio) and the cells in it. One wrong figure breaks every equation it sits in — a column total and a row
 * identity, the two breakdowns of one 年度资金总额, a table's total and the same figure in another table — so
 * the cell that sits in more failing equations than any other cell of a finding is named first in it. When two
 * cells tie, none is named: the engine does not guess. When every linear equation through the culprit agrees
 * on the value that mends it, that value is the fix.
 */
import { Dec, fmtFixed } from './decimal';
import { Cross, Equation, Problem } from './rules/types';
import { Table } from './recognize/model';
import { numAt, ref } from './rules/util';

export interface Raised {
  problem: Problem;
  culprit?: string;
  /** how the culprit was found: 'cross' (a column total and a row identity) or the number of failing checks */
  culpritVia?: 'cross' | number;
}

/** The equation of a column total or row identity, from its `cross`. */
function crossEquation(cross: Cross, tables: Table[]): Equation | undefined {
  const t = tables.find((x) => x.id === cross.table);
  if (!t) return undefined;
  const cell = (r: number, c: number, coef: number): Equation['terms'][number] => {
    const n = numAt(t.grid, r, c);
    return { cell: ref(t.grid, r, c), coef: new Dec(coef), value: n?.value ?? new Dec(0), decimals: n?.decimals ?? 2, shown: n ? undefined : '0' };
  };
  if (cross.axis === 'col') {
    return { kind: 'col', terms: [cell(cross.totalRow, cross.col, 1), ...cross.rows.map((r) => cell(r, cross.col, -1))], residual: cross.diff };
  }
  return { kind: 'row', terms: [cell(cross.row, cross.whole, 1), ...cross.parts.map((c) => cell(cross.row, c, -1))], residual: cross.diff };
}

export function nameCulprits(raised: Raised[], tables: Table[]): void {
  const withEq: Array<{ x: Raised; eq: Equation }> = [];
  for (const x of raised) {
    const eq = x.problem.equation ?? (x.problem.cross ? crossEquation(x.problem.cross, tables) : undefined);
    if (eq) withEq.push({ x, eq });
  }
  const through = new Map<string, Equation[]>();
  for (const { eq } of withEq) {
    for (const cell of new Set(eq.terms.map((t) => t.cell))) through.set(cell, [...(through.get(cell) ?? []), eq]);
  }
  for (const { x, eq } of withEq) {
    let best = 1;
    let cands: string[] = [];
    for (const cell of new Set(eq.terms.map((t) => t.cell))) {
      const n = through.get(cell)!.length;
      if (n > best) {
        best = n;
        cands = [cell];
      } else if (n === best && best > 1) cands.push(cell);
    }
    if (cands.length !== 1) continue;
    const cell = cands[0]!;
    const eqs = through.get(cell)!;
    x.culprit = cell;
    x.culpritVia = eqs.length === 2 && eqs.some((e) => e.kind === 'col') && eqs.some((e) => e.kind === 'row') ? 'cross' : eqs.length;
    x.problem.cells = [cell, ...x.problem.cells.filter((c) => c !== cell)];
    // the value that mends every linear equation through the culprit, when they agree
    let fix: Dec | undefined;
    let term: Equation['terms'][number] | undefined;
    let agree = true;
    for (const e of eqs) {
      const t = e.terms.find((y) => y.cell === cell);
      if (!t || !t.coef || !e.residual || t.coef.isZero()) continue;
      const f = t.value.minus(e.residual.div(t.coef));
      term = t;
      if (fix && !fix.eq(f)) agree = false;
      fix = fix ?? f;
    }
    if (fix && term && agree) {
      const text = fmtFixed(fix, Math.max(term.decimals, 2));
      x.problem.fix = text;
      x.problem.expected = text;
      x.problem.actual = term.shown ?? fmtFixed(term.value, term.decimals);
    }
  }
}
