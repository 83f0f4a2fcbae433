/** Reading a workbook snapshot into the engine's model. Never throws: what cannot be read becomes a note. */
import { sheetRef } from '../a1';
import { ToleranceOptions } from '../arith';
import { Grid, GridCache } from '../grid';
import { WorkbookSnapshot } from '../snapshot';
import { columnBands, sliceSheet } from './bands';
import { findClaims } from './claims';
import { findConsolidations } from './consolidation';
import { findFormLines, tableBudgetLines } from './derived';
import { findKeyValues } from './keyvalue';
import { FormLine, KeyValue, Profile, ProjectTable, ScoreTable, Table, WorkbookModel } from './model';
import { findProjectTables } from './project';
import { findScoreTables } from './score';
import { findTables } from './tables';
import { splitTwoSided } from './two-sided';

/** `cache`: grids kept from an earlier check of the same workbook (GridCache); without one every sheet is read anew. */
export function recognize(snapshot: WorkbookSnapshot, tol: ToleranceOptions, cache?: GridCache): WorkbookModel {
  const model: WorkbookModel = { grids: [], tables: [], scoreTables: [], profiles: [], notes: [], projects: [], budgetLines: [], formLines: [], consolidations: [], claims: [] };
  let id = 0;
  const nextId = (): number => id++;
  const grades: Array<{ grid: Grid; kv: KeyValue }> = [];
  const overalls: Array<{ grid: Grid; kv: KeyValue }> = [];
  for (const sheet of snapshot?.sheets ?? []) {
    const name = typeof sheet?.name === 'string' ? sheet.name : '?';
    if (sheet?.unreadable) {
      model.notes.push({ kind: 'unreadable-sheet', sheet: name, text: sheet.unreadable });
      continue;
    }
    try {
      if (!Array.isArray(sheet.values)) throw new Error('no cell values');
      const grid = cache ? cache.grid(sheet) : new Grid(sheet);
      model.grids.push(grid);
      // one note a sheet, however many areas were set aside (a hostile file can list thousands)
      const bad = grid.badMerges;
      if (bad.length) model.notes.push({ kind: 'bad-merge', sheet: name, text: bad.slice(0, 3).join(', '), count: bad.length });
      if (grid.tooManyMerges) model.notes.push({ kind: 'merges-too-many', sheet: name, text: '', count: sheet.merges?.length ?? 0 });
      if (sheet.mergesUnread) model.notes.push({ kind: 'merges-unread', sheet: name, text: '' });
      if (grid.rowCount === 0) continue;
      const consumed = new Set<number>();
      model.projects.push(...findProjectTables(grid, nextId, consumed));
      const scores = findScoreTables(grid, nextId, consumed);
      model.scoreTables.push(...scores);
      const kv = findKeyValues(grid);
      const quota = kv.staffQuota.find((k) => k.num);
      const actual = kv.staffActual.find((k) => k.num);
      if (quota || actual) {
        const cells = [quota, actual].filter((k): k is KeyValue => !!k).flatMap((k) => [k.cell, k.valueCell]);
        model.profiles.push({
          sheet: name, grid,
          rect: {
            top: Math.min(...cells.map((c) => c.row)), left: Math.min(...cells.map((c) => c.col)),
            bottom: Math.max(...cells.map((c) => c.row)), right: Math.max(...cells.map((c) => c.col)),
          },
          staffQuota: quota, staffActual: actual,
        } satisfies Profile);
        for (const c of cells) consumed.add(c.row);
      }
      for (const g of kv.grade) if (g.text) grades.push({ grid, kv: g });
      for (const o of kv.overall) if (o.num) overalls.push({ grid, kv: o });
      model.formLines.push(...findFormLines(grid, consumed, nextId));
      const bands = columnBands(grid).flatMap((b) => splitTwoSided(grid, b));
      if (bands.length === 1) model.tables.push(...findTables(grid, { nextId, consumed, notes: model.notes, tol }));
      else for (const b of bands) model.tables.push(...findTables(new Grid(sliceSheet(sheet, b), grid), { nextId, consumed: new Set(consumed), notes: model.notes, tol, side: b.side }));
    } catch (e) {
      model.notes.push({ kind: 'unreadable-sheet', sheet: name, text: e instanceof Error ? e.message : String(e) });
    }
  }
  // after every sheet: unit sheets of one layout learn their units, and a 汇总 sheet over them is confirmed
  model.consolidations = findConsolidations(model.tables, model.notes, tol);
  model.budgetLines = [...model.tables.flatMap(tableBudgetLines), ...model.formLines];
  // figures stated in sentences (a Word report's paragraphs, a workbook's prose cells)
  try {
    model.claims = findClaims(model.grids);
  } catch (e) {
    model.notes.push({ kind: 'unreadable-sheet', sheet: '正文', text: e instanceof Error ? e.message : String(e) });
  }
  // a 等次 cell within a few rows below a project table is that project's
  for (const p of model.projects) {
    const g = grades.find((x) => x.grid === p.grid && x.kv.cell.row > p.rect.top && x.kv.cell.row <= p.rect.bottom + 3);
    if (g) {
      p.grade = g.kv;
      grades.splice(grades.indexOf(g), 1);
    }
  }
  // the 评价等次 and 综合得分 cells belong to the 评分表 on their sheet, else to the only one
  for (const st of model.scoreTables) {
    const near = <T extends { grid: Grid; kv: KeyValue }>(list: T[]): KeyValue | undefined =>
      (list.find((g) => g.grid === st.grid) ?? (model.scoreTables.length === 1 ? list[0] : undefined))?.kv;
    st.grade = near(grades);
    st.overall = near(overalls);
  }
  return model;
}

export function tableRange(t: Table | ScoreTable | Profile | ProjectTable | FormLine): string {
  if ('cells' in t) return sheetRef(t.grid.name, t.rect);
  return sheetRef(t.sheet, t.rect);
}
