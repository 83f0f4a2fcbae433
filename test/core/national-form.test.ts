/**
 * The national 部门（单位）整体支出绩效自评表 (test/fixtures/national-form.ts): recognised with its name (read from the
 * value cell, never the label, in every way the name line is written), its funds block, its 全年实际值 lines and its
 * 总分; the project rules raise nothing on the clean form and name the department when a figure is wrong.
 */
import { checkWorkbook } from '../../src/core';
import { DEFAULT_TOLERANCE } from '../../src/core/arith';
import { CellValue } from '../../src/core/snapshot';
import { recognize } from '../../src/core/recognize';
import { projectSheet } from '../../src/sample/project';
import { plant } from '../fixtures/layouts';
import { NATIONAL_INDICATORS, NATIONAL_NAME, nationalForm, NationalOptions } from '../fixtures/national-form';
import { workbook } from '../fixtures/sheet';

const form = (o: NationalOptions = {}) => {
  const m = recognize(nationalForm(o).wb, DEFAULT_TOLERANCE);
  expect(m.projects).toHaveLength(1);
  return { m, p: m.projects[0]! };
};

/** Errors and warnings, as rule, cell and message. */
const serious = (o: NationalOptions = {}): string[] =>
  checkWorkbook(nationalForm(o).wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info').map((x) => `${x.rule} ${x.cells[0]} ${x.message}`);

test('the national form is recognised: a 部门整体 form, its name, funds, ten 全年实际值 lines, 分值 adding up to 100, 总分, 等次', () => {
  const { m, p } = form();
  expect([p.form, p.name]).toEqual(['department', NATIONAL_NAME]);
  const f = p.funds!;
  expect([f.budget, f.actual, f.max, f.rate, f.score].map((n) => n?.value.toNumber())).toEqual([4655.76, 4565.18, 10, 0.9805, 9.81]);
  expect(p.lines.map((l) => [l.name, l.target, l.actual, l.max?.value.toNumber(), l.score?.value.toNumber()]))
    .toEqual(NATIONAL_INDICATORS.map((x) => [x[2], x[3], x[4], x[5], x[6]]));
  const points = p.lines.reduce((a, l) => a + l.max!.value.toNumber(), f.max!.value.toNumber());
  expect(points).toBe(100);
  expect([p.total?.max?.value.toNumber(), p.total?.score?.value.toNumber(), p.grade?.text]).toEqual([100, 98.17, '优']);
  // no 评分表 is made of its lines, and the 年度主要任务 / name rows are no table
  expect(m.scoreTables).toEqual([]);
  expect(m.tables.map((t) => [t.kind, t.rect.top])).toEqual([['budget', 7]]);
});

describe('the clean national form raises no error and no warning', () => {
  for (const breakdown of ['both', 'spending', 'income'] as const) {
    test(`the funds broken down by ${breakdown}`, () => expect(serious({ breakdown })).toEqual([]));
  }
  test('nothing at all from the project and 评分表 rules', () => {
    const { report } = checkWorkbook(nationalForm().wb, 'x.xlsx');
    expect(report.findings.filter((x) => /^(project|score)\//.test(x.rule))).toEqual([]);
    expect(report.tables.map((t) => t.kind)).toEqual(['department', 'budget']);
  });
});

describe('the name is the value, never the label', () => {
  const rows: Array<[string, CellValue[], string]> = [
    ['full-width brackets, the label merged over two columns', ['部门（单位）名称', null, NATIONAL_NAME], NATIONAL_NAME],
    ['half-width brackets', ['部门(单位)名称', NATIONAL_NAME], NATIONAL_NAME],
    ['one cell, full-width colon', ['部门（单位）名称：云溪区卫健局'], '云溪区卫健局'],
    ['one cell, half-width brackets and colon, a space', ['部门(单位)名称: 云溪区卫健局'], '云溪区卫健局'],
    ['a label ending in a colon', ['部门（单位）名称：', '云溪区卫健局'], '云溪区卫健局'],
    ['单位名称, blank cells before the value', ['单位名称', null, null, '云溪区卫健局'], '云溪区卫健局'],
    ['部门名称', ['部门名称', '云溪区卫健局'], '云溪区卫健局'],
  ];
  for (const [name, nameRow, expected] of rows) {
    test(name, () => {
      const { p } = form({ nameRow });
      expect([p.name, p.form]).toEqual([expected, 'department']);
    });
  }

  test('the label merged over two columns (the default) keeps the name through the report’s messages', () => {
    const f = nationalForm();
    plant(f, f.cells['total.score']!, 99.17);
    const msg = checkWorkbook(f.wb, 'x.xlsx').report.findings.find((x) => x.rule === 'project/total')?.message;
    expect(msg).toBe(`“${NATIONAL_NAME}”总分 99.17 ≠ 预算执行得分 9.81 + 各指标得分 88.36 = 98.17`);
  });

  test('a 项目名称 in one cell names a project form', () => {
    const s = projectSheet();
    s.set(2, 0, '项目名称：计划生育特殊家庭公共交通补贴项目').set(2, 1, null);
    const p = recognize(workbook(s), DEFAULT_TOLERANCE).projects[0]!;
    expect([p.name, p.form]).toEqual(['计划生育特殊家庭公共交通补贴项目', 'project']);
  });

  test('a name line with no name leaves the form unnamed', () => {
    expect(form({ nameRow: ['部门（单位）名称'] }).p.name).toBeUndefined();
  });
});

test('实际完成值 (the project template’s word) is read as 全年实际值 is', () => {
  expect(form({ actualHeader: '实际完成值' }).p.lines.map((l) => l.actual)).toEqual(NATIONAL_INDICATORS.map((x) => x[4]));
});

test('a wrong funds score, or an indicator scored above its 分值, is found on the national form and named to its cell', () => {
  const found = (cell: string, v: number): string[] => {
    const f = nationalForm();
    plant(f, f.cells[cell]!, v);
    return checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info').map((x) => `${x.rule}:${x.messageId}:${x.cells[0]}`).sort();
  };
  expect(found('whole.score', 10)).toEqual(['project/score:funds:部门整体支出绩效自评表!H9', 'project/total:score:部门整体支出绩效自评表!H9']);
  expect(found('ind2.score', 11)).toEqual(['project/score:above:部门整体支出绩效自评表!H19', 'project/total:score:部门整体支出绩效自评表!H19']);
});

test('a 总分 left blank under scored lines is a warning with the sum the lines give', () => {
  const f = nationalForm();
  plant(f, f.cells['total.score']!, null);
  const found = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info');
  expect(found.map((x) => [x.rule, x.messageId, x.severity, x.cells[0], x.expected])).toEqual([
    ['project/total', 'scoreMissing', 'warning', `${f.sheet}!H${f.cells['total.score']!.r + 1}`, '98.17'],
  ]);
});
