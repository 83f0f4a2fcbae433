/**
 * Reading an .xlsx / .xlsm file into the engine's snapshot, the same snapshot the add-in builds with Office.js:
 * the used range's values (a merged area's value on its top-left cell only), formulas (shared formulas written
 * out for each cell), number formats (null for General), indent levels and merged areas.
 *
 * The package is opened by ./zip.ts (regular files only, sizes bounded before anything is inflated) and each
 * part is parsed as it inflates with saxes, a streaming XML parser, so memory grows with the cells kept, not
 * with the file: ExcelJS's whole-workbook load made an object per cell of every merged area (one merge over
 * A1:XFD1048576 exhausted memory) and handled merges in quadratic time. ExcelJS still writes the examples and
 * the tests' workbooks. Only the parts the check reads are opened: the workbook, its relationships, shared
 * strings, styles and worksheets; never macros, drawings or external links.
 */
import path from 'path';
import { Readable } from 'stream';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { cellA1, parseCell } from '../core/a1';
import { MergeIndex } from '../core/merges';
import { readFormat } from '../core/numbers';
import { canonicalWorkbook, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { ReadError } from './read-error';
import { shiftFormula } from './shift-formula';
import { ZipPackage } from './zip';

export { ReadError };

export const CELL_LIMITS = {
  /** non-empty cells (a value or a formula) in the whole workbook: a self-evaluation workbook has a few thousand,
   *  a city's consolidated one a few hundred thousand; past 500,000 the check could need more than the worker's
   *  memory and time */
  cells: 500_000,
  /** Excel holds at most 32,767 characters in a cell; longer text in a file is cut there */
  textChars: 32_767,
  /** merged areas kept a sheet (the engine indexes at most 100,000; past that it says so) */
  merges: 200_000,
  /** worksheets in a workbook (a self-evaluation workbook has a few dozen at most) */
  sheets: 1_000,
};

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const XML_NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Number formats built into Excel, by id (ECMA-376 §18.8.30, with the zh-CN forms of the East Asian ids). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

interface Style {
  fmt: string | null;
  indent: number;
}

interface Rel {
  target: string;
  type: string;
}

/** The local name of an element or attribute ("x:c" → "c"). */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by its local name. SpreadsheetML's attributes are unprefixed but for the relationship id
 *  (r:id, under whatever prefix the file chose), which is looked for by its local name. */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes;
  const v = a[name];
  if (v !== undefined || name !== 'id') return v;
  for (const k of Object.keys(a)) if (local(k) === name) return a[k];
  return undefined;
}

export interface XmlHandlers {
  open(name: string, tag: SaxesTagPlain): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** A part's damage, said in both languages. */
function damaged(zh: string, en: string): ReadError {
  return new ReadError('corrupt', { reason: zh, 'reason.en': en });
}

/**
 * The part's character encoding, from its first bytes: a byte-order mark (UTF-8, UTF-16), UTF-16 without one
 * (the "<?" of the declaration), else the declaration's encoding="…" (GBK, GB2312 and GB18030 are read as
 * GB18030, which holds them), else UTF-8. An encoding this Node cannot decode is said, never guessed.
 */
export function partDecoder(part: string, head: Buffer): TextDecoder {
  let label = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) label = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) label = 'utf-16be';
  else if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) label = 'utf-16le';
  else if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) label = 'utf-16be';
  else if (!(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)) {
    const decl = /^<\?xml\s[^?>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head.toString('latin1'));
    // a declaration read in single bytes cannot be UTF-16 whatever it says: those bytes are read as UTF-8 (and
    // must be UTF-8)
    if (decl) label = /^(gbk|gb2312|gb_2312-80|gb18030|cp936|x-gbk|euc-cn)$/i.test(decl[1]!) ? 'gb18030' : /^(utf-?16|ucs-?2)/i.test(decl[1]!) ? 'utf-8' : decl[1]!;
  }
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    throw damaged(`${part} 声明的字符编码 ${label} 无法解码`, `${part} declares the character encoding ${label}, which cannot be decoded here`);
  }
}

/** Parse one part as it inflates (saxes: no DTD is read, no entity but XML's five is expanded). CDATA sections are
 *  text like any other. With `refuseDoctype` (a Word document), a DOCTYPE is broken XML. Shared by ./read-docx.ts. */
