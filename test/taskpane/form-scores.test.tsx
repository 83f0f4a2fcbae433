/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { seed002 } from '../../src/sample/seed002';
import { App } from '../../src/taskpane/components/App';
import { PreviewHost } from '../../src/taskpane/preview-host';
import { plant } from '../fixtures/layouts';
import { NATIONAL_NAME, nationalForm } from '../fixtures/national-form';

const line = (name: string): HTMLElement => document.querySelector<HTMLElement>(`[data-score="${name}"]`)!;

/** Only the getItem the pane reads its settings with: the language given. */
const settingsIn = (lang: 'zh' | 'en'): Pick<Storage, 'getItem' | 'setItem'> => ({
  getItem: () => JSON.stringify({ lang }),
  setItem: () => undefined,
});

async function openScores(host: PreviewHost, lang: 'zh' | 'en' = 'zh'): Promise<void> {
  render(<FluentProvider theme={webLightTheme}><App host={host} storage={settingsIn(lang)} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: lang === 'zh' ? '一键校验' : 'Check now' }));
  const tab = await screen.findByRole('tab', { name: lang === 'zh' ? '评分' : 'Scores' });
  fireEvent.click(tab);
  await waitFor(() => expect(line('总分')).toBeTruthy());
}

test('no 评分表, a national 部门整体 form: the 评分 tab shows its lines with 分值 and 得分, and the 总分 against 100', async () => {
  await openScores(new PreviewHost(nationalForm().wb));
  expect(screen.queryByText('未识别到评分表。')).toBeNull();
  expect(screen.getByText(/^未识别到评分表，以下为自评表绩效指标的分值与得分/)).toBeTruthy();
  expect(screen.getByRole('heading', { name: `${NATIONAL_NAME} · 部门整体支出绩效自评表` })).toBeTruthy();
  expect(line('预算执行率（年度资金总额）').textContent).toContain('分值 10 · 得分 9.81');
  expect(line('免费孕前优生健康检查人数').textContent).toContain('分值 10 · 得分 9.58');
  expect(line('基层医疗卫生服务能力').textContent).toContain('分值 10 · 得分 9');
  expect(line('总分').textContent).toContain('总分98.17（满分 100）');
  expect(document.querySelectorAll('[data-score]')).toHaveLength(12);
  // a clean form: nothing from the project rules under any line; the summary has its 总分 and 等次
  expect(document.querySelectorAll('[data-form-finding]')).toHaveLength(0);
  expect(screen.getByText('总分 98.17 · 等次 优')).toBeTruthy();
});

test('the project rules’ findings are under their lines: a funds score against its 执行率, a 总分 that does not add up', async () => {
  const f = nationalForm();
  plant(f, f.cells['whole.score']!, 10);
  const host = new PreviewHost(f.wb);
  await openScores(host);
  const funds = line('预算执行率（年度资金总额）');
  expect(funds.textContent).toContain('分值 10 · 得分 10');
  expect(funds.textContent).toContain('计算 9.81');
  const found = within(funds).getByRole('button', { name: /预算执行得分 10\.00，按 分值 10 × 执行率 4565\.18 ÷ 4655\.76 = 98\.05% 应得 9\.81 分/ });
  expect(found.closest('[data-form-finding]')!.getAttribute('data-form-finding')).toBe('project/score:funds');
  expect(line('总分').querySelector('[data-form-finding]')!.getAttribute('data-form-finding')).toBe('project/total:score');
  expect(line('总分').textContent).toContain(`“${NATIONAL_NAME}”总分 98.17 ≠ 预算执行得分 10.00 + 各指标得分 88.36 = 98.36`);
  // the line's name selects its 得分 and what it rests on (H9, E9, D9)
  fireEvent.click(within(funds).getByRole('button', { name: '预算执行率（年度资金总额）' }));
  await waitFor(() => expect(host.state.selection?.cells.has('8,7')).toBe(true));
  expect([...host.state.selection!.cells].sort()).toEqual(['8,3', '8,4', '8,7']);
});

test('in English: the same lines, the total “of 100”, the findings in English', async () => {
  const f = nationalForm();
  plant(f, f.cells['ind2.score']!, 11);
  await openScores(new PreviewHost(f.wb), 'en');
  expect(screen.getByText(/^No scoring table recognised: these are the points/)).toBeTruthy();
  expect(screen.getByRole('heading', { name: `${NATIONAL_NAME} · department self-evaluation` })).toBeTruthy();
  expect(line('Budget execution (年度资金总额)').textContent).toContain('max 10 · score 9.81');
  const over = line('免费孕前优生健康检查人数');
  expect(over.textContent).toContain('max 10 · score 11');
  expect(over.textContent).toContain('Errors“免费孕前优生健康检查人数”: the score 11 is above its points 10');
  expect(line('总分').textContent).toContain('Total score98.17 of 100');
  expect(line('总分').textContent).toContain(`“${NATIONAL_NAME}”: total 98.17 ≠ budget execution 9.81 + indicators 89.78 = 99.59`);
});

test('a real 评分表 keeps its own view; a workbook with neither says 未识别到评分表', async () => {
  const both = seed002({ noScore: false }).wb;
  both.sheets.push(nationalForm().wb.sheets[0]!);
  render(<FluentProvider theme={webLightTheme}><App host={new PreviewHost(both)} storage={settingsIn('zh')} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  fireEvent.click(await screen.findByRole('tab', { name: '评分' }));
  await waitFor(() => expect(line('财政供养人员控制率')).toBeTruthy());
  expect(screen.getByRole('button', { name: '填入计算得分' })).toBeTruthy();
  expect(document.querySelector('[data-form]')).toBeNull();

  document.body.innerHTML = '';
  render(<FluentProvider theme={webLightTheme}><App host={new PreviewHost(seed002({ noScore: true }).wb)} storage={settingsIn('zh')} /></FluentProvider>);
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  fireEvent.click(await screen.findByRole('tab', { name: '评分' }));
  expect(await screen.findByText('未识别到评分表。')).toBeTruthy();
});
