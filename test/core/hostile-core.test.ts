/**
 * Hostile input, second round, in the core (issue 17): number patterns that stay linear on long text, caches that
 * do not grow across files, formulas nested or chained past the stack, and labels with invisible characters.
 */
import { checkWorkbook } from '../../src/core';
import { classify, FORMAT_CACHE_LIMIT, formatCacheSize, looksNumeric, notANumber, parseNumberText, readFormat } from '../../src/core/numbers';
import { CONCEPT_CACHE_LIMIT, conceptCacheSize, conceptOf } from '../../src/core/vocabulary';
import { evaluateUncomputed } from '../../src/core/evaluate';
import { readPlainSum } from '../../src/core/formula';
import { Grid } from '../../src/core/grid';
import { canonicalSheet, CellValue, rowIndices, WorkbookSnapshot } from '../../src/core/snapshot';
import { displayLabel, normLabel } from '../../src/core/text';
import { book } from '../helpers/tables';
import { SheetBuilder, workbook } from '../fixtures/sheet';

describe('number text is read in linear time, with the caps applied before any pattern (item 8)', () => {
  const digits = '1'.repeat(200_000);
  const adversarial = [
    digits,
    `${digits}x`,
    `${'1,'.repeat(100_000)}x`,
    `${'1.'.repeat(100_000)}`,
    `(${'1 '.repeat(100_000)}e`,
    `${'9'.repeat(32_767)}%`,
    `-${'12,345'.repeat(5_000)}`,
  ];
  test.each(adversarial.map((s) => [s.slice(0, 12), s]))('%s… is no amount, and is read at once', (_, s) => {
    expect(parseNumberText(s)).toBeNull();
    expect(classify(s).k).toBe('text');
  });
  test('a long run of digits and separators is 不是数字, shown shortened', () => {
    const bad = notANumber(digits)!;
    expect(bad.length).toBeLessThan(64);
    expect(bad).toMatch(/^1{20}…（共 32767 个字符）$/);
    expect(notANumber(`${'1,'.repeat(16_000)}x`)).toBeNull();
    expect(notANumber(`${'1,'.repeat(16_000)}5`)).not.toBeNull();
  });
  test('the one-pass scan says what the pattern said', () => {
    for (const s of ['1,2,3', '12.3.4', '1e400', '(1,2)', '-1 2 3%', '+3E-5', '.5.', '1e', 'e5', 'abc', '12a', '(', '1)%']) {
      expect([s, looksNumeric(s)]).toEqual([s, /^[-+(]?[\d.,\s]*\d[\d.,\s]*(?:[eE][-+]?\d+)?\)?%?$/.test(s)]);
    }
  });
  test('ordinary figures are still read', () => {
    expect(classify('1,256.62').k).toBe('num');
    expect(classify('（1,256.62）').k).toBe('num');
    expect(classify('16.56万元').k).toBe('num');
    expect(notANumber('1,2,3')).toBe('1,2,3');
  });
});

describe('module caches do not grow across files (item 6)', () => {
  test('after many workbooks with distinct formats the format cache stays under its bound', () => {
    for (let f = 0; f < 30; f++) {
      const wb = book(null, ['单位名称', '支出合计', '基本支出'], [['合计', 3, 1], ['甲', 1, 1], ['乙', 2, 0]]);
      wb.sheets[0]!.numberFormats = wb.sheets[0]!.values.map((row, r) => row.map((_, c) => `0.${'0'.repeat((f + r + c) % 5)}"单位${f}-${r}-${c}"`));
      checkWorkbook(wb, `f${f}.xlsx`);
      for (let i = 0; i < 200; i++) readFormat(`#,##0.00"${f}-${i}"`);
      expect(formatCacheSize()).toBeLessThanOrEqual(FORMAT_CACHE_LIMIT);
    }
    // a format longer than Excel keeps is read as General and never cached
    const before = formatCacheSize();
    expect(readFormat(`0.00${'"x"'.repeat(1000)}`).decimals).toBeNull();
    expect(formatCacheSize()).toBe(before);
  });
  test('the concept cache clears at its bound', () => {
    for (let i = 0; i < CONCEPT_CACHE_LIMIT + 500; i++) conceptOf(`标签${i}`);
    expect(conceptCacheSize()).toBeLessThanOrEqual(CONCEPT_CACHE_LIMIT);
    expect(conceptOf('支出合计')).toBeDefined();
  });
});

