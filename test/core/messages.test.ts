/**
 * Messages a person can follow (issue 19, item 3): names and figures line up, no one-term sums, every figure at
 * the equation's decimals, no exponent notation for amounts, quotes nested the Chinese way.
 */
import { checkWorkbook } from '../../src/core';
import { render } from '../../src/core/messages';
import { book } from '../helpers/tables';

const messages = (rows: Parameters<typeof book>[2], header: string[]): string[] =>
  checkWorkbook(book(null, header, rows), 'x.xlsx').report.findings.filter((f) => f.severity === 'error').map((f) => f.message);

test('a row identity names each figure it adds; a blank or zero part is left out with its name', () => {
  const header = ['单位名称', '收入合计', '上年结转结余', '一般公共预算财政拨款', '政府性基金预算拨款', '财政专户管理资金', '其他收入'];
  const found = messages([
    ['合计', 222.79, 0, 221.79, null, null, 1],
    ['局机关', 150.5, 0, 149.5, null, null, 1],
    ['疾控中心', 71.29, 0, 72.29, null, null, 0],
  ], header);
  const line = found.find((m) => m.startsWith('“疾控中心”行'))!;
  // one part holds a figure: the figure alone, never "72.29 = 72.29"; the names of the blank parts are not there
  expect(line).toMatch(/^“疾控中心”行：一般公共预算财政拨款 72\.29，收入合计填报 71\.29，相差 1\.00/);
  expect(line).not.toContain('上年结转结余');
  expect(line).not.toMatch(/72\.29 = 72\.29/);
});

test('every figure of an equation at its decimals: 1 among 221.79 is 1.00', () => {
  const header = ['单位名称', '收入合计', '一般公共预算财政拨款', '其他收入'];
  const [m] = messages([['局机关', 223.79, 221.79, 1]], header);
  expect(m).toBe('“局机关”行：一般公共预算财政拨款 221.79 + 其他收入 1.00 = 222.79，收入合计填报 223.79，相差 1.00');
});

test('a 17-digit amount is written in full, never as 1.23556789012346E+17', () => {
  const header = ['单位名称', '支出合计', '基本支出', '项目支出'];
  const [m] = messages([['局机关', 123556789012345680, 100000000000000000, 23556789012345000]], header);
  expect(m).not.toMatch(/E\+/);
  // (Excel keeps 15 significant digits, and so does the reading of a cell)
  expect(m).toContain('支出合计填报 123556789012346000，相差 1000');
});

test('a quoted value with quotes of its own nests them: “‘三公’经费合计”, never ““三公”经费合计”', () => {
  const t = { zh: '“{row}”行，{label}', en: '“{row}”, {label}' };
  expect(render(t, 'zh', { row: '“三公”经费合计', label: '“三公”经费' })).toBe('“‘三公’经费合计”行，“三公”经费');
  expect(render(t, 'en', { row: 'plain' })).toBe('“plain”, {label}');
});
