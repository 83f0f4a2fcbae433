import { checkWorkbook } from '../../src/core';
import { clearMarks, MARK_FILL, markFindings, MARKS_KEY } from '../../src/excel/marks';
import { exportResults, RESULT_SHEET } from '../../src/excel/export';
import { findingKey, withoutIgnored } from '../../src/core/report';
import { ignoreFinding, IGNORED_KEY, readIgnored, restoreIgnored } from '../../src/excel/ignore';
import { selectCells } from '../../src/excel/navigate';
import { UndoStack } from '../../src/excel/writes';
import { seed002 } from '../fixtures/seed002';
import { FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

/** The planted error (局机关 人员支出 310.62) and an over-fill: a person's own fill and note on cells nearby. */
function planted(apiMinor = 18): { fake: FakeExcel; findings: ReturnType<typeof checkWorkbook>['report']['findings'] } {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const fake = FakeExcel.fromSnapshot(wb);
  fake.apiMinor = apiMinor;
  fake.sheet('收支表').fills.set('21,3', { color: '#FFFF00', pattern: 'Solid' }); // D22 was yellow
  fake.state.notes.set('收支表!C22', '经办人的批注');
  installHost(fake);
  const findings = checkWorkbook(wb, 'x', { severity: { 'score/computed': 'off' } }).report.findings;
  return { fake, findings };
}

/** Every fill, note, comment, cell and sheet of the workbook, to compare before and after. */
const look = (fake: FakeExcel) => ({
  fills: fake.state.sheets.map((s) => [s.name, [...s.fills.entries()].sort()]),
  notes: [...fake.state.notes.entries()].sort(),
  comments: [...fake.state.comments.entries()].sort(),
  sheets: fake.state.sheets.map((s) => s.name),
  hash: fake.state.sheets.map((s) => JSON.stringify([...s.cells.entries()].sort())).join('|'),
});
const same = (a: ReturnType<typeof look>, b: ReturnType<typeof look>): void => {
  expect(a.fills).toEqual(b.fills);
  expect(a.notes).toEqual(b.notes);
  expect(a.comments).toEqual(b.comments);
  expect(a.sheets).toEqual(b.sheets);
  expect(a.hash === b.hash).toBe(true);
};

test('标记 colours the culprit cell by severity and notes the message; 清除标记 restores every original fill', async () => {
  const { fake, findings } = planted();
  const before = look(fake);
  await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
  expect(fake.state.notes.get('收支表!D22')).toMatch(/^自评校核：“局机关及二级机构汇总”行“人员支出”为 2137\.98/);
  expect(fake.state.notes.get('收支表!D22')!.split('\n')).toHaveLength(2);
  expect(fake.state.notes.get('收支表!C22')).toBe('经办人的批注');
  expect(fake.state.settings.has(MARKS_KEY)).toBe(true);
  // a new person opens the file: the journal is in the workbook
  await run(fake, (ctx) => clearMarks(ctx));
  same(look(fake), before);
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
});

test('marking twice does not stack, and a clear afterwards still restores the first state', async () => {
  const { fake, findings } = planted();
  const before = look(fake);
  await run(fake, (ctx) => markFindings(ctx, findings));
  await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.fillOf('收支表', 'D22')!.color).toBe(MARK_FILL.error);
  await run(fake, (ctx) => clearMarks(ctx));
  same(look(fake), before);
});

test('with comments instead of notes (ExcelApi 1.10–1.17), a cell that already has a comment keeps it', async () => {
  const { fake, findings } = planted(13);
  fake.state.comments.set('收支表!D22', '已核对');
  const before = look(fake);
  await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.state.comments.get('收支表!D22')).toBe('已核对');
  expect(fake.fillOf('收支表', 'D22')!.color).toBe(MARK_FILL.error);
  await run(fake, (ctx) => clearMarks(ctx));
  same(look(fake), before);
});

