/**
 * Reading a Word report (.docx) into the same snapshot the workbook checks use (../core/snapshot.ts), so that
 * every rule — the table rules and the rules that read sentences — runs on the report as it runs on a workbook:
 *
 * - a sheet `正文` with one row per paragraph of the body outside tables, in document order, its whole text in
 *   column A: `正文!A12` is the 12th paragraph. Every `w:p` is counted, blank ones too (an empty row), so the
 *   numbering is the document's own and does not shift when a blank line is added or removed elsewhere;
 * - one sheet per table of the body, in document order, `表1`, `表2` …: columns from `w:tblGrid`, rows from
 *   `w:tr`; `w:gridBefore` / `w:gridAfter` leave their grid columns empty; `w:gridSpan` and `w:vMerge`
 *   (restart / continue) are merged areas addressed by their top-left cell ("B3:C3"), whose text is the
 *   top-left cell's; a cell's text is its paragraphs joined by "\n". A table cell that is a plain number as
 *   people type it ("6184.7", "15.70", "1,234.56", "94.78%") is that number, with the format that shows it as
 *   written where the number alone would not ("0.00", "#,##0.00", "0.00%"), as Excel would hold it: the checks compare it at the decimals shown, and the
 *   note for numbers stored as text (whose advice is about Excel's SUM) is not said of every Word table. Anything
 *   else stays text as Word holds it ("16.56万元", "≥94.78%", "0812", a 19-digit number): the core reads it.
 *
 * Decisions (said here once):
 * - Nested tables are not tables of their own: their paragraphs are lines of the outer cell's text, in order.
 * - Text boxes (`w:txbxContent`) in the body are paragraphs of 正文 of their own, numbered right after the
 *   paragraph that anchors them (their `w:p` are counted like any other); in a table cell they are lines of the
 *   cell. Of an `mc:AlternateContent`, only the first choice is read (Word writes a text box twice: as DrawingML
 *   in `mc:Choice` and as VML in `mc:Fallback`; reading both would say every figure twice).
 * - Tracked changes are read as accepted: `w:ins` and `w:moveTo` kept, `w:del`, `w:delText`, `w:moveFrom` and
 *   deleted table rows dropped (a paragraph whose mark alone is deleted is still a row of its own). Fields: the instructions (`w:instrText`) dropped, the results kept (`w:fldSimple`'s content too).
 *   Content controls (`w:sdt`) are read as their content. `w:tab` is a tab, `w:br` and `w:cr` a line break
 *   ("\n"), `w:sym` its character, `w:noBreakHyphen` a hyphen, `w:softHyphen` nothing.
 * - `w:tblHeader` rows are read once, where they stand: Word repeats them on each page when it prints, the
 *   file holds them once.
 * - Footnotes, endnotes, comments, headers and footers are not body text and are left out (their parts are never
 *   opened), as are pictures and charts.
 *
 * The package is opened by ./zip.ts with the workbook's limits (file size, entries, inflated bytes, CRC, entries
 * that overlap); the XML is parsed as it inflates with saxes, with no DTD and no entities; the limits on cells
 * (paragraphs and table cells count as cells), text length and sheets (tables) are the workbook's.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { SaxesTagPlain } from 'saxes';
import { cellA1 } from '../core/a1';
import { canonicalWorkbook, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { CELL_LIMITS, local, parsePart as parseXmlPart, XmlHandlers } from './read-xlsx';
import { ReadError } from './read-error';
import { resolvePath } from './files';
import { ZipPackage } from './zip';

/** The sheet of paragraphs. */
export const BODY_SHEET = '正文';
/** The sheet of the n-th table (1-based). */
export const tableSheet = (n: number): string => `表${n}`;

/** The limits of a report: the workbook's cells, text and sheets (tables), and paragraphs as cells. */
export const DOCX_LIMITS = {
  cells: CELL_LIMITS.cells,
  textChars: CELL_LIMITS.textChars,
  tables: CELL_LIMITS.sheets,
  /** columns of a table's grid (Word allows 63) */
  columns: 1_000,
};

