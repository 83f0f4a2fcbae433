/**
 * The sample workbook of the task pane's preview mode and of the bundled examples: seed 002's figures with one
 * planted, realistic error (局机关 人员支出 301.62 typed as 310.62).
 */
import { WorkbookSnapshot } from '../core/snapshot';
import { seed002 } from './seed002';

export const PLANTED = { table: 'expenditure' as const, row: 1, col: 2, was: 301.62, typed: 310.62, cell: '收支表!D22' };

export function sampleWorkbook(planted = true): WorkbookSnapshot {
  return seed002({
    formulas: true,
    formats: true,
    edit: (t, r, c, v) => (planted && t === PLANTED.table && r === PLANTED.row && c === PLANTED.col ? PLANTED.typed : v),
  }).wb;
}
