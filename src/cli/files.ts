/** Expanding the command line's paths: files as given, folders searched (recursively) for .xlsx and .xlsm files. */
import { promises as fs } from 'fs';
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

/** A folder that cannot be listed costs its own files only: it becomes an entry of the report, and the walk goes on. */
async function walk(dir: string, out: Target[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ file: dir, problem: ReadError.fromSystem(e, true) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // a symbolic link to a folder is not followed (it could loop); one to a file is read if it names a workbook
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(p, out);
    } else if (XLSX.test(e.name) && !LOCK.test(e.name)) out.push({ file: p });
  }
}

export async function expandTargets(paths: string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (e) {
      out.push({ file: p, problem: ReadError.fromSystem(e) });
      continue;
    }
    if (stat.isDirectory()) await walk(p, out);
    else if (!XLSX.test(p)) out.push({ file: p, problem: new ReadError('notXlsx') });
    else out.push({ file: p });
  }
  return out;
}
