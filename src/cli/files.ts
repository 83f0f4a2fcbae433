/**
 * Expanding the command line's paths: files as given, folders searched (recursively) for workbooks (.xlsx,
 * .xlsm) and Word reports (.docx, .docm); an old Word .doc is listed with its own message, never skipped. A
 * workbook and a report of the same base name in one folder ("西区卫健局2019.xlsx", "西区卫健局2019.docx") are
 * one document, checked together (see pairTargets).
 *
 * File names are bytes on Linux, and a Windows zip unpacked on Kylin or UOS leaves names in GBK, which are not
 * UTF-8: folders are listed as bytes, each name is shown decoded (UTF-8, else GB18030), and the shown path is
 * turned back into the bytes when the file is opened (resolvePath), in whichever thread opens it.
 */
import fsSync, { promises as fs } from 'fs';
import path from 'path';
import { ReadError } from './read-error';

export interface Target {
  /** the path as it will appear in the report */
  file: string;
  /** set when the path itself is a problem (missing, not .xlsx, a folder that cannot be listed) */
  problem?: ReadError;
  /** a workbook and its report checked as one document: their paths, the workbook first (`file` is them
   *  joined by " + ") */
  parts?: string[];
}

/**
 * How workbooks and reports are paired. 'folders' (the default): in a folder, a workbook and a report of the same
 * base name; 'together' (--together): besides, the files named on the command line by base name, or the one
 * workbook and the one report named there (自评表.xlsx 自评报告.docx), and in a folder its one workbook and one
 * report whatever their names; 'off' (--no-together): every file alone.
 */
export type Pairing = 'folders' | 'together' | 'off';

/** A pair's entry is named by its two paths joined by " + ", the workbook first ("自评表.xlsx + 自评报告.docx"):
 *  the schema's `file` stays one string, and a person sees both files. */
export const PAIR_JOIN = ' + ';

/** Workbooks: .xlsx, .xlsm (a workbook with macros: its cells are read the same way; the macros are never run),
 *  and the binary .xls (Excel 97–2003) and .et (WPS 表格), read by ./read-xls.ts */
const XLSX = /\.(xls[xm]?|et)$/i;
/** the binary workbooks, read by ./read-xls.ts (what they are is then read from their bytes) */
export const BINARY_BOOK = /\.(xls|et)$/i;
/** .docx, and .docm (a report with macros: its text is read the same way; the macros are never run) */
const DOCX = /\.doc[xm]$/i;
/** the old binary Word format, which is not read (and says so) */
const DOC = /\.doc$/i;
/** Excel's lock files ("~$name.xlsx") are not workbooks. */
const LOCK = /^~\$/;
/** Files a folder holds besides the documents, which are no submission: the system's (Thumbs.db, desktop.ini)
 *  and hidden ones (.DS_Store, WPS's ".~name" backups). Any other file a folder holds is listed as not checked. */
const SYSTEM = /^(\.|thumbs\.db$|desktop\.ini$)/i;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/** One file or folder name's bytes for a person: UTF-8, else GB18030 (which holds GBK and GB2312), else the
 *  bytes as Latin-1 (nothing dropped, though then the name does not read well). */
export function decodeName(name: Buffer): string {
  try {
    return UTF8.decode(name);
  } catch {
    try {
      return GB18030.decode(name);
    } catch {
      return name.toString('latin1');
    }
  }
}

const join = (dir: Buffer, name: Buffer): Buffer => (dir.length ? Buffer.concat([dir, Buffer.from(dir[dir.length - 1] === 0x2f ? '' : '/'), name]) : name);

/**
 * The bytes of a path shown by decodeName: each part that does not exist under its UTF-8 bytes is looked up in
 * its folder by the name it shows. Two names that show alike leave the path as it is (then it is not found,
 * never the wrong file).
 */
export function resolvePath(file: string): string | Buffer {
  if (process.platform === 'win32' || fsSync.existsSync(file)) return file;
  let cur: Buffer = Buffer.from(file.startsWith('/') ? '/' : '');
  for (const part of file.split('/')) {
    if (!part) continue;
    const direct = join(cur, Buffer.from(part));
    if (fsSync.existsSync(direct)) {
      cur = direct;
      continue;
    }
    let names: Buffer[];
    try {
      names = fsSync.readdirSync(cur.length ? cur : '.', { encoding: 'buffer' });
    } catch {
      return file;
    }
    const found = names.filter((n) => decodeName(n) === part);
    if (found.length !== 1) return file;
    cur = join(cur, found[0]!);
  }
  return cur;
}

/**
 * A command-line argument whose bytes are not UTF-8 reaches process.argv with U+FFFD in place of them: its bytes
 * are taken from /proc/self/cmdline (Linux), when exactly one argument there reads as it.
 */