test('undo restores every written cell: marks, export (with the sheet it replaced), ignore', async () => {
  const { fake, findings } = planted();
  // a 校验结果 sheet from an earlier export, which the new export replaces
  fake.state.sheets.push({ id: fake.nextSheetId(), name: RESULT_SHEET, visibility: 'Visible', cells: new Map([['0,0', { value: '旧结果' }]]), merges: [], fills: new Map() });
  const before = look(fake);
  const undo = new UndoStack();
  undo.push('标记', await run(fake, (ctx) => markFindings(ctx, findings)));
  const report = checkWorkbook({ sheets: [] }, 'x').report;
  undo.push('导出', await run(fake, (ctx) => exportResults(ctx, { ...report, file: '云溪区卫健局.xlsx', findings })));
  undo.push('忽略', await run(fake, (ctx) => ignoreFinding(ctx, findings[1]!)));
  expect(undo.size).toBe(3);
  expect(fake.cellValue(RESULT_SHEET, 'A1')!.value).toBe('文件');
  expect(fake.cellValue(RESULT_SHEET, 'D2')!.formula).toBe(`=HYPERLINK("#'收支表'!D22","收支表!D22")`);
  expect(fake.state.activeSheet).toBe(RESULT_SHEET);
  expect(await run(fake, (ctx) => undo.undo(ctx))).toBe('忽略');
  expect(fake.state.settings.has(IGNORED_KEY)).toBe(false);
  expect(await run(fake, (ctx) => undo.undo(ctx))).toBe('导出');
  expect(fake.cellValue(RESULT_SHEET, 'A1')!.value).toBe('旧结果');
  expect(await run(fake, (ctx) => undo.undo(ctx))).toBe('标记');
  same(look(fake), before);
  expect(await run(fake, (ctx) => undo.undo(ctx))).toBeUndefined();
});

test('忽略 is kept in the workbook and can be restored', async () => {
  const { fake, findings } = planted();
  await run(fake, (ctx) => ignoreFinding(ctx, findings[0]!, new Date('2026-11-22T08:00:00Z')));
  const list = await run(fake, readIgnored);
  expect(list).toEqual([{ key: findingKey(findings[0]!), rule: 'totals/column-sum', cell: '收支表!D22', message: findings[0]!.message, at: '2026-11-22T08:00:00.000Z' }]);
  expect(withoutIgnored(findings, list).map((f) => f.rule)).toEqual(['identity/row-sum']);
  await run(fake, (ctx) => restoreIgnored(ctx, list[0]!.key));
  expect(await run(fake, readIgnored)).toEqual([]);
});

test('clicking a finding activates its sheet and selects its cells', async () => {
  const { fake, findings } = planted();
  fake.state.activeSheet = '评分表';
  await run(fake, (ctx) => selectCells(ctx, findings[1]!.cells));
  expect(fake.state.activeSheet).toBe('收支表');
  expect(fake.state.selection).toEqual({ sheet: '收支表', address: 'D22,C22,E22' });
});

test('导出 writes texts as texts: the expected and actual figures ("301.62") stay the text the report gives, not numbers', async () => {
  const { fake, findings } = planted();
  await run(fake, (ctx) => exportResults(ctx, { file: '2021.xlsx', error: null, tables: [], findings, scores: [], summary: { errors: 2, warnings: 0, info: 0 } }));
  const fix = fake.cellValue(RESULT_SHEET, 'F2');
  expect(fix?.value).toBe('301.62');
  expect(fake.cellValue(RESULT_SHEET, 'G2')?.value).toBe('310.62');
  expect(fake.cellValue(RESULT_SHEET, 'A2')?.value).toBe('2021.xlsx');
});

test('清除标记 brings back a patterned, tinted fill with its pattern and tint, not only its colour', async () => {
  const { fake, findings } = planted();
  fake.sheet('收支表').fills.set('21,3', { color: '#FFFF00', pattern: 'LightDown', tint: -0.25 });
  await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
  await run(fake, (ctx) => clearMarks(ctx));
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: '#FFFF00', pattern: 'LightDown', tint: -0.25 });
});

