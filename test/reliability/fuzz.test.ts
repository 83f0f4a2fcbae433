/**
 * Fuzz (issue 9): xlsx packages built from random grids (numbers, text, formulas without results, merged areas,
 * cells past Excel's grid), then damaged at random bytes, are read and checked in this process. Whatever comes
 * in, the answer is a report: the file checked, or its entry with a known error code — never an exception, never
 * "the checker failed" (crashed), never a clean report for a package with no workbook in it.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { checkFileHere } from '../../src/cli/check-file';
import { rowXml, xlsxParts, zip } from '../helpers/zip';
import { mergeXml } from './hostile';

const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-fuzz-'));
const WORDS = ['合计', '小计', '单位名称', '支出合计', '基本支出', '项目支出', '预算数', '执行数', '执行率', '三公经费', '分值', '得分', '总分', '其中：',
  '1,2,3', 'NaN', '—', '94.78%', '<&>"\'', '\u0000', '\ud800'];

const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 1, arbitrary: fc.constantFrom('=SUM(B2:B9)', '=B2+B3', '=B2/0', '=VLOOKUP(A1,A:B,2)', '=SUM(', "='x'!A1", '=A1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const packageArb = fc.record({
  sheets: fc.array(fc.record({
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 14 }),
    merges: fc.array(fc.tuple(fc.nat(20), fc.nat(9), fc.nat(20), fc.nat(9)).map(([a, b, c, d]) => `${String.fromCharCode(65 + b)}${a + 1}:${String.fromCharCode(65 + d)}${c + 1}`), { maxLength: 5 }),
  }), { minLength: 1, maxLength: 3 }),
  damage: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

const KNOWN = new Set(['tooLarge', 'tooManyEntries', 'tooManyCells', 'tooManySheets', 'oleOrEncrypted', 'notZip', 'corrupt', 'truncated', 'badXml', 'noWorkbook', 'empty', 'oldDoc', 'encrypted', 'noDocument', 'tooManyTables']);

let n = 0;
test('random grids in random packages with random byte damage: always a report, never a crash', async () => {
  await fc.assert(fc.asyncProperty(packageArb, async ({ sheets, damage, cut }) => {
    const clean = (v: string | number | null): string | number | null => (typeof v === 'string' ? v.replace(/[\u0000\ud800]/g, '') : v);
    const parts = xlsxParts(sheets.map((s, i) => ({
      name: `表${i}`,
      body: `<sheetData>${s.rows.map((r, k) => rowXml(k + 1, r.map(clean))).join('')}</sheetData>${s.merges.length ? mergeXml(s.merges) : ''}`,
    })));
    let bytes = zip(parts);
    for (const [at, b] of damage) bytes[at % bytes.length] = b;
    if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
    const file = path.join(dir, `f${n++}.xlsx`);
    writeFileSync(file, bytes);
    const report = await checkFileHere(file, {});
    JSON.stringify(report);
    if (report.error !== null) {
      expect(KNOWN.has(report.errorCode!)).toBe(true);
      expect(report.findings).toEqual([]);
    } else {
      expect(report.findings.filter((f) => f.rule === 'engine/rule-failed')).toEqual([]);
      // a package whose workbook part could not be read never comes back clean with nothing looked at
      if (!report.tables.length) expect(report.findings.length).toBeGreaterThan(0);
    }
  }), { numRuns: 250 });
});
