/**
 * Word reports (.docx) read into the workbook snapshot (src/cli/read-docx.ts): 正文 one row per body paragraph,
 * 表1 … one sheet per table with its grid and merged areas; the honest errors; folders with .docx and .doc; the
 * text output's "第12段" / "表3 第5行 第2列".
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { checkFileHere } from '../../src/cli/check-file';
import { expandTargets } from '../../src/cli/files';
import { formatFileLines, quoteLine, WordRefs } from '../../src/cli/format-text';
import { cellValue, readDocx } from '../../src/cli/read-docx';
import { run } from '../../src/cli/main';
import { Report } from '../../src/core/report';
import { RULES } from '../../src/core/rules';
import { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import {
  DENSE_CLEAN, denseCleanReport, revisionsReport, SEED003_PARAGRAPHS, seed003Report, SEED004_AFTER, SEED004_BEFORE, SEED004_LAYOUT,
  seed004RateSentence, seed004Report,
} from '../fixtures/docx/build';
import { zip, ZipEntry } from '../helpers/zip';

const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-docx-'));
const BIN = path.join(__dirname, '../../bin/selfeval-check.js');

async function write(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await bytes);
  return file;
}

const sheet = (wb: WorkbookSnapshot, name: string): SheetSnapshot => wb.sheets.find((s) => s.name === name)!;

/** A sheet's cell by A1 row and column (1-based), null where empty. */
function at(s: SheetSnapshot, row: number, col: number): unknown {
  return s.values[row - 1 - s.top]?.[col - 1 - s.left] ?? null;
}

