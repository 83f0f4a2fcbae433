/** The report of ../shared/report-schema.md: data, not text; the CLI's text and JSON outputs are views of it. */
import { Severity } from './rules/types';

export interface TableInfo {
  kind: string;
  sheet: string;
  range: string;
  unit: string | null;
  /** Extra fields (the schema allows additions): the table's id, which findings refer to, and its title. */
  id: number;
  title?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  cells: string[];
  message: string;
  expected?: string;
  actual?: string;
  fix?: string;
  /** Extra fields: the table the finding belongs to, and the message id and data to render it in another language. */
  table?: number;
  messageId: string;
  data: Record<string, string | number>;
}

export interface ScoreEntry {
  indicator: string;
  cell: string;
  max: string;
  self: string;
  computed: string;
  basis: string;
  /** Extra fields: the cells the inputs came from, and the 评分标准 as the engine read it. */
  inputs: string[];
  rule: string;
}

export interface FileReport {
  file: string;
  error: string | null;
  tables: TableInfo[];
  findings: Finding[];
  scores: ScoreEntry[];
  summary: { errors: number; warnings: number; info: number };
}

export interface Report {
  version: 1;
  files: FileReport[];
}

export function summarize(findings: Finding[]): FileReport['summary'] {
  const s = { errors: 0, warnings: 0, info: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.info++;
  }
  return s;
}

/** Exit status of the schema: 0 when no file has an error finding (or a file error), 1 otherwise. */
export function exitStatus(report: Report): number {
  return report.files.some((f) => f.error !== null || f.summary.errors > 0) ? 1 : 0;
}

/**
 * A finding a person has looked at and accepted (忽略). It is known by its rule, its first cell and its message
 * id — not its wording, which changes with the figures.
 */
export interface IgnoredItem {
  key: string;
  rule: string;
  cell: string;
  message: string;
  at: string;
}

export function findingKey(f: Pick<Finding, 'rule' | 'cells' | 'messageId'>): string {
  return `${f.rule}|${f.cells[0] ?? ''}|${f.messageId}`;
}

export function ignoredItem(f: Finding, now = new Date()): IgnoredItem {
  return { key: findingKey(f), rule: f.rule, cell: f.cells[0] ?? '', message: f.message, at: now.toISOString() };
}

export function withoutIgnored(findings: Finding[], ignored: IgnoredItem[]): Finding[] {
  const keys = new Set(ignored.map((x) => x.key));
  return findings.filter((f) => !keys.has(findingKey(f)));
}
