/** sameSheet: what live checking uses to tell a sheet read again that holds what it held. */
import fc from 'fast-check';
import { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { sameSheet } from '../../src/core/snapshot-equal';
import { sampleWorkbook } from '../../src/sample';

const sheet = (): SheetSnapshot => sampleWorkbook().sheets.find((s) => s.name === '收支表')!;

test('a reading equals a copy of itself; one figure, formula, format or merge changed does not', () => {
  const a = sheet();
  expect(sameSheet(a, structuredClone(a))).toBe(true);
  const b = structuredClone(a);
  b.values[21]![3] = 301.62;
  expect(sameSheet(a, b)).toBe(false);
  const c = structuredClone(a);
  c.numberFormats = (c.numberFormats ?? c.values.map((r) => r.map(() => null))).map((r) => r.slice());
  c.numberFormats[21]![3] = '0.000';
  expect(sameSheet(a, c)).toBe(false);
  const d = structuredClone(a);
  d.merges = [...(d.merges ?? []), 'Z1:Z2'];
  expect(sameSheet(a, d)).toBe(false);
  // an empty cell as null or as a hole is one empty cell; an error is its code
  const e = structuredClone(a);
  e.values[0] = [...e.values[0]!, null];
  expect(sameSheet(a, e)).toBe(false); // a longer row is another reading (the canonical form trims rows)
  expect(sameSheet({ ...a, values: [[{ error: '#REF!' }]] }, { ...a, values: [[{ error: '#REF!' }]] })).toBe(true);
  expect(sameSheet({ ...a, values: [[{ error: '#REF!' }]] }, { ...a, values: [[{ error: '#N/A' }]] })).toBe(false);
});

test('property: any single cell changed to another value is told apart, in dense and sparse rows', () => {
  const value = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant(null));
  fc.assert(fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), value, fc.boolean(),
    (rows, i, j, v, sparse) => {
      const values = rows as CellValue[][];
      if (sparse) values[0] = Object.assign([], { 300: 1 }) as CellValue[];
      const a: SheetSnapshot = { name: 'S', top: 0, left: 0, values };
      const b = structuredClone(a);
      const r = i % values.length;
      const c = sparse && r === 0 ? 300 : j % values[r]!.length;
      const was = values[r]![c] ?? null;
      b.values[r]![c] = v;
      return sameSheet(a, b) === (was === v || (was === null && v === null));
    }));
});
