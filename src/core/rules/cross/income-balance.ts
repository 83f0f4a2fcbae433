/**
 * Rule 3b: per unit, income against expenditure and balance:
 *   收入合计 = 支出合计 + 累计结余 (年末结转和结余), where the workbook has 累计结余;
 *   otherwise 收入合计 = 上年结转 + 支出合计 + 当年结余, where it has 当年结余.
 * Tables in 元 and in 万元 are compared in 万元. The two tables are one entity's: the department's, or one unit
 * sheet's.
 */
import { checkSum } from '../../arith';
import { Dec } from '../../decimal';
import { Num } from '../../numbers';
import { Row, Table } from '../../recognize/model';
import { ConceptId } from '../../vocabulary';
import { Rule, RuleContext } from '../types';
import { numAt, ref, rowsByKey, show, sumData } from '../util';

function col(t: Table, concept: ConceptId): number | undefined {
  return t.columns.find((c) => c.role === 'number' && c.concept === concept && !c.measure)?.col;
}

function rowFor(t: Table, r: Row): Row | undefined {
  if (r.role === 'total') return t.total;
  return rowsByKey(t, r.key).find((x) => x.role !== 'total');
}

function inWan(n: Num | null, t: Table): Num | null {
  if (!n || t.unit !== '元') return n;
  return { ...n, value: n.value.div(new Dec(10000)), decimals: n.decimals + 4 };
}

export const incomeBalance: Rule = {
  meta: {
    id: 'cross/income-balance',
    severity: 'error',
    description: { zh: '各单位收入与支出、结余相符', en: 'Per unit, income matches expenditure plus balance' },
    messages: {
      mismatch: {
        zh: '“{unit}”收入合计 {stated} ≠ {formulaZh} = {sum}，相差 {diff}',
        en: '“{unit}”: total income {stated} ≠ {formulaEn} = {sum}: off by {diff}',
      },
      rounding: {
        severity: 'info',
        zh: '尾差：“{unit}”收入合计 {stated}，{formulaZh} = {sum}，相差 {diff}，在舍入误差范围之内',
        en: 'Rounding difference: “{unit}”: total income {stated}, {formulaEn} = {sum}: off by {diff}, within the rounding bound',
      },
    },
  },
  check(ctx) {
    // the 收入 and 支出 tables of one entity: the department's, or one unit sheet's (never two units' together)
    const incomes = ctx.model.tables.filter((t) => t.kind === 'income' && col(t, 'income_total') !== undefined);
    const spends = ctx.model.tables.filter((t) => t.kind === 'expenditure' && col(t, 'expenditure_total') !== undefined);
    for (const income of incomes) {
      if (incomes.find((t) => t.entity === income.entity) !== income) continue;
      const spend = spends.find((t) => t.entity === income.entity);
      if (spend) checkPair(ctx, income, spend);
    }
  },
};

/** Per unit row of the 收入 table, against the same unit's row of the 支出 table. */
function checkPair(ctx: RuleContext, income: Table, spend: Table): void {
  const ic = col(income, 'income_total')!;
  const ec = col(spend, 'expenditure_total')!;
  const cum = col(spend, 'balance_cumulative');
  const year = col(spend, 'balance_year');
  const carry = col(income, 'carryover');
  if (cum === undefined && year === undefined) return;
  for (const ir of income.rows) {
    if (ir.role === 'part') continue;
    const er = rowFor(spend, ir);
    if (!er) continue;
    const stated = inWan(numAt(income.grid, ir.row, ic), income);
    const e = inWan(numAt(spend.grid, er.row, ec), spend);
    let terms: (Num | null)[];
    let formulaZh: string;
    let formulaEn: string;
    let cells: string[];
    if (cum !== undefined) {
      terms = [e, inWan(numAt(spend.grid, er.row, cum), spend)];
      formulaZh = `支出合计 ${show(terms[0])} + 累计结余 ${show(terms[1])}`;
      formulaEn = `expenditure ${show(terms[0])} + accumulated balance ${show(terms[1])}`;
      cells = [ref(spend.grid, er.row, ec), ref(spend.grid, er.row, cum)];
    } else {
      const c = carry !== undefined ? inWan(numAt(income.grid, ir.row, carry), income) : null;
      terms = [c, e, inWan(numAt(spend.grid, er.row, year!), spend)];
      formulaZh = `上年结转 ${show(c)} + 支出合计 ${show(e)} + 当年结余 ${show(terms[2])}`;
      formulaEn = `carry-over ${show(c)} + expenditure ${show(e)} + balance of the year ${show(terms[2])}`;
      cells = [...(carry !== undefined ? [ref(income.grid, ir.row, carry)] : []), ref(spend.grid, er.row, ec), ref(spend.grid, er.row, year!)];
    }
    const check = checkSum(stated, terms, ctx.options.tolerance);
    const family = `cross/income-balance:${income.id}:${spend.id}`;
    ctx.checked(family);
    if (check.status === 'ok') continue;
    const data = { ...sumData(check, terms), unit: ir.label, formulaZh, formulaEn };
    ctx.report({
      messageId: check.status === 'mismatch' ? 'mismatch' : 'rounding',
      data,
      cells: [ref(income.grid, ir.row, ic), ...cells],
      expected: data.sum,
      actual: data.stated,
      table: income.id,
      family,
    });
  }
}
