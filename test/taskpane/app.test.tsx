/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as React from 'react';
import { App } from '../../src/taskpane/components/App';
import { PreviewHost } from '../../src/taskpane/preview-host';
import { seed002 } from '../../src/sample/seed002';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    get length() {
      return data.size;
    },
  };
}

function setup(host = new PreviewHost(), storage = memoryStorage()) {
  render(<FluentProvider theme={webLightTheme}><App host={host} storage={storage} /></FluentProvider>);
  return { host, storage };
}

const findings = () => screen.queryAllByRole('button', { pressed: false }).filter((b) => b.hasAttribute('data-finding'));

test('一键校验 shows the summary, the tables, and the planted error with its cells, expected and actual', async () => {
  setup();
  expect(screen.getByText('按“一键校验”检查当前工作簿。')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  const first = findings()[0]!;
  expect(first.textContent).toContain('收支表!D22');
  expect(first.textContent).toContain('应为 301.62 · 实为 310.62 · 建议改为 301.62');
  expect(screen.getByText('总分 99 · 等次 优秀')).toBeTruthy();
  expect(screen.getByText('识别的表（6）')).toBeTruthy();
  expect(screen.getByText(/年度收入情况（万元） · 收支表!A2:G14 · 万元/)).toBeTruthy();
});

test('clicking a finding selects its cells in the preview grid; filters hide severities', async () => {
  const { host } = setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  // the planted typo breaks two checks: one item, the suspected cell D22 first
  fireEvent.click(findings()[0]!);
  await waitFor(() => expect(host.state.selection?.cells.has('21,3')).toBe(true));
  expect(document.querySelector('td[data-cell="D22"]')?.getAttribute('data-selected')).toBe('true');
  // the filters carry their counts (problems: the typo's two checks are one)
  fireEvent.click(screen.getByRole('button', { name: '错误 1' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(2));
  expect(screen.getByRole('button', { name: '错误 1' }).getAttribute('aria-pressed')).toBe('false');
  expect([...document.querySelectorAll('[data-finding]')].every((b) => b.getAttribute('data-finding')!.startsWith('score/computed'))).toBe(true);
});

test('a clean workbook shows 未发现问题', async () => {
  setup(new PreviewHost(seed002({ noScore: true }).wb));
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(screen.getByText('未发现问题')).toBeTruthy());
});

test('忽略 hides a finding, lists it, and 恢复 or 撤销 brings it back', async () => {
  setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  // 忽略 on the suspected cell ignores both checks it breaks, in one step
  fireEvent.click(screen.getAllByRole('button', { name: /^忽略：/ })[0]!);
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(2));
  expect(screen.getByText('已忽略（2）')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: '撤销“忽略”' }));
  await waitFor(() => expect(document.querySelectorAll('[data-finding]')).toHaveLength(3));
  expect(document.querySelector('[data-group="收支表!D22"]')).toBeTruthy();
});

test('标记 colours the culprit in the grid and 撤销 takes it away', async () => {
  setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  fireEvent.click(screen.getByRole('button', { name: '标记' }));
  await waitFor(() => expect(screen.getByRole('button', { name: '撤销“标记”' })).toBeTruthy());
  fireEvent.click(screen.getByRole('button', { name: '撤销“标记”' }));
  await waitFor(() => expect(screen.getByRole('button', { name: '撤销' })).toBeTruthy());
});

