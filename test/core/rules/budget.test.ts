import { checkWorkbook } from '../../../src/core';
import { budgetDifference } from '../../../src/core/rules/budget/difference';
import { overBudget } from '../../../src/core/rules/budget/over-budget';
import { budgetRate } from '../../../src/core/rules/budget/rate';
import { sangongOverBudget } from '../../../src/core/rules/budget/sangong-over-budget';
import { ruleTester } from '../../helpers/rule-tester';
import { book } from '../../helpers/tables';
import { SheetBuilder, workbook } from '../../fixtures/sheet';

const H = ['项目名称', '预算数', '决算数', '差额', '完成率'];

/** Seed 004's project: budget 16.56, actual 15.70, stated 完成率 94.78% (15.70 ÷ 16.56 = 94.81%). */
const seed004 = (rate: string | number, fmt?: string) => {
  const s = new SheetBuilder('项目支出');
  s.add([['项目支出绩效目标完成情况表（万元）'], H, ['计划生育特殊家庭公共交通补贴项目', 16.56, '15.70', -0.86, rate]]);
  if (fmt) s.format(2, 4, fmt);
  return workbook(s);
};

/** Seed 000: 基本支出 budget 955.11, actual 960.56; "三公"经费 budget 0.5, actual 4.62. */
const seed000 = (sangongActual: number) => book('2024年度预算执行情况（万元）', ['支出项目', '预算数', '决算数'], [
  ['基本支出', 955.11, 960.56],
  ['“三公”经费', 0.5, sangongActual],
  ['其中：公务接待费', 0.5, 0.21],
  ['因公出国（境）费', 0, sangongActual > 0.5 ? 4.41 : 0],
]);

ruleTester(budgetRate, {
  valid: [
    { name: 'stated 94.81% as text', wb: seed004('94.81%') },
    { name: 'stated 0.9481 with a 0.00% format', wb: seed004(0.9481, '0.00%') },
    { name: 'stated 94.8 (one decimal) in a 完成率 column', wb: seed004(94.8) },
  ],
  invalid: [
    {
      name: 'seed 004: 94.78% against 94.81% is within the inputs’ rounding: warning, both figures shown',
      wb: seed004('94.78%'),
      findings: [{
        messageId: 'roundingExplains', severity: 'warning', cells: ['项目支出!E3', '项目支出!C3', '项目支出!B3'],
        expected: '94.81%', actual: '94.78%', fix: null,
        message: /填报为 94\.78%，按表中数字 15\.70 ÷ 16\.56 = 94\.81%；.*94\.74%–94\.87%.*重新计算/,
        en: /stated as 94\.78%.*15\.70 ÷ 16\.56 = 94\.81%.*reviewer will recompute/,
      }],
    },
    {
      name: '90.00% is beyond any rounding: error',
      wb: seed004(0.9, '0.00%'),
      findings: [{ messageId: 'mismatch', severity: 'error', expected: '94.81%', actual: '90.00%', fix: null }],
    },
    {
      name: 'tolerance 0 turns the seed 004 case into an error',
      wb: seed004('94.78%'),
      options: { tolerance: { factor: 0, minDecimals: 2 } },
      findings: [{ messageId: 'mismatch', severity: 'error' }],
    },
  ],
});

ruleTester(budgetDifference, {
  valid: [{ name: '差额 −0.86 = 15.70 − 16.56', wb: seed004('94.81%') }],
  invalid: [
    {
      name: '差额 typed as 0.86 (the sign the other way round)',
      wb: book(null, H, [['公共交通补贴', 16.56, 15.7, 0.86, null]]),
      findings: [{ messageId: 'signFlipped', severity: 'warning', cells: ['Sheet1!D2'] }],
    },
    {
      name: '差额 wrong',
      wb: book(null, H, [['公共交通补贴', 16.56, 15.7, -1.86, null]]),
      findings: [{ messageId: 'mismatch', severity: 'error', expected: '-0.86', actual: '-1.86', fix: null, message: '“公共交通补贴”差额 -1.86 ≠ 15.7 − 16.56 = -0.86，相差 1.00' }],
    },
  ],
});

