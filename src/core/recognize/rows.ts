/**
 * The structure of a table's rows, proposed by the labels and decided by the figures:
 *
 * - the 汇总/合计 row (first or last) and 小计 rows, heading their group or closing it;
 * - group label rows that hold no figures ("（一）本级", "二、事业单位"): they bound groups, they are not zeros;
 * - outline-numbered groups ("一、行政单位" over "1、局机关");
 * - breakdowns of a line (收入合计 over its parts): a "其中：" list, a "按收入性质分：" list (a second breakdown of the
 *   same whole), lines indented under it, or lines the vocabulary knows as its parts. These are `rowRelations`,
 *   their rows are `part`s and are not summed again into the total.
 *
 * Where the labels allow several readings, the engine keeps the one the figures agree with best: a sloppily
 * numbered list must not turn units into subtotals, and a "其中" list ends where its parts stop adding up.
 */
import { sumStatus, ToleranceOptions } from '../arith';
import { isZeroNum } from '../numbers';
import { Grid } from '../grid';
import { conceptOf, Identity, IDENTITIES, isOtherLabel, isSubtotalRowLabel, isTotalRowLabel } from '../vocabulary';
import { Relation, Row } from './model';

const HEAD_STYLES = new Set(['cn', '(cn)']);

export interface RowStructure {
  total?: Row;
  /** Rows summed by the total (top level), in order. */
  top: Row[];
  /** Breakdowns down the rows: a whole row and its part rows. */
  rowRelations: Relation[];
}


/** How a proposed sum fares over the columns: lines where it holds, where it fails, and where it says nothing
 *  (every figure empty or zero). */
export interface Tally {
  held: number;
  failed: number;
}

export function tallySum(grid: Grid, whole: number, parts: number[], cols: number[], tol: ToleranceOptions, stopWhenHeld?: (t: Tally, left: number) => boolean): Tally {
  const t: Tally = { held: 0, failed: 0 };
  for (let k = 0; k < cols.length; k++) {
    if (stopWhenHeld?.(t, cols.length - k)) break;
    const c = cols[k]!;
    const stated = grid.num(whole, c);
    const terms = parts.map((p) => grid.num(p, c));
    // a column where no part has a figure is not broken down (分值, 得分 on the whole's line only)
    if (terms.every((x) => !x)) continue;
    if ((!stated || isZeroNum(stated)) && terms.every((x) => !x || isZeroNum(x))) continue;
    if (sumStatus(stated, terms, tol) === 'mismatch') t.failed++;
    else t.held++;
  }
  return t;
}

/** Share of sum equations (parent = Σ children) that hold within rounding, over the given columns. */
function agreement(grid: Grid, parents: Row[], cols: number[], tol: ToleranceOptions): number {
  let held = 0;
  let all = 0;
  for (const p of parents) {
    if (!p.children.length) continue;
    const t = tallySum(grid, p.row, p.children.map((ch) => ch.row), cols, tol);
    held += t.held;
    all += t.held + t.failed;
  }
  return all ? held / all : 1;
}

/**
 * A group label: a row with no figure in the summable columns that reads as the name of a group ("（一）本级",
 * "二、事业单位", "下属单位"). A unit that simply has nothing filled in is not one: it stays among its group.
 */
function isLabelRow(grid: Grid, r: Row, cols: number[]): boolean {
  for (const c of cols) {
    const k = grid.info(r.row, c).k;
    if (k === 'num' || k === 'dash' || k === 'error') return false;
  }
  // a line of an amount (事业收入, 住房保障支出, 公务接待费 …) left blank is a line of zeros, never a group's name
  if (/(收入|支出|费|经费|拨款|结余|结转|资金)$/.test(r.key)) return false;
  return HEAD_STYLES.has(r.numbering ?? '') || /本级|下属|所属|直属|二级|行政|事业|单位$|机构$|部门$|类$|系统$|其中[:：]?$/.test(r.key) || r.key === '';
}

function identityOf(r: Row): Identity | undefined {
  const id = conceptOf(r.key)?.id;
  return id ? IDENTITIES.find((i) => i.whole === id) : undefined;
}

/** Is row r a part of the breakdown `ident` by its label: a known part, or an "其他…" line where allowed? */
function knownPart(ident: Identity | undefined, r: Row): boolean | undefined {
  if (!ident) return undefined;
  const c = conceptOf(r.key)?.id;
  if (c && ident.parts.includes(c)) return true;
  if (isOtherLabel(r.key) && ident.catchAll) return true;
  if (/^其他/.test(r.key)) return true;
  return c ? false : undefined;
}

