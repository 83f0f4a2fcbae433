/** Clicking a finding: activate its sheet and select its cells (the culprit and the cells it is checked against). */
import { splitRef } from '../core/a1';
import { supports } from './api';

/**
 * Several areas can be selected at once only with `RangeAreas.select` (ExcelApi 1.18) — and the local office.js
 * build (npm @microsoft/office-js 1.1.110) has no such method whatever the host reports. Elsewhere the first
 * area, the culprit, is selected with `Range.select` (ExcelApi 1.1).
 */
export async function selectCells(context: Excel.RequestContext, cells: string[]): Promise<void> {
  const refs = cells.map(splitRef).filter((r): r is NonNullable<typeof r> => !!r);
  if (!refs.length) return;
  const sheet = refs[0]!.sheet;
  const same = refs.filter((r) => r.sheet === sheet).map((r) => r.address);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  const areas = same.length > 1 && supports('ExcelApi', '1.18') ? ws.getRanges(same.join(',')) : null;
  if (areas && typeof areas.select === 'function') areas.select();
  else ws.getRange(same[0]!).select();
  await context.sync();
}
