/**
 * Two-sided 总表 (财务收支预算总表, 财政拨款收支预算总表, 收入支出决算总表): 收入 项目 | 预算数 on the left and 支出
 * 项目 | amounts on the right, on the same rows, with no blank column between them. Each side is a table of its own,
 * with its own outline and totals (本年收入合计 over the income lines, 收入总计 over 本年收入合计 and the 结转 lines);
 * the sheet is cut where the right side's label column begins, and 收入总计 = 支出总计 is checked across the sides
 * (rule totals/balance).
 *
 * The labels propose the cut (a second 项目 header, or 收入 and 支出 over the two halves), and the rows confirm it:
 * the column right of the cut holds labels on most rows that hold figures to its left.
 */
import { Grid } from '../grid';
import { normLabel } from '../text';
import { Band } from './bands';

const ITEM_HEADER = /^(项目|收入项目|支出项目|项目名称|科目|科目名称|支出功能分类科目|项目\(按功能分类\)|项目\(按经济分类\)|支出项目\(按功能分类\))$/;
const SIDE = /^(收入|支出)(项目|部分|方)?$/;

/** Where the right side begins, by the header: the second 项目 column of a header row, or the cell 支出 stands in
 *  right of a 收入 on one row (the first eight rows). */
function headerCut(grid: Grid, band: Band): number | undefined {
  for (let r = grid.top; r <= Math.min(grid.bottom, grid.top + 8); r++) {
    const items: number[] = [];
    const sides: Array<{ c: number; side: string }> = [];
    for (let c = band.left; c <= Math.min(band.right, grid.rowRight(r)); c++) {
      if (grid.covered(r, c)) continue;
      const l = normLabel(grid.shownText(r, c)).replace(/\s+/g, '');
      if (ITEM_HEADER.test(l)) items.push(c);
      const m = SIDE.exec(l);
      if (m) sides.push({ c, side: m[1]! });
    }
    if (items.length >= 2) return items[1];
    const income = sides.find((x) => x.side === '收入');
    const spend = sides.find((x) => x.side === '支出' && income && x.c > income.c);
    if (spend) return spend.c;
  }
  return undefined;
}

/** Do the rows bear the cut out: three lines or more on each side with a label and a figure after it (a side may
 *  have many more lines than the other, so the rows need not agree one by one)? */
function rowsAgree(grid: Grid, band: Band, cut: number): boolean {
  const line = (r: number, from: number, to: number): boolean => {
    let text = false;
    for (let c = from; c <= Math.min(to, grid.rowRight(r)); c++) {
      const k = grid.info(r, c).k;
      if (k === 'text') text = true;
      else if (k === 'num' && text) return true;
    }
    return false;
  };
  let left = 0;
  let right = 0;
  for (let r = grid.top; r <= grid.bottom; r++) {
    if (line(r, band.left, cut - 1)) left++;
    if (line(r, cut, band.right)) right++;
  }
  return left >= 3 && right >= 3;
}

/** The band cut in two at its right side's label column, or as it is where it is no two-sided table. */
export function splitTwoSided(grid: Grid, band: Band): Band[] {
  const cut = headerCut(grid, band);
  if (cut === undefined || cut <= band.left || cut > band.right || !rowsAgree(grid, band, cut)) return [band];
  return [{ left: band.left, right: cut - 1, side: 'income' }, { left: cut, right: band.right, side: 'expenditure' }];
}
