/**
 * 导出: a 校验结果 sheet listing every finding (file, table, severity, cells as links to them, message), replacing
 * the one a previous export wrote.
 */
import { FileReport } from '../core/report';
import { cellA1 } from '../core/a1';
import { splitRef } from '../core/a1';
import { applyWrites, WriteResult } from './writes';

export const RESULT_SHEET = '校验结果';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

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

export function resultRows(report: FileReport): string[][] {
  const tables = new Map(report.tables.map((t) => [t.id, `${t.title ?? t.kind}（${t.range}）`]));
  const rows = [['文件', '表', '级别', '单元格', '说明', '应为', '实为', '规则']];
  for (const f of report.findings) {
    rows.push([
      asText(report.file),
      asText(f.table !== undefined ? tables.get(f.table) ?? '' : ''),
      SEVERITY[f.severity],
      f.cells[0] ? link(f.cells[0]) : '',
      asText(f.message),
      asText(f.expected ?? ''),
      asText(f.actual ?? ''),
      f.rule,
    ]);
  }
  if (rows.length === 1) rows.push([report.file, '', '', '', '未发现问题', '', '', '']);
  return rows;
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
