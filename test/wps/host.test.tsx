/**
 * @jest-environment jsdom
 */
/**
 * The pane's whole flow inside WPS 表格 (issue 11), on the fake ET Application: check, click, 标记 (BGR fills and
 * comments), 清除标记 (the original fills and comments back exactly), 忽略 (kept in the workbook's custom document
 * properties, seen by the next person who opens it), 导出, 填入计算得分, 撤销 for every write, and a live edit.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { MARK_FILL } from '../../src/excel/marks';
import { sampleWorkbook } from '../../src/sample';
import { App } from '../../src/taskpane/components/App';
import { detectWps, WpsHost } from '../../src/wps/host';
import { EtApp } from '../../src/wps/snapshot';
import { bgrToHex, EtBook, hexToBgr, readSetting } from '../../src/wps/writes';
import { fakeFromSnapshot, FakeEt, FakeRangeEt } from './fake-et';

const et = (f: FakeEt): EtApp => f as unknown as EtApp;
const book = (f: FakeEt): EtBook => f.ActiveWorkbook as unknown as EtBook;
const cell = (f: FakeEt, sheet: string, a: string): FakeRangeEt => f.ActiveWorkbook.Worksheets.Item(sheet).Range(a);

function setup(): { fake: FakeEt; host: WpsHost } {
  const fake = fakeFromSnapshot(sampleWorkbook());
  // a fill and a comment of the person's own, on the cell the planted error is in
  cell(fake, '收支表', 'D22').Interior.Color = hexToBgr('#00B050');
  cell(fake, '收支表', 'E22').AddComment('王会计：已核对');
  const host = detectWps({ Application: fake })!;
  render(<FluentProvider theme={webLightTheme}><App host={host} storage={undefined} /></FluentProvider>);
  return { fake, host };
}

test('colours are BGR in ET', () => {
  expect(hexToBgr('#F8CBAD')).toBe(0xadcbf8);
  expect(bgrToHex(0xadcbf8)).toBe('#F8CBAD');
});

test('in WPS: check, click, 标记, 清除标记, 导出, 忽略, 填入计算得分, 撤销, live edit', async () => {
  const { fake } = setup();
  expect(screen.getByText(/WPS 表格/)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  // click: the sheet is activated first, then the cell selected
  fake.ActiveSheet = fake.ActiveWorkbook.Worksheets.Item('评分表');
  fireEvent.click(document.querySelector<HTMLElement>('[data-finding]')!);
  await waitFor(() => expect(fake.selection).toBe('收支表!D22'));
  // 标记: BGR fill by severity, a comment with the message; the person's own comment elsewhere untouched
  fake.screenLog.length = 0;
  fireEvent.click(screen.getByRole('button', { name: '标记' }));
  await waitFor(() => expect(cell(fake, '收支表', 'D22').Interior.Color).toBe(hexToBgr(MARK_FILL.error)));
  expect(cell(fake, '收支表', 'D22').Comment!.Text()).toMatch(/^自评校核：/);
  expect(fake.screenLog).toEqual([false, true]);
  expect(readSetting(book(fake), 'selfeval.marks')).toBeTruthy();
  // 清除标记: the person's green fill and comments back exactly
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  await waitFor(() => expect(cell(fake, '收支表', 'D22').Interior.Color).toBe(hexToBgr('#00B050')));
  expect(cell(fake, '收支表', 'D22').Comment).toBeNull();
  expect(cell(fake, '收支表', 'E22').Comment!.Text()).toBe('王会计：已核对');
  // 撤销 of 清除标记 brings the marks back; 撤销 of 标记 the original state
  fireEvent.click(screen.getByRole('button', { name: '撤销“清除标记”' }));
  await waitFor(() => expect(cell(fake, '收支表', 'D22').Interior.Color).toBe(hexToBgr(MARK_FILL.error)));
  fireEvent.click(screen.getByRole('button', { name: '撤销“标记”' }));
  await waitFor(() => expect(cell(fake, '收支表', 'D22').Interior.Color).toBe(hexToBgr('#00B050')));
  expect(cell(fake, '收支表', 'D22').Comment).toBeNull();
  // 导出: a 校验结果 sheet, active; 撤销 removes it
  fireEvent.click(screen.getByRole('button', { name: '导出结果' }));
  await waitFor(() => expect(fake.ActiveWorkbook.sheets.map((s) => s.Name)).toContain('校验结果'));
  expect(fake.ActiveSheet!.Name).toBe('校验结果');
  const rows = cell(fake, '校验结果', 'A1:I2').Value2 as unknown[][];
  expect(rows[0]).toEqual(['文件', '表', '级别', '单元格', '说明', '应为', '实为', '建议改为', '规则']);
  fireEvent.click(screen.getByRole('button', { name: '撤销“导出”' }));
  await waitFor(() => expect(fake.ActiveWorkbook.sheets.map((s) => s.Name)).not.toContain('校验结果'));
  // 忽略: the finding leaves the list, and the list is in the workbook's properties
  fireEvent.click(screen.getByRole('button', { name: '忽略：评分表!F28' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(2));
  expect((readSetting(book(fake), 'selfeval.ignored') as Array<{ cell: string }>).map((x) => x.cell)).toEqual(['评分表!F28']);
  // 填入计算得分 with its preview, and 撤销
  fireEvent.click(screen.getByRole('tab', { name: '评分' }));
  fireEvent.click(screen.getByRole('button', { name: '填入计算得分' }));
  fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认填入' }));
  await waitFor(() => expect(cell(fake, '评分表', 'F3').Value2).toBe(0));
  fireEvent.click(await screen.findByRole('button', { name: '撤销“填入计算得分”' }));
  await waitFor(() => expect(cell(fake, '评分表', 'F3').Value2).toBe(5));
  expect(screen.queryByText('出错了')).toBeNull();
  fireEvent.click(screen.getByRole('tab', { name: '校验结果' }));
  // 改为建议值 on the suspected cell writes 301.62 into D22 and checks again; 撤销 puts 310.62 back
  fireEvent.click(await screen.findByRole('button', { name: '改为建议值：收支表!D22 → 301.62' }));
  await waitFor(() => expect(cell(fake, '收支表', 'D22').Value2).toBe(301.62));
  await waitFor(() => expect(document.querySelector('[data-group="收支表!D22"]')).toBeNull());
  fireEvent.click(await screen.findByRole('button', { name: '撤销“改为建议值”' }));
  await waitFor(() => expect(cell(fake, '收支表', 'D22').Value2).toBe(310.62));
  await waitFor(() => expect(document.querySelector('[data-group="收支表!D22"]')).toBeTruthy());
  // (a change on D22 within ECHO_MS of the undo's own write is taken as its echo: the person edits after it)
  await new Promise((r) => setTimeout(r, 600));
  // a person fixes the figure: SheetChange re-checks; the arithmetic errors are gone, the ignored one stays away
  fake.userEdit('收支表', 'D22', 301.62);
  await waitFor(() => expect([...document.querySelectorAll('[data-finding]')].map((b) => b.getAttribute('data-finding'))).toEqual(['score/computed|评分表!F3|differs']), { timeout: 3000 });
});

test('忽略 is kept in the workbook: a new pane on the same workbook sees it; 恢复 and 撤销', async () => {
  const fake = fakeFromSnapshot(sampleWorkbook());
  const host = new WpsHost(et(fake));
  const report = (await import('../../src/core')).checkWorkbook(await host.read(), 'x').report;
  const f = report.findings[0]!;
  await host.ignore(f);
  const again = new WpsHost(et(fake));
  expect((await again.ignored()).map((x) => x.rule)).toEqual([f.rule]);
  // long lists are kept in parts: a property holds at most 255 characters
  for (const g of report.findings) await host.ignore(g);
  expect(fake.ActiveWorkbook.CustomDocumentProperties.Count).toBeGreaterThan(2);
  expect((await again.ignored())).toHaveLength(report.findings.length);
  expect(await host.undo()).toBe('忽略');
  await again.restore((await again.ignored())[0]!.key);
  expect((await again.ignored()).length).toBe(report.findings.length - 2);
});

test('填入计算得分 writes numbers as one step; 撤销 puts back what was there; protected sheets are skipped and said', async () => {
  const fake = fakeFromSnapshot(sampleWorkbook());
  const host = new WpsHost(et(fake));
  const before = cell(fake, '评分表', 'F3').Value2;
  await host.writeNumbers('填入计算得分', [{ cell: '评分表!F3', value: 0 }]);
  expect(cell(fake, '评分表', 'F3').Value2).toBe(0);
  expect(await host.undo()).toBe('填入计算得分');
  expect(cell(fake, '评分表', 'F3').Value2).toBe(before);
  fake.ActiveWorkbook.Worksheets.Item('评分表').ProtectContents = true;
  const notice = await host.writeNumbers('填入计算得分', [{ cell: '评分表!F3', value: 0 }]);
  expect(notice).toEqual({ skipped: [{ sheet: '评分表', address: 'F3', reason: 'protected' }] });
});

test('screen updating comes back on when a write fails half way', async () => {
  const fake = fakeFromSnapshot(sampleWorkbook());
  const host = new WpsHost(et(fake));
  const spy = jest.spyOn(FakeRangeEt.prototype, 'AddComment').mockImplementation(() => {
    throw new Error('WPS refused the comment');
  });
  try {
    const report = (await import('../../src/core')).checkWorkbook(await host.read(), 'x').report;
    await expect(host.mark(report.findings)).rejects.toThrow('WPS refused the comment');
    expect(fake.ScreenUpdating).toBe(true);
    expect(fake.screenLog[fake.screenLog.length - 1]).toBe(true);
  } finally {
    spy.mockRestore();
  }
});

test('outside WPS there is no WPS host', () => {
  expect(detectWps({})).toBeNull();
  expect(detectWps({ Application: { Name: 'something else' } })).toBeNull();
});

test('the red bar: a finding on a hidden sheet says so, and the next click that selects takes the bar away', async () => {
  const fake = fakeFromSnapshot(sampleWorkbook());
  fake.ActiveWorkbook.Worksheets.Item('评分表').Visible = 0;
  render(<FluentProvider theme={webLightTheme}><App host={detectWps({ Application: fake })!} storage={undefined} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  const finding = (cellRef: string): HTMLElement => [...document.querySelectorAll<HTMLElement>('[data-finding]')].find((b) => b.getAttribute('data-finding')!.includes(cellRef))!;
  fireEvent.click(finding('评分表!F3'));
  expect(await screen.findByText(/工作表“评分表”已隐藏/)).toBeTruthy();
  expect(screen.getByText('出错了')).toBeTruthy();
  fireEvent.click(finding('收支表!D22'));
  await waitFor(() => expect(fake.selection).toBe('收支表!D22'));
  await waitFor(() => expect(screen.queryByText('出错了')).toBeNull());
});
