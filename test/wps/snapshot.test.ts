/**
 * The WPS adapter reads the same snapshot as the CLI and the Excel add-in (issue 11), whole ranges at a time.
 */
import { readSnapshotEt, EtApp } from '../../src/wps/snapshot';
import { canonicalWorkbook } from '../../src/core/snapshot';
import { checkWorkbook } from '../../src/core';
import { seed002 } from '../fixtures/seed002';
import { fakeFromSnapshot, FakeEt } from './fake-et';

const et = (f: FakeEt): EtApp => f as unknown as EtApp;

test('seed 002 through the ET object model is the snapshot it was made from, and checks the same', () => {
  const { wb } = seed002({ formulas: true, formats: true });
  const fake = fakeFromSnapshot(wb);
  const read = readSnapshotEt(et(fake));
  expect(read).toEqual(canonicalWorkbook(wb));
  expect(checkWorkbook(read, 'x').report.summary).toEqual(checkWorkbook(wb, 'x').report.summary);
});

test('a one-cell sheet (Value2 a scalar), error values as COM codes, a hidden sheet', () => {
  const fake = new FakeEt();
  fake.addSheet('一格').load('B2', [[42]]);
  const s = fake.addSheet('错');
  s.load('A1', [['合计', { e: '#DIV/0!' }], ['x', { f: '=1/0', v: -2146826281 }]]);
  s.Visible = 0;
  const read = readSnapshotEt(et(fake));
  expect(read.sheets[0]).toMatchObject({ name: '一格', top: 1, left: 1, values: [[42]] });
  expect(read.sheets[1]!.values).toEqual([['合计', { error: '#DIV/0!' }], ['x', { error: '#DIV/0!' }]]);
  expect(read.sheets[1]!.formulas).toEqual([[null, null], [null, '=1/0']]);
  expect(read.sheets[1]!.hidden).toBe(true);
});

test('whole ranges, not cell by cell: reads grow with sheets and columns, not with cells', () => {
  const fake = new FakeEt();
  const s = fake.addSheet('大表');
  const rows = Array.from({ length: 5000 }, (_, i) => Array.from({ length: 10 }, (_, j) => i * 10 + j));
  s.load('A1', rows, rows.map((r) => r.map(() => '0.00')));
  fake.reads = 0;
  readSnapshotEt(et(fake));
  // Value2, Formula, NumberFormat and MergeCells of the used range: 50,000 cells in 4 reads
  expect(fake.reads).toBe(4);
  // one cell formatted otherwise: a read a column, and its column halved down to it (2 × log2 5000 reads)
  s.load('A1', [[1]], [['0']]);
  fake.reads = 0;
  const read = readSnapshotEt(et(fake));
  expect(fake.reads).toBeLessThanOrEqual(4 + 10 + 2 * 13);
  expect(read.sheets[0]!.numberFormats![0]!.slice(0, 2)).toEqual(['0', '0.00']);
  expect(read.sheets[0]!.numberFormats![4999]![0]).toBe('0.00');
});
