/**
 * Property tests: consistent tables of random shape raise no error; changing any one figure raises an error
 * that names that cell first; random grids never make the engine throw.
 */
import fc from 'fast-check';
import { cellA1 } from '../../src/core/a1';
import { checkWorkbook } from '../../src/core';
import { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { SheetBuilder, workbook } from '../fixtures/sheet';

interface Shape {
  units: number[][]; // per unit: part amounts in 分 (cents)
  partNames: string[];
  totalFirst: boolean;
  numbered: boolean;
  merged: boolean;
  title: boolean;
  formats: boolean;
  top: number;
  left: number;
}

const UNIT_NAMES = ['局机关', '妇幼保健院', '血吸虫病预防站', '疾病预防控制中心', '卫生计生综合监督执法局', '路口镇中心卫生院', '长岭街道社区卫生服务中心',
  '松阳湖街道社区卫生服务中心', '云溪街道社区卫生服务中心', '陆城镇卫生院', '人民医院', '中医院'];
const PART_NAMES = ['人员支出', '公用支出', '公务接待费', '在用固定资产', '出租固定资产', '事业收入', '经营收入', '上年结转'];

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  k: fc.integer({ min: 1, max: 4 }),
  n: fc.integer({ min: 2, max: 12 }),
}).chain(({ k, n }) => fc.record({
  units: fc.array(fc.array(fc.integer({ min: 0, max: 99_999_99 }), { minLength: k + 1, maxLength: k + 1 }), { minLength: n, maxLength: n }),
  partNames: fc.shuffledSubarray(PART_NAMES, { minLength: k, maxLength: k }).map((p) => [...p, '其他']),
  totalFirst: fc.boolean(),
  numbered: fc.boolean(),
  merged: fc.boolean(),
  title: fc.boolean(),
  formats: fc.boolean(),
  top: fc.integer({ min: 0, max: 5 }),
  left: fc.integer({ min: 0, max: 3 }),
}));

const yuan = (cents: number): number => Number((cents / 100).toFixed(2));

/** 单位名称 | 合计 | 其中：part… | 其他 — every row's 合计 is the sum of its parts, the 合计 row the sum of the units. */
function build(s: Shape): { wb: WorkbookSnapshot; cells: Array<{ r: number; c: number }> } {
  const b = new SheetBuilder('表1');
  let r = s.top;
  if (s.title) b.set(r++, s.left, '年度支出情况（万元）');
  const width = s.partNames.length + 2;
  b.set(r, s.left, '单位名称').set(r, s.left + 1, '合计').set(r, s.left + 2, '其中：');
  s.partNames.forEach((p, j) => b.set(r + 1, s.left + 2 + j, p));
  if (s.merged) b.merge(r, s.left, r + 1, s.left).merge(r, s.left + 1, r + 1, s.left + 1).merge(r, s.left + 2, r, s.left + width - 1);
  r += 2;
  const rows = s.units.map((u, i) => ({ label: s.numbered ? `${i + 1}、${UNIT_NAMES[i]}` : UNIT_NAMES[i]!, parts: u }));
  const totals = s.partNames.map((_, j) => rows.reduce((a, x) => a + x.parts[j]!, 0));
  const all = [{ label: '合计', parts: totals }, ...rows];
  const ordered = s.totalFirst ? all : [...rows, all[0]!];
  const cells: Array<{ r: number; c: number }> = [];
  for (const row of ordered) {
    b.set(r, s.left, row.label);
    const whole = row.parts.reduce((a, x) => a + x, 0);
    [whole, ...row.parts].forEach((v, j) => {
      b.set(r, s.left + 1 + j, yuan(v), s.formats ? { fmt: '#,##0.00' } : {});
      cells.push({ r, c: s.left + 1 + j });
    });
    r++;
  }
  return { wb: workbook(b), cells };
}

test('consistent tables of random shape raise no error and no warning', () => {
  fc.assert(fc.property(shapeArb, (s) => {
    const { report, model } = checkWorkbook(build(s).wb, 'p.xlsx');
    expect(model.notes.filter((n) => n.kind === 'unreadable-sheet')).toEqual([]);
    expect(report.tables).toHaveLength(1);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  }), { numRuns: 150 });
});

test('changing any one figure by 0.16 or more raises an error naming that cell first', () => {
  fc.assert(fc.property(shapeArb, fc.nat(), fc.integer({ min: 16, max: 100_000_00 }), fc.boolean(), (s, pick, delta, down) => {
    const { wb, cells } = build(s);
    const { r, c } = cells[pick % cells.length]!;
    const sheet = wb.sheets[0]!;
    const old = sheet.values[r]![c] as number;
    const next = yuan(Math.round(old * 100) + (down && old * 100 >= delta ? -delta : delta));
    sheet.values[r]![c] = next as CellValue;
    const { report } = checkWorkbook(wb, 'p.xlsx');
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((f) => f.cells[0] === `表1!${cellA1(r, c)}`)).toBe(true);
  }), { numRuns: 200 });
});

const WORDS = ['合计', '小计', '汇总', '其中：', '机构名称', '单位名称', '收入合计', '支出合计', '基本支出', '项目支出', '预算数', '决算数', '执行率',
  '差额', '三公经费', '公务接待费', '一级指标', '三级指标', '分值', '自评得分', '总分', '评价等次', '优秀', '人员编制', '实有人数', '—', '-', '/',
  '1,256.62', '(12.50)', '94.78%', '１２', '其他', '1、局机关', '一、行政单位', '', ' '];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: false })) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }) },
);

test('random grids never make the engine throw, and no rule fails on them', () => {
  const gridArb = fc.record({
    values: fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 25 }),
    merges: fc.array(fc.tuple(fc.nat(30), fc.nat(10), fc.nat(30), fc.nat(10)).map(([a, b, c, d]) => `${cellA1(a, b)}:${cellA1(c, d)}`), { maxLength: 6 }),
    formulas: fc.array(fc.array(fc.option(fc.constantFrom('=SUM(B2:B9)', '=B2+B3', '=SUM(', '=AVERAGE(A1:A3)', "='x'!A1", '=B2-B3')), { maxLength: 9 }), { maxLength: 25 }),
    top: fc.nat(5),
    left: fc.nat(3),
  });
  fc.assert(fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), (grids) => {
    const wb: WorkbookSnapshot = { sheets: grids.map((g, i) => ({ name: `S${i}`, ...g })) };
    const { report, model } = checkWorkbook(wb, 'fuzz.xlsx');
    expect(report.findings.filter((f) => f.rule === 'engine/rule-failed')).toEqual([]);
    // a recogniser that throws is caught per sheet: that must not happen either
    expect(model.notes.filter((n) => n.kind === 'unreadable-sheet')).toEqual([]);
    JSON.stringify(report);
  }), { numRuns: 300 });
});
