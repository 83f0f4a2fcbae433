/**
 * The checking engine: a workbook snapshot in, a report out. Pure: no Office, no DOM, no file system.
 * It never throws: a sheet it cannot read, or a rule that fails on odd input, becomes an `info` finding.
 */
import { DEFAULT_TOLERANCE } from './arith';
import { nameCulprits, Raised } from './culprit';
import { culpritNote, render } from './messages';
import { recognize, tableRange } from './recognize';
import { WorkbookModel } from './recognize/model';
import { parseRange, sheetCell, splitRef } from './a1';
import { evaluateUncomputed } from './evaluate';
import { gateFamilies } from './evidence';
import { headline } from './headline';
import { unconfirmed } from './rules/structure/unconfirmed';
import { tableName } from './rules/util';
import { shown } from './numbers';
import { FileReport, Finding, ScoreEntry, SEVERITY_RANK, summarize, TableInfo } from './report';
import { computeScores, ScoreResult } from './scoring/compute';
import { RULES } from './rules';
import { CheckOptions, DEFAULT_GRADE_BANDS, MessageText, Problem, Rule, Severity } from './rules/types';
import { WorkbookSnapshot } from './snapshot';

export * from './report';
export * from './snapshot';
export type { CheckOptions, GradeBand, Lang, Severity, Rule } from './rules/types';
export { DEFAULT_GRADE_BANDS } from './rules/types';
export { RULES } from './rules';
export { recognize } from './recognize';
export { GridCache } from './grid';

export const DEFAULT_OPTIONS: CheckOptions = {
  lang: 'zh',
  tolerance: DEFAULT_TOLERANCE,
  gradeBands: DEFAULT_GRADE_BANDS,
  severity: {},
};


const ENGINE_RULE: Rule = {
  meta: {
    id: 'engine/rule-failed',
    severity: 'error',
    description: { zh: '某条规则无法处理此工作簿', en: 'A rule could not process this workbook' },
    messages: {
      failed: {
        zh: '规则 {rule} 未能完成校验（{error}），工作簿未完整校验：请把文件发给维护人员',
        en: 'Rule {rule} could not finish ({error}); the workbook was not fully checked: please send the file to the maintainers',
      },
    },
  },
  check: () => undefined,
};

export function withDefaults(options?: Partial<CheckOptions>): CheckOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...options,
    tolerance: { ...DEFAULT_OPTIONS.tolerance, ...options?.tolerance },
    severity: { ...options?.severity },
  };
}

export interface CheckResult {
  report: FileReport;
  model: WorkbookModel;
  /** every 评分表 line with its computed score, or why there is none */
  scores: ScoreResult[];
  /** how long each phase took, in the clock's milliseconds: only when CheckOptions.clock was given */
  timings?: PhaseTimings;
}

/** Where a check's time went (CheckOptions.clock). */
export interface PhaseTimings {
  /** formulas the file saved no result for, computed */
  evaluate: number;
  /** the workbook read into the model: its grids, tables, forms, structure and the sums it confirms */
  recognize: number;
  /** the 评分表's computed scores */
  scoring: number;
  /** every rule, and each rule's own share by id */
  rules: number;
  perRule: Record<string, number>;
  /** families that are misreadings, checks that need an unknown formula, the cells most likely wrong */
  culprits: number;
  /** findings rendered, sorted and grouped, the tables and scores listed */
  report: number;
  total: number;
}

