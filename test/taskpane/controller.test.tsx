/**
 * @jest-environment jsdom
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { usePaneController } from '../../src/taskpane/controller';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { sampleWorkbook } from '../../src/sample';
import { PreviewHost } from '../../src/taskpane/preview-host';
import { WpsHost } from '../../src/wps/host';
import { EtApp } from '../../src/wps/snapshot';
import { fakeFromSnapshot } from '../wps/fake-et';

test('the controller owns the workflow: check, ignore, mark, fill, undo — without the component', async () => {
  const host = new PreviewHost();
  const { result } = renderHook(() => usePaneController(host, undefined));
  expect(result.current.status.kind).toBe('idle');
  await act(() => result.current.check());
  expect(result.current.status.kind).toBe('ready');
  expect(result.current.view!.visible.map((f) => f.cells[0])).toEqual(['收支表!D22', '收支表!D22', '评分表!F3', '评分表!F28']);
  await act(() => result.current.ignore(result.current.view!.visible[3]!));
  expect(result.current.ignored).toHaveLength(1);
  expect(result.current.view!.visible).toHaveLength(3);
  await act(() => result.current.mark());
  expect(result.current.undoLabel).toBe('标记');
  act(() => result.current.planFill());
  expect(result.current.plan!.map((p) => `${p.cell}:${p.old}→${p.next}`)).toEqual(["评分表!F3:5→0", "评分表!F28:99→94"]);
  await act(() => result.current.confirmFill());
  await waitFor(() => expect(result.current.view!.visible.some((f) => f.cells[0] === '评分表!F3')).toBe(false));
  expect(result.current.undoLabel).toBe('填入计算得分');
  // undo re-reads whatever was undone: the self-score is back, and so is its warning
  await act(() => result.current.undo());
  expect(result.current.view!.visible.some((f) => f.cells[0] === '评分表!F3')).toBe(true);
  expect(result.current.undoLabel).toBe('标记');
});

describe('the error bar (issue 16, item 9)', () => {
  test('an error stays only until the next operation that succeeds', async () => {
    const host = new PreviewHost();
    const mark = host.mark.bind(host);
    let refuse = true;
    host.mark = async (f) => {
      if (refuse) throw new Error('WPS refused the comment');
      return mark(f);
    };
    const { result } = renderHook(() => usePaneController(host, undefined));
    await act(() => result.current.check());
    await act(() => result.current.mark());
    expect(result.current.status).toEqual({ kind: 'error', message: 'WPS refused the comment' });
    refuse = false;
    await act(() => result.current.mark());
    expect(result.current.status.kind).toBe('ready');
    // a click that selects is a success too
    host.select = async () => {
      throw new Error('select failed');
    };
    act(() => result.current.select(['收支表!D22']));
    await waitFor(() => expect(result.current.status.kind).toBe('error'));
    host.select = PreviewHost.prototype.select.bind(host);
    act(() => result.current.select(['收支表!D22']));
    await waitFor(() => expect(result.current.status.kind).toBe('ready'));
  });

  test('in WPS, a finding on a hidden sheet: said in a message, which the next click on a visible cell clears', async () => {
    const fake = fakeFromSnapshot(sampleWorkbook());
    fake.ActiveWorkbook.Worksheets.Item('评分表').Visible = 0;
    const host = new WpsHost(fake as unknown as EtApp);
    const { result } = renderHook(() => usePaneController(host, undefined));
    await act(() => result.current.check());
    expect(result.current.view!.visible.some((f) => f.cells[0] === '评分表!F3')).toBe(true);
    act(() => result.current.select(['评分表!F3']));
    await waitFor(() => expect(result.current.status).toMatchObject({ kind: 'error', message: expect.stringMatching(/工作表“评分表”已隐藏.*取消隐藏/) }));
    expect(fake.selection).toBe('');
    act(() => result.current.select(['收支表!D22']));
    await waitFor(() => expect(fake.selection).toBe('收支表!D22'));
    await waitFor(() => expect(result.current.status.kind).toBe('ready'));
    // hidden after the check: the WPS host says so itself
    fake.ActiveWorkbook.Worksheets.Item('收支表').Visible = 0;
    act(() => result.current.select(['收支表!D22']));
    await waitFor(() => expect(result.current.status).toMatchObject({ kind: 'error', message: expect.stringMatching(/已隐藏/) }));
    fake.ActiveWorkbook.Worksheets.Item('收支表').Visible = -1;
    await act(() => result.current.check());
    expect(result.current.status.kind).toBe('ready');
  });

  test('a live re-check that comes through clears an error too', async () => {
    const host = new PreviewHost();
    let live: ((wb: WorkbookSnapshot) => void) | null = null;
    Object.assign(host, {
      startLive: async (_wb: WorkbookSnapshot, onSnapshot: (wb: WorkbookSnapshot) => void) => {
        live = onSnapshot;
      },
    });
    host.clearMarks = async () => {
      throw new Error('clear failed');
    };
    const { result } = renderHook(() => usePaneController(host, undefined));
    await act(() => result.current.check());
    await act(() => result.current.clearMarks());
    expect(result.current.status.kind).toBe('error');
    const wb = await host.read();
    act(() => live!(wb));
    expect(result.current.status.kind).toBe('ready');
  });
});
