/**
 * Naming the most likely culprit. Every failing check states the equation it tested (a sum, a difference, a
 * ratio) and the cells in it. One wrong figure breaks every equation it sits in — a column total and a row
 * identity, the two breakdowns of one 年度资金总额, a table's total and the same figure in another table — so
 * the cell that sits in more failing equations than any other cell of a finding is named first in it. When two
 * cells tie, none is named: the engine does not guess. When every linear equation through the culprit agrees
 * on the value that mends it, that value is the fix. Where none of that names a cell of a failing sum, the shape
 * of the residual may: a cell whose figure is a typing slip of the value that would make the sum hold (two digits
 * swapped, a digit dropped or added, the sign reversed, the adjacent line's figure) is named when it is the only
 * cell of the sum that is such a slip and no other check contradicts it (see `nameTypo`).
 */
import { parseCell, parseRange, Rect, splitRef } from './a1';
import { sumStatus, ToleranceOptions } from './arith';
import { Dec, fmtFixed } from './decimal';
import { TypoShape } from './messages';
import { notANumber } from './numbers';
import { Cross, Equation, Problem, RuleMeta } from './rules/types';
import { Table } from './recognize/model';
import { numAt, ref } from './rules/util';

export interface Raised {
  problem: Problem;
  /** the rule that raised it, where known: a finding of severity info (a note on the input) points at no culprit */
  rule?: { meta: RuleMeta };
  culprit?: string;
  /** how the culprit was found: 'cross' (a column total and a row identity), 'isolated' (the only cell nothing
   *  vouches for), 'typo' (the only cell whose figure is a typing slip of the value that mends the sum: then
   *  `problem.data` carries `culpritShape` and `culpritFix` for the note) or the number of failing checks */
  culpritVia?: 'cross' | 'isolated' | 'typo' | number;
}

/** The equation of a column total or row identity, from its `cross`. */
function crossEquation(cross: Cross, tables: Table[]): Equation | undefined {
  const t = tables.find((x) => x.id === cross.table);
  if (!t) return undefined;
  const cell = (r: number, c: number, coef: number): Equation['terms'][number] => {
    const n = numAt(t.grid, r, c);
    // a cell that holds no number shows what it holds ("“NaN”", said to be no number by input/not-a-number), not
    // a 0 it never had
    const bad = n ? null : notANumber(t.grid.raw(r, c), t.grid.format(r, c));
    const shown = n ? undefined : bad !== null ? `“${bad.slice(0, 40)}”` : '0';
    return { cell: ref(t.grid, r, c), coef: new Dec(coef), value: n?.value ?? new Dec(0), decimals: n?.decimals ?? 2, shown };
  };
  if (cross.axis === 'col') {
    return { kind: 'col', terms: [cell(cross.totalRow, cross.col, 1), ...cross.rows.map((r) => cell(r, cross.col, -1))], residual: cross.diff };
  }
  return { kind: 'row', terms: [cell(cross.row, cross.whole, 1), ...cross.parts.map((c) => cell(cross.row, c, -1))], residual: cross.diff };
}

/** A sum line's key: down column c into row `whole` from the rows `parts`, or along row r into column `whole`. */
const partsKey = (parts: readonly number[]): string => (parts.length <= 8 ? parts.join(',') : `${parts[0]}…${parts[parts.length - 1]}#${parts.length}`);
const colLine = (table: number, c: number, whole: number, parts: readonly number[]): string => `${table}|${c}|${whole}|${partsKey(parts)}|c`;
const rowLine = (table: number, r: number, whole: number, parts: readonly number[]): string => `${table}|${r}|${whole}|${partsKey(parts)}|r`;

/**
 * Does some other sum through cell (r, c) of table t hold there (with figures in it)? Then the cell is vouched
 * for. Each sum line (a relation on one row or column, a parent row on one column) is computed once per check of
 * the workbook and remembered, so that naming culprits costs a pass over the lines, not one per cell of each
 * failing line (a 200-column table with scattered faults took minutes that way).
 */