export function checkWorkbook(snapshot: WorkbookSnapshot, file: string, options?: Partial<CheckOptions>, rules: Rule[] = RULES): CheckResult {
  const opts = withDefaults(options);
  const clock = opts.clock;
  const t0 = clock?.() ?? 0;
  // formulas the file saved no result for: computed where the engine can, unknown (never 0) where it cannot
  const evaluated = evaluateUncomputed(snapshot);
  const t1 = clock?.() ?? 0;
  const model = recognize(evaluated.workbook, opts.tolerance, opts.cache);
  const t2 = clock?.() ?? 0;
  for (const [sheet, cells] of evaluated.computed) model.notes.push({ kind: 'uncomputed', sheet, text: '', cells });
  for (const [sheet, cells] of evaluated.unknown) model.notes.push({ kind: 'uncomputed-unknown', sheet, text: '', cells });
  const raised: Array<Raised & { rule: Rule }> = [];
  const failed = (id: string, e: unknown): void => void raised.push({
    rule: ENGINE_RULE,
    problem: { messageId: 'failed', data: { rule: id, error: e instanceof Error ? e.message : String(e) }, cells: [] },
  });
  let scores: ScoreResult[] = [];
  try {
    scores = computeScores(model, opts.indicatorValues);
  } catch (e) {
    // never swallowed: a workbook whose scores could not be computed is not reported as clean
    failed('scoring', e);
  }
  const t3 = clock?.() ?? 0;
  const perRule: Record<string, number> = {};
  const counts = new Map<string, number>();
  const checked = (family: string, n = 1): void => void counts.set(family, (counts.get(family) ?? 0) + n);
  for (const rule of rules) {
    const setting = opts.severity[rule.meta.id];
    if (setting === 'off') continue;
    const r0 = clock?.() ?? 0;
    try {
      rule.check({ model, options: opts, scores, report: (problem) => raised.push({ problem, rule }), checked });
    } catch (e) {
      failed(rule.meta.id, e);
    }
    if (clock) perRule[rule.meta.id] = (perRule[rule.meta.id] ?? 0) + clock() - r0;
  }
  const t4 = clock?.() ?? 0;
  const severityOf = ({ problem, rule }: { problem: Problem; rule: Rule }): Severity => {
    const setting = opts.severity[rule.meta.id];
    return rule.meta.messages[problem.messageId]?.severity ?? (setting && setting !== 'off' ? setting : rule.meta.severity);
  };
  // a family of checks that fails on most of its lines is a misreading of the layout: one note, no errors
  for (const v of gateFamilies(raised, counts, severityOf)) {
    const t = model.tables.find((x) => x.id === v.table);
    raised.push({
      rule: unconfirmed,
      problem: {
        // a family of no table (the sentences of a sheet, text/*) is named by its sheet
        messageId: t ? 'family' : 'sentences', data: { rule: v.rule.meta.id, table: t ? tableName(t) : (v.cells[0] ? splitRef(v.cells[0])?.sheet ?? '' : ''), held: v.held, failed: v.failed },
        cells: t ? [tableRange(t)] : v.cells, ...(v.table !== undefined ? { table: v.table } : {}),
      },
    });
  }
  skipUnknown(raised, evaluated.unknown);
  nameCulprits(raised, model.tables, opts.tolerance);
  const t5 = clock?.() ?? 0;

  const findings: Finding[] = raised.map(({ problem, rule, culprit, culpritVia }) => {
    const msg = rule.meta.messages[problem.messageId] ?? { zh: problem.messageId, en: problem.messageId };
    const severity = severityOf({ problem, rule });
    if (culprit) {
      problem.data.culprit = culprit;
      if (culpritVia === 'isolated') problem.data.culpritIsolated = 1;
      else if (culpritVia !== 'cross' && culpritVia !== 'typo') problem.data.culpritChecks = culpritVia ?? 2;
    }
    const message = renderMessage(msg, opts.lang, problem.data);
    const f: Finding = { rule: rule.meta.id, severity, cells: problem.cells, message, messageId: problem.messageId, data: problem.data };
    if (problem.expected !== undefined) f.expected = problem.expected;
    if (problem.actual !== undefined) f.actual = problem.actual;
    if (problem.fix !== undefined) f.fix = problem.fix;
    if (problem.table !== undefined) f.table = problem.table;
    if (problem.quote !== undefined) f.quote = problem.quote;
    return f;
  });
  findings.sort((a, b) => (a.table ?? 1e9) - (b.table ?? 1e9) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  groupByCulprit(findings, model, rules, opts.lang);

  const tables: TableInfo[] = [
    ...model.profiles.map((p, i) => ({ kind: 'profile', sheet: p.sheet, range: tableRange(p), unit: null, id: -1 - i })),
    ...model.tables.map((t) => ({ kind: t.kind, sheet: t.sheet, range: tableRange(t), unit: t.unit ?? null, id: t.id, title: t.title })),
    ...model.formLines.map((f) => ({ kind: 'budget', sheet: f.grid.name, range: tableRange(f), unit: f.unit ?? null, id: f.tableId, title: f.name })),
    ...model.scoreTables.map((t) => ({ kind: 'score', sheet: t.sheet, range: tableRange(t), unit: null, id: t.id, title: '评分表' })),
    ...model.projects.map((t) => {
      const form = t.form === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表';
      return { kind: t.form === 'department' ? 'department' : 'project', sheet: t.sheet, range: tableRange(t), unit: null, id: t.id, title: t.name ? `${form}：${t.name}` : form };
    }),
  ].sort((a, b) => a.id - b.id) as TableInfo[];
  for (const t of tables) if (t.title === undefined) delete t.title;

  const scoreEntries: ScoreEntry[] = scores.filter((r) => r.status === 'computed').map((r) => ({
    indicator: r.line.name,
    cell: sheetCell(r.table.sheet, r.line.scoreCell.row, r.line.scoreCell.col),
    max: r.line.max ? shown(r.line.max) : '',
    self: r.line.score ? shown(r.line.score) : '',
    computed: r.computed!.toFixed(),
    basis: r.basis![opts.lang],
    inputs: r.inputCells,
    rule: r.ruleText?.[opts.lang] ?? '',
  }));
  const result: CheckResult = { report: { file, error: null, ...headline(model), tables, findings, scores: scoreEntries, summary: summarize(findings) }, model, scores };
  if (clock) {
    const t6 = clock();
    result.timings = { evaluate: t1 - t0, recognize: t2 - t1, scoring: t3 - t2, rules: t4 - t3, perRule, culprits: t5 - t4, report: t6 - t5, total: t6 - t0 };
  }
  return result;
}

/**
 * A check that needs a formula the engine could not compute cannot say anything: its finding is dropped (the
 * input/uncomputed note says the checks were skipped). Notes about the input itself stay.
 */
function skipUnknown(raised: Array<Raised & { rule: Rule }>, unknown: Map<string, string[]>): void {
  if (!unknown.size) return;
  const at = new Map<string, Array<{ row: number; col: number }>>();
  for (const [sheet, cells] of unknown) {
    at.set(sheet, cells.map((a) => parseRange(a)).filter((r): r is NonNullable<typeof r> => !!r).map((r) => ({ row: r.top, col: r.left })));
  }
  const touches = (ref: string): boolean => {
    const a = splitRef(ref);
    const rect = a ? parseRange(a.address) : null;
    const list = a ? at.get(a.sheet) : undefined;
    return !!rect && !!list && list.some((p) => p.row >= rect.top && p.row <= rect.bottom && p.col >= rect.left && p.col <= rect.right);
  };
  for (let i = raised.length - 1; i >= 0; i--) {
    const x = raised[i]!;
    if (x.rule.meta.id.startsWith('input/')) continue;
    const refs = [...x.problem.cells, ...(x.problem.equation?.terms.map((t) => t.cell) ?? [])];
    if (refs.some(touches)) raised.splice(i, 1);
  }
}

/**
 * Failing checks that name one culprit cell are one problem for a person: they get that cell as their `group`,
 * what the cell is (`groupSubject`: the row's label and the column's name) and their message without the
 * culprit's note (`check`), so that a view lists them under one heading. A culprit named by one check only is
 * left alone.
 */
function groupByCulprit(findings: Finding[], model: WorkbookModel, rules: readonly Rule[], lang: CheckOptions['lang']): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const c = f.data.culprit;
    if (typeof c !== 'string' || f.severity === 'info') continue;
    byCell.set(c, [...(byCell.get(c) ?? []), f]);
  }
  for (const [cell, list] of byCell) {
    if (list.length < 2) continue;
    const subject = subjectOf(cell, model);
    for (const f of list) {
      f.group = cell;
      if (subject) f.groupSubject = subject;
      const rule = rules.find((r) => r.meta.id === f.rule);
      const msg = rule?.meta.messages[f.messageId];
      f.check = msg ? render(msg, lang, f.data) : f.message;
    }
  }
}

