import { unitSet } from '../../../src/core/rules/cross/unit-set';
import { ruleTester } from '../../helpers/rule-tester';
import { seed002 } from '../../fixtures/seed002';

ruleTester(unitSet, {
  valid: [
    { name: 'seed 002: the same ten units in all four tables', wb: seed002().wb },
    { name: 'seed 002, one table per sheet, numbering left off', wb: seed002({ perSheet: true, numbering: false }).wb },
  ],
  invalid: [
    {
      name: 'a unit renamed in the 三公 table is missing there and extra there',
      wb: (() => {
        const { wb, placed } = seed002();
        const s = wb.sheets.find((x) => x.name === '收支表')!;
        s.values[placed.sangong.rowOf(2)]![0] = '2、妇幼保健计划生育服务中心';
        return wb;
      })(),
      findings: [
        { messageId: 'missing', cells: ['收支表!A35:F47', '收支表!A6'], message: '单位“2、妇幼保健院”出现在“年度收入情况（万元）”中，但“‘三公’经费支出情况（万元）”中没有' },
        { messageId: 'extra', cells: ['收支表!A39', '收支表!A2:G14'], en: 'Unit “2、妇幼保健计划生育服务中心” is in' },
      ],
    },
  ],
});
