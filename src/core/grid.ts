/** A sheet as a grid addressed by absolute 0-based row and column, with merged areas resolved. */
import { Rect } from './a1';
import { MergeIndex } from './merges';
import { CellInfo, classify, EMPTY, Num } from './numbers';
import { CellValue, rowIndices, SheetSnapshot, SPARSE_ROW } from './snapshot';
import { normLabel } from './text';

const KEY_STRIDE = 1 << 15;

export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly hidden: boolean;
  /** a Word report's sheet (SheetSnapshot.report) */
  readonly report: boolean;
  private readonly snap: SheetSnapshot;
  private readonly mergeIndex: MergeIndex;
  /** Per row, lazily: what each cell means (rows are as long as the snapshot's, so a stray far cell costs little). */
  private readonly infoCache: ((CellInfo | undefined)[] | undefined)[];
  private readonly labelCache = new Map<number, string>();
  get hasMerges(): boolean {
    return this.mergeIndex.size > 0;
  }

  /** Merged areas the snapshot listed but the engine could not read (no range, or overlapping another). */
  get badMerges(): readonly string[] {
    return this.mergeIndex.bad;
  }
  /** More merged areas than the engine indexes (MERGE_LIMITS): none is used, the sheet is read by its layout. */
  get tooManyMerges(): boolean {
    return this.mergeIndex.tooMany;
  }
  /** The merged areas, each once. */
  get merges(): readonly Rect[] {
    return this.mergeIndex.areas;
  }

  /** The whole sheet's grid, for a band of it (recognize/bands.ts): its cells are classified once, by the sheet's. */
  private readonly parent: Grid | undefined;

  constructor(snap: SheetSnapshot, parent?: Grid) {
    this.snap = snap;
    this.parent = parent;
    this.name = snap.name;
    this.top = snap.top;
    this.left = snap.left;
    let w = 0;
    for (const row of snap.values) if (row && row.length > w) w = row.length;
    this.bottom = snap.top + snap.values.length - 1;
    this.right = snap.left + w - 1;
    this.hidden = !!snap.hidden;
    this.report = !!snap.report;
    this.infoCache = new Array(snap.values.length);
    this.mergeIndex = new MergeIndex(Array.isArray(snap.merges) ? snap.merges : [], this.top, this.bottom);
  }

  get rowCount(): number {
    return this.snap.values.length;
  }

  inside(r: number, c: number): boolean {
    return r >= this.top && r <= this.bottom && c >= this.left && c <= this.right;
  }

  raw(r: number, c: number): CellValue {
    const row = this.snap.values[r - this.top];
    const v = row?.[c - this.left];
    return v === undefined ? null : v;
  }

  formula(r: number, c: number): string | null {
    const f = this.snap.formulas?.[r - this.top]?.[c - this.left];
    return typeof f === 'string' && f.startsWith('=') ? f : null;
  }

  format(r: number, c: number): string | null {
    return this.snap.numberFormats?.[r - this.top]?.[c - this.left] ?? null;
  }

  /** The cell's indent level (Excel's 增加缩进量), 0 when the snapshot does not say. */
  indent(r: number, c: number): number {
    const v = this.snap.indents?.[r - this.top]?.[c - this.left];
    return typeof v === 'number' && v > 0 ? v : 0;
  }

  /** The merged area containing (r, c), if any. */
  merge(r: number, c: number): Rect | undefined {
    return this.mergeIndex.size ? this.mergeIndex.at(r, c) : undefined;
  }

  /** Does any merged area cross row r? */
  rowHasMerges(r: number): boolean {
    return this.mergeIndex.size > 0 && this.mergeIndex.inRow(r).length > 0;
  }

  /** True when (r, c) is inside a merged area but is not its top-left cell. */
  covered(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return !!m && (m.top !== r || m.left !== c);
  }

  /** What the cell itself holds (a covered cell of a merged area holds nothing). */
  info(r: number, c: number): CellInfo {
    const y = r - this.top;
    const x = c - this.left;
    const row = this.snap.values[y];
    if (!row || x < 0 || x >= row.length) return EMPTY;
    const raw = row[x];
    if (raw === null || raw === undefined) return EMPTY; // a blank, or a hole of a sparse row
    let cache = this.infoCache[y];
    // a sparse row's cache fills as its cells are read, never allocated at the row's width
    if (!cache) cache = this.infoCache[y] = row.length > SPARSE_ROW.minWidth ? [] : new Array(row.length);
    let v = cache[x];
    if (v === undefined) {
      v = this.covered(r, c) ? EMPTY : this.parent ? this.parent.classified(r, c, raw, this.format(r, c)) : classify(raw, this.format(r, c));
      cache[x] = v;
    }
    return v;
  }

  /** What classify makes of a cell holding `raw` with format `fmt` (merged areas aside): this grid's reading of
   *  (r, c) where it holds the same, else classify's. */
  private classified(r: number, c: number, raw: CellValue, fmt: string | null): CellInfo {
    return this.raw(r, c) === raw && this.format(r, c) === fmt && !this.covered(r, c) ? this.info(r, c) : classify(raw, fmt);
  }

  /** The number the cell holds (typed, or text that reads as one), else null. */
  num(r: number, c: number): Num | null {
    const i = this.info(r, c);
    return i.k === 'num' ? i.n : null;
  }

  /** The last column of row r that holds anything (rows may be shorter than the sheet is wide). */
  rowRight(r: number): number {
    return this.left + (this.snap.values[r - this.top]?.length ?? 0) - 1;
  }

  private readonly colsCache = new Map<number, readonly number[]>();
  private readonly ranges = new Map<number, readonly number[]>();

  /**
   * The columns of row r worth visiting, left to right, up to rowRight(r): every column of a row as wide as a
   * table; of a wide sparse row (SPARSE_ROW: one value in XFD), the columns it holds a value in and those its
   * merged areas cover — the ones left out hold nothing, so a loop looking for a text, a number or an area
   * reads the same through them.
   */
  cols(r: number): readonly number[] {
    const row = this.snap.values[r - this.top];
    if (!row || row.length <= SPARSE_ROW.minWidth) return this.range(this.rowRight(r));
    let out = this.colsCache.get(r);
    if (!out) {
      const set = new Set<number>();
      for (const j of rowIndices(row)) if (row[j] !== null) set.add(this.left + j);
      const end = this.rowRight(r);
      for (const m of this.mergeIndex.size ? this.mergeIndex.inRow(r) : []) {
        for (let c = Math.max(m.left, this.left); c <= Math.min(m.right, end); c++) set.add(c);
      }
      out = [...set].sort((a, b) => a - b);
      this.colsCache.set(r, out);
    }
    return out;
  }

  /** The columns left..end, shared between rows of the same width. */
  private range(end: number): readonly number[] {
    // not Math.max: its result is boxed as a heap number (it might be −0), and this runs for every row read
    const width = end - this.left + 1;
    const n = width > 0 ? width : 0;
    let out = this.ranges.get(n);
    if (!out) {
      out = Array.from({ length: n }, (_, x) => this.left + x);
      this.ranges.set(n, out);
    }
    return out;
  }

  private usedColsCache?: readonly number[];

  /** The columns any row visits (cols), left to right: all of them unless wide sparse rows leave gaps. */
  usedCols(): readonly number[] {
    if (!this.usedColsCache) {
      const set = new Set<number>();
      let dense = -1;
      for (let r = this.top; r <= this.bottom; r++) {
        const row = this.snap.values[r - this.top];
        if (!row || row.length <= SPARSE_ROW.minWidth) dense = Math.max(dense, this.rowRight(r));
        else for (const c of this.cols(r)) set.add(c);
      }
      for (let c = this.left; c <= dense; c++) set.add(c);
      this.usedColsCache = [...set].sort((a, b) => a - b);
    }
    return this.usedColsCache;
  }

  /** The text shown at (r, c), looking through merges to the area's top-left cell. */
  shownText(r: number, c: number): string {
    const m = this.merge(r, c);
    const info = m ? this.info(m.top, m.left) : this.info(r, c);
    if (info.k === 'text') return info.s;
    if (info.k === 'num') {
      const v = m ? this.raw(m.top, m.left) : this.raw(r, c);
      return typeof v === 'string' ? v.trim() : String(v);
    }
    return '';
  }

  /** Normalised label at (r, c) (through merges), '' when the cell holds no text. */
  label(r: number, c: number): string {
    const key = r * KEY_STRIDE + c;
    let l = this.labelCache.get(key);
    if (l === undefined) {
      l = normLabel(this.shownText(r, c));
      this.labelCache.set(key, l);
    }
    return l;
  }

  private shortTextCache?: Array<{ row: number; col: number; text: string }>;

  /** Cells holding short text (at most 24 characters), in reading order: where headers and keys can be. */
  shortTexts(): Array<{ row: number; col: number; text: string }> {
    if (!this.shortTextCache) {
      const out: Array<{ row: number; col: number; text: string }> = [];
      for (let r = this.top; r <= this.bottom; r++) {
        const row = this.snap.values[r - this.top];
        if (!row) continue;
        // a row as wide as a table is walked by index; a wide sparse one by the entries it holds
        const dense = row.length <= SPARSE_ROW.minWidth;
        const at = dense ? null : rowIndices(row);
        const n = at ? at.length : row.length;
        for (let k = 0; k < n; k++) {
          const i = at ? at[k]! : k;
          const v = row[i];
          if (typeof v !== 'string' || v.length > 24) continue;
          const c = this.left + i;
          const info = this.info(r, c);
          if (info.k === 'text') out.push({ row: r, col: c, text: info.s });
        }
      }
      this.shortTextCache = out;
    }
    return this.shortTextCache;
  }

  isBlankRow(r: number, from = this.left, to = this.right): boolean {
    const end = Math.min(to, this.rowRight(r));
    if (end - from <= SPARSE_ROW.minWidth) {
      for (let c = from; c <= end; c++) if (this.info(r, c).k !== 'empty') return false;
    } else {
      for (const c of this.cols(r)) if (c >= from && c <= end && this.info(r, c).k !== 'empty') return false;
    }
    return true;
  }
}

/**
 * Grids kept from one check of a workbook to the next (CheckOptions.cache), for a live re-check after an edit: a
 * sheet snapshot given again — the same object — is read through the grid made for it before, its cells already
 * classified and its labels read, and only the sheets read anew are classified again. A snapshot is taken to be
 * unchanged once checked: an adapter that reads a sheet again makes a new snapshot of it (never changing one in
 * place). Held weakly: a snapshot no longer used is let go with its grid.
 */
export class GridCache {
  private readonly grids = new WeakMap<SheetSnapshot, Grid>();

  grid(sheet: SheetSnapshot): Grid {
    let g = this.grids.get(sheet);
    if (!g) {
      g = new Grid(sheet);
      this.grids.set(sheet, g);
    }
    return g;
  }
}