/** The 正文 rows as the document numbers them (1-based), '' for a blank paragraph. */
function bodyRows(wb: WorkbookSnapshot): string[] {
  const s = sheet(wb, '正文');
  const n = s.top + s.values.length;
  return Array.from({ length: n }, (_, i) => String(at(s, i + 1, 1) ?? ''));
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['node', 'selfeval-check', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
  return { code, out, err };
}

// ---------------------------------------------------------------------------------------------------------------
// The seed fixtures, written by the docx package

test('seed 004: 正文 is every body paragraph in order, blank ones counted; the rate sentence is 正文!A22', async () => {
  const wb = await readDocx(await write('seed004.docx', seed004Report('94.78%')));
  expect(wb.sheets.map((s) => s.name)).toEqual(['正文', '表1', '表2']);
  const rows = bodyRows(wb);
  expect(rows).toEqual([...SEED004_BEFORE, '', seed004RateSentence('94.78%'), SEED004_AFTER]);
  expect(SEED004_LAYOUT.rateParagraph).toBe(22);
  expect(rows[21]).toContain('项目全年预算数16.56万元，执行数为15.70万元，完成预算的94.78%');
  // the blank second paragraph is an empty row: 正文!A3 is still the third paragraph
  expect(rows[1]).toBe('');
  expect(rows[2]).toBe('1、收入支出决算总体情况说明');
});

test('seed 004: each form is a table of its grid, gridSpan and vMerge as merged areas by their top-left cell', async () => {
  const wb = await readDocx(await write('seed004.docx', seed004Report('94.78%')));
  const t2 = sheet(wb, '表2');
  expect(at(t2, 1, 1)).toBe('项目支出绩效目标完成情况表');
  expect(at(t2, 3, 2)).toBe('计划生育特殊家庭公共交通补贴项目');
  expect([at(t2, 5, 1), at(t2, 5, 2), at(t2, 5, 3), at(t2, 5, 4), at(t2, 5, 5)]).toEqual(['预算执行情况(万元)', '预算数:', '16.56万元', '执行数:', '15.70万元']);
  // a percentage typed in a cell is the number with the format that shows it
  expect(at(t2, 9, 3)).toBeCloseTo(0.9478, 10);
  expect(t2.numberFormats![9 - 1 - t2.top]![3 - 1 - t2.left]).toBe('0.00%');
  expect(at(t2, 11, 6)).toBe('≥94.78%');
  // the continued cells of a vertical merge hold nothing: the label is the top cell's
  expect(at(t2, 6, 1)).toBeNull();
  expect([...t2.merges!].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual([
    'A1:F1', 'A2:F2', 'A5:A7', 'A8:A9', 'A10:A17', 'B3:F3', 'B4:F4', 'B11:B14', 'B15:B16', 'C8:F8', 'C9:F9', 'E5:F5', 'E6:F6', 'E7:F7',
  ]);
  expect(sheet(wb, '表1').values).toHaveLength(13);
});

test('seed 003: the thirty projects are one paragraph (正文!A12) and a table whose 合计 spans two columns', async () => {
  const wb = await readDocx(await write('seed003.docx', seed003Report()));
  const rows = bodyRows(wb);
  expect(rows).toEqual(SEED003_PARAGRAPHS);
  expect(rows[11]).toMatch(/^1、中医药经费项目支出0\.78万元；2、.*30、健康素养及中医药健康监测项目支出8\.24万元。$/);
  const t = sheet(wb, '表1');
  expect(t.values).toHaveLength(32);
  expect([at(t, 2, 1), at(t, 2, 2), at(t, 2, 3)]).toEqual([1, '中医药经费', 0.78]);
  expect([at(t, 32, 1), at(t, 32, 3)]).toEqual(['合计', 6184.7]);
  expect(t.merges).toEqual(['A32:B32']);
});

test('the fixtures are deterministic: the same document gives the same bytes', async () => {
  expect((await seed004Report()).equals(await seed004Report())).toBe(true);
  expect((await denseCleanReport()).equals(await denseCleanReport())).toBe(true);
});

test('dense clean report: text full of unrelated numbers raises no error', async () => {
  const file = await write('dense.docx', denseCleanReport());
  const wb = await readDocx(file);
  expect(bodyRows(wb)).toEqual(DENSE_CLEAN);
  const r = await checkFileHere(file, {});
  expect(r.error).toBeNull();
  expect(r.summary.errors).toBe(0);
  expect(r.findings.filter((f) => f.rule.startsWith('text/') && f.severity !== 'info')).toEqual([]);
});

test('tracked changes as accepted and a simple field\'s result, as docx writes them', async () => {
  const wb = await readDocx(await write('rev.docx', revisionsReport()));
  expect(bodyRows(wb)).toEqual(['执行数为15.70万元，第3页']);
});

test('a cell\'s plain number is the number, with a format where the number alone would lose how it was written', () => {
  expect(cellValue('6184.7')).toEqual({ v: 6184.7, fmt: null });
  expect(cellValue('15.70')).toEqual({ v: 15.7, fmt: '0.00' });
  expect(cellValue('1,234.56')).toEqual({ v: 1234.56, fmt: '#,##0.00' });
  expect(cellValue('94.78%')).toEqual({ v: 0.9478, fmt: '0.00%' });
  expect(cellValue('-3')).toEqual({ v: -3, fmt: null });
  for (const text of ['0812', '16.56万元', '≥94.78%', '1234567890123456789', '1,2,3', '2100101 行政运行', '十四五']) expect(cellValue(text)).toEqual({ v: text, fmt: null });
  expect(cellValue('')).toEqual({ v: null, fmt: null });
});

// ---------------------------------------------------------------------------------------------------------------
// What Word writes that the docx package does not: written as XML

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docxParts(body: string, extra: ZipEntry[] = []): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" `
        + `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`,
    },
    ...extra,
  ];
}

