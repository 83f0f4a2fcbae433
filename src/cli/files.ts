/** Expanding the command line's paths: files as given, folders searched (recursively) for .xlsx and .xlsm files. */
import { promises as fs } from 'fs';
import path from 'path';

export interface Target {
  /** the path as it will appear in the report */
  file: string;
  /** set when the path itself is a problem (missing, not .xlsx) */
  problem?: string;
}

/** .xlsx, and .xlsm (a workbook with macros: its cells are read the same way; the macros are never run) */
const XLSX = /\.xls[xm]$/i;
/** Excel's lock files ("~$name.xlsx") are not workbooks. */
const LOCK = /^~\$/;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(p, out);
    } else if (XLSX.test(e.name) && !LOCK.test(e.name)) out.push(p);
  }
}

export async function expandTargets(paths: string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch {
      out.push({ file: p, problem: '文件或文件夹不存在' });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      await walk(p, found);
      out.push(...found.map((file) => ({ file })));
    } else if (!XLSX.test(p)) {
      out.push({ file: p, problem: '不是 .xlsx 或 .xlsm 文件（.xls、.et、.wps 等请先另存为 .xlsx）' });
    } else out.push({ file: p });
  }
  return out;
}