/** A Word part is parsed as a workbook's (./read-xlsx.ts: its encoding, CDATA, broken XML), a DOCTYPE refused. */
const parsePart = (zip: ZipPackage, part: string, h: XmlHandlers): Promise<void> => parseXmlPart(zip, part, h, { refuseDoctype: true });

/** An attribute by its local name (w:val, under whatever prefix the file chose). */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes;
  if (a[`w:${name}`] !== undefined) return a[`w:${name}`];
  for (const k of Object.keys(a)) if (local(k) === name) return a[k];
  return undefined;
}

/** The main document part named by the package's relationships (word/document.xml by default). */
async function mainPart(zip: ZipPackage): Promise<string> {
  let target: string | undefined;
  if (zip.has('_rels/.rels')) {
    await parsePart(zip, '_rels/.rels', {
      open(name, t) {
        if (name !== 'Relationship' || target) return;
        const type = t.attributes.Type ?? '';
        const to = t.attributes.Target;
        if (to && t.attributes.TargetMode !== 'External' && /\/officeDocument$/.test(type)) {
          target = to.startsWith('/') ? to.slice(1) : path.posix.normalize(to);
        }
      },
      text() {},
      close() {},
    });
  }
  return target && zip.has(target) && /\.xml$/i.test(target) && !/^xl\//i.test(target) ? target : 'word/document.xml';
}

interface Cell {
  lines: string[];
  span: number;
  vMerge: 'none' | 'restart' | 'continue';
}

interface Row {
  before: number;
  after: number;
  cells: Cell[];
  /** a row deleted as a tracked change (w:trPr/w:del): left out, as accepted */
  deleted?: boolean;
}

interface Table {
  grid: number;
  rows: Row[];
}

/** Counts paragraphs and table cells against the workbook's ceiling on cells. */
class Budget {
  used = 0;
  take(): void {
    if (++this.used > DOCX_LIMITS.cells) throw new ReadError('tooManyCells', { limit: DOCX_LIMITS.cells.toLocaleString('en-US') });
  }
}

const cut = (s: string): string => (s.length > DOCX_LIMITS.textChars ? s.slice(0, DOCX_LIMITS.textChars) : s);

/** The Symbol font's characters that figures use, by their code (its digits are ASCII's; its letters are Greek and
 *  are left as the font's private-use characters). */
const SYMBOL_FONT: Record<number, string> = {
  0x20: ' ', 0x25: '%', 0x28: '(', 0x29: ')', 0x2b: '+', 0x2c: ',', 0x2d: '−', 0x2e: '.', 0x2f: '/', 0x3a: ':', 0x3b: ';', 0x3c: '<', 0x3d: '=', 0x3e: '>',
  0xa3: '≤', 0xb0: '°', 0xb1: '±', 0xb3: '≥', 0xb4: '×', 0xb8: '÷', 0xb9: '≠', 0xbb: '≈', 0xd7: '·',
};

/** A `w:sym`'s character: w:char in hex; in the Symbol font a code F020–F0FF (or 20–FF) is its character above,
 *  or a digit. Other symbol fonts' characters (Wingdings' boxes) are kept as they are. */
function symbol(t: SaxesTagPlain): string {
  const code = parseInt(attr(t, 'char') ?? '', 16);
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff) return '';
  if (/^symbol$/i.test(attr(t, 'font') ?? '')) {
    const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
    if (SYMBOL_FONT[low]) return SYMBOL_FONT[low];
    if (low >= 0x30 && low <= 0x39) return String.fromCharCode(low);
  }
  return String.fromCodePoint(code);
}

