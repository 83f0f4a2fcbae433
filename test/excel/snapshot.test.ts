import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { readXlsx } from '../../src/cli/read-xlsx';
import { checkWorkbook } from '../../src/core';
import { CHUNK_CELLS, readSnapshot, splitAreas } from '../../src/excel/snapshot';
import { consolidated } from '../../scripts/bench';
import { seed002 } from '../fixtures/seed002';
import { SheetBuilder, workbook } from '../fixtures/sheet';
import { writeXlsx } from '../fixtures/write-xlsx';
import { FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

test('the add-in reads the same snapshot the CLI reads from the same workbook, in 2 syncs', async () => {
  const { wb } = seed002({ formulas: true, formats: true });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'selfeval-')), 'seed.xlsx');
  await writeXlsx(wb, file);
  const cli = await readXlsx(file);
  const fake = FakeExcel.fromSnapshot(wb);
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  expect(fake.syncs).toBe(2);
  expect(snap).toEqual(cli);
  expect(checkWorkbook(snap, 'x').report.tables.map((t) => t.range)).toEqual(checkWorkbook(cli, 'x').report.tables.map((t) => t.range));
});

test('a 50,000-cell workbook is read in 2 syncs too', async () => {
  const wb = consolidated(1250, 9);
  const fake = FakeExcel.fromSnapshot(wb);
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  expect(fake.syncs).toBe(2);
  expect(checkWorkbook(snap, 'x').report.summary.errors).toBe(0);
});

test('a workbook too large for one response is read in row chunks, each under the payload limit', async () => {
  const wb = consolidated(2000, 7);
  const fake = FakeExcel.fromSnapshot(wb);
  fake.payloadLimit = 1024 * 1024; // a smaller limit, so the test stays quick
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  const cells = wb.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  expect(fake.syncs).toBeGreaterThan(3);
  expect(fake.syncs).toBeLessThan(3 + Math.ceil(cells / CHUNK_CELLS) + wb.sheets.length + 1);
  const direct = FakeExcel.fromSnapshot(wb);
  installHost(direct);
  expect(snap).toEqual(await run(direct, readSnapshot));
});

test('a sheet of Chinese text (three bytes a character) is read in chunks sized by bytes, halved when still too large', async () => {
  // 6,000 rows × 5 cells of 30-character Chinese text: about 2.7 MB as UTF-8, but under 1 MB in characters
  const s = new SheetBuilder('情况说明');
  const text = '部门整体支出绩效自评情况说明，资金使用合规，项目按期完成，效益良好。'.slice(0, 30);
  for (let r = 0; r < 6000; r++) for (let c = 0; c < 5; c++) s.set(r, c, `${r}${text}`);
  const wb = workbook(s);
  const fake = FakeExcel.fromSnapshot(wb);
  fake.payloadLimit = 1024 * 1024;
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  expect(snap.sheets[0]!.values).toHaveLength(6000);
  expect(snap.sheets[0]!.values[5999]![4]).toBe(`5999${text}`);
});

test('without merged-area support (ExcelApi < 1.13) the snapshot has no merges and the check still runs', async () => {
  const { wb } = seed002();
  const fake = FakeExcel.fromSnapshot(wb);
  fake.apiMinor = 9;
  installHost(fake);
  const snap = await run(fake, readSnapshot);
  expect(snap.sheets.every((s) => (s.merges ?? []).length === 0)).toBe(true);
  expect(checkWorkbook(snap, 'x').report.summary.errors).toBe(0);
});

test('merged area addresses', () => {
  expect(splitAreas("Sheet1!A1:B2,'My sheet'!$C$3")).toEqual(['A1:B2', 'C3:C3']);
});