function argumentBytes(arg: string): Buffer | null {
  if (!arg.includes('\uFFFD')) return null;
  let raw: Buffer;
  try {
    raw = fsSync.readFileSync('/proc/self/cmdline');
  } catch {
    return null;
  }
  const args: Buffer[] = [];
  for (let at = 0; at < raw.length;) {
    const end = raw.indexOf(0, at);
    const stop = end < 0 ? raw.length : end;
    args.push(raw.subarray(at, stop));
    at = stop + 1;
  }
  const hits = args.filter((a) => a.toString('utf8') === arg);
  return hits.length && hits.every((h) => h.equals(hits[0]!)) ? Buffer.from(hits[0]!) : null;
}

/** A path's bytes shown part by part. */
function showPath(p: Buffer): string {
  return p.toString('latin1').split('/').map((part) => decodeName(Buffer.from(part, 'latin1'))).join('/');
}

/** A folder that cannot be listed costs its own files only: it becomes an entry of the report, and the walk goes on. */
async function walk(dir: Buffer, shown: string, out: Target[], pairing: Pairing): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    out.push({ file: shown, problem: ReadError.fromSystem(e, true) });
    return;
  }
  const named = entries.map((e) => ({ e, name: decodeName(e.name as unknown as Buffer) }));
  named.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const here: Target[] = [];
  for (const { e, name } of named) {
    const p = join(dir, e.name as unknown as Buffer);
    const s = path.join(shown, name);
    // a symbolic link to a folder is not followed (it could loop); one to a file is read if it names a workbook
    if (e.isDirectory()) {
      if (!name.startsWith('.') && name !== 'node_modules') await walk(p, s, out, pairing);
    } else if (LOCK.test(name)) continue;
    else if (XLSX.test(name) || DOCX.test(name)) {
      const t = { file: s };
      here.push(t);
      out.push(t);
    } else if (DOC.test(name)) out.push({ file: s, problem: new ReadError('oldDoc') });
    else if (!SYSTEM.test(name) && (e.isFile() || e.isSymbolicLink())) {
      // a folder's other files (说明.pdf, 盖章扫描件.jpg) are listed as not checked, never skipped in silence;
      // they do not make the run fail (notChecked)
      out.push({ file: s, problem: new ReadError('notChecked', { ext: path.extname(name) || name }) });
    }
  }
  if (pairing !== 'off') pairInPlace(out, here, pairing === 'together');
}

const baseKey = (file: string): string => path.basename(file).replace(/\.[^.]+$/, '').normalize('NFC').toLowerCase();

/**
 * Pair workbooks with reports among `among` (targets of `out`, which is changed in place: the workbook's entry
 * becomes the pair, the report's is removed). Same base name first (exactly one workbook and one report of it);
 * with `lone`, then the one workbook and the one report left, whatever their names.
 */
function pairInPlace(out: Target[], among: Target[], lone: boolean): void {
  const books = among.filter((t) => !t.problem && XLSX.test(t.file));
  const reports = among.filter((t) => !t.problem && DOCX.test(t.file));
  const pairs: Array<[Target, Target]> = [];
  const used = new Set<Target>();
  for (const b of books) {
    const sameBooks = books.filter((x) => baseKey(x.file) === baseKey(b.file));
    const same = reports.filter((r) => baseKey(r.file) === baseKey(b.file));
    if (sameBooks.length === 1 && same.length === 1 && !used.has(same[0]!)) {
      pairs.push([b, same[0]!]);
      used.add(b).add(same[0]!);
    }
  }
  if (lone) {
    const b = books.filter((t) => !used.has(t));
    const r = reports.filter((t) => !used.has(t));
    if (b.length === 1 && r.length === 1) pairs.push([b[0]!, r[0]!]);
  }
  for (const [b, r] of pairs) {
    const parts = [b.file, r.file];
    b.file = parts.join(PAIR_JOIN);
    b.parts = parts;
    out.splice(out.indexOf(r), 1);
  }
}

export async function expandTargets(paths: string[], pairing: Pairing = 'folders'): Promise<Target[]> {
  const out: Target[] = [];
  const named: Target[] = [];
  for (const given of paths) {
    const bytes = argumentBytes(given);
    const p = bytes ? showPath(bytes) : given;
    let stat;
    try {
      stat = await fs.stat(bytes ?? p);
    } catch (e) {
      out.push({ file: p, problem: ReadError.fromSystem(e) });
      continue;
    }
    if (stat.isDirectory()) await walk(bytes ?? Buffer.from(p), p, out, pairing);
    else if (DOC.test(p)) out.push({ file: p, problem: new ReadError('oldDoc') });
    else if (!XLSX.test(p) && !DOCX.test(p)) out.push({ file: p, problem: new ReadError('notXlsx') });
    else {
      const t = { file: p };
      named.push(t);
      out.push(t);
    }
  }
  // files named on the command line are paired only when asked (--together)
  if (pairing === 'together') pairInPlace(out, named, true);
  return out;
}
