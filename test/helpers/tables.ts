/** Small tables for rule tests: a title, a one-row header and rows, on a sheet of their own. */
import { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { SheetBuilder, workbook } from '../fixtures/sheet';

export function table(title: string | null, header: (string | null)[], rows: CellValue[][], name = 'Sheet1'): SheetBuilder {
  const s = new SheetBuilder(name);
  if (title) s.add([[title]]);
  s.add([header]);
  s.add(rows);
  return s;
}

export function book(title: string | null, header: (string | null)[], rows: CellValue[][], name = 'Sheet1'): WorkbookSnapshot {
  return workbook(table(title, header, rows, name));
}
