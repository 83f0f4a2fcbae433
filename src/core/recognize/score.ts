/**
 * The 评分表: columns in any order (一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 自评得分 | 说明), 一级 and
 * 二级 merged down their lines or repeated on every line, points in their labels ("预算配置（15分）"), one
 * merged 分值 shared by several lines, a header repeated after a page break, a 总分 row at the end.
 */
import { Grid } from '../grid';
import { classify, Num } from '../numbers';
import { displayLabel, normLabel } from '../text';
import { ScoreGroup, ScoreLine, ScoreTable } from './model';

const COLS: Array<[keyof ScoreTable['cols'], RegExp]> = [
  ['level1', /^一级指标(名称)?$/],
  ['level2', /^二级指标(名称)?$/],
  ['level3', /^(三级指标|指标名称|具体指标|评价指标|指标|三级指标名称)$/],
  ['criteria', /^(评分标准|评分规则|评分办法|评分细则|指标解释|评分方法|评价标准|计分方法|评分标准及方法|指标说明)$/],
  ['max', /^(分值|标准分|满分|权重|分数|指标分值|标准分值|权重分)(\(分\))?$/],
  ['score', /^(自评得分|得分|自评分|评分|评价得分|自评分数|自评分值|实际得分)(\(分\))?$/],
  ['note', /^(扣分原因和其他说明|扣分原因|扣分理由|说明|备注|扣分说明|情况说明|偏差原因)$/],
  ['value', /^(指标值|实际完成值|完成情况|实际完成|完成值|实际值|实际完成情况|指标完成值)$/],
];

const TOTAL = /^(总分|合计|总计|得分合计|总得分|合计得分|综合得分)$/;
const POINTS = /[(]([\d.]+)分[)]|([\d.]+)分$/;

/** Every header label of a 评分表 is short and has 分, 指标, 标准, 说明, 备注, 原因, 权重 or 完成 in it. */
const MAYBE_HEADER = /分|指标|标准|说明|备注|原因|权重|完成|实际/;

function headerColumns(grid: Grid, r: number): ScoreTable['cols'] | null {
  const found: Partial<ScoreTable['cols']> = {};
  for (let c = grid.left, end = grid.rowRight(r); c <= end; c++) {
    const info = grid.info(r, c);
    if (info.k !== 'text' || info.s.length > 24 || !MAYBE_HEADER.test(info.s)) continue;
    if (grid.covered(r, c)) continue;
    const l = grid.label(r, c);
    for (const [k, re] of COLS) if (found[k] === undefined && re.test(l)) {
      found[k] = c;
      break;
    }
  }
  if (found.max === undefined || found.score === undefined) return null;
  if (found.level1 === undefined && found.level2 === undefined && found.level3 === undefined) return null;
  return found as ScoreTable['cols'];
}

function pointsOf(text: string): Num | undefined {
  const m = POINTS.exec(normLabel(text));
  if (!m) return undefined;
  const info = classify(m[1] ?? m[2]!);
  return info.k === 'num' ? info.n : undefined;
}

function numAt(grid: Grid, r: number, c: number): Num | undefined {
  const i = grid.info(r, c);
  return i.k === 'num' ? i.n : undefined;
}