export async function parsePart(zip: ZipPackage, part: string, h: XmlHandlers, opts: { refuseDoctype?: boolean } = {}): Promise<void> {
  const stream: Readable = await zip.stream(part);
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (opts.refuseDoctype) {
    parser.on('doctype', () => {
      throw new Error('a DOCTYPE is not allowed in an Office part');
    });
  }
  parser.on('opentag', (t) => h.open(local(t.name), t as SaxesTagPlain));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  if (h.close) parser.on('closetag', (t) => h.close!(local(t.name)));
  // broken XML is this part's problem (a sheet is then reported unreadable); a broken package (a size or CRC
  // that does not match, as in a bomb whose header lies) is the file's
  let inXml = false;
  let decoder: TextDecoder | null = null;
  let head = Buffer.alloc(0);
  const decode = (bytes: Buffer, last: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream: !last });
    } catch {
      throw damaged(`${part} 的字符不是所声明的编码（${decoder!.encoding}）`, `${part} holds bytes that are not in its declared encoding (${decoder!.encoding})`);
    }
  };
  try {
    for await (const chunk of stream) {
      let bytes = chunk as Buffer;
      if (!decoder) {
        // the declaration is read from the first bytes, whatever size the chunks come in
        head = Buffer.concat([head, bytes]);
        if (head.length < 256) continue;
        decoder = partDecoder(part, head);
        bytes = head;
      }
      const text = decode(bytes, false);
      inXml = true;
      parser.write(text);
      inXml = false;
    }
    // a part shorter than the bytes looked at is decoded whole here
    const short = !decoder;
    decoder ??= partDecoder(part, head);
    const rest = decode(short ? head : Buffer.alloc(0), true);
    inXml = true;
    if (rest) parser.write(rest);
    parser.close();
  } catch (e) {
    stream.destroy();
    if (e instanceof ReadError) throw e;
    const reason = `${part}: ${String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 160)}`;
    throw new ReadError(inXml ? 'badXml' : 'corrupt', { reason });
  }
}

async function readRels(zip: ZipPackage, part: string): Promise<Map<string, Rel>> {
  const out = new Map<string, Rel>();
  if (!zip.has(part)) return out;
  const base = path.posix.dirname(path.posix.dirname(part));
  await parsePart(zip, part, {
    open(name, t) {
      if (name !== 'Relationship') return;
      const id = attr(t, 'Id');
      const target = attr(t, 'Target');
      if (!id || !target || attr(t, 'TargetMode') === 'External') return;
      const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
      out.set(id, { target: resolved, type: attr(t, 'Type') ?? '' });
    },
  });
  return out;
}

/** Text of <t> runs inside an <si> or <is>, phonetic runs (<rPh>) left out. */
class RichTextReader {
  private depthRPh = 0;
  private inT = false;
  text = '';
  open(name: string): void {
    if (name === 'rPh') this.depthRPh++;
    else if (name === 't' && !this.depthRPh) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthRPh--;
    else if (name === 't') this.inT = false;
  }
  add(s: string): void {
    if (this.inT && this.text.length < CELL_LIMITS.textChars) this.text += s;
  }
}

/** ST_Xstring's escapes, as Excel and Apache POI write them: `_x000D_` a carriage return, `_x005F_` a literal
 *  underscore (so `_x005F_x000D_` is the text "_x000D_"). */
export function decodeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The shared strings, or null when the workbook has none (then no cell may refer to one). */
async function readSharedStrings(zip: ZipPackage, part: string | undefined): Promise<string[] | null> {
  const out: string[] = [];
  if (!part || !zip.has(part)) return null;
  let rich: RichTextReader | null = null;
  await parsePart(zip, part, {
    open(name) {
      if (name === 'si') rich = new RichTextReader();
      else rich?.open(name);
    },
    text(s) {
      rich?.add(s);
    },
    close(name) {
      if (name === 'si' && rich) {
        out.push(decodeXstring(rich.text).slice(0, CELL_LIMITS.textChars));
        rich = null;
      } else rich?.close(name);
    },
  });
  return out;
}

