/**
 * The structure of a table's rows: the 汇总/合计 row (first or last), 小计 rows, outline-numbered groups
 * ("一、行政单位" over "1、局机关"), and "其中：" rows that are parts of the row above them.
 *
 * Where numbering suggests nesting, the engine keeps the nesting only if the figures agree with it at least as
 * well as with a flat list: a sloppily numbered list must not turn units into subtotals.
 */
import { checkSum, ToleranceOptions } from '../arith';
import { Grid } from '../grid';
import { Num } from '../numbers';
import { isSubtotalRowLabel, isTotalRowLabel } from '../vocabulary';
import { Row } from './model';

const HEAD_STYLES = new Set(['cn', '(cn)']);

export interface RowStructure {
  total?: Row;
  /** Rows summed by the total (top level), in order. */
  top: Row[];
}

function numAt(grid: Grid, r: number, c: number): Num | null {
  const i = grid.info(r, c);
  return i.k === 'num' ? i.n : null;
}

/** Share of sum equations (parent = Σ children) that hold within rounding, over the given columns. */
function agreement(grid: Grid, parents: Row[], cols: number[], tol: ToleranceOptions): number {
  let held = 0;
  let all = 0;
  for (const p of parents) {
    if (!p.children.length) continue;
    for (const c of cols) {
      const stated = numAt(grid, p.row, c);
      const terms = p.children.map((ch) => numAt(grid, ch.row, c));
      if (!stated && terms.every((t) => !t)) continue;
      all++;
      if (checkSum(stated, terms, tol).status !== 'mismatch') held++;
    }
  }
  return all ? held / all : 1;
}

export function structureRows(grid: Grid, rows: Row[], sumCols: number[], tol: ToleranceOptions): RowStructure {
  for (const r of rows) {
    r.children = [];
    r.parent = null;
    r.role = 'detail';
  }
  if (!rows.length) return { top: [] };
  let total: Row | undefined;
  const last = rows[rows.length - 1]!;
  const first = rows[0]!;
  if (isTotalRowLabel(first.key)) total = first;
  else if (isTotalRowLabel(last.key)) total = last;
  if (total) total.role = 'total';
  const totalFirst = total === first;

  // "其中：" rows are parts of the row above them and are not summed again
  const body: Row[] = [];
  let prev: Row | undefined = totalFirst ? total : undefined;
  for (const r of rows) {
    if (r === total) continue;
    // "其中：" right under the total introduces the list itself ("合计 / 其中：局机关 / 妇幼保健院 …")
    if (r.ofWhich && prev && prev !== total) {
      r.role = 'part';
      r.parent = prev;
      continue;
    }
    body.push(r);
    prev = r;
  }

  // outline levels from numbering styles, in order of first appearance
  const styleLevel = new Map<string, number>();
  for (const r of body) {
    const st = r.numbering ?? '';
    if (st && !styleLevel.has(st) && !isSubtotalRowLabel(r.key)) styleLevel.set(st, styleLevel.size + 1);
  }
  const nested: Row[] = [];
  const stack: Array<{ row: Row; level: number; style: string }> = [];
  let lastNumbered: { level: number; style: string } | undefined;
  const subtotals: Row[] = [];
  for (const r of body) {
    if (isSubtotalRowLabel(r.key)) {
      r.role = 'subtotal';
      subtotals.push(r);
      stack.length = 0;
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

  // 小计 rows gather the top-level rows after them (a 小计 heading its group) or before them (closing it); the
  // figures decide which, and where they cannot, the position of the total does (total first: heading)
  const gather = (list: Row[], heading: boolean): Row[] => {
    if (!subtotals.length) return list;
    const out: Row[] = [];
    let pending: Row[] = [];
    let open: Row | undefined;
    for (const r of list) {
      if (r.role === 'subtotal') {
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
    return out.concat(pending);
  };
  let heading = totalFirst;
  if (subtotals.length) {
    const score = (h: boolean): number => {
      for (const r of nested) if (r.role !== 'subtotal') r.parent = null;
      gather(nested, h);
      return agreement(grid, subtotals, sumCols, tol) + (subtotals.every((x) => x.children.length) ? 0.001 : 0);
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
        r.parent = null;
        if (r.role === 'detail') r.children = [];
      }
      top = gather(body, heading);
    }
  }
  if (total) {
    total.children = top;
    for (const r of top) if (!r.parent) r.parent = total;
  }
  return { total, top };
}
