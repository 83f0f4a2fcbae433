/**
 * Clean layouts that a careless reading would flag: each must raise no error and no warning (a false alarm is
 * worse than a miss).
 */
import { checkWorkbook } from '../../src/core';
import { EXPENDITURE, UNITS } from '../../src/sample/seed002';
import { SheetBuilder, workbook } from '../fixtures/sheet';

const serious = (wb: ReturnType<typeof workbook>): string[] =>
  checkWorkbook(wb, 'x.xlsx').report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]} ${f.message}`);

test('a "其中" list naming two of 收入合计’s parts is partial, even where the others are zero for most units', () => {
  // ten units: 财政拨款 + 事业收入 make up 收入合计 everywhere but at 妇幼保健院, which has 30 of 其他收入 the list
  // does not name (so the 汇总 column is 30 over the two parts as well)
  const fiscal = UNITS.map((_, i) => EXPENDITURE[i + 1]![0]!);
  const business = UNITS.map((_, i) => (i % 3) * 10);
  const other = UNITS.map((_, i) => (i === 1 ? 30 : 0));
  const income = UNITS.map((_, i) => Number((fiscal[i]! + business[i]! + other[i]!).toFixed(2)));
  const sum = (v: number[]): number => Number(v.reduce((a, x) => a + x, 0).toFixed(2));
  const s = new SheetBuilder('汇总');
  s.block(0, 0, [['部门收入情况（万元）'], ['项目', '汇总', ...UNITS]]);
  s.block(2, 0, [['收入合计', sum(income), ...income], ['其中：财政拨款', sum(fiscal), ...fiscal], ['事业收入', sum(business), ...business]]);
  const { model } = checkWorkbook(workbook(s), 'x.xlsx');
  expect(model.tables[0]!.rowRelations.map((r) => r.complete)).toEqual([false]);
  expect(serious(workbook(s))).toEqual([]);
});

test('a year-over-year 增长率 written as 本年 ÷ 上年 is read as that, not flagged on every row', () => {
  const s = new SheetBuilder('对比');
  s.block(0, 0, [['项目', '2020年', '2021年', '增长率'],
    ['基本支出', 2500, 2657.18, '106.29%'], ['项目支出', 2700, 2865.39, '106.13%'], ['支出合计', 5200, 5522.57, '106.20%']]);
  expect(serious(workbook(s))).toEqual([]);
});

test('a unit with nothing filled in stays in its group: the 小计 still gathers the rows around it', () => {
  const s = new SheetBuilder('支出');
  s.block(0, 0, [['单位名称', '支出合计', '基本支出', '项目支出'],
    ['合计', 1139.12, 416.1, 723.02],
    ['（一）本级', null, null, null],
    ['局机关', 788.64, 312.24, 476.4],
    ['卫生计生综合监督执法局', null, null, null],
    ['小计', 788.64, 312.24, 476.4],
    ['（二）下属单位', null, null, null],
    ['妇幼保健院', 350.48, 103.86, 246.62],
    ['小计', 350.48, 103.86, 246.62]]);
  expect(serious(workbook(s))).toEqual([]);
});

test('a budget table narrowed to 财政拨款 is not the all-funds figure of the 支出 table', () => {
  const a = new SheetBuilder('支出');
  a.block(0, 0, [['年度支出情况（万元）'], ['单位名称', '支出合计', '基本支出', '项目支出'],
    ['合计', 1139.12, 416.1, 723.02], [UNITS[0]!, 788.64, 312.24, 476.4], [UNITS[1]!, 350.48, 103.86, 246.62]]);
  const b = new SheetBuilder('预算');
  b.block(0, 0, [['2021年财政拨款支出预算执行情况（万元）'], ['项目', '预算数', '决算数'], ['支出合计', 1100, 1039.12]]);
  expect(serious(workbook(a, b))).toEqual([]);
});

test('a row of rates among the measures (units as columns) is neither summed along nor down', () => {
  const s = new SheetBuilder('汇总');
  s.block(0, 0, [['部门收支情况（万元）'], ['项目', '汇总', '局机关', '妇幼保健院', '疾病预防控制中心'],
    ['支出合计', 1394.96, 788.64, 350.48, 255.84],
    ['其中：基本支出', 607.39, 312.24, 103.86, 191.29],
    ['项目支出', 787.57, 476.4, 246.62, 64.55],
    ['预算执行率', '95.20%', '96.10%', '93.00%', '95.80%'],
    ['基本支出占比', '43.54%', '39.59%', '29.63%', '74.77%']]);
  const { model } = checkWorkbook(workbook(s), 'x.xlsx');
  expect(model.tables[0]!.unitCols).toBe(true);
  expect(serious(workbook(s))).toEqual([]);
});
