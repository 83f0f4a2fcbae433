import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { readXlsx, ReadError } from '../../src/cli/read-xlsx';
import { SheetSnapshot } from '../../src/core/snapshot';
import { seed002 } from '../fixtures/seed002';
import { writeXlsx } from '../fixtures/write-xlsx';

const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-'));

/** A sheet trimmed to its used range, merges sorted: what both readers must agree on. */
function normal(s: SheetSnapshot): SheetSnapshot {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  s.values.forEach((row, i) => row.forEach((v, j) => {
    if (v === null && !s.formulas?.[i]?.[j]) return;
    top = Math.min(top, i); bottom = Math.max(bottom, i); left = Math.min(left, j); right = Math.max(right, j);
  }));
  for (const m of s.merges ?? []) {
    const [a, b] = m.split(':');
    const rc = (x: string) => ({ r: Number(/\d+/.exec(x)![0]) - 1 - s.top, c: x.charCodeAt(0) - 65 - s.left });
    for (const p of [rc(a!), rc(b!)]) {
      top = Math.min(top, p.r); bottom = Math.max(bottom, p.r); left = Math.min(left, p.c); right = Math.max(right, p.c);
    }
  }
  const cut = <T>(rows: (T | null)[][] | undefined): (T | null)[][] =>
    Array.from({ length: bottom - top + 1 }, (_, i) => Array.from({ length: right - left + 1 }, (_, j) => rows?.[top + i]?.[left + j] ?? null));
  return {
    name: s.name, top: s.top + top, left: s.left + left,
    values: cut(s.values), formulas: cut(s.formulas), numberFormats: cut(s.numberFormats),
    merges: [...(s.merges ?? [])].sort(), hidden: !!s.hidden,
  };
}

test('an .xlsx written from a snapshot reads back as the same snapshot (values, formulas, formats, merges)', async () => {
  const { wb } = seed002({ formulas: true, formats: true });
  const file = path.join(dir, 'roundtrip.xlsx');
  await writeXlsx(wb, file);
  const back = await readXlsx(file);
  expect(back.sheets.map((s) => s.name)).toEqual(['基本概况', '收支表', '评分表']);
  back.sheets.forEach((s, i) => expect(normal(s)).toEqual(normal(wb.sheets[i]!)));
  const s = back.sheets[1]!;
  expect(s.formulas![3]![1]).toBe('=SUM(B5:B14)');
  expect(s.numberFormats![4]![1]).toBe('0.00');
  expect(s.merges).toContain('A2:A3');
});

test('rich text, hyperlinks, dates, errors, shared formulas and hidden sheets', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表', { state: 'hidden' });
  ws.getCell('A1').value = { richText: [{ text: '机构' }, { text: '名称' }] };
  ws.getCell('A2').value = { text: '局机关', hyperlink: 'https://example.org' };
  ws.getCell('B1').value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell('B2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('C1').value = 1;
  ws.getCell('C2').value = 2;
  ws.getCell('D1').value = { formula: 'C1*2', result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell('D2').value = { sharedFormula: 'D1', result: 4 } as ExcelJS.CellSharedFormulaValue;
  const file = path.join(dir, 'kinds.xlsx');
  await wb.xlsx.writeFile(file);
  const s = (await readXlsx(file)).sheets[0]!;
  expect(s.hidden).toBe(true);
  expect(s.values).toEqual([['机构名称', 44561, 1, 2], ['局机关', { error: '#REF!' }, 2, 4]]);
  expect(s.formulas![0]![3]).toBe('=C1*2');
  expect(s.formulas![1]![3]).toBe('=C2*2');
});

test('files that are not workbooks say why', async () => {
  const fs = await import('fs/promises');
  const enc = path.join(dir, 'encrypted.xlsx');
  await fs.writeFile(enc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  await expect(readXlsx(enc)).rejects.toThrow(/已加密，或是旧版 \.xls 格式/);
  const junk = path.join(dir, 'junk.xlsx');
  await fs.writeFile(junk, 'hello');
  await expect(readXlsx(junk)).rejects.toThrow(ReadError);
  const broken = path.join(dir, 'broken.xlsx');
  await fs.writeFile(broken, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
  await expect(readXlsx(broken)).rejects.toThrow(/文件不完整/);
});

test('a stray value in the last cell of a sheet (XFD1048576) costs one short row, and the tables are still found', async () => {
  const { toExcelJS } = await import('../fixtures/write-xlsx');
  const { checkFile } = await import('../../src/cli/main');
  const wb = toExcelJS(seed002().wb);
  wb.getWorksheet('收支表')!.getCell('XFD1048576').value = '备注';
  const file = path.join(dir, 'stray.xlsx');
  await wb.xlsx.writeFile(file);
  const snap = await readXlsx(file);
  const s = snap.sheets[1]!;
  expect(s.values).toHaveLength(1048576);
  expect(s.values.reduce((m, r) => Math.max(m, r.length), 0)).toBe(16384);
  expect(s.values.filter((r) => r.length > 10)).toHaveLength(1);
  const report = await checkFile(file, {});
  expect(report.tables.map((t) => t.kind)).toEqual(['profile', 'income', 'expenditure', 'sangong', 'assets', 'score']);
  // seed 002 as filed: no arithmetic error, its 财政供养人员控制率 self-scored 5 where its rule gives 0
  expect(report.summary).toEqual({ errors: 0, warnings: 1, info: 1 });
});

test('labels indented with Excel’s indent level (not spaces) are read, and make the breakdown down the rows', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总表');
  ws.addRow(['部门收支汇总表（万元）']);
  ws.addRow(['项目', '汇总', '局机关', '妇幼保健院']);
  const rows: Array<[string, number, number[]]> = [
    ['支出合计', 0, [788.64, 350.48]], ['基本支出', 1, [312.24, 103.86]], ['项目支出', 1, [476.4, 246.62]],
  ];
  for (const [label, indent, v] of rows) {
    const r = ws.addRow([label, Number((v[0]! + v[1]!).toFixed(2)), ...v]);
    if (indent) r.getCell(1).alignment = { indent };
  }
  // 项目支出 of 妇幼保健院 typed wrong: it fails its row's 汇总 and the breakdown down its column
  ws.getCell('D5').value = 264.62;
  const file = path.join(dir, 'indent.xlsx');
  await wb.xlsx.writeFile(file);
  const snap = await readXlsx(file);
  expect(snap.sheets[0]!.indents?.[3]?.[0]).toBe(1);
  const { checkWorkbook } = await import('../../src/core');
  const { report, model } = checkWorkbook(snap, file);
  expect(model.tables[0]!.rowRelations.map((r) => [r.whole, r.parts.flat(), r.complete])).toEqual([[2, [3, 4], true]]);
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}:${f.cells[0]}:${f.fix}`))
    .toEqual(['totals/column-sum:汇总表!D5:246.62', 'identity/row-sum:汇总表!D5:246.62']);
});
