/** What a rule is: an id, a default severity, its messages in Chinese and English, and a check. */
import { ToleranceOptions } from '../arith';
import { Dec } from '../decimal';
import type { GridCache } from '../grid';
import { WorkbookModel } from '../recognize/model';
import type { ScoreResult } from '../scoring/compute';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

export interface MessageText {
  zh: string;
  en: string;
  /** A message may carry its own severity (a rounding difference is `info` in an otherwise `error` rule). */
  severity?: Severity;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: { zh: string; en: string };
  messages: Record<string, MessageText>;
}

/** The two equations a cell can sit in, so that the cell where a column total and a row identity cross can be
 *  named as the culprit. `diff` is stated − computed. */
export type Cross =
  | { axis: 'col'; table: number; col: number; totalRow: number; rows: number[]; diff: Dec }
  | { axis: 'row'; table: number; row: number; whole: number; parts: number[]; diff: Dec };

/**
 * The equation a failing check tested, for naming the culprit across findings: Σ coef × value = 0 is what
 * should hold and `residual` is what it came to. A check that is not a sum (a rate) lists its cells without
 * coefficients: it counts towards a culprit but proposes no fix.
 */
export interface Equation {
  kind: 'col' | 'row' | 'other';
  terms: Array<{ cell: string; coef?: Dec; value: Dec; decimals: number; shown?: string }>;
  residual?: Dec;
}

export interface Problem {
  messageId: string;
  data: Record<string, string | number>;
  /** Sheet-qualified A1 references, most likely culprit first. */
  cells: string[];
  expected?: string;
  actual?: string;
  fix?: string;
  table?: number;
  cross?: Cross;
  equation?: Equation;
  /** The family of checks this one belongs to (one rule, one table or pair of tables, one axis): see
   *  `RuleContext.checked` and the evidence gate in core/evidence.ts. */
  family?: string;
  /** The sentence a finding about a report's text is about, for a person to see it with its figures marked: `text`
   *  at most 300 characters of the paragraph, `marks` the UTF-16 [start, end) offsets of the figures in `text`. */
  quote?: Quote;
}

export interface Quote {
  text: string;
  marks: Array<[number, number]>;
}

export interface GradeBand {
  /** Lowest 总分 of the band (inclusive). */
  min: number;
  /** Names that mean this band; the first is the canonical one. */
  names: string[];
}

export interface CheckOptions {
  lang: Lang;
  tolerance: ToleranceOptions;
  gradeBands: GradeBand[];
  /** Per-rule severity or 'off', overriding the rule's default. */
  severity: Record<string, Severity | 'off'>;
  /** Values a person gave for indicators (by 三级指标 name or score cell): "92%", "3" (cases). */
  indicatorValues?: Record<string, string>;
  /** Where a department's rules cap a project's total score by its execution rate (off unless set). */
  projectCapByRate?: boolean;
  /** A clock in milliseconds (`() => performance.now()`): given, the check says how long each of its phases took
   *  (CheckResult.timings). The core reads no clock of its own, and without one times nothing. */
  clock?: () => number;
  /** Grids kept between checks of one workbook (a live re-check): sheet snapshots given again unchanged are not
   *  classified again (grid.ts GridCache). */
  cache?: GridCache;
}

export const DEFAULT_GRADE_BANDS: GradeBand[] = [
  { min: 90, names: ['优', '优秀'] },
  { min: 80, names: ['良', '良好'] },
  { min: 60, names: ['中', '中等', '合格', '一般'] },
  { min: Number.NEGATIVE_INFINITY, names: ['差', '较差', '不合格', '不及格'] },
];

export interface RuleContext {
  model: WorkbookModel;
  /** The scores the 评分表 criteria give (computed before the rules run; see scoring/compute.ts). */
  scores: ScoreResult[];
  options: CheckOptions;
  report(problem: Problem): void;
  /** Count one check of a family, whether it held or not: a family whose checks fail on most of their lines is a
   *  misreading of the layout, not a list of errors (core/evidence.ts). */
  checked(family: string, n?: number): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