/** "1、局机关 · 人员支出": the label of the culprit's row and the name of its column, in the table holding it. */
function subjectOf(ref: string, model: WorkbookModel): string | undefined {
  const at = splitRef(ref);
  const rect = at ? parseRange(at.address) : null;
  if (!at || !rect) return undefined;
  const t = model.tables.find((x) => x.sheet === at.sheet && rect.top >= x.rect.top && rect.top <= x.rect.bottom && rect.left >= x.rect.left && rect.left <= x.rect.right);
  if (!t) return undefined;
  const row = t.rows.find((r) => r.row === rect.top)?.label;
  const col = t.columns.find((c) => c.col === rect.left)?.name;
  return [row, col].filter((x): x is string => !!x).join(' · ') || undefined;
}

/** Re-render findings in another language without checking again. */
export function renderFinding(f: Finding, lang: CheckOptions['lang'], rules: Rule[] = RULES): string {
  const rule = rules.find((r) => r.meta.id === f.rule);
  const msg = rule?.meta.messages[f.messageId];
  return msg ? renderMessage(msg, lang, f.data) : f.message;
}

function renderMessage(msg: MessageText, lang: CheckOptions['lang'], data: Problem['data']): string {
  return render(msg, lang, data) + culpritNote(lang, data);
}

export type { Problem };
