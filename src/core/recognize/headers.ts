/**
 * Header bands of one to four rows, merged or not, read into a tree of header cells.
 *
 * Merged cells say their span. Where a template leaves cells empty instead of merging them, the empty cell to
 * the right of a group label, above sub-labels, belongs to that group ("其中：" over three columns), and an empty
 * cell below a label belongs to the label above it.
 */
import { Rect } from '../a1';
import { Grid } from '../grid';
import { displayLabel } from '../text';
import { HeaderNode } from './model';

export interface HeaderBand {
  /** Per header row, per column of the span: the node covering that cell, or null. */
  at: (HeaderNode | null)[][];
  rows: number[];
  left: number;
  right: number;
  roots: HeaderNode[];
}

export function readHeaderBand(grid: Grid, rows: number[], left: number, right: number): HeaderBand {
  const h = rows.length;
  const w = right - left + 1;
  const at: (HeaderNode | null)[][] = rows.map(() => new Array<HeaderNode | null>(w).fill(null));
  const top = rows[0]!;
  const bottom = rows[h - 1]!;
  const byMaster = new Map<string, HeaderNode>();

  // 1. what the cells say: merged areas clipped to the band, and plain labelled cells
  for (let i = 0; i < h; i++) {
    const r = rows[i]!;
    for (let c = left; c <= right; c++) {
      const m = grid.merge(r, c);
      const mr = m ?? { top: r, left: c, bottom: r, right: c };
      const key = `${mr.top},${mr.left}`;
      let node = byMaster.get(key);
      if (!node) {
        const text = grid.shownText(mr.top, mr.left);
        if (!text) continue;
        const label = grid.label(mr.top, mr.left);
        const rect: Rect = {
          top: Math.max(mr.top, top),
          left: Math.max(mr.left, left),
          bottom: Math.min(mr.bottom, bottom),
          right: Math.min(mr.right, right),
        };
        node = { label, text: displayLabel(text), rect, parent: null, children: [] };
        byMaster.set(key, node);
      }
      at[i]![c - left] = node;
    }
  }

  const below = (i: number, c: number): boolean => {
    for (let k = i + 1; k < h; k++) if (at[k]![c - left]) return true;
    return false;
  };

  // 2. unmerged groups: extend a group label right over empty cells that have sub-labels below
  for (let i = 0; i < h - 1; i++) {
    for (let c = left + 1; c <= right; c++) {
      if (at[i]![c - left] || !below(i, c)) continue;
      const n = at[i]![c - left - 1];
      if (!n || n.rect.right !== c - 1 || n.rect.bottom !== rows[i] || !at[i + 1]![n.rect.left - left]) continue;
      const parentHere = i > 0 ? at[i - 1]![c - left] : null;
      const parentLeft = i > 0 ? at[i - 1]![c - 1 - left] : null;
      if (parentHere !== parentLeft) continue;
      n.rect = { ...n.rect, right: c };
      at[i]![c - left] = n;
    }
  }
  // 3. unmerged leaves: a label with nothing below it reaches down to the last header row
  for (let i = 1; i < h; i++) {
    for (let c = left; c <= right; c++) {
      if (at[i]![c - left]) continue;
      const n = at[i - 1]![c - left];
      if (!n) continue;
      let leaf = true;
      for (let cc = n.rect.left; cc <= n.rect.right && leaf; cc++) if (below(i - 1, cc)) leaf = false;
      if (!leaf) continue;
      n.rect = { ...n.rect, bottom: Math.max(n.rect.bottom, rows[i]!) };
      at[i]![c - left] = n;
    }
  }

  // 4. the tree: a node's parent is the node covering the cell just above its top-left
  const nodes = new Set<HeaderNode>();
  for (const row of at) for (const n of row) if (n) nodes.add(n);
  const roots: HeaderNode[] = [];
  for (const n of nodes) {
    const i = rows.indexOf(n.rect.top);
    const p = i > 0 ? at[i - 1]![n.rect.left - left] : null;
    if (p && p !== n) {
      n.parent = p;
      p.children.push(n);
    } else roots.push(n);
  }
  const byLeft = (a: HeaderNode, b: HeaderNode): number => a.rect.left - b.rect.left;
  roots.sort(byLeft);
  for (const n of nodes) n.children.sort(byLeft);
  return { at, rows, left, right, roots };
}

/** Header cells over column c, top to bottom, each once. */
export function pathOf(band: HeaderBand, c: number): HeaderNode[] {
  const out: HeaderNode[] = [];
  for (const row of band.at) {
    const n = row[c - band.left];
    if (n && out[out.length - 1] !== n) out.push(n);
  }
  return out;
}
