/**
 * A protected sheet refuses writes. 标记 and 填入计算得分 skip its cells, write everything else, and say which
 * sheet was protected — instead of failing as a whole.
 */
import { checkWorkbook } from '../../src/core';
import { MARK_FILL, markFindings } from '../../src/excel/marks';
import { applyWrites } from '../../src/excel/writes';
import { seed002 } from '../fixtures/seed002';
import { FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

function setup(): { fake: FakeExcel; findings: ReturnType<typeof checkWorkbook>['report']['findings'] } {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const fake = FakeExcel.fromSnapshot(wb);
  installHost(fake);
  return { fake, findings: checkWorkbook(wb, 'x').report.findings };
}

test('标记 skips the cells of a protected sheet, marks the rest, and says which sheet', async () => {
  const { fake, findings } = setup();
  fake.sheet('评分表').protected = true;
  const r = await run(fake, (ctx) => markFindings(ctx, findings));
  expect(fake.fillOf('收支表', 'D22')).toEqual({ color: MARK_FILL.error, pattern: 'Solid' });
  expect(fake.fillOf('评分表', 'F3')).toBeUndefined();
  expect(r.skipped?.filter((x) => x.reason === 'protected').map((x) => `${x.sheet}!${x.address}`)).toContain('评分表!F3');
});

test('填入计算得分 on a protected 评分表 writes nothing there and says so, without failing', async () => {
  const { fake } = setup();
  fake.sheet('评分表').protected = true;
  const r = await run(fake, (ctx) => applyWrites(ctx, [{ op: 'cells', sheet: '评分表', address: 'F3', formulas: [[0]] }]));
  expect(r.skipped).toEqual([{ sheet: '评分表', address: 'F3', reason: 'protected' }]);
  expect(fake.cellValue('评分表', 'F3')?.value).toBe(5);
  expect(r.inverse).toEqual([]);
});
