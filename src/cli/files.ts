/**
 * Expanding the command line's paths: files as given, folders searched (recursively) for .xlsx and .xlsm files.
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
}

/** .xlsx, and .xlsm (a workbook with macros: its cells are read the same way; the macros are never run) */
const XLSX = /\.xls[xm]$/i;
/** Excel's lock files ("~$name.xlsx") are not workbooks. */
const LOCK = /^~\$/;

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
async function walk(dir: Buffer, shown: string, out: Target[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    out.push({ file: shown, problem: ReadError.fromSystem(e, true) });
    return;
  }
  const named = entries.map((e) => ({ e, name: decodeName(e.name as unknown as Buffer) }));
  named.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const { e, name } of named) {
    const p = join(dir, e.name as unknown as Buffer);
    const s = path.join(shown, name);
    // a symbolic link to a folder is not followed (it could loop); one to a file is read if it names a workbook
    if (e.isDirectory()) {
      if (!name.startsWith('.') && name !== 'node_modules') await walk(p, s, out);
    } else if (XLSX.test(name) && !LOCK.test(name)) out.push({ file: s });
  }
}

export async function expandTargets(paths: string[]): Promise<Target[]> {
  const out: Target[] = [];
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
    if (stat.isDirectory()) await walk(bytes ?? Buffer.from(p), p, out);
    else if (!XLSX.test(p)) out.push({ file: p, problem: new ReadError('notXlsx') });
    else out.push({ file: p });
  }
  return out;
}
