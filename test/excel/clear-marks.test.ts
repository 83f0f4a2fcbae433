/**
 * 清除标记 never dead-ends: whatever the person did to the marked workbook since — deleted a comment the add-in
 * added, edited its note, renamed or deleted a marked sheet — the saved marks can always be cleared. What the
 * add-in added and still finds as it wrote it is removed; what is gone is skipped; what the person changed is
 * theirs and stays; and the pane is told what was skipped.
 */
import { checkWorkbook } from '../../src/core';
import { clearMarks, markFindings, MARKS_KEY } from '../../src/excel/marks';
import { seed002 } from '../fixtures/seed002';
import { FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

function marked(apiMinor: number): { fake: FakeExcel; findings: ReturnType<typeof checkWorkbook>['report']['findings'] } {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const fake = FakeExcel.fromSnapshot(wb);
  fake.apiMinor = apiMinor;
  fake.sheet('收支表').fills.set('21,3', { color: '#FFFF00', pattern: 'Solid' }); // D22 was yellow
  installHost(fake);
  return { fake, findings: checkWorkbook(wb, 'x', { severity: { 'score/computed': 'off' } }).report.findings };
}

test('a comment the person deleted (ExcelApi 1.14) is skipped, and the rest is cleared', async () => {
  const { fake, findings } = marked(14);
  await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.state.comments.has('收支表!D22')).toBe(true);
  fake.state.comments.delete('收支表!D22');
  const r = await run(fake, (ctx) => clearMarks(ctx));
  expect(r.skipped).toEqual([{ sheet: '收支表', address: 'D22', reason: 'note-gone' }]);
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
  expect(fake.state.settings.has(MARKS_KEY)).toBe(false);
});

test('a note the person edited (ExcelApi 1.18) is theirs now: it stays, and the fill is restored', async () => {
  const { fake, findings } = marked(18);
  await run(fake, (ctx) => markFindings(ctx, findings));
  fake.state.notes.set('收支表!D22', '已核实：应为 301.62，下周改');
  const r = await run(fake, (ctx) => clearMarks(ctx));
  expect(r.skipped).toEqual([{ sheet: '收支表', address: 'D22', reason: 'note-edited' }]);
  expect(fake.state.notes.get('收支表!D22')).toBe('已核实：应为 301.62，下周改');
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
});

test('a sheet renamed since marking is found by its id: its marks are cleared', async () => {
  const { fake, findings } = marked(18);
  await run(fake, (ctx) => markFindings(ctx, findings));
  fake.renameSheet('收支表', '收支情况表');
  const r = await run(fake, (ctx) => clearMarks(ctx));
  expect(r.skipped ?? []).toEqual([]);
  expect(fake.fillOf('收支情况表', 'D22')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
  expect(fake.state.notes.has('收支情况表!D22')).toBe(false);
});

test('a sheet deleted since marking is skipped and said; the saved marks are gone, so 标记 works again', async () => {
  const { fake, findings } = marked(18);
  await run(fake, (ctx) => markFindings(ctx, findings));
  fake.deleteSheet('收支表');
  const r = await run(fake, (ctx) => clearMarks(ctx));
  expect(r.skipped?.map((x) => `${x.sheet}!${x.address}:${x.reason}`)).toContain('收支表!D22:sheet-gone');
  expect(fake.state.settings.has(MARKS_KEY)).toBe(false);
  await expect(run(fake, (ctx) => markFindings(ctx, findings.filter((f) => !f.cells[0]!.startsWith('收支表'))))).resolves.toBeDefined();
});

test('标记 over marks whose sheet was deleted (it clears first) does not fail', async () => {
  const { fake, findings } = marked(14);
  await run(fake, (ctx) => markFindings(ctx, findings));
  fake.deleteSheet('收支表');
  const r = await run(fake, (ctx) => markFindings(ctx, []));
  expect(r.skipped?.some((x) => x.reason === 'sheet-gone')).toBe(true);
});
