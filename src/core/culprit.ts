/**
 * When a column total and a row identity both fail, the cell where they cross is the most likely culprit:
 * one wrong figure there breaks both. It is named first in both findings, and when the value that mends one
 * equation also mends the other, that value is the fix.
 */
import { Dec, fmtFixed } from './decimal';
import { shown } from './numbers';
import { Table } from './recognize/model';
import { numAt, ref } from './rules/util';
import { Cross, Problem } from './rules/types';

export interface Raised {
  problem: Problem;
  culprit?: string;
}

function fixFor(cross: Cross, r: number, c: number, value: Dec): Dec {
  if (cross.axis === 'col') return r === cross.totalRow ? value.minus(cross.diff) : value.plus(cross.diff);
  return c === cross.whole ? value.minus(cross.diff) : value.plus(cross.diff);
}

export function nameCulprits(raised: Raised[], tables: Table[]): void {
  const cols = raised.filter((x) => x.problem.cross?.axis === 'col');
  const rows = raised.filter((x) => x.problem.cross?.axis === 'row');
  for (const a of cols) {
    const ca = a.problem.cross as Extract<Cross, { axis: 'col' }>;
    for (const b of rows) {
      const cb = b.problem.cross as Extract<Cross, { axis: 'row' }>;
      if (ca.table !== cb.table) continue;
      const inCol = cb.row === ca.totalRow || ca.rows.includes(cb.row);
      const inRow = ca.col === cb.whole || cb.parts.includes(ca.col);
      if (!inCol || !inRow) continue;
      const t = tables.find((x) => x.id === ca.table);
      if (!t) continue;
      const cell = ref(t.grid, cb.row, ca.col);
      const n = numAt(t.grid, cb.row, ca.col);
      for (const x of [a, b]) {
        x.culprit = cell;
        x.problem.cells = [cell, ...x.problem.cells.filter((c) => c !== cell)];
      }
      if (n) {
        const f1 = fixFor(ca, cb.row, ca.col, n.value);
        const f2 = fixFor(cb, cb.row, ca.col, n.value);
        if (f1.eq(f2)) {
          // both equations agree on what the crossing cell should hold: that is the fix, for that cell
          const text = fmtFixed(f1, Math.max(n.decimals, 2));
          for (const x of [a, b]) {
            x.problem.fix = text;
            x.problem.expected = text;
            x.problem.actual = shown(n);
          }
        }
      }
    }
  }
}