interface OpenList {
  whole: Row;
  ident?: Identity;
  /** parts the labels are sure of, then parts only the position suggests (the figures decide on those) */
  parts: Array<{ row: Row; sure: boolean }>;
  indent?: number;
  /** where the parts' text stands (indented lists) */
  partAt?: number;
}

/** Where a label's text stands, in the units of `Row.indent`: after its indentation and, on a "其中：" line, after
 *  the marker (full-width characters count two, as full-width spaces do). */
function textPosition(r: Row): number {
  const marker = r.ofWhich ? /^其中[:：-]?/.exec(r.label.trim())?.[0] ?? '' : '';
  let w = 0;
  for (const ch of marker) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return (r.indent ?? 0) + w;
}

/**
 * Breakdown lists down the rows. Each list is a whole and the part rows that follow it; the labels propose
 * (markers, indentation, vocabulary), then the figures decide how far a list reaches and whether it is complete.
 */
function findBreakdowns(grid: Grid, body: Row[], cols: number[], tol: ToleranceOptions): Relation[] {
  const indented = body.some((r) => (r.indent ?? 0) > 0);
  const lists: OpenList[] = [];
  const stack: OpenList[] = [];
  let prev: Row | undefined;
  let lastClosed: OpenList | undefined;
  const close = (): void => {
    lastClosed = stack.pop();
  };
  for (const r of body) {
    if (r.role === 'label' || r.role === 'subtotal') {
      stack.length = 0;
      prev = undefined;
      lastClosed = undefined;
      continue;
    }
    if (indented) {
      // positions of the labels' text: a "其中：" line's item stands after its marker, and the items after it are
      // often aligned under that item ("其中：基本支出" / "　　　项目支出"): siblings in the list, not its parts
      const pos = textPosition(r);
      while (stack.length && pos <= stack[stack.length - 1]!.indent!) close();
      const top = stack[stack.length - 1];
      const open = (whole: Row): void => {
        const l: OpenList = { whole, ident: identityOf(whole), parts: [{ row: r, sure: true }], indent: textPosition(whole), partAt: pos };
        lists.push(l);
        stack.push(l);
      };
      if (r.byList && top && top.parts.length) {
        // 按…分：a second breakdown of the same whole
        const l: OpenList = { ...top, parts: [{ row: r, sure: true }], partAt: pos };
        lists.push(l);
        stack[stack.length - 1] = l;
      } else if (r.ofWhich && prev) open(prev);
      else if (top && pos > top.partAt! + 1) open(top.parts[top.parts.length - 1]!.row);
      else if (top) top.parts.push({ row: r, sure: true });
      else if (prev && pos > textPosition(prev)) open(prev);
      prev = r;
      continue;
    }
    // no indentation: markers and vocabulary
    const prevIdent = prev ? identityOf(prev) : undefined;
    if (prev && !r.ofWhich && !r.byList && knownPart(prevIdent, r) === true && !stack.some((l) => l.whole === prev)) {
      // a line the vocabulary knows as a part of the line above opens its breakdown (nested under a part too)
      const l: OpenList = { whole: prev, ident: prevIdent, parts: [{ row: r, sure: true }] };
      lists.push(l);
      stack.push(l);
      prev = r;
      continue;
    }
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (r.ofWhich || r.byList) {
        close();
        continue;
      }
      const known = knownPart(top.ident, r);
      if (known === false || identityOf(r) && !known) {
        close();
        continue;
      }
      break;
    }
    const top = stack[stack.length - 1];
    if (r.byList && (top ?? lastClosed)) {
      const of = (top ?? lastClosed)!;
      const l: OpenList = { whole: of.whole, ident: of.ident, parts: [{ row: r, sure: true }] };
      lists.push(l);
      stack.push(l);
    } else if (r.ofWhich && prev) {
      const l: OpenList = { whole: prev, ident: identityOf(prev), parts: [{ row: r, sure: true }] };
      lists.push(l);
      stack.push(l);
    } else if (top) {
      top.parts.push({ row: r, sure: knownPart(top.ident, r) === true });
    }
    prev = r;
  }

  const out: Relation[] = [];
  const taken = new Set<Row>();
  for (const l of lists) {
    // the figures decide how far the list reaches: the longest prefix that holds best (rows the labels are
    // sure of always stay)
    let keep = l.parts.length;
    const lastSure = l.parts.reduce((k, p, i) => (p.sure ? i + 1 : k), 0);
    let best: Tally | undefined;
    for (let k = l.parts.length; k >= Math.max(1, lastSure); k--) {
      const t = tallySum(grid, l.whole.row, l.parts.slice(0, k).map((p) => p.row.row), cols, tol);
      if (!best || t.held - t.failed > best.held - best.failed) {
        best = t;
        keep = k;
      }
    }
    const parts = l.parts.slice(0, keep).map((p) => p.row);
    const present = new Set(parts.map((p) => conceptOf(p.key)?.id).filter((x) => !!x));
    const byVocabulary = !!l.ident && l.ident.complete.some((set) => set.every((c) => present.has(c)));
    const hasOther = parts.some((p) => /^其他/.test(p.key));
    const t = best ?? { held: 0, failed: 0 };
    // the figures may complete a list only where the vocabulary knows no breakdown of the whole: a "其中" list
    // under 收入合计 that names two of its parts is partial even where the others happen to be zero
    const byFigures = !l.ident && parts.length >= 2 && t.held >= 2 && t.failed <= Math.max(1, Math.floor(t.held / 4));
    const complete = byVocabulary || (hasOther && parts.length >= 2 && t.held >= t.failed) || byFigures;
    // a list that is not complete is checked only for its parts not exceeding the whole: keep only the parts the
    // labels are sure of, so a line past the end of the list is never taken for a part
    const kept = complete ? parts : l.parts.slice(0, keep).filter((p, i) => p.sure || i === 0).map((p) => p.row);
    if (!kept.length) continue;
    for (const p of kept) {
      p.role = 'part';
      p.parent = p.parent ?? l.whole;
      taken.add(p);
    }
    out.push({ whole: l.whole.row, parts: kept.map((p) => [p.row]), complete, source: byVocabulary ? 'vocabulary' : 'labels' });
  }
  return out;
}

