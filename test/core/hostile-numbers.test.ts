/** Numbers that are not numbers (issue 9, item 6, in part): exponent text, and very large values written compactly. */
import { checkWorkbook } from '../../src/core';
import { fmtFixed, Dec } from '../../src/core/decimal';
import { classify } from '../../src/core/numbers';
import { CellValue } from '../../src/core/snapshot';
import { book } from '../helpers/tables';

test('text with an exponent ("1e400", "2E5") is text, not a number', () => {
  expect(classify('1e400').k).toBe('text');
  expect(classify('2E5').k).toBe('text');
  expect(classify('1,256.62').k).toBe('num');
  expect(classify('-12.5').k).toBe('num');
});

test('a very large value is written compactly, never with hundreds of digits', () => {
  expect(fmtFixed(new Dec('1e308'), 2)).toBe('1E+308');
  expect(fmtFixed(new Dec('-2.5e21'), 0)).toBe('-2.5E+21');
  // an amount is never in exponent notation: a 17-digit figure is written in full (issue 19)
  expect(fmtFixed(new Dec('123556789012345678.4'), 2)).toBe('123556789012345678.40');
  expect(fmtFixed(new Dec('-2.5e20'), 0)).toBe('-250000000000000000000');
  expect(fmtFixed(new Dec('5522.57'), 2)).toBe('5522.57');
  // a tiny value is compact too, and does not make the ordinary figures beside it compact
  expect(fmtFixed(new Dec('1e-300'), 300)).toBe('1E-300');
  expect(fmtFixed(new Dec('723.02'), 300)).toBe('723.02');
  const tiny = checkWorkbook(book(null, ['单位名称', '支出合计', '基本支出', '项目支出'], [['合计', 1139.12, 416.1, 723.02], ['局机关', 788.64, 312.24, 1e-300], ['妇幼保健院', 350.48, 103.86, 246.62]]), 'x').report;
  expect(tiny.findings[0]!.message).toMatch(/^“合计”行“项目支出”为 723\.02，不等于各单位之和 1E-300 \+ 246\.62 = 246\.62，相差 476\.40?/);
  const { report } = checkWorkbook(book(null, ['单位名称', '支出合计'], [['合计', 1e308], ['局机关', 1], ['妇幼保健院', 2]]), 'x');
  for (const f of report.findings) expect(f.message.length).toBeLessThan(400);
});

describe('a figure cell that holds no number is said to be "不是数字", and never shown as 0', () => {
  const cases: Array<[string, CellValue, string | null]> = [
    ['“1,2,3”', '1,2,3', null], ['“NaN”', 'NaN', null], ['“Infinity”', 'Infinity', null], ['TRUE', true, null],
    ['a date', 44561, 'yyyy-mm-dd'], ['“1e400”', '1e400', null], ['“2021-05-01”', '2021-05-01', null],
  ];
  test.each(cases)('%s', (_, bad, fmt) => {
    const wb = book(null, ['单位名称', '支出合计', '基本支出', '项目支出'], [['合计', 1139.12, 416.1, 723.02], ['局机关', 788.64, 312.24, bad], ['妇幼保健院', 350.48, 103.86, 246.62]]);
    if (fmt) wb.sheets[0]!.numberFormats![2]![3] = fmt;
    const { report } = checkWorkbook(wb, 'x.xlsx');
    const nan = report.findings.find((f) => f.rule === 'input/not-a-number')!;
    expect(nan.severity).toBe('warning');
    expect(nan.cells).toEqual(['Sheet1!D3']);
    expect(nan.message).toMatch(/^“项目支出”列有 1 个单元格应为数字，实为“.+”等，不是数字/);
    // the sums through it still point at it, showing what it holds instead of "实为 0"
    const sums = report.findings.filter((f) => f.severity === 'error');
    expect(sums.length).toBeGreaterThan(0);
    for (const f of sums) {
      expect(f.cells[0]).toBe('Sheet1!D3');
      expect(f.actual).not.toBe('0');
      expect(f.actual).toMatch(/^“/);
    }
  });
  test('words in a figure cell ("详见附表") and dashes are not flagged', () => {
    for (const v of ['详见附表', '—', '无']) {
      const wb = book(null, ['单位名称', '支出合计', '基本支出', '项目支出'], [['合计', 1139.12, 416.1, 723.02], ['局机关', 788.64, 312.24, 476.4], ['妇幼保健院', 350.48, 103.86, v]]);
      expect(checkWorkbook(wb, 'x.xlsx').report.findings.filter((f) => f.rule === 'input/not-a-number')).toEqual([]);
    }
  });
});
