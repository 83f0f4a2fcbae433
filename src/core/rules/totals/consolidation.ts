/**
 * A workbook with one sheet per unit and a 汇总 sheet: each figure of the 汇总 table equals the same figure summed
 * over the unit sheets (recognize/consolidation.ts matched them, by position or by row label and column name, and
 * confirmed the consolidation by the figures). Each failing figure states its equation — the 汇总 cell less the
 * unit cells — so that culprit naming can tell a unit's typo (its own sheet's sums fail too) from a wrong 汇总.
 */
import { checkSum, SumCheck } from '../../arith';
import { Dec } from '../../decimal';
import { notANumber } from '../../numbers';
import { lineFigures, unitFactor } from '../../recognize/consolidation';
import { Consolidation, ConsolidationLine, Table } from '../../recognize/model';
import { Equation, Rule, RuleContext } from '../types';
import { colName, fmt, ref, rowName, show, sumData } from '../util';

export const consolidation: Rule = {
  meta: {
    id: 'totals/consolidation',
    severity: 'error',
    description: { zh: '汇总表的每个数等于各单位表同一位置之和', en: 'Each figure of the summary sheet equals the same figure summed over the unit sheets' },
    messages: {
      mismatch: {
        zh: '汇总表“{sheet}”{row}·{col} 为 {stated}，各单位表合计为 {sum}（{terms}），相差 {diff}',
        en: 'Summary sheet “{sheet}”, {row} · {col} is {stated}, but the unit sheets add up to {sum} ({terms}): off by {diff}',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：汇总表“{sheet}”{row}·{col} 为 {stated}，各单位表合计为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: summary sheet “{sheet}”, {row} · {col} is {stated}, the unit sheets add up to {sum}: off by {diff}, within the rounding bound (±{bound})',
      },
    },
  },
  check(ctx) {
    for (const c of ctx.model.consolidations) for (const line of c.lines) checkLine(ctx, c, line);
  },
};

/** One figure of the 汇总 table against its unit figures. */
function checkLine(ctx: RuleContext, c: Consolidation, line: ConsolidationLine): void {
  const f = lineFigures(c.total, line);
  if (!f || [f.stated, ...f.terms].every((n) => !n)) return;
  const check = checkSum(f.stated, f.terms, ctx.options.tolerance);
  const family = `totals/consolidation:${c.total.id}`;
  ctx.checked(family);
  if (check.status === 'ok') return;
  const t = c.total;
  const data = { ...sumData(check, f.terms), ...working(c, line, check), sheet: t.sheet, row: rowName(t, line.row), col: colName(t, line.col) };
  const mismatch = check.status === 'mismatch';
  ctx.report({
    messageId: mismatch ? 'mismatch' : 'rounding',
    data,
    cells: [ref(t.grid, line.row, line.col), ...line.terms.map((x) => ref(x.table.grid, x.row, x.col))],
    expected: data.sum,
    actual: data.stated,
    table: t.id,
    family,
    ...(mismatch ? { fix: data.sum, equation: equationOf(c, line, check.diff) } : {}),
  });
}

/**
 * The figures as a reader checks them: the 汇总's figure, the sum and the difference at the decimals they need (at
 * least the 汇总's), and each unit's figure as its sheet shows it, with its unit where that is not the 汇总's.
 */
function working(c: Consolidation, line: ConsolidationLine, check: SumCheck): { stated: string; sum: string; diff: string; terms: string } {
  const stated = c.total.grid.num(line.row, line.col);
  const d = Math.min(check.decimals, Math.max(2, stated?.decimals ?? 0, check.sum.decimalPlaces(), check.diff.decimalPlaces()));
  const mixed = line.terms.some((x) => x.table.unit !== c.total.unit);
  const parts = line.terms.flatMap((x) => {
    const n = x.table.grid.num(x.row, x.col);
    return n && !n.value.isZero() ? [`${show(n)}${mixed ? x.table.unit ?? '' : ''}`] : [];
  });
  const list = parts.length > 6 ? [...parts.slice(0, 3), '…', parts[parts.length - 1]!] : parts;
  return { stated: fmt(check.stated, d), sum: fmt(check.sum, d), diff: fmt(check.diff.abs(), d), terms: list.join(' + ') || '0' };
}

/** 汇总 − Σ units (each unit figure weighed into the 汇总's unit) = diff: the equation culprit naming reads. */
function equationOf(c: Consolidation, line: ConsolidationLine, diff: Dec): Equation {
  const term = (table: Table, row: number, col: number, coef: Dec): Equation['terms'][number] => {
    const n = table.grid.num(row, col);
    // a cell holding no number shows what it holds, never a 0 it never had
    const bad = n ? null : notANumber(table.grid.raw(row, col), table.grid.format(row, col));
    const shown = n ? undefined : bad !== null ? `“${bad.slice(0, 40)}”` : '0';
    return { cell: ref(table.grid, row, col), coef, value: n?.value ?? new Dec(0), decimals: n?.decimals ?? 2, shown };
  };
  return {
    kind: 'other',
    terms: [
      term(c.total, line.row, line.col, new Dec(1)),
      ...line.terms.map((x) => term(x.table, x.row, x.col, unitFactor(x.table.unit, c.total.unit).negated())),
    ],
    residual: diff,
  };
}
