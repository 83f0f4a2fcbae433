/**
 * The workbook snapshot: what the engine reads. The CLI builds it with ExcelJS, the add-in with Office.js;
 * both must produce the same snapshot for the same workbook.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

/** A cell value as Excel gives it: number, text, boolean, error, or null for an empty cell. */
export type CellValue = number | string | boolean | CellError | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of values[0][0] (the top-left of the used range). */
  top: number;
  left: number;
  /** Rows of cell values; rows may be shorter than the widest one. */
  values: CellValue[][];
  /** Same shape as values: the formula text with its leading "=", or null. Absent when unknown. */
  formulas?: (string | null)[][];
  /** Same shape as values: the number format ("0.00", "0.00%", "General"), or null. Absent when unknown. */
  numberFormats?: (string | null)[][];
  /** Same shape as values: the cell's indent level (alignment), where the reader has it; absent or null for none. */
  indents?: (number | null)[][];
  /** The reader could not read the merged areas (Excel refuses more than 512 in a row): headers are read by
   *  their layout alone, and the check says so. */
  mergesUnread?: boolean;
  /** Merged areas as absolute A1 ranges ("A3:A5"). */
  merges?: string[];
  hidden?: boolean;
  /** The sheet is a Word report's (its 正文 or one of its tables, read by the CLI), not a workbook's. */
  report?: boolean;
  /** The reader could not read this sheet's cells: 'missing' (the package lists it but lacks its part) or
   *  'corrupt' (its XML is broken). It is reported, not checked. */
  unreadable?: 'missing' | 'corrupt';
  /** Cells (A1) holding a formula whose result the file did not save (written by a program other than Excel):
   *  the engine computes the ones it understands (./evaluate.ts); the rest are unknown, never 0. */
  uncomputed?: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/**
 * The canonical form both readers produce (ExcelJS in the CLI, Office.js in the add-in), so that the same
 * workbook gives the same snapshot: origin at the first row and column holding a value, a formula or a merged
 * area's top-left cell; each row as long as its last non-empty cell; number formats only where a cell holds something, null
 * for General; merges sorted.
 */
/** When a row is stored sparse (its array has holes, read as empty cells): wider than minWidth and holding fewer
 *  than one cell in `density`. A sheet with one value in column XFD on every row is then a few cells a row, not
 *  16,384 (issue 17, item 11); a table's rows stay dense. */
export const SPARSE_ROW = { minWidth: 256, density: 4 };

/** The indices a row holds an entry at, in order. A wide row is walked by its keys: forEach and index loops visit
 *  every index up to the length, 16,384 for a row with one value in XFD, where its keys are the few it holds. */
export function rowIndices(row: readonly unknown[] | undefined): number[] {
  if (!row) return [];
  const out: number[] = [];
  if (row.length > SPARSE_ROW.minWidth) {
    for (const k of Object.keys(row)) out.push(Number(k)); // integer keys come in ascending order
  } else {
    for (let j = 0; j < row.length; j++) if (row[j] !== undefined) out.push(j);
  }
  return out;
}

/** An array as long as `row`, null where it holds an entry (and sparse where it is). */
function nullsLike(row: readonly unknown[]): null[] {
  const out: null[] = [];
  for (const j of rowIndices(row)) out[j] = null;
  return out;
}

