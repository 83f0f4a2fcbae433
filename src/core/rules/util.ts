/** Small helpers the rules share: numbers at cells, references, and the working shown in messages. */
import { sheetCell, sheetRef } from '../a1';
import { SumCheck } from '../arith';
import { Dec, fmtFixed } from '../decimal';
import { Grid } from '../grid';
import { Num, shown } from '../numbers';
import { Column, Table } from '../recognize/model';

export function numAt(grid: Grid, r: number, c: number): Num | null {
  const i = grid.info(r, c);
  return i.k === 'num' ? i.n : null;
}

export function ref(grid: Grid, r: number, c: number): string {
  return sheetCell(grid.name, r, c);
}

/** Sorted indexes grouped into contiguous runs: [3, 4, 5, 9] → [[3, 5], [9, 9]]. */
function runs(indexes: number[]): Array<[number, number]> {
  const sorted = [...indexes].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else if (!last || i !== last[1]) out.push([i, i]);
  }
  return out;
}

/** A1 ranges over cells of one column (scattered rows become several ranges). */
export function colRefs(grid: Grid, rows: number[], c: number): string[] {
  return runs(rows).map(([top, bottom]) => sheetRef(grid.name, { top, left: c, bottom, right: c }));
}

export function show(n: Num | null | undefined): string {
  return n ? shown(n) : '0';
}

export function fmt(d: Dec, decimals: number): string {
  return fmtFixed(d, decimals);
}

/** "788.64 + 350.48 + 255.89 + … + 489.25": the working, shortened when long. Empty terms are left out. */
export function termsText(terms: (Num | null)[], signs?: number[]): string {
  const parts: string[] = [];
  terms.forEach((t, i) => {
    if (!t || t.value.isZero()) return;
    const neg = signs?.[i] === -1;
    const s = show(t);
    parts.push(parts.length === 0 ? (neg ? `−${s}` : s) : `${neg ? '−' : '+'} ${s}`);
  });
  if (!parts.length) return '0';
  const list = parts.length > 6 ? [...parts.slice(0, 3), '+ …', parts[parts.length - 1]!] : parts;
  return list.join(' ');
}

/** The common data of a sum comparison for messages. */
export interface SumData {
  stated: string;
  terms: string;
  sum: string;
  diff: string;
  bound: string;
  n: string;
}

export function sumData(check: SumCheck, terms: (Num | null)[], signs?: number[]): SumData {
  const d = check.decimals;
  return {
    stated: fmt(check.stated, d),
    terms: termsText(terms, signs),
    sum: fmt(check.sum, d),
    diff: fmt(check.diff.abs(), d),
    bound: check.bound.toFixed(),
    n: String(terms.filter((t) => t && !t.value.isZero()).length),
  };
}

export function columnByCol(t: Table, c: number): Column | undefined {
  return t.columns.find((x) => x.col === c);
}

export function colName(t: Table, c: number): string {
  return columnByCol(t, c)?.name || `${t.sheet} ${c + 1}`;
}

export function tableName(t: Table): string {
  return t.title ?? t.columns.find((c) => c.role === 'number')?.name ?? t.sheet;
}
