/** Numbers that are not numbers (issue 9, item 6, in part): exponent text, and very large values written compactly. */
import { checkWorkbook } from '../../src/core';
import { fmtFixed, Dec } from '../../src/core/decimal';
import { classify } from '../../src/core/numbers';
import { book } from '../helpers/tables';

test('text with an exponent ("1e400", "2E5") is text, not a number', () => {
  expect(classify('1e400').k).toBe('text');
  expect(classify('2E5').k).toBe('text');
  expect(classify('1,256.62').k).toBe('num');
  expect(classify('-12.5').k).toBe('num');
});

test('a very large value is written compactly, never with hundreds of digits', () => {
  expect(fmtFixed(new Dec('1e308'), 2)).toBe('1E+308');
  expect(fmtFixed(new Dec('-2.5e20'), 0)).toBe('-2.5E+20');
  expect(fmtFixed(new Dec('5522.57'), 2)).toBe('5522.57');
  const { report } = checkWorkbook(book(null, ['单位名称', '支出合计'], [['合计', 1e308], ['局机关', 1], ['妇幼保健院', 2]]), 'x');
  for (const f of report.findings) expect(f.message.length).toBeLessThan(400);
});