class Vouching {
  private readonly lines = new Map<string, boolean>();
  private readonly rowsOf = new Map<Table, Map<number, Table['rows'][number]>>();
  private readonly childRows = new Map<Table['rows'][number], number[]>();
  constructor(private readonly tol: ToleranceOptions) {}

  private holds(key: string, t: Table, whole: { r: number; c: number }, parts: () => Array<{ r: number; c: number }>): boolean {
    let v = this.lines.get(key);
    if (v === undefined) {
      const g = t.grid;
      const stated = numAt(g, whole.r, whole.c);
      const terms = parts().map((x) => numAt(g, x.r, x.c));
      v = !!stated && !terms.every((x) => !x) && sumStatus(stated, terms, this.tol) !== 'mismatch';
      this.lines.set(key, v);
    }
    return v;
  }

  /** A line a rule found failing need not be summed again. */
  failed(cross: Cross): void {
    this.lines.set(cross.axis === 'col' ? colLine(cross.table, cross.col, cross.totalRow, cross.rows) : rowLine(cross.table, cross.row, cross.whole, cross.parts), false);
  }

  vouchedFor(t: Table, r: number, c: number): boolean {
    for (const rel of t.relations) {
      const cols = rel.parts.flat();
      if (rel.whole !== c && !cols.includes(c)) continue;
      if (this.holds(rowLine(t.id, r, rel.whole, cols), t, { r, c: rel.whole }, () => cols.map((x) => ({ r, c: x })))) return true;
    }
    for (const rel of t.rowRelations) {
      const rows = rel.parts.flat();
      if (rel.whole !== r && !rows.includes(r)) continue;
      if (this.holds(colLine(t.id, c, rel.whole, rows), t, { r: rel.whole, c }, () => rows.map((x) => ({ r: x, c })))) return true;
    }
    let byRow = this.rowsOf.get(t);
    if (!byRow) this.rowsOf.set(t, (byRow = new Map(t.rows.map((x) => [x.row, x]))));
    const row = byRow.get(r);
    for (const p of [row, row?.parent]) {
      if (!p || !p.children.length) continue;
      let rows = this.childRows.get(p);
      if (!rows) this.childRows.set(p, (rows = p.children.map((ch) => ch.row)));
      if (this.holds(colLine(t.id, c, p.row, rows), t, { r: p.row, c }, () => rows.map((x) => ({ r: x, c })))) return true;
    }
    return false;
  }
}

const MAX_NAMED_TERMS = 20_000;

export function nameCulprits(raised: Raised[], tables: Table[], tol: ToleranceOptions): void {
  const withEq: Array<{ x: Raised; eq: Equation }> = [];
  for (const x of raised) {
    const big = x.problem.cross && (x.problem.cross.axis === 'col' ? x.problem.cross.rows.length : x.problem.cross.parts.length) > MAX_NAMED_TERMS;
    const eq = x.problem.equation ?? (x.problem.cross && !big ? crossEquation(x.problem.cross, tables) : undefined);
    if (big) delete x.problem.fix;
    if (eq) withEq.push({ x, eq });
  }
  const through = new Map<string, Equation[]>();
  for (const { eq } of withEq) {
    for (const cell of new Set(eq.terms.map((t) => t.cell))) {
      const list = through.get(cell);
      if (list) list.push(eq);
      else through.set(cell, [eq]);
    }
  }
  const vouching = new Vouching(tol);
  const pointing = new Pointing(raised);
  for (const { x } of withEq) if (x.problem.cross) vouching.failed(x.problem.cross);
  for (const { x, eq } of withEq) {
    // a failing sum proves that one of its cells is wrong, not which: a rule's fix (on the cell it states
    // first, usually the total) is kept only when that cell is named the culprit, so that a cell that may well be
    // right is never given a value to type in
    const ruleFix = x.problem.fix;
    const ruleCell = x.problem.cells[0];
    // a check of one cell alone (a score above its 分值) has no other candidate: its fix stands
    if (new Set(eq.terms.map((t) => t.cell)).size < 2) continue;
    delete x.problem.fix;
    name(x, eq);
    if (x.culprit === undefined) nameTypo(x, eq, { through, tables, vouching, pointing });
    if (x.problem.fix === undefined && ruleFix !== undefined && x.culprit !== undefined && x.culprit === ruleCell) x.problem.fix = ruleFix;
  }

  function name(x: Raised, eq: Equation): void {
    // a sum over tens of thousands of cells (a long list's 合计) names no culprit: the counting would cost more
    // than it could tell, and nothing vouches for a line of a plain list
    if (eq.terms.length > MAX_NAMED_TERMS) return;
    let best = 1;
    let cands: string[] = [];
    for (const cell of new Set(eq.terms.map((t) => t.cell))) {
      const n = through.get(cell)!.length;
      if (n > best) {
        best = n;
        cands = [cell];
      } else if (n === best && best > 1) cands.push(cell);
    }
    if (cands.length !== 1) {
      // no cell sits in more failing checks than the others: the cells that another check vouches for go last,
      // and if one cell alone is left, it is named
      if (best === 1) isolate(x, eq, tables, vouching);
      return;
    }
    const cell = cands[0]!;
    const eqs = through.get(cell)!;
    x.culprit = cell;
    x.culpritVia = eqs.length === 2 && eqs.some((e) => e.kind === 'col') && eqs.some((e) => e.kind === 'row') ? 'cross' : eqs.length;
    x.problem.cells = [cell, ...x.problem.cells.filter((c) => c !== cell)];
    proposeFix(x, cell, eqs);
  }
}