/** The body's paragraphs and tables, read in one pass over the main part. */
async function readBody(zip: ZipPackage, part: string): Promise<{ paragraphs: string[]; tables: Table[] }> {
  const budget = new Budget();
  const paragraphs: string[] = [];
  const tables: Table[] = [];
  // open paragraphs: in the body, their row in `paragraphs` (a text box's paragraphs nest in their anchor's)
  const openParas: Array<{ row: number; text: string }> = [];
  let table: Table | null = null;
  let tblDepth = 0;
  let cell: Cell | null = null;
  /** the line of the cell being written (a paragraph of the cell, or of a table nested in it) */
  let cellLine: string | null = null;
  let cellParaDepth = 0;
  let inTcPr = false;
  let inTrPr = false;
  let inTblGrid = false;
  // elements whose content is dropped: deletions, field instructions, the fallback of an alternate content,
  // paragraph and run properties (which hold marks, never text)
  let skip = 0;
  let inT = false;
  const altStack: Array<{ chosen: boolean }> = [];

  const write = (s: string): void => {
    if (skip || !s) return;
    if (cell) {
      if (cellLine !== null && cellLine.length < DOCX_LIMITS.textChars) cellLine += s;
    } else {
      const p = openParas[openParas.length - 1];
      if (p && p.text.length < DOCX_LIMITS.textChars) p.text += s;
    }
  };
  // (w:rt is the phonetic guide of w:ruby, above its base text: the base is the text)
  const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'pPr', 'rPr', 'sectPr', 'footnoteReference', 'endnoteReference', 'commentReference', 'rt']);

  await parsePart(zip, part, {
    open(name, t) {
      if (skip) {
        if (SKIPPED.has(name) || name === 'Fallback' || name === 'Choice') skip++;
        return;
      }
      if (inTrPr && name === 'del' && table) {
        const row = table.rows[table.rows.length - 1];
        if (row) row.deleted = true;
      }
      switch (name) {
        case 'AlternateContent':
          altStack.push({ chosen: false });
          return;
        case 'Choice':
        case 'Fallback': {
          const alt = altStack[altStack.length - 1];
          if (!alt || alt.chosen) skip++;
          else alt.chosen = true;
          return;
        }
        case 'tbl':
          tblDepth++;
          if (tblDepth === 1 && !cell) {
            if (tables.length >= DOCX_LIMITS.tables) throw new ReadError('tooManyTables', { count: `${tables.length + 1}+`, limit: DOCX_LIMITS.tables });
            table = { grid: 0, rows: [] };
            tables.push(table);
          }
          return;
        case 'tblGrid':
          if (tblDepth === 1 && table) inTblGrid = true;
          return;
        case 'gridCol':
          if (inTblGrid && table) table.grid++;
          return;
        case 'tr':
          if (tblDepth === 1 && table) table.rows.push({ before: 0, after: 0, cells: [] });
          return;
        case 'trPr':
          if (tblDepth === 1 && table && !cell) inTrPr = true;
          return;
        case 'gridBefore':
        case 'gridAfter': {
          if (!inTrPr || !table) return;
          const row = table.rows[table.rows.length - 1];
          const n = Math.max(0, Math.min(DOCX_LIMITS.columns, Number(attr(t, 'val')) || 0));
          if (row) row[name === 'gridBefore' ? 'before' : 'after'] = n;
          return;
        }
        case 'tc':
          if (tblDepth === 1 && table) {
            const row = table.rows[table.rows.length - 1] ?? (table.rows.push({ before: 0, after: 0, cells: [] }), table.rows[table.rows.length - 1]!);
            cell = { lines: [], span: 1, vMerge: 'none' };
            row.cells.push(cell);
            budget.take();
          }
          return;
        case 'tcPr':
          if (tblDepth === 1 && cell) inTcPr = true;
          return;
        case 'gridSpan':
          if (inTcPr && cell) cell.span = Math.max(1, Math.min(DOCX_LIMITS.columns, Number(attr(t, 'val')) || 1));
          return;
        case 'vMerge':
          if (inTcPr && cell) cell.vMerge = attr(t, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        case 'p':
          if (cell) {
            // a paragraph of the cell, or of a table or text box nested in it: a line of the cell's text
            if (cellParaDepth++ === 0) cellLine = '';
            else {
              cell.lines.push(cellLine ?? '');
              cellLine = '';
            }
          } else if (tblDepth === 0) {
            budget.take();
            paragraphs.push('');
            openParas.push({ row: paragraphs.length - 1, text: '' });
          }
          return;
        case 't':
          inT = true;
          return;
        case 'tab':
        case 'ptab':
          write('\t');
          return;
        case 'br':
        case 'cr':
          write('\n');
          return;
        case 'noBreakHyphen':
          write('-');
          return;
        case 'sym':
          write(symbol(t));
          return;
        default:
          if (SKIPPED.has(name)) skip++;
      }
    },
    text(s) {
      if (inT) write(s);
    },
    close(name) {
      if (skip) {
        if (SKIPPED.has(name) || name === 'Fallback' || name === 'Choice') skip--;
        return;
      }
      switch (name) {
        case 'AlternateContent':
          altStack.pop();
          return;
        case 't':
          inT = false;
          return;
        case 'tblGrid':
          inTblGrid = false;
          return;
        case 'trPr':
          inTrPr = false;
          return;
        case 'tcPr':
          inTcPr = false;
          return;
        case 'p':
          if (cell) {
            if (--cellParaDepth === 0) {
              cell.lines.push(cellLine ?? '');
              cellLine = null;
            } else {
              // back in the enclosing paragraph of the cell: what follows is a line of its own
              cell.lines.push(cellLine ?? '');
              cellLine = '';
            }
          } else if (tblDepth === 0) {
            const p = openParas.pop();
            if (p) paragraphs[p.row] = cut(p.text);
          }
          return;
        case 'tc':
          if (tblDepth === 1 && cell) {
            cell = null;
            cellLine = null;
            cellParaDepth = 0;
          }
          return;
        case 'tbl':
          tblDepth--;
          if (tblDepth === 0 && !cell) table = null;
          return;
        default:
      }
    },
  });
  return { paragraphs, tables };
}

