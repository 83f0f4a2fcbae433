/**
 * The layout families beyond seed 002's tables (test/fixtures/layouts.ts): every clean workbook raises no error
 * and no warning, and single-fault mutants — a figure typed wrong (+9), a transposed digit pair, a blanked
 * non-zero figure — are each found and named to their cell.
 */
import { cellA1 } from '../../src/core/a1';
import { checkWorkbook } from '../../src/core';
import { CellValue } from '../../src/core/snapshot';
import * as L from '../fixtures/layouts';

const FAMILIES: Array<[string, () => L.Fixture]> = [
  ['元 as text, 汇总 first, groups under label rows closed by 小计', () => L.groupedYuan()],
  ['the same with 小计 heading its group, numbers with a format', () => L.groupedYuan({ subtotalFirst: true, asText: false })],
  ['the same with the 汇总 row last', () => L.groupedYuan({ totalLast: true })],
  ['units as columns, parts opened by 其中：', () => L.unitsAsColumns()],
  ['units as columns, parts indented, 汇总 column last', () => L.unitsAsColumns({ style: 'indent', totalLast: true })],
  ['部门整体支出绩效自评表', () => L.deptForm()],
  ['部门整体支出绩效自评表 with formulas and a rate on every funds row', () => L.deptForm({ formulas: true, ratesEverywhere: true })],
  ['year over year (2020年 | 2021年 | 增减额 | 增减率) and the same figure in a budget table', () => L.yearOverYear()],
  ['year over year (上年数 | 本年数 | 增减（上年-本年） | 增减%), 合计 last', () => L.yearOverYear({ words: true, reversed: true, totalLast: true })],
  ['元 against 万元, 0-decimal lines under a 2-decimal total', () => L.mixedPrecision()],
  ['two tables side by side on the same rows, a blank column between them', () => L.sideBySide()],
  ['seed 004 form line in one cell, rate right', () => L.formLine('one-cell')],
  ['seed 004 form line across cells, rate right', () => L.formLine('cells')],
];

const serious = (f: L.Fixture): string[] =>
  checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info').map((x) => `${x.rule} ${x.cells[0]} ${x.message}`);

describe('clean workbooks of every family raise no error and no warning', () => {
  for (const [name, make] of FAMILIES) test(name, () => expect(serious(make())).toEqual([]));
});

/** a typo (+9), a transposed digit pair, or a blank, as a person makes them; undefined where it changes nothing */
function mutate(v: CellValue, kind: 'typo' | 'swap' | 'blank'): CellValue | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n) || n === 0) return undefined;
  if (kind === 'blank') return null;
  let m: number;
  if (kind === 'typo') m = Math.round((n + 9) * 100) / 100;
  else {
    const d = Math.abs(n).toFixed(2).replace('.', '');
    const j = [...d].findIndex((ch, k) => k < d.length - 1 && ch !== d[k + 1]);
    if (j < 0) return undefined;
    const sw = d.slice(0, j) + d[j + 1] + d[j] + d.slice(j + 2);
    m = Math.sign(n) * Number(`${sw.slice(0, -2)}.${sw.slice(-2)}`);
  }
  return typeof v === 'string' ? L.yuanText(Math.round(m * 100)) : m;
}

interface Tally { all: number; found: number; exact: number; second: number; misses: string[]; wrongFixes: string[] }