/** The value that mends every linear equation through the culprit, when they agree, becomes the finding's fix. */
function proposeFix(x: Raised, cell: string, eqs: Equation[]): void {
  let fix: Dec | undefined;
  let term: Equation['terms'][number] | undefined;
  for (const e of eqs) {
    const t = e.terms.find((y) => y.cell === cell);
    if (!t || !t.coef || !e.residual || t.coef.isZero()) continue;
    const f = t.value.minus(e.residual.div(t.coef));
    if (fix && !fix.eq(f)) return;
    fix = f;
    term = t;
  }
  if (!fix || !term) return;
  const text = fmtFixed(fix, Math.max(term.decimals, 2));
  x.problem.fix = text;
  x.problem.expected = text;
  x.problem.actual = term.shown ?? fmtFixed(term.value, term.decimals);
}

/** The table a sheet-qualified cell lies in, and the cell's row and column. */
function locate(cell: string, tables: Table[]): { table: Table; row: number; col: number } | undefined {
  const a = splitRef(cell);
  const at = a ? parseCell(a.address) : null;
  if (!a || !at) return undefined;
  const table = tables.find((tb) => tb.sheet === a.sheet && at.row >= tb.rect.top && at.row <= tb.rect.bottom && at.col >= tb.rect.left && at.col <= tb.rect.right);
  return table ? { table, row: at.row, col: at.col } : undefined;
}

