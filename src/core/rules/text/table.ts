/**
 * text/table: a figure of the text against the same figure in a recognised table of the same snapshot — the row
 * whose label is the text's item, in the column of its measure (预算 or 决算) and year, where the table's title
 * states the same fund scope (a title that states none is all funds: it is compared only with a figure of no
 * stated scope or of 全部资金). 元 against 万元 at each figure's own decimals (2,070,000 元 = 207.00 万元 ≠ 170.03).
 * Where several columns could hold the figure and none is the table's 合计, the figure is left alone; where one of
 * the tables that hold it agrees, the text does.
 */
import { checkSum } from '../../arith';
import { Dec } from '../../decimal';
import { Num, shown } from '../../numbers';
import { itemKey } from '../../recognize/claims-scan';
import { Column, Table, TextAmount } from '../../recognize/model';
import { normLabel } from '../../text';
import { Rule } from '../types';
import { fmt, ref } from '../util';
import { stageOf } from './same-figure';
import { asWritten, cellsOf, familyOf, quoteOf } from './util';

const TEN_THOUSAND = new Dec(10000);

/** The scope a table's title states, in the words of claims-scan.ts. */
function titleScope(title: string | undefined): string | undefined {
  const t = normLabel(title ?? '');
  if (/一般公共预算财政拨款|一般公共预算拨款|公共财政拨款/.test(t)) return '一般公共预算财政拨款';
  if (/政府性基金/.test(t)) return '政府性基金';
  if (/国有资本经营/.test(t)) return '国有资本经营预算';
  if (/一般公共预算/.test(t)) return '一般公共预算';
  if (/财政拨款/.test(t)) return '财政拨款';
  return undefined;
}

function plainMeasure(title: string | undefined): 'budget' | 'actual' {
  const t = normLabel(title ?? '').replace(/(一般公共|政府性基金|国有资本经营|社会保险基金)预算/g, '');
  return /预算/.test(t) && !/(决算|执行|完成|实际)/.test(t) ? 'budget' : 'actual';
}

interface Candidate {
  table: Table;
  row: number;
  col: Column;
  num: Num;
}

function candidates(t: Table, a: TextAmount): Candidate[] {
  if (!t.unit) return [];
  // the report's text (正文) speaks of the department: its tables, not a unit sheet's; a workbook's prose cell of
  // its own sheet's tables
  if (a.para.grid.name === '正文' ? t.entity !== undefined : t.sheet !== a.para.grid.name) return [];
  const scope = titleScope(t.title);
  if (scope ? scope !== a.scope : a.scope !== undefined && a.scope !== '全部资金') return [];
  const rows = t.rows.filter((r) => r.role !== 'label' && !r.rate && itemKey(r.key) === a.key);
  if (rows.length !== 1) return [];
  const plain = plainMeasure(t.title);
  let cols = t.columns.filter((c) => c.role === 'number' && c.measure !== 'rate' && c.measure !== 'diff' && !c.percentPoints)
    .filter((c) => (c.measure === 'budget' || c.measure === 'actual' ? c.measure : plain) === (a.measure ?? plain))
    .filter((c) => a.year === undefined || (c.year ?? t.year) === undefined || (c.year ?? t.year) === a.year);
  if (cols.length > 1) cols = cols.filter((c) => /^(合计|金额|总计|小计|预算数|决算数)/.test(normLabel(c.path.at(-1)?.label ?? c.name)));
  if (cols.length !== 1) return [];
  const row = rows[0]!.row;
  const info = t.grid.info(row, cols[0]!.col);
  if (info.k !== 'num') return [];
  const n = info.n;
  const num: Num = t.unit === '元' ? { ...n, value: n.value.div(TEN_THOUSAND), decimals: n.decimals + 4 } : n;
  return [{ table: t, row, col: cols[0]!, num }];
}

export const textTable: Rule = {
  meta: {
    id: 'text/table',
    severity: 'error',
    description: { zh: '文字中的数字与同一文件表格中的同一数字一致', en: 'A figure in the text agrees with the same figure in a table of the same file' },
    messages: {
      mismatch: {
        zh: '文中“{item}”为 {text}，而表格“{table}”{cell} 为 {shown}（{wan}），不一致',
        en: 'The text states “{item}” as {text}, but the table “{table}” has {shown} ({wan}) in {cell}',
      },
    },
  },
  check(ctx) {
    const tables = ctx.model.tables.filter((t) => t.unit && t.sheet !== '正文');
    if (!tables.length) return;
    for (const c of ctx.model.claims) {
      if (c.kind !== 'amount' || c.amount.role !== 'fact' || !c.amount.key || stageOf(c.amount)) continue;
      const a = c.amount;
      const found = tables.flatMap((t) => candidates(t, a));
      if (!found.length) continue;
      const family = familyOf('text/table', a.para);
      ctx.checked(family);
      if (found.some((f) => checkSum(a.num, [f.num], ctx.options.tolerance).status !== 'mismatch')) continue;
      const f = found[0]!;
      const cell = ref(f.table.grid, f.row, f.col.col);
      ctx.report({
        messageId: 'mismatch',
        data: {
          item: a.label, text: asWritten(a), table: f.table.title ?? f.table.sheet, cell,
          shown: `${shown(f.table.grid.num(f.row, f.col.col)!)}${f.table.unit ?? ''}`,
          wan: `${fmt(f.num.value, Math.max(2, a.num.decimals))}万元`,
        },
        cells: [...cellsOf(a), cell],
        expected: `${shown(f.table.grid.num(f.row, f.col.col)!)}${f.table.unit ?? ''}`, actual: asWritten(a),
        quote: quoteOf(a),
        table: f.table.id,
        family,
      });
    }
  },
};