async function readStyles(zip: ZipPackage, part: string | undefined): Promise<Style[]> {
  const out: Style[] = [];
  if (!part || !zip.has(part)) return out;
  const custom = new Map<number, string>();
  const xfs: Array<{ numFmtId: number; indent: number }> = [];
  let inCellXfs = false;
  await parsePart(zip, part, {
    open(name, t) {
      if (name === 'numFmt') {
        const id = Number(attr(t, 'numFmtId'));
        const code = attr(t, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (inCellXfs && name === 'xf') xfs.push({ numFmtId: Number(attr(t, 'numFmtId') ?? 0) || 0, indent: 0 });
      else if (inCellXfs && name === 'alignment' && xfs.length) xfs[xfs.length - 1]!.indent = Math.max(0, Number(attr(t, 'indent') ?? 0) || 0);
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const xf of xfs) {
    const f = custom.get(xf.numFmtId) ?? BUILTIN_FORMATS[xf.numFmtId] ?? null;
    out.push({ fmt: f && f !== 'General' ? f : null, indent: xf.indent });
  }
  return out;
}

/** "B7" → [row, col] (0-based), or null. */
function parseRef(ref: string | undefined): [number, number] | null {
  const p = ref ? parseCell(ref) : null;
  return p && p.row >= 0 && p.row <= MAX_ROW && p.col >= 0 && p.col <= MAX_COL ? [p.row, p.col] : null;
}

interface RawCell {
  r: number;
  c: number;
  v: CellValue;
  f: string | null;
  fmt: string | null;
  indent: number;
}

/** Counts the workbook's non-empty cells against the ceiling, across sheets. */
class CellBudget {
  used = 0;
  take(): void {
    if (++this.used > CELL_LIMITS.cells) throw new ReadError('tooManyCells', { limit: CELL_LIMITS.cells.toLocaleString('en-US') });
  }
}

async function readSheet(zip: ZipPackage, part: string, name: string, hidden: boolean, ctx: {
  strings: string[] | null; styles: Style[]; date1904: boolean; budget: CellBudget;
}): Promise<SheetSnapshot> {
  const cells: RawCell[] = [];
  const merges: string[] = [];
  const uncomputed: string[] = [];
  const shared = new Map<string, { text: string; r: number; c: number }>();
  // the cells kept, by position: a cell written twice leaves its value to entry order, which is damage
  // the keys of the cells kept, made only when a cell comes out of order (Excel writes them in order: then a cell
  // written twice is the one just before)
  let seen: Set<number> | null = null;
  let lastKey = -1;
  let row = -1;
  let col = -1;
  // the cell being read
  let cur: { r: number; c: number; t: string; s: number } | null = null;
  let vText: string | null = null;
  let fText: string | null = null;
  let fTag: SaxesTagPlain | null = null;
  let inV = false;
  let inF = false;
  let rich: RichTextReader | null = null;
  let inSheetData = false;

  const finish = (): void => {
    const c = cur!;
    cur = null;
    let formula: string | null = null;
    if (fTag) {
      const si = attr(fTag, 'si');
      const type = attr(fTag, 't');
      const text = (fText ?? '').trim();
      if (type === 'shared' && si !== undefined) {
        if (text) {
          shared.set(si, { text, r: c.r, c: c.c });
          formula = text;
        } else {
          const master = shared.get(si);
          if (master) formula = shiftFormula(master.text, c.r - master.r, c.c - master.c);
        }
      } else if (text) formula = text;
    }
    let v: CellValue = null;
    let isDate = false;
    const raw = rich ? rich.text : vText;
    if (raw !== null) {
      switch (c.t) {
        case 's': {
          // an index that does not exist (-1, 1.5, past the end, or no shared strings at all) is damage, not a blank
          const i = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
          const count = ctx.strings?.length ?? 0;
          if (!ctx.strings || !(i < count)) {
            const at = `${name}!${cellA1(c.r, c.c)}`;
            throw damaged(
              ctx.strings ? `单元格 ${at} 引用的共享字符串（${raw.trim().slice(0, 40)}）不存在，共有 ${count} 个` : `单元格 ${at} 引用共享字符串，但文件中没有共享字符串部件`,
              ctx.strings ? `cell ${at} refers to shared string ${raw.trim().slice(0, 40)}, which does not exist (there are ${count})` : `cell ${at} refers to a shared string, but the file has no shared strings part`,
            );
          }
          v = ctx.strings[i]!;
          break;
        }
        case 'str':
          v = raw.slice(0, CELL_LIMITS.textChars);
          break;
        case 'inlineStr':
          v = decodeXstring(raw).slice(0, CELL_LIMITS.textChars);
          break;
        case 'b':
          v = raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
          break;
        case 'e':
          v = { error: raw.trim() };
          break;
        case 'd': {
          if (!raw.trim()) break;
          const ms = Date.parse(raw.trim().replace(/(T\d\d:\d\d(:\d\d(\.\d+)?)?)$/, '$1Z'));
          // a date stored as ISO 8601 text is a date, not a number to add up: it keeps a date format, so that the
          // check says 不是数字 where a figure is expected; a date that cannot be read is damage
          if (!Number.isFinite(ms)) {
            const at = `${name}!${cellA1(c.r, c.c)}`;
            throw damaged(`单元格 ${at} 的日期（${raw.trim().slice(0, 40)}）无法读取`, `cell ${at} holds a date that cannot be read (${raw.trim().slice(0, 40)})`);
          }
          v = (ms - (ctx.date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
          isDate = true;
          break;
        }
        default: {
          // a number as the file writes it; anything else (hex, "NaN", "1e400") is not a number Excel could hold
          const n = XML_NUMBER.test(raw) ? Number(raw) : NaN;
          v = Number.isFinite(n) ? n : raw.trim() || null;
        }
      }
    }
    if (v === '') v = null;
    const key = c.r * (MAX_COL + 1) + c.c;
    if (key < lastKey && !seen) seen = new Set(cells.map((x) => x.r * (MAX_COL + 1) + x.c));
    if (key === lastKey || (key < lastKey && seen!.has(key))) {
      const at = `${name}!${cellA1(c.r, c.c)}`;
      throw damaged(`单元格 ${at} 写了两次，无法确定哪个值有效`, `cell ${at} is written twice; which value is meant cannot be told`);
    }
    lastKey = Math.max(lastKey, key);
    if (v === null && !formula) return;
    seen?.add(key);
    // a formula with no <v> at all was never computed (a formula whose result is "" has an empty <v>)
    if (formula && raw === null) uncomputed.push(cellA1(c.r, c.c));
    ctx.budget.take();
    const style = ctx.styles[c.s];
    const fmt = isDate && !readFormat(style?.fmt).date ? 'yyyy-mm-dd' : style?.fmt ?? null;
    cells.push({ r: c.r, c: c.c, v, f: formula ? `=${formula}` : null, fmt, indent: typeof v === 'string' ? style?.indent ?? 0 : 0 });
  };

  await parsePart(zip, part, {
    open(el, t) {
      if (rich) {
        rich.open(el);
        return;
      }
      switch (el) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          const r = Number(attr(t, 'r'));
          row = Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case 'c': {
          if (!inSheetData) break;
          const at = parseRef(attr(t, 'r'));
          // a cell without its reference follows the one before it, as Excel reads it
          const r = at ? at[0] : Math.max(row, 0);
          const c = at ? at[1] : col + 1;
          if (at && at[0] !== row) row = at[0];
          col = c;
          if (r > MAX_ROW || c > MAX_COL) break;
          cur = { r, c, t: attr(t, 't') ?? 'n', s: Number(attr(t, 's') ?? 0) || 0 };
          vText = null;
          fText = null;
          fTag = null;
          rich = null;
          break;
        }
        case 'v':
          if (cur) {
            inV = true;
            vText = '';
          }
          break;
        case 'f':
          if (cur) {
            inF = true;
            fTag = t;
            fText = '';
          }
          break;
        case 'is':
          if (cur) rich = new RichTextReader();
          break;
        case 'mergeCell': {
          const ref = attr(t, 'ref');
          if (ref && merges.length < CELL_LIMITS.merges) merges.push(ref.toUpperCase().replace(/\$/g, ''));
          break;
        }
        default:
      }
    },
    text(s) {
      if (rich) rich.add(s);
      else if (inV) {
        if (vText!.length < CELL_LIMITS.textChars) vText += s;
      } else if (inF) {
        if (fText!.length < 8192) fText += s;
      }
    },
    close(el) {
      if (rich) {
        if (el === 'is') {
          vText = rich.text;
          rich = null;
        } else rich.close(el);
        return;
      }
      if (el === 'v') inV = false;
      else if (el === 'f') inF = false;
      else if (el === 'c' && cur) finish();
      else if (el === 'sheetData') inSheetData = false;
    },
  });
  const sheet = build(name, hidden, cells, merges);
  if (uncomputed.length) sheet.uncomputed = uncomputed;
  return sheet;
}

/** The sheet's cells into the snapshot's rows; a cell a merged area covers loses its value, as in Excel. */
function build(name: string, hidden: boolean, cells: RawCell[], mergeRefs: string[]): SheetSnapshot {
  const merges: string[] = [];
  let hasArea = false;
  for (const m of mergeRefs) {
    const [a, b] = m.split(':');
    const p = parseRef(a);
    const q = b === undefined ? p : parseRef(b);
    if (!p || !q) {
      merges.push(m); // the engine says it could not read it
      continue;
    }
    const area = { top: Math.min(p[0], q[0]), left: Math.min(p[1], q[1]), bottom: Math.max(p[0], q[0]), right: Math.max(p[1], q[1]) };
    if (area.top === area.bottom && area.left === area.right) continue; // a one-cell "merge" merges nothing
    hasArea = true;
    merges.push(`${cellA1(area.top, area.left)}:${cellA1(area.bottom, area.right)}`);
  }
  if (hasArea && cells.length) {
    // covered cells, looked up in the engine's own index of the areas over the rows that hold cells (with its
    // limits: past them no area is indexed and the values stay)
    let lo = Infinity;
    let hi = -1;
    for (const cell of cells) {
      if (cell.r < lo) lo = cell.r;
      if (cell.r > hi) hi = cell.r;
    }
    const index = new MergeIndex(merges, lo, hi);
    if (index.size) {
      cells = cells.filter((cell) => {
        const a = index.at(cell.r, cell.c);
        return !a || (a.top === cell.r && a.left === cell.c);
      });
    }
  }
  if (!cells.length) return { name, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges, hidden };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  for (const cell of cells) {
    if (cell.r < top) top = cell.r;
    if (cell.r > bottom) bottom = cell.r;
    if (cell.c < left) left = cell.c;
  }
  // rows are only as long as their last cell: a stray value far right or far down costs one short row
  const h = bottom - top + 1;
  // a row is filled cell by cell, never allocated at its width: one value in XFD on every row must cost a few
  // cells a row, not 16,384 (canonicalSheet then stores such a row sparse, core/snapshot.ts SPARSE_ROW)
  // (a row written at a far index is kept by V8 as a dictionary; setting its length first would allocate it whole)
  const sized = <T>(): T[][] => Array.from({ length: h }, () => [] as T[]);
  const values = sized<CellValue>();
  const formulas = sized<string | null>();
  const numberFormats = sized<string | null>();
  let indents: (number | null)[][] | undefined;
  for (const cell of cells) {
    values[cell.r - top]![cell.c - left] = cell.v;
    formulas[cell.r - top]![cell.c - left] = cell.f;
    numberFormats[cell.r - top]![cell.c - left] = cell.fmt;
    if (cell.indent > 0) {
      // labels indented with Excel's 增加缩进量 rather than spaces: the rows' breakdown reads them
      indents ??= sized<number | null>();
      indents[cell.r - top]![cell.c - left] = cell.indent;
    }
  }
  return { name, top, left, values, formulas, numberFormats, merges, hidden, ...(indents ? { indents } : {}) };
}

export async function readXlsx(file: string): Promise<WorkbookSnapshot> {
  const zip = await ZipPackage.open(file);
  try {
    return await readPackage(zip);
  } finally {
    zip.close();
  }
}

async function readPackage(zip: ZipPackage): Promise<WorkbookSnapshot> {
  const root = await readRels(zip, '_rels/.rels');
  const main = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  // a zip with no workbook in it (no xl/workbook.xml, another program's archive) is no workbook: an error of its
  // own, never "no problems found"
  if (!zip.has(main)) throw new ReadError('noWorkbook');
  const dir = path.posix.dirname(main);
  const rels = await readRels(zip, `${dir}/_rels/${path.posix.basename(main)}.rels`);
  const listed: Array<{ name: string; rid: string; hidden: boolean }> = [];
  let date1904 = false;
  await parsePart(zip, main, {
    open(name, t) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(t, 'date1904') ?? '');
      else if (name === 'sheet') {
        listed.push({ name: attr(t, 'name') ?? `Sheet${listed.length + 1}`, rid: attr(t, 'id') ?? '', hidden: (attr(t, 'state') ?? 'visible') !== 'visible' });
      }
    },
  });
  if (listed.length > CELL_LIMITS.sheets) throw new ReadError('tooManySheets', { count: listed.length, limit: CELL_LIMITS.sheets });
  const byType = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const strings = await readSharedStrings(zip, byType('/sharedStrings'));
  const styles = await readStyles(zip, byType('/styles'));
  const budget = new CellBudget();
  const sheets: SheetSnapshot[] = [];
  for (const s of listed) {
    const rel = rels.get(s.rid);
    // chart sheets, dialog sheets and macro sheets hold no cells to check
    if (rel && !rel.type.endsWith('/worksheet')) continue;
    if (!rel || !zip.has(rel.target)) {
      sheets.push({ name: s.name, top: 0, left: 0, values: [], merges: [], hidden: s.hidden, unreadable: 'missing' });
      continue;
    }
    try {
      sheets.push(await readSheet(zip, rel.target, s.name, s.hidden, { strings, styles, date1904, budget }));
    } catch (e) {
      // one sheet's broken XML costs that sheet (reported as an error), not the workbook; limits stop the file
      if (!(e instanceof ReadError) || e.code !== 'badXml') throw e;
      sheets.push({ name: s.name, top: 0, left: 0, values: [], merges: [], hidden: s.hidden, unreadable: 'corrupt' });
    }
  }
  if (!sheets.length) throw new ReadError('noWorkbook');
  return canonicalWorkbook({ sheets });
}
