/** The report of ../shared/report-schema.md: data, not text; the CLI's text and JSON outputs are views of it. */
import { Quote, Severity } from './rules/types';

export type { Quote };

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
  /** Extra field: several failing checks that share one suspected cell are one problem for a person (issue 19):
   *  each keeps its finding, and they share `group`, the suspected cell; `groupSubject` says what the cell is
   *  ("1、局机关 · 人员支出") and `check` is the message without the culprit's note, for listing under the group. */
  group?: string;
  groupSubject?: string;
  check?: string;
  messageId: string;
  data: Record<string, string | number>;
  /** Extra field: for a finding about a sentence of the report's text, the sentence (at most 300 characters) and
   *  the UTF-16 [start, end) offsets of the figures in question within it, for highlighting. */
  quote?: Quote;
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
  /** Extra field: why the file was not checked, as a word for programs (tooLarge, timeout, corrupt …; see
   *  src/cli/read-error.ts), alongside `error`'s sentence for people. */
  errorCode?: string;
  /** Extra fields for a reviewer's summary: the unit as the workbook or report names it, and the 总分 and 等次 it
   *  states (see core/headline.ts); absent where it names none. */
  unit?: string;
  total?: { score: string; grade?: string };
  tables: TableInfo[];
  findings: Finding[];
  scores: ScoreEntry[];
  summary: { errors: number; warnings: number; info: number };
}

export interface Report {
  version: 1;
  files: FileReport[];
}

/** The counts count problems, not equations: the findings of one group (one suspected cell) count once, at the
 *  gravest severity among them. */
export function summarize(findings: Finding[]): FileReport['summary'] {
  const s = { errors: 0, warnings: 0, info: 0 };
  const grouped = new Map<string, Severity>();
  for (const f of findings) {
    if (f.group) {
      const was = grouped.get(f.group);
      if (!was || SEVERITY_RANK[f.severity] < SEVERITY_RANK[was]) grouped.set(f.group, f.severity);
      continue;
    }
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.info++;
  }
  for (const sev of grouped.values()) {
    if (sev === 'error') s.errors++;
    else if (sev === 'warning') s.warnings++;
    else s.info++;
  }
  return s;
}

/** One problem as a person reads it: a finding, or the checks of one suspected cell (`group`). */
export interface ListedProblem {
  group?: string;
  findings: Finding[];
  /** the finding that says what to write (the one with a fix), else the first */
  lead: Finding;
  /** the gravest severity among them */
  severity: Severity;
  /** the cells they involve besides the suspected one, each once */
  context: string[];
}

/** Findings as a person reads them: each group (one suspected cell) as one item where it first appears, the
 *  rest as they are. The CLI's text output, its --report and the pane all list these. */
export function problems(findings: readonly Finding[]): ListedProblem[] {
  const lists: Array<{ group?: string; findings: Finding[] }> = [];
  const at = new Map<string, { group?: string; findings: Finding[] }>();
  for (const f of findings) {
    if (!f.group) {
      lists.push({ findings: [f] });
      continue;
    }
    let item = at.get(f.group);
    if (!item) {
      item = { group: f.group, findings: [] };
      at.set(f.group, item);
      lists.push(item);
    }
    item.findings.push(f);
  }
  return lists.map(({ group, findings: fs }) => {
    const lead = fs.find((x) => x.fix !== undefined) ?? fs[0]!;
    const severity = fs.reduce<Severity>((w, x) => (SEVERITY_RANK[x.severity] < SEVERITY_RANK[w] ? x.severity : w), fs[0]!.severity);
    const context = [...new Set(fs.flatMap((x) => x.cells.slice(1)))].filter((c) => c !== group);
    return { ...(group ? { group } : {}), findings: fs, lead, severity, context };
  });
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

/** The order findings are shown and marked in: errors, then warnings, then notes. One place for every view. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_NAME: Readonly<Record<Severity, { zh: string; en: string }>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
};

/** What each kind of table is called, for every view (CLI, pane, export): no raw kind word reaches a person. */
export const TABLE_KIND_NAME: Readonly<Record<string, { zh: string; en: string }>> = {
  income: { zh: '收入表', en: 'income' },
  expenditure: { zh: '支出和结余表', en: 'expenditure' },
  sangong: { zh: '“三公”经费表', en: '"three public" spending' },
  assets: { zh: '固定资产表', en: 'fixed assets' },
  budget: { zh: '预决算对比表', en: 'budget vs actual' },
  projects: { zh: '项目支出表', en: 'projects' },
  items: { zh: '明细表', en: 'item list' },
  score: { zh: '评分表', en: 'scoring table' },
  profile: { zh: '基本概况', en: 'profile' },
  project: { zh: '项目支出绩效自评表', en: 'project self-evaluation' },
  department: { zh: '部门整体支出绩效自评表', en: 'department self-evaluation' },
};

export function kindName(kind: string, lang: 'zh' | 'en'): string {
  return TABLE_KIND_NAME[kind]?.[lang] ?? (lang === 'zh' ? '表格' : 'table');
}

/** A table as people see it named: its title, else what its kind is called. */
export function tableName(t: TableInfo, lang: 'zh' | 'en'): string {
  return t.title ?? kindName(t.kind, lang);
}

/** The columns of an exported 校验结果 sheet, in the pane's export and the preview's alike. */
export const RESULT_COLUMNS = { zh: ['文件', '表', '级别', '单元格', '说明', '应为', '实为', '建议改为', '规则'], en: ['file', 'table', 'severity', 'cell', 'message', 'expected', 'actual', 'fix', 'rule'] };

/** The rows of an exported 校验结果 sheet (plain texts; a host makes links of the cells where it can). */
export function resultTable(report: FileReport, lang: 'zh' | 'en' = 'zh', ruleName: (id: string) => string = (id) => id): string[][] {
  const tables = new Map(report.tables.map((t) => [t.id, `${tableName(t, lang)}（${t.range}）`]));
  const rows = [RESULT_COLUMNS[lang]];
  for (const f of report.findings) {
    rows.push([
      report.file, f.table !== undefined ? tables.get(f.table) ?? '' : '', SEVERITY_NAME[f.severity][lang], f.cells[0] ?? '', f.message,
      f.expected ?? '', f.actual ?? '', f.fix ?? '', ruleName(f.rule),
    ]);
  }
  if (rows.length === 1) rows.push([report.file, '', '', '', lang === 'zh' ? '未发现问题' : 'no problems found', '', '', '', '']);
  return rows;
}
