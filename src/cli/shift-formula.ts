/**
 * A shared formula written out for one of its cells: the master's text with its relative references moved by
 * the cell's offset from the master ("=SUM(B5:B9)" at B10, shared to C10 → "=SUM(C5:C9)"), as Excel does.
 * Absolute parts ($B$5) stay; text in quotes and sheet names stay; function names are not references.
 */
import { colIndex, colLetters } from '../core/a1';

// a quoted string | a quoted sheet name | a cell (or column) reference | a whole-row range "5:9"
const TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])|(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\w(])|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(])/g;

export function shiftFormula(text: string, dr: number, dc: number): string {
  if (!dr && !dc) return text;
  return text.replace(TOKEN, (m: string, ca?: string, cl?: string, ra?: string, rn?: string, r1a?: string, r1?: string, r2a?: string, r2?: string,
    c1a?: string, c1?: string, c2a?: string, c2?: string, offset?: number, whole?: string) => {
    if (m.startsWith('"') || m.startsWith("'")) return m;
    // a name such as "Sheet1" before "!" or a function name is no reference; so is a token glued to a word
    const before = whole![offset! - 1] ?? '';
    if (/[\w.$]/.test(before) && !(before === '$')) return m;
    const col = (letters: string, abs: string): string => (abs ? `$${letters}` : colLetters(Math.max(0, colIndex(letters) + dc)));
    const row = (n: string, abs: string): string => (abs ? `$${n}` : String(Math.max(1, Number(n) + dr)));
    if (cl !== undefined) return `${ca ? '$' + cl : col(cl, '')}${row(rn!, ra!)}`;
    if (r1 !== undefined) return `${row(r1, r1a!)}:${row(r2!, r2a!)}`;
    if (c1 !== undefined) return `${col(c1, c1a!)}:${col(c2!, c2a!)}`;
    return m;
  });
}
