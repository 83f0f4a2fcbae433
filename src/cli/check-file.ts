/** Checking one file (or a workbook and its report together) in this thread: read it, check it, and turn any
 *  failure into that file's error entry. */
import { checkWorkbook, FileReport, Lang } from '../core';
import { CheckOptions } from '../core/rules/types';
import { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { ReadError } from './read-error';
import { isDocx, readDocx } from './read-docx';
import { readXls } from './read-xls';
import { readXlsx } from './read-xlsx';
import { BINARY_BOOK } from './files';

/**
 * A file's entry as this layer returns it: the report of the schema, and, for a Word report, the names of the
 * sheets that came from it (`正文`, `表1` …), so that the text output can say "第12段" and "表3 第5行 第2列" for
 * their cells. `wordSheets` is not part of the JSON report (main.ts leaves it out).
 */
export type CheckedReport = FileReport & { wordSheets?: string[] };

export { PAIR_JOIN } from './files';

export function errorReport(file: string, e: ReadError, lang: Lang): FileReport {
  return {
    file, error: e.text(lang), errorCode: e.code, tables: [], findings: [], scores: [], summary: { errors: 0, warnings: 0, info: 0 },
  };
}

/** One file read into the snapshot: a .docx by ./read-docx.ts (errors said of Word), the rest as workbooks. */
async function readOne(file: string): Promise<{ snapshot: WorkbookSnapshot; word: boolean }> {
  if (BINARY_BOOK.test(file)) return { snapshot: await readXls(file), word: false };
  if (!isDocx(file)) return { snapshot: await readXlsx(file), word: false };
  try {
    return { snapshot: await readDocx(file), word: true };
  } catch (e) {
    throw e instanceof ReadError ? e.ofDocx() : e;
  }
}

/**
 * A workbook and its report as one snapshot: the workbook's sheets, then the report's (`正文`, `表1` …), so that
 * the rules comparing a sentence with a table, or two tables, see both. A report's sheet whose name the workbook
 * already has is suffixed "(报告)" (`表1(报告)`), so every reference names one sheet.
 */
export function mergeSnapshots(workbook: WorkbookSnapshot, report: WorkbookSnapshot): { snapshot: WorkbookSnapshot; reportSheets: string[] } {
  const taken = new Set(workbook.sheets.map((s) => s.name));
  const renamed: SheetSnapshot[] = report.sheets.map((s) => {
    let name = s.name;
    for (let n = 1; taken.has(name); n++) name = `${s.name}(报告${n > 1 ? n : ''})`;
    taken.add(name);
    return name === s.name ? s : { ...s, name };
  });
  return { snapshot: { sheets: [...workbook.sheets, ...renamed] }, reportSheets: renamed.map((s) => s.name) };
}

/**
 * Check `file`; with `parts` (a workbook and a report given --together, or of one base name in a folder), check
 * them as one document whose entry is named `file` (the parts joined by PAIR_JOIN). A part that cannot be read
 * makes the entry's error, said with that part's name.
 */
export async function checkFileHere(file: string, options: Partial<CheckOptions>, parts?: string[]): Promise<CheckedReport> {
  const lang = options.lang ?? 'zh';
  let reading = file;
  try {
    if (parts && parts.length > 1) {
      const read: Array<{ snapshot: WorkbookSnapshot; word: boolean }> = [];
      for (const p of parts) {
        reading = p;
        read.push(await readOne(p));
      }
      reading = file;
      let snapshot = read[0]!.snapshot;
      const wordSheets: string[] = read[0]!.word ? snapshot.sheets.map((s) => s.name) : [];
      for (const next of read.slice(1)) {
        const merged = mergeSnapshots(snapshot, next.snapshot);
        snapshot = merged.snapshot;
        if (next.word) wordSheets.push(...merged.reportSheets);
      }
      return { ...checkWorkbook(snapshot, file, options).report, ...(wordSheets.length ? { wordSheets } : {}) };
    }
    const { snapshot, word } = await readOne(file);
    const report: CheckedReport = checkWorkbook(snapshot, file, options).report;
    if (word) report.wordSheets = snapshot.sheets.map((s) => s.name);
    return report;
  } catch (e) {
    // a part of a pair that could not be read is named in the entry's error
    const named = (r: FileReport): FileReport => (reading !== file && r.error ? { ...r, error: `${reading}${lang === 'zh' ? '：' : ': '}${r.error}` } : r);
    if (e instanceof ReadError) return named(errorReport(file, e, lang));
    if (e instanceof RangeError && /allocation|array length|heap|memory/i.test(e.message)) {
      return named(errorReport(file, new ReadError('outOfMemory', { limit: 'JavaScript' }), lang));
    }
    return named(errorReport(file, new ReadError('crashed', { reason: String((e as Error)?.message ?? e).slice(0, 200) }), lang));
  }
}
