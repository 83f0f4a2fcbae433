/** Building sheet snapshots in code: place blocks of cells, merge areas, formulas and number formats. */
import { cellA1 } from '../core/a1';
import { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

interface Cell {
  v: CellValue;
  f?: string;
  fmt?: string;
}

export class SheetBuilder {
  private cells = new Map<string, Cell>();
  private merges: string[] = [];
  private maxRow = -1;
  private maxCol = -1;
  /** next free row for `add` */
  cursor = 0;

  constructor(readonly name: string) {}

  set(r: number, c: number, v: CellValue, extra: { f?: string; fmt?: string } = {}): this {
    this.cells.set(`${r},${c}`, { v, ...extra });
    this.maxRow = Math.max(this.maxRow, r);
    this.maxCol = Math.max(this.maxCol, c);
    return this;
  }

  get(r: number, c: number): Cell | undefined {
    return this.cells.get(`${r},${c}`);
  }

  /** Place rows of values with their top-left at (r, c); undefined leaves a cell untouched. */
  block(r: number, c: number, rows: (CellValue | undefined)[][]): this {
    rows.forEach((row, i) => row.forEach((v, j) => {
      if (v !== undefined) this.set(r + i, c + j, v);
    }));
    this.cursor = Math.max(this.cursor, r + rows.length);
    return this;
  }

  /** Place rows at the cursor (after `gap` blank rows) and return the first row used. */
  add(rows: (CellValue | undefined)[][], col = 0, gap = 0): number {
    const r = this.cursor + gap;
    this.block(r, col, rows);
    return r;
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    if (top === bottom && left === right) return this;
    this.merges.push(`${cellA1(top, left)}:${cellA1(bottom, right)}`);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) this.cells.delete(`${r},${c}`);
    this.maxRow = Math.max(this.maxRow, bottom);
    this.maxCol = Math.max(this.maxCol, right);
    return this;
  }

  formula(r: number, c: number, f: string): this {
    const cell = this.cells.get(`${r},${c}`) ?? { v: null };
    this.cells.set(`${r},${c}`, { ...cell, f });
    return this;
  }

  format(r: number, c: number, fmt: string): this {
    const cell = this.cells.get(`${r},${c}`) ?? { v: null };
    this.cells.set(`${r},${c}`, { ...cell, fmt });
    return this;
  }

  build(): SheetSnapshot {
    const rows = this.maxRow + 1;
    const cols = this.maxCol + 1;
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      const v: CellValue[] = [];
      const f: (string | null)[] = [];
      const n: (string | null)[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = this.cells.get(`${r},${c}`);
        v.push(cell?.v ?? null);
        f.push(cell?.f ?? null);
        n.push(cell?.fmt ?? null);
      }
      values.push(v);
      formulas.push(f);
      numberFormats.push(n);
    }
    return { name: this.name, top: 0, left: 0, values, formulas, numberFormats, merges: [...this.merges] };
  }
}

export function workbook(...sheets: SheetBuilder[]): WorkbookSnapshot {
  return { sheets: sheets.map((s) => s.build()) };
}
