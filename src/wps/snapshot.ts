/**
 * Reading the open workbook in WPS 表格 into the engine's snapshot — the same snapshot the Excel add-in and the
 * CLI build — through the ET object model. Whole ranges are read as arrays: a sheet's used range gives its
 * values (Value2) and formulas (Formula) in one call each; number formats come in one call when the range
 * shares one, else one a column, and a column that mixes them is halved until each part has one; merged areas are
 * found by halving bands of rows and columns while MergeCells says some cells are merged. ET's calls are
 * synchronous.
 *
 * Where ET differs from Office.js: a one-cell range's Value2 is a scalar, not a 2-D array; NumberFormat and
 * MergeCells of a mixed range are null; an error value comes back as its COM code (CVErr: -2146826281 is #DIV/0!).
 */
// et-jsapi-declare's typings are ambient (namespace Et); its index.d.ts also declares a global confirm() that
// clashes with the DOM's, so only its object model is referenced here
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../node_modules/et-jsapi-declare/lib.et.d.ts" />
import { cellA1 } from '../core/a1';
import { canonicalSheet, canonicalWorkbook, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

/** The part of ET's Application the pane uses (typed from et-jsapi-declare; the fake implements the same). */
export type EtApp = Et.Application;

const COM_ERRORS: Record<number, string> = {
  [-2146826288]: '#NULL!', [-2146826281]: '#DIV/0!', [-2146826273]: '#VALUE!', [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?', [-2146826252]: '#NUM!', [-2146826246]: '#N/A', [-2146826245]: '#GETTING_DATA',
};

/** A range's Value2 / Formula as rows: ET gives a scalar for one cell. */
export function rowsOf<T>(v: unknown): T[][] {
  if (Array.isArray(v)) return (v as unknown[]).map((row) => (Array.isArray(row) ? (row as T[]) : [row as T]));
  return [[v as T]];
}

function cellValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  // (every cell of the used range comes through here: the error codes are looked up only in their range, and the
  // pattern tried only on text starting with #; a float as a property key would be turned into a string first)
  if (typeof v === 'number') return v <= -2146826245 && v >= -2146826288 && COM_ERRORS[v] ? { error: COM_ERRORS[v]! } : v;
  if (typeof v === 'string') return v.charCodeAt(0) === 35 && /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/.test(v) ? { error: v } : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return null;
  return String(v);
}

interface EtRangeLike {
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number; Item(j: number): EtRangeLike };
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  MergeCells: unknown;
  MergeArea: EtRangeLike;
}

function sheetOf(ws: Et.Worksheet): SheetSnapshot {
  const ur = ws.UsedRange as unknown as EtRangeLike;
  const top = ur.Row - 1;
  const left = ur.Column - 1;
  const h = ur.Rows.Count;
  const w = ur.Columns.Count;
  // a band of the used range, by offsets within it
  const sheetRange = ws as unknown as { Range(a: string): EtRangeLike };
  const band = (r1: number, c1: number, r2: number, c2: number): EtRangeLike => sheetRange.Range(`${cellA1(top + r1, left + c1)}:${cellA1(top + r2, left + c2)}`);
  const raw = rowsOf<unknown>(ur.Value2);
  const values: CellValue[][] = raw.map((row) => row.map(cellValue));
  const formulas: (string | null)[][] = rowsOf<unknown>(ur.Formula).map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null)));
  // number formats: the range's own when it has one, else column by column, else cell by cell in that column
  const formats: (string | null)[][] = values.map((row) => row.map(() => null));
  const shared = ur.NumberFormat;
  const put = (i: number, j: number, f: unknown): void => {
    formats[i]![j] = typeof f === 'string' && f !== 'General' && f !== 'G/通用格式' ? f : null;
  };
  if (typeof shared === 'string') {
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) put(i, j, shared);
  } else {
    // a column that mixes formats is halved until each part has one: a few reads for an odd cell, not one a cell
    const span = (j: number, from: number, to: number, f: unknown): void => {
      if (typeof f === 'string') {
        for (let i = from; i <= to; i++) put(i, j, f);
        return;
      }
      if (from === to) return;
      const mid = (from + to) >> 1;
      const part = (a: number, b: number): unknown => band(a, j, b, j).NumberFormat;
      span(j, from, mid, part(from, mid));
      span(j, mid + 1, to, part(mid + 1, to));
    };
    for (let j = 0; j < w; j++) span(j, 0, h - 1, ur.Columns.Item(j + 1).NumberFormat);
  }
  // merged areas: bands of rows, then of columns within a row, halved while MergeCells says "some" (null), skipped
  // when it says none — a few reads for a sheet with a handful of merged headers, not one a row or a cell
  const merges: string[] = [];
  const seen = new Set<string>();
  const inRow = (i: number, from: number, to: number, mc: unknown): void => {
    if (mc === false) return;
    const first = band(i, from, i, from);
    if (mc === true || from === to) {
      // the whole band is merged: it starts with an area; what is right of that area is looked at again
      if (first.MergeCells !== true) return;
      const m = first.MergeArea;
      const a = `${cellA1(m.Row - 1, m.Column - 1)}:${cellA1(m.Row - 1 + m.Rows.Count - 1, m.Column - 1 + m.Columns.Count - 1)}`;
      if (!seen.has(a)) {
        seen.add(a);
        merges.push(a);
      }
      const next = m.Column - 1 + m.Columns.Count - left;
      if (next <= to) inRow(i, next, to, band(i, next, i, to).MergeCells);
      return;
    }
    const mid = (from + to) >> 1;
    inRow(i, from, mid, band(i, from, i, mid).MergeCells);
    inRow(i, mid + 1, to, band(i, mid + 1, i, to).MergeCells);
  };
  const rows = (from: number, to: number, mc: unknown): void => {
    if (mc === false) return;
    if (from === to) {
      inRow(from, 0, w - 1, mc);
      return;
    }
    const mid = (from + to) >> 1;
    rows(from, mid, band(from, 0, mid, w - 1).MergeCells);
    rows(mid + 1, to, band(mid + 1, 0, to, w - 1).MergeCells);
  };
  rows(0, h - 1, ur.MergeCells);
  // a covered cell of a merged area holds nothing, as Office.js reports it
  return { name: ws.Name, top, left, values, formulas, numberFormats: formats, merges, hidden: (ws.Visible as unknown as number) !== -1 };
}

/** The names of the workbook's sheets, in order (one property a sheet: what live checking compares first). */
export function sheetNamesEt(wb: Et.Workbook): string[] {
  const list = wb.Worksheets;
  const out: string[] = [];
  for (let i = 1; i <= list.Count; i++) out.push(String((list.Item(i) as unknown as { Name: string }).Name));
  return out;
}

/** Some sheets again, by name, as readSnapshotEt reads them. */
export function readSheetsEt(wb: Et.Workbook, names: string[]): SheetSnapshot[] {
  return names.map((n) => canonicalSheet(sheetOf(wb.Worksheets.Item(n) as unknown as Et.Worksheet)));
}

/** The whole workbook, as the engine reads it: the one given (the host's own), else the active one. */
export function readSnapshotEt(app: EtApp, wb: Et.Workbook = app.ActiveWorkbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  const list = wb.Worksheets;
  for (let i = 1; i <= list.Count; i++) sheets.push(sheetOf(list.Item(i) as unknown as Et.Worksheet));
  return canonicalWorkbook({ sheets });
}
