/**
 * Figures decide, labels propose. Every sum the labels proposed — a column that adds up others, a row that
 * closes the rows above it, a breakdown down the rows — is tried against the table's figures before any rule
 * checks it. Where it holds on most lines and fails on some, those are errors for the rules to report; where it
 * holds almost nowhere (fails on three lines or more, holds on at most a fifth), the labels were misread: the
 * relation is dropped and a note says so (rule structure/unconfirmed, at `info`), never a flood of errors.
 */
import { sheetRef } from '../a1';
import { checkSum, sumStatus, ToleranceOptions } from '../arith';
import { isZeroNum } from '../numbers';
import { Note, Relation, Row, Table } from './model';
import { tallySum } from './rows';


/** "Holds almost nowhere": fails on three lines or more and holds on at most a fifth of them. (A total typed
 *  wrong in two columns is two errors, not a misreading; a label row read as a 小计 fails everywhere.) */
const misread = (held: number, failed: number): boolean => failed >= 3 && held * 4 <= failed;
/** Stop counting once the lines left cannot make it a misreading any more, or once it has held on twenty lines
 *  and failed on fewer than four times as many (that is not "almost nowhere", whatever the remaining lines say). */
const settled = (t: { held: number; failed: number }, left: number): boolean =>
  t.held * 4 > t.failed + left || (t.held >= 20 && t.held * 4 > t.failed);

function sumCols(t: Table): number[] {
  return t.columns.filter((c) => c.role === 'number' && c.measure !== 'rate' && !c.percentPoints).map((c) => c.col);
}

function colName(t: Table, c: number): string {
  return t.columns.find((x) => x.col === c)?.name || String(c);
}

function rowName(t: Table, r: number): string {
  return t.rows.find((x) => x.row === r)?.label ?? String(r + 1);
}

export function confirmTable(t: Table, tol: ToleranceOptions, notes: Note[]): void {
  const cols = sumCols(t);
  const note = (text: string, rect: { top: number; left: number; bottom: number; right: number }, held: number, failed: number): void => {
    notes.push({ kind: 'unconfirmed', sheet: t.sheet, tableId: t.id, text, cells: [sheetRef(t.sheet, rect)], held, failed });
  };
  // columns that add up others, checked in each row
  t.relations = t.relations.filter((rel: Relation) => {
    let held = 0;
    let failed = 0;
    const parts = rel.parts.flat();
    for (let k = 0; k < t.rows.length; k++) {
      const r = t.rows[k]!;
      if (settled({ held, failed }, t.rows.length - k)) break;
      if (r.role === 'label' || r.rate) continue;
      const stated = t.grid.num(r.row, rel.whole);
      const terms = parts.map((c) => t.grid.num(r.row, c));
      if ((!stated || isZeroNum(stated)) && terms.every((x) => !x || isZeroNum(x))) continue;
      const s = sumStatus(stated, terms, tol);
      if (rel.complete ? s === 'mismatch' : s === 'mismatch' && stated !== null && checkSum(stated, terms, tol).diff.isNegative()) failed++;
      else held++;
    }
    if (!misread(held, failed)) return true;
    note(`${colName(t, rel.whole)} = ${parts.map((c) => colName(t, c)).join(' + ')}`, { top: t.rect.top, left: rel.whole, bottom: t.rect.bottom, right: rel.whole }, held, failed);
    return false;
  });
  // breakdowns down the rows, checked in each column
  t.rowRelations = t.rowRelations.filter((rel) => {
    if (!rel.complete) return true;
    const x = tallySum(t.grid, rel.whole, rel.parts.flat(), cols, tol, settled);
    if (!misread(x.held, x.failed)) return true;
    note(`${rowName(t, rel.whole)} = ${rel.parts.flat().map((r) => rowName(t, r)).join(' + ')}`, { top: rel.whole, left: t.rect.left, bottom: rel.whole, right: t.rect.right }, x.held, x.failed);
    for (const r of t.rows) if (rel.parts.flat().includes(r.row) && r.role === 'part') r.role = 'detail';
    return false;
  });
  // totals and 小计 rows over the rows they gather, checked in each column
  const visit = (p: Row): void => {
    if (p.children.length) {
      const x = tallySum(t.grid, p.row, p.children.map((ch) => ch.row), cols, tol, settled);
      if (misread(x.held, x.failed)) {
        p.unconfirmed = true;
        note(`${p.label} = ${p.children.length} 行之和`, { top: p.row, left: t.rect.left, bottom: p.row, right: t.rect.right }, x.held, x.failed);
      }
    }
    for (const ch of p.children) visit(ch);
  };
  if (t.total) visit(t.total);
  else for (const r of t.rows) if (!r.parent) visit(r);
}
