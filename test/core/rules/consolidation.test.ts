import { checkWorkbook } from '../../../src/core';
import { consolidation } from '../../../src/core/rules/totals/consolidation';
import { ruleTester } from '../../helpers/rule-tester';
import { unitSheets } from '../../fixtures/unit-sheets';

/** A workbook with one wrong cell, planted through the fixture. */
const planted = (o: Parameters<typeof unitSheets>[0], at: (f: ReturnType<typeof unitSheets>) => string, v: number) => {
  const f = unitSheets(o);
  f.set(at(f), v);
  return f.wb;
};
const f0 = unitSheets();

ruleTester(consolidation, {
  valid: [
    { name: '4 unit sheets and a 汇总 sheet, one unit lacking its 上年结转 line', wb: unitSheets().wb },
    { name: 'units named by their titles only, sheets Sheet1–4, the 汇总 on 部门汇总', wb: unitSheets({ noUnitLine: true, names: ['Sheet1', 'Sheet2', 'Sheet3', 'Sheet4'], summary: '部门汇总' }).wb },
    { name: 'unit sheets in 元 under a 汇总 in 万元', wb: unitSheets({ unitsInYuan: true }).wb },
    { name: 'unit sheets with no 汇总 sheet', wb: unitSheets({ summary: null }).wb },
    { name: 'two years’ sheets (2020年 / 2021年) of one layout', wb: unitSheets({ summary: null, units: [5, 0], names: ['2020年', '2021年'] }).wb },
    { name: 'a 汇总 sheet that adds up nowhere is no consolidation', wb: unitSheets({ summaryOf: [5, 6, 7, 8] }).wb },
  ],
  invalid: [
    {
      name: 'a wrong unit figure: its own sheet’s figures vouch for the others, so it is named, with the fix',
      wb: planted({}, (f) => f.line('妇幼保健院', '人员支出'), 91.36),
      findings: [{
        messageId: 'mismatch', severity: 'error', cells: [f0.line('妇幼保健院', '人员支出'), f0.line('汇总', '人员支出')],
        expected: '81.36', actual: '91.36', fix: '81.36',
        message: '汇总表“汇总”人员支出·金额 为 715.00，各单位表合计为 725.00（301.62 + 91.36 + 170.59 + 161.43），相差 10.00',
        en: 'Summary sheet “汇总”, 人员支出 · 金额 is 715.00, but the unit sheets add up to 725.00',
      }],
    },
    {
      name: 'a wrong 汇总 figure is named on the 汇总 sheet',
      wb: planted({}, (f) => f.line('汇总', '公用支出'), 75),
      findings: [{ messageId: 'mismatch', cells: [f0.line('汇总', '公用支出'), f0.line('局机关', '公用支出')], expected: '71.61', actual: '75', fix: '71.61' }],
    },
    {
      name: 'the unit that lacks a line is matched by label: its 项目支出 typed wrong is named',
      wb: planted({}, (f) => f.line('血吸虫病预防站', '项目支出'), 46.6),
      findings: [{ messageId: 'mismatch', cells: [f0.line('血吸虫病预防站', '项目支出')], fix: '64.60' }],
    },
    {
      name: 'a unit sheet in 元: the fix is in 元',
      wb: planted({ unitsInYuan: true }, (f) => f.line('局机关', '公用支出'), 160200),
      findings: [{ messageId: 'mismatch', cells: [f0.line('局机关', '公用支出')], fix: '106200.00', message: /相差 5\.40/ }],
    },
    {
      name: 'units in whole 元 under a 汇总 in 万元 with two decimals: 0.0049 万元 apart is 尾差, an info',
      wb: planted({ unitsInYuan: true }, (f) => f.line('局机关', '公用支出'), 106249),
      findings: [{ messageId: 'rounding', severity: 'info' }],
    },
  ],
});

