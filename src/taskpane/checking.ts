/** Running the engine for the pane: the report, and the 总分/等次 it read, without ignored findings. */
import { checkWorkbook, FileReport } from '../core';
import { shown } from '../core/numbers';
import { WorkbookSnapshot } from '../core/snapshot';
import { findingKey, IgnoredItem } from './host';
import { PaneSettings, bandsOf } from './settings';

export interface CheckView {
  report: FileReport;
  /** the report's findings less those ignored */
  visible: FileReport['findings'];
  totalScore?: string;
  grade?: string;
  at: Date;
}

export function runCheck(wb: WorkbookSnapshot, file: string, settings: PaneSettings, ignored: IgnoredItem[]): CheckView {
  const { report, model } = checkWorkbook(wb, file, {
    lang: settings.lang,
    tolerance: { factor: settings.tolerance, minDecimals: 2 },
    gradeBands: bandsOf(settings),
  });
  const keys = new Set(ignored.map((i) => i.key));
  const st = model.scoreTables[0];
  const score = st?.totalRow?.score ?? st?.overall?.num;
  return {
    report,
    visible: report.findings.filter((f) => !keys.has(findingKey(f))),
    totalScore: score ? shown(score) : undefined,
    grade: st?.grade?.text,
    at: new Date(),
  };
}