describe('labels with invisible characters or ST_Xstring escapes are read as they show (item 2)', () => {
  test('normLabel takes them out, in one place', () => {
    expect(normLabel('收入_x000D_合计')).toBe('收入合计');
    expect(normLabel('收入_x000A_合计')).toBe('收入合计');
    expect(normLabel('收入\u200B合计')).toBe('收入合计');
    expect(normLabel('收\u00AD入\u2060合\u200C计\uFEFF')).toBe('收入合计');
    expect(displayLabel('收入_x000D_合计')).toBe('收入合计');
  });
  const rows = (): CellValue[][] => [['合计', 1149.12, 416.1, 723.02], ['局机关', 788.64, 312.24, 476.4], ['妇幼保健院', 350.48, 103.86, 246.62]];
  const errorsOf = (header: string): Array<[string, string]> =>
    checkWorkbook(book(null, ['单位名称', header, '基本支出', '项目支出'], rows()), 'x.xlsx').report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => [f.rule, f.cells[0]!]);
  test.each([['支出_x000D_合计'], ['支出\u200B合计'], ['支出\u00AD合计'], ['\uFEFF支出合计']])('the identity under “%s” is checked', (header) => {
    const plain = errorsOf('支出合计');
    expect(plain.length).toBeGreaterThan(0);
    expect(errorsOf(header)).toEqual(plain);
  });
});

describe('formulas nested or chained past the stack are computed or left unknown, never a crash (item 9)', () => {
  /** One sheet, column A: the given formulas (uncomputed) from A1 down, and a number below them. */
  const column = (formulas: string[], last: number): WorkbookSnapshot => ({
    sheets: [{
      name: '表',
      top: 0,
      left: 0,
      values: [...formulas.map(() => [null] as CellValue[]), [last]],
      formulas: [...formulas.map((f) => [f]), [null]],
      numberFormats: [...formulas.map(() => [null]), [null]],
      merges: [],
      uncomputed: formulas.map((_, r) => `A${r + 1}`),
    }],
  });
  test('a formula of 100,000 nested brackets is unknown', () => {
    const deep = `=${'('.repeat(100_000)}1${')'.repeat(100_000)}`;
    const ev = evaluateUncomputed(column([deep], 1));
    expect(ev.unknown.get('表')).toEqual(['A1']);
    expect(readPlainSum(deep)).toBeNull();
  });
  test('a formula within Excel’s length but nested 4,000 deep is unknown; 50 deep is computed', () => {
    const ev = evaluateUncomputed(column([`=${'('.repeat(4000)}1${')'.repeat(4000)}`, `=${'('.repeat(50)}A3+1${')'.repeat(50)}`, '=SUM(A4)'], 5));
    expect(ev.unknown.get('表')).toEqual(['A1']);
    expect(ev.computed.get('表')).toEqual(['A2', 'A3']);
    expect(ev.workbook.sheets[0]!.values[1]![0]).toBe(6);
    expect(readPlainSum(`=${'('.repeat(4000)}A1${')'.repeat(4000)}`)).toBeNull();
    expect(readPlainSum(`=${'-'.repeat(4000)}A1`)).toBeNull();
  });
  test('a chain of 50,000 cells each referring to the next is computed, and a long loop is unknown', () => {
    const n = 50_000;
    const chain = Array.from({ length: n }, (_, r) => `=A${r + 2}+1`);
    const ev = evaluateUncomputed(column(chain, 0));
    expect(ev.unknown.get('表')).toBeUndefined();
    expect(ev.workbook.sheets[0]!.values[0]![0]).toBe(n);
    const ring = Array.from({ length: 3000 }, (_, r) => `=A${((r + 1) % 3000) + 1}+1`);
    const loop = evaluateUncomputed(column(ring, 0));
    expect(loop.unknown.get('表')?.length).toBe(3000);
    // and a whole check of such a sheet reports the cells unknown, no crash
    const { report } = checkWorkbook(column([`=${'('.repeat(100_000)}1${')'.repeat(100_000)}`, ...ring.slice(1)], 0), 'x.xlsx');
    expect(report.findings.some((f) => f.rule === 'input/uncomputed')).toBe(true);
  });
  test('many signs in a row (within Excel’s length) are read without recursion', () => {
    const ev = evaluateUncomputed(column([`=${'-'.repeat(7_999)}A2`], 3));
    expect(ev.workbook.sheets[0]!.values[0]![0]).toBe(-3);
  });
});

