/**
 * .xls (BIFF8) and WPS .et workbooks are read into the same snapshot as .xlsx (issue 19, item 1): values, number
 * formats, merged areas, hidden sheets; what a file is comes from its bytes, and every file that is not a workbook
 * says so. The BIFF files are written with SheetJS itself (it writes no formulas into BIFF, so formulas are read
 * but not tested here).
 */
import * as XLSX from '@e965/xlsx';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { checkWorkbook } from '../../src/core';
import { readXls } from '../../src/cli/read-xls';
import { ReadError } from '../../src/cli/read-error';
import { writeXlsx } from '../fixtures/write-xlsx';
import { SheetBuilder, workbook } from '../fixtures/sheet';

const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-xls-'));
const at = (name: string, data: Buffer | string): string => {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
};

const ROWS = [['单位名称', '支出合计', '基本支出', '项目支出'], ['合计', 1139.12, 416.1, 733.02], ['局机关', 788.64, 312.24, 476.4], ['妇幼保健院', 350.48, 103.86, 246.62]];

function biff(): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(ROWS);
  ws['B2']!.z = '0.00';
  ws['A6'] = { t: 's', v: '备注：单位为万元' };
  ws['!ref'] = 'A1:D6';
  ws['!merges'] = [{ s: { r: 5, c: 0 }, e: { r: 5, c: 3 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '收支表');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明']]), '说明');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

function ole(streams: Record<string, string>): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, Buffer.from(data));
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

async function refused(file: string): Promise<ReadError> {
  const e = await readXls(file).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ReadError);
  return e as ReadError;
}

describe('BIFF8 .xls and WPS .et', () => {
  test.each(['部门乙.xls', '部门丙.et'])('%s: values, number formats, merged areas and hidden sheets, and its typo found', async (name) => {
    const wb = await readXls(at(name, biff()));
    const s = wb.sheets[0]!;
    expect(s.name).toBe('收支表');
    expect(s.values.slice(0, 4)).toEqual(ROWS);
    expect(s.values[5]![0]).toBe('备注：单位为万元');
    expect(s.numberFormats![1]![1]).toBe('0.00');
    expect(s.merges).toEqual(['A6:D6']);
    expect(wb.sheets.map((x) => [x.name, x.hidden])).toEqual([['收支表', false], ['说明', true]]);
    const { report } = checkWorkbook(wb, name);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cells[0]}`).sort()).toEqual(['identity/row-sum 收支表!D2', 'totals/column-sum 收支表!D2']);
  });

  test('an .xlsx saved under the old extension is read as the .xlsx it is', async () => {
    const xlsx = path.join(dir, 'real.xlsx');
    const b = new SheetBuilder('收支表');
    b.add(ROWS);
    await writeXlsx(workbook(b), xlsx);
    const wb = await readXls(at('renamed.xls', readFileSync(xlsx)));
    expect(wb.sheets[0]!.values.slice(0, 4)).toEqual(ROWS);
  });

  test('an HTML table exported as .xls (as finance systems do) is read', async () => {
    const html = `<html><head><meta charset="utf-8"></head><body><table>${ROWS.map((r) => `<tr>${r.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
    const wb = await readXls(at('导出.xls', html));
    expect(wb.sheets[0]!.values.slice(0, 4)).toEqual(ROWS);
  });
});

describe('what is not a workbook says so', () => {
  test('text that is no table (SheetJS would read it as CSV)', async () => {
    const e = await refused(at('notes.xls', '这不是工作簿，只是一段文字'));
    expect(e.code).toBe('corrupt');
    expect(e.text('zh')).toContain('既不是 Excel 97–2003 / WPS 表格');
    expect(e.text('en')).toContain('neither an Excel 97–2003');
  });

  test('a Word .doc named .xls', async () => {
    const e = await refused(at('报告.xls', ole({ WordDocument: 'x'.repeat(600) })));
    expect(e.code).toBe('corrupt');
    expect(e.text('zh')).toContain('这是 Word 文档（.doc），不是工作簿');
  });

  test('a password-protected workbook (EncryptionInfo)', async () => {
    const e = await refused(at('加密.xls', ole({ EncryptionInfo: 'x'.repeat(600), EncryptedPackage: 'y'.repeat(600) })));
    expect(e.code).toBe('oleOrEncrypted');
  });

  test('an OLE file with no workbook stream', async () => {
    expect((await refused(at('other.et', ole({ Contents: 'x'.repeat(600) })))).code).toBe('noWorkbook');
  });

  test('an empty file, and a BIFF stream cut short', async () => {
    expect((await refused(at('empty.xls', Buffer.alloc(0)))).code).toBe('empty');
    const cut = biff().subarray(0, 1536);
    const e = await refused(at('cut.xls', cut));
    expect(['corrupt', 'noWorkbook']).toContain(e.code);
  });
});
