/**
 * The add-in within the host's API level. The fake fails, as real Excel does, every call above the level it
 * claims (ApiNotFound when the request runs), and with the local office.js build (npm @microsoft/office-js
 * 1.1.110, 政务内网) it has no `Workbook.notes` and no `RangeAreas.select` at all.
 */
import { checkWorkbook } from '../../src/core';
import { clearMarks, MARK_FILL, markFindings } from '../../src/excel/marks';
import { selectCells } from '../../src/excel/navigate';
import { exportResults, RESULT_SHEET } from '../../src/excel/export';
import { ignoreFinding, IGNORED_KEY, readIgnored, restoreIgnored } from '../../src/excel/ignore';
import { readSnapshot } from '../../src/excel/snapshot';
import { UndoStack } from '../../src/excel/writes';
import { ExcelHost } from '../../src/excel/host';
import { findingKey } from '../../src/core/report';
import { seed002 } from '../fixtures/seed002';
import { FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

const PROFILES: Array<[string, number, 'cdn' | 'local']> = [
  ['ExcelApi 1.1 (Excel 2016 volume licence)', 1, 'cdn'],
  ['ExcelApi 1.4', 4, 'cdn'],
  ['ExcelApi 1.7', 7, 'cdn'],
  ['ExcelApi 1.8 (Excel 2019 volume licence)', 8, 'cdn'],
  ['ExcelApi 1.9', 9, 'cdn'],
  ['ExcelApi 1.14 (Excel 2021)', 14, 'cdn'],
  ['ExcelApi 1.17 (Office 2024)', 17, 'cdn'],
  ['ExcelApi 1.18', 18, 'cdn'],
  ['ExcelApi 1.18 host with the local office.js', 18, 'local'],
];

function host(apiMinor: number, profile: 'cdn' | 'local'): { fake: FakeExcel; findings: ReturnType<typeof checkWorkbook>['report']['findings'] } {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const fake = FakeExcel.fromSnapshot(wb);
  fake.apiMinor = apiMinor;
  fake.profile = profile;
  installHost(fake);
  return { fake, findings: checkWorkbook(wb, 'x', { severity: { 'score/computed': 'off' } }).report.findings };
}

describe.each(PROFILES)('%s', (_name, minor, profile) => {
  test('the workbook reads as at the newest level (merged areas from 1.13 only), a blank sheet as blank', async () => {
    const { fake } = host(minor, profile);
    fake.addSheet('空白');
    const got = await run(fake, readSnapshot);
    fake.apiMinor = 18;
    const full = await run(fake, readSnapshot);
    const noMerges = (wb: typeof full) => ({ sheets: wb.sheets.map((s) => ({ ...s, merges: [] })) });
    expect(minor >= 13 ? got : noMerges(got)).toEqual(minor >= 13 ? full : noMerges(full));
    expect(got.sheets.find((s) => s.name === '空白')!.values).toEqual([]);
  });

  test('the host says what this Excel cannot do: live checking below 1.7, comments below 1.10, several areas below 1.18 or in the local office.js', () => {
    host(minor, profile);
    const said = new ExcelHost().limitations('zh');
    expect(said.some((x) => x.includes('实时校验'))).toBe(minor < 7);
    expect(said.some((x) => x.includes('只填充颜色'))).toBe(minor < 10);
    expect(said.some((x) => x.includes('第一个单元格'))).toBe(minor < 18 || profile === 'local');
    expect(new ExcelHost().limitations('en')).toHaveLength(said.length);
  });

  test('忽略 and 恢复 keep the list in the document settings (Workbook.settings from 1.4, the Common API below)', async () => {
    const { fake, findings } = host(minor, profile);
    await run(fake, (ctx) => ignoreFinding(ctx, findings[0]!));
    expect(fake.state.settings.get(IGNORED_KEY)).toHaveLength(1);
    expect((await run(fake, readIgnored)).map((x) => x.key)).toEqual([findingKey(findings[0]!)]);
    await run(fake, (ctx) => restoreIgnored(ctx, findingKey(findings[0]!)));
    expect(fake.state.settings.has(IGNORED_KEY)).toBe(false);
  });

  test('导出 over an earlier 校验结果 and its undo bring the old sheet back', async () => {
    const { fake, findings } = host(minor, profile);
    const undo = new UndoStack();
    const report = { file: 'x.xlsx', error: null, tables: [], findings, scores: [], summary: { errors: 2, warnings: 0, info: 0 } };
    undo.push('导出', await run(fake, (ctx) => exportResults(ctx, report)));
    fake.userEdit(RESULT_SHEET, 'A1', '旧结果');
    undo.push('导出', await run(fake, (ctx) => exportResults(ctx, report)));
    expect(fake.cellValue(RESULT_SHEET, 'A1')!.value).toBe('文件');
    await run(fake, (ctx) => undo.undo(ctx));
    expect(fake.cellValue(RESULT_SHEET, 'A1')!.value).toBe('旧结果');
    await run(fake, (ctx) => undo.undo(ctx));
    expect(fake.state.sheets.map((s) => s.name)).not.toContain(RESULT_SHEET);
  });

  test('clicking a finding selects its cells: all of them where RangeAreas.select is there, else the first', async () => {
    const { fake } = host(minor, profile);
    await run(fake, (ctx) => selectCells(ctx, ['收支表!D22', '收支表!D21', '收支表!D22:D31']));
    expect(fake.state.activeSheet).toBe('收支表');
    expect(fake.state.selection).toEqual({ sheet: '收支表', address: minor >= 18 && profile === 'cdn' ? 'D22,D21,D22:D31' : 'D22' });
  });

  test('标记 and 清除标记 work, with notes only where the loaded office.js has them', async () => {
    const { fake, findings } = host(minor, profile);
    await run(fake, (ctx) => markFindings(ctx, findings));
    expect(fake.fillOf('收支表', 'D22')).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
    const notes = minor >= 18 && profile === 'cdn';
    if (notes) expect(fake.state.notes.get('收支表!D22')).toMatch(/^自评校核：/);
    else if (minor >= 10) expect(fake.state.comments.get('收支表!D22')).toMatch(/^自评校核：/);
    if (!notes) expect(fake.state.notes.has('收支表!D22')).toBe(false);
    await run(fake, (ctx) => clearMarks(ctx));
    expect(fake.fillOf('收支表', 'D22')).toBeUndefined();
    expect(fake.state.notes.has('收支表!D22')).toBe(false);
    expect(fake.state.comments.has('收支表!D22')).toBe(false);
  });
});

test('the fake, like office.js 1.1.110, throws at the reading of a member above the host’s level, before anything is queued', async () => {
  const { fake } = host(1, 'cdn');
  await run(fake, async (ctx) => {
    const wb = ctx.workbook;
    expect(() => wb.settings).toThrow(/ApiNotFound: Workbook.settings needs ExcelApi 1.4/);
    expect(() => wb.comments).toThrow(/ApiNotFound/);
    expect(() => wb.worksheets.getItemOrNullObject('收支表')).toThrow(/ApiNotFound/);
    expect(() => wb.worksheets.onChanged).toThrow(/ApiNotFound/);
    expect(() => wb.worksheets.getItem('收支表').onChanged).toThrow(/ApiNotFound/);
    expect(() => wb.worksheets.getItem('收支表').getRangeByIndexes(0, 0, 1, 1)).toThrow(/ApiNotFound/);
    expect(() => wb.worksheets.getItem('收支表').getRange('A1').format.fill.pattern).toThrow(/ApiNotFound/);
  });
  fake.apiMinor = 18;
  fake.profile = 'local';
  await run(fake, async (ctx) => {
    // the local build gates onNameChanged on ExcelApiOnline, which no desktop Excel has
    expect(() => ctx.workbook.worksheets.onNameChanged).toThrow(/ApiNotFound: .*ExcelApiOnline/);
    expect(ctx.workbook.notes).toBeUndefined();
    expect(() => ctx.workbook.worksheets.onChanged).not.toThrow();
  });
});
