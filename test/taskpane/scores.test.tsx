/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { ExcelHost } from '../../src/excel/host';
import { VALUES_KEY } from '../../src/excel/indicators';
import { sampleWorkbook } from '../../src/sample';
import { App } from '../../src/taskpane/components/App';
import { PreviewHost } from '../../src/taskpane/preview-host';
import { FakeExcel } from '../excel/fake-excel';
import { installHost, uninstallHost } from '../excel/helpers';

afterEach(uninstallHost);

const line = (name: string): HTMLElement => document.querySelector<HTMLElement>(`[data-score="${name}"]`)!;

async function openScores(host: PreviewHost | ExcelHost): Promise<void> {
  render(<FluentProvider theme={webLightTheme}><App host={host} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]').length).toBeGreaterThan(0));
  fireEvent.click(screen.getByRole('tab', { name: '评分' }));
  await waitFor(() => expect(line('财政供养人员控制率')).toBeTruthy());
}

test('the 评分 tab shows 分值, 自评, 计算 and the working; a value typed for an indicator is scored', async () => {
  const host = new PreviewHost();
  await openScores(host);
  const staff = line('财政供养人员控制率');
  expect(staff.textContent).toContain('分值 5 · 自评 5');
  expect(staff.textContent).toContain('计算 0');
  expect(staff.textContent).toContain('实有人数 743 ÷ 人员编制 426 = 174.41%，超过100%共74.41个百分点 × 0.5 = 37.21分，扣完为止 → 0分（取自收支表）');
  expect(line('管理制度健全性').textContent).toContain('需人工评分');
  expect(line('重点支出安排率').textContent).toContain('需输入指标值');
  const input = within(line('重点支出安排率')).getByRole('textbox', { name: '指标值： 重点支出安排率' });
  fireEvent.change(input, { target: { value: '85%' } });
  fireEvent.blur(input);
  await waitFor(() => expect(line('重点支出安排率').textContent).toContain('计算 4'));
  expect(line('重点支出安排率').textContent).toContain('填报 85.00%，属“80%(含)–90%得4分” → 4分（手工填报）');
  expect(await host.indicatorValues()).toEqual({ 重点支出安排率: '85%' });
});

test('填入计算得分 shows old → new, writes on confirmation with the 总分, and undo restores', async () => {
  const host = new PreviewHost();
  await openScores(host);
  fireEvent.click(screen.getByRole('button', { name: '填入计算得分' }));
  const dialog = await screen.findByRole('dialog', { name: '填入计算得分' });
  expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['财政供养人员控制率（评分表!F3）：5 → 0', '总分（评分表!F28）：99 → 94']);
  fireEvent.click(within(dialog).getByRole('button', { name: '确认填入' }));
  await waitFor(() => expect(line('财政供养人员控制率').textContent).toContain('自评 0'));
  const sheet = host.state.sheets.find((s) => s.name === '评分表')!;
  expect(sheet.values[2]![5]).toBe(0);
  expect(sheet.values[27]![5]).toBe(94);
  fireEvent.click(screen.getByRole('button', { name: '撤销“填入计算得分”' }));
  await waitFor(() => expect(line('财政供养人员控制率').textContent).toContain('自评 5'));
  expect(host.state.sheets.find((s) => s.name === '评分表')!.values[2]![5]).toBe(5);
});

test('in Excel: values are kept in the workbook, scores are written as numbers with their format, undo restores', async () => {
  const fake = FakeExcel.fromSnapshot(sampleWorkbook());
  fake.cellValue('评分表', 'F3')!.format = '0.0';
  installHost(fake);
  await openScores(new ExcelHost());
  const input = within(line('公务卡刷卡率')).getByRole('textbox');
  fireEvent.change(input, { target: { value: '45%' } });
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(line('公务卡刷卡率').textContent).toContain('计算 2'));
  expect(fake.state.settings.get(VALUES_KEY)).toEqual({ 公务卡刷卡率: '45%' });
  fireEvent.click(screen.getByRole('button', { name: '填入计算得分' }));
  const dialog = await screen.findByRole('dialog');
  expect(within(dialog).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '财政供养人员控制率（评分表!F3）：5.0 → 0', '公务卡刷卡率（评分表!F14）：3 → 2', '总分（评分表!F28）：99 → 93',
  ]);
  fireEvent.click(within(dialog).getByRole('button', { name: '确认填入' }));
  await waitFor(() => expect(fake.cellValue('评分表', 'F3')!.value).toBe(0));
  expect(fake.cellValue('评分表', 'F3')!.format).toBe('0.0');
  expect(fake.cellValue('评分表', 'F14')!.value).toBe(2);
  expect(fake.cellValue('评分表', 'F28')!.value).toBe(93);
  fireEvent.click(await screen.findByRole('button', { name: '撤销“填入计算得分”' }));
  await waitFor(() => expect(fake.cellValue('评分表', 'F3')!.value).toBe(5));
  expect(fake.cellValue('评分表', 'F28')!.value).toBe(99);
});