/** A cell's text: its lines joined by "\n", blank lines at its ends dropped. */
function cellText(c: Cell): string {
  const lines = [...c.lines];
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  while (lines.length && !lines[0]!.trim()) lines.shift();
  return cut(lines.join('\n'));
}

/** A plain number in a table cell: digits with optional thousands separators, decimals and a percent sign; no
 *  leading zero (a code or telephone number "0812" stays text) and at most 15 significant digits (Excel's). */
const PLAIN_NUMBER = /^([-+]?)((?:[1-9]\d{0,2}(?:,\d{3})+)|[1-9]\d*|0)(?:\.(\d+))?(%?)$/;

/** A cell's text as the value Excel would hold for it, with the number format that shows it as written. */
export function cellValue(text: string): { v: CellValue; fmt: string | null } {
  if (text === '') return { v: null, fmt: null };
  const m = PLAIN_NUMBER.exec(text.trim());
  if (!m) return { v: text, fmt: null };
  const [, sign, int, dec = '', pct] = m;
  const digits = (int!.replace(/,/g, '') + dec).replace(/^0+/, '');
  if (digits.length > 15) return { v: text, fmt: null };
  const n = Number(`${sign}${int!.replace(/,/g, '')}${dec ? `.${dec}` : ''}`);
  if (!Number.isFinite(n)) return { v: text, fmt: null };
  const places = dec.length ? `.${'0'.repeat(dec.length)}` : '';
  const body = `${int!.includes(',') ? '#,##0' : '0'}${places}`;
  if (pct) return { v: Number((n / 100).toPrecision(15)), fmt: `${body}%` };
  // a number that reads back as written needs no format (General: its own decimals, as the text had them); one
  // whose writing a number loses ("15.70", "1,234") keeps it in a format
  return { v: n, fmt: String(Math.abs(n)) === `${int}${dec ? `.${dec}` : ''}` ? null : body };
}

