/** Running the engine for the pane: the report, the computed scores, and the 总分/等次 it read. */
import { checkWorkbook, FileReport } from '../core';
import { withoutIgnored } from '../core/report';
import { sheetCell } from '../core/a1';
import { shown } from '../core/numbers';
import { recomputedTotal, ScoreResult } from '../core/scoring/compute';
import { WorkbookSnapshot } from '../core/snapshot';
import { CellChange, IgnoredItem } from './host';
import { bandsOf, PaneSettings } from './settings';

export interface CheckView {
  report: FileReport;
  /** the report's findings less those ignored */
  visible: FileReport['findings'];
  scores: ScoreResult[];
  totalScore?: string;
  grade?: string;
  at: Date;
}

export function runCheck(wb: WorkbookSnapshot, file: string, settings: PaneSettings, ignored: IgnoredItem[], values: Record<string, string> = {}): CheckView {
  const { report, model, scores } = checkWorkbook(wb, file, {
    lang: settings.lang,
    tolerance: { factor: settings.tolerance, minDecimals: 2 },
    gradeBands: bandsOf(settings),
    indicatorValues: values,
    projectCapByRate: settings.capByRate,
  });
  const st = model.scoreTables[0];
  const score = st?.totalRow?.score ?? st?.overall?.num;
  return {
    report,
    visible: withoutIgnored(report.findings, ignored),
    scores,
    totalScore: score ? shown(score) : undefined,
    grade: st?.grade?.text,
    at: new Date(),
  };
}

export interface PlannedChange extends CellChange {
  name: string;
  old: string;
  next: string;
}

/**
 * What 填入计算得分 would write: each computed score that differs from the 自评得分, and the 总分 when it is a plain
 * number (a formula recalculates by itself).
 */
export function planFill(view: CheckView): PlannedChange[] {
  const out: PlannedChange[] = [];
  const tables = [...new Set(view.scores.map((s) => s.table))];
  for (const st of tables) {
    const mine = view.scores.filter((s) => s.table === st);
    let changed = false;
    for (const s of mine) {
      if (s.status !== 'computed' || (s.line.score && s.line.score.value.eq(s.computed!))) continue;
      changed = true;
      out.push({
        cell: sheetCell(st.sheet, s.line.scoreCell.row, s.line.scoreCell.col),
        name: s.line.name,
        old: s.line.score ? shown(s.line.score) : '—',
        next: s.computed!.toFixed(),
        value: s.computed!.toNumber(),
      });
    }
    const tr = st.totalRow;
    if (!changed || !tr?.score || st.grid.formula(tr.row, st.cols.score)) continue;
    const total = recomputedTotal(st, view.scores);
    if (total.eq(tr.score.value)) continue;
    out.push({ cell: sheetCell(st.sheet, tr.row, st.cols.score), name: '总分', old: shown(tr.score), next: total.toFixed(), value: total.toNumber() });
  }
  return out;
}
