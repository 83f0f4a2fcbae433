/**
 * CheckOptions.cache (GridCache): checks of one workbook that share a cache give the reports they give without
 * one; a sheet snapshot given again is read through the grid made for it before, and a sheet read anew (a new
 * snapshot) through a new grid, with its new figures.
 */
import { checkWorkbook, GridCache } from '../../src/core';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { FAMILIES } from '../fixtures/corpus';
import { groupedYuan } from '../fixtures/layouts';
import { seed002 } from '../fixtures/seed002';

describe('GridCache', () => {
  test('the same reports as without a cache, the first check and the next, on every clean corpus fixture', () => {
    for (const f of FAMILIES.flatMap((fam) => fam.fixtures)) {
      const cache = new GridCache();
      const plain = checkWorkbook(f.wb, f.name).report;
      expect(checkWorkbook(f.wb, f.name, { cache }).report).toEqual(plain);
      expect(checkWorkbook(f.wb, f.name, { cache }).report).toEqual(plain);
    }
  });

  test('an unchanged sheet keeps its grid; a sheet read anew gets a new one, and its edit is seen', () => {
    const f = groupedYuan();
    const cache = new GridCache();
    const first = checkWorkbook(f.wb, 'x.xlsx', { cache });
    expect(first.report.summary.errors).toBe(0);
    const again = checkWorkbook(f.wb, 'x.xlsx', { cache });
    expect(again.model.grids[0]).toBe(first.model.grids[0]);
    // the adapter reads the edited sheet again: a new snapshot, its rows new arrays
    const at = f.cells[Object.keys(f.cells)[0]!]!;
    const edited: WorkbookSnapshot = {
      ...f.wb,
      sheets: f.wb.sheets.map((s) => (s.name !== f.sheet ? s : { ...s, values: s.values.map((row, y) => (y === at.r - s.top ? row.map((v, x) => (x === at.c - s.left && typeof v === 'number' ? v + 1 : v)) : row)) })),
    };
    const next = checkWorkbook(edited, 'x.xlsx', { cache });
    expect(next.model.grids[0]).not.toBe(first.model.grids[0]);
    expect(next.report).toEqual(checkWorkbook(edited, 'x.xlsx').report);
  });

  test('seed 002\'s workbook, sheet by sheet: unchanged sheets keep their grids', () => {
    const { wb } = seed002({ formats: true });
    const cache = new GridCache();
    const a = checkWorkbook(wb, 's.xlsx', { cache });
    const b = checkWorkbook({ sheets: [{ ...wb.sheets[0]! }, ...wb.sheets.slice(1)] }, 's.xlsx', { cache });
    expect(b.model.grids[0]).not.toBe(a.model.grids[0]);
    b.model.grids.slice(1).forEach((g, i) => expect(g).toBe(a.model.grids[i + 1]));
    expect(b.report).toEqual(a.report);
  });
});
