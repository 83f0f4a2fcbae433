/**
 * Facts derived from the recognised tables, computed once and kept in the model so that rules and scoring read
 * the same thing: budget lines (预算 against 决算/执行, with 差额 and 执行率), from tables and from forms.
 */
import { Grid } from '../grid';
import { AmountUnit, Num, parseNumberText } from '../numbers';
import { normLabel } from '../text';
import { budgetStage, ConceptId, conceptOf, IDENTITIES } from '../vocabulary';
import { BudgetLine, Cell, FormLine, Table } from './model';

export type { BudgetLine, Cell, FormLine } from './model';

function numAt(grid: Grid, r: number, c: number | undefined): Num | null {
  return c === undefined ? null : grid.num(r, c);
}

export function tableBudgetLines(table: Table): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const pair of table.budgetPairs) {
    const colOf = (c: number | undefined) => table.columns.find((x) => x.col === c);
    for (const row of table.rows) {
      const budget = numAt(table.grid, row.row, pair.budget);
      const actual = numAt(table.grid, row.row, pair.actual);
      const rate = numAt(table.grid, row.row, pair.rate);
      if (!budget && !actual && !rate) continue;
      out.push({
        grid: table.grid, tableId: table.id, table, row, pair, budget, actual, rate, diff: numAt(table.grid, row.row, pair.diff),
        cells: {
          budget: { row: row.row, col: pair.budget }, actual: { row: row.row, col: pair.actual },
          ...(pair.diff !== undefined ? { diff: { row: row.row, col: pair.diff } } : {}),
          ...(pair.rate !== undefined ? { rate: { row: row.row, col: pair.rate } } : {}),
        },
        concept: pair.concept ?? conceptOf(row.key)?.id,
        name: pair.name ? `${row.label}·${pair.name}` : row.label,
        rateName: colOf(pair.rate)?.path.at(-1)?.text,
        diffHeader: colOf(pair.diff)?.path.map((n) => n.label).join(''),
        unit: table.unit,
        total: row.role === 'total',
      });
    }
  }
  return out;
}

const KEY_BUDGET = /^(预算数|全年预算数|预算金额|预算安排数|年度预算数|调整后预算数|预算)$/;
const KEY_ACTUAL = /^(执行数|决算数|实际执行数|全年执行数|实际支出|支出数|实际支出数|执行金额|决算金额)$/;
const KEY_RATE = /^(执行率|预算执行率|完成率|预算完成率|支出进度)$/;
const PAIR = /(预算数|全年预算数|预算金额|预算安排数|年度预算数|调整后预算数|执行数|决算数|实际执行数|全年执行数|实际支出数?|支出数|执行金额|决算金额|预算执行率|执行率|预算完成率|完成率|支出进度)\s*[:：]\s*([-+]?[\d,，.]+\s*(?:万元|元|%)?)/g;

/**
 * Budget lines written as a form (seed 004): "预算数：16.56万元  执行数：15.70万元  执行率：94.78%" in one cell, or
 * "预算数: | 16.56万元 | 执行数: | 15.70万元 | 执行率: | 94.78%" across the cells of one row. A line needs both a
 * 预算数 and a 执行数/决算数 on one row; a key that appears twice on a row (其中-财政拨款 under both) is no line.
 */
