/**
 * 导出: a 校验结果 sheet listing every finding (file, table, severity, cells as links to them, message), replacing
 * the one a previous export wrote.
 */
import { FileReport } from '../core/report';
import { cellA1 } from '../core/a1';
import { applyWrites, WriteResult } from './writes';

export { asText, RESULT_SHEET, resultRows } from '../taskpane/workbook-writes';
import { RESULT_SHEET, resultRows } from '../taskpane/workbook-writes';

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
