/**
 * Workbooks with one sheet per unit (局机关, 妇幼保健院, 疾病预防控制中心 …) of one layout and a 汇总 sheet whose every
 * figure is that figure summed over the unit sheets. Read after every sheet: tables of one layout on different
 * sheets are grouped; the tables on unit sheets learn their unit (`Table.entity`), so that no rule takes two units'
 * figures for the same figure; and where one table of a group stands on a 汇总 sheet, the consolidation 汇总 =
 * Σ units is proposed — by position, or by row label and column name where a unit lacks a line — and confirmed
 * by the figures as confirm.ts confirms a sum: where it holds almost nowhere it is no consolidation, and a note
 * says so (structure/unconfirmed). Sheets of one layout with no 汇总 among them are units or years side by side:
 * a sheet named by a year gives its tables that year, any other sheet its name as their entity.
 */
import { sheetRef } from '../a1';
import { sumStatus, ToleranceOptions } from '../arith';
import { Dec } from '../decimal';
import { Grid } from '../grid';
import { AmountUnit, isZeroNum, Num } from '../numbers';
import { displayLabel, normLabel } from '../text';
import { Consolidation, ConsolidationLine, Note, Row, Table } from './model';

/** A sheet that is the department's 汇总: named so (部门汇总, 合计, 总表 …), else, of the weaker names, one that is no
 *  unit (部门本级 is the department's own office, a unit); else a title that says so ("…汇总表"). */
const SUMMARY_SHEET = /汇总|合计|总计|总表/;
const SUMMARY_SHEET_WEAK = /^(?!.*本级).*(全局|整体|部门)/;
const SUMMARY_TITLE = /汇总|合计表|总计表/;
/** A line naming the unit a sheet is about: "单位名称：岳阳市云溪区妇幼保健院", "编制单位：…". */
const UNIT_LINE = /(?:单位名称|编制单位|填报单位|单位全称|部门名称|部门\(单位\)名称|部门（单位）名称)\s*[:：]\s*(.*)$/;
/** A sheet name that is a year: "2020年", "2021年度", "2021". */
const YEAR_NAME = /^((?:19|20)\d{2})(?:年度?)?$/;
/** How many rows above a header its title lines may stand. */
const TITLE_ROWS = 4;

/**
 * Groups the tables of one layout on different sheets, gives the unit sheets' tables their entity, and returns
 * the consolidations the figures confirm (a 汇总 the figures contradict becomes an `unconfirmed` note).
 */
export function findConsolidations(tables: Table[], notes: Note[], tol: ToleranceOptions): Consolidation[] {
  const out: Consolidation[] = [];
  const misread = new Map<string, Note>();
  for (const group of groupTables(tables)) {
    const total = summaryOf(group);
    const units = group.filter((t) => t !== total);
    markUnits(tables, units, !total);
    if (!total || units.length < 2) continue;
    const lines = matchLines(total, units);
    const { held, failed } = tally(total, lines, tol);
    // holds almost nowhere (fails on three figures or more, holds on at most a quarter): not a consolidation
    if (failed < 3 || held * 4 > held + failed) {
      out.push({ total, units, lines });
      continue;
    }
    // one note a 汇总 sheet, however many of its tables the figures contradict
    const note = misread.get(total.sheet);
    if (note) {
      note.held = (note.held ?? 0) + held;
      note.failed = (note.failed ?? 0) + failed;
      note.cells = [...(note.cells ?? []), sheetRef(total.sheet, total.rect)];
      continue;
    }
    const fresh: Note = { kind: 'unconfirmed', sheet: total.sheet, tableId: total.id, text: relationText(total, units), cells: [sheetRef(total.sheet, total.rect)], held, failed };
    misread.set(total.sheet, fresh);
    notes.push(fresh);
  }
  return out;
}

/** Tables of one layout, at most one a sheet, in reading order; only groups that span two sheets or more. */
function groupTables(tables: Table[]): Table[][] {
  const groups = new Map<string, Array<{ keys: string[]; tables: Table[] }>>();
  for (const t of tables) {
    const names = numberColumns(t).map((c) => normLabel(c.name));
    if (!names.length) continue;
    // tables of one layout share their kind, orientation and figure columns by name: only those are compared
    const sig = [t.kind, t.unitRows, !!t.unitCols, ...names].join('|');
    const keys = lineRows(t).map((r) => r.key);
    const list = groups.get(sig) ?? [];
    groups.set(sig, list);
    const g = list.find((x) => rowsShared(x.keys, keys) && !x.tables.some((y) => y.sheet === t.sheet));
    if (g) g.tables.push(t);
    else list.push({ keys, tables: [t] });
  }
  return [...groups.values()].flat().map((g) => g.tables).filter((g) => g.length >= 2);
}

/** Most row labels shared: two thirds of the shorter list's, half of the longer's. */
function rowsShared(a: string[], b: string[]): boolean {
  const shared = sharedCount(a, b);
  return shared >= 1 && shared * 3 >= Math.min(a.length, b.length) * 2 && shared * 2 >= Math.max(a.length, b.length);
}

