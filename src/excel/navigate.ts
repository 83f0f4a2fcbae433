/** Clicking a finding: activate its sheet and select its cells (the culprit and the cells it is checked against). */
import { splitRef } from '../core/a1';

export async function selectCells(context: Excel.RequestContext, cells: string[]): Promise<void> {
  const refs = cells.map(splitRef).filter((r): r is NonNullable<typeof r> => !!r);
  if (!refs.length) return;
  const sheet = refs[0]!.sheet;
  const same = refs.filter((r) => r.sheet === sheet).map((r) => r.address);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRanges(same.join(',')).select();
  await context.sync();
}
