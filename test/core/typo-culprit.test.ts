/**
 * Naming the cell whose typing slip explains a failing sum (core/culprit.ts, `nameTypo`): in a list with one
 * amount column only its 合计's sum fails, so nothing else tells which line is wrong — but the residual often
 * does: two digits swapped, a digit dropped or added, the sign reversed, the adjacent line's figure copied. The
 * cell is named, with the value that makes the sum hold as its fix, only when it is the one cell of the sum that
 * explains the residual so and no other check contradicts it.
 */
import { cellA1 } from '../../src/core/a1';
import { checkWorkbook, Finding } from '../../src/core';
import { Grid } from '../../src/core/grid';
import { culpritNote } from '../../src/core/messages';
import { CellValue } from '../../src/core/snapshot';
import { SheetBuilder, workbook } from '../fixtures/sheet';

/** A 基本支出 list in 万元 (seed-like figures, 经济分类 lines), 合计 first. */
const LINES: Array<[string, number]> = [
  ['工资福利支出', 1205.5], ['商品和服务支出', 301.62], ['对个人和家庭的补助', 45.26], ['资本性支出', 98.64], ['债务利息及费用支出', 5.93],
  ['其他支出', 260.99],
];

const cents = (x: number): number => Math.round(x * 100);
const TOP = 3; // the 合计 row; line k is row TOP + 1 + k

/** 项目 | 预算数 with 合计 over the lines (summed in 分), every figure formatted 0.00; `planted` overrides a cell. */
function list(lines: Array<[string, number | null]> = LINES, planted: Record<number, CellValue> = {}): SheetBuilder {
  const s = new SheetBuilder('基本支出');
  s.set(0, 0, '2021年基本支出预算表');
  s.set(1, 1, '单位：万元');
  s.set(2, 0, '项目').set(2, 1, '预算数');
  const total = lines.reduce((a, [, v]) => a + cents(v ?? 0), 0) / 100;
  const rows: Array<[string, number | null]> = [['合计', total], ...lines];
  rows.forEach(([label, v], k) => {
    const r = TOP + k;
    s.set(r, 0, label);
    const value = r in planted ? planted[r]! : v;
    if (value !== null) s.set(r, 1, value, { fmt: '0.00' });
  });
  return s;
}

const at = (row: number): string => `基本支出!${cellA1(row, 1)}`;
/** the row of line k (0-based) */
const line = (k: number): number => TOP + 1 + k;

function errors(s: SheetBuilder): Finding[] {
  return checkWorkbook(workbook(s), 'x.xlsx').report.findings.filter((f) => f.severity === 'error');
}

