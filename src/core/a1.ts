/** A1 references. Rows and columns are 0-based everywhere inside the engine; A1 text is 1-based. */

export function colLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right)}`;
}

/**
 * Quote a sheet name the way Excel does in references: names made only of letters (CJK included), digits,
 * underscores and dots, not starting with a digit and not looking like a cell reference, stay bare.
 */
export function quoteSheet(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(rect)}`;
}

export function sheetCell(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellA1(row, col)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** "B5" or "$B$5" → {row, col}; null when it is not a cell reference. */
export function parseCell(a1: string): { row: number; col: number } | null {
  // the common case, "AB123" as Excel writes it (every cell of a sheet the .xlsx reader reads has one), by its
  // character codes; anything else ($, spaces, lower case, a leading 0, damage) through the pattern
  let i = 0;
  let col = 0;
  for (; i < a1.length && i < 3; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  const letters = i;
  let row = 0;
  for (; i < a1.length && i < letters + 7; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + ch - 48;
  }
  if (letters > 0 && i > letters && i === a1.length && a1.charCodeAt(letters) !== 48) return { row: row - 1, col: col - 1 };
  const m = CELL_RE.exec(a1.trim());
  if (!m) return null;
  return { row: parseInt(m[2]!, 10) - 1, col: colIndex(m[1]!) };
}

/** "A1:C3", "B5" (optionally with $) → Rect; null when unreadable. */
export function parseRange(a1: string): Rect | null {
  const text = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const [p, q] = text.split(':');
  const a = parseCell(p ?? '');
  const b = q === undefined ? a : parseCell(q);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Splitting a sheet-qualified reference ("'附表 1'!B5:B9") into sheet and address. */
export interface SheetAddress {
  sheet: string;
  address: string;
}

export function splitRef(ref: string): SheetAddress | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(ref.trim());
  if (!m) return null;
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), address: m[3]!.replace(/\$/g, '') };
}

/** The top-left cell of an address: "B5:B9" → "B5". */
export function firstCell(address: string): string {
  return address.split(':')[0]!;
}
