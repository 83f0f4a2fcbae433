/** Checking one file in this thread: read it, check it, and turn any failure into that file's error entry. */
import { checkWorkbook, FileReport, Lang } from '../core';
import { CheckOptions } from '../core/rules/types';
import { ReadError } from './read-error';
import { readXlsx } from './read-xlsx';

export function errorReport(file: string, e: ReadError, lang: Lang): FileReport {
  return {
    file, error: e.text(lang), errorCode: e.code, tables: [], findings: [], scores: [], summary: { errors: 0, warnings: 0, info: 0 },
  };
}

export async function checkFileHere(file: string, options: Partial<CheckOptions>): Promise<FileReport> {
  const lang = options.lang ?? 'zh';
  try {
    const snapshot = await readXlsx(file);
    return checkWorkbook(snapshot, file, options).report;
  } catch (e) {
    if (e instanceof ReadError) return errorReport(file, e, lang);
    if (e instanceof RangeError && /allocation|array length|heap|memory/i.test(e.message)) {
      return errorReport(file, new ReadError('outOfMemory', { limit: 'JavaScript' }), lang);
    }
    return errorReport(file, new ReadError('crashed', { reason: String((e as Error)?.message ?? e).slice(0, 200) }), lang);
  }
}