/** How many labels two lists share, counting a label as often as both have it. */
function sharedCount(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const k of a) left.set(k, (left.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of b) {
    const m = left.get(k) ?? 0;
    if (m > 0) {
      n++;
      left.set(k, m - 1);
    }
  }
  return n;
}

/** The figure columns that add up across sheets (rates, shares and 增减率 do not). */
function numberColumns(t: Table): Table['columns'] {
  const rates = new Set(t.changePairs.map((p) => p.rate));
  return t.columns.filter((c) => c.role === 'number' && c.measure !== 'rate' && !c.percentPoints && !rates.has(c.col));
}

/** The rows that carry figures: not group labels, not rate rows. */
function lineRows(t: Table): Row[] {
  return t.rows.filter((r) => r.role !== 'label' && !r.rate && r.key);
}

/** The one table of a group that stands on a 汇总 sheet (by its sheet's name, else by its title), if one does. */
function summaryOf(group: Table[]): Table | undefined {
  const tests = [
    (t: Table) => SUMMARY_SHEET.test(normLabel(t.sheet)),
    (t: Table) => SUMMARY_SHEET_WEAK.test(normLabel(t.sheet)),
    (t: Table) => titleLines(t).some((s) => SUMMARY_TITLE.test(normLabel(s))),
  ];
  for (const test of tests) {
    const found = group.filter(test);
    if (found.length) return found.length === 1 ? found[0] : undefined;
  }
  return undefined;
}

/** The text cells in the few rows above a table's header (its title, "单位：万元", "单位名称：…"), nearest first, up
 *  to a row with figures (the table above). */
function titleLines(t: Table): string[] {
  const g = t.grid;
  const top = t.headerRows[0] ?? t.rect.top;
  const out: string[] = [];
  for (let r = top - 1; r >= Math.max(g.top, top - TITLE_ROWS); r--) {
    const texts: string[] = [];
    for (let c = g.left, end = g.rowRight(r); c <= end; c++) {
      const i = g.info(r, c);
      if (i.k === 'num') return out;
      if (i.k === 'text') texts.push(displayLabel(i.s));
    }
    out.push(...texts);
  }
  return out;
}

/** The title proper: the first title line that is no "单位：" and no "单位名称：" line. */
function titleOf(t: Table): string | undefined {
  return titleLines(t).find((s) => !/^(金额)?单位[:：]/.test(normLabel(s)) && !UNIT_LINE.test(s));
}

/** The "单位名称：…" lines of a sheet, top to bottom: the row and the unit named (the value may be in the next cell). */
function unitLines(g: Grid): Array<{ row: number; name: string }> {
  const out: Array<{ row: number; name: string }> = [];
  for (let r = g.top; r <= g.bottom; r++) {
    for (let c = g.left, end = g.rowRight(r); c <= end; c++) {
      const raw = g.raw(r, c);
      const m = typeof raw === 'string' && raw.length <= 200 && /单位|部门/.test(raw) ? UNIT_LINE.exec(raw.normalize('NFKC')) : null;
      if (!m) continue;
      let value = m[1]!.trim();
      for (let x = c + 1; !value && x <= end; x++) if (!g.covered(r, x) && g.info(r, x).k === 'text') value = g.shownText(r, x);
      const name = value.split(/[\s\u3000]+|(?:金额)?单位[:：]/)[0]!.replace(/[（(]?(盖章|公章)[)）]?$/, '');
      if (name) out.push({ row: r, name });
    }
  }
  return out;
}

/**
 * The unit sheets' tables learn whose figures they are, and so does every other table on those sheets: the
 * nearest "单位名称：…" line above a table, else the part of its title that differs from the other units' titles,
 * else its sheet's name. Of sheets side by side with no 汇总 (`parallel`), one named by a year gives its tables
 * that year instead.
 */
function markUnits(all: Table[], units: Table[], parallel: boolean): void {
  const cores = titleCores(units);
  const lines = new Map<Grid, Array<{ row: number; name: string }>>();
  for (const u of units) {
    const year = YEAR_NAME.exec(normLabel(u.sheet));
    for (const t of all) {
      if (t.sheet !== u.sheet || t.entity !== undefined) continue;
      if (parallel && year) {
        t.year ??= Number(year[1]);
        continue;
      }
      if (!lines.has(t.grid)) lines.set(t.grid, unitLines(t.grid));
      const top = t.headerRows[0] ?? t.rect.top;
      const above = lines.get(t.grid)!.filter((x) => x.row < top).at(-1);
      t.entity = above?.name ?? cores.get(u) ?? u.sheet;
    }
  }
}