test('the clean list raises nothing', () => {
  expect(checkWorkbook(workbook(list()), 'x.xlsx').report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

describe('a line typed wrong in a one-column list is named by the shape of the slip, with the value that mends the sum', () => {
  const cases: Array<[string, number, CellValue, string, string]> = [
    // [what, row, typed, fix, shape]
    ['two digits swapped (260.99 typed 269.09)', line(5), 269.09, '260.99', 'swap'],
    ['two digits swapped across the point (1205.50 typed 1025.50)', line(0), 1025.5, '1205.50', 'swap'],
    ['a digit dropped, the figure read at its decimals (1205.50 typed 120.55)', line(0), 120.55, '1205.50', 'digit'],
    ['a digit dropped (301.62 typed 31.62)', line(1), 31.62, '301.62', 'digit'],
    ['a decimal dropped, still shown with two (5.93 typed 5.3)', line(4), 5.3, '5.93', 'digit'],
    ['a digit doubled (45.26 typed 445.26)', line(2), 445.26, '45.26', 'digit'],
    ['the sign reversed (98.64 typed -98.64)', line(3), -98.64, '98.64', 'sign'],
  ];
  test.each(cases)('%s', (_what, row, typed, fix, shape) => {
    const errs = errors(list(LINES, { [row]: typed }));
    expect(errs).toHaveLength(1);
    const f = errs[0]!;
    expect([f.cells[0], f.fix, f.data.culpritShape, f.data.culprit]).toEqual([at(row), fix, shape, at(row)]);
    expect(f.expected).toBe(fix);
  });

  test('the note says which slip and what to type, in zh and en', () => {
    const f = errors(list(LINES, { [line(5)]: 269.09 }))[0]!;
    expect(culpritNote('zh', f.data)).toBe(`（${at(line(5))} 疑似录入错误：数字颠倒，改为 260.99 后成立）`);
    expect(culpritNote('en', f.data)).toBe(` (${at(line(5))} looks mistyped: digits swapped; with 260.99 the check holds)`);
    const g = errors(list(LINES, { [line(3)]: -98.64 }))[0]!;
    expect(culpritNote('zh', g.data)).toContain('正负号相反，改为 98.64 后成立');
    const h = errors(list(LINES, { [line(0)]: 120.55 }))[0]!;
    expect(culpritNote('en', h.data)).toContain('a digit dropped or added; with 1205.50');
  });

  test('the 合计 itself, its digits swapped, is named (no line explains the residual)', () => {
    const f = errors(list(LINES, { [TOP]: 1197.94 }))[0]!;
    expect([f.cells[0], f.fix, f.data.culpritShape]).toEqual([at(TOP), '1917.94', 'swap']);
  });

  test('a figure copied from the line above, where that line is vouched for by its own 其中 lines', () => {
    // 一、工资福利支出 = its two 其中 lines, which hold: it is right, so 二、 copied it
    const s = new SheetBuilder('基本支出');
    s.set(0, 0, '2021年基本支出预算表').set(1, 1, '单位：万元').set(2, 0, '项目').set(2, 1, '预算数');
    const rows: Array<[string, number]> = [
      ['合计', 1917.94], ['一、工资福利支出', 1205.5], ['　　其中：基本工资', 800], ['　　　　　津贴补贴', 405.5], ['二、商品和服务支出', 1205.5],
      ['三、对个人和家庭的补助', 45.26], ['四、资本性支出', 98.64], ['五、债务利息及费用支出', 5.93], ['六、其他支出', 260.99],
    ];
    rows.forEach(([label, v], k) => s.set(TOP + k, 0, label).set(TOP + k, 1, v, { fmt: '0.00' }));
    const errs = errors(s);
    expect(errs).toHaveLength(1);
    expect([errs[0]!.cells[0], errs[0]!.fix, errs[0]!.data.culpritShape]).toEqual([at(TOP + 4), '301.62', 'neighbour']);
    expect(culpritNote('zh', errs[0]!.data)).toContain('与相邻行相同，改为 301.62 后成立');
  });
});

describe('nothing is named, and no fix given, where the residual does not point at one cell', () => {
  /** no line of the list is given a fix, and the finding names no culprit unless it is `allowed` */
  function nameless(s: SheetBuilder, allowed?: string): Finding[] {
    const errs = errors(s);
    expect(errs.length).toBeGreaterThan(0);
    for (const f of errs) {
      if (f.fix !== undefined || f.data.culprit !== undefined) expect(f.cells[0]).toBe(allowed ?? 'no culprit');
    }
    return errs;
  }

  test('a wrong 合计 (+10.00) names the 合计 or nothing, never a line — though 5.93 would be 15.93 with a 1 dropped', () => {
    const errs = nameless(list(LINES, { [TOP]: 1927.94 }), at(TOP));
    expect(errs.every((f) => f.cells[0] === at(TOP))).toBe(true);
  });

  test('a wrong 合计 with a carry (+10.00 on 1997.94) names no line either', () => {
    const lines: Array<[string, number]> = [...LINES.slice(0, 5), ['其他支出', 341]];
    nameless(list(lines, { [TOP]: 2007.95 }), at(TOP));
  });

  test('two cells explain the residual as well (301.62 typed 310.62, and 98.64 would be 89.64 swapped): none is named', () => {
    nameless(list(LINES, { [line(1)]: 310.62 }));
  });

  test('the 合计 explains it as well as the line (2.93 typed 2.39 under a 5.93 that would be 5.39): none is named', () => {
    const s = new SheetBuilder('三公');
    s.set(0, 0, '项目').set(0, 1, '预算数');
    [['合计', 5.93], ['因公出国（境）费', 0], ['公务接待费', 2.39], ['公务用车购置及运行费', 3]].forEach(([label, v], k) => {
      s.set(1 + k, 0, label as string).set(1 + k, 1, v as number, { fmt: '0.00' });
    });
    const errs = errors(s);
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.filter((f) => f.fix !== undefined || f.data.culprit !== undefined)).toEqual([]);
  });

  test('a difference that no slip explains (301.62 typed 304.79) names none', () => {
    nameless(list(LINES, { [line(1)]: 304.79 }));
  });

  test('one digit typed for another (301.62 typed 302.62) is not named: the same residual is such a slip in most cells', () => {
    nameless(list(LINES, { [line(1)]: 302.62 }));
  });

  test('a line equal to the next one, nothing else telling which copied which, names neither', () => {
    nameless(list(LINES, { [line(2)]: 98.64 }));
  });

  test('a line left blank names none, and a blank that could hold the missing figure stands against a slip elsewhere', () => {
    nameless(list(LINES, { [line(1)]: null }));
    // 2.60 would be 42.60 with a 4 dropped, but the blank line (the one planted) may just as well hold the 40.00
    const lines: Array<[string, number | null]> = [['工资福利支出', 1050], ['商品和服务支出', 40], ['对个人和家庭的补助', 40], ['其他支出', 2.6]];
    nameless(list(lines, { [line(1)]: null }));
  });

  test('a line whose over-budget warning points at another line of the sum is not named', () => {
    // 决算数 2666.18 > 预算数 2657.18 points at the 基本支出 line; 2865.39 would be 2856.39 swapped, but the
    // warning says the fault is in the other line
    const s = new SheetBuilder('表');
    s.block(0, 0, [['项目', '预算数', '决算数'], ['支出合计', 5759.58, 5522.57], ['其中：基本支出', 2657.18, 2666.18], ['项目支出', 3102.4, 2865.39]]);
    for (let r = 1; r <= 3; r++) for (let c = 1; c <= 2; c++) s.format(r, c, '0.00');
    const errs = checkWorkbook(workbook(s), 'x.xlsx').report.findings.filter((f) => f.severity === 'error');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.filter((f) => f.fix !== undefined && f.cells[0] !== '表!C3')).toEqual([]);
  });
});

test('a 3,000-line list with one line swapped is named, reading each figure a fixed number of times', () => {
  const lines: Array<[string, number]> = Array.from({ length: 3000 }, (_, k) => [`项目${k + 1}`, 100 + ((k * 7919) % 90000) / 100]);
  const k = 1234;
  const typed = Number(String(lines[k]![1].toFixed(2)).replace(/^(\d)(\d)/, '$2$1'));
  const spy = jest.spyOn(Grid.prototype, 'num');
  try {
    const errs = errors(list(lines, { [line(k)]: typed }));
    if (typed !== lines[k]![1]) {
      const named = errs.filter((f) => f.data.culprit !== undefined);
      for (const f of named) expect([f.cells[0], f.fix]).toEqual([at(line(k)), lines[k]![1].toFixed(2)]);
    }
    expect(spy.mock.calls.length).toBeLessThan(40 * 3001);
  } finally {
    spy.mockRestore();
  }
});
