/**
 * What the pane writes into a workbook, whatever the host: the primitive write operations (each host runs them and
 * captures their inverses — src/excel/writes.ts over Office.js, src/wps/writes.ts over ET), the marks planned for
 * findings, the 校验结果 rows, and the names of the settings kept in the workbook. No Office.js, no ET here.
 */
import { firstCell, splitRef } from '../core/a1';
import { FileReport, Finding, resultTable, SEVERITY_RANK } from '../core/report';
import { RULES } from '../core/rules';

export type WriteOp =
  /** fill a cell (color) or remove the fill (null). `sheetId`, where known, finds the sheet after a rename. */
  | { op: 'fill'; sheet: string; sheetId?: string; address: string; color: string | null; pattern?: string; tint?: number }
  /** put a note (or, before ExcelApi 1.18, a comment) on a cell, or remove it (null) — with `expect`, only if it
   *  still says what the add-in wrote (a note the person has edited since is theirs) */
  | { op: 'note'; sheet: string; sheetId?: string; address: string; text: string | null; expect?: string }
  /** set formulas/values of a range (rows of values as Excel takes them; '' empties a cell) */
  | { op: 'cells'; sheet: string; address: string; formulas: unknown[][] }
  /** create an empty sheet, or delete one */
  | { op: 'sheet'; name: string; exists: boolean }
  /** a document setting: kept in the workbook, so it travels with the file */
  | { op: 'setting'; key: string; value: unknown };

export interface WriteResult {
  /** the operations that undo this write, in the order to run them */
  inverse: WriteOp[];
  /** what was not done, and why: a sheet deleted since, a note the person deleted or edited */
  skipped?: SkippedWrite[];
}

export interface SkippedWrite {
  sheet: string;
  address: string;
  reason: 'sheet-gone' | 'note-gone' | 'note-edited' | 'protected';
}

export const MARK_FILL: Record<Finding['severity'], string> = { error: '#F8CBAD', warning: '#FFE699', info: '#DDEBF7' };
export const MARKS_KEY = 'selfeval.marks';

/** One mark per cell: the gravest severity, every message. */
export function plannedMarks(findings: Finding[]): Array<{ sheet: string; address: string; severity: Finding['severity']; text: string }> {
  const byCell = new Map<string, { sheet: string; address: string; severity: Finding['severity']; lines: string[] }>();
  for (const f of findings) {
    const ref = f.cells[0] ? splitRef(f.cells[0]) : null;
    if (!ref) continue;
    const address = firstCell(ref.address);
    const k = `${ref.sheet}!${address}`;
    const m = byCell.get(k) ?? { sheet: ref.sheet, address, severity: f.severity, lines: [] };
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[m.severity]) m.severity = f.severity;
    m.lines.push(f.message);
    byCell.set(k, m);
  }
  return [...byCell.values()].map((m) => ({ sheet: m.sheet, address: m.address, severity: m.severity, text: `自评校核：${m.lines.join('\n')}` }));
}

export const IGNORED_KEY = 'selfeval.ignored';
/** Values a person typed in the pane for indicators the workbook lacks. */
export const VALUES_KEY = 'selfeval.indicatorValues';

export const RESULT_SHEET = '校验结果';

function link(ref: string): string {
  const r = splitRef(ref);
  const target = r ? `#'${r.sheet.replace(/'/g, "''")}'!${r.address}` : '';
  return target ? `=HYPERLINK("${target.replace(/"/g, '""')}","${ref.replace(/"/g, '""')}")` : ref;
}

/**
 * Text written as text: Excel reads "301.62" or "85%" typed into a cell as a number, and "=…", "+…", "-…" as a
 * formula. An apostrophe in front keeps such text as the text it is (Excel does not show it or keep it).
 */
export function asText(s: string): string {
  return /^[=+\-@]/.test(s) || /^\s*[\d,.]+\s*%?\s*$/.test(s) || /^\d{1,4}[-/年]\d{1,2}([-/月]\d{1,2})?/.test(s) ? `'${s}` : s;
}

/** The rule by what it checks, in Chinese (the id is for whoever tunes the rules). */
export function ruleNameZh(id: string): string {
  return RULES.find((r) => r.meta.id === id)?.meta.description.zh ?? id;
}

/** The 校验结果 rows: the core's table, with each cell a link to it and texts kept as texts. */
export function resultRows(report: FileReport): string[][] {
  return resultTable(report, 'zh', ruleNameZh).map((row, i) => (i === 0 ? row : row.map((v, j) => (j === 3 && v ? link(v) : j === 2 || j === 8 ? v : asText(v)))));
}
