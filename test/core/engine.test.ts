import { checkWorkbook, renderFinding } from '../../src/core';
import { seed002 } from '../fixtures/seed002';
import { WorkbookSnapshot } from '../../src/core/snapshot';

describe('one wrong figure where a column total and a row identity cross', () => {
  // the planted error of the bundled example: 局机关 人员支出 301.62 typed as 310.62
  const { wb, placed } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const cell = `收支表!D${placed.expenditure.rowOf(1) + 1}`;
  // the 评分表's scoring error of seed 002 (score/computed) is another story: left out here
  const { report } = checkWorkbook(wb, 'planted.xlsx', { severity: { 'score/computed': 'off' } });

  test('both findings name the crossing cell first, with the value that mends both', () => {
    // two checks, one suspected cell: one problem in the counts
    expect(report.summary).toEqual({ errors: 1, warnings: 0, info: 0 });
    expect(report.findings.map((f) => f.rule)).toEqual(['totals/column-sum', 'identity/row-sum']);
    for (const f of report.findings) {
      expect(f.cells[0]).toBe(cell);
      expect(f).toMatchObject({ severity: 'error', fix: '301.62', expected: '301.62', actual: '310.62', table: 1 });
      expect(f.message).toContain(`（${cell} 同时处在不成立的列合计与行内关系中，最可能是它填错了）`);
    }
    expect(report.findings[0]!.message).toMatch(/^“局机关及二级机构汇总”行“人员支出”为 2137\.98，不等于各单位之和 310\.62 \+ 81\.36 \+ 170\.59 \+ … \+ 163\.14 = 2146\.98，相差 9\.00/);
  });

  test('the same findings in English', () => {
    const en = checkWorkbook(wb, 'planted.xlsx', { lang: 'en', severity: { 'score/computed': 'off' } }).report.findings;
    expect(en[1]!.message).toBe(`Row “1、局机关”: 人员支出 310.62 + 公用支出 10.62 = 321.24, but 基本支出 is 312.24: off by 9.00 (${cell} sits in both the failing column total and the failing row identity: it is the most likely culprit)`);
    expect(renderFinding(report.findings[1]!, 'en')).toBe(en[1]!.message);
  });

  test('the report is plain data of the schema: amounts are strings, nothing else leaks', () => {
    const json = JSON.parse(JSON.stringify(report));
    // the schema's fields, and `total` (the 评分表's 总分 and 等次 for a reviewer's summary: an added field)
    expect(Object.keys(json).sort()).toEqual(['error', 'file', 'findings', 'scores', 'summary', 'tables', 'total']);
    expect(json.total).toEqual({ score: '99', grade: '优秀' });
    expect(json.tables[1]).toEqual({ kind: 'income', sheet: '收支表', range: '收支表!A2:G14', unit: '万元', id: 0, title: '年度收入情况（万元）' });
    for (const f of json.findings) for (const k of ['expected', 'actual', 'fix']) expect(typeof f[k]).toBe('string');
  });
});

describe('never throws', () => {
  const weird: Array<[string, unknown]> = [
    ['no sheets', { sheets: [] }],
    ['a null snapshot', null],
    ['a sheet of nothing', { sheets: [{ name: 'S', top: 0, left: 0, values: [] }] }],
    ['ragged rows and holes', { sheets: [{ name: 'S', top: 3, left: 2, values: [[1], [], [null, '合计', 5], undefined, ['机构名称', '收入合计']] }] }],
    ['NaN, Infinity, objects and errors', { sheets: [{ name: 'S', top: 0, left: 0, values: [['机构名称', '支出合计'], ['合计', NaN], ['a', Infinity], ['b', { error: '#DIV/0!' }], ['c', { x: 1 }]] }] }],
    ['merges out of range, overlapping and absurd', { sheets: [{ name: 'S', top: 0, left: 0, values: [['机构名称', '收入合计'], ['合计', 1], ['a', 1]], merges: ['A1:XFD1048576'.replace('1048576', '40'), 'B1:A1', 'C9:C3', 'ZZ', 'A2:B3'] }] }],
    ['formulas of every shape', { sheets: [{ name: 'S', top: 0, left: 0, values: [['机构名称', '收入合计'], ['合计', 2], ['a', 1], ['b', 1]], formulas: [[null, null], ['=SUM(B3:B4', null], ['=SUM(B1:B99999999)', null], ['=((', '=SUM()']] }] }],
  ];
  test.each(weird)('%s', (_name, snap) => {
    const { report } = checkWorkbook(snap as WorkbookSnapshot, 'weird.xlsx');
    expect(report.findings.filter((f) => f.rule === 'engine/rule-failed')).toEqual([]);
    expect(() => JSON.stringify(report)).not.toThrow();
  });
});

test('a rule that throws becomes a note; the other rules still run', () => {
  const { RULES } = require('../../src/core') as typeof import('../../src/core');
  const boom = { meta: { id: 'test/boom', severity: 'error' as const, description: { zh: '', en: '' }, messages: {} }, check: () => { throw new Error('kaput'); } };
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'income' && r === 0 && c === 0 ? 5532.57 : v) });
  const { report } = checkWorkbook(wb, 'x', {}, [boom, ...RULES]);
  const failed = report.findings.find((f) => f.rule === 'engine/rule-failed');
  expect(failed?.message).toBe('规则 test/boom 未能完成校验（kaput），工作簿未完整校验：请把文件发给维护人员');
  // a workbook that could not be fully checked is never reported clean
  expect(failed?.severity).toBe('error');
  expect(report.summary.errors).toBeGreaterThan(0);
});

test('rules can be switched off or given another severity', () => {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const off = checkWorkbook(wb, 'x', { severity: { 'identity/row-sum': 'off', 'totals/column-sum': 'warning', 'score/computed': 'off' } }).report;
  expect(off.findings.map((f) => [f.rule, f.severity])).toEqual([['totals/column-sum', 'warning']]);
});
