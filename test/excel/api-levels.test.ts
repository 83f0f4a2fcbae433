/**
 * The add-in within the host's API level. The fake fails, as real Excel does, every call above the level it
 * claims (ApiNotFound when the request runs), and with the local office.js build (npm @microsoft/office-js
 * 1.1.110, 政务内网) it has no `Workbook.notes` and no `RangeAreas.select` at all.
 */
import { checkWorkbook } from '../../src/core';
import { clearMarks, MARK_FILL, markFindings } from '../../src/excel/marks';
import { selectCells } from '../../src/excel/navigate';
import { seed002 } from '../fixtures/seed002';
import { FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

const PROFILES: Array<[string, number, 'cdn' | 'local']> = [
  ['ExcelApi 1.9 (Excel 2016/2019)', 9, 'cdn'],
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