/** A 合计 that closes the lines above it in a 总表 side (本年收入合计, 本年支出合计), with a 总计 after it. */
const CLOSING = /^(本年|本期)?(收入|支出)?合计$/;
const GRAND = /总计$/;

/**
 * A 总表 side: its lines, then 本年收入合计 closing them, then the lines that make the 总计 with it (上年结转结余,
 * 使用非财政拨款结余, 年初结转和结余; 结余分配, 年末结转和结余), then 收入总计: the 总计 is the 合计 and those lines, the
 * 合计 the lines above it (read as any table whose 合计 is last).
 */
function closingStructure(grid: Grid, rows: Row[], sumCols: number[], tol: ToleranceOptions): RowStructure | undefined {
  const grand = rows[rows.length - 1]!;
  const at = rows.findIndex((r) => CLOSING.test(r.key));
  if (at < 1 || !GRAND.test(grand.key) || at === rows.length - 1) return undefined;
  const closing = rows[at]!;
  const inner = structureRows(grid, rows.slice(0, at + 1), sumCols, tol, closing);
  const between = rows.slice(at + 1, -1);
  for (const r of [...between, grand]) {
    r.children = [];
    r.parent = null;
    r.role = 'detail';
  }
  grand.role = 'total';
  closing.role = 'subtotal';
  grand.children = [closing, ...between.filter((r) => !r.rate)];
  for (const r of grand.children) r.parent = grand;
  return { total: grand, top: grand.children, rowRelations: inner.rowRelations };
}

