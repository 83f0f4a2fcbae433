/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { ExcelHost } from '../../src/excel/host';
import { MARK_FILL } from '../../src/excel/marks';
import { sampleWorkbook } from '../../src/sample';
import { App } from '../../src/taskpane/components/App';
import { FakeExcel } from '../excel/fake-excel';
import { installHost, uninstallHost } from '../excel/helpers';

afterEach(uninstallHost);

test('in Excel: the pane checks the open workbook, selects, marks, exports and undoes through Office.js', async () => {
  const fake = FakeExcel.fromSnapshot(sampleWorkbook());
  installHost(fake);
  const host = new ExcelHost();
  render(<FluentProvider theme={webLightTheme}><App host={host} storage={undefined} /></FluentProvider>);
  expect(screen.queryByText(/预览模式/)).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  expect(fake.listeners('onChanged')).toBe(1);
  fireEvent.click(document.querySelector<HTMLElement>('[data-finding]')!);
  await waitFor(() => expect(fake.state.selection).toEqual({ sheet: '收支表', address: 'D22,D21,D22:D31' }));
  fireEvent.click(screen.getByRole('button', { name: '标记' }));
  await waitFor(() => expect(fake.fillOf('收支表', 'D22')?.color).toBe(MARK_FILL.error));
  fireEvent.click(screen.getByRole('button', { name: '导出结果' }));
  await waitFor(() => expect(fake.state.sheets.map((s) => s.name)).toContain('校验结果'));
  fireEvent.click(screen.getByRole('button', { name: '撤销“导出”' }));
  await waitFor(() => expect(fake.state.sheets.map((s) => s.name)).not.toContain('校验结果'));
  fireEvent.click(screen.getByRole('button', { name: '撤销“标记”' }));
  await waitFor(() => expect(fake.fillOf('收支表', 'D22')).toBeUndefined());
  // a person fixes the figure: live checking finds no arithmetic error left (the scoring warning stays)
  fake.userEdit('收支表', 'D22', 301.62);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(2), { timeout: 3000 });
  expect([...document.querySelectorAll('[data-finding]')].map((b) => b.getAttribute('data-finding'))).toEqual(['score/computed|评分表!F3|differs', 'score/computed|评分表!F28|total']);
});

test('清除标记 after the person deleted a marked comment: no error, the pane says what it left alone', async () => {
  const fake = FakeExcel.fromSnapshot(sampleWorkbook());
  fake.apiMinor = 14; // comments, not notes
  installHost(fake);
  const host = new ExcelHost();
  render(<FluentProvider theme={webLightTheme}><App host={host} storage={undefined} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]').length).toBeGreaterThan(0));
  fireEvent.click(screen.getByRole('button', { name: '标记' }));
  await waitFor(() => expect(fake.state.comments.has('收支表!D22')).toBe(true));
  fake.state.comments.delete('收支表!D22');
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  await waitFor(() => expect(screen.getByText('部分单元格未处理')).toBeTruthy());
  expect(screen.getByText(/收支表!D22（批注已被删除）/)).toBeTruthy();
  expect(screen.queryByText('出错了')).toBeNull();
  expect(fake.fillOf('收支表', 'D22')).toBeUndefined();
});

