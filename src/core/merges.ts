/**
 * Merged areas kept as rectangles, with a covered-cell lookup. A merged area is never expanded into an object
 * per covered cell: a hostile file's one merge over A1:XFD1048576 costs one rectangle. The lookup indexes, for
 * each row of the sheet's used range, the areas crossing it sorted by column (a binary search finds the one at a
 * cell); an area is clipped to the used range's rows, since no cell outside them is ever read.
 *
 * Excel never lets merged areas overlap, and repairs a file in which they do; here an area that overlaps another
 * one to its left in some row, or that cannot be parsed, is set aside as "bad" (said at info) and the rest are
 * used.
 */
import { parseRange, Rect } from './a1';

/** Past these the merges of a sheet are not indexed at all: the sheet is read by its layout alone and the check
 *  says so (a workbook a person made has a few hundred merged areas; these bounds are for hostile files). */
export const MERGE_LIMITS = {
  /** merged areas in one sheet */
  areas: 100_000,
  /** Σ over the areas of the rows each crosses inside the used range: the size of the index */
  rowEntries: 4_000_000,
};

export class MergeIndex {
  /** The areas in use, each once, in the order they were listed. */
  readonly areas: Rect[] = [];
  /** Areas given as text that is no range, or overlapping an earlier one: not used. */
  readonly bad: string[] = [];
  /** Too many areas to index (MERGE_LIMITS): none is used. */
  readonly tooMany: boolean = false;
  private readonly rowLo: number;
  private byRow: (Rect[] | undefined)[] = [];

  /** `rowLo`..`rowHi`: the rows cells will be looked up in (the used range). */
  constructor(merges: readonly string[], rowLo: number, rowHi: number) {
    this.rowLo = rowLo;
    if (merges.length > MERGE_LIMITS.areas) {
      this.tooMany = true;
      return;
    }
    const parsed: Array<{ rect: Rect; text: string; order: number }> = [];
    let entries = 0;
    merges.forEach((text, order) => {
      const rect = typeof text === 'string' ? parseRange(text) : null;
      if (!rect) {
        this.bad.push(String(text));
        return;
      }
      parsed.push({ rect, text, order });
      const lo = Math.max(rect.top, rowLo);
      const hi = Math.min(rect.bottom, rowHi);
      if (hi >= lo) entries += hi - lo + 1;
    });
    if (entries > MERGE_LIMITS.rowEntries) {
      this.tooMany = true;
      this.bad.length = 0;
      return;
    }
    // by column, so that each row's list comes out sorted; then any overlap shows between neighbours in a row
    parsed.sort((a, b) => a.rect.left - b.rect.left || a.order - b.order);
    const rowsOf = (rect: Rect): [number, number] => [Math.max(rect.top, rowLo), Math.min(rect.bottom, rowHi)];
    const index: (Array<{ rect: Rect; order: number }> | undefined)[] = [];
    for (const p of parsed) {
      const [lo, hi] = rowsOf(p.rect);
      for (let y = lo; y <= hi; y++) (index[y - rowLo] ??= []).push(p);
    }
    const overlapping = new Set<number>();
    for (const list of index) {
      if (!list) continue;
      let reach = -1;
      for (const p of list) {
        if (overlapping.has(p.order)) continue;
        if (p.rect.left <= reach) overlapping.add(p.order);
        else reach = p.rect.right;
      }
    }
    // one slot a row of the used range, filled: an array written at a few far rows only would be a dictionary,
    // and every lookup a hash probe
    if (parsed.length) this.byRow = new Array<Rect[] | undefined>(Math.max(0, rowHi - rowLo + 1)).fill(undefined);
    for (const p of [...parsed].sort((a, b) => a.order - b.order)) {
      if (overlapping.has(p.order)) {
        this.bad.push(p.text);
        continue;
      }
      this.areas.push(p.rect);
      const [lo, hi] = rowsOf(p.rect);
      for (let y = lo; y <= hi; y++) (this.byRow[y - rowLo] ??= []).push(p.rect);
    }
    for (const list of this.byRow) list?.sort((a, b) => a.left - b.left);
  }

  get size(): number {
    return this.areas.length;
  }

  /** The areas crossing row r, by column. */
  inRow(r: number): readonly Rect[] {
    return this.byRow[r - this.rowLo] ?? [];
  }

  /** The merged area containing (r, c), if any. */
  at(r: number, c: number): Rect | undefined {
    const list = this.byRow[r - this.rowLo];
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid]!;
      if (c < m.left) hi = mid - 1;
      else if (c > m.right) lo = mid + 1;
      else return m;
    }
    return undefined;
  }
}
