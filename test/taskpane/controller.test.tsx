/**
 * @jest-environment jsdom
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { usePaneController } from '../../src/taskpane/controller';
import { PreviewHost } from '../../src/taskpane/preview-host';

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
