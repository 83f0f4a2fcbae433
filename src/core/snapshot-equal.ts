/**
 * Whether two readings of a sheet hold the same: what the engine reads (values, formulas, number formats, indents,
 * merged areas, position, visibility). Live checking reads a sheet again after an event; when it holds what it held,
 * the check would give the same report, and is not run (a recalculation that changed nothing, a value typed over
 * itself, a fill or a column width changed).
 */
import { CellValue, SheetSnapshot, SPARSE_ROW, WorkbookSnapshot } from './snapshot';

const sameValue = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' && typeof b === 'object') return a.error === b.error;
  return false;
};

function sameGrid<T>(a: readonly (readonly T[] | undefined)[] | undefined, b: readonly (readonly T[] | undefined)[] | undefined, eq: (x: T | undefined, y: T | undefined) => boolean): boolean {
  if (a === b) return true;
  if (!a || !b) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.length !== y.length) return false;
    if (x.length <= SPARSE_ROW.minWidth) {
      for (let j = 0; j < x.length; j++) if (!eq(x[j], y[j])) return false;
      continue;
    }
    // a wide row may be sparse: compared by the entries either holds
    for (const j in x) if (!eq(x[j as unknown as number], y[j as unknown as number])) return false;
    for (const j in y) if (!(j in x) && !eq(undefined, y[j as unknown as number])) return false;
  }
  return true;
}

const plain = <T>(x: T | undefined, y: T | undefined): boolean => (x ?? null) === (y ?? null);

export function sameSheet(a: SheetSnapshot, b: SheetSnapshot): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.top !== b.top || a.left !== b.left || !!a.hidden !== !!b.hidden || !!a.report !== !!b.report) return false;
  if (a.unreadable !== b.unreadable || !!a.mergesUnread !== !!b.mergesUnread) return false;
  const m1 = a.merges ?? [];
  const m2 = b.merges ?? [];
  if (m1.length !== m2.length || m1.some((m, i) => m !== m2[i])) return false;
  const u1 = a.uncomputed ?? [];
  const u2 = b.uncomputed ?? [];
  if (u1.length !== u2.length || u1.some((m, i) => m !== u2[i])) return false;
  return sameGrid(a.values, b.values, sameValue) && sameGrid(a.formulas, b.formulas, plain)
    && sameGrid(a.numberFormats, b.numberFormats, plain) && sameGrid(a.indents, b.indents, plain);
}

/** Whether a workbook read again whole holds what it held, sheet by sheet in order. */
export function sameWorkbook(a: WorkbookSnapshot, b: WorkbookSnapshot): boolean {
  return a.sheets.length === b.sheets.length && a.sheets.every((s, i) => sameSheet(s, b.sheets[i]!));
}

/**
 * Sheets read again (`fresh`, each a sheet of `last` by name) merged into the reading before: null when each holds
 * what it held (the report would be the same); else the workbook with the changed sheets in their places — every
 * other sheet the very object it was, which the engine's GridCache reuses — and the changed sheets' names.
 */
export function mergeSheets(last: WorkbookSnapshot, fresh: readonly SheetSnapshot[]): { workbook: WorkbookSnapshot; changed: string[] } | null {
  const changed = fresh.filter((s) => {
    const before = last.sheets.find((x) => x.name === s.name);
    return !before || !sameSheet(s, before);
  });
  if (!changed.length) return null;
  const byName = new Map(changed.map((s) => [s.name, s]));
  return { workbook: { sheets: last.sheets.map((s) => byName.get(s.name) ?? s) }, changed: changed.map((s) => s.name) };
}
