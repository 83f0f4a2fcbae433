/**
 * The evidence gate (core/evidence.ts): a family of checks (one rule, one table, one axis) that fails on most of its
 * lines is a misreading of the layout — one info note, no error — while one that holds almost everywhere reports
 * the few lines where it fails.
 */
import { checkWorkbook } from '../../src/core';
import { misread } from '../../src/core/evidence';
import { SheetBuilder, workbook } from '../fixtures/sheet';

/** 项目 | 预算数 | 决算数 | 差额（预算数-决算数）: `flip` lines have their 差额 the other way round. */
function budgets(flip: number[]): SheetBuilder {
  const s = new SheetBuilder('预算执行');
  s.add([['2021年项目预算执行情况（万元）'], ['项目名称', '预算数', '决算数', '差额（预算数-决算数）']]);
  const lines: Array<[string, number, number]> = [
    ['计划生育特殊家庭公共交通补贴', 16.56, 15.7], ['基本公共卫生服务', 40, 36], ['重大公共卫生服务', 120.5, 118.25],
    ['医疗救助', 30, 28.6], ['卫生监督', 12, 11.2], ['妇幼保健', 55, 51.35],
  ];
  lines.forEach(([n, b, a], i) => s.add([[n, b, a, Number(((flip.includes(i) ? a - b : b - a)).toFixed(2))]]));
  return s;
}

const loud = (s: SheetBuilder) => checkWorkbook(workbook(s), 'x.xlsx').report.findings.filter((f) => f.severity !== 'info');

test('misread: three failures or more, on more than two-thirds of the checks', () => {
  expect(misread(0, 3)).toBe(true);
  expect(misread(1, 3)).toBe(true);
  expect(misread(2, 3)).toBe(false);
  expect(misread(0, 2)).toBe(false);
  expect(misread(10, 2)).toBe(false);
});

test('a 差额 the other way round on every line is one note, not six warnings', () => {
  const { report } = checkWorkbook(workbook(budgets([0, 1, 2, 3, 4, 5])), 'x.xlsx');
  expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  const notes = report.findings.filter((f) => f.rule === 'structure/unconfirmed');
  expect(notes).toHaveLength(1);
  expect(notes[0]!.message).toBe('“2021年项目预算执行情况（万元）”中，规则 budget/difference 的校验有 6 处不成立、仅 0 处成立：判断为对表格结构的误读，未作为错误报告，请人工核对');
  expect(notes[0]!.cells).toEqual(['预算执行!A2:D8']);
});

test('one 差额 the other way round among six lines is reported where it is', () => {
  const found = loud(budgets([3]));
  expect(found.map((f) => [f.rule, f.cells[0]])).toEqual([['budget/difference', '预算执行!D6']]);
});