test('撤销 of 清除标记 brings the comments back with their text (ExcelApi 1.10–1.17)', async () => {
  const { fake, findings } = planted(14);
  await run(fake, (ctx) => markFindings(ctx, findings));
  const text = fake.state.comments.get('收支表!D22');
  expect(text).toMatch(/^自评校核：/);
  const undo = new UndoStack();
  undo.push('清除标记', await run(fake, (ctx) => clearMarks(ctx)));
  expect(fake.state.comments.has('收支表!D22')).toBe(false);
  await run(fake, (ctx) => undo.undo(ctx));
  expect(fake.state.comments.get('收支表!D22')).toBe(text);
});

/** Two findings on two cells: the planted one (D22) and a copy of it on D30. */
function twoCells(findings: ReturnType<typeof checkWorkbook>['report']['findings']) {
  return [findings[0]!, { ...findings[0]!, cells: ['收支表!D30'] }];
}

test.each([
  ['ExcelApi 1.14: a legacy note the add-in cannot see (notes are 1.18) where the comment would go', 14, 'notes'],
  ['ExcelApi 1.18: a threaded comment where the note would go', 18, 'comments'],
] as const)('标记 on a cell that already holds the other kind — %s — marks every cell, keeps the person’s, and clears exactly', async (_name, minor, theirs) => {
  const { fake, findings } = planted(minor);
  fake.state[theirs].set('收支表!D22', '经办人写的');
  const before = look(fake);
  await run(fake, (ctx) => markFindings(ctx, twoCells(findings)));
  expect(fake.fillOf('收支表', 'D22')!.color).toBe(MARK_FILL.error);
  expect(fake.fillOf('收支表', 'D30')!.color).toBe(MARK_FILL.error);
  expect(fake.state[theirs].get('收支表!D22')).toBe('经办人写的');
  const ours = theirs === 'notes' ? fake.state.comments : fake.state.notes;
  expect(ours.has('收支表!D22')).toBe(false);
  expect(ours.get('收支表!D30')).toMatch(/^自评校核：/);
  await run(fake, (ctx) => clearMarks(ctx));
  same(look(fake), before);
});

test('标记 at ExcelApi 1.14 where several cells hold legacy notes: each collision is its own, the other cells get their comments', async () => {
  const { fake, findings } = planted(14);
  const marks = [...twoCells(findings), { ...findings[0]!, cells: ['收支表!D31'] }, { ...findings[0]!, cells: ['收支表!D32'] }];
  fake.state.notes.set('收支表!D30', '甲');
  fake.state.notes.set('收支表!D32', '乙');
  const undo = new UndoStack();
  undo.push('标记', await run(fake, (ctx) => markFindings(ctx, marks)));
  expect([...fake.state.comments.keys()].sort()).toEqual(['收支表!D22', '收支表!D31']);
  expect(fake.state.notes.get('收支表!D30')).toBe('甲');
  await run(fake, (ctx) => undo.undo(ctx));
  expect(fake.state.comments.size).toBe(0);
  expect(fake.state.notes.get('收支表!D32')).toBe('乙');
});

test.each([1, 8])('below ExcelApi 1.9 (here 1.%i: no fill pattern or tint) 清除标记 brings a person’s fill back by its colour', async (minor) => {
  const { fake, findings } = planted(minor);
  const before = look(fake);
  await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.fillOf('收支表', 'D22')!.color).toBe(MARK_FILL.error);
  await run(fake, (ctx) => clearMarks(ctx));
  same(look(fake), before);
});

test('marks made on a newer Excel (a patterned fill under them) are cleared on Excel 2019 by colour, without failing', async () => {
  const { fake, findings } = planted(18);
  fake.sheet('收支表').fills.set('21,3', { color: '#FFFF00', pattern: 'LightDown', tint: -0.25 });
  await run(fake, (ctx) => markFindings(ctx, findings));
  fake.apiMinor = 8;
  await run(fake, (ctx) => clearMarks(ctx));
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
  expect(fake.state.settings.has(MARKS_KEY)).toBe(false);
  // Excel 2019 has no API for notes at all: the mark's note stays (to be deleted by hand)
  expect(fake.state.notes.get('收支表!D22')).toMatch(/^自评校核：/);
});
