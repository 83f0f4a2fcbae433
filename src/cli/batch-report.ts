/**
 * `--report 校验汇总.xlsx` (or `.html`): what a reviewer forwards (issue 19, item 5). An 汇总 sheet, one row per file
 * (file, unit, 总分, 等次, errors, warnings, notes, not checked and why), and a 问题清单 sheet, one row per problem
 * (file, sheet, cell, severity, message, 应为, 实为, 建议改为, the rule), so that a unit can be sent its rows. The
 * workbook is written with ExcelJS (filters, a frozen header, widths set); the HTML is one self-contained page,
 * printable on A4. Only a few strings a problem are kept while the batch runs, at most MAX_ROWS problems in all
 * (the 汇总 sheet says how many more there were).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { splitRef } from '../core/a1';
import { problems, SEVERITY_NAME } from '../core/report';
import { RULES } from '../core/rules';
import { Lang } from '../core/rules/types';
import { Outcome, outcomeOf, PrintedFileReport, refsOf } from './format-text';

/** Problems kept for the report's 问题清单, over all files (a sheet a person reads; the JSON has them all). */
export const MAX_ROWS = 100_000;

const COLUMNS = {
  zh: {
    summary: ['文件', '单位', '总分', '等次', '错误', '警告', '提示', '未校验原因'],
    problems: ['文件', '工作表', '单元格', '级别', '说明', '应为', '实为', '建议改为', '规则'],
    sheets: ['汇总', '问题清单'], title: '校验汇总', cut: (n: number) => `另有 ${n} 条问题未列入问题清单（最多 ${MAX_ROWS} 条）`,
    suspect: (cell: string, n: number) => `${cell} 疑似填错：影响 ${n} 项校验`,
  },
  en: {
    summary: ['file', 'unit', 'total', 'grade', 'errors', 'warnings', 'notes', 'not checked because'],
    problems: ['file', 'sheet', 'cell', 'severity', 'message', 'expected', 'actual', 'fix', 'rule'],
    sheets: ['Summary', 'Problems'], title: 'Check summary', cut: (n: number) => `${n} more problems are not listed (at most ${MAX_ROWS})`,
    suspect: (cell: string, n: number) => `${cell} looks mistyped: ${n} checks fail through it`,
  },
};

export type ReportFormat = 'xlsx' | 'html';

export function reportFormatOf(file: string): ReportFormat | null {
  return /\.xlsx$/i.test(file) ? 'xlsx' : /\.html?$/i.test(file) ? 'html' : null;
}

export class BatchReport {
  private readonly files: Outcome[] = [];
  private readonly rows: string[][] = [];
  private cut = 0;

  constructor(private readonly lang: Lang) {}

  add(r: PrintedFileReport): void {
    this.files.push(outcomeOf(r));
    const refs = refsOf(r, this.lang);
    const tx = COLUMNS[this.lang];
    for (const p of problems(r.findings)) {
      if (this.rows.length >= MAX_ROWS) {
        this.cut++;
        continue;
      }
      const f = p.lead;
      const cell = p.group ?? f.cells[0] ?? '';
      const at = splitRef(cell);
      const said = refs.say(cell);
      const severity = p.severity;
      const where = p.group ? (f.groupSubject ? `${f.groupSubject}（${said ?? at?.address ?? cell}）` : said ?? cell) : '';
      const message = p.group
        ? `${tx.suspect(where, p.findings.length)}：${p.findings.map((x) => refs.text(x.check ?? x.message)).join('；')}`
        : refs.text(f.message);
      const rules = [...new Set(p.findings.map((x) => ruleName(x.rule, this.lang)))].join('；');
      this.rows.push([
        r.file, at?.sheet ?? '', said ?? at?.address ?? cell, SEVERITY_NAME[severity][this.lang],
        message, f.expected ?? '', f.actual ?? '', f.fix ?? '', rules,
      ]);
    }
    this.cut += r.findingsCut ?? 0;
  }

  /** The 汇总 rows: a file each, with its counts or why it was not checked. */
  summaryRows(): Array<Array<string | number>> {
    return this.files.map((o) => [
      o.file, o.unit ?? '', o.total?.score ?? '', o.total?.grade ?? '',
      o.error ? '' : o.summary.errors, o.error ? '' : o.summary.warnings, o.error ? '' : o.summary.info, o.error ?? '',
    ]);
  }

  problemRows(): string[][] {
    return this.rows;
  }

  async write(file: string, format: ReportFormat): Promise<void> {
    if (format === 'xlsx') await this.writeXlsx(file);
    else await fs.writeFile(file, this.html(), 'utf8');
  }

  private async writeXlsx(file: string): Promise<void> {
    const tx = COLUMNS[this.lang];
    const wb = new ExcelJS.Workbook();
    const sheet = (name: string, header: string[], widths: number[], rows: Array<Array<string | number>>): void => {
      const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = header.map((h, i) => ({ header: h, width: widths[i] }));
      ws.getRow(1).font = { bold: true };
      // an empty field is an empty cell, not an empty string
      for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
      for (let i = 2; i <= rows.length + 1; i++) ws.getRow(i).alignment = { vertical: 'top', wrapText: true };
    };
    const summary = this.summaryRows();
    if (this.cut) summary.push([tx.cut(this.cut)]);
    sheet(tx.sheets[0]!, tx.summary, [40, 24, 8, 8, 8, 8, 8, 50], summary);
    sheet(tx.sheets[1]!, tx.problems, [36, 14, 16, 8, 80, 12, 12, 12, 30], this.rows);
    await wb.xlsx.writeFile(file);
  }

  html(): string {
    const tx = COLUMNS[this.lang];
    const esc = (v: string | number): string => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const table = (header: string[], rows: Array<Array<string | number>>, cls: string): string =>
      `<table class="${cls}"><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
    return `<!doctype html>
<html lang="${this.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(tx.title)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 14pt; } h2 { font-size: 12pt; margin-top: 16pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; word-break: break-word; }
thead { display: table-header-group; } tr { page-break-inside: avoid; }
th { background: #eee; }
</style></head><body>
<h1>${esc(tx.title)}</h1>
<h2>${esc(tx.sheets[0]!)}</h2>
${table(tx.summary, this.summaryRows(), 'summary')}
${this.cut ? `<p>${esc(tx.cut(this.cut))}</p>` : ''}
<h2>${esc(tx.sheets[1]!)}</h2>
${table(tx.problems, this.rows, 'problems')}
</body></html>
`;
  }
}

function ruleName(id: string, lang: Lang): string {
  const r = RULES.find((x) => x.meta.id === id);
  return r ? r.meta.description[lang] : id;
}