export function findScoreTables(grid: Grid, nextId: () => number, consumed: Set<number>): ScoreTable[] {
  const out: ScoreTable[] = [];
  // only rows with a short text that could be a 分值 or 得分 header can start a 评分表
  const candidates = [...new Set(grid.shortTexts().filter((t) => /分/.test(t.text)).map((t) => t.row))];
  let r = grid.top;
  for (const start of candidates) {
    if (start < r || consumed.has(start)) continue;
    r = start;
    const cols = headerColumns(grid, r);
    if (!cols) continue;
    const headerRow = r;
    const lines: ScoreLine[] = [];
    let totalRow: ScoreTable['totalRow'];
    let blanks = 0;
    let last = r;
    let level1: ScoreGroup | undefined;
    let level2: ScoreGroup | undefined;
    let shareId = 0;
    const shareByMaster = new Map<string, number>();
    const indicatorCols = [cols.level1, cols.level2, cols.level3].filter((c): c is number => c !== undefined);
    const rightmost = Math.max(...Object.values(cols).filter((v): v is number => typeof v === 'number'));
    const leftmost = Math.min(...Object.values(cols).filter((v): v is number => typeof v === 'number'));

    const group = (prev: ScoreGroup | undefined, row: number, col: number | undefined): ScoreGroup | undefined => {
      if (col === undefined) return undefined;
      const m = grid.merge(row, col);
      const at = m ? { row: m.top, col: m.left } : { row, col };
      const text = grid.shownText(at.row, at.col);
      if (!text) return prev;
      const label = normLabel(text);
      if (prev && (prev.cell.row === at.row && prev.cell.col === at.col || prev.label === label)) return prev;
      return { label, text: displayLabel(text), points: pointsOf(text), cell: at, rows: [] };
    };

    for (r = headerRow + 1; r <= grid.bottom; r++) {
      if (grid.isBlankRow(r, leftmost, rightmost)) {
        if (++blanks >= 3) break;
        continue;
      }
      blanks = 0;
      if (headerColumns(grid, r)) continue; // header repeated after a page break
      consumed.add(r);
      last = r;
      const labels = [...indicatorCols, grid.left].map((c) => grid.label(r, c));
      if (labels.some((l) => TOTAL.test(l))) {
        totalRow = { row: r, max: numAt(grid, r, cols.max), score: numAt(grid, r, cols.score) };
        break;
      }
      const l1 = group(level1, r, cols.level1);
      if (l1 !== level1) level2 = undefined;
      level1 = l1;
      const l2 = group(level2, r, cols.level2);
      level2 = l2;
      const name3 = cols.level3 !== undefined ? displayLabel(grid.shownText(r, cols.level3)) : '';
      const maxMerge = grid.merge(r, cols.max);
      const maxCell = maxMerge ? { row: maxMerge.top, col: maxMerge.left } : { row: r, col: cols.max };
      let max = numAt(grid, maxCell.row, maxCell.col);
      const score = numAt(grid, r, cols.score);
      const scoreText = grid.shownText(r, cols.score);
      if (!name3 && !max && !score) continue;
      let sid: number;
      let mc: ScoreLine['maxCell'] = max ? maxCell : undefined;
      if (maxMerge) {
        const key = `${maxMerge.top},${maxMerge.left}`;
        sid = shareByMaster.get(key) ?? ++shareId;
        shareByMaster.set(key, sid);
      } else if (!max && score && lines.length && lines[lines.length - 1]!.level2 === l2 && lines[lines.length - 1]!.max) {
        // an unmerged shared 分值: the value on the first line, the next lines of the same 二级 left blank
        const prev = lines[lines.length - 1]!;
        sid = prev.shareId;
        max = prev.max;
        mc = prev.maxCell;
      } else sid = ++shareId;
      l1?.rows.push(r);
      l2?.rows.push(r);
      lines.push({
        row: r,
        name: name3 || l2?.text || l1?.text || '',
        level1: l1,
        level2: l2,
        criteria: cols.criteria !== undefined ? grid.shownText(r, cols.criteria) || undefined : undefined,
        max,
        maxCell: mc,
        shareId: sid,
        score,
        scoreCell: { row: r, col: cols.score },
        scoreText: scoreText || undefined,
      });
    }
    for (let y = headerRow; y <= last; y++) consumed.add(y);
    if (lines.length) {
      out.push({
        id: nextId(), kind: 'score', sheet: grid.name, grid,
        rect: { top: headerRow, left: leftmost, bottom: last, right: rightmost },
        cols, lines, totalRow,
      });
    }
    r = last + 1;
  }
  return out;
}
