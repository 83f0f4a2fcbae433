import { incomeBalance } from '../../../src/core/rules/cross/income-balance';
import { ruleTester } from '../../helpers/rule-tester';
import { seed002 } from '../../fixtures/seed002';
import { SheetBuilder, workbook } from '../../fixtures/sheet';

/** 收入 in 元 on one sheet, 支出 with 当年结余 in 万元 on another. */
function mixedUnits(incomeYuan: number): ReturnType<typeof workbook> {
  const a = new SheetBuilder('收入');
  a.add([['单位：元'], ['单位名称', '收入合计', '上年结转', '财政拨款收入', '其他收入'],
    ['合计', incomeYuan + 1000000, 1000000, incomeYuan, 0], ['局机关', incomeYuan + 1000000, 1000000, incomeYuan, 0]]);
  const b = new SheetBuilder('支出');
  b.add([['单位：万元'], ['单位名称', '支出合计', '基本支出', '项目支出', '当年结余'],
    ['合计', 780, 300, 480, 8.64], ['局机关', 780, 300, 480, 8.64]]);
  return workbook(a, b);
}

ruleTester(incomeBalance, {
  valid: [
    { name: 'seed 002: 收入合计 = 支出合计 + 累计结余 for every unit', wb: seed002().wb },
    { name: '收入 in 元, 支出 in 万元: 100 + 7886400 元 = 780 + 8.64 万元 + 上年结转', wb: mixedUnits(7886400) },
  ],
  invalid: [
    {
      name: 'seed 002 with 局机关 累计结余 10',
      wb: seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 6 ? 10 : v) }).wb,
      findings: [{
        messageId: 'mismatch', cells: ['收支表!B5', '收支表!B22', '收支表!H22'], expected: '798.64', actual: '788.64',
        message: '“1、局机关”收入合计 788.64 ≠ 支出合计 788.64 + 累计结余 10 = 798.64，相差 10.00',
      }],
    },
    {
      name: 'mixed units with the income 1 元 short is 尾差 at most; 100 元 short is an error',
      wb: mixedUnits(7786400),
      findings: [{ messageId: 'mismatch', cells: ['收入!B3'] }, { messageId: 'mismatch', cells: ['收入!B4'] }],
    },
  ],
});
