/**
 * Running the engine for the pane: the report, the computed scores, the 项目/部门整体 self-evaluation forms' lines
 * (the 评分 tab shows them when there is no 评分表), and the 总分/等次 it read.
 */
import { checkWorkbook, FileReport, GridCache } from '../core';
import { Finding, withoutIgnored } from '../core/report';
import { sheetCell } from '../core/a1';
import { sum } from '../core/decimal';
import { Num, shown } from '../core/numbers';
import { ProjectTable } from '../core/recognize/model';
import { recomputedTotal, ScoreResult } from '../core/scoring/compute';
import { WorkbookSnapshot } from '../core/snapshot';
import { CellChange, IgnoredItem } from './host';
import { bandsOf, PaneSettings } from './settings';

export interface CheckView {
  report: FileReport;
  /** the report's findings less those ignored */
  visible: FileReport['findings'];
  scores: ScoreResult[];
  /** the project and department self-evaluation forms with indicator lines, each with its findings */
  forms: FormView[];
  totalScore?: string;
  grade?: string;
  at: Date;
}

/** `cache`: the grids of the pane's earlier checks — a live re-check classifies only the sheets read anew (the
 *  live checkers keep every sheet not read again as the same snapshot object). */
export function runCheck(wb: WorkbookSnapshot, file: string, settings: PaneSettings, ignored: IgnoredItem[], values: Record<string, string> = {}, cache?: GridCache): CheckView {
  const { report, model, scores } = checkWorkbook(wb, file, {
    cache,
    lang: settings.lang,
    tolerance: { factor: settings.tolerance, minDecimals: 2 },
    gradeBands: bandsOf(settings),
    indicatorValues: values,
    projectCapByRate: settings.capByRate,
  });
  const st = model.scoreTables[0];
  const visible = withoutIgnored(report.findings, ignored);
  const forms = model.projects.filter((p) => p.lines.length > 0).map((p) => formView(p, visible));
  // without a 评分表, the 总分 and 等次 of the only form
  const only = !st && model.projects.length === 1 ? model.projects[0] : undefined;
  const score = st?.totalRow?.score ?? st?.overall?.num ?? only?.total?.score;
  return {
    report,
    visible,
    scores,
    forms,
    totalScore: score ? shown(score) : undefined,
    grade: st ? st.grade?.text : only?.grade?.text,
    at: new Date(),
  };
}

/** One scored line of a self-evaluation form: the funds' 预算执行 line or an indicator, with its findings. */
export interface FormLineView {
  kind: 'funds' | 'indicator';
  /** the indicator's name ('' for the funds line, which the pane names) */
  name: string;
  max?: string;
  score?: string;
  /** the 得分 cell, then the cells its score rests on */
  cells: string[];
  findings: Finding[];
}

/** A 项目支出 or 部门整体支出绩效自评表 as the 评分 tab shows it. */
export interface FormView {
  id: number;
  name?: string;
  form: ProjectTable['form'];
  sheet: string;
  lines: FormLineView[];
  /** the 总分 row's 得分 and 分值 (else the sum of the lines' 分值), and its cell */
  total: { score?: string; max: string; cell?: string };
  /** findings of rules/project/* on no line: about the form as a whole (the 总分, the points, the 等次) */
  findings: Finding[];
}

const text = (n: Num | undefined): string | undefined => (n ? shown(n) : undefined);

/** The form's lines and 总分 with the visible findings of rules/project/* on it. */
export function formView(p: ProjectTable, visible: Finding[]): FormView {
  const mine = visible.filter((f) => f.table === p.id && f.rule.startsWith('project/'));
  const at = (row: number, col: number): string => sheetCell(p.sheet, row, col);
  const on = (cell: string): Finding[] => mine.filter((f) => f.rule === 'project/score' && f.cells.includes(cell));
  const lines: FormLineView[] = [];
  const f = p.funds;
  if (f && (f.max || f.score)) {
    const cell = at(f.row, f.cols.score);
    lines.push({ kind: 'funds', name: '', max: text(f.max), score: text(f.score), cells: [cell, at(f.row, f.cols.actual), at(f.row, f.cols.budget)], findings: on(cell) });
  }
  for (const l of p.lines) {
    const cell = at(l.row, l.cells.score);
    lines.push({ kind: 'indicator', name: l.name, max: text(l.max), score: text(l.score), cells: [cell, at(l.row, l.cells.actual), at(l.row, l.cells.target)], findings: on(cell) });
  }
  const points = sum([f?.max, ...p.lines.map((l) => l.max)].filter((n): n is Num => !!n).map((n) => n.value));
  const t = p.total;
  return {
    id: p.id, name: p.name, form: p.form, sheet: p.sheet, lines,
    total: { score: text(t?.score), max: text(t?.max) ?? points.toFixed(), cell: t ? at(t.row, t.scoreCol) : undefined },
    findings: mine.filter((x) => !lines.some((l) => l.findings.includes(x))),
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
