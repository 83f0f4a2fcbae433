/**
 * Reading an .xlsx file into the engine's snapshot with ExcelJS, the same snapshot the add-in builds with
 * Office.js: the used range's values (a merged area's value on its top-left cell only), formulas, number
 * formats (null for General) and merged areas.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { cellA1 } from '../core/a1';
import { canonicalWorkbook, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';

/** Why a file cannot be read, in words for a person. */
export class UnreadableFile extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Worksheet parts the check never needs: skipping them reads faster and avoids ExcelJS's parse failures on
 *  unusual data validations or conditional formats in real workbooks. (Hyperlinked cells keep their text.) */
const IGNORED = ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'picture', 'drawing', 'extLst', 'tableParts',
  'headerFooter', 'pageSetup', 'printOptions', 'pageMargins', 'rowBreaks', 'autoFilter', 'sheetProtection'];
const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export async function readXlsx(path: string): Promise<WorkbookSnapshot> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch (e) {
    throw new UnreadableFile(`无法打开文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (buf.subarray(0, 8).equals(OLE)) {
    throw new UnreadableFile('文件已加密，或是旧版 .xls 格式：请取消密码保护并另存为 .xlsx 后再校验');
  }
  if (!buf.subarray(0, 4).equals(ZIP)) throw new UnreadableFile('不是 .xlsx 文件（文件内容不是 Office Open XML 压缩包）');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: IGNORED });
  } catch (e) {
    throw new UnreadableFile(`文件已损坏或无法解析：${(e as Error).message}`);
  }
  // a zip with no workbook in it (no xl/workbook.xml, no sheets, another program's archive) is no workbook: an
  // error of its own, never "no problems found"
  if (!wb.worksheets.length) throw new UnreadableFile('不是可读的 Excel 工作簿：文件中没有工作表（可能已损坏，或是其他程序的压缩包）；请用 Excel 打开确认后另存为 .xlsx');
  return snapshotOf(wb);
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  return canonicalWorkbook({ sheets: wb.worksheets.map((ws) => sheetOf(ws, date1904)) });
}

interface RawCell {
  r: number;
  c: number;
  v: CellValue;
  f: string | null;
  fmt: string | null;
  indent: number;
}

function valueOf(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return (v.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((t) => t.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return valueOf(o.result, date1904);
    if ('text' in o) return valueOf(o.text, date1904);
  }
  return null;
}

function sheetOf(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const cells: RawCell[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      // cell.value drops a formula's cached result when it is 0 or ""; cell.result keeps it
      const v = valueOf(isFormula ? cell.result : cell.value, date1904);
      const formula = isFormula ? cell.formula : undefined;
      const f = formula ? `=${formula}` : null;
      const numFmt = cell.numFmt;
      const fmt = numFmt && numFmt !== 'General' ? numFmt : null;
      if (v === null && !f) return;
      const indent = typeof v === 'string' ? cell.alignment?.indent ?? 0 : 0;
      cells.push({ r, c, v, f, fmt, indent });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
    });
  });
  const merges: string[] = [];
  const raw = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  for (const m of Object.values(raw)) {
    if (!m) continue;
    const { top: t, left: l, bottom: b, right: rt } = m.model;
    merges.push(`${cellA1(t - 1, l - 1)}:${cellA1(b - 1, rt - 1)}`);
    top = Math.min(top, t - 1);
    left = Math.min(left, l - 1);
    bottom = Math.max(bottom, b - 1);
  }
  const hidden = ws.state !== 'visible';
  if (bottom < 0) return { name: ws.name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges, hidden };
  // rows are only as long as their last cell: a stray value far right or far down costs one short row, not a
  // dense rectangle of empty cells
  const h = bottom - top + 1;
  const widths = new Array<number>(h).fill(0);
  for (const cell of cells) widths[cell.r - top] = Math.max(widths[cell.r - top]!, cell.c - left + 1);
  const values: CellValue[][] = widths.map((w) => new Array<CellValue>(w).fill(null));
  const formulas: (string | null)[][] = widths.map((w) => new Array<string | null>(w).fill(null));
  const numberFormats: (string | null)[][] = widths.map((w) => new Array<string | null>(w).fill(null));
  let indents: (number | null)[][] | undefined;
  for (const cell of cells) {
    values[cell.r - top]![cell.c - left] = cell.v;
    formulas[cell.r - top]![cell.c - left] = cell.f;
    numberFormats[cell.r - top]![cell.c - left] = cell.fmt;
    if (cell.indent > 0) {
      // labels indented with Excel's 增加缩进量 rather than spaces: the rows' breakdown reads them
      indents ??= widths.map((w) => new Array<number | null>(w).fill(null));
      indents[cell.r - top]![cell.c - left] = cell.indent;
    }
  }
  return { name: ws.name, top, left, values, formulas, numberFormats, merges, hidden, ...(indents ? { indents } : {}) };
}
