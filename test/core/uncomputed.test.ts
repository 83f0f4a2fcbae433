/**
 * Formulas without a saved result (issue 9, item 5): computed where the engine understands them, otherwise
 * unknown — the checks that need them skipped and said at info — and never read as 0.
 */
import { checkWorkbook } from '../../src/core';
import { evaluateUncomputed, UNCOMPUTED } from '../../src/core/evaluate';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';

/** A sheet from rows where "=…" is a formula the file saved no result for. */
function sheet(name: string, rows: Array<Array<string | number | null>>): SheetSnapshot {
  const uncomputed: string[] = [];
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  rows.forEach((row, r) => {
    values.push(row.map((v) => (typeof v === 'string' && v.startsWith('=') ? null : v)));
    formulas.push(row.map((v, c) => {
      if (typeof v !== 'string' || !v.startsWith('=')) return null;
      uncomputed.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      return v;
    }));
  });
  return { name, top: 0, left: 0, values, formulas, numberFormats: rows.map((r) => r.map(() => null)), merges: [], uncomputed };
}

const EXPENDITURE = [
  ['单位名称', '支出合计', '基本支出', '项目支出'],
  ['合计', '=SUM(B3:B4)', '=SUM(C3:C4)', '=SUM(D3:D4)'],
  ['局机关', '=C3+D3', 312.24, 476.4],
  ['妇幼保健院', '=ROUND(C4+D4,2)', 103.86, 246.62],
];

test('sums, + − × ÷ and ROUND without a saved result are computed, and the table is checked clean', () => {
  const wb: WorkbookSnapshot = { sheets: [sheet('表', EXPENDITURE)] };
  const { report } = checkWorkbook(wb, 'x.xlsx');
  expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  const note = report.findings.find((f) => f.rule === 'input/uncomputed')!;
  expect(note.message).toBe('工作表“表”中有 5 个公式没有保存计算结果（B2, C2, D2, B3, B4），已按公式算出后校验；用 Excel 或 WPS 打开并保存一次即可写入结果');
  const ev = evaluateUncomputed(wb);
  expect(ev.workbook.sheets[0]!.values[1]).toEqual(['合计', 1139.12, 416.1, 723.02]);
});

test('a planted typo is still found through computed totals', () => {
  const rows = EXPENDITURE.map((r) => [...r]);
  rows[2]![1] = 798.64; // 局机关's 支出合计 typed, not a formula: 10 more than its parts
  const { report } = checkWorkbook({ sheets: [sheet('表', rows)] }, 'x.xlsx');
  // as in Excel: the 合计 row's computed 支出合计 now includes the typo, so both rows fail their identity; nothing
  // tells which of the two is wrong (the engine does not know that B2 is a formula), so neither gets a fix
  const errors = report.findings.filter((f) => f.severity === 'error');
  expect(errors.map((f) => [f.rule, f.cells[0], f.expected, f.actual, f.fix])).toEqual([
    ['identity/row-sum', '表!B2', '1139.12', '1149.12', undefined],
    ['identity/row-sum', '表!B3', '788.64', '798.64', undefined],
  ]);
});

test('a formula the engine does not understand is unknown, never 0: its checks are skipped and said at info', () => {
  const rows = EXPENDITURE.map((r) => [...r]);
  rows[1]![1] = '=VLOOKUP("合计",A1:D4,2,FALSE)';
  const { report } = checkWorkbook({ sheets: [sheet('表', rows)] }, 'x.xlsx');
  expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  const unknown = report.findings.find((f) => f.messageId === 'unknown')!;
  expect(unknown.message).toBe('工作表“表”中有 1 个公式没有保存计算结果且无法在此计算（B2）：涉及它们的校验已跳过（未当作 0）；请用 Excel 或 WPS 打开并保存一次后再校验');
  expect(unknown.cells).toEqual(['表!B2']);
  expect(report.findings.some((f) => /#UNCOMPUTED|实为 0/.test(f.message))).toBe(false);
  // before: B2 read as 0, "合计 0 ≠ 1139.12" with a fix for a cell that is right
  expect(report.findings.filter((f) => f.fix !== undefined)).toEqual([]);
});

test('Excel’s rules: empty is 0, SUM leaves text out, text in arithmetic is #VALUE!, ÷0 is #DIV/0!, other sheets, loops unknown', () => {
  const a = sheet('甲', [
    [10, '说明', null, '=SUM(A1:C1)', '=A1+B1', '=A1/C1', "='乙'!A1*2", '=I1+1', '=H1+1', '=ROUND(A1/3,2)', '=-A1+(A1*3)'],
  ]);
  const b = sheet('乙', [[7]]);
  const { workbook, unknown } = evaluateUncomputed({ sheets: [a, b] });
  expect(workbook.sheets[0]!.values[0]!.slice(3)).toEqual([10, { error: '#VALUE!' }, { error: '#DIV/0!' }, 14, { error: UNCOMPUTED }, { error: UNCOMPUTED }, 3.33, 20]);
  expect(unknown.get('甲')).toEqual(['H1', 'I1']);
});

test('a formula whose result is "" (an empty <v>) is not uncomputed; a workbook without any such formula is passed through as is', () => {
  const wb: WorkbookSnapshot = { sheets: [{ name: 'S', top: 0, left: 0, values: [[1, null]], formulas: [[null, '=IF(A1>0,"","x")']], merges: [] }] };
  expect(evaluateUncomputed(wb).workbook).toBe(wb);
});
