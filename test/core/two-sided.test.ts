/** Two-sided 总表 (recognize/two-sided.ts, rule totals/balance): each side a table of its own, and the balance. */
import { checkWorkbook } from '../../src/core';
import { workbook } from '../fixtures/sheet';
import { twoSided } from '../fixtures/two-sided';

const loud = (s: ReturnType<typeof twoSided>['s']) => checkWorkbook(workbook(s), 'x.xlsx').report.findings.filter((f) => f.severity !== 'info');

describe.each([false, true])('财政拨款 columns: %s', (funds) => {
  test('a correct 总表 is read as two sides with their totals, and raises nothing', () => {
    const { s, rows } = twoSided({ funds });
    expect(loud(s).map((f) => `${f.rule} ${f.cells[0]} ${f.message}`)).toEqual([]);
    const { model } = checkWorkbook(workbook(s), 'x.xlsx');
    expect(model.tables.map((t) => t.side)).toEqual(['income', 'expenditure']);
    for (const t of model.tables) {
      expect(t.total!.row).toBe(rows.grand);
      expect(t.total!.children.map((c) => c.row)).toEqual([rows.incomeTotal, rows.carry]);
    }
    expect(model.tables[0]!.rows.find((r) => r.row === rows.incomeTotal)!.children).toHaveLength(9);
    expect(model.tables[1]!.rows.find((r) => r.row === rows.incomeTotal)!.children).toHaveLength(4);
  });

  test('a wrong expenditure line is found on its side (and named where its row has parts that vouch for it)', () => {
    const { s, rows } = twoSided({ funds });
    s.set(rows.health, 3, 4810, { fmt: '0.00' });
    const errors = loud(s).filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const cell = `收支总表!D${rows.health + 1}`;
    // with one amount column only the 本年支出合计 line's sum fails, and 4810 for 4180 is two digits swapped: the
    // line is named by the typo's shape
    if (funds) expect(errors.map((f) => f.cells[0])).toEqual([cell, cell]);
    else expect(errors.map((f) => [f.cells[0], f.fix, f.cells.includes('收支总表!D5:D8')])).toEqual([[cell, '4180.00', true]]);
  });

  test('收入总计 ≠ 支出总计 is an error of totals/balance', () => {
    const { s, rows } = twoSided({ funds });
    // both sides add up, but the income side has 10 万元 more carried over than the expenditure side spends or carries
    s.set(rows.carry, 1, 160.25, { fmt: '0.00' });
    s.set(rows.grand, 1, 5208.65, { fmt: '0.00' });
    const f = loud(s).filter((x) => x.rule === 'totals/balance');
    expect(f.map((x) => x.cells)).toEqual([[`收支总表!B${rows.grand + 1}`, `收支总表!D${rows.grand + 1}`]]);
    expect(f[0]!.message).toContain('相差 10.00');
  });
});

test('one side’s 总计 left blank is an error of totals/balance, the blank cell named (its own side’s sum fails too)', () => {
  const { s, rows } = twoSided();
  s.set(rows.grand, 3, null);
  const f = loud(s).filter((x) => x.rule === 'totals/balance');
  expect(f.map((x) => x.cells)).toEqual([[`收支总表!D${rows.grand + 1}`, `收支总表!B${rows.grand + 1}`]]);
});
