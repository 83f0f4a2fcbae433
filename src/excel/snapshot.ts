/**
 * Reading the open workbook into the engine's snapshot through Office.js — the same snapshot the CLI builds
 * with ExcelJS. Two `context.sync()` calls for a whole workbook that fits in one response: the first lists the
 * sheets, the second reads every sheet's used range (values, formulas, number formats, value types) and merged
 * areas at once. When a response would pass Excel on the web's payload limit (about 5 MB), Excel refuses it and
 * the reader falls back to reading each used range in row chunks, one chunk request per sync.
 */
import { canonicalWorkbook, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { cellA1 } from '../core/a1';
import { supports, usedRange } from './api';

/** Cells in the first request of the chunked fallback; later chunks are sized by the bytes the first ones took. */
export const CHUNK_CELLS = 25000;
/** What a chunk aims at, in bytes of the response: half of Excel on the web's limit of about 5 MB (UTF-8, so a
 *  Chinese character counts three). A chunk still refused is halved. */
export const CHUNK_BYTES = 2 * 1024 * 1024;

/** Bytes a chunk's arrays take as JSON in UTF-8 (an estimate of the response Excel builds). */
function utf8Bytes(x: unknown): number {
  const s = JSON.stringify(x);
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

interface SheetInfo {
  name: string;
  hidden: boolean;
}

type Arrays = { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][]; valueTypes: string[][] };

function cellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

function toSheet(info: SheetInfo, rowIndex: number, columnIndex: number, a: Arrays, merges: string[]): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let i = 0; i < a.values.length; i++) {
    const vr = a.values[i]!;
    values.push(vr.map((v, j) => cellValue(v, a.valueTypes[i]?.[j])));
    formulas.push(vr.map((_, j) => {
      const f = a.formulas[i]?.[j];
      return typeof f === 'string' && f.startsWith('=') ? f : null;
    }));
    numberFormats.push(vr.map((_, j) => {
      const f = a.numberFormat[i]?.[j];
      return typeof f === 'string' && f !== 'General' ? f : null;
    }));
  }
  return { name: info.name, top: rowIndex, left: columnIndex, values, formulas, numberFormats, merges, hidden: info.hidden };
}

/** "Sheet1!A1:B2, 'My sheet'!C3" → ["A1:B2", "C3"] */
export function splitAreas(address: string): string[] {
  return address
    .split(',')
    .map((a) => a.trim().replace(/^.*!/, '').replace(/\$/g, ''))
    .filter((a) => a.length > 0)
    .map((a) => (a.includes(':') ? a : `${a}:${a}`));
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|payload/i.test(`${code} ${msg}`);
}

interface QueuedRead {
  used: Excel.Range;
  /** after the sync: is the sheet blank? */
  blank: () => boolean;
  merged: Excel.RangeAreas | null;
}

/** Queue the read of a sheet's used range: its values, formulas, formats and types, or (`extent`) only its size. */
function queueUsed(ws: Excel.Worksheet, extent: boolean, withMerges: boolean): QueuedRead {
  const { range: used, blank } = usedRange(ws, extent ? 'rowIndex,columnIndex,rowCount,columnCount' : 'rowIndex,columnIndex,values,formulas,numberFormat,valueTypes');
  const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return { used, blank, merged };
}

/** A sheet from a read that loaded everything (after the sync). */
function sheetFrom(info: SheetInfo, read: QueuedRead): SheetSnapshot {
  const { used, merged } = read;
  if (read.blank()) return { name: info.name, top: 0, left: 0, values: [], merges: [], hidden: info.hidden };
  const merges = merged && !merged.isNullObject ? splitAreas(merged.address) : [];
  return toSheet(info, used.rowIndex, used.columnIndex, used as unknown as Arrays, merges);
}

export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  const infos: SheetInfo[] = sheets.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== 'Visible' }));
  const withMerges = supports('ExcelApi', '1.13');

  // one request for every sheet
  try {
    const reads = sheets.items.map((ws) => queueUsed(ws, false, withMerges));
    await context.sync();
    return canonicalWorkbook({ sheets: reads.map((read, i) => sheetFrom(infos[i]!, read)) });
  } catch (e) {
    if (!isPayloadError(e) && !(withMerges && isMergeLimit(e))) throw e;
    if (!isPayloadError(e)) {
      // a sheet with more than 512 merged areas: everything again without merges, then the merges sheet by sheet
      const reads = sheets.items.map((ws) => queueUsed(ws, false, false));
      await context.sync();
      const out = reads.map((read, i) => sheetFrom(infos[i]!, read));
      for (let i = 0; i < out.length; i++) {
        if (!reads[i]!.blank()) await fillMerges(context, sheets.items[i]!, out[i]!);
      }
      return canonicalWorkbook({ sheets: out });
    }
  }
  return readChunked(context, infos, withMerges);
}