ruleTester(sangongOverBudget, {
  valid: [{ name: '三公 within budget', wb: seed000(0.3) }],
  invalid: [{
    name: 'seed 000: 三公 budget 0.5, actual 4.62; 因公出国 with no budget',
    wb: seed000(4.62),
    findings: [
      { messageId: 'over', severity: 'error', cells: ['Sheet1!C4', 'Sheet1!B4'], expected: '≤ 0.5', actual: '4.62', message: '三公经费超预算：“‘三公’经费”决算数 4.62 超过预算数 0.5，超出 4.12（824.00%）' },
      { messageId: 'noBudget', severity: 'error', cells: ['Sheet1!C6', 'Sheet1!B6'] },
    ],
  }],
});

ruleTester(overBudget, {
  valid: [{ name: 'under budget', wb: book(null, ['项目', '预算数', '执行数'], [['基本支出', 960.56, 955.11]]) }],
  invalid: [{
    name: 'seed 000: 基本支出 budget 955.11, actual 960.56 (三公 lines left to their own rule)',
    wb: seed000(4.62),
    findings: [{ messageId: 'over', severity: 'warning', cells: ['Sheet1!C3', 'Sheet1!B3'], message: '“基本支出”决算数 960.56 超过预算数 955.11，超出 5.45（0.57%），请说明原因' }],
  }],
});

test('a 三公 column group per unit: 预算数 | 决算数 under “三公经费”', () => {
  const s = new SheetBuilder('三公');
  s.add([['单位名称', '三公经费', null, '基本支出', null], [null, '预算数', '决算数', '预算数', '决算数']]);
  s.merge(0, 0, 1, 0).merge(0, 1, 0, 2).merge(0, 3, 0, 4);
  s.add([['合计', 6, 6.5, 100, 101], ['局机关', 6, 6.5, 100, 101]]);
  const { checkWorkbook } = require('../../../src/core') as typeof import('../../../src/core');
  const f = checkWorkbook(workbook(s), 'x', {}, [sangongOverBudget, overBudget]).report.findings;
  expect(f.map((x) => [x.rule, x.cells[0]])).toEqual([
    ['budget/sangong-over-budget', '三公!C3'], ['budget/sangong-over-budget', '三公!C4'],
    ['budget/over-budget', '三公!E3'], ['budget/over-budget', '三公!E4'],
  ]);
  expect(f[1]!.message).toBe('三公经费超预算：“局机关·三公经费”决算数 6.5 超过预算数 6，超出 0.50（8.33%）');
});

/**
 * A budget adjusted in the year: 年初预算数 | 调整预算数 | 全年预算数 (= 年初 + 调整) | 全年执行数 | 执行率 |
 * 差额（全年预算数-全年执行数）, seed 004's project among the lines. The 差额 is budget − actual, as its header says,
 * although "全年" stands before 预算数.
 */
const adjusted = (finalBudget: number, diff: number) => {
  const s = new SheetBuilder('项目');
  s.add([['项目预算执行情况表（万元）'], ['项目名称', '年初预算数', '调整预算数', '全年预算数', '全年执行数', '执行率', '差额（全年预算数-全年执行数）']]);
  s.add([['计划生育特殊家庭公共交通补贴', 15, 1.56, finalBudget, 15.7, '94.81%', diff], ['基本公共卫生服务', 35, 5, 40, 36, '90.00%', 4]]);
  return workbook(s);
};

ruleTester(budgetDifference, {
  valid: [{ name: '差额（全年预算数-全年执行数） read budget − actual', wb: adjusted(16.56, 0.86) }],
  invalid: [{
    name: 'a 差额 of the other sign',
    wb: adjusted(16.56, -0.86),
    findings: [{ messageId: 'signFlipped', cells: ['项目!G3', '项目!E3', '项目!D3'] }],
  }],
});

test('全年预算数 = 年初预算数 + 调整预算数 is checked on every line', () => {
  const findings = checkWorkbook(adjusted(16.65, 0.95), 'x.xlsx').report.findings.filter((f) => f.severity === 'error');
  expect(findings.find((f) => f.rule === 'identity/row-sum')?.message).toContain('“计划生育特殊家庭公共交通补贴”行：年初预算数 15.00 + 调整预算数 1.56 = 16.56，全年预算数填报 16.65，相差 0.09');
  expect(checkWorkbook(adjusted(16.56, 0.86), 'x.xlsx').report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});
