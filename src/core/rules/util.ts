/** Small helpers the rules share: numbers at cells, references, and the working shown in messages. */
import { sheetCell, sheetRef } from '../a1';
import { SumCheck } from '../arith';
import { Dec, fmtFixed } from '../decimal';
import { Grid } from '../grid';
import { Num, shown } from '../numbers';
import { Column, Note, Relation, Row, Table } from '../recognize/model';
import { RuleContext } from './types';

export function numAt(grid: Grid, r: number, c: number): Num | null {
  return grid.num(r, c);
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

/**
 * "788.64 + 350.48 + 255.89 + … + 489.25", or with names "人员支出 310.62 + 公用支出 10.62": the working,
 * shortened when long. An empty or zero term is left out together with its name, so names and figures always
 * line up; each figure is written with at least `decimals` decimals (the equation's), never fewer than it shows.
 */
export function termsText(terms: (Num | null)[], signs?: number[], opts: { names?: readonly string[]; decimals?: number } = {}): string {
  const parts: string[] = [];
  terms.forEach((t, i) => {
    if (!t || t.value.isZero()) return;
    const neg = signs?.[i] === -1;
    const figure = opts.decimals !== undefined && !t.percent ? fmt(t.value, Math.max(opts.decimals, t.decimals)) : show(t);
    const name = opts.names?.[i];
    const s = name ? `${name} ${figure}` : figure;
    parts.push(parts.length === 0 ? (neg ? `−${s}` : s) : `${neg ? '−' : '+'} ${s}`);
  });
  if (!parts.length) return '0';
  const list = parts.length > 6 ? [...parts.slice(0, 3), '+ …', parts[parts.length - 1]!] : parts;
  return list.join(' ');
}

/** The common data of a sum comparison for messages. `working` is the sum as a person checks it: "a + b = c", or
 *  the one figure alone when only one term holds one (never "15.34 = 15.34"). */
export interface SumData {
  stated: string;
  terms: string;
  sum: string;
  diff: string;
  bound: string;
  n: string;
  working: string;
}

export function sumData(check: SumCheck, terms: (Num | null)[], signs?: number[], names?: readonly string[]): SumData {
  const d = check.decimals;
  const n = terms.filter((t) => t && !t.value.isZero()).length;
  const text = termsText(terms, signs, { names, decimals: d });
  const sum = fmt(check.sum, d);
  return {
    stated: fmt(check.stated, d),
    terms: text,
    sum,
    diff: fmt(check.diff.abs(), d),
    bound: check.bound.toFixed(),
    n: String(n),
    working: n >= 2 || (n === 1 && signs?.[terms.findIndex((t) => t && !t.value.isZero())] === -1) ? `${text} = ${sum}` : n === 1 ? text : sum,
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

/** One line a relation is checked on: the whole's cell and its parts' cells, and what names the line. */
export interface RelationLine {
  /** the row label (a column relation) or the column name (a row relation) */
  name: string;
  whole: { r: number; c: number };
  parts: Array<{ r: number; c: number }>;
  axis: 'row' | 'col';
}

/**
 * The lines a relation is checked on. A column relation (whole column = Σ part columns) holds in each row; a row
 * relation (whole row = Σ part rows) in each summable column where some part has a figure (a column such as 分值
 * or 得分 that only the whole's line fills is not broken down).
 */
export function relationLines(t: Table, rel: Relation, byRows: boolean, wanted?: (row: number) => boolean): RelationLine[] {
  const g = t.grid;
  const partIdx = rel.parts.flat();
  if (!byRows) {
    // `wanted`: the caller settles some lines itself (a sum that holds), and only the others are built
    const out: RelationLine[] = [];
    for (const r of t.rows) {
      if (r.role === 'label' || r.rate || (wanted && !wanted(r.row))) continue;
      out.push({ name: r.label, axis: 'row', whole: { r: r.row, c: rel.whole }, parts: partIdx.map((c) => ({ r: r.row, c })) });
    }
    return out;
  }
  const out: RelationLine[] = [];
  for (const c of summableColumns(t)) {
    if (!partIdx.some((r) => g.info(r, c).k === 'num')) continue;
    out.push({ name: colName(t, c), axis: 'col', whole: { r: rel.whole, c }, parts: partIdx.map((r) => ({ r, c })) });
  }
  return out;
}

/** Numeric columns that add up down the table (rates and percentages do not). */
export function summableColumns(t: Table): number[] {
  return t.columns.filter((c) => c.role === 'number' && c.measure !== 'rate' && !c.percentPoints).map((c) => c.col);
}

/** A table's lines by sheet row and by key, built once a check (the first rule to ask builds it): lookups that are
 *  maps, not scans of the lines. Built again should the table's lines change. */
interface TableIndex {
  rows: readonly Row[];
  count: number;
  byRow: Map<number, Row>;
  byKey: Map<string, Row[]>;
}

const INDEXES = new WeakMap<Table, TableIndex>();

function tableIndex(t: Table): TableIndex {
  let x = INDEXES.get(t);
  if (!x || x.rows !== t.rows || x.count !== t.rows.length) {
    x = { rows: t.rows, count: t.rows.length, byRow: new Map(), byKey: new Map() };
    for (const r of t.rows) {
      if (!x.byRow.has(r.row)) x.byRow.set(r.row, r);
      const list = x.byKey.get(r.key);
      if (list) list.push(r);
      else x.byKey.set(r.key, [r]);
    }
    INDEXES.set(t, x);
  }
  return x;
}

/** The table's line at sheet row r (the first, as `t.rows.find` would give it). */
export function rowAt(t: Table, r: number): Row | undefined {
  return tableIndex(t).byRow.get(r);
}

/** The table's lines with this key, in order. */
export function rowsByKey(t: Table, key: string): readonly Row[] {
  return tableIndex(t).byKey.get(key) ?? [];
}

/** The name of a row (by its row number) for messages. */
export function rowName(t: Table, r: number): string {
  return rowAt(t, r)?.label ?? String(r + 1);
}

/**
 * Cell notes of one kind reported once a column: the column's name, how many cells, the first one's text as the
 * example, and the cells as ranges.
 */
export function reportNotesByColumn(ctx: RuleContext, kind: Note['kind'], messageId: string): void {
  const groups = new Map<string, { table: number; col: number; rows: number[]; example: string }>();
  for (const n of ctx.model.notes) {
    if (n.kind !== kind || n.tableId === undefined || n.row === undefined || n.col === undefined) continue;
    const key = `${n.tableId}:${n.col}`;
    const g = groups.get(key) ?? { table: n.tableId, col: n.col, rows: [], example: n.text.slice(0, 40) };
    g.rows.push(n.row);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const t = ctx.model.tables.find((x) => x.id === g.table)!;
    ctx.report({
      messageId,
      data: { column: colName(t, g.col), count: g.rows.length, example: g.example },
      cells: colRefs(t.grid, g.rows, g.col),
      table: g.table,
    });
  }
}
