/**
 * Tables keyed by 功能分类 codes (recognize/codes.ts): every 类 is the sum of its 款, every 款 of its 项, 合计 of the
 * 类, and 合计 = 基本支出 + 项目支出 in every row — with the codes split over 类 | 款 | 项, in one column, as text
 * or as numbers, or at the start of the label.
 */
import { checkWorkbook } from '../../src/core';
import { codeTable, CodeStyle } from '../fixtures/codes';
import { workbook } from '../fixtures/sheet';

const loud = (f: { severity: string }): boolean => f.severity !== 'info';

describe.each<CodeStyle>(['split', 'joined', 'numbers', 'spaced', 'label'])('codes %s', (style) => {
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
