/** The readable view of a report: grouped by file, then table; colours on a terminal; a summary per file. */
import pc from 'picocolors';
import { parseRange, splitRef } from '../core/a1';
import { FileReport, Finding, kindName, ListedProblem, problems, Quote, Report, TableInfo } from '../core/report';
import { Lang } from '../core/rules/types';

/** Control characters (C0, DEL, C1: ESC sequences begin with ESC or CSI), bidirectional controls and line or
 *  paragraph separators: a label or file name holding one could clear the screen, set the window title, reverse
 *  text or forge a line of its own. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a workbook, a file name or a message, made safe to print: each character above shown as a visible
 * escape ("\n", "\u001b", "\u202e"), so it is seen and does nothing. The only line breaks in the text output
 * are the layout's own. Every piece of text printed goes through it, once.
 */
export function visible(s: string | number | undefined | null): string {
  return String(s ?? '').replace(UNSAFE, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file's entry as the CLI prints it: past the bound on findings a file (main.ts), `findingsCut` says how many
 *  were left out (an added field; `summary` still counts them all). `wordSheets`: the sheets read from a Word
 *  report (正文, 表1 …; ./check-file.ts), whose cells the text output says as paragraphs and table cells (never
 *  in the JSON, which keeps the A1 references). */
export type PrintedFileReport = FileReport & { findingsCut?: number; wordSheets?: string[] };

/** A finding's sentence and the offsets [start, end) of the figures in question (core Finding.quote), with marks
 *  that are no pair of integers left out. */
export function quoteOf(f: Finding): Quote | null {
  const q = f.quote;
  if (!q || typeof q.text !== 'string') return null;
  const marks = Array.isArray(q.marks) ? q.marks.filter((m): m is [number, number] => Array.isArray(m) && Number.isInteger(m[0]) && Number.isInteger(m[1])) : [];
  return { text: q.text, marks };
}

/**
 * References into a Word report, said the way a reader finds them: `正文!A12` is 第12段 (paragraph 12), `表3!B5`
 * 表3 第5行 第2列 (table 3, row 5, column 2). Where the report was checked together with a workbook, its sheets
 * are said as the report's (报告第12段, 报告表3 …; a sheet renamed 表1(报告) for a collision is still 报告表1).
 */
export class WordRefs {
  private readonly sheets: Map<string, { kind: 'body' } | { kind: 'table'; n: string }>;
  private readonly pattern: RegExp | null;

  constructor(names: readonly string[] | undefined, private readonly together: boolean, private readonly lang: Lang) {
    this.sheets = new Map();
    for (const name of names ?? []) {
      const base = name.replace(/\(报告\d*\)$/, '');
      const table = /^表(\d+)$/.exec(base);
      if (base === '正文') this.sheets.set(name, { kind: 'body' });
      else if (table) this.sheets.set(name, { kind: 'table', n: table[1]! });
    }
    const esc = (n: string): string => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const keys = [...this.sheets.keys()].sort((a, b) => b.length - a.length);
    // a quoted name is delimited by its quotes; a bare one must not be the end of another sheet's name (收支表1)
    const quoted = keys.map((n) => esc(`'${n.replace(/'/g, "''")}'`));
    const bare = keys.map(esc);
    this.pattern = keys.length
      ? new RegExp(`(?:${quoted.join('|')}|(?<![\\p{L}\\p{N}_.'])(?:${bare.join('|')}))!\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`, 'gu')
      : null;
  }

  get any(): boolean {
    return this.sheets.size > 0;
  }

  /** One reference as said, or null when it is not a Word report's. */
  say(ref: string): string | null {
    const at = splitRef(ref);
    const sheet = at && this.sheets.get(at.sheet);
    const r = sheet && parseRange(at.address);
    if (!sheet || !r) return null;
    const zh = this.lang === 'zh';
    const span = (a: number, b: number): string => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`);
    const of = this.together ? (zh ? '报告' : 'report ') : '';
    if (sheet.kind === 'body') {
      return zh ? `${of}第${span(r.top, r.bottom)}段` : `${of}paragraph${r.top === r.bottom ? '' : 's'} ${span(r.top, r.bottom)}`;
    }
    return zh
      ? `${of}表${sheet.n} 第${span(r.top, r.bottom)}行 第${span(r.left, r.right)}列`
      : `${of}table ${sheet.n} row${r.top === r.bottom ? '' : 's'} ${span(r.top, r.bottom)} col${r.left === r.right ? '' : 's'} ${span(r.left, r.right)}`;
  }

  /** A reference, said where it is a Word report's, else as it is. */
  cell(ref: string): string {
    return this.say(ref) ?? ref;
  }

  /** The references inside a message, said. */
  text(s: string): string {
    return this.pattern ? s.replace(this.pattern, (m) => this.say(m) ?? m) : s;
  }
}

const NO_REFS = new WordRefs(undefined, false, 'zh');

const T = {
  zh: {
    error: '错误', warning: '警告', info: '提示', expected: '应为', actual: '实为', fix: '建议改为', cells: '相关单元格：',
    suspect: (cell: string, n: number) => `${cell} 疑似填错：影响 ${n} 项校验`,
    other: '其他', clean: '未发现问题', unreadable: '无法校验',
    scores: '评分（按各行评分标准计算）', noScores: '没有可按评分标准计算的指标', max: '分值', self: '自评', computed: '计算',
    summary: (e: number, w: number, i: number, t: number) => `${e} 个错误，${w} 个警告，${i} 条提示（识别 ${t} 张表）`,
    cut: (n: number, max: number) => `另有 ${n} 条未列出（每个文件最多列出 ${max} 条，错误优先）；计数包括全部`,
    total: (f: number, e: number) => `共校验 ${f} 个文件，其中 ${e} 个有错误`,
  },
  en: {
    error: 'error', warning: 'warning', info: 'info', expected: 'expected', actual: 'actual', fix: 'fix', cells: 'cells: ',
    suspect: (cell: string, n: number) => `${cell} looks mistyped: ${n} checks fail through it`,
    other: 'other', clean: 'no problems found', unreadable: 'could not be checked',
    scores: 'Scores computed by each line’s criteria', noScores: 'no line has criteria the engine can compute', max: 'max', self: 'self', computed: 'computed',
    summary: (e: number, w: number, i: number, t: number) => `${e} error(s), ${w} warning(s), ${i} note(s) (${t} table(s) recognised)`,
    cut: (n: number, max: number) => `${n} more not listed (at most ${max} a file, errors first); the counts include them all`,
    total: (f: number, e: number) => `${f} file(s) checked, ${e} with errors`,
  },
};

function tableTitle(t: TableInfo, lang: Lang, refs: WordRefs = NO_REFS): string {
  const kind = kindName(t.kind, lang);
  const title = t.title && t.title !== kind ? `${visible(t.title)} · ` : '';
  return `${title}${kind} · ${visible(refs.cell(t.range))}${t.unit ? ` · ${visible(t.unit)}` : ''}`;
}

/** At most this many characters of a quoted sentence are shown, around its first marked figure. */
const QUOTE_CHARS = 160;

/** The quoted sentence with its figures marked: 【94.78%】 without colours, bold and red with them. */
export function quoteLine(q: Quote, color: boolean): string {
  const c = pc.createColors(color);
  const text = q.text;
  const marks = [...q.marks].map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as [number, number])
    .filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let from = 0;
  let to = text.length;
  if (text.length > QUOTE_CHARS) {
    const first = marks[0]?.[0] ?? 0;
    from = Math.max(0, Math.min(first - QUOTE_CHARS / 2, text.length - QUOTE_CHARS));
    to = Math.min(text.length, from + QUOTE_CHARS);
  }
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [a0, b0] of marks) {
    const a = Math.max(a0, at);
    const b = Math.min(b0, to);
    if (b <= a) continue;
    out += visible(text.slice(at, a));
    const fig = visible(text.slice(a, b));
    out += color ? c.bold(c.red(fig)) : `【${fig}】`;
    at = b;
  }
  out += visible(text.slice(at, to)) + (to < text.length ? '…' : '');
  return `“${out}”`;
}

function findingLines(f: Finding, lang: Lang, color: boolean, refs: WordRefs = NO_REFS, verbose = false): string[] {
  const c = pc.createColors(color);
  const tx = T[lang];
  const mark = f.severity === 'error' ? c.red('✖') : f.severity === 'warning' ? c.yellow('⚠') : c.cyan('ℹ');
  const sev = f.severity === 'error' ? c.red(tx.error) : f.severity === 'warning' ? c.yellow(tx.warning) : c.cyan(tx.info);
  const first = f.cells[0] === undefined ? undefined : refs.cell(f.cells[0]);
  // the rule's id is for whoever tunes the rules (--verbose, and the JSON), not for the person fixing the cell
  const lines = [`    ${mark} ${sev}  ${c.bold(visible(first))}  ${visible(refs.text(f.message))}${verbose ? `  ${c.dim(visible(f.rule))}` : ''}`];
  const quote = quoteOf(f);
  if (quote) lines.push(`        ${quoteLine(quote, color)}`);
  const details: string[] = [];
  if (f.expected !== undefined) details.push(`${tx.expected} ${visible(f.expected)}`);
  if (f.actual !== undefined) details.push(`${tx.actual} ${visible(f.actual)}`);
  if (f.fix !== undefined) details.push(`${tx.fix} ${c.green(visible(f.fix))}`);
  if (f.cells.length > 1) details.push(`${tx.cells}${f.cells.slice(1).map((x) => visible(refs.cell(x))).join(' ')}`);
  if (details.length) lines.push(`        ${c.dim(details.join(' · '))}`);
  return lines;
}

/**
 * Checks that share their suspected cell, as one problem: the cell, what it is and what it should be first, then
 * each check it breaks, then the cells they involve (issue 19: one typo was two 错误 with the fix under the
 * wrong headline).
 */
function groupLines(p: ListedProblem, lang: Lang, color: boolean, refs: WordRefs, verbose: boolean): string[] {
  const c = pc.createColors(color);
  const tx = T[lang];
  const list = p.findings;
  const f0 = list[0]!;
  const mark = p.severity === 'error' ? c.red('✖') : c.yellow('⚠');
  const sev = p.severity === 'error' ? c.red(tx.error) : c.yellow(tx.warning);
  const where = visible(refs.cell(f0.group!));
  const subject = f0.groupSubject ? (lang === 'zh' ? `${visible(f0.groupSubject)}（${where}）` : `${visible(f0.groupSubject)} (${where})`) : where;
  // 应为/实为/建议改为 of the check that proposes the fix (none when no check does)
  const fix = p.lead.fix !== undefined ? p.lead : undefined;
  const head = tx.suspect(subject, list.length);
  const lines = [`    ${mark} ${sev}  ${c.bold(head)}`];
  for (const f of list) lines.push(`        · ${visible(refs.text(f.check ?? f.message))}${verbose ? `  ${c.dim(visible(f.rule))}` : ''}`);
  const details: string[] = [];
  if (fix?.expected !== undefined) details.push(`${tx.expected} ${visible(fix.expected)}`);
  if (fix?.actual !== undefined) details.push(`${tx.actual} ${visible(fix.actual)}`);
  if (fix?.fix !== undefined) details.push(`${tx.fix} ${c.green(visible(fix.fix))}`);
  if (p.context.length) details.push(`${tx.cells}${p.context.map((x) => visible(refs.cell(x))).join(' ')}`);
  if (details.length) lines.push(`        ${c.dim(details.join(' · '))}`);
  return lines;
}

function problemLines(fs: Finding[], lang: Lang, color: boolean, refs: WordRefs, verbose: boolean): string[] {
  return problems(fs).flatMap((p) => (p.group ? groupLines(p, lang, color, refs, verbose) : findingLines(p.lead, lang, color, refs, verbose)));
}

function scoreLines(r: FileReport, lang: Lang, color: boolean): string[] {
  const c = pc.createColors(color);
  const tx = T[lang];
  if (!r.scores.length) return [`  ${c.dim(tx.noScores)}`];
  const out = [`  ${c.bold(tx.scores)}`];
  for (const s of r.scores) {
    const differs = s.self !== '' && s.self !== s.computed;
    const mark = differs ? c.yellow('⚠') : c.green('✔');
    const computed = visible(s.computed);
    out.push(`    ${mark} ${visible(s.indicator)}  ${c.dim(visible(s.cell))}  ${tx.max} ${visible(s.max)} · ${tx.self} ${visible(s.self) || '—'} · ${tx.computed} ${differs ? c.yellow(computed) : computed}`);
    out.push(`        ${c.dim(visible(s.basis))}`);
  }
  return out;
}

/** How a file's references are said: a report checked alone, or together with a workbook (its entry names both). */
export function refsOf(r: PrintedFileReport, lang: Lang): WordRefs {
  return new WordRefs(r.wordSheets, r.file.includes(' + ') && (r.wordSheets?.length ?? 0) > 0 && !/\.doc[xm]$/i.test(r.file.split(' + ')[0]!), lang);
}

/** A file's lines (each bounded: a finding's few lines at most), for writing a piece at a time. */
export function formatFileLines(r: PrintedFileReport, lang: Lang, color: boolean, scores = false, verbose = false): string[] {
  const c = pc.createColors(color);
  const tx = T[lang];
  const out = [c.underline(visible(r.file))];
  if (r.error) {
    // a folder's other files (说明.pdf) are listed, not failed: their message says 未校验 itself
    if (r.errorCode === 'notChecked') out.push(`  ${c.dim('–')} ${visible(r.error)}`, '');
    else out.push(`  ${c.red('✖')} ${tx.unreadable}${lang === 'zh' ? '：' : ': '}${visible(r.error)}`, '');
    return out;
  }
  const refs = refsOf(r, lang);
  const byTable = new Map<number | undefined, Finding[]>();
  for (const f of r.findings) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
  for (const t of r.tables) {
    const fs = byTable.get(t.id) ?? [];
    out.push(`  ${fs.length ? c.bold(tableTitle(t, lang, refs)) : c.dim(tableTitle(t, lang, refs))}`);
    out.push(...problemLines(fs, lang, color, refs, verbose));
  }
  const loose = r.findings.filter((f) => f.table === undefined || !r.tables.some((t) => t.id === f.table));
  if (loose.length) {
    out.push(`  ${c.bold(tx.other)}`);
    out.push(...problemLines(loose, lang, color, refs, verbose));
  }
  if (r.findingsCut) out.push(`  ${c.yellow('⚠')} ${tx.cut(r.findingsCut, r.findings.length)}`);
  if (scores) out.push(...scoreLines(r, lang, color));
  const s = r.summary;
  const line = tx.summary(s.errors, s.warnings, s.info, r.tables.length);
  const mark = s.errors ? c.red('✖') : s.warnings ? c.yellow('⚠') : c.green('✔');
  out.push(`  ${mark} ${s.errors || s.warnings || s.info ? line : `${tx.clean} · ${line}`}`, '');
  return out;
}

export function formatFile(r: PrintedFileReport, lang: Lang, color: boolean, scores = false): string {
  return formatFileLines(r, lang, color, scores).join('\n');
}

/** The line after the last file when there are several. */
export function formatTotal(files: number, withErrors: number, lang: Lang): string {
  return T[lang].total(files, withErrors);
}

/** What the batch summary keeps of each file (a few fields, however many findings it had). */
export interface Outcome {
  file: string;
  error: string | null;
  errorCode?: string;
  unit?: string;
  total?: { score: string; grade?: string };
  summary: FileReport['summary'];
}

export function outcomeOf(r: FileReport): Outcome {
  return { file: r.file, error: r.error, ...(r.errorCode ? { errorCode: r.errorCode } : {}), ...(r.unit ? { unit: r.unit } : {}), ...(r.total ? { total: r.total } : {}), summary: r.summary };
}

const S = {
  zh: {
    title: '汇总', unit: '', score: '总分', grade: '等次', notChecked: (n: number) => `未校验（${n}）`,
    counts: (e: number, w: number, i: number) => [e && `${e} 个错误`, w && `${w} 个警告`, i && `${i} 条提示`].filter(Boolean).join('，'),
    clean: (n: number) => `其余 ${n} 个文件未发现错误或警告`,
    total: (all: number, checked: number, e: number, w: number, skipped: number) =>
      `共 ${all} 个文件：校验 ${checked} 个，其中 ${e} 个有错误、${w} 个只有警告${skipped ? `；${skipped} 个未校验` : ''}`,
  },
  en: {
    title: 'Summary', unit: '', score: 'total', grade: 'grade', notChecked: (n: number) => `Not checked (${n})`,
    counts: (e: number, w: number, i: number) => [e && `${e} error(s)`, w && `${w} warning(s)`, i && `${i} note(s)`].filter(Boolean).join(', '),
    clean: (n: number) => `the other ${n} file(s): no error or warning`,
    total: (all: number, checked: number, e: number, w: number, skipped: number) =>
      `${all} file(s): ${checked} checked, ${e} with errors, ${w} with warnings only${skipped ? `; ${skipped} not checked` : ''}`,
  },
};

/**
 * The summary after a batch (issue 19, item 4): a line per file with errors or warnings (its name, the unit as it
 * names itself, its 总分 and 等次, its counts), errors first; then every file not checked and why; then the totals.
 */
export function formatSummary(outcomes: readonly Outcome[], lang: Lang, color: boolean): string[] {
  const c = pc.createColors(color);
  const tx = S[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const checked = outcomes.filter((o) => o.error === null);
  const skipped = outcomes.filter((o) => o.error !== null);
  const flagged = checked.filter((o) => o.summary.errors || o.summary.warnings)
    .sort((a, b) => b.summary.errors - a.summary.errors || b.summary.warnings - a.summary.warnings);
  const out = [c.bold(tx.title)];
  for (const o of flagged) {
    const mark = o.summary.errors ? c.red('✖') : c.yellow('⚠');
    const bits = [visible(o.file)];
    if (o.unit) bits.push(visible(o.unit));
    if (o.total) bits.push(`${tx.score} ${visible(o.total.score)}${o.total.grade ? ` · ${tx.grade} ${visible(o.total.grade)}` : ''}`);
    bits.push(tx.counts(o.summary.errors, o.summary.warnings, o.summary.info));
    out.push(`  ${mark} ${bits.join(' · ')}`);
  }
  const quiet = checked.length - flagged.length;
  if (quiet) out.push(`  ${c.green('✔')} ${tx.clean(quiet)}`);
  if (skipped.length) {
    out.push(c.bold(tx.notChecked(skipped.length)));
    for (const o of skipped) out.push(`  ${o.errorCode === 'notChecked' ? c.dim('–') : c.red('✖')} ${visible(o.file)}${sep}${visible(o.error)}`);
  }
  const withErrors = checked.filter((o) => o.summary.errors).length;
  const warnOnly = checked.filter((o) => !o.summary.errors && o.summary.warnings).length;
  out.push(tx.total(outcomes.length, checked.length, withErrors, warnOnly, skipped.length));
  return out;
}

export function formatReport(report: Report, lang: Lang, color: boolean, scores = false): string {
  const parts = report.files.map((f) => formatFile(f, lang, color, scores));
  if (report.files.length > 1) {
    const bad = report.files.filter((f) => f.error || f.summary.errors).length;
    parts.push(formatTotal(report.files.length, bad, lang));
  }
  return parts.join('\n');
}
