/**
 * Merge-heavy forms: Excel refuses `getMergedAreasOrNullObject` on a range with more than 512 merged areas. The
 * check must not fail: merges are read again in smaller row bands, and only where even a single row has too many
 * is the sheet read without them, said at `info`.
 */
import { checkWorkbook } from '../../src/core';
import { readSnapshot } from '../../src/excel/snapshot';
import { seed002 } from '../fixtures/seed002';
import { FakeExcel, MERGE_LIMIT } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

test('a sheet with 1,200 merged areas is read with all of them, in row bands', async () => {
  const { wb } = seed002();
  const fake = FakeExcel.fromSnapshot(wb);
  const extra = fake.sheet('评分表');
  // 1,200 two-cell merges below the 评分表 (a long form of 备注 lines)
  for (let i = 0; i < 1200; i++) {
    extra.merges.push({ top: 40 + i, left: 8, bottom: 40 + i, right: 9 });
    extra.cells.set(`${40 + i},8`, { value: '备注' });
  }
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  const sheet = snap.sheets.find((s) => s.name === '评分表')!;
  expect(sheet.merges!.length).toBe(wb.sheets.find((s) => s.name === '评分表')!.merges!.length + 1200);
  expect(new Set(sheet.merges).size).toBe(sheet.merges!.length);
  // the check is the same as without the extra merges
  const { report } = checkWorkbook(snap, 'x');
  expect(report.tables.map((t) => t.kind)).toEqual(checkWorkbook(wb, 'x').report.tables.map((t) => t.kind));
  expect(MERGE_LIMIT).toBe(512);
});

test('a single row with more than 512 merged areas: that sheet is read without merges, and the check says so', async () => {
  const { wb } = seed002();
  const fake = FakeExcel.fromSnapshot(wb);
  const s = fake.sheet('评分表');
  for (let i = 0; i < 600; i++) {
    s.merges.push({ top: 40, left: 10 + 2 * i, bottom: 40, right: 11 + 2 * i });
    s.cells.set(`40,${10 + 2 * i}`, { value: '注' });
  }
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  const sheet = snap.sheets.find((x) => x.name === '评分表')!;
  expect(sheet.merges).toEqual([]);
  expect(sheet.mergesUnread).toBe(true);
  expect(snap.sheets.find((x) => x.name === '收支表')!.merges!.length).toBeGreaterThan(0);
  const { report } = checkWorkbook(snap, 'x');
  const note = report.findings.find((f) => f.rule === 'input/unreadable' && f.messageId === 'mergesUnread');
  expect(note?.severity).toBe('info');
  expect(note?.message).toMatch(/评分表.*合并单元格过多/);
});
