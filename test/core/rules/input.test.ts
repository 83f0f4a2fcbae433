import { errorValue } from '../../../src/core/rules/input/error-value';
import { numberAsText } from '../../../src/core/rules/input/number-as-text';
import { unreadable } from '../../../src/core/rules/input/unreadable';
import { ruleTester } from '../../helpers/rule-tester';
import { seed002 } from '../../fixtures/seed002';
import { WorkbookSnapshot } from '../../../src/core/snapshot';

const edited = (fn: (wb: WorkbookSnapshot, rowOf: (i: number) => number) => void): WorkbookSnapshot => {
  const { wb, placed } = seed002();
  fn(wb, placed.income.rowOf);
  return wb;
};

ruleTester(numberAsText, {
  valid: [{ name: 'seed 002, numbers as numbers', wb: seed002().wb }],
  invalid: [{
    name: 'two figures typed as text, one with a thousands separator, one full-width',
    wb: edited((wb, rowOf) => {
      const s = wb.sheets.find((x) => x.name === '收支表')!;
      s.values[rowOf(9)]![1] = '1,256.62';
      s.values[rowOf(10)]![1] = '４８９.２５';
    }),
    findings: [{ messageId: 'text', severity: 'info', cells: ['收支表!B13:B14'], message: '“收入合计”列有 2 个数字以文本形式存储（如 1,256.62），已按数字校验；Excel 的求和公式会忽略它们' }],
  }],
});

ruleTester(errorValue, {
  valid: [{ name: 'seed 002', wb: seed002().wb }],
  invalid: [{
    name: 'a #REF! where a figure should be',
    wb: edited((wb, rowOf) => {
      wb.sheets.find((x) => x.name === '收支表')!.values[rowOf(0)]![1] = { error: '#REF!' };
    }),
    findings: [{ messageId: 'error', severity: 'warning', cells: ['收支表!B4'], message: /错误值 #REF!/ }],
  }],
});

ruleTester(unreadable, {
  valid: [{ name: 'seed 002', wb: seed002().wb }],
  invalid: [{
    name: 'a sheet without cell values and a merged area that is not a range',
    wb: (() => {
      const { wb } = seed002();
      wb.sheets.push({ name: 'Chart 1', top: 0, left: 0, values: undefined as never });
      wb.sheets[0]!.merges!.push('not-a-range');
      return wb;
    })(),
    findings: [
      // errors first: a sheet that could not be checked is an error (the workbook is not clean), a bad merge a note
      { messageId: 'sheet', severity: 'error', cells: ["'Chart 1'!A1"], message: '工作表“Chart 1”无法读取，未校验：no cell values；其余工作表已校验' },
      { messageId: 'merge', severity: 'info', cells: ['基本概况!A1'] },
    ],
  }],
});
