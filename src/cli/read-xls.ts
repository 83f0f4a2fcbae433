/**
 * Reading the old binary workbooks — Excel 97–2003 .xls (BIFF8) and WPS's .et, which keeps the same BIFF
 * records in the same OLE container — into the snapshot the core checks, with SheetJS (`@e965/xlsx`, the SheetJS
 * build published on the npm registry). What the file is, is read from its bytes, never from its name:
 *  - an OLE container with a Workbook (or Book) stream: BIFF, read by SheetJS;
 *  - an OLE container with EncryptionInfo: a password-protected workbook (Office encrypts an .xlsx into one);
 *  - an OLE container with a WordDocument stream: a Word .doc named .xls;
 *  - a zip: an .xlsx saved with the old extension, read by the .xlsx reader;
 *  - text opening with "<": a workbook another system exported as an HTML table or SpreadsheetML 2003 (many
 *    finance systems export .xls this way), read by SheetJS;
 *  - anything else is refused (SheetJS would read any text as CSV: a misreading, never "no problems").
 * The limits are the .xlsx reader's: the file's size, 1,000 sheets, 500,000 cells, 32,767 characters a cell;
 * the time is bounded by the worker that runs the read (src/cli/isolate.ts).
 */
import { promises as fs } from 'fs';
import type * as SheetJs from '@e965/xlsx';
import { canonicalWorkbook, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { resolvePath } from './files';
import { ReadError } from './read-error';
import { CELL_LIMITS, readXlsx } from './read-xlsx';
import { ZIP_LIMITS } from './zip';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** BIFF error codes, as Excel shows them. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** SheetJS (8 MB of script) is loaded when an .xls or .et is first read, not with every worker that checks files. */
let sheetJs: typeof SheetJs | undefined;
function xlsx(): typeof SheetJs {
  sheetJs ??= require('@e965/xlsx') as typeof SheetJs;
  return sheetJs;
}

export async function readXls(shown: string): Promise<WorkbookSnapshot> {
  const file = resolvePath(shown);
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new ReadError('notFile');
    if (!stat.isFile()) throw new ReadError('notRegular');
    if (stat.size > ZIP_LIMITS.fileBytes) throw new ReadError('tooLarge', { what: MB(stat.size), limit: MB(ZIP_LIMITS.fileBytes) });
    if (stat.size === 0) throw new ReadError('empty');
    bytes = await fs.readFile(file);
  } catch (e) {
    throw e instanceof ReadError ? e : ReadError.fromSystem(e);
  }
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(shown);
  if (bytes.subarray(0, 8).equals(OLE)) return readBiff(bytes);
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return fromSheetJs(parse(bytes, 'html'));
  throw new ReadError('corrupt', {
    reason: '文件内容既不是 Excel 97–2003 / WPS 表格（OLE），也不是 .xlsx 或网页表格',
    'reason.en': 'its content is neither an Excel 97–2003 / WPS workbook (OLE), an .xlsx, nor an HTML table',
  });
}

function readBiff(bytes: Buffer): WorkbookSnapshot {
  let streams: string[];
  try {
    const cfb = xlsx().CFB.read(bytes, { type: 'buffer' });
    streams = cfb.FullPaths.map((p: string) => p.replace(/\/$/, '').split('/').pop()!.toLowerCase());
  } catch (e) {
    throw new ReadError('corrupt', { reason: `OLE: ${String((e as Error).message).slice(0, 120)}` });
  }
  if (streams.includes('encryptioninfo')) throw new ReadError('oleOrEncrypted');
  if (streams.includes('worddocument')) {
    throw new ReadError('corrupt', {
      reason: '这是 Word 文档（.doc），不是工作簿',
      'reason.en': 'this is a Word document (.doc), not a workbook',
    });
  }
  if (!streams.includes('workbook') && !streams.includes('book')) throw new ReadError('noWorkbook');
  return fromSheetJs(parse(bytes, 'biff'));
}

function parse(bytes: Buffer, kind: 'biff' | 'html'): SheetJs.WorkBook {
  try {
    return xlsx().read(bytes, { type: 'buffer', cellFormula: true, cellNF: true, cellDates: false, dense: true, WTF: false });
  } catch (e) {
    const reason = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(reason)) throw new ReadError('oleOrEncrypted');
    throw new ReadError('corrupt', { reason: `${kind === 'biff' ? 'BIFF' : 'HTML'}: ${reason.slice(0, 160)}` });
  }
}

/** A dense SheetJS sheet's cells, in rows. */
type DenseSheet = SheetJs.WorkSheet & { '!data'?: (SheetJs.CellObject | undefined)[][] };

function fromSheetJs(wb: SheetJs.WorkBook): WorkbookSnapshot {
  if (wb.SheetNames.length > CELL_LIMITS.sheets) throw new ReadError('tooManySheets', { count: wb.SheetNames.length, limit: CELL_LIMITS.sheets });
  let cells = 0;
  const sheets: SheetSnapshot[] = wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name] as DenseSheet | undefined;
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const data = ws?.['!data'] ?? [];
    data.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        const v = valueOf(cell);
        const f = typeof cell.f === 'string' && cell.f ? `=${cell.f}` : null;
        if (v === null && !f) return;
        if (++cells > CELL_LIMITS.cells) throw new ReadError('tooManyCells', { limit: CELL_LIMITS.cells.toLocaleString('en-US') });
        // filled cell by cell, never at the row's width (see read-xlsx.ts: a far cell costs one entry)
        (values[r] ??= [])[c] = v;
        (formulas[r] ??= [])[c] = f;
        const z = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : null;
        (numberFormats[r] ??= [])[c] = z;
      });
    });
    for (let r = 0; r < values.length; r++) {
      values[r] ??= [];
      formulas[r] ??= [];
      numberFormats[r] ??= [];
    }
    const merges = (ws?.['!merges'] ?? []).slice(0, CELL_LIMITS.merges).map((m) => xlsx().utils.encode_range(m));
    return { name, top: 0, left: 0, values, formulas, numberFormats, merges, hidden };
  });
  if (!sheets.length) throw new ReadError('noWorkbook');
  return canonicalWorkbook({ sheets });
}

function valueOf(cell: SheetJs.CellObject): CellValue {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's': {
      const s = typeof cell.v === 'string' ? cell.v.slice(0, CELL_LIMITS.textChars) : '';
      return s === '' ? null : s;
    }
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return { error: typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : ERRORS[cell.v as number] ?? '#VALUE!' };
    case 'd':
      // dates are read as serial numbers (cellDates: false); a 'd' cell would come from an HTML table's text
      return cell.w ?? String(cell.v);
    default:
      return null;
  }
}