/** Within one failing check, the cells that other checks vouch for are the least likely culprits. */
function isolate(x: Raised, eq: Equation, tables: Table[], vouching: Vouching): void {
  const cells = [...new Set(eq.terms.map((t) => t.cell))];
  if (cells.length < 2) return;
  const vouched = new Set<string>();
  let unvouched = 0;
  for (const cell of cells) {
    const at = locate(cell, tables);
    if (at && vouching.vouchedFor(at.table, at.row, at.col)) vouched.add(cell);
    // three cells nothing vouches for: nothing will be said, the rest need not be looked at
    else if (++unvouched > 2) return;
  }
  // reorder only when it says something: one or two cells left that nothing vouches for
  if (!vouched.size || cells.length - vouched.size > 2) return;
  let rest = cells.filter((c) => !vouched.has(c));
  // of two unvouched cells, one left blank where its neighbours hold figures is the one missing
  // — and only where the figure it would need is positive (a blank that would have to hold −18000 is not missing)
  const needs = (t: Equation['terms'][number]): boolean => !!t.coef && !!eq.residual && !t.coef.isZero() && eq.residual.div(t.coef).negated().gt(0);
  const blank = rest.filter((c) => eq.terms.some((t) => t.cell === c && (t.shown === '0' || !!t.shown?.startsWith('“')) && needs(t)));
  if (rest.length === 2 && blank.length === 1) {
    // unless the other one's figure is itself a typing slip of what would mend the sum (24000 dropped to 2000 beside
    // a 购置费 printed blank): then either may be the wrong one, and neither is named
    const other = eq.terms.find((t) => t.cell !== blank[0] && rest.includes(t.cell));
    const right = other?.coef && eq.residual ? mending(other, eq.residual, placesOf(other)) : undefined;
    if (other && right && (slipOf(other, right, []) || substituted(other, right))) blank.length = 0;
    else rest = [blank[0]!, ...rest.filter((c) => c !== blank[0])];
  }
  if (rest[0] === x.problem.cells[0] && rest.length > 1) return;
  x.problem.cells = [...rest, ...x.problem.cells.filter((c) => !rest.includes(c))];
  if (rest.length === 1 || blank.length === 1 && rest[0] === blank[0]) {
    x.culprit = rest[0]!;
    x.culpritVia = 'isolated';
    proposeFix(x, rest[0]!, [eq]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// a typing slip that explains a failing sum

type Term = Equation['terms'][number];

/** What naming by a typo's shape looks at besides the failing sum: every failing equation through each cell,
 *  the tables, and the sums that hold. */
interface TypoContext {
  through: Map<string, Equation[]>;
  tables: Table[];
  vouching: Vouching;
  pointing: Pointing;
}

/** A cell's key whichever way its reference is written ("'附表 1'!B5", "附表 1!$B$5"). */
function cellKey(ref: string): { key: string; sheet: string; row: number; col: number } | undefined {
  const a = splitRef(ref);
  const at = a ? parseCell(a.address) : null;
  return a && at ? { key: `${a.sheet}\u0000${at.row},${at.col}`, sheet: a.sheet, row: at.row, col: at.col } : undefined;
}

/**
 * The cells the failing findings name (their cells and the cells of their equations), indexed once, when a sum
 * first has a cell that explains it: so that a finding pointing at another cell of that sum, and not at the
 * candidate, can say the candidate is not the one wrong figure.
 */
class Pointing {
  private singles?: Map<string, Set<Raised>>;
  private ranges?: Array<{ x: Raised; sheet: string; rect: Rect }>;
  constructor(private readonly raised: Raised[]) {}

  /** A note (severity info) is no failing check. */
  private static failing(x: Raised): boolean {
    const meta = x.rule?.meta;
    return !meta || (meta.messages[x.problem.messageId]?.severity ?? meta.severity) !== 'info';
  }

  private index(): void {
    this.singles = new Map();
    this.ranges = [];
    for (const x of this.raised) {
      if (!Pointing.failing(x)) continue;
      for (const ref of [...x.problem.cells, ...(x.problem.equation?.terms.map((t) => t.cell) ?? [])]) {
        const a = splitRef(ref);
        const rect = a ? parseRange(a.address) : null;
        if (!a || !rect) continue;
        if (rect.top === rect.bottom && rect.left === rect.right) {
          const key = `${a.sheet}\u0000${rect.top},${rect.left}`;
          const set = this.singles.get(key);
          if (set) set.add(x);
          else this.singles.set(key, new Set([x]));
        } else this.ranges.push({ x, sheet: a.sheet, rect });
      }
    }
  }

  /** For each failing finding other than `x` that names cells of `eq`, the cells of `eq` it names. */
  touching(x: Raised, eq: Equation): Array<Set<string>> {
    if (!this.singles) this.index();
    const cells = eq.terms.map((t) => ({ cell: t.cell, at: cellKey(t.cell) }));
    const out = new Map<Raised, Set<string>>();
    const add = (y: Raised, cell: string): void => {
      if (y === x) return;
      const set = out.get(y);
      if (set) set.add(cell);
      else out.set(y, new Set([cell]));
    };
    for (const { cell, at } of cells) for (const y of (at && this.singles!.get(at.key)) || []) add(y, cell);
    // the sum's cells lie within one box a sheet (one column or one row): only ranges that meet it are looked into
    const box = new Map<string, Rect>();
    for (const { at } of cells) {
      if (!at) continue;
      const b = box.get(at.sheet);
      if (!b) box.set(at.sheet, { top: at.row, bottom: at.row, left: at.col, right: at.col });
      else Object.assign(b, { top: Math.min(b.top, at.row), bottom: Math.max(b.bottom, at.row), left: Math.min(b.left, at.col), right: Math.max(b.right, at.col) });
    }
    for (const { x: y, sheet, rect } of this.ranges!) {
      const b = box.get(sheet);
      if (y === x || !b || rect.bottom < b.top || rect.top > b.bottom || rect.right < b.left || rect.left > b.right) continue;
      for (const { cell, at } of cells) {
        if (at && at.sheet === sheet && at.row >= rect.top && at.row <= rect.bottom && at.col >= rect.left && at.col <= rect.right) add(y, cell);
      }
    }
    return [...out.values()];
  }
}

/** The decimals a figure is compared and its fix written at: its own (as shown), at least 2 (分). */
const placesOf = (t: Term): number => Math.max(t.decimals, 2);

/** A blank cell, or one that holds no number: its figure is unknown (and a zero line is often printed blank). */
const isBlank = (t: Term): boolean => t.shown !== undefined;

/** The digits of a figure written at its decimals, without sign, point or leading zeros ("-0.05" → "5"). */
const digitsOf = (text: string): string => text.replace(/[-.]/g, '').replace(/^0+/, '');

/** `b` is `a` with one pair of adjacent different digits swapped (30162 ↔ 31062). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** `short` is `long` with one digit left out (120550 → 12055). */
function oneLess(short: string, long: string): boolean {
  if (short.length + 1 !== long.length) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/**
 * `typed` is `right` with one digit left out: the figure shrinks (1205.50 typed 125.50, or read at its decimals,
 * 120.55), or, for a digit of the decimals but the last, it is still written with as many (5.93 typed 5.3, shown
 * 5.30: the last 0 only pads). `places` is how many of the digits are decimals.
 */
function dropped(typed: string, right: string, places: number): boolean {
  if (oneLess(typed, right)) return true;
  if (typed.length !== right.length || !typed.endsWith('0')) return false;
  // the last digit typed as 0 is one digit typed for another (`substituted`), not a digit left out
  for (let p = Math.max(0, right.length - places); p < right.length - 1; p++) {
    if (`${right.slice(0, p)}${right.slice(p + 1)}0` === typed) return true;
  }
  return false;
}

/** One digit left out of the figure, or one added to it (1205.50 typed 12055.0 or 11205.50). */
const digitSlip = (typed: string, right: string, places: number): boolean => dropped(typed, right, places) || dropped(right, typed, places);

/**
 * The typing slip that turns `right` (the value that makes the sum hold) into the figure the cell shows, or
 * undefined. Both are compared as written at the cell's decimals; a zero is never a slip (a line left at 0 is
 * what an empty line looks like), nor is a figure that would have to become 0.
 */
function slipOf(t: Term, right: Dec, neighbours: readonly Term[]): TypoShape | undefined {
  const places = placesOf(t);
  const shown = fmtFixed(t.value, places);
  const meant = fmtFixed(right, places);
  if (t.value.isZero() || right.isZero() || shown === meant) return undefined;
  if (shown === fmtFixed(right.neg(), places)) return 'sign';
  if (t.value.isNeg() === right.isNeg()) {
    const a = digitsOf(shown);
    const b = digitsOf(meant);
    if (swapped(a, b)) return 'swap';
    if (digitSlip(a, b, places)) return 'digit';
  }
  if (neighbours.some((n) => !isBlank(n) && fmtFixed(n.value, places) === shown)) return 'neighbour';
  return undefined;
}

/**
 * One digit typed for another (1117.88 typed 1127.88), the commonest slip of all. It is never named: any
 * residual of one digit times a power of ten (a total off by 10.00) is such a slip in most cells of the sum, so
 * it only stands against the other shapes — where it explains the residual as well, nothing is named.
 */
function substituted(t: Term, right: Dec): boolean {
  const places = placesOf(t);
  if (t.value.isNeg() !== right.isNeg()) return false;
  const a = fmtFixed(t.value, places).replace(/[-.]/g, '');
  const b = fmtFixed(right, places).replace(/[-.]/g, '');
  const n = Math.max(a.length, b.length);
  const x = a.padStart(n, '0');
  const y = b.padStart(n, '0');
  let differ = 0;
  for (let i = 0; i < n && differ < 2; i++) if (x[i] !== y[i]) differ++;
  return differ === 1;
}

/**
 * For a column sum, each term's adjacent lines: the terms just above and below it in the column (the stated
 * total among them), by the rows of their cells. A row identity's terms are figures of one line: none.
 */
function adjacentLines(eq: Equation): Array<readonly Term[]> {
  if (eq.kind !== 'col') return eq.terms.map(() => []);
  const rowOf = (t: Term): number => {
    const a = splitRef(t.cell);
    return (a && parseCell(a.address)?.row) ?? Number.NaN;
  };
  const order = eq.terms.map((t, i) => ({ i, row: rowOf(t) })).filter((x) => !Number.isNaN(x.row)).sort((a, b) => a.row - b.row);
  const out: Term[][] = eq.terms.map(() => []);
  order.forEach(({ i }, k) => {
    for (const j of [k - 1, k + 1]) if (order[j]) out[i]!.push(eq.terms[order[j]!.i]!);
  });
  return out;
}

/** The value that makes the equation hold with every other figure as it is, at the term's decimals. */
const mending = (t: Term, residual: Dec, places: number): Dec => t.value.minus(residual.div(t.coef!)).toDecimalPlaces(places);

/**
 * Does another check say the cell is right as it stands, or wrong by another amount? A failing check that names
 * other cells of the sum and not this one (`others`: see `Pointing`), a sum through it that holds (it vouches for
 * the cell), or another failing equation through it that a different value would mend.
 */
function contradicted(cell: string, eq: Equation, right: Dec, places: number, ctx: TypoContext, others: Array<Set<string>>): boolean {
  // one wrong figure would be named by every failing check of its cells: a check that names another cell of this
  // sum and not this one is a second fault, or this cell is not the wrong one
  if (others.some((named) => !named.has(cell))) return true;
  for (const e of ctx.through.get(cell) ?? []) {
    if (e === eq || !e.residual) continue;
    const t = e.terms.find((y) => y.cell === cell);
    if (!t?.coef || t.coef.isZero()) continue;
    if (!mending(t, e.residual, places).eq(right)) return true;
  }
  const at = locate(cell, ctx.tables);
  return !!at && ctx.vouching.vouchedFor(at.table, at.row, at.col);
}

/**
 * How a cell of a failing sum would explain it: as a slip of the value that makes the sum hold (`shape`, which
 * may name it), or as an explanation that is never named but stands against the others — a blank cell whose
 * figure was left out (its value must be positive), a figure with one digit typed for another.
 */
function explanation(t: Term, residual: Dec, neighbours: readonly Term[], negatives: boolean): { right: Dec; shape?: TypoShape } | undefined {
  const right = mending(t, residual, placesOf(t));
  if (isBlank(t)) return right.gt(0) ? { right } : undefined;
  // a figure that would have to be negative where no other figure of the sum is (0.57 "meant" −0.57) is no slip
  if (right.isNeg() && !negatives) return undefined;
  const shape = slipOf(t, right, neighbours);
  if (shape) return { right, shape };
  return substituted(t, right) ? { right } : undefined;
}

/**
 * Could a line the sum does not count hold the missing figure? A column total that falls short of its stated
 * figure (residual > 0) may be missing a line printed blank, and a line with no figure at all is not among the
 * sum's terms (it reads as a label): any row of the table left empty in that column stands against a slip
 * elsewhere. Read from the table the sum was checked in, once per sum, only when some cell explains it.
 */
function blankLineCould(eq: Equation, residual: Dec, tables: Table[]): boolean {
  if (eq.kind !== 'col' || !residual.gt(0)) return false;
  const at = locate(eq.terms[0]!.cell, tables);
  if (!at) return false;
  const { table, col } = at;
  const rows = new Set(eq.terms.map((t) => cellKey(t.cell)?.row));
  const empty = (r: number): boolean => (table.grid.raw(r, col) ?? '') === '';
  // only a line among the sum's own lines could be one it missed (a blank line of another list of the table is not)
  const within = [...rows].filter((r): r is number => r !== undefined);
  const [top, bottom] = [Math.min(...within), Math.max(...within)];
  if (table.rows.some((r) => r.row > top && r.row < bottom && !rows.has(r.row) && !r.rate && empty(r.row))) return true;
  // the list's last line, left blank, reads as no line of the table: a labelled row just below it — where the sum's
  // lines reach the table's last row and its whole stands above them
  const whole = cellKey(eq.terms[0]!.cell)?.row;
  if (bottom < table.rect.bottom || whole === undefined || whole === bottom) return false;
  const below = table.rect.bottom + 1;
  const label = table.grid.raw(below, table.labelCol);
  // a line left blank holds its label alone (a form's next block, 年度总体目标 | 预期目标 | …, is no such line)
  let filled = 0;
  for (let c = table.rect.left; c <= table.rect.right; c++) if ((table.grid.raw(below, c) ?? '') !== '') filled++;
  return typeof label === 'string' && !!label.trim() && !NOT_A_LINE.test(label.trim()) && empty(below) && filled === 1;
}

/** A row under a table that is no line of it: a note, a signature. */
const NOT_A_LINE = /^(注|说明|备注|填表|填报|制表|审核|复核|单位负责人|财务负责人|负责人|联系)/;

/**
 * The last way to a culprit, for a failing column total or row identity that nothing else names one in: try every
 * cell of the sum, the stated whole included, for the value that would make it hold, and name the cell whose
 * figure is a typing slip of that value (`slipOf`) — only when no other cell of the sum explains the residual as
 * well (`explanation`: the whole's own slip, a second term's, a blank left out, one digit typed for another) and
 * no other check contradicts it (`contradicted`). A blank cell is never named this way. The named cell gets the
 * value that makes the sum hold as its fix. Cost: a few string comparisons per term; other checks are consulted
 * only for the cells that explain the residual.
 */
function nameTypo(x: Raised, eq: Equation, ctx: TypoContext): void {
  const residual = eq.residual;
  if ((eq.kind !== 'col' && eq.kind !== 'row') || !residual || residual.isZero() || eq.terms.length > MAX_NAMED_TERMS) return;
  const seen = new Map<string, number>();
  for (const t of eq.terms) seen.set(t.cell, (seen.get(t.cell) ?? 0) + 1);
  const adjacent = adjacentLines(eq);
  const negatives = eq.terms.filter((t) => t.value.isNeg()).length;
  let found: { term: Term; right: Dec; shape?: TypoShape } | undefined;
  let others: Array<Set<string>> | undefined;
  for (let i = 0; i < eq.terms.length; i++) {
    const t = eq.terms[i]!;
    // a sum that counts a cell twice, or a term it does not weigh, is not one this reasoning reads
    if (!t.coef || t.coef.isZero() || seen.get(t.cell)! > 1) return;
    const e = explanation(t, residual, adjacent[i]!, negatives - (t.value.isNeg() ? 1 : 0) > 0);
    if (!e) continue;
    if (!others) {
      if (blankLineCould(eq, residual, ctx.tables)) return;
      others = ctx.pointing.touching(x, eq);
    }
    if (contradicted(t.cell, eq, e.right, placesOf(t), ctx, others)) continue;
    // two cells explain the residual equally well: the engine does not guess
    if (found) return;
    found = { term: t, ...e };
  }
  if (found?.shape) nameSlip(x, found.term, found.right, found.shape);
}

/** Name `t` the culprit of `x` as a typing slip of `right`, which becomes the fix. */
function nameSlip(x: Raised, t: Term, right: Dec, shape: TypoShape): void {
  const fix = fmtFixed(right, placesOf(t));
  x.culprit = t.cell;
  x.culpritVia = 'typo';
  x.problem.cells = [t.cell, ...x.problem.cells.filter((c) => c !== t.cell)];
  x.problem.fix = fix;
  x.problem.expected = fix;
  x.problem.actual = fmtFixed(t.value, t.decimals);
  x.problem.data.culpritShape = shape;
  x.problem.data.culpritFix = fix;
}
