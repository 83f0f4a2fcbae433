/**
 * Tables keyed by 功能分类 codes (recognize/codes.ts): every 类 is the sum of its 款, every 款 of its 项, 合计 of the
 * 类, and 合计 = 基本支出 + 项目支出 in every row — with the codes split over 类 | 款 | 项, in one column, as text
 * or as numbers, or at the start of the label.
 */
import { checkWorkbook } from '../../src/core';
import { CellValue } from '../../src/core/snapshot';
import { SheetBuilder, workbook } from '../fixtures/sheet';

type Style = 'split' | 'joined' | 'numbers' | 'spaced' | 'label';

/** 类/款/项 code, name, 基本支出, 项目支出 (万元) of the 项 lines; the 类 and 款 lines are their sums. */
const LINES: Array<[string, string, number, number]> = [
  ['208', '社会保障和就业支出', 0, 0],
  ['20805', '行政事业单位养老支出', 0, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 120.5, 0],
  ['2080506', '机关事业单位职业年金缴费支出', 48.2, 0],
  ['210', '卫生健康支出', 0, 0],
  ['21001', '卫生健康管理事务', 0, 0],
  ['2100101', '行政运行', 530.26, 0],
  ['2100199', '其他卫生健康管理事务支出', 0, 86.4],
  ['21004', '公共卫生', 0, 0],
  ['2100401', '疾病预防控制机构', 610.33, 120],
  ['2100403', '妇幼保健机构', 402.1, 55.5],
  ['221', '住房保障支出', 0, 0],
  ['22102', '住房改革支出', 0, 0],
  ['2210201', '住房公积金', 90.12, 0],
];

/** Each line's [基本, 项目] in 分: a 项 its own, a 类 or 款 the sum of the 项 under it, 合计 the sum of the 类. */
function cents(): Array<[number, number]> {
  const leaf = LINES.map(([, , b, p]) => [Math.round(b * 100), Math.round(p * 100)] as [number, number]);
  return LINES.map(([code], i) => {
    if (code.length === 7) return leaf[i]!;
    return LINES.reduce<[number, number]>((a, [c], j) => (c.length === 7 && c.startsWith(code) ? [a[0] + leaf[j]![0], a[1] + leaf[j]![1]] : a), [0, 0]);
  });
}

export function codeTable(style: Style): { s: SheetBuilder; rowOf: (code: string) => number } {
  const s = new SheetBuilder('功能分类');
  s.set(0, 0, '一般公共预算支出功能分类预算表');
  s.set(1, 0, '单位：万元');
  const split = style === 'split';
  const nameCol = style === 'label' ? 0 : split ? 3 : 1;
  if (split) {
    s.block(2, 0, [['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'], ['类', '款', '项', null, null, null, null]]);
    s.merge(2, 0, 2, 2).merge(2, 3, 3, 3).merge(2, 4, 3, 4).merge(2, 5, 3, 5).merge(2, 6, 3, 6);
  } else if (style === 'label') s.block(3, 0, [['科目编码及名称', '合计', '基本支出', '项目支出']]);
  else s.block(3, 0, [['科目编码', '科目名称', '合计', '基本支出', '项目支出']]);
  const v = cents();
  const total = v.reduce((a, x, i) => (LINES[i]![0].length === 3 ? [a[0] + x[0], a[1] + x[1]] : a), [0, 0]);
  const row = (r: number, label: string, x: [number, number]): void => {
    s.set(r, nameCol, label);
    [x[0] + x[1], x[0], x[1]].forEach((y, j) => s.set(r, nameCol + 1 + j, y / 100, { fmt: '0.00' }));
  };
  row(4, '合计', total as [number, number]);
  LINES.forEach(([code, name], i) => {
    const r = 5 + i;
    row(r, style === 'label' ? `${code} ${name}` : name, v[i]!);
    const cell = (c: number, x: CellValue): void => void s.set(r, c, x);
    if (split) {
      if (code.length === 3) cell(0, code);
      if (code.length === 5) cell(1, code.slice(3));
      if (code.length === 7) cell(2, code.slice(5));
    } else if (style === 'joined') cell(0, code);
    else if (style === 'numbers') cell(0, Number(code));
    else if (style === 'spaced') cell(0, [code.slice(0, 3), code.slice(3, 5), code.slice(5)].filter(Boolean).join(' '));
  });
  return { s, rowOf: (code) => 5 + LINES.findIndex((l) => l[0] === code) };
}

const loud = (f: { severity: string }): boolean => f.severity !== 'info';

describe.each<Style>(['split', 'joined', 'numbers', 'spaced', 'label'])('codes %s', (style) => {
  test('a correct table raises nothing, and the code tree is read', () => {
    const { s, rowOf } = codeTable(style);
    const { report, model } = checkWorkbook(workbook(s), 'x.xlsx');
    expect(report.findings.filter(loud).map((f) => f.message)).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'input/number-as-text')).toEqual([]);
    const t = model.tables[0]!;
    const byRow = (r: number) => t.rows.find((x) => x.row === r)!;
    expect(byRow(rowOf('210')).children.map((c) => c.code)).toEqual(['21001', '21004']);
    expect(byRow(rowOf('21004')).children.map((c) => c.code)).toEqual(['2100401', '2100403']);
    expect(t.total!.children.map((c) => c.code)).toEqual(['208', '210', '221']);
    expect(t.relations.some((r) => r.parts.length === 2)).toBe(true);
  });

  test('a 项 figure typed wrong is named, with its fix', () => {
    const { s, rowOf } = codeTable(style);
    const col = style === 'split' ? 5 : style === 'label' ? 2 : 3;
    s.set(rowOf('2100401'), col, 601.33, { fmt: '0.00' });
    const { report } = checkWorkbook(workbook(s), 'x.xlsx');
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const named = errors.find((f) => f.fix !== undefined);
    expect(named?.cells[0]).toBe(`功能分类!${String.fromCharCode(65 + col)}${rowOf('2100401') + 1}`);
    expect(named?.fix).toBe('610.33');
  });
});

test('a 款 line whose 项 do not add up to it names the 款 code in the message', () => {
  const { s, rowOf } = codeTable('joined');
  s.set(rowOf('21001'), 3, 626.66, { fmt: '0.00' });
  const { report } = checkWorkbook(workbook(s), 'x.xlsx');
  expect(report.findings.some((f) => f.message.includes('科目“21001 卫生健康管理事务”'))).toBe(true);
});
