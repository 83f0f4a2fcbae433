/** Helpers for the 评分表 rules. */
import { Dec, sum } from '../../decimal';
import { Num, shown } from '../../numbers';
import { ScoreLine, ScoreTable } from '../../recognize/model';
import { ref } from '../util';

/** One 分值 per share group (a merged 分值 counts once). */
export function distinctMaxes(lines: ScoreLine[]): Array<{ line: ScoreLine; max: Num }> {
  const seen = new Set<number>();
  const out: Array<{ line: ScoreLine; max: Num }> = [];
  for (const l of lines) {
    if (!l.max || seen.has(l.shareId)) continue;
    seen.add(l.shareId);
    out.push({ line: l, max: l.max });
  }
  return out;
}

export function sumNums(nums: Num[]): Dec {
  return sum(nums.map((n) => n.value));
}

export function fmtScore(d: Dec): string {
  return d.toFixed();
}

export function listText(nums: Num[]): string {
  const parts = nums.map(shown);
  return parts.length > 8 ? [...parts.slice(0, 4), '…', parts[parts.length - 1]].join(' + ') : parts.join(' + ');
}

export function maxRef(st: ScoreTable, l: ScoreLine): string {
  return l.maxCell ? ref(st.grid, l.maxCell.row, l.maxCell.col) : ref(st.grid, l.row, st.cols.max);
}

export function scoreRef(st: ScoreTable, l: ScoreLine): string {
  return ref(st.grid, l.scoreCell.row, l.scoreCell.col);
}

export function totalScore(st: ScoreTable): Dec {
  return sum(st.lines.filter((l) => l.score).map((l) => l.score!.value));
}
