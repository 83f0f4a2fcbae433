/**
 * Row trees from classification codes (科目编码). The 功能分类 tables key their rows by 类 (3 digits, 210 卫生健康支出),
 * 款 (5, 21001 卫生健康管理事务) and 项 (7, 2100101 行政运行); the 经济分类 tables by 类 (301 工资福利支出) and 款
 * (30101 基本工资). A code's prefix is its parent, so every 类 is the sum of its 款, every 款 of its 项, and the
 * 合计 of the top codes. Codes come in one column ("2100101", "210 01 01", as text or numbers), split over
 * columns (类 | 款 | 项: "210" | "01" | "01", a 款 row often with its 款 alone under the 类 above), or at the start
 * of the label ("2100101 行政运行").
 *
 * The codes propose the tree; the figures decide it like any other sum (confirm.ts).
 */
import { Grid } from '../grid';
import { normLabel } from '../text';
import { isTotalRowLabel } from '../vocabulary';
import { Column, Row } from './model';
import { RowStructure } from './rows';

const SPLIT_HEADER = [/^类$/, /^款$/, /^项$/];
const CODE_HEADER = /(科目)?(编码|代码)$|^科目$|^功能分类|^经济分类/;
/** A code: 功能分类 3/5/7 digits, 经济分类 3/5, 单位编码 3 + 3 (501, 501001); any run of three to nine digits whose
 *  prefixes are the codes above it. */
const WHOLE_CODE = /^\d{3,9}$/;

/** The digits of a code cell: "210", "21001", "210 01 01", 2100101 (a number); '' when the cell holds none. */
function codeCell(grid: Grid, r: number, c: number): string {
  const v = grid.raw(r, c);
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? String(v) : '';
  if (typeof v !== 'string') return '';
  const t = v.trim().replace(/^\[|\]$/g, '');
  return /^\d+(\s+\d+)*$/.test(t) ? t.replace(/\s+/g, '') : '';
}

/** A code at the start of a label ("2100101 行政运行", "[21001]卫生健康管理事务"). */
function labelCode(label: string): string {
  const m = /^\[?(\d{3}(?:\d{2}){0,2})\]?\s*[^\d\s]/.exec(label.trim());
  return m ? m[1]! : '';
}

/** The columns holding the codes: 类 | 款 | 项 side by side, or one column of codes, left of the label. */
function codeColumns(grid: Grid, columns: Column[], rows: Row[], labelCol: number): { cols: number[]; split: boolean } | undefined {
  const left = columns.filter((c) => c.col < labelCol && c.role !== 'number');
  const leaf = (c: Column): string => normLabel(c.path.at(-1)?.label ?? '');
  for (let i = 0; i + 1 < left.length; i++) {
    const run = left.slice(i, i + 3).filter((c, k) => SPLIT_HEADER[k]!.test(leaf(c)));
    if (run.length >= 2 && run.every((c, k) => c === left[i + k])) return { cols: run.map((c) => c.col), split: true };
  }
  let best: { col: number; n: number } | undefined;
  for (const c of left) {
    let n = 0;
    for (const r of rows) if (WHOLE_CODE.test(codeCell(grid, r.row, c.col))) n++;
    if (n >= 3 && (!best || n > best.n) && (CODE_HEADER.test(leaf(c)) || n * 2 >= rows.length)) best = { col: c.col, n };
  }
  return best ? { cols: [best.col], split: false } : undefined;
}

/** Each row's code: joined from the split columns (a missing 类 or 款 is the one above), or read as one. */
function rowCodes(grid: Grid, rows: Row[], where: { cols: number[]; split: boolean } | undefined): Map<Row, string> {
  const out = new Map<Row, string>();
  let cls = '';
  let kuan = '';
  for (const r of rows) {
    if (!where) {
      const code = labelCode(r.label);
      if (code) out.set(r, code);
      continue;
    }
    const pieces = where.cols.map((c) => codeCell(grid, r.row, c));
    if (!where.split) {
      if (pieces[0]) out.set(r, pieces[0]);
      continue;
    }
    // a piece of five or seven digits is the whole code already (类 210 | 款 21001 | 项 2100101)
    const full = [...pieces].reverse().find((p) => p.length >= 5);
    const [a = '', b = '', c = ''] = pieces;
    let code = '';
    if (full) code = full;
    else if (c) code = (a || cls) + (b || kuan) + c;
    else if (b) code = (a || cls) + b;
    else if (a) code = a;
    if (!code) continue;
    if (code.length >= 3) cls = code.slice(0, 3);
    kuan = code.length >= 5 ? code.slice(3, 5) : '';
    out.set(r, code);
  }
  return out;
}

/**
 * The tree the codes propose, or undefined where the rows are not keyed by codes: at least three rows with codes
 * of three to nine digits, no code twice, and at least one code under another.
 */
export function codeStructure(grid: Grid, columns: Column[], rows: Row[], labelCol: number): RowStructure | undefined {
  const where = codeColumns(grid, columns, rows, labelCol);
  const codes = rowCodes(grid, rows, where);
  if (codes.size < 3) return undefined;
  const byCode = new Map<string, Row>();
  for (const [r, code] of codes) {
    if (!WHOLE_CODE.test(code) || byCode.has(code)) return undefined;
    byCode.set(code, r);
  }
  const parentOf = (code: string): Row | undefined => {
    for (let n = code.length - 1; n >= 3; n--) {
      const p = byCode.get(code.slice(0, n));
      if (p) return p;
    }
    return undefined;
  };
  if (![...codes.values()].some((c) => parentOf(c))) return undefined;
  for (const r of rows) {
    r.children = [];
    r.parent = null;
    r.role = 'detail';
  }
  const total = rows.find((r) => !codes.has(r) && isTotalRowLabel(r.key));
  if (total) total.role = 'total';
  const top: Row[] = [];
  for (const [r, code] of codes) {
    r.code = code;
    const p = parentOf(code);
    if (p) {
      r.parent = p;
      p.children.push(r);
    } else top.push(r);
  }
  for (const r of rows) if (r.children.length) r.role = 'subtotal';
  if (total) {
    total.children = top;
    for (const r of top) r.parent = total;
  }
  return { total, top, rowRelations: [] };
}
