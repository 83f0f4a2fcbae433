/**
 * 导出: a 校验结果 sheet listing every finding (file, table, severity, cells as links to them, message), replacing
 * the one a previous export wrote.
 */
import { FileReport, resultTable } from '../core/report';
import { cellA1 } from '../core/a1';
import { splitRef } from '../core/a1';
import { applyWrites, WriteResult } from './writes';

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

/** The 校验结果 rows: the core's table, with each cell a link to it and texts kept as texts. */
export function resultRows(report: FileReport): string[][] {
  return resultTable(report).map((row, i) => (i === 0 ? row : row.map((v, j) => (j === 3 && v ? link(v) : j === 2 || j === 7 ? v : asText(v)))));
}

export async function exportResults(context: Excel.RequestContext, report: FileReport): Promise<WriteResult> {
  const rows = resultRows(report);
  const address = `A1:${cellA1(rows.length - 1, rows[0]!.length - 1)}`;
  const removed = await applyWrites(context, [{ op: 'sheet', name: RESULT_SHEET, exists: false }]);
  const created = await applyWrites(context, [{ op: 'sheet', name: RESULT_SHEET, exists: true }]);
  const filled = await applyWrites(context, [{ op: 'cells', sheet: RESULT_SHEET, address, formulas: rows }]);
  context.workbook.worksheets.getItem(RESULT_SHEET).activate();
  await context.sync();
  // undoing removes the new sheet and brings back the one it replaced
  return { inverse: [...filled.inverse, ...created.inverse, ...removed.inverse] };
}
