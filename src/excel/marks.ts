/**
 * 标记 / 清除标记: the cell a finding names first (its most likely culprit) gets a fill by severity and a note
 * with the message. What the marks replaced is kept in the workbook's document settings, so 清除标记 restores
 * exactly the original fills and removes exactly the notes the add-in added — also after the file was saved,
 * closed and opened by someone else.
 */
import { Finding } from '../core/report';
import { readSetting } from './api';
import { applyWrites, WriteOp, WriteResult } from './writes';

export { MARK_FILL, MARKS_KEY, plannedMarks } from '../taskpane/workbook-writes';
import { MARK_FILL, MARKS_KEY, plannedMarks } from '../taskpane/workbook-writes';

/** Mark the findings' cells. Marks already in place are cleared first, so marking twice does not stack. */
export async function markFindings(context: Excel.RequestContext, findings: Finding[]): Promise<WriteResult> {
  const cleared = await clearMarks(context);
  const ops: WriteOp[] = [];
  for (const m of plannedMarks(findings)) {
    ops.push({ op: 'fill', sheet: m.sheet, address: m.address, color: MARK_FILL[m.severity] });
    ops.push({ op: 'note', sheet: m.sheet, address: m.address, text: m.text });
  }
  const result = await applyWrites(context, ops);
  // what undoes the marks (and only the marks) is what 清除标记 will run, from the workbook's settings
  const journal = await applyWrites(context, [{ op: 'setting', key: MARKS_KEY, value: result.inverse }]);
  const skipped = [...(cleared.skipped ?? []), ...(result.skipped ?? [])];
  return { inverse: [...journal.inverse, ...result.inverse, ...cleared.inverse], ...(skipped.length ? { skipped } : {}) };
}

/**
 * Remove every mark the add-in made and restore what was there. Never a dead end: a mark on a sheet deleted
 * since, or a note the person deleted or edited, is skipped (and listed in `skipped`), and the saved list of marks
 * is removed all the same.
 */
export async function clearMarks(context: Excel.RequestContext): Promise<WriteResult> {
  const ops = await readMarks(context);
  if (!ops.length) return { inverse: [] };
  return applyWrites(context, [...ops, { op: 'setting', key: MARKS_KEY, value: undefined }]);
}

async function readMarks(context: Excel.RequestContext): Promise<WriteOp[]> {
  const v = await readSetting(context, MARKS_KEY);
  return Array.isArray(v) ? (v as WriteOp[]) : [];
}