test('live checking works from the pane’s current state: an ignored finding stays ignored, filled-in scores stay filled in', async () => {
  const fake = FakeExcel.fromSnapshot(sampleWorkbook());
  installHost(fake);
  render(<FluentProvider theme={webLightTheme}><App host={new ExcelHost()} storage={undefined} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  // (a) ignore the scoring warning, then an edit elsewhere: it must not come back
  fireEvent.click(screen.getByRole('button', { name: '忽略：评分表!F3' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  fake.userEdit('收支表', 'B40', 0);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'B40' });
  await new Promise((r) => setTimeout(r, 700));
  expect([...document.querySelectorAll('[data-finding]')].map((b) => b.getAttribute('data-finding'))).not.toContain('score/computed|评分表!F3|differs');
  // (b) fill in the computed scores, then an edit elsewhere: the live copy has the new scores, not 自评 5
  fireEvent.click(screen.getByRole('tab', { name: '评分' }));
  fireEvent.click(screen.getByRole('button', { name: '填入计算得分' }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.click(within(dialog).getByRole('button', { name: '确认填入' }));
  await waitFor(() => expect(fake.cellValue('评分表', 'F3')!.value).toBe(0));
  fake.userEdit('收支表', 'B41', 0);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'B41' });
  await new Promise((r) => setTimeout(r, 700));
  const scoreLine = [...document.querySelectorAll('li, [role="row"], div')].find((n) => n.textContent?.startsWith('财政供养人员控制率'));
  expect(scoreLine?.textContent ?? '').not.toContain('自评 5');
});

test('实时校验 switched off and on again reads the workbook afresh and checks it: edits made while it was off are seen', async () => {
  const fake = FakeExcel.fromSnapshot(sampleWorkbook());
  installHost(fake);
  render(<FluentProvider theme={webLightTheme}><App host={new ExcelHost()} storage={undefined} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  await waitFor(() => expect(fake.listeners('onChanged')).toBe(1));
  fireEvent.click(screen.getByRole('switch', { name: '实时校验' }));
  await waitFor(() => expect(fake.listeners('onChanged')).toBe(0));
  // fixed while nobody listened: no event will ever say so
  fake.userEdit('收支表', 'D22', 301.62);
  fireEvent.click(screen.getByRole('switch', { name: '实时校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(2), { timeout: 3000 });
  expect(fake.listeners('onChanged')).toBe(1);
  expect(screen.queryByText('出错了')).toBeNull();
});

describe.each([
  ['ExcelApi 1.1 (Excel 2016 volume licence)', 1, 'cdn'], ['ExcelApi 1.4', 4, 'cdn'], ['ExcelApi 1.7', 7, 'cdn'], ['ExcelApi 1.8 (Excel 2019 volume licence)', 8, 'cdn'],
  ['ExcelApi 1.9', 9, 'cdn'], ['ExcelApi 1.14', 14, 'cdn'], ['ExcelApi 1.17', 17, 'cdn'], ['ExcelApi 1.18', 18, 'cdn'], ['ExcelApi 1.18 with the local office.js', 18, 'local'],
] as const)('the pane’s whole flow on %s', (_name, minor, profile) => {
  test('check, click, 标记, 清除标记, 忽略, 导出, 填入计算得分, 撤销, live edit', async () => {
    const fake = FakeExcel.fromSnapshot(sampleWorkbook());
    fake.apiMinor = minor;
    fake.profile = profile;
    fake.echoWrites = true; // the add-in's own writes come back as events, after the write, as in Excel
    installHost(fake);
    render(<FluentProvider theme={webLightTheme}><App host={new ExcelHost()} storage={undefined} /></FluentProvider>);
    fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
    await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
    // live checking from ExcelApi 1.7 (Worksheet.onChanged); below, the pane says so and 一键校验 does the rest
    if (minor < 7) {
      // said in full until the first check; then under 详情
      fireEvent.click(await screen.findByRole('button', { name: '详情' }));
      await waitFor(() => expect(screen.getByText(/不支持实时校验（需要 ExcelApi 1\.7/)).toBeTruthy());
    } else await waitFor(() => expect(fake.listeners('onChanged')).toBeGreaterThan(0));
    fireEvent.click(document.querySelector<HTMLElement>('[data-finding]')!);
    await waitFor(() => expect(fake.state.selection?.address).toBe(minor >= 18 && profile === 'cdn' ? 'D22,D21,D22:D31' : 'D22'));
    // 改为建议值 on the suspected cell, then 撤销
    fireEvent.click(await screen.findByRole('button', { name: '改为建议值：收支表!D22 → 301.62' }));
    await waitFor(() => expect(fake.cellValue('收支表', 'D22')!.value).toBe(301.62));
    await waitFor(() => expect(document.querySelector('[data-group="收支表!D22"]')).toBeNull());
    fireEvent.click(await screen.findByRole('button', { name: '撤销“改为建议值”' }));
    await waitFor(() => expect(fake.cellValue('收支表', 'D22')!.value).toBe(310.62));
    await waitFor(() => expect(document.querySelector('[data-group="收支表!D22"]')).toBeTruthy());
    // (the echo of the undo's write comes after the request, as in Excel: let it arrive before the person's edit)
    await new Promise((r) => setTimeout(r, 700));
    fireEvent.click(screen.getByRole('button', { name: '标记' }));
    await waitFor(() => expect(fake.fillOf('收支表', 'D22')?.color).toBe(MARK_FILL.error));
    // the message as a note (1.18, not in the local office.js), a comment (1.10), or, below, the fill alone
    const notes = minor >= 18 && profile === 'cdn';
    await waitFor(() => expect([fake.state.notes.has('收支表!D22'), fake.state.comments.has('收支表!D22')]).toEqual([notes, !notes && minor >= 10]));
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(fake.fillOf('收支表', 'D22')).toBeUndefined());
    expect(fake.state.notes.size + fake.state.comments.size).toBe(0);
    expect(fake.state.settings.size).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '忽略：评分表!F28' }));
    await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '导出结果' }));
    await waitFor(() => expect(fake.state.sheets.map((s) => s.name)).toContain('校验结果'));
    fireEvent.click(screen.getByRole('button', { name: '撤销“导出”' }));
    await waitFor(() => expect(fake.state.sheets.map((s) => s.name)).not.toContain('校验结果'));
    fireEvent.click(screen.getByRole('tab', { name: '评分' }));
    fireEvent.click(screen.getByRole('button', { name: '填入计算得分' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认填入' }));
    await waitFor(() => expect(fake.cellValue('评分表', 'F3')!.value).toBe(0));
    fireEvent.click(await screen.findByRole('button', { name: '撤销“填入计算得分”' }));
    await waitFor(() => expect(fake.cellValue('评分表', 'F3')!.value).toBe(5));
    if (minor >= 7) expect(screen.queryByText('出错了')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '校验结果' }));
    fake.userEdit('收支表', 'D22', 301.62);
    await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
    if (minor < 7) fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
    await waitFor(() => expect([...document.querySelectorAll('[data-finding]')].map((b) => b.getAttribute('data-finding'))).toEqual(['score/computed|评分表!F3|differs']), { timeout: 4000 });
  });
});
