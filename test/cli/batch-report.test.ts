/**
 * `--report 校验汇总.xlsx` / `.html` (issue 19, item 5): read back — the workbook with ExcelJS, the page in headless
 * Chromium — and its rows asserted: an 汇总 row per file, a 问题清单 row per problem, filters, a frozen header.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { EXAMPLES_DIR, run } from '../../src/cli/main';
import { launchChromium } from '../helpers/browser';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['node', 'selfeval-check', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
  return { code, out, err };
}

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-forward-'));
  copyFileSync(path.join(EXAMPLES_DIR, 'seed002-planted-error.xlsx'), path.join(dir, '部门甲.xlsx'));
  copyFileSync(path.join(EXAMPLES_DIR, 'seed004-report.docx'), path.join(dir, '部门乙报告.docx'));
  writeFileSync(path.join(dir, '说明.pdf'), '%PDF');
  return dir;
}

const values = (ws: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    const cells = Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    out.push(cells);
  });
  return out;
};

test('the .xlsx: 汇总 a row per file, 问题清单 a row per problem, filters and a frozen header', async () => {
  const dir = folder();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'selfeval-out-')), '校验汇总.xlsx');
  const r = await cli(dir, '--report', file);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`校验汇总已写入 ${file}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单']);
  const summary = wb.getWorksheet('汇总')!;
  const name = (f: string): string => path.join(dir, f);
  expect(values(summary)).toEqual([
    ['文件', '单位', '总分', '等次', '错误', '警告', '提示', '未校验原因'],
    [name('部门甲.xlsx'), null, '99', '优秀', 1, 1, 1],
    [name('部门乙报告.docx'), null, null, null, 2, 0, 0],
    [name('说明.pdf'), null, null, null, null, null, null, '.pdf 文件不是工作簿或 Word 报告，未校验'],
  ]);
  expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(summary.autoFilter).toBeTruthy();
  const problems = values(wb.getWorksheet('问题清单')!);
  expect(problems[0]).toEqual(['文件', '工作表', '单元格', '级别', '说明', '应为', '实为', '建议改为', '规则']);
  expect(problems).toHaveLength(1 + 2 + 3);
  const typo = problems.find((p) => p[2] === 'D22')!;
  expect(typo.slice(0, 4)).toEqual([name('部门甲.xlsx'), '收支表', 'D22', '错误']);
  expect(typo[4]).toMatch(/^1、局机关 · 人员支出（D22） 疑似填错：影响 2 项校验：“局机关及二级机构汇总”行“人员支出”为 2137\.98.*；“1、局机关”行：人员支出 310\.62 \+ 公用支出 10\.62 = 321\.24/);
  expect(typo.slice(5, 8)).toEqual(['301.62', '310.62', '301.62']);
  // a report's cells as a reader finds them
  const rate = problems.find((p) => p[2] === '第22段')!;
  expect(rate.slice(1, 4)).toEqual(['正文', '第22段', '错误']);
  expect(rate[8]).toBe('文字中的执行率、占比、增减幅度与其所依据的金额相符');
});

test('the .html: one self-contained page, printable on A4, with the same rows', async () => {
  const dir = folder();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'selfeval-out-')), '校验汇总.html');
  expect((await cli(dir, '--report', file, '--format', 'json')).code).toBe(1);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (q) => void (q.url().startsWith('file:') || requests.push(q.url())));
    await page.goto(`file://${file}`);
    const rows = await page.$$eval('table.summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => [path.basename(r[0]!), r[4], r[7]])).toEqual([['部门甲.xlsx', '1', ''], ['部门乙报告.docx', '2', ''], ['说明.pdf', '', '.pdf 文件不是工作簿或 Word 报告，未校验']]);
    const problems = await page.$$eval('table.problems tbody tr', (trs) => trs.map((tr) => tr.children[2]!.textContent));
    expect(problems).toContain('D22');
    expect(problems).toContain('第22段');
    expect(requests).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  } finally {
    await browser.close();
  }
}, 60_000);

test('--report must be an .xlsx or .html file', async () => {
  const r = await cli('--report', 'x.pdf', path.join(EXAMPLES_DIR, 'seed002-clean.xlsx'));
  expect(r.code).toBe(2);
  expect(r.err).toContain('选项 --report <file> 的值“x.pdf”无效：应为 .xlsx 或 .html 文件');
});