/** Where the units' titles name their units: each title without what all of them share ("…2021年收支情况表"). */
function titleCores(units: Table[]): Map<Table, string> {
  const out = new Map<Table, string>();
  const titles = units.map((u) => normLabel(titleOf(u) ?? ''));
  if (titles.some((s) => !s) || new Set(titles).size !== titles.length) return out;
  let pre = 0;
  while (titles.every((s) => pre < s.length && s[pre] === titles[0]![pre])) pre++;
  let suf = 0;
  while (titles.every((s) => suf < s.length - pre && s[s.length - 1 - suf] === titles[0]![titles[0]!.length - 1 - suf])) suf++;
  units.forEach((u, i) => {
    const core = titles[i]!.slice(pre, titles[i]!.length - suf);
    if (core) out.set(u, core);
  });
  return out;
}

/** Each figure of the 汇总 table with the matching cell of every unit that has the line. */
function matchLines(total: Table, units: Table[]): ConsolidationLine[] {
  const cols = numberColumns(total);
  // columns by position: the group's tables have the same figure columns by name, in the same order
  const unitCols = units.map((u) => numberColumns(u));
  const rowMaps = units.map((u) => matchRows(total, u));
  const lines: ConsolidationLine[] = [];
  for (const r of lineRows(total)) {
    for (const [k, c] of cols.entries()) {
      const terms: ConsolidationLine['terms'] = [];
      units.forEach((u, i) => {
        const ur = rowMaps[i]!.get(r.row);
        const uc = unitCols[i]![k];
        if (ur !== undefined && uc) terms.push({ table: u, row: ur, col: uc.col });
      });
      if (terms.length) lines.push({ row: r.row, col: c.col, terms });
    }
  }
  return lines;
}

/** 汇总 rows to a unit's rows: by label (the n-th "财政拨款" to the n-th), else by position where both tables have
 *  as many lines. */
function matchRows(total: Table, unit: Table): Map<number, number> {
  const tr = lineRows(total);
  const ur = lineRows(unit);
  const byKey = new Map<string, Row[]>();
  for (const r of ur) {
    const list = byKey.get(r.key);
    if (list) list.push(r);
    else byKey.set(r.key, [r]);
  }
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const r of tr) {
    const next = byKey.get(r.key)?.shift();
    if (!next) continue;
    out.set(r.row, next.row);
    used.add(next.row);
  }
  if (tr.length === ur.length) {
    tr.forEach((r, i) => {
      const u = ur[i]!;
      if (!out.has(r.row) && !used.has(u.row)) out.set(r.row, u.row);
    });
  }
  return out;
}

/** A figure in another unit: 元 into 万元 or back (a 元 figure carries four more decimals in 万元). */
function inUnit(n: Num, from: AmountUnit | undefined, to: AmountUnit | undefined): Num {
  if (from === to || !from || !to) return n;
  return from === '元'
    ? { ...n, value: n.value.div(10000), decimals: n.decimals + 4 }
    : { ...n, value: n.value.times(10000), decimals: Math.max(0, n.decimals - 4) };
}

/** What one figure of a unit weighs in the 汇总's unit (1, or 1/10000 for 元 into 万元). */
export function unitFactor(from: AmountUnit | undefined, to: AmountUnit | undefined): Dec {
  if (from === to || !from || !to) return new Dec(1);
  return from === '元' ? new Dec(1).div(10000) : new Dec(10000);
}

/** The 汇总 figure of a line and its unit figures in the 汇总's unit; null when a cell holds an error value. */
export function lineFigures(total: Table, line: ConsolidationLine): { stated: Num | null; terms: (Num | null)[] } | null {
  const cells = [{ table: total, row: line.row, col: line.col }, ...line.terms];
  if (cells.some((x) => x.table.grid.info(x.row, x.col).k === 'error')) return null;
  const stated = total.grid.num(line.row, line.col);
  const terms = line.terms.map((x) => {
    const n = x.table.grid.num(x.row, x.col);
    return n && inUnit(n, x.table.unit, total.unit);
  });
  return { stated, terms };
}

/**
 * On how many lines 汇总 = Σ units holds and fails (lines with no figure at all do not count). Counting stops, as
 * confirm.ts's does, once it has held on twenty lines and on more than a quarter: that is no misreading, whatever
 * the remaining lines say (the rule checks each of them).
 */
function tally(total: Table, lines: ConsolidationLine[], tol: ToleranceOptions): { held: number; failed: number } {
  let held = 0;
  let failed = 0;
  for (const line of lines) {
    if (held >= 20 && held * 4 > held + failed) break;
    const f = lineFigures(total, line);
    if (!f || [f.stated, ...f.terms].every((n) => !n || isZeroNum(n))) continue;
    if (sumStatus(f.stated, f.terms, tol) === 'mismatch') failed++;
    else held++;
  }
  return { held, failed };
}

/** "汇总 = 局机关 + 妇幼保健院 + …", for the note. */
function relationText(total: Table, units: Table[]): string {
  const names = units.map((u) => u.sheet);
  const list = names.length > 4 ? [...names.slice(0, 3), '…', names[names.length - 1]!] : names;
  return `${total.sheet} = ${list.join(' + ')}`;
}
