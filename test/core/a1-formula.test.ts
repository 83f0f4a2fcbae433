import fc from 'fast-check';
import { colIndex, colLetters, parseCell, parseRange, quoteSheet, sheetCell } from '../../src/core/a1';
import { coverage, readPlainSum } from '../../src/core/formula';
import { normLabel, splitNumbering } from '../../src/core/text';
import { conceptOf, measureOf, unitIn } from '../../src/core/vocabulary';

test('columns and references', () => {
  expect(colLetters(0)).toBe('A');
  expect(colLetters(25)).toBe('Z');
  expect(colLetters(26)).toBe('AA');
  expect(colLetters(16383)).toBe('XFD');
  expect(colIndex('XFD')).toBe(16383);
  expect(parseRange('$B$5:C3')).toEqual({ top: 2, left: 1, bottom: 4, right: 2 });
  expect(parseRange('收支表!A1')).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  expect(parseRange('nope')).toBeNull();
});

test('sheet names are quoted the way Excel quotes them', () => {
  expect(quoteSheet('收支表')).toBe('收支表');
  expect(quoteSheet('Sheet1')).toBe('Sheet1');
  expect(quoteSheet('附表 1')).toBe("'附表 1'");
  expect(quoteSheet('2021收支')).toBe("'2021收支'");
  expect(quoteSheet("Bob's")).toBe("'Bob''s'");
  expect(quoteSheet('A1')).toBe("'A1'");
  expect(quoteSheet('“三公”经费')).toBe("'“三公”经费'");
  expect(sheetCell('附表 1', 4, 1)).toBe("'附表 1'!B5");
});

test('plain sums: SUM, +, −, ROUND; anything else is not one', () => {
  const s = readPlainSum('=SUM(B5:B14)');
  expect(s?.refs).toEqual([{ sheet: null, rect: { top: 4, left: 1, bottom: 13, right: 1 }, sign: 1 }]);
  expect(readPlainSum('=B5+B6-B7')?.refs.map((r) => r.sign)).toEqual([1, 1, -1]);
  expect(readPlainSum('=ROUND(SUM(B5,B7:B9),2)')?.refs).toHaveLength(2);
  expect(readPlainSum("='附表 1'!B5+B6")?.refs[0]!.sheet).toBe('附表 1');
  expect(readPlainSum('=-(B5+B6)')?.refs.map((r) => r.sign)).toEqual([-1, -1]);
  expect(readPlainSum('=AVERAGE(B5:B9)')).toBeNull();
  expect(readPlainSum('=B5*2')).toBeNull();
  expect(readPlainSum('=SUM(B5:B9')).toBeNull();
  const cov = coverage(readPlainSum('=SUM(B5:B6)+B6')!, 'S')!;
  expect(cov.get('4,1')).toBe(1);
  expect(cov.get('5,1')).toBe(2);
  expect(coverage(readPlainSum('=Other!B5')!, 'S')).toBeNull();
});

test('labels: full-width forms, quotes and numbering', () => {
  expect(normLabel('因公出国（境）费')).toBe('因公出国(境)费');
  expect(normLabel('“三公”经费\n合计')).toBe('三公经费合计');
  expect(splitNumbering('1、局机关')).toEqual({ style: 'n', rest: '局机关' });
  expect(splitNumbering('（一）行政单位')).toEqual({ style: '(cn)', rest: '行政单位' });
  expect(splitNumbering('一、行政单位')).toEqual({ style: 'cn', rest: '行政单位' });
  expect(splitNumbering('1.1 局机关'.replace(' ', ''))).toEqual({ style: 'n.n', rest: '局机关' });
  expect(splitNumbering('2021年')).toEqual({ style: '', rest: '2021年' });
});

test('the vocabulary knows the common synonyms', () => {
  for (const l of ['公共财政拨款', '财政拨款收入', '一般公共预算拨款']) expect(conceptOf(normLabel(l))?.id).toBe('fiscal');
  for (const l of ['因公出国费', '因公出国（境）费', '因公出国(境)费用']) expect(conceptOf(normLabel(l))?.id).toBe('abroad');
  expect(conceptOf(normLabel('公务用车购置及运行维护费'))?.id).toBe('car_total');
  expect(conceptOf(normLabel('公务用车运维费'))?.id).toBe('car_ops');
  expect(conceptOf(normLabel('公务用车购置费'))?.id).toBe('car_purchase');
  expect(conceptOf(normLabel('“三公”经费合计'))?.id).toBe('sangong_total');
  expect(conceptOf(normLabel('支出合计（万元）'))?.id).toBe('expenditure_total');
  expect(measureOf(normLabel('执行数'))).toBe('actual');
  expect(measureOf(normLabel('年初预算数'))).toBe('budget');
  expect(measureOf(normLabel('完成率'))).toBe('rate');
  expect(unitIn('单位：元')).toBe('元');
  expect(unitIn('年度收入情况（万元）')).toBe('万元');
  expect(unitIn('年度收入情况')).toBeUndefined();
});

test('parseCell reads a reference by its character codes as its pattern reads it ("AB123", and the odd ones)', () => {
  const byPattern = (a1: string): { row: number; col: number } | null => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
    return m ? { row: parseInt(m[2]!, 10) - 1, col: colIndex(m[1]!) } : null;
  };
  const ref = fc.tuple(fc.stringMatching(/^\$?[A-Za-z]{0,4}\$?$/), fc.stringMatching(/^\d{0,9}$/), fc.constantFrom('', ' ', 'x', ':'))
    .map(([l, d, tail]) => `${l}${d}${tail}`);
  fc.assert(fc.property(fc.oneof(ref, fc.string({ maxLength: 8 })), (a1) => expect(parseCell(a1)).toEqual(byPattern(a1))), { numRuns: 2000 });
  expect(parseCell('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
  expect(parseCell('A0')).toEqual({ row: -1, col: 0 });
  expect(parseCell('A01')).toEqual({ row: 0, col: 0 });
});
