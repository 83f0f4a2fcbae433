/**
 * cross/same-figure pairs a figure only with the same item, entity, measure and year elsewhere: a budget's stages
 * (年初预算数, 调整预算数) are not the budget another table states, and a 预算 table's plain amounts are budgets.
 */
import { sameFigure } from '../../../src/core/rules/cross/same-figure';
import { ruleTester } from '../../helpers/rule-tester';
import { SheetBuilder, workbook } from '../../fixtures/sheet';

/** 三公 by stage of the budget, and a second table stating the 三公 合计 (预算数 | 决算数). */
function stages(finalBudget: number, plainTitle?: string, plainAmount?: number): SheetBuilder {
  const s = new SheetBuilder('三公');
  s.add([['2021年“三公”经费预算调整及执行情况（万元）'], ['项目', '年初预算数', '调整预算数', '全年预算数', '全年执行数']]);
  s.add([['“三公”经费合计', 10, 2.5, 12.5, 10.2], ['公务接待费', 4, 0.5, 4.5, 2.74], ['公务用车购置及运行维护费', 6, 2, 8, 7.46]]);
  s.add([['2021年“三公”经费预算执行情况（万元）'], ['项目', '预算数', '决算数'], ['“三公”经费', finalBudget, 10.2]], 0, 1);
  if (plainTitle) s.add([[plainTitle], ['项目', '金额'], ['“三公”经费', plainAmount!]], 0, 1);
  return s;
}

ruleTester(sameFigure, {
  valid: [
    { name: '年初预算数 10 is not the 预算数 12.5 of another table', wb: workbook(stages(12.5)) },
    { name: 'a 预算 table’s plain amount is a budget, not the 决算数', wb: workbook(stages(12.5, '2021年“三公”经费预算表（万元）', 12.5)) },
  ],
  invalid: [{
    name: 'the 全年预算数 against another table’s 预算数',
    wb: workbook(stages(12)),
    findings: [{ messageId: 'mismatch' }],
  }],
});