const p = (...runs: string[]): string => `<w:p><w:pPr><w:rPr><w:ins w:id="9" w:author="a"/></w:rPr></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string): string => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (text: string, pr = ''): string => `<w:tc><w:tcPr>${pr}</w:tcPr>${text.split('\n').map((l) => p(r(l))).join('')}</w:tc>`;

test('Word\'s own markup: revisions, fields, content controls, tabs, breaks, symbols, text boxes, footnote references', async () => {
  const textBox = (text: string): string => `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p(r(text))}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>`
    + `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${p(r(text))}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
  const body = [
    p(r('执行数为'), `<w:ins w:id="1" w:author="a">${r('15.70')}</w:ins>`, `<w:del w:id="2" w:author="a"><w:r><w:delText>15.07</w:delText></w:r></w:del>`, r('万元')),
    p(r('第'), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', r('3'),
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>', r('页'), '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>'),
    `<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent>${p(r('西区卫生健康局'))}</w:sdtContent></w:sdt>`,
    p(r('预算数：'), '<w:r><w:tab/></w:r>', r('16.56万元'), '<w:r><w:br/></w:r>', r('执行数：15.70万元'), '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>', '<w:r><w:noBreakHyphen/></w:r>'),
    p(r('见图'), textBox('框内94.78%'), r('所示'), '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:ruby><w:rt><w:r><w:t>ji</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>计</w:t></w:r></w:rubyBase></w:ruby></w:r>'),
    `<w:p><w:moveFrom w:id="3" w:author="a">${r('移走')}</w:moveFrom><w:moveTo w:id="4" w:author="a">${r('移来')}</w:moveTo></w:p>`,
    '<w:p/>',
    `<w:sectPr><w:headerReference w:type="default" w:id="rId5"/></w:sectPr>`,
  ].join('');
  const file = await write('markup.docx', zip(docxParts(body, [
    { name: 'word/footnotes.xml', data: `<w:footnotes xmlns:w="${W}"><w:footnote w:id="1">${p(r('脚注 100万元'))}</w:footnote></w:footnotes>` },
    { name: 'word/header1.xml', data: `<w:hdr xmlns:w="${W}">${p(r('页眉 2019年度'))}</w:hdr>` },
  ])));
  const wb = await readDocx(file);
  expect(wb.sheets.map((s) => s.name)).toEqual(['正文']);
  expect(bodyRows(wb)).toEqual([
    '执行数为15.70万元',
    '第3页9',
    '西区卫生健康局',
    '预算数：\t16.56万元\n执行数：15.70万元≥-',
    '见图所示计',
    // the text box's paragraph follows its anchor, read once (mc:Choice, not the VML fallback)
    '框内94.78%',
    '移来',
  ]);
});