function mutants(make: () => L.Fixture): Tally {
  const t: Tally = { all: 0, found: 0, exact: 0, second: 0, misses: [], wrongFixes: [] };
  for (const kind of ['typo', 'swap', 'blank'] as const) {
    for (const at of make().figures) {
      const f = make();
      const sheet = f.wb.sheets.find((s) => s.name === f.sheet)!;
      const nv = mutate(sheet.values[at.r - sheet.top]![at.c - sheet.left]!, kind);
      if (nv === undefined) continue;
      L.plant(f, at, nv);
      t.all++;
      const cell = `${f.sheet}!${cellA1(at.r, at.c)}`;
      const errs = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info');
      if (errs.length) t.found++;
      else t.misses.push(`${kind} ${cell}: not found`);
      if (errs.some((e) => e.cells[0] === cell) && errs[0]!.cells[0] === cell) t.exact++;
      else if (errs.length) t.misses.push(`${kind} ${cell}: first named ${errs[0]!.cells[0]}`);
      if (errs.some((e) => e.cells.slice(0, 2).includes(cell))) t.second++;
      // no correct cell is ever given a fix (issue 9): a fix names the planted cell, and for a typo or a swap it
      // is the value that was there
      for (const e of errs) {
        if (e.fix === undefined) continue;
        if (e.cells[0] !== cell) t.wrongFixes.push(`${kind} ${cell}: ${e.rule} fixes ${e.cells[0]} to ${e.fix}`);
      }
    }
  }
  return t;
}

