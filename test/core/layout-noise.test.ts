/**
 * Layout noise inside a table (recognize/tables.ts): zero lines printed blank, blank spacer rows, a header
 * repeated at a page break with its 栏次 line, a one-row table under a three-row header. None splits a table or
 * raises a false alarm, and a fault in the table is still found.
 */
import { checkWorkbook } from '../../src/core';
import { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { codeTable } from '../fixtures/codes';
import { SheetBuilder, workbook } from '../fixtures/sheet';

const loud = (wb: WorkbookSnapshot): string[] =>
  checkWorkbook(wb, 'x.xlsx').report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]} ${f.message}`);

/** The joined-code table with rows inserted before sheet row `at` (0-based; no merges in that layout). */
function withRows(at: number, rows: CellValue[][]): WorkbookSnapshot {
  const wb = workbook(codeTable('joined').s);
  const sheet = wb.sheets[0]!;
  sheet.values.splice(at - sheet.top, 0, ...rows);
  sheet.numberFormats?.splice(at - sheet.top, 0, ...rows.map(() => []));
  return wb;
}

test('zero lines printed blank and blank spacer rows stay inside the table', () => {
  const { rowOf } = codeTable('joined');
  const wb = withRows(rowOf('2100403'), [['2100402', '卫生监督机构', null, null, null], [null], ['2100404', '基层医疗卫生机构', null, null, null]]);
  expect(loud(wb)).toEqual([]);
  const { model } = checkWorkbook(wb, 'x.xlsx');
  expect(model.tables).toHaveLength(1);
  expect(model.tables[0]!.rows.find((r) => r.code === '21004')!.children.map((c) => c.code)).toEqual(['2100401', '2100402', '2100404', '2100403']);
});

test('a header repeated at a page break, with a 续表 and a 栏次 line, does not split the table', () => {
  const { rowOf } = codeTable('joined');
  const wb = withRows(rowOf('210'), [['续表'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['栏次', null, 1, 2, 3]]);
  expect(loud(wb)).toEqual([]);
  const { model } = checkWorkbook(wb, 'x.xlsx');
  expect(model.tables).toHaveLength(1);
  expect(model.tables[0]!.total!.children.map((c) => c.code)).toEqual(['208', '210', '221']);
  // and a fault after the break is found against the 合计 before it
  wb.sheets[0]!.values[rowOf('2100101') + 3 - wb.sheets[0]!.top]![3] = 503.26;
  const found = checkWorkbook(wb, 'x.xlsx').report.findings.filter((f) => f.severity === 'error');
  expect(found.map((f) => [f.rule, f.cells[0], f.fix])).toEqual([['identity/row-sum', '功能分类!D15', '530.26'], ['items/total', '功能分类!D15', '530.26']]);
});

/** 三公经费和机关运行经费预算表: one line of figures under a three-row header; 机关运行经费 stands beside the 三公 合计. */
function sangongOneRow(total: number): SheetBuilder {
  const s = new SheetBuilder('三公');
  s.set(0, 0, '2026年“三公”经费和机关运行经费预算表');
  s.set(1, 0, '单位：万元');
  s.block(2, 0, [['“三公”经费', null, null, null, null, null, '机关运行经费'], ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', null, null, null],
    [null, null, null, '小计', '公务用车购置费', '公务用车运行费', null]]);
  s.merge(2, 0, 2, 5).merge(3, 0, 4, 0).merge(3, 1, 4, 1).merge(3, 2, 4, 2).merge(3, 3, 3, 5).merge(2, 6, 4, 6);
  s.block(5, 0, [[total, 0, 4.5, 8, 0, 8, 66.3]]);
  return s;
}

test('a one-row table under a three-row header is read: 合计 = 出国 + 接待 + 公务用车, 公务用车 = 购置 + 运行', () => {
  expect(loud(workbook(sangongOneRow(12.5)))).toEqual([]);
  const { model } = checkWorkbook(workbook(sangongOneRow(12.5)), 'x.xlsx');
  expect(model.tables).toHaveLength(1);
  expect(model.tables[0]!.kind).toBe('sangong');
  const bad = loud(workbook(sangongOneRow(13.5)));
  expect(bad).toEqual([expect.stringMatching(/^identity\/row-sum 三公!A6 .*公务接待费 4\.5 \+ 公务用车购置及运行费·小计 8\.0 = 12\.5，.*填报 13\.5/)]);
});

test('a first line printed blank under the header, and a 总计 left blank after blank lines, stay in their table', () => {
  const s = new SheetBuilder('支出');
  s.set(0, 0, '2026年部门支出表（元）');
  s.block(1, 0, [['项目', '本年预算'], ['社会保障和就业支出', null], ['卫生健康支出', 241043.26], ['农林水支出', 11730735.2], ['住房保障支出', 703284.12]]);
  s.block(6, 0, [['合计', 12675062.58], ['结转下年', null], ['支出总计', null]]);
  const { model } = checkWorkbook(workbook(s), 'x.xlsx');
  expect(model.tables).toHaveLength(1);
  const t = model.tables[0]!;
  expect(t.rows.map((r) => r.key)).toEqual(['社会保障和就业支出', '卫生健康支出', '农林水支出', '住房保障支出', '合计', '结转下年', '支出总计']);
  // the blank first line is a line of zeros (the 合计 adds up without it); the 总计 left blank is the one error
  expect(loud(workbook(s))).toEqual([expect.stringMatching(/^items\/total 支出!B9 合计行“支出总计”的“本年预算”为 0\.00，不等于 1 项明细之和 12675062\.58/)]);
});
