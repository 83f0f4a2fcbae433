/**
 * Key–value cells: "人员编制 | 426 | 实有人数 | 743" (基本概况), "评价等次 | 优秀", "绩效自评综合得分 | 99".
 * The value is the next non-empty cell to the right on the same row, else the cell below.
 */
import { Grid } from '../grid';
import { KeyValue } from './model';

export const KEYS = {
  staffQuota: /^(人员编制|编制数|编制人数|核定编制|编制|编制人员|核定编制数)(\(人\))?$/,
  staffActual: /^(实有人数|在职人数|实有在职人数|实有人员|在职人员数|实际在职人数)(\(人\))?$/,
  grade: /^(评价等次|自评等次|等次|绩效等级|评价等级|自评等级|自评结果等次|评价结果等次)$/,
  overall: /^(绩效自评综合得分|自评综合得分|综合得分|自评总分|自评得分合计|绩效评价得分|评价得分)$/,
};

/** Keys are short labels: the scan looks only at the sheet's short texts. */
const MAX_KEY = 16;

export type KeyKind = keyof typeof KEYS;

/** Every key–value pair on the sheet, by kind, in one scan. */
export function findKeyValues(grid: Grid): Record<KeyKind, KeyValue[]> {
  const out: Record<KeyKind, KeyValue[]> = { staffQuota: [], staffActual: [], grade: [], overall: [] };
  const kinds = Object.keys(KEYS) as KeyKind[];
  for (const { row: r, col: c } of grid.shortTexts()) {
    const key = grid.label(r, c);
    if (key.length > MAX_KEY) continue;
    const kind = kinds.find((k) => KEYS[k].test(key));
    if (!kind) continue;
    const m = grid.merge(r, c);
    const valueCell = nextValue(grid, r, m ? m.right + 1 : c + 1, m ? m.bottom + 1 : r + 1, c);
    if (!valueCell) continue;
    const vi = grid.info(valueCell.row, valueCell.col);
    out[kind].push({
      key,
      cell: { row: r, col: c },
      valueCell,
      num: vi.k === 'num' ? vi.n : undefined,
      text: vi.k === 'text' ? vi.s.trim() : vi.k === 'num' ? grid.shownText(valueCell.row, valueCell.col) : undefined,
    });
  }
  return out;
}

function nextValue(grid: Grid, r: number, fromCol: number, belowRow: number, col: number): { row: number; col: number } | null {
  for (let c = fromCol; c <= Math.min(grid.right, fromCol + 3); c++) {
    if (grid.covered(r, c)) continue;
    const k = grid.info(r, c).k;
    if (k === 'num' || k === 'text') return { row: r, col: c };
    if (k === 'dash' || k === 'error') return null;
  }
  if (belowRow <= grid.bottom) {
    const k = grid.info(belowRow, col).k;
    if (k === 'num' || k === 'text') return { row: belowRow, col };
  }
  return null;
}
