import { partExceedsWhole } from '../../../src/core/rules/identity/part-exceeds-whole';
import { ruleTester } from '../../helpers/rule-tester';
import { SheetBuilder, workbook } from '../../fixtures/sheet';

/** 项目支出 其中：专项资金, 政府采购 — a "其中" list that is not a complete breakdown. */
function projects(special: number, purchase: number): SheetBuilder {
  const s = new SheetBuilder('项目');
  s.add([['单位名称', '项目支出', '其中：', null], [null, null, '专项资金', '政府采购']]);
  s.merge(0, 0, 1, 0).merge(0, 1, 1, 1).merge(0, 2, 0, 3);
  s.add([['合计', 2865.39, 2005.26, special + 100], ['局机关', 476.4, special, purchase]]);
  return s;
}

ruleTester(partExceedsWhole, {
  valid: [{ name: 'parts below the whole', wb: workbook(projects(300, 100)) }],
  invalid: [
    {
      name: 'one part above the whole',
      wb: workbook(projects(500, 100)),
      findings: [{ messageId: 'part', cells: ['项目!C4', '项目!B4'], message: '“局机关”行：其中“专项资金” 500 大于 项目支出 476.4' }],
    },
    {
      name: 'the parts together above the whole',
      wb: workbook(projects(400, 100)),
      findings: [{ messageId: 'parts', cells: ['项目!B4', '项目!C4', '项目!D4'], message: /之和 400 \+ 100 = 500\.0，超过 项目支出 476\.4，多出 23\.6/ }],
    },
  ],
});