export function structureRows(grid: Grid, rows: Row[], sumCols: number[], tol: ToleranceOptions, forcedTotal?: Row): RowStructure {
  if (!forcedTotal && rows.length >= 3) {
    const closed = closingStructure(grid, rows, sumCols, tol);
    if (closed) return closed;
  }
  for (const r of rows) {
    r.children = [];
    r.parent = null;
    r.role = 'detail';
  }
  if (!rows.length) return { top: [], rowRelations: [] };
  const last = rows[rows.length - 1]!;
  const first = rows[0]!;
  const total = forcedTotal ?? (isTotalRowLabel(first.key) ? first : isTotalRowLabel(last.key) || CLOSING.test(last.key) || GRAND.test(last.key) ? last : undefined);
  if (total) total.role = 'total';
  const totalFirst = total === first;

  const all: Row[] = [];
  for (const r of rows) {
    if (r === total || r.rate) continue;
    // "其中：" right under the total introduces the list itself ("合计 / 其中：局机关 / 妇幼保健院 …")
    if (r.ofWhich && totalFirst && all.length === 0) r.ofWhich = false;
    if (isLabelRow(grid, r, sumCols)) r.role = 'label';
    else if (isSubtotalRowLabel(r.key)) r.role = 'subtotal';
    all.push(r);
  }
  // a numbered line with no figures heads a group only where lines of a deeper level follow it; followed by a
  // line of its own numbering (or by nothing) it is a line whose figures are zero, printed blank
  all.forEach((r, i) => {
    const next = all[i + 1];
    const closes = !next || (next.numbering === r.numbering && next.role !== 'label') || isTotalRowLabel(next.key) || CLOSING.test(next.key) || GRAND.test(next.key);
    if (r.role === 'label' && r.numbering && closes) r.role = 'detail';
  });
  const rowRelations = findBreakdowns(grid, all, sumCols, tol);
  // the unit (or item) rows: what the total and the 小计 rows gather; group label rows are boundaries
  const body = all.filter((r) => r.role !== 'part');

  // outline levels from numbering styles, in order of first appearance
  const styleLevel = new Map<string, number>();
  for (const r of body) {
    const st = r.numbering ?? '';
    if (st && r.role === 'detail' && !styleLevel.has(st)) styleLevel.set(st, styleLevel.size + 1);
  }
  const nested: Row[] = [];
  const stack: Array<{ row: Row; level: number; style: string }> = [];
  let lastNumbered: { level: number; style: string } | undefined;
  const subtotals: Row[] = [];
  for (const r of body) {
    if (r.role === 'subtotal' || r.role === 'label') {
      if (r.role === 'subtotal') subtotals.push(r);
      stack.length = 0;
      lastNumbered = undefined;
      nested.push(r);
      continue;
    }
    const st = r.numbering ?? '';
    let level: number;
    if (st) {
      level = styleLevel.get(st)!;
      lastNumbered = { level, style: st };
    } else if (lastNumbered && HEAD_STYLES.has(lastNumbered.style)) level = lastNumbered.level + 1;
    else level = stack.length ? stack[stack.length - 1]!.level : 1;
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]!.row : null;
    if (parent) {
      r.parent = parent;
      parent.children.push(r);
    } else nested.push(r);
    stack.push({ row: r, level, style: st });
  }

  // 小计 rows gather the top-level rows after them (a 小计 heading its group) or before them (closing it), never
  // across a group label row; the figures decide which, and where they cannot, the position of the total does
  // (total first: heading)
  const gather = (list: Row[], heading: boolean): Row[] => {
    const out: Row[] = [];
    let pending: Row[] = [];
    let open: Row | undefined;
    for (const r of list) {
      if (r.role === 'label') {
        out.push(...pending);
        pending = [];
        open = undefined;
      } else if (r.role === 'subtotal') {
        r.children = [];
        if (heading) open = r;
        else {
          r.children.push(...pending);
          for (const p of pending) p.parent = r;
          pending = [];
        }
        out.push(r);
      } else if (heading && open) {
        open.children.push(r);
        r.parent = open;
      } else if (heading) out.push(r);
      else pending.push(r);
    }
    return out.concat(pending).filter((r) => r.role !== 'label');
  };
  let heading = totalFirst;
  if (subtotals.length) {
    const score = (h: boolean): number => {
      for (const r of nested) if (r.role !== 'subtotal') r.parent = null;
      gather(nested, h);
      // a 小计 that gathers nothing holds nowhere: each of its figures counts against the reading
      let net = 0;
      for (const x of subtotals) {
        if (!x.children.length) {
          net -= sumCols.filter((c) => grid.num(x.row, c)).length;
          continue;
        }
        const t = tallySum(grid, x.row, x.children.map((ch) => ch.row), sumCols, tol);
        net += t.held - t.failed;
      }
      return net;
    };
    const a = score(true);
    const b = score(false);
    heading = a === b ? totalFirst : a > b;
    for (const r of nested) if (r.role !== 'subtotal') r.parent = null;
  }
  let top = gather(nested, heading);

  // keep the nesting only if the figures agree with it at least as well as with a flat list
  const heads = body.filter((r) => r.children.length && r.role === 'detail');
  if (heads.length) {
    const withNesting: Row[] = [...heads, ...subtotals];
    if (total) withNesting.push({ ...total, children: top });
    const a = agreement(grid, withNesting, sumCols, tol);
    let b = 0.5;
    if (total) {
      const flatTotal = { ...total, children: body.filter((r) => r.role === 'detail') };
      b = subtotals.length ? 0 : agreement(grid, [flatTotal], sumCols, tol);
    }
    if (b > a) {
      for (const r of body) {
        if (r.role === 'detail') {
          r.parent = null;
          r.children = [];
        }
      }
      top = gather(body, heading);
    }
  }
  if (total) {
    total.children = top;
    for (const r of top) if (!r.parent) r.parent = total;
  }
  return { total, top, rowRelations };
}
