/** The readable view of a report: grouped by file, then table; colours on a terminal; a summary per file. */
import pc from 'picocolors';
import { FileReport, Finding, kindName, Report, TableInfo } from '../core/report';
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
 *  were left out (an added field; `summary` still counts them all). */
export type PrintedFileReport = FileReport & { findingsCut?: number };

const T = {
  zh: {
    error: '错误', warning: '警告', info: '提示', expected: '应为', actual: '实为', fix: '建议改为',
    other: '其他', clean: '未发现问题', unreadable: '无法校验',
    scores: '评分（按各行评分标准计算）', noScores: '没有可按评分标准计算的指标', max: '分值', self: '自评', computed: '计算',
    summary: (e: number, w: number, i: number, t: number) => `${e} 个错误，${w} 个警告，${i} 条提示（识别 ${t} 张表）`,
    cut: (n: number, max: number) => `另有 ${n} 条未列出（每个文件最多列出 ${max} 条，错误优先）；计数包括全部`,
    total: (f: number, e: number) => `共校验 ${f} 个文件，其中 ${e} 个有错误`,
  },
  en: {
    error: 'error', warning: 'warning', info: 'info', expected: 'expected', actual: 'actual', fix: 'fix',
    other: 'other', clean: 'no problems found', unreadable: 'could not be checked',
    scores: 'Scores computed by each line’s criteria', noScores: 'no line has criteria the engine can compute', max: 'max', self: 'self', computed: 'computed',
    summary: (e: number, w: number, i: number, t: number) => `${e} error(s), ${w} warning(s), ${i} note(s) (${t} table(s) recognised)`,
    cut: (n: number, max: number) => `${n} more not listed (at most ${max} a file, errors first); the counts include them all`,
    total: (f: number, e: number) => `${f} file(s) checked, ${e} with errors`,
  },
};

function tableTitle(t: TableInfo, lang: Lang): string {
  const kind = kindName(t.kind, lang);
  const title = t.title && t.title !== kind ? `${visible(t.title)} · ` : '';
  return `${title}${kind} · ${visible(t.range)}${t.unit ? ` · ${visible(t.unit)}` : ''}`;
}

function findingLines(f: Finding, lang: Lang, color: boolean): string[] {
  const c = pc.createColors(color);
  const tx = T[lang];
  const mark = f.severity === 'error' ? c.red('✖') : f.severity === 'warning' ? c.yellow('⚠') : c.cyan('ℹ');
  const sev = f.severity === 'error' ? c.red(tx.error) : f.severity === 'warning' ? c.yellow(tx.warning) : c.cyan(tx.info);
  const lines = [`    ${mark} ${sev}  ${c.bold(visible(f.cells[0]))}  ${visible(f.message)}  ${c.dim(visible(f.rule))}`];
  const details: string[] = [];
  if (f.expected !== undefined) details.push(`${tx.expected} ${visible(f.expected)}`);
  if (f.actual !== undefined) details.push(`${tx.actual} ${visible(f.actual)}`);
  if (f.fix !== undefined) details.push(`${tx.fix} ${c.green(visible(f.fix))}`);
  if (f.cells.length > 1) details.push(f.cells.slice(1).map(visible).join(' '));
  if (details.length) lines.push(`        ${c.dim(details.join(' · '))}`);
  return lines;
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

/** A file's lines (each bounded: a finding's few lines at most), for writing a piece at a time. */
export function formatFileLines(r: PrintedFileReport, lang: Lang, color: boolean, scores = false): string[] {
  const c = pc.createColors(color);
  const tx = T[lang];
  const out = [c.underline(visible(r.file))];
  if (r.error) {
    out.push(`  ${c.red('✖')} ${tx.unreadable}${lang === 'zh' ? '：' : ': '}${visible(r.error)}`, '');
    return out;
  }
  const byTable = new Map<number | undefined, Finding[]>();
  for (const f of r.findings) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
  for (const t of r.tables) {
    const fs = byTable.get(t.id) ?? [];
    out.push(`  ${fs.length ? c.bold(tableTitle(t, lang)) : c.dim(tableTitle(t, lang))}`);
    for (const f of fs) out.push(...findingLines(f, lang, color));
  }
  const loose = r.findings.filter((f) => f.table === undefined || !r.tables.some((t) => t.id === f.table));
  if (loose.length) {
    out.push(`  ${c.bold(tx.other)}`);
    for (const f of loose) out.push(...findingLines(f, lang, color));
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

export function formatReport(report: Report, lang: Lang, color: boolean, scores = false): string {
  const parts = report.files.map((f) => formatFile(f, lang, color, scores));
  if (report.files.length > 1) {
    const bad = report.files.filter((f) => f.error || f.summary.errors).length;
    parts.push(formatTotal(report.files.length, bad, lang));
  }
  return parts.join('\n');
}