test('settings: English, kept per user; the report is re-rendered without reading again', async () => {
  const { storage } = setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  fireEvent.click(screen.getByRole('button', { name: '设置' }));
  const settings = screen.getByRole('region', { name: '设置' });
  fireEvent.click(within(settings).getByRole('combobox'));
  fireEvent.click(await screen.findByRole('option', { name: 'English' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Check now' })).toBeTruthy());
  expect(document.querySelector('[data-finding]')!.textContent).toContain('off by 9.00');
  expect(JSON.parse(storage.data.get('selfeval.settings')!)).toMatchObject({ lang: 'en', tolerance: 1, live: true, capByRate: false });
  // a new pane for the same user starts in English
  document.body.innerHTML = '';
  setup(new PreviewHost(), storage);
  expect(screen.getByRole('button', { name: 'Check now' })).toBeTruthy();
});

test('keyboard: arrow keys move through the findings, Enter selects', async () => {
  const { host } = setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  const items = Array.from(document.querySelectorAll<HTMLElement>('[data-finding]'));
  act(() => items[0]!.focus());
  expect(document.activeElement).toBe(items[0]);
  fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
  await waitFor(() => expect(document.activeElement).toBe(items[1]));
  fireEvent.click(document.activeElement!);
  await waitFor(() => expect(host.state.selection).not.toBeNull());
  for (const b of screen.getAllByRole('button')) expect(b.getAttribute('aria-label') ?? b.textContent).toBeTruthy();
});

test('no raw kind word reaches the pane: a table without a title is named by what it is (基本概况)', async () => {
  setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  expect(screen.getByText(/^基本概况 · 基本概况!A3:D3$/)).toBeTruthy();
  expect(document.body.textContent).not.toMatch(/\b(profile|budget|income|expenditure|sangong|assets|items|projects|score)\b/);
});

test('the preview’s export has the same eight columns as Excel’s, and 标记 then 清除标记 leave the grid as it was', async () => {
  const { host } = setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  const grid = (): string => document.querySelector('[data-preview-grid], table')?.outerHTML ?? '';
  fireEvent.click(findings()[0]!);
  const before = grid();
  fireEvent.click(screen.getByRole('button', { name: '标记' }));
  await waitFor(() => expect(grid()).not.toBe(before));
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  await waitFor(() => expect(grid()).toBe(before));
  fireEvent.click(screen.getByRole('button', { name: '导出结果' }));
  await waitFor(() => expect(host.state.sheets.some((s) => s.name === '校验结果')).toBe(true));
  expect(host.state.sheets.find((s) => s.name === '校验结果')!.values[0]).toEqual(['文件', '表', '级别', '单元格', '说明', '应为', '实为', '建议改为', '规则']);
});

test('what an older host cannot do is said once, up front, in the pane’s language', () => {
  const host = Object.assign(new PreviewHost(), {
    limitations: (lang: 'zh' | 'en') => [lang === 'zh' ? '此版本的 Excel 不支持实时校验：修改后请按“一键校验”。' : 'This Excel cannot check as you type.'],
  });
  setup(host);
  expect(screen.getByText('此版本的 Excel 功能有限')).toBeTruthy();
  expect(screen.getByText('此版本的 Excel 不支持实时校验：修改后请按“一键校验”。')).toBeTruthy();
});

test('a host with nothing to say shows no such note', () => {
  setup();
  expect(screen.queryByText('此版本的 Excel 功能有限')).toBeNull();
});

describe('issue 21: the pane as a finance officer uses it', () => {
  test('errors come first whatever the table order; 下一处 / 上一处 and F8 walk the problems; each table says its errors', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
    await waitFor(() => expect(findings()).toHaveLength(3));
    expect(document.querySelector('[data-finding]')!.getAttribute('data-group')).toBe('收支表!D22');
    // the counts count problems: one error (two checks), one warning, one note
    expect(screen.getByRole('button', { name: '错误 1' })).toBeTruthy();
    expect(document.querySelector('[data-table="1"]')!.textContent).toMatch(/· 1 个错误$/);
    fireEvent.click(screen.getByRole('button', { name: '下一处' }));
    await waitFor(() => expect(host.state.selection?.cells.has('21,3')).toBe(true));
    const all = (): Element[] => [...document.querySelectorAll('[data-finding]')];
    fireEvent.keyDown(document.querySelector('main')!, { key: 'F8' });
    await waitFor(() => expect(all()[1]!.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.keyDown(document.querySelector('main')!, { key: 'F8', shiftKey: true });
    await waitFor(() => expect(all()[0]!.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: '上一处' }));
    await waitFor(() => expect(all()[2]!.getAttribute('aria-pressed')).toBe('true'));
  });

  test('every finding ignored is not a clean workbook: it says how many, with the way back', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
    await waitFor(() => expect(findings()).toHaveLength(3));
    for (let n = 3; n > 0; n--) {
      fireEvent.click(screen.getAllByRole('button', { name: /^忽略：/ })[0]!);
      await waitFor(() => expect(findings()).toHaveLength(n - 1));
    }
    expect(screen.queryByText('未发现问题')).toBeNull();
    expect(screen.getByText('4 项已忽略，未发现其他问题')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看已忽略' }));
    expect(document.querySelector('details[open]')).toBeTruthy();
  });

  test('a write is confirmed, with 撤销 in the confirmation', async () => {
    const { host } = setup();
    fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
    await waitFor(() => expect(findings()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: '标记' }));
    await waitFor(() => expect(screen.getByText('已完成“标记”')).toBeTruthy());
    fireEvent.click(document.querySelector<HTMLElement>('[data-done-undo]')!);
    await waitFor(() => expect(screen.queryByText('已完成“标记”')).toBeNull());
    expect(host.state.marks.size).toBe(0);
  });
});

test('改为建议值 only where the culprit is named: writes the value, checks again, and 撤销 undoes it', async () => {
  const { host } = setup();
  fireEvent.click(screen.getByRole('button', { name: '一键校验' }));
  await waitFor(() => expect(findings()).toHaveLength(3));
  // the planted typo's item offers it; the score lines name no culprit cell of a sum, and offer none
  expect(document.querySelectorAll('[data-apply]')).toHaveLength(1);
  fireEvent.click(screen.getByRole('button', { name: '改为建议值：收支表!D22 → 301.62' }));
  const d22 = (): unknown => host.state.sheets.find((s) => s.name === '收支表')!.values[21]![3];
  await waitFor(() => expect(d22()).toBe(301.62));
  await waitFor(() => expect(findings()).toHaveLength(2));
  expect(screen.getByText('已完成“改为建议值”')).toBeTruthy();
  fireEvent.click(document.querySelector<HTMLElement>('[data-done-undo]')!);
  await waitFor(() => expect(d22()).toBe(310.62));
  await waitFor(() => expect(findings()).toHaveLength(3));
});

test('帮助 explains the severities, 尾差, 其中 and what to do with a finding, in the pane’s language', async () => {
  setup();
  fireEvent.click(screen.getByRole('button', { name: '帮助' }));
  const help = document.querySelector('[data-help]')!;
  expect(help.textContent).toContain('尾差');
  expect(help.textContent).toContain('“其中”下面列的是上一行的组成部分');
  expect(help.textContent).toContain('改为建议值');
  expect([...help.querySelectorAll('.fui-Text[class*="fui-Text"]')].length).toBeGreaterThanOrEqual(10);
});
