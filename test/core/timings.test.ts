/** CheckOptions.clock: a check given a clock says how long each phase took; without one it times nothing. */
import { checkWorkbook } from '../../src/core';
import { groupedYuan } from '../fixtures/layouts';

describe('phase timings', () => {
  const wb = groupedYuan().wb;

  test('without a clock there are none', () => {
    expect(checkWorkbook(wb, 'x.xlsx').timings).toBeUndefined();
  });

  test('with one, every phase in the clock\'s units, adding up to the whole, and each rule by id', () => {
    let now = 0;
    const r = checkWorkbook(wb, 'x.xlsx', { clock: () => (now += 1) });
    const t = r.timings!;
    for (const k of ['evaluate', 'recognize', 'scoring', 'rules', 'culprits', 'report'] as const) expect(t[k]).toBeGreaterThan(0);
    expect(t.evaluate + t.recognize + t.scoring + t.rules + t.culprits + t.report).toBe(t.total);
    expect(Object.keys(t.perRule)).toContain('identity/row-sum');
    expect(r.report).toEqual(checkWorkbook(wb, 'x.xlsx').report);
  });
});