/** Excel refuses getMergedAreasOrNullObject on a range with more than 512 merged areas. */
function isMergeLimit(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code === 'InvalidOperation' || code === 'GeneralException' || /merge/i.test(e instanceof Error ? e.message : String(e));
}

/**
 * The merged areas of a sheet read on their own: the whole used range, else row bands halved until Excel answers
 * (a merged area across a band's edge is returned by both bands, and kept once). A row with more than 512 merged
 * areas cannot be read at all: the sheet is then read without merges, and says so (`mergesUnread`).
 */
async function fillMerges(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: SheetSnapshot): Promise<void> {
  const rows = sheet.values.length;
  const width = Math.max(1, ...sheet.values.map((r) => r.length));
  const found = new Set<string>();
  const bands: Array<[number, number]> = [[0, rows]];
  while (bands.length) {
    const [from, count] = bands.shift()!;
    const areas = ws.getRangeByIndexes(sheet.top + from, sheet.left, count, width).getMergedAreasOrNullObject();
    areas.load('address');
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per band is the point
      await context.sync();
      if (!areas.isNullObject) for (const a of splitAreas(areas.address)) found.add(a);
    } catch (e) {
      if (!isMergeLimit(e)) throw e;
      if (count === 1) {
        sheet.merges = [];
        sheet.mergesUnread = true;
        return;
      }
      const half = Math.ceil(count / 2);
      bands.unshift([from, half], [from + half, count - half]);
    }
  }
  sheet.merges = [...found];
}

/** The fallback for workbooks too large for one response: extents first, then row chunks. */
async function readChunked(context: Excel.RequestContext, infos: SheetInfo[], withMerges: boolean): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  const extents = infos.map((info) => {
    const ws = sheets.getItem(info.name);
    return { ws, ...queueUsed(ws, true, withMerges) };
  });
  await context.sync();
  const out: SheetSnapshot[] = [];
  for (let i = 0; i < infos.length; i++) {
    const { ws, used, merged, blank } = extents[i]!;
    if (blank()) {
      out.push({ name: infos[i]!.name, top: 0, left: 0, values: [], merges: [], hidden: infos[i]!.hidden });
      continue;
    }
    let rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, used.columnCount)));
    const all: Arrays = { values: [], formulas: [], numberFormat: [], valueTypes: [] };
    for (let r = 0; r < used.rowCount;) {
      const rows = Math.min(rowsPerChunk, used.rowCount - r);
      // by its address (ExcelApi 1.1), not getRangeByIndexes (1.7)
      const chunk = ws.getRange(`${cellA1(used.rowIndex + r, used.columnIndex)}:${cellA1(used.rowIndex + r + rows - 1, used.columnIndex + used.columnCount - 1)}`);
      chunk.load('values,formulas,numberFormat,valueTypes');
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per chunk is the point
        await context.sync();
      } catch (e) {
        // still too large (long Chinese texts): half the rows, down to one
        if (!isPayloadError(e) || rows === 1) throw e;
        rowsPerChunk = Math.max(1, Math.floor(rows / 2));
        continue;
      }
      all.values.push(...chunk.values);
      all.formulas.push(...chunk.formulas);
      all.numberFormat.push(...chunk.numberFormat);
      all.valueTypes.push(...(chunk.valueTypes as string[][]));
      // the next chunk sized by the bytes this one took
      const bytes = utf8Bytes([chunk.values, chunk.formulas, chunk.numberFormat, chunk.valueTypes]);
      rowsPerChunk = Math.max(1, Math.floor((CHUNK_BYTES * rows) / Math.max(1, bytes)));
      r += rows;
    }
    const merges = merged && !merged.isNullObject ? splitAreas(merged.address) : [];
    out.push(toSheet(infos[i]!, used.rowIndex, used.columnIndex, all, merges));
  }
  return canonicalWorkbook({ sheets: out });
}

/** Read some sheets again (by name or id), in one sync: what live checking does after an edit. */
export async function readSheets(context: Excel.RequestContext, sheets: string[]): Promise<SheetSnapshot[]> {
  const withMerges = supports('ExcelApi', '1.13');
  const queue = (merges: boolean) => sheets.map((id) => {
    const ws = context.workbook.worksheets.getItem(id);
    ws.load('name,visibility');
    return { ws, read: queueUsed(ws, false, merges) };
  });
  let reads = queue(withMerges);
  let refill = false;
  try {
    await context.sync();
  } catch (e) {
    if (!withMerges || !isMergeLimit(e)) throw e;
    reads = queue(false);
    await context.sync();
    refill = true;
  }
  const out = reads.map(({ ws, read }) => sheetFrom({ name: ws.name, hidden: ws.visibility !== 'Visible' }, read));
  if (refill) for (let i = 0; i < out.length; i++) if (!reads[i]!.read.blank()) await fillMerges(context, reads[i]!.ws, out[i]!);
  return canonicalWorkbook({ sheets: out }).sheets;
}
