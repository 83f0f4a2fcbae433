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
  /** Merged areas as absolute A1 ranges ("A3:A5"). */
  merges?: string[];
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}