export function canonicalSheet(s: SheetSnapshot): SheetSnapshot {
  const has = (i: number, j: number): boolean => {
    const v = s.values[i]?.[j];
    return (v !== null && v !== undefined && v !== '') || !!s.formulas?.[i]?.[j];
  };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  const mark = (i: number, j: number): void => {
    if (!has(i, j)) return;
    top = Math.min(top, s.top + i);
    bottom = Math.max(bottom, s.top + i);
    left = Math.min(left, s.left + j);
  };
  s.values.forEach((row, i) => {
    const frow = s.formulas?.[i];
    if (row.length <= SPARSE_ROW.minWidth && (!frow || frow.length <= SPARSE_ROW.minWidth)) {
      // a row as readers give it: its first and last cell that holds something, by index (every cell of a
      // 50,000-cell sheet passes here)
      const n = Math.max(row.length, frow?.length ?? 0);
      let first = -1;
      let last = -1;
      for (let j = 0; j < n; j++) {
        if (!has(i, j)) continue;
        if (first < 0) first = j;
        last = j;
      }
      if (first >= 0) {
        mark(i, first);
        mark(i, last);
      }
      return;
    }
    for (const j of rowIndices(row)) mark(i, j);
    for (const j of rowIndices(frow)) mark(i, j);
  });
  const merges = [...(s.merges ?? [])].sort();
  // a merged area widens the range by its top-left cell (where its value is), not by its whole extent: one
  // area over A1:XFD1048576 must not become a million empty rows
  for (const m of merges) {
    const p = /^([A-Z]+)(\d+)(?::|$)/.exec(m);
    if (!p) continue;
    const col = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(p[2]) - 1;
    top = Math.min(top, row);
    left = Math.min(left, col(p[1]!));
    bottom = Math.max(bottom, row);
  }
  const out: SheetSnapshot = { name: s.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges, hidden: !!s.hidden };
  if (s.mergesUnread) out.mergesUnread = true;
  if (s.report) out.report = true;
  if (s.unreadable) out.unreadable = s.unreadable;
  if (s.uncomputed?.length) out.uncomputed = [...s.uncomputed];
  if (bottom < 0) return out;
  out.top = top;
  out.left = left;
  for (let r = top; r <= bottom; r++) {
    const i = r - s.top;
    const src = s.values[i] ?? [];
    const frow = s.formulas?.[i];
    let filled: number[];
    if (src.length <= SPARSE_ROW.minWidth && (!frow || frow.length <= SPARSE_ROW.minWidth)) {
      // (the same list, by index: a row no wider than SPARSE_ROW.minWidth holds its cells at indices below it)
      filled = [];
      const n = Math.max(src.length, frow?.length ?? 0);
      for (let j = 0; j < n; j++) if (has(i, j)) filled.push(j);
    } else {
      const held = rowIndices(src);
      const heldF = rowIndices(frow);
      filled = (heldF.length ? [...new Set([...held, ...heldF])].sort((a, b) => a - b) : held).filter((j) => has(i, j));
    }
    const width = filled.length ? s.left + filled[filled.length - 1]! - left + 1 : 0;
    const values: CellValue[] = [];
    const formulas: (string | null)[] = [];
    const formats: (string | null)[] = [];
    const indents: (number | null)[] = [];
    let indented = false;
    const put = (j: number): void => {
      const x = s.left + j - left;
      const v = src[j] ?? null;
      values[x] = v === '' ? null : v;
      formulas[x] = s.formulas?.[i]?.[j] ?? null;
      const f = s.numberFormats?.[i]?.[j] ?? null;
      formats[x] = f === 'General' ? null : f;
      const ind = s.indents?.[i]?.[j] ?? null;
      indents[x] = ind && ind > 0 ? ind : null;
      if (ind && ind > 0) indented = true;
    };
    if (width > SPARSE_ROW.minWidth && filled.length * SPARSE_ROW.density < width) {
      // a wide row holding few cells (one value in XFD) stays sparse: its holes read as empty cells
      // (written in order, without setting the length first: V8 keeps an array written at a far index as a
      // dictionary, where a preset length would be allocated whole)
      filled.forEach(put);
    } else {
      for (let c = left; c < left + width; c++) {
        const j = c - s.left;
        if (j >= 0 && has(i, j)) put(j);
        else values[c - left] = formulas[c - left] = formats[c - left] = indents[c - left] = null;
      }
    }
    if (indented) {
      out.indents ??= out.values.map((row) => nullsLike(row));
      out.indents.push(indents);
    } else out.indents?.push(indents);
    out.values.push(values);
    out.formulas!.push(formulas);
    out.numberFormats!.push(formats);
  }
  return out;
}

export function canonicalWorkbook(wb: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: wb.sheets.map(canonicalSheet) };
}