export function findFormLines(grid: Grid, consumed: Set<number>, nextId: () => number): FormLine[] {
  const out: FormLine[] = [];
  const rows = new Set(grid.shortTexts().filter((t) => /预算|执行|决算/.test(t.text)).map((t) => t.row));
  // one-cell lines: any text cell with two or more "key：value" pairs
  const cellsWithPairs: Array<{ row: number; col: number; text: string }> = [];
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (const c of grid.cols(r)) {
      const raw = grid.raw(r, c);
      if (typeof raw === 'string' && raw.length <= 120 && /[:：]/.test(raw) && /预算/.test(raw) && /(执行|决算|实际)/.test(raw)) cellsWithPairs.push({ row: r, col: c, text: raw });
    }
  }
  for (const { row, col, text } of cellsWithPairs) {
    if (consumed.has(row)) continue;
    const found: Record<'budget' | 'actual' | 'rate', Num | undefined> = { budget: undefined, actual: undefined, rate: undefined };
    for (const m of text.normalize('NFKC').matchAll(PAIR)) {
      const key = m[1]!;
      const n = parseNumberText(m[2]!.replace(/，/g, ','));
      if (!n) continue;
      const num: Num = n;
      const kind = KEY_RATE.test(key) ? 'rate' : KEY_BUDGET.test(key) ? 'budget' : 'actual';
      if (found[kind]) {
        found.budget = undefined;
        break;
      }
      found[kind] = num;
    }
    if (!found.budget || !found.actual) continue;
    const at = { row, col };
    out.push(formLine(grid, nextId(), found.budget, found.actual, found.rate ?? null, { budget: at, actual: at, ...(found.rate ? { rate: at } : {}) }, labelLeftOf(grid, row, col)));
    consumed.add(row);
  }
  // key cells and value cells across a row
  for (const r of rows) {
    if (consumed.has(r)) continue;
    const keys: Partial<Record<'budget' | 'actual' | 'rate', Cell>> = {};
    let twice = false;
    for (let c = grid.left, end = grid.rowRight(r); c <= end; c++) {
      if (grid.covered(r, c)) continue;
      const i = grid.info(r, c);
      if (i.k !== 'text') continue;
      const k = normLabel(i.s).replace(/[:：]$/, '');
      const kind = KEY_RATE.test(k) ? 'rate' : KEY_BUDGET.test(k) ? 'budget' : KEY_ACTUAL.test(k) ? 'actual' : undefined;
      if (!kind) continue;
      const m = grid.merge(r, c);
      let vc = (m ? m.right : c) + 1;
      while (vc <= end && grid.covered(r, vc)) vc++;
      const vi = grid.info(r, vc);
      if (vi.k !== 'num' && vi.k !== 'empty' && vi.k !== 'dash') continue;
      if (keys[kind]) twice = true;
      keys[kind] = { row: r, col: vc };
    }
    if (twice || !keys.budget || !keys.actual) continue;
    const n = (c: Cell | undefined): Num | null => (c ? numAt(grid, c.row, c.col) : null);
    if (!n(keys.budget) && !n(keys.actual)) continue;
    out.push(formLine(grid, nextId(), n(keys.budget), n(keys.actual), n(keys.rate), { budget: keys.budget, actual: keys.actual, ...(keys.rate ? { rate: keys.rate } : {}) }, labelLeftOf(grid, r, Math.min(keys.budget.col, keys.actual.col) - 1)));
    consumed.add(r);
  }
  return out;
}

/** A label without its bracketed notes ("预算执行情况(万元)" → "预算执行情况"), in one pass: each "(" or "（" up to the next
 *  closing bracket of its kind is dropped, an unclosed one kept (what /\(.*?\)|（.*?）/g does, without its
 *  quadratic time on a cell of brackets). */
function withoutBrackets(text: string): string {
  const next = new Array<number>(text.length + 1);
  const nextFull = new Array<number>(text.length + 1);
  next[text.length] = nextFull[text.length] = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    next[i] = text[i] === ')' ? i : next[i + 1]!;
    nextFull[i] = text[i] === '）' ? i : nextFull[i + 1]!;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const close = text[i] === '(' ? next[i + 1]! : text[i] === '（' ? nextFull[i + 1]! : -1;
    if (close >= 0) i = close;
    else out += text[i];
  }
  return out;
}

function labelLeftOf(grid: Grid, r: number, c: number): string {
  for (let x = c - 1; x >= grid.left; x--) {
    const i = grid.info(r, x);
    if (i.k === 'text' && !/[:：]$/.test(i.s)) return withoutBrackets(i.s).trim();
  }
  return '预算执行情况';
}

function formLine(grid: Grid, id: number, budget: Num | null, actual: Num | null, rate: Num | null, cells: BudgetLine['cells'], name: string): FormLine {
  const all = Object.values(cells).filter((x): x is Cell => !!x);
  const unit = budget?.unit ?? actual?.unit;
  return {
    grid, tableId: id, budget, actual, rate, diff: null, cells, concept: conceptOf(name)?.id, name, unit, total: true,
    rect: {
      top: Math.min(...all.map((x) => x.row)), left: Math.min(...all.map((x) => x.col)) - 1,
      bottom: Math.max(...all.map((x) => x.row)), right: Math.max(...all.map((x) => x.col)),
    },
  };
}

/**
 * One figure the workbook states: who (the department, '*', or a unit; on a unit sheet, that unit, and its
 * sub-units as "unit/sub-unit"), what (a concept: 三公经费合计, 支出合计 …), which measure (预算 or 决算/执行; a plain
 * amount counts as 决算) and which year, where it stands and in which unit.
 */
export interface Fact {
  entity: string;
  item: ConceptId;
  measure: 'budget' | 'actual';
  /** the year, or 0 when the table does not say (the report's own year) */
  year: number;
  num: Num;
  cell: Cell;
  grid: Grid;
  tableId: number;
  unit?: AmountUnit;
  /** how the figure is named in messages */
  label: string;
  /** the funds the table covers, where its title narrows them (财政拨款, 政府性基金 …); '' for all funds */
  scope: string;
}