/** A table on the grid: cells placed by gridBefore and their spans, vertical merges followed down their column. */
export function tableGrid(name: string, t: Table): SheetSnapshot {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const merges: string[] = [];
  // the cell open at each grid column, to be continued down by vMerge: its top row, width and bottom row
  const open = new Map<number, { top: number; span: number; bottom: number }>();
  const closeAt = (col: number): void => {
    const m = open.get(col);
    if (!m) return;
    open.delete(col);
    if (m.bottom > m.top || m.span > 1) merges.push(`${cellA1(m.top, col)}:${cellA1(m.bottom, col + m.span - 1)}`);
  };
  t.rows.filter((row) => !row.deleted).forEach((row, r) => {
    const out: CellValue[] = [];
    const fmts: (string | null)[] = [];
    let col = row.before;
    const starts = new Set<number>();
    for (const c of row.cells) {
      if (col >= DOCX_LIMITS.columns) break;
      const span = Math.min(c.span, DOCX_LIMITS.columns - col);
      starts.add(col);
      const above = open.get(col);
      if (c.vMerge === 'continue' && above && above.span === span && above.bottom === r - 1) {
        above.bottom = r; // its text is the top cell's (Word keeps a continued cell empty)
      } else {
        closeAt(col);
        const { v, fmt } = cellValue(cellText(c));
        out[col] = v;
        fmts[col] = fmt;
        // every cell may be continued below (a "continue" under a cell with no "restart" merges with it, as
        // Word shows it); its area is said when it closes, if it spans more than one grid cell
        open.set(col, { top: r, span, bottom: r });
      }
      // a vertical merge at a column this cell covers but does not start at ends here
      for (let k = col + 1; k < col + span; k++) closeAt(k);
      col += span;
    }
    for (const k of [...open.keys()]) if (!starts.has(k)) closeAt(k);
    // grid cells no cell stands on (gridBefore, gridAfter, a short row) are holes: the snapshot reads them as
    // empty, and a row that is mostly holes is never made dense (canonicalSheet)
    values.push(out);
    formats.push(fmts);
  });
  for (const k of [...open.keys()]) closeAt(k);
  return { name, top: 0, left: 0, values, numberFormats: formats, merges, hidden: false };
}

/** The report's sheets: 正文, then 表1 … (an empty body gives a 正文 with no rows, and is checked: clean). */
export function docxSheets(body: { paragraphs: string[]; tables: Table[] }): SheetSnapshot[] {
  const sheets: SheetSnapshot[] = [{
    name: BODY_SHEET, top: 0, left: 0, values: body.paragraphs.map((p) => [p === '' ? null : p]), merges: [], hidden: false,
  }];
  body.tables.forEach((t, i) => sheets.push(tableGrid(tableSheet(i + 1), t)));
  // the sheets are a Word report's, not a workbook's (the core says "nothing to check" of each in its own words)
  return sheets.map((s) => ({ ...s, report: true }));
}

/**
 * The streams an OLE compound file (the old .doc, or an encrypted .docx, which Word wraps in one) names in its
 * first directory sector: "WordDocument" is a .doc, "EncryptedPackage" an encrypted Office Open XML file. Null
 * when the directory cannot be read (then the general message stands).
 */
export async function oleStreams(file: string): Promise<string[] | null> {
  let fh;
  try {
    fh = await fs.open(resolvePath(file), 'r');
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    if (bytesRead < 512) return null;
    const shift = head.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return null;
    const size = 1 << shift;
    const dir = head.readUInt32LE(0x30);
    if (dir >= 0xfffffffa) return null;
    const sector = Buffer.alloc(size);
    const got = (await fh.read(sector, 0, size, (dir + 1) * size)).bytesRead;
    const names: string[] = [];
    for (let at = 0; at + 128 <= got; at += 128) {
      const len = sector.readUInt16LE(at + 0x40);
      if (len >= 2 && len <= 64) names.push(sector.toString('utf16le', at, at + len - 2));
    }
    return names;
  } catch {
    return null;
  } finally {
    await fh?.close();
  }
}

/** The .docx file as a snapshot. */
export async function readDocx(file: string): Promise<WorkbookSnapshot> {
  let zip: ZipPackage;
  try {
    zip = await ZipPackage.open(file);
  } catch (e) {
    // an OLE file: an old .doc (renamed .docx) or an encrypted .docx, told apart by the streams it holds
    if (e instanceof ReadError && e.code === 'oleOrEncrypted') {
      const names = await oleStreams(file);
      if (names?.includes('WordDocument')) throw new ReadError('oldDoc');
      if (names?.includes('EncryptedPackage') || names?.includes('EncryptionInfo')) throw new ReadError('encrypted');
    }
    throw e;
  }
  try {
    const part = await mainPart(zip);
    // a zip with no document in it (another program's archive, a workbook renamed .docx) is no Word report
    if (!zip.has(part)) throw new ReadError('noDocument');
    const body = await readBody(zip, part);
    return canonicalWorkbook({ sheets: docxSheets(body) });
  } finally {
    zip.close();
  }
}

/** Whether a path names a Word report (.docx). */
export const isDocx = (file: string): boolean => /\.docx$/i.test(file);