describe('totals/consolidation with every rule', () => {
  const findings = (wb: ReturnType<typeof unitSheets>['wb']) => checkWorkbook(wb, 'x.xlsx').report.findings;
  const loud = (wb: ReturnType<typeof unitSheets>['wb']) => findings(wb).filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`);

  test('the clean workbook raises no error or warning, and the consolidation is recognised', () => {
    const f = unitSheets();
    const { report, model } = checkWorkbook(f.wb, 'x.xlsx');
    expect(report.findings.filter((x) => x.severity !== 'info').map((x) => `${x.rule}: ${x.message}`)).toEqual([]);
    expect(model.consolidations.map((c) => [c.total.sheet, c.total.kind, c.units.map((u) => u.sheet)])).toEqual([
      ['汇总', 'expenditure', ['局机关', '妇幼保健院', '血吸虫病预防站', '疾病预防控制中心']],
      ['汇总', 'sangong', ['局机关', '妇幼保健院', '血吸虫病预防站', '疾病预防控制中心']],
    ]);
    // every figure of the 汇总 is matched: 9 lines, 5 三公 columns; the unit lacking 上年结转 adds nothing to it
    expect(model.consolidations.map((c) => c.lines.length)).toEqual([9, 5]);
    const carry = model.consolidations[0]!.lines.find((l) => model.consolidations[0]!.total.rows.find((r) => r.row === l.row)?.key === '上年结转');
    expect(carry?.terms.map((x) => x.table.sheet)).toEqual(['局机关', '妇幼保健院', '疾病预防控制中心']);
    // the unit sheets' tables are their units' (from the 单位名称 line); the 汇总's the department's
    expect(model.tables.map((t) => t.entity)).toEqual([
      '岳阳市云溪区局机关', '岳阳市云溪区局机关', '岳阳市云溪区妇幼保健院', '岳阳市云溪区妇幼保健院',
      '岳阳市云溪区血吸虫病预防站', '岳阳市云溪区血吸虫病预防站', '岳阳市云溪区疾病预防控制中心', '岳阳市云溪区疾病预防控制中心', undefined, undefined,
    ]);
  });

  test('units named by titles or sheet names only: still no error or warning', () => {
    expect(loud(unitSheets({ noUnitLine: true }).wb)).toEqual([]);
    expect(loud(unitSheets({ noUnitLine: true, names: ['Sheet1', 'Sheet2', 'Sheet3', 'Sheet4'], summary: '部门汇总', lacking: null }).wb)).toEqual([]);
    expect(loud(unitSheets({ unitsInYuan: true }).wb)).toEqual([]);
  });

  test('a wrong unit figure is named on its unit sheet, in its sheet’s own check and in the 汇总’s, with the fix', () => {
    const f = unitSheets();
    const cell = f.line('妇幼保健院', '人员支出');
    f.set(cell, 91.36);
    const found = findings(f.wb).filter((x) => x.severity === 'error');
    expect(found.map((x) => [x.rule, x.cells[0], x.fix]).sort()).toEqual([
      ['identity/row-sum', cell, '81.36'],
      ['totals/consolidation', cell, '81.36'],
    ]);
    expect(found.find((x) => x.rule === 'totals/consolidation')!.message).toMatch(`${cell} 同时处在 2 项不成立的校验中`);
  });

  test('a wrong 三公 figure of a unit is named on its unit sheet', () => {
    const f = unitSheets();
    const cell = f.sangong('疾病预防控制中心', 1);
    f.set(cell, 2.05);
    const found = findings(f.wb).filter((x) => x.severity === 'error');
    expect(found.map((x) => x.rule).sort()).toEqual(['identity/row-sum', 'totals/consolidation']);
    for (const x of found) expect([x.cells[0], x.fix]).toEqual([cell, '2.50']);
  });

  test('a wrong 汇总 figure is named on the 汇总 sheet, and no unit is blamed', () => {
    const f = unitSheets();
    const cell = f.line('汇总', '公用支出');
    f.set(cell, 75);
    const found = findings(f.wb).filter((x) => x.severity === 'error');
    expect(found.map((x) => x.rule).sort()).toEqual(['identity/row-sum', 'totals/consolidation']);
    for (const x of found) expect([x.cells[0], x.fix]).toEqual([cell, '71.61']);
  });

  test('sheets of one layout with no 汇总 (2020年 / 2021年): no consolidation, no same-figure error', () => {
    const f = unitSheets({ summary: null, units: [5, 0], names: ['2020年', '2021年'] });
    const { report, model } = checkWorkbook(f.wb, 'x.xlsx');
    expect(model.consolidations).toEqual([]);
    expect(report.findings.map((x) => `${x.rule}: ${x.message}`)).toEqual([]);
    expect(model.tables.map((t) => t.year)).toEqual([2020, 2020, 2021, 2021]);
  });

  test('unit sheets with no 汇总: units are never compared with each other', () => {
    expect(findings(unitSheets({ summary: null }).wb).map((x) => `${x.rule}: ${x.message}`)).toEqual([]);
  });

  test('a 汇总 sheet of another quantity: one info, no error', () => {
    const { report, model } = checkWorkbook(unitSheets({ summaryOf: [5, 6, 7, 8] }).wb, 'x.xlsx');
    expect(model.consolidations).toEqual([]);
    expect(report.findings.map((x) => [x.rule, x.severity])).toEqual([['structure/unconfirmed', 'info']]);
    expect(report.findings[0]!.message).toContain('汇总 = 局机关 + 妇幼保健院 + 血吸虫病预防站 + 疾病预防控制中心');
  });
});
