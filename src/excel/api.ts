/**
 * Which Excel API sets the host offers. The manifest requires ExcelApi 1.1 (Excel 2016), all that reading and
 * checking a workbook needs; everything newer is asked for here, at run time, and used where present (the
 * docs/excel-addin.md's API table says what each level gets):
 * - 1.2 sheet protection (below: a write to a protected sheet fails the request, as it always did);
 * - 1.4 workbook settings and `*OrNullObject` lookups (below: Office.context.document.settings, the Common API,
 *   and the sheets listed by name);
 * - 1.7 sheet events, so live checking (1.8 onCalculated, 1.9 the collection's onChanged);
 * - 1.9 fill patterns and tints (below: a mark's fill is restored by its colour, a white cell as no fill);
 * - 1.10 comments, 1.13 merged areas, 1.14 event trigger sources, 1.18 notes and several areas selected at once.
 * Office.js throws at the very reading of a member above the host's level, so a member is touched only after
 * its set was asked for.
 */
export function supports(set: 'ExcelApi', version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

export const FEATURES = {
  protection: (): boolean => supports('ExcelApi', '1.2'),
  settings: (): boolean => supports('ExcelApi', '1.4'),
  nullObjects: (): boolean => supports('ExcelApi', '1.4'),
  events: (): boolean => supports('ExcelApi', '1.7'),
  fillPattern: (): boolean => supports('ExcelApi', '1.9'),
  comments: (): boolean => supports('ExcelApi', '1.10'),
  mergedAreas: (): boolean => supports('ExcelApi', '1.13'),
  triggerSource: (): boolean => supports('ExcelApi', '1.14'),
  notes: (): boolean => supports('ExcelApi', '1.18'),
  multiSelect: (): boolean => supports('ExcelApi', '1.18'),
};

/** The used range of a sheet, or null for a blank one, after the sync. */
export interface UsedRange {
  range: Excel.Range;
  /** after the sync: is the sheet blank? */
  blank: () => boolean;
}

/**
 * A sheet's used range (values only where the host can tell, 1.2): `getUsedRangeOrNullObject` from ExcelApi 1.4;
 * below, `getUsedRange`, which gives a blank sheet's top left cell — blank when that one cell is empty.
 * Below 1.4 a blank sheet is told only where `load` has 'values'.
 */
export function usedRange(ws: Excel.Worksheet, load: string): UsedRange {
  if (FEATURES.nullObjects()) {
    const range = ws.getUsedRangeOrNullObject(true);
    // eslint-disable-next-line office-addins/no-empty-load -- the properties are the caller's
    range.load(load);
    return { range, blank: () => isNull(range) };
  }
  const range = ws.getUsedRange();
  // without the values (a read of the extent only) a blank sheet is its one empty cell, read as such
  const withValues = load.split(',').includes('values');
  // eslint-disable-next-line office-addins/no-empty-load -- the properties are the caller's
  range.load(withValues ? `${load},address` : load);
  return { range, blank: () => withValues && isEmptyCell(range) };
}

/** After the sync: a null object? */
function isNull(r: { isNullObject: boolean }): boolean {
  return r.isNullObject;
}

/** After the sync: one cell, empty (what getUsedRange gives for a blank sheet)? */
function isEmptyCell(r: { address: string; values: unknown[][] }): boolean {
  const v = r.values;
  return !/:/.test(r.address) && v.length === 1 && v[0]!.length === 1 && (v[0]![0] === '' || v[0]![0] === null);
}

/**
 * The document settings, read and written through Workbook.settings from ExcelApi 1.4, else through
 * Office.context.document.settings (the Common API: the same store, kept by saveAsync).
 */
export function commonSettings(): Office.Settings {
  return Office.context.document.settings;
}

export function saveCommonSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    commonSettings().saveAsync((r) => (String(r.status) === 'failed' ? reject(r.error ?? new Error('settings not saved')) : resolve()));
  });
}

/** One setting's value, or undefined where there is none. */
export async function readSetting(context: Excel.RequestContext, key: string): Promise<unknown> {
  if (!FEATURES.settings()) {
    const v = commonSettings().get(key) as unknown;
    return v === null ? undefined : v;
  }
  const s = context.workbook.settings.getItemOrNullObject(key);
  s.load('value');
  await context.sync();
  return s.isNullObject ? undefined : (s.value as unknown);
}
