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

/**
 * A "其中：" list whose later items are aligned under its first item with full-width spaces: siblings in the list,
 * not parts of the line above (a 三公 table, with a nested 其中 under 公务用车购置及运行维护费).
 */
function alignedSangong(reception: number): SheetBuilder {
  const s = new SheetBuilder('三公');
  s.add([['项目', '预算数', '决算数']]);
  s.add([['“三公”经费合计', 12.5, 10.2], ['其中：因公出国（境）费', 0, 0], ['　　　公务用车购置及运行维护费', 8, 7.46],
    ['　　　　其中：公务用车购置费', 0, 0], ['　　　　　　　公务用车运行维护费', 8, 7.46], ['　　　公务接待费', 4.5, reception]]);
  return s;
}

/** The national 部门整体 form's funds block: 年度资金总额, "其中：基本支出", "　　　项目支出" (larger than 基本支出). */
function alignedFunds(): SheetBuilder {
  const s = new SheetBuilder('部门整体');
  s.add([['项目', '年初预算数', '全年预算数', '全年执行数']]);
  s.add([['年度资金总额', 4300, 4565.18, 4565.18], ['其中：基本支出', 1850, 1905.36, 1905.36], ['　　　项目支出', 2450, 2659.82, 2659.82]]);
  return s;
}

ruleTester(partExceedsWhole, {
  valid: [
    { name: 'parts below the whole', wb: workbook(projects(300, 100)) },
    { name: 'a 其中 list aligned under its first item (三公)', wb: workbook(alignedSangong(2.74)) },
    { name: 'a 其中 list aligned under its first item (funds block)', wb: workbook(alignedFunds()) },
  ],
  invalid: [
    {
      name: 'one part above the whole',
      wb: workbook(projects(500, 100)),
      findings: [{ messageId: 'part', cells: ['项目!C4', '项目!B4'], message: '“局机关”行：其中“专项资金” 500 大于 项目支出 476.4' }],
    },
    {
      name: 'the parts together above the whole',
      wb: workbook(projects(400, 100)),
      findings: [{ messageId: 'parts', cells: ['项目!B4', '项目!C4', '项目!D4'], message: /其中各项 专项资金 400\.0 \+ 政府采购 100\.0 = 500\.0，超过项目支出 476\.4，多出 23\.6/ }],
    },
  ],
});
