import { columnSum } from '../../../src/core/rules/totals/column-sum';
import { ruleTester } from '../../helpers/rule-tester';
import { book } from '../../helpers/tables';
import { INCOME, seed002, UNITS } from '../../fixtures/seed002';

const incomeRows = (total: number, edit?: [number, number]) => [
  ['局机关及二级机构汇总', total, 0, total],
  ...UNITS.map((u, i) => [`${i + 1}、${u}`, edit && edit[0] === i + 1 ? edit[1] : INCOME[i + 1]![0]!, 0, INCOME[i + 1]![0]!]),
];
const header = ['机构名称', '收入合计', '上年结转', '公共财政拨款'];

ruleTester(columnSum, {
  valid: [
    { name: 'seed 002 as filed, 汇总 first', wb: seed002().wb },
    { name: 'seed 002, 汇总 last, plain names', wb: seed002({ totalLast: true, numbering: false }).wb },
    { name: 'seed 002, unmerged headers and a blank column', wb: seed002({ merged: false, blankColumn: true }).wb },
    {
      name: 'nested 小计 rows (total first)',
      wb: book('单位：万元', ['单位名称', '支出合计'], [
        ['合计', 1139.12], ['行政单位小计', 788.64], ['局机关', 788.64], ['事业单位小计', 350.48], ['妇幼保健院', 350.48],
      ]),
    },
    {
      name: '小计 rows heading their groups, total last',
      wb: book(null, ['单位名称', '支出合计'], [
        ['行政单位小计', 788.64], ['局机关', 788.64], ['事业单位小计', 606.37], ['妇幼保健院', 350.48], ['血吸虫病预防站', 255.89], ['合计', 1395.01],
      ]),
    },
    {
      name: 'outline numbering: 一、 heads over 1、 units',
      wb: book(null, ['单位名称', '支出合计'], [
        ['一、行政单位', 788.64], ['1、局机关', 788.64], ['二、事业单位', 606.37], ['1、妇幼保健院', 350.48], ['2、血吸虫病预防站', 255.89], ['合计', 1395.01],
      ]),
    },
  ],
  invalid: [
    {
      name: 'the schema’s example: 汇总 5532.57 against units adding to 5522.57',
      wb: book('年度收入情况（万元）', header, incomeRows(5532.57)),
      findings: [{
        messageId: 'total', severity: 'error', cells: ['Sheet1!B3', 'Sheet1!B4:B13'], expected: '5522.57', actual: '5532.57', fix: null,
        message: '“局机关及二级机构汇总”行“收入合计”为 5532.57，不等于各单位之和 788.64 + 350.48 + 255.89 + … + 489.25 = 5522.57，相差 10.00',
        en: 'off by 10.00',
      }, { messageId: 'total', cells: ['Sheet1!D3'] }],
    },
    {
      name: 'one unit typed wrong: every other unit agrees with its own row, so that unit is named first, with its fix',
      wb: book(null, header, incomeRows(5522.57, [3, 265.89])),
      findings: [{ messageId: 'total', cells: ['Sheet1!B5', 'Sheet1!B2'], expected: '255.89', actual: '265.89', fix: '255.89', message: /其余各数均与其他校验相符，最可能是 Sheet1!B5 填错了/ }],
    },
    {
      name: 'one unit typed wrong with nothing else to go by: the total is named first, the units follow',
      wb: book(null, ['单位名称', '支出合计'], incomeRows(5522.57, [3, 265.89]).map((r) => [r[0]!, r[1]!])),
      findings: [{ messageId: 'total', cells: ['Sheet1!B2', 'Sheet1!B3:B12'], expected: '5532.57', actual: '5522.57' }],
    },
    {
      name: 'a 0.01 difference over 10 units is 尾差 (bound 11 × 0.005 = 0.055): info',
      wb: book(null, header, incomeRows(5522.58).map((r, i) => (i === 0 ? [r[0]!, 5522.58, 0, 5522.57] : r))),
      findings: [{ messageId: 'totalRounding', severity: 'info', message: /尾差.*相差 0\.01.*±0\.055/ }],
    },
    {
      name: 'a wrong 小计 is named first in both findings (it sits in both failing sums), with the value that mends both',
      wb: book(null, ['单位名称', '支出合计'], [
        ['合计', 1139.12], ['行政单位小计', 798.64], ['局机关', 788.64], ['事业单位小计', 350.48], ['妇幼保健院', 350.48],
      ]),
      findings: [
        { messageId: 'total', cells: ['Sheet1!B3', 'Sheet1!B2', 'Sheet1!B5'], expected: '788.64', fix: '788.64', message: /Sheet1!B3 同时处在 2 项不成立的校验中/ },
        { messageId: 'subtotal', cells: ['Sheet1!B3', 'Sheet1!B4'], expected: '788.64', actual: '798.64', fix: '788.64' },
      ],
    },
  ],
});

test('seed 002 with one unit figure changed names that column and the 汇总 row', () => {
  const { wb, placed } = seed002({ edit: (t, r, c, v) => (t === 'sangong' && r === 4 && c === 1 ? 3.5 : v) });
  const { checkWorkbook } = require('../../../src/core') as typeof import('../../../src/core');
  const f = checkWorkbook(wb, 'x', {}, [columnSum]).report.findings;
  expect(f).toHaveLength(1);
  const p = placed.sangong;
  // the changed unit is the one figure no other check vouches for: named first, with the value that mends it
  expect(f[0]!.cells[0]).toBe(`收支表!C${p.rowOf(4) + 1}`);
  expect(f[0]!.cells[1]).toBe(`收支表!C${p.rowOf(0) + 1}`);
  expect(f[0]!.message).toContain('“公务接待费”为 2.93');
  expect(f[0]!.expected).toBe('2.50');
  expect(f[0]!.actual).toBe('3.5');
});
