import { checkWorkbook } from '../../../src/core';
import { unconfirmed } from '../../../src/core/rules/structure/unconfirmed';
import { INCOME, UNITS } from '../../../src/sample/seed002';
import { ruleTester } from '../../helpers/rule-tester';
import { book } from '../../helpers/tables';

/** 收入合计 | 财政拨款 | 其他收入 where the template's 上年结转 column was left out: 收入合计 is more than the two
 *  columns shown in every row, so the vocabulary's 收入合计 = 财政拨款 + 其他收入 is a misreading, not 11 errors. */
const hiddenCarry = () => book('年度收入情况（万元）', ['单位名称', '收入合计', '财政拨款', '其他收入'], [
  ['合计', 5572.57, 5522.57, 0],
  ...UNITS.map((u, i) => [u, INCOME[i + 1]![0]! + 5, INCOME[i + 1]![0]!, 0]),
]);

ruleTester(unconfirmed, {
  valid: [{ name: 'seed 002 income figures: every proposed sum holds', wb: book('年度收入情况（万元）', ['单位名称', '收入合计', '财政拨款', '其他收入'], [
    ['合计', 5522.57, 5522.57, 0], ...UNITS.map((u, i) => [u, INCOME[i + 1]![0]!, INCOME[i + 1]![0]!, 0]),
  ]) }],
  invalid: [{
    name: 'a breakdown that holds in no row is reported once, as a note',
    wb: hiddenCarry(),
    findings: [{ messageId: 'misread', severity: 'info', cells: ['Sheet1!B2:B13'], message: /“收入合计 = 财政拨款 \+ 其他收入”应成立，但数字在 11 处不符、仅 0 处相符/ }],
  }],
});

test('the misread breakdown raises no error from the other rules', () => {
  const { report } = checkWorkbook(hiddenCarry(), 'x.xlsx');
  expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});
