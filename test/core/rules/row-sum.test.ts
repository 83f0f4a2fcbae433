import { rowSum } from '../../../src/core/rules/identity/row-sum';
import { checkWorkbook } from '../../../src/core';
import { ruleTester } from '../../helpers/rule-tester';
import { book } from '../../helpers/tables';
import { seed002 } from '../../fixtures/seed002';
import { SheetBuilder, workbook } from '../../fixtures/sheet';

/** A flat header: the vocabulary, not the header tree, says 支出合计 = 基本支出 + 项目支出. */
const flat = (basic: number) => book('支出情况表', ['单位名称', '支出合计', '基本支出', '人员经费', '日常公用经费', '项目支出', '当年结余'], [
  ['合计', 1139.12, basic, 382.98, 33.12, 723.02, 0],
  ['局机关', 788.64, 312.24, 301.62, 10.62, 476.4, 0],
  ['妇幼保健院', 350.48, 103.86, 81.36, 22.5, 246.62, 0],
]);

/** 三公 with a two-level 公务用车 group whose 小计 is the part: 合计 = 出国 + 接待 + 用车小计, 小计 = 购置 + 运行. */
function sangongGroups(carSub: number): SheetBuilder {
  const s = new SheetBuilder('三公');
  s.add([['单位', '三公经费', null, null, null, null, null], [null, '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行维护费', null, null],
    [null, null, null, null, '小计', '购置费', '运行维护费']]);
  s.merge(0, 0, 2, 0).merge(0, 1, 0, 6).merge(1, 1, 2, 1).merge(1, 2, 2, 2).merge(1, 3, 2, 3).merge(1, 4, 1, 6);
  s.add([['合计', 5.93, 0, 2.93, carSub, 0, 3], ['疾病预防控制中心', 5.5, 0, 2.5, 3, 0, 3], ['卫生计生综合监督执法局', 0.43, 0, 0.43, 0, 0, 0]]);
  return s;
}

ruleTester(rowSum, {
  valid: [
    { name: 'seed 002: 收入, 支出 (two levels of 其中), 三公, 固定资产 (其中 + 其他)', wb: seed002().wb },
    { name: 'seed 002 with unmerged headers', wb: seed002({ merged: false }).wb },
    { name: 'flat header, identities from the vocabulary', wb: flat(416.1) },
    { name: '三公 with a 公务用车 group and its 小计', wb: workbook(sangongGroups(3)) },
  ],
  invalid: [
    {
      name: 'seed 002, 局机关 基本支出 typed 321.24',
      wb: seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 1 ? 321.24 : v) }).wb,
      findings: [
        // 基本支出 sits in both failing identities: named first in both, with the value that mends both
        { messageId: 'mismatch', cells: ['收支表!C22', '收支表!B22', '收支表!F22'], expected: '312.24', actual: '321.24', fix: '312.24', message: '“1、局机关”行：基本支出 321.24 + 项目支出 476.40 = 797.64，支出合计填报 788.64，相差 9.00（收支表!C22 同时处在 2 项不成立的校验中，最可能是它填错了）' },
        { messageId: 'mismatch', cells: ['收支表!C22', '收支表!D22', '收支表!E22'], expected: '312.24', actual: '321.24' },
      ],
    },
    {
      name: 'flat header: 基本支出 of the total row off by 0.01 is 尾差 in both identities (info)',
      wb: flat(416.11),
      findings: [
        { messageId: 'rounding', severity: 'info', cells: ['Sheet1!B3'], message: /尾差.*相差 0\.01.*±0\.015/ },
        { messageId: 'rounding', severity: 'info', cells: ['Sheet1!C3', 'Sheet1!D3', 'Sheet1!E3'] },
      ],
    },
    {
      name: '三公: 用车小计 disagrees with its 购置 + 运行 and with the 合计',
      wb: workbook(sangongGroups(4)),
      findings: [
        { messageId: 'mismatch', cells: ['三公!E4', '三公!B4', '三公!C4', '三公!D4'], expected: '3.00', fix: '3.00' },
        { messageId: 'mismatch', cells: ['三公!E4', '三公!F4', '三公!G4'], expected: '3.00', actual: '4' },
      ],
    },
  ],
});

describe('a 其中 list aligned under its first item', () => {
  test('its items are the breakdown of the line above the 其中, and a wrong item is found there', () => {
    const s = new SheetBuilder('三公');
    s.add([['项目', '预算数', '决算数']]);
    s.add([['“三公”经费合计', 12.5, 10.2], ['其中：因公出国（境）费', 0, 0], ['　　　公务用车购置及运行维护费', 8, 7.46],
      ['　　　公务接待费', 4.5, 2.47]]);
    const findings = checkWorkbook(workbook(s), 'x.xlsx').report.findings.filter((f) => f.severity === 'error');
    expect(findings.map((f) => f.rule)).toEqual(['identity/row-sum']);
    expect(findings[0]!.message).toContain('公务用车购置及运行维护费 7.46 + 公务接待费 2.47 = 9.93，“三公”经费合计填报 10.20');
  });
});