describe('single-fault mutants are found and named to their cell', () => {
  const totals: Tally = { all: 0, found: 0, exact: 0, second: 0, misses: [], wrongFixes: [] };
  for (const [name, make] of FAMILIES) {
    if (!make().figures.length) continue;
    test(name, () => {
      const t = mutants(make);
      for (const k of ['all', 'found', 'exact', 'second'] as const) totals[k] += t[k];
      expect(t.all).toBeGreaterThan(20);
      expect(t.found).toBe(t.all);
      expect(t.wrongFixes).toEqual([]);
      // every fault is among the first two cells of a finding; the form's two parts of one breakdown (年初预算数 of
      // 基本支出 or 项目支出, with nothing else to tell them apart) are the only cells not named alone
      expect(t.second).toBe(t.all);
      if (!name.startsWith('部门整体')) expect(t.misses).toEqual([]);
      else expect(t.exact / t.all).toBeGreaterThanOrEqual(0.75);
    });
  }
  test('over all families, at least 90 % are named first', () => {
    expect(totals.all).toBeGreaterThan(700);
    expect(totals.exact / totals.all).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the findings name the right figures', () => {
  test('元-as-text groups: a unit typed wrong is named with the value that mends it', () => {
    const f = L.groupedYuan();
    L.plant(f, f.cells['unit1.2']!, '1,415,300.08'.replace('1,415', '1,451'));
    const errs = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity === 'error');
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) expect(e.cells[0]).toBe(L.addr(f, 'unit1.2'));
    expect(errs[0]!.fix).toBe(errs[0]!.expected);
  });

  test('units as columns: 汇总 column and 收入合计 down the column both checked', () => {
    const f = L.unitsAsColumns();
    L.plant(f, f.cells['carry.2']!, 9.99);
    const { report } = checkWorkbook(f.wb, 'x.xlsx');
    const rules = report.findings.filter((x) => x.severity === 'error').map((x) => `${x.rule}:${x.messageId}:${x.cells[0]}`);
    expect(rules).toEqual([`totals/column-sum:unitColumns:${L.addr(f, 'carry.2')}`, `identity/row-sum:columnMismatch:${L.addr(f, 'carry.2')}`]);
    expect(report.tables.map((t) => t.kind)).toEqual(['income']);
  });

  test('部门整体 form: 年度资金总额 checked against both breakdowns; a score above its 分值; a wrong 总分', () => {
    const f = L.deptForm();
    L.plant(f, f.cells['whole.1']!, 5795.58);
    let errs = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity === 'error');
    expect(errs.filter((e) => e.rule === 'identity/row-sum').map((e) => e.cells[0])).toEqual([L.addr(f, 'whole.1'), L.addr(f, 'whole.1')]);
    expect(errs[0]!.fix).toBe('5759.58');

    const g = L.deptForm();
    L.plant(g, g.cells['ind0.score']!, 16);
    errs = checkWorkbook(g.wb, 'x.xlsx').report.findings.filter((x) => x.severity === 'error');
    expect(errs.map((e) => `${e.rule}:${e.messageId}:${e.cells[0]}`)).toEqual([
      `project/score:above:${L.addr(g, 'ind0.score')}`, `project/total:score:${L.addr(g, 'ind0.score')}`,
    ]);

    const h = L.deptForm();
    L.plant(h, h.cells['total.score']!, 98.17);
    errs = checkWorkbook(h.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info');
    // the 总分 or one of the scores is wrong: no fix, since either could be (issue 9, item 3)
    expect(errs.map((e) => `${e.rule}:${e.cells[0]}:${e.expected}:${e.fix}`)).toEqual([`project/total:${L.addr(h, 'total.score')}:99.17:undefined`]);
  });

  test('部门整体 form: a stated 执行率 over a blank 全年执行数 is an error of its own', () => {
    const f = L.deptForm();
    L.plant(f, f.cells['whole.2']!, null);
    const errs = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.rule === 'budget/rate');
    expect(errs.map((e) => `${e.messageId}:${e.severity}:${e.cells[0]}`)).toEqual([`noInputs:error:${L.addr(f, 'whole.2')}`]);
  });

  test('year over year: a wrong 增减额, a wrong 增减率, and the 三公 决算数 of the budget table against the 2021 合计', () => {
    const f = L.yearOverYear();
    L.plant(f, f.cells['item0.diff']!, -0.29);
    let errs = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity === 'error');
    expect(errs.map((e) => `${e.rule}:${e.cells[0]}`)).toContain(`change/amount:${L.addr(f, 'item0.diff')}`);
    expect(errs.every((e) => e.cells[0] === L.addr(f, 'item0.diff'))).toBe(true);

    const g = L.yearOverYear();
    L.plant(g, g.cells['item0.rate']!, '-6.90%');
    errs = checkWorkbook(g.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info');
    expect(errs.map((e) => `${e.rule}:${e.cells[0]}:${e.expected}`)).toEqual([`change/rate:${L.addr(g, 'item0.rate')}:-6.09%`]);

    const h = L.yearOverYear();
    L.plant(h, h.cells['budget.actual']!, 6.93);
    errs = checkWorkbook(h.wb, 'x.xlsx').report.findings.filter((x) => x.severity !== 'info');
    const same = errs.find((e) => e.rule === 'cross/same-figure');
    expect(same?.cells[0]).toBe(L.addr(h, 'budget.actual'));
    expect(same?.fix).toBe('5.93');
    expect(same?.message).toMatch(/同一数字不一致，相差 1\.00万元/);
  });

  test('seed 004 form line: 94.78% stated against 15.70 ÷ 16.56 = 94.81% is the warning it always was', () => {
    for (const kind of ['one-cell', 'cells'] as const) {
      const f = L.formLine(kind, '94.78%');
      const { report } = checkWorkbook(f.wb, 'x.xlsx');
      expect(report.findings.filter((x) => x.severity !== 'info').map((x) => `${x.rule}:${x.messageId}:${x.expected}:${x.actual}`))
        .toEqual(['budget/rate:roundingExplains:94.81%:94.78%']);
      expect(report.tables.map((t) => t.kind)).toEqual(['budget']);
    }
  });

  test('tables side by side are two tables, each checked on its own', () => {
    const f = L.sideBySide();
    expect(checkWorkbook(f.wb, 'x.xlsx').report.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['income 收支!A2:D8', 'expenditure 收支!F2:I8']);
    L.plant(f, f.cells['spend2.1']!, 130.86);
    const errs = checkWorkbook(f.wb, 'x.xlsx').report.findings.filter((x) => x.severity === 'error');
    expect(errs.map((e) => e.cells[0])).toEqual([L.addr(f, 'spend2.1'), L.addr(f, 'spend2.1')]);
  });

  test('a formula rate and score are compared at the decimals they show', () => {
    const f = L.deptForm({ formulas: true, ratesEverywhere: true });
    const s = f.wb.sheets[0]!;
    const at = f.cells['whole.score']!;
    expect(s.values[at.r]![at.c]).not.toBe(9.59);
    expect(serious(f)).toEqual([]);
  });
});
