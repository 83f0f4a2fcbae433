/**
 * Tables side by side on the same rows, separated by a blank column, are separate tables: the sheet is cut into
 * column bands at blank columns where the band to the right opens with a label column of its own (texts beside
 * figures). A blank column between a table's labels and its figures does not cut it, nor does one that a
 * merged header spans.
 */
import { Grid } from '../grid';
import { SheetSnapshot } from '../snapshot';

export interface Band {
  left: number;
  right: number;
  /** a side of a two-sided 总表 (two-sided.ts) */
  side?: 'income' | 'expenditure';
}

export function columnBands(grid: Grid): Band[] {
  const width = grid.right - grid.left + 1;
  if (width < 5 || grid.rowCount === 0) return [{ left: grid.left, right: grid.right }];
  // which columns hold anything: raw values only, so a sheet with no blank column costs one cheap pass
  const used = new Array<boolean>(width).fill(false);
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (const c of grid.cols(r)) {
      const v = grid.raw(r, c);
      if (v !== null && v !== '') used[c - grid.left] = true;
    }
  }
  // merged areas mark their columns used: a running count over where each area starts and ends, so that many wide
  // areas cost one pass over the columns, not one per area
  const opens = new Array<number>(used.length + 1).fill(0);
  for (const m of grid.merges) {
    const from = Math.max(m.left, grid.left) - grid.left;
    const to = Math.min(m.right, grid.right) - grid.left;
    if (to < from) continue;
    opens[from]!++;
    opens[to + 1]!--;
  }
  for (let x = 0, open = 0; x < used.length; x++) {
    open += opens[x]!;
    if (open > 0) used[x] = true;
  }
  // a blank column with used columns on both sides
  const first = used.indexOf(true);
  const last = used.lastIndexOf(true);
  let inner = false;
  for (let i = first + 1; i < last && !inner; i++) if (!used[i]) inner = true;
  if (!inner) return [{ left: grid.left, right: grid.right }];
  const texts = new Array<number>(width).fill(0);
  const nums = new Array<number>(width).fill(0);
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (const c of grid.cols(r)) {
      const k = grid.info(r, c).k;
      if (k === 'text') texts[c - grid.left]!++;
      else if (k === 'num') nums[c - grid.left]!++;
    }
  }
  const runs: Band[] = [];
  for (let i = 0; i < width; i++) {
    if (!used[i]) continue;
    const last = runs[runs.length - 1];
    if (last && last.right === grid.left + i - 1) last.right = grid.left + i;
    else runs.push({ left: grid.left + i, right: grid.left + i });
  }
  const figures = (b: Band): number => {
    let n = 0;
    for (let c = b.left; c <= b.right; c++) n += nums[c - grid.left]!;
    return n;
  };
  const out: Band[] = [];
  for (const b of runs) {
    const prev = out[out.length - 1];
    // a new table opens with labels (more texts than figures in its first column) and has figures of its own
    const opens = texts[b.left - grid.left]! >= 2 && texts[b.left - grid.left]! > nums[b.left - grid.left]! && figures(b) >= 2;
    if (prev && !(opens && figures(prev) >= 2)) prev.right = b.right;
    else out.push({ ...b });
  }
  return out;
}

/** The part of a sheet snapshot between two columns, with the same coordinates (references stay right). */
export function sliceSheet(s: SheetSnapshot, band: Band): SheetSnapshot {
  const from = band.left - s.left;
  const to = band.right - s.left + 1;
  const cut = <T>(rows: T[][] | undefined): T[][] | undefined => rows?.map((row) => (row ?? []).slice(Math.max(0, from), to));
  const merges = (s.merges ?? []).filter((m) => {
    const cols = m.match(/[A-Z]+/g) ?? [];
    const idx = cols.map((l) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1);
    return idx.every((c) => c >= band.left && c <= band.right);
  });
  return {
    name: s.name, top: s.top, left: band.left, values: cut(s.values)!, formulas: cut(s.formulas), numberFormats: cut(s.numberFormats),
    indents: cut(s.indents), merges, hidden: s.hidden,
  };
}
