import { constantTotal } from '../../../src/core/rules/formula/constant-total';
import { formulaCoverage } from '../../../src/core/rules/formula/coverage';
import { ruleTester } from '../../helpers/rule-tester';
import { seed002 } from '../../fixtures/seed002';
import { WorkbookSnapshot } from '../../../src/core/snapshot';

/** seed 002 with SUM formulas in the 汇总 rows; `f` rewrites the income table's 收入合计 formula (cell B3). */
function withFormula(f: string | null, col = 1): WorkbookSnapshot {
  const { wb, placed } = seed002({ formulas: true });
  const s = wb.sheets.find((x) => x.name === '收支表')!;
  s.formulas![placed.income.rowOf(0)]![col] = f;
  return wb;
}

ruleTester(formulaCoverage, {
  valid: [
    { name: 'seed 002 with =SUM(B4:B13) in every 汇总 cell', wb: seed002({ formulas: true }).wb },
    { name: '汇总 last', wb: seed002({ formulas: true, totalLast: true }).wb },
    { name: 'a sum written out with + and ROUND', wb: withFormula('=ROUND(B5+B6+B7+B8+B9+B10+SUM(B11:B14),2)') },
    { name: 'a formula of another shape is left alone', wb: withFormula('=AVERAGE(B4:B13)*10') },
  ],
  invalid: [
    {
      name: 'a SUM that skips the last unit, while the value still agrees',
      wb: withFormula('=SUM(B5:B13)'),
      findings: [{ messageId: 'coverage', cells: ['收支表!B4', '收支表!B14'], message: '“局机关及二级机构汇总”行“收入合计”的公式 =SUM(B5:B13) 漏掉了 “10、陆城镇卫生院”（B14）' }],
    },
    {
      name: 'a unit added twice',
      wb: withFormula('=SUM(B5:B14)+B6'),
      findings: [{ messageId: 'coverage', cells: ['收支表!B4', '收支表!B6'], message: /重复计入了 “2、妇幼保健院”（B6）/, en: 'adds “2、妇幼保健院”（B6） more than once' }],
    },
  ],
});

test('a 小计 added together with its own rows is named', () => {
  const { SheetBuilder, workbook } = require('../../fixtures/sheet') as typeof import('../../fixtures/sheet');
  const { checkWorkbook } = require('../../../src/core') as typeof import('../../../src/core');
  const s = new SheetBuilder('支出');
  s.add([['单位名称', '支出合计'], ['行政单位小计', 788.64], ['局机关', 788.64], ['事业单位小计', 350.48], ['妇幼保健院', 350.48], ['合计', 1139.12]]);
  s.formula(5, 1, '=SUM(B2:B5)');
  const f = checkWorkbook(workbook(s), 'x', {}, [formulaCoverage]).report.findings;
  expect(f).toHaveLength(1);
  expect(f[0]!.message).toBe('“合计”行“支出合计”的公式 =SUM(B2:B5) 多计入了 “局机关”（B3）、“妇幼保健院”（B5）');
  expect(f[0]!.cells).toEqual(['支出!B6', '支出!B3', '支出!B5']);
});

test('a row whole whose formula leaves out a part', () => {
  const { wb, placed } = seed002();
  const s = wb.sheets.find((x) => x.name === '收支表')!;
  const r = placed.expenditure.rowOf(1);
  s.formulas![r]![1] = `=C${r + 1}`; // 支出合计 = 基本支出, 项目支出 forgotten
  const { checkWorkbook } = require('../../../src/core') as typeof import('../../../src/core');
  const f = checkWorkbook(wb, 'x', {}, [formulaCoverage]).report.findings;
  expect(f.map((x) => x.message)).toEqual([`“1、局机关”行“支出合计”的公式 =C${r + 1} 漏掉了 “项目支出”（F${r + 1}）`]);
});

ruleTester(constantTotal, {
  valid: [{ name: 'every 汇总 cell a formula', wb: seed002({ formulas: true }).wb }, { name: 'no formulas at all', wb: seed002().wb }],
  invalid: [{
    name: 'one 汇总 cell typed while the others are formulas',
    wb: withFormula(null),
    findings: [{ messageId: 'constant', severity: 'info', cells: ['收支表!B4', '收支表!C4', '收支表!D4'], message: '“局机关及二级机构汇总”行“收入合计”是手工录入的 5522.57，而同行其他合计单元格是公式；修改明细后它不会随之更新' }],
  }],
});
