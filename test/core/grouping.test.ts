/**
 * One problem per suspected cell (issue 19, item 2): the checks a culprit breaks keep their findings in the JSON,
 * share `group` (the cell) and say what the cell is; the counts count the cell once.
 */
import { checkWorkbook } from '../../src/core';
import { problems } from '../../src/core/report';
import { seed002 } from '../../src/sample/seed002';

test('seed 002 with 局机关 人员支出 typed 310.62: two checks, one group, one error in the counts', () => {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const { report } = checkWorkbook(wb, 'x.xlsx');
  const errors = report.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.group, f.groupSubject])).toEqual([
    ['totals/column-sum', '收支表!D22', '1、局机关 · 人员支出'],
    ['identity/row-sum', '收支表!D22', '1、局机关 · 人员支出'],
  ]);
  // the check's own words, without the culprit's note the group heading says
  expect(errors[1]!.check).toBe('“1、局机关”行：人员支出 310.62 + 公用支出 10.62 = 321.24，基本支出填报 312.24，相差 9.00');
  expect(errors[1]!.message).toContain('最可能是它填错了');
  expect(report.summary).toEqual({ errors: 1, warnings: 1, info: 1 });
  expect(problems(report.findings).map((p) => [p.group ?? null, p.findings.length])).toEqual([['收支表!D22', 2], [null, 1], [null, 1]]);
});

test('a workbook without a culprit of two checks has no group', () => {
  const { report } = checkWorkbook(seed002().wb, 'x.xlsx');
  expect(report.findings.some((f) => f.group)).toBe(false);
});