// linear, not quadratic: the old /\(.*?\)/g took seconds on such a cell (jest's time limit is the bound)
test('a form line’s label cell of 32,767 brackets is read in one pass', () => {
  const s = new SheetBuilder('项目绩效');
  s.block(0, 0, [['('.repeat(32_767), '预算数:', '16.56万元', '执行数:', '15.70万元', '执行率:', '94.81%']]);
  const { model } = checkWorkbook(workbook(s), 'x.xlsx');
  expect(model.formLines[0]!.name).toBe('('.repeat(32_767));
  s.set(0, 0, '预算执行情况(万元)（项目）');
  expect(checkWorkbook(workbook(s), 'x.xlsx').model.formLines[0]!.name).toBe('预算执行情况');
});

describe('wide sparse rows are stored and read by the cells they hold (item 11)', () => {
  const XFD = 16383;
  const sheetWithFarCells = (): WorkbookSnapshot => {
    const values: CellValue[][] = [
      ['单位名称', '支出合计', '基本支出', '项目支出'],
      ['合计', 1139.12, 416.1, 733.02],
      ['局机关', 788.64, 312.24, 476.4],
      ['妇幼保健院', 350.48, 103.86, 246.62],
    ];
    for (let i = values.length; i < 3000; i++) values.push([]);
    // one value in column XFD on every row (a note), written without the row's length set first (as the reader does)
    values.forEach((row) => {
      row[XFD] = '备注';
    });
    return { sheets: [{ name: '表', top: 0, left: 0, values }] };
  };

  test('a wide row holding few cells stays sparse in the canonical snapshot; a table row stays dense', () => {
    const s = canonicalSheet({ name: 'x', top: 0, left: 0, values: [['a', null, 2], (() => { const r: CellValue[] = ['b']; r[XFD] = 3; return r; })()] });
    expect(s.values[0]).toEqual(['a', null, 2]);
    expect(s.values[1]!.length).toBe(XFD + 1);
    expect(rowIndices(s.values[1])).toEqual([0, XFD]);
    expect(rowIndices(s.formulas![1])).toEqual([0, XFD]);
  });

  test('Grid.cols visits what a sparse row holds and what its merged areas cover, every column of a dense one', () => {
    const values: CellValue[][] = [['标题'], ['项目', null, null, '预算数']];
    values[0]![XFD] = 1;
    const g = new Grid(canonicalSheet({ name: 'x', top: 0, left: 0, values, merges: ['B1:D1'] }));
    expect(g.cols(0)).toEqual([0, 1, 2, 3, XFD]);
    expect(g.cols(1)).toEqual([0, 1, 2, 3]);
    expect(g.usedCols()).toEqual([0, 1, 2, 3, XFD]);
  });

  test('the table beside them is checked as if they were not there: 合计 733.02 against 723.02, the far cells ignored', () => {
    const wb = sheetWithFarCells();
    const { report } = checkWorkbook(wb, 'wide.xlsx');
    const errors = report.findings.filter((f) => f.severity === 'error');
    // the column total and the row identity, both on D2 (the two are one finding from issue 19 on)
    expect(errors.map((f) => `${f.rule} ${f.cells[0]}`).sort()).toEqual(['identity/row-sum 表!D2', 'totals/column-sum 表!D2']);
    // the far column of notes is a text column of the table: nothing is checked in it
    expect(report.tables.map((t) => t.range)).toEqual(['表!A1:XFD4']);
  });
});