/** A title that narrows a table to some funds ("2021年财政拨款支出预算执行情况"): its figures are not the all-funds ones. */
function scopeOf(title: string | undefined): string {
  const m = /(财政拨款|一般公共预算|公共财政|政府性基金|专户|非税|事业收入|经营)/.exec(normLabel(title ?? ''));
  return m ? m[1]! : '';
}

/** What a plain amount of a table stands for, by its title: a 预算 table's amounts are budgets (2026年部门收支预算总表),
 *  any other's actuals (决算, 执行情况); the names of the four budgets a fund comes from (一般公共预算 …) say nothing. */
function plainMeasure(title: string | undefined): 'budget' | 'actual' {
  const t = normLabel(title ?? '').replace(/(一般公共|政府性基金|国有资本经营|社会保险基金)预算/g, '');
  return /预算/.test(t) && !/(决算|执行|完成|实际)/.test(t) ? 'budget' : 'actual';
}

/** The facts of a table: its figures that a concept, an entity and a year pin down. */
export function tableFacts(t: Table, reportYear: number | undefined, only?: ReadonlySet<ConceptId>): Fact[] {
  const out: Fact[] = [];
  const yearOf = (c: Table['columns'][number]): number | undefined => {
    if (c.year !== undefined) return c.year;
    if (c.period === 'prior') return reportYear !== undefined ? reportYear - 1 : -1;
    if (c.period === 'current') return reportYear ?? 0;
    return t.year ?? reportYear ?? 0;
  };
  const scope = scopeOf(t.title);
  const changes = new Set(t.changePairs.flatMap((p) => [p.diff, p.rate]));
  const numbers = t.columns.filter((c) => c.role === 'number' && c.measure !== 'rate' && c.measure !== 'diff' && !c.percentPoints && !changes.has(c.col));
  const totalConcept = IDENTITIES.find((i) => {
    const parts = t.rows.filter((r) => r.role !== 'total').map((r) => conceptOf(r.key)?.id).filter((x): x is ConceptId => !!x);
    return parts.length >= 2 && parts.every((p) => i.parts.includes(p));
  })?.whole;
  const plain = plainMeasure(t.title);
  const push = (entity: string, item: ConceptId, c: Table['columns'][number], row: number, label: string): void => {
    if (only && !only.has(item)) return;
    // 年初预算数 and 调整预算数 are stages of a budget, not the budget another table states (全年预算数 is)
    const stage = budgetStage(c.path.at(-1)?.label ?? '');
    if (stage === 'initial' || stage === 'adjustment') return;
    const i = t.grid.info(row, c.col);
    const year = yearOf(c);
    if (i.k !== 'num' || year === undefined || year < 0) return;
    out.push({
      entity, item, measure: c.measure === 'budget' ? 'budget' : c.measure === undefined ? plain : 'actual', year, num: i.n, cell: { row, col: c.col }, grid: t.grid, tableId: t.id,
      unit: t.unit, label: `${label}·${c.name || ''}`.replace(/·$/, ''), scope,
    });
  };
  // a table on a unit sheet states its unit's figures; its sub-units are that unit's
  const whole = t.entity ?? '*';
  const part = (key: string): string => (t.entity === undefined ? key : `${t.entity}/${key}`);
  if (t.unitCols) {
    const units = t.relations.find((r) => r.source === 'units');
    for (const r of t.rows) {
      const item = conceptOf(r.key)?.id;
      if (!item || !units) continue;
      for (const c of numbers) {
        const entity = c.col === units.whole ? whole : part(normLabel(c.path.at(-1)?.label ?? ''));
        push(entity, item, { ...c, measure: undefined }, r.row, r.label);
      }
    }
    return out;
  }
  for (const r of t.rows) {
    if (r.role === 'label' || r.rate || r.role === 'subtotal' || r.children.length && r.role !== 'total') continue;
    if (t.unitRows) {
      const entity = r.role === 'total' ? whole : part(r.key);
      for (const c of numbers) if (c.concept) push(entity, c.concept, c, r.row, r.label);
    } else {
      const item = r.role === 'total' ? totalConcept : conceptOf(r.key)?.id;
      if (!item) continue;
      for (const c of numbers) if (!c.concept || c.concept === item) push(whole, item, c, r.row, r.label);
    }
  }
  return out;
}

/** The concepts a table could state facts about (cheap: labels only), to compare only what two tables share. */
export function factConcepts(t: Table): Set<ConceptId> {
  const out = new Set<ConceptId>();
  if (t.unitRows) {
    for (const c of t.columns) if (c.concept) out.add(c.concept);
    return out;
  }
  for (const r of t.rows) {
    const id = conceptOf(r.key)?.id;
    if (id) out.add(id);
  }
  for (const i of IDENTITIES) if (i.parts.some((p) => out.has(p))) out.add(i.whole);
  return out;
}