test('tables: gridBefore/gridAfter, vMerge restart/continue, gridSpan, a nested table flattened, header rows read once', async () => {
  const table = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`
    + `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc('项目')}${tc('预算数')}${tc('执行数')}${tc('执行率')}</w:tr>`
    + `<w:tr>${tc('基本支出', '<w:vMerge w:val="restart"/>')}${tc('272.33')}${tc('272.33')}${tc('100.00%')}</w:tr>`
    + `<w:tr>${tc('', '<w:vMerge/>')}${tc('合计 甲', '<w:gridSpan w:val="2"/>')}${tc('1,234.50')}</w:tr>`
    + `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc('中间')}${tc('右\n第二行')}</w:tr>`
    + `<w:tr><w:trPr><w:del w:id="7" w:author="a"/></w:trPr>${tc('删去的行')}${tc('999')}</w:tr>`
    + `<w:tr>${tc('外')}<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="9"/></w:tcPr>${p(r('内1'))}</w:tc><w:tc>${p(r('内2'))}</w:tc></w:tr></w:tbl>${p(r('后'))}</w:tc></w:tr>`
    + `</w:tbl>`;
  const body = p(r('前言')) + table + p(r('表后')) + `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>${tc('')}</w:tr></w:tbl>`;
  const wb = await readDocx(await write('tables.docx', zip(docxParts(body))));
  expect(wb.sheets.map((s) => s.name)).toEqual(['正文', '表1', '表2']);
  expect(bodyRows(wb)).toEqual(['前言', '表后']);
  const t = sheet(wb, '表1');
  expect(t.values).toEqual([
    ['项目', '预算数', '执行数', '执行率'],
    ['基本支出', 272.33, 272.33, 1],
    [null, '合计 甲', null, 1234.5],
    [null, '中间', '右\n第二行'],
    ['外', '内1\n内2\n后'],
  ]);
  expect(t.numberFormats![1]![3]).toBe('0.00%');
  expect(t.numberFormats![2]![3]).toBe('#,##0.00');
  expect(t.merges).toEqual(['A2:A3', 'B3:C3', 'B5:D5']);
  // an empty table is a sheet with nothing in it
  expect(sheet(wb, '表2').values).toEqual([]);
});

test('a vMerge "continue" under a cell without "restart" merges with it; far grid columns cost the cells they hold', async () => {
  const t1 = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>${tc('甲')}${tc('1')}</w:tr><w:tr>${tc('', '<w:vMerge/>')}${tc('2')}</w:tr></w:tbl>`;
  const far = `<w:tr><w:trPr><w:gridBefore w:val="999"/></w:trPr>${tc('7')}</w:tr>`.repeat(3000);
  const t2 = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>${far}</w:tbl>`;
  const wb = await readDocx(await write('far.docx', zip(docxParts(t1 + t2))));
  expect(sheet(wb, '表1').merges).toEqual(['A1:A2']);
  const s = sheet(wb, '表2');
  expect([s.top, s.left, s.values.length, s.values[0]]).toEqual([0, 999, 3000, [7]]);
});

test('a .docx with no body text and no table is a file checked, not an error', async () => {
  const file = await write('empty.docx', zip(docxParts('<w:sectPr/>')));
  const wb = await readDocx(file);
  expect(wb.sheets).toHaveLength(1);
  const r = await checkFileHere(file, {});
  expect(r.error).toBeNull();
  expect(r.summary.errors).toBe(0);
});

// ---------------------------------------------------------------------------------------------------------------
// Honest errors

/** An OLE compound file whose first directory sector names these streams (a .doc, an encrypted .docx). */
function ole(streams: string[]): Buffer {
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  head.writeUInt16LE(9, 0x1e);
  head.writeUInt32LE(0, 0x30);
  const dirSector = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    dirSector.write(name, i * 128, 'utf16le');
    dirSector.writeUInt16LE((name.length + 1) * 2, i * 128 + 0x40);
  });
  return Buffer.concat([head, dirSector]);
}

test('broken, old and encrypted reports get their own message in Chinese and English, and the code programs read', async () => {
  const files = {
    oldDoc: await write('err/a-old-word.docx', ole(['WordDocument', '1Table'])),
    encrypted: await write('err/b-encrypted.docx', ole(['EncryptionInfo', 'EncryptedPackage'])),
    notZip: await write('err/c-not-a-zip.docx', Buffer.from('<html>not a document</html>')),
    noDocument: await write('err/d-no-document.docx', zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }])),
    badXml: await write('err/e-broken-xml.docx', zip(docxParts('<w:p><w:r><w:t>断开'))),
    doctype: await write('err/f-doctype.docx', zip([{ name: 'word/document.xml', data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>' }])),
    bomb: await write('err/g-bomb.docx', zip(docxParts(p(r('x')), [{ name: 'word/media/big.bin', data: Buffer.alloc(1000) }]).map((e) => (e.name === 'word/document.xml' ? { ...e, data: Buffer.alloc(3_000_000, 0x20), declaredSize: 1000 } : e)))),
    overlap: await write('err/h-overlap.docx', zip([...docxParts(p(r('x'))), { name: 'word/copy.xml', data: '', sameBytesAs: 'word/document.xml' }])),
    dotDoc: await write('err/i-real.doc', ole(['WordDocument'])),
  };
  const { code, out } = await cli('--format', 'json', ...Object.values(files));
  expect(code).toBe(1);
  const report = JSON.parse(out) as Report;
  expect(report.files.map((f) => f.errorCode)).toEqual(['oldDoc', 'encrypted', 'notZip', 'noDocument', 'badXml', 'badXml', 'corrupt', 'corrupt', 'oldDoc']);
  const by = (i: number): string => report.files[i]!.error!;
  expect(by(0)).toBe('旧版 Word .doc 格式，请用 Word 或 WPS 另存为 .docx 后再校验');
  expect(by(1)).toContain('文件已加密（设置了打开密码）');
  expect(by(2)).toBe('不是 .docx 文件（文件内容不是 Office Open XML 压缩包）：请用 Word 或 WPS 打开后另存为 .docx');
  expect(by(3)).toContain('不是可读的 Word 文档：文件中没有正文部件 word/document.xml');
  expect(by(4)).toMatch(/^文件内容已损坏（word\/document\.xml: .*）：请用 Word 或 WPS 打开，修复后另存为 \.docx 再校验$/);
  expect(by(6)).toContain('请用 Word 或 WPS 打开');
  expect(by(7)).toContain('相互重叠');
  expect(by(8)).toBe('旧版 Word .doc 格式，请用 Word 或 WPS 另存为 .docx 后再校验');
  const en = JSON.parse((await cli('--format', 'json', '--lang', 'en', files.oldDoc, files.notZip)).out) as Report;
  expect(en.files.map((f) => f.error)).toEqual([
    'An old Word .doc file: save it as .docx in Word or WPS, then check it again',
    'Not a .docx file (its content is not an Office Open XML package): open it in Word or WPS and save it as .docx',
  ]);
});

test('a folder with .xlsx, .docx and .doc: every file is listed, the .doc with its message', async () => {
  const folder = path.join(dir, 'folder');
  const { sampleWorkbook } = await import('../../src/sample');
  const { writeXlsx } = await import('../fixtures/write-xlsx');
  mkdirSync(folder, { recursive: true });
  await writeXlsx(sampleWorkbook(false), path.join(folder, 'a-自评表.xlsx'));
  writeFileSync(path.join(folder, 'b-自评报告.docx'), await seed004Report());
  writeFileSync(path.join(folder, 'c-旧报告.doc'), ole(['WordDocument']));
  writeFileSync(path.join(folder, '~$b-自评报告.docx'), 'lock');
  const targets = await expandTargets([folder]);
  expect(targets.map((t) => [path.relative(folder, t.file), t.problem?.code ?? null])).toEqual([
    ['a-自评表.xlsx', null], ['b-自评报告.docx', null], ['c-旧报告.doc', 'oldDoc'],
  ]);
  const { code, out } = await cli('--format', 'json', folder);
  expect(code).toBe(1);
  const report = JSON.parse(out) as Report;
  expect(report.files.map((f) => [path.basename(f.file), f.errorCode ?? null])).toEqual([['a-自评表.xlsx', null], ['b-自评报告.docx', null], ['c-旧报告.doc', 'oldDoc']]);
  // the JSON is the schema's: which sheets came from the report is the text output's business
  expect(Object.keys(report.files[1]!)).not.toContain('wordSheets');
  expect(report.files[1]!.tables.map((t) => t.range)).toEqual(['表2!B5:E5']);
});

// ---------------------------------------------------------------------------------------------------------------
// The text output

test('references into a report are said as paragraphs and table cells; the JSON keeps A1', () => {
  const refs = new WordRefs(['正文', '表1', '表3'], false, 'zh');
  expect(refs.cell('正文!A12')).toBe('第12段');
  expect(refs.cell('正文!A12:A14')).toBe('第12–14段');
  expect(refs.cell('表3!B5')).toBe('表3 第5行 第2列');
  expect(refs.cell('表3!B5:B9')).toBe('表3 第5–9行 第2列');
  expect(refs.cell('收支表!B5')).toBe('收支表!B5');
  expect(refs.text('正文!A12 所述与 表3!B5 不符；收支表!D22 与 附表3!B5 不变')).toBe('第12段 所述与 表3 第5行 第2列 不符；收支表!D22 与 附表3!B5 不变');
  const en = new WordRefs(['正文', '表3'], false, 'en');
  expect([en.cell('正文!A12'), en.cell('表3!B5'), en.cell('表3!B5:C6')]).toEqual(['paragraph 12', 'table 3 row 5 col 2', 'table 3 rows 5–6 cols 2–3']);
  // checked together with a workbook, the report's sheets are said as the report's (a renamed one too)
  const together = new WordRefs(['正文', '表1(报告)'], true, 'zh');
  expect([together.cell('正文!A3'), together.cell("'表1(报告)'!C2"), together.text("见'表1(报告)'!C2")]).toEqual(['报告第3段', '报告表1 第2行 第3列', '见报告表1 第2行 第3列']);
});

test('a finding of a report prints as 第12段 and 表3 第5行 第2列, with its quote and the figures marked', () => {
  const finding = {
    rule: 'text/rate', severity: 'warning' as const, cells: ['正文!A12', '表3!B5'], message: '正文!A12 所述比率与计算不符', messageId: 'x', data: {},
    expected: '94.81%', actual: '94.78%',
    quote: { text: '项目全年预算数16.56万元，执行数为15.70万元，完成预算的94.78%。', marks: [[7, 14], [19, 26], [32, 38]] as Array<[number, number]> },
  };
  const lines = formatFileLines({
    file: 'r.docx', error: null, tables: [], findings: [finding], scores: [], summary: { errors: 0, warnings: 1, info: 0 }, wordSheets: ['正文', '表1', '表2', '表3'],
  }, 'zh', false);
  expect(lines).toEqual([
    'r.docx',
    '  其他',
    '    ⚠ 警告  第12段  第12段 所述比率与计算不符',
    '        “项目全年预算数【16.56万元】，执行数为【15.70万元】，完成预算的【94.78%】。”',
    '        应为 94.81% · 实为 94.78% · 相关单元格：表3 第5行 第2列',
    '  ⚠ 0 个错误，1 个警告，0 条提示（识别 0 张表）',
    '',
  ]);
  // a long sentence is cut around its first marked figure; colour marks in bold red instead of brackets
  const long = { text: `${'前文'.repeat(200)}完成预算的94.78%${'后文'.repeat(200)}`, marks: [[405, 411]] as Array<[number, number]> };
  const cut = quoteLine(long, false);
  expect(cut).toMatch(/^“…[前文]+完成预算的【94\.78%】[后文]+…”$/);
  expect(cut.length).toBeLessThan(180);
  expect(quoteLine({ text: 'a\u001b[2Jb 1%', marks: [[7, 9]] }, false)).toBe('“a\\u001b[2Jb 【1%】”');
});

test('the seed 003 report checked end to end: a Word table\'s references in the text output', async () => {
  const file = await write('seed003-text.docx', seed003Report());
  const { out } = await cli(file);
  expect(out).toContain('表1 第1–32行 第1–3列');
  expect(out).toMatch(/ℹ 提示 {2}表1 第32行 第3列 {2}尾差：合计行“合计”/);
});

// Depends on the core's text rules (someone else's, issue 18): run only once text/rate is in the registry.
const hasTextRate = RULES.some((r) => r.meta.id === 'text/rate');
(hasTextRate ? test : test.skip)('END TO END with the core\'s text/rate: seed 004\'s error sentence gives a finding at 正文!A22, the corrected one none', async () => {
  const wrong = await checkFileHere(await write('e2e-wrong.docx', seed004Report('94.78%')), {});
  const right = await checkFileHere(await write('e2e-right.docx', seed004Report('94.81%')), {});
  const at22 = (r: typeof wrong): string[] => r.findings.filter((f) => f.rule === 'text/rate' && f.cells[0] === `正文!A${SEED004_LAYOUT.rateParagraph}`).map((f) => f.severity);
  expect(at22(wrong).length).toBeGreaterThan(0);
  expect(at22(right)).toEqual([]);
});

test('the installed CLI reads a .docx in its isolated worker (bin/selfeval-check.js, compiled)', async () => {
  const file = await write('bin.docx', seed003Report());
  const res = spawnSync(process.execPath, [BIN, '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
  const report = JSON.parse(res.stdout) as Report;
  expect(report.files[0]!.error).toBeNull();
  expect(report.files[0]!.tables.map((t) => t.range)).toEqual(['表1!A1:C32']);
});
