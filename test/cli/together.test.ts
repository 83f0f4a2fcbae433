/**
 * A workbook and its Word report checked as one document (issue 18, item 3c): `--together`, and a workbook and
 * a report of the same base name in one folder. One snapshot (the workbook's sheets, then 正文, 表1 …; a report
 * sheet whose name the workbook has is suffixed "(报告)"), one entry named "自评表.xlsx + 自评报告.docx".
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { checkFileHere, mergeSnapshots } from '../../src/cli/check-file';
import { expandTargets } from '../../src/cli/files';
import { EXAMPLES_DIR, run } from '../../src/cli/main';
import { Report } from '../../src/core/report';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { seed003Report, seed004Report } from '../fixtures/docx/build';
import { rowXml, xlsxParts, zip } from '../helpers/zip';

const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-together-'));
const CLEAN = path.join(EXAMPLES_DIR, 'seed002-clean.xlsx');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['node', 'selfeval-check', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
  return { code, out, err };
}

const json = async (...args: string[]): Promise<Report> => JSON.parse((await cli('--format', 'json', ...args)).out) as Report;

test('mergeSnapshots: the workbook\'s sheets, then the report\'s; a name the workbook has is suffixed (报告)', () => {
  const s = (name: string): WorkbookSnapshot['sheets'][number] => ({ name, top: 0, left: 0, values: [[name]], merges: [] });
  const merged = mergeSnapshots({ sheets: [s('收支表'), s('表1'), s('正文(报告)')] }, { sheets: [s('正文'), s('表1'), s('表2')] });
  expect(merged.snapshot.sheets.map((x) => x.name)).toEqual(['收支表', '表1', '正文(报告)', '正文', '表1(报告)', '表2']);
  expect(merged.reportSheets).toEqual(['正文', '表1(报告)', '表2']);
  // the renamed sheet keeps its cells
  expect(merged.snapshot.sheets[4]!.values).toEqual([['表1']]);
  const twice = mergeSnapshots({ sheets: [s('表1'), s('表1(报告)')] }, { sheets: [s('表1')] });
  expect(twice.reportSheets).toEqual(['表1(报告2)']);
});

test('--together: one entry for the pair, named by both paths, with both files\' tables', async () => {
  const book = path.join(dir, '自评表.xlsx');
  const report = path.join(dir, '自评报告.docx');
  copyFileSync(CLEAN, book);
  writeFileSync(report, await seed004Report());
  const alone = await json(book, report);
  expect(alone.files.map((f) => f.file)).toEqual([book, report]);
  const r = await json('--together', book, report);
  expect(r.files).toHaveLength(1);
  const f = r.files[0]!;
  expect(f.file).toBe(`${book} + ${report}`);
  expect(f.error).toBeNull();
  const sheets = new Set(f.tables.map((t) => t.sheet));
  expect([...sheets]).toEqual(expect.arrayContaining(['收支表', '评分表', '表2']));
  // the pair's findings are the workbook's and the report's together: at least the workbook's own
  expect(f.summary.warnings).toBeGreaterThanOrEqual(alone.files[0]!.summary.warnings);
  expect(Object.keys(f)).not.toContain('wordSheets');
  // the text output says the report's cells as the report's
  const text = (await cli('--together', book, report)).out;
  expect(text.split('\n')[0]).toBe(`${book} + ${report}`);
  expect(text).toContain('预决算对比表 · 报告表2 第5行 第2–5列');
});

test('a folder pairs a workbook and a report of one base name; --no-together checks them apart', async () => {
  const folder = path.join(dir, 'dept');
  mkdirSync(path.join(folder, 'sub'), { recursive: true });
  copyFileSync(CLEAN, path.join(folder, '西区卫健局2019.xlsx'));
  writeFileSync(path.join(folder, '西区卫健局2019.docx'), await seed004Report());
  writeFileSync(path.join(folder, '芦淞区卫健局2021.docx'), await seed003Report());
  copyFileSync(CLEAN, path.join(folder, 'sub', '另一单位.xlsx'));
  const targets = await expandTargets([folder]);
  expect(targets.map((t) => path.relative(folder, t.file.split(' + ')[0]!) + (t.parts ? ` + ${path.basename(t.parts[1]!)}` : ''))).toEqual([
    '芦淞区卫健局2021.docx', '西区卫健局2019.xlsx + 西区卫健局2019.docx', path.join('sub', '另一单位.xlsx'),
  ]);
  const paired = await json(folder);
  expect(paired.files.map((f) => path.basename(f.file))).toEqual(['芦淞区卫健局2021.docx', '西区卫健局2019.docx', '另一单位.xlsx']);
  expect(paired.files[1]!.file).toBe(`${path.join(folder, '西区卫健局2019.xlsx')} + ${path.join(folder, '西区卫健局2019.docx')}`);
  const apart = await json('--no-together', folder);
  expect(apart.files.map((f) => path.basename(f.file))).toEqual(['芦淞区卫健局2021.docx', '西区卫健局2019.docx', '西区卫健局2019.xlsx', '另一单位.xlsx']);
  // --together in a folder: also its one workbook and one report whatever their names
  const lone = path.join(dir, 'lone');
  mkdirSync(lone, { recursive: true });
  copyFileSync(CLEAN, path.join(lone, '自评表.xlsx'));
  writeFileSync(path.join(lone, '自评报告.docx'), await seed003Report());
  expect((await json(lone)).files).toHaveLength(2);
  expect((await json('--together', lone)).files.map((f) => f.file)).toEqual([`${path.join(lone, '自评表.xlsx')} + ${path.join(lone, '自评报告.docx')}`]);
});

test('a sheet name the workbook already has: the report\'s is 表1(报告), said as 报告表1 in the text', async () => {
  // a workbook whose sheet is named 表1, with the seed 003 list under a 合计 that is wrong by 10
  const rows = [rowXml(1, ['项目名称', '支出（万元）']), rowXml(2, ['中医药经费', 0.78]), rowXml(3, ['国卫复审', 12.13]), rowXml(4, ['合计', 22.91])];
  const book = path.join(dir, 'collide.xlsx');
  writeFileSync(book, zip(xlsxParts([{ name: '表1', body: `<sheetData>${rows.join('')}</sheetData>` }])));
  const report = path.join(dir, 'collide.docx');
  writeFileSync(report, await seed003Report());
  const r = await checkFileHere(`${book} + ${report}`, {}, [book, report]);
  expect(r.error).toBeNull();
  expect(r.wordSheets).toEqual(['正文', '表1(报告)']);
  expect(r.tables.map((t) => t.sheet)).toEqual(expect.arrayContaining(['表1', '表1(报告)']));
  const text = (await cli('--together', book, report)).out;
  expect(text).toContain('报告表1 第32行 第3列');
  expect(text).toMatch(/✖ 错误 {2}表1!B4/);
});

test('a part of a pair that cannot be read: the pair\'s entry says which, and the code', async () => {
  const book = path.join(dir, 'broken.xlsx');
  const report = path.join(dir, 'broken.docx');
  copyFileSync(CLEAN, book);
  writeFileSync(report, 'not a zip at all');
  const r = await json('--together', book, report);
  expect(r.files).toHaveLength(1);
  expect(r.files[0]!.errorCode).toBe('notZip');
  expect(r.files[0]!.error).toBe(`${report}：不是 .docx 文件（文件内容不是 Office Open XML 压缩包）：请用 Word 或 WPS 打开后另存为 .docx`);
});
