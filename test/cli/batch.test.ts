/**
 * A reviewer's folder of submissions (issue 19, items 1 and 4): every file accounted for — .xlsx, .xls, .et and
 * .docx checked, a broken one with its error, any other file listed as not checked (never in silence, never
 * failing the run) — and a summary at the end: a line per file with errors or warnings, the files not checked,
 * the totals.
 */
import * as XLSX from '@e965/xlsx';
import { copyFileSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { EXAMPLES_DIR, run } from '../../src/cli/main';
import { Report } from '../../src/core/report';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['node', 'selfeval-check', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
  return { code, out, err };
}

function biff(typo: boolean): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([['单位名称：部门乙局'], ['单位名称', '支出合计', '基本支出', '项目支出'], ['合计', 1139.12, 416.1, typo ? 733.02 : 723.02], ['局机关', 788.64, 312.24, 476.4], ['妇幼保健院', 350.48, 103.86, 246.62]]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '收支表');
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-batch-'));
  copyFileSync(path.join(EXAMPLES_DIR, 'seed002-clean.xlsx'), path.join(dir, '部门甲.xlsx'));
  writeFileSync(path.join(dir, '部门乙.xls'), biff(true));
  writeFileSync(path.join(dir, '部门丙.et'), biff(false));
  copyFileSync(path.join(EXAMPLES_DIR, 'seed004-report.docx'), path.join(dir, '部门丁报告.docx'));
  writeFileSync(path.join(dir, '部门戊.xlsx'), 'not a workbook');
  writeFileSync(path.join(dir, '盖章扫描件.pdf'), '%PDF-1.4');
  writeFileSync(path.join(dir, '.DS_Store'), 'x');
  writeFileSync(path.join(dir, 'Thumbs.db'), 'x');
  return dir;
}

test('a mixed folder is fully accounted for in the JSON: every submission checked or said why not', async () => {
  const dir = folder();
  const { code, out } = await cli('--format', 'json', dir);
  expect(code).toBe(1);
  const files = (JSON.parse(out) as Report).files.map((f) => [path.basename(f.file), f.errorCode ?? null, f.summary.errors, f.unit ?? null]);
  expect(files).toEqual([
    ['部门丙.et', null, 0, '部门乙局'],
    ['部门丁报告.docx', null, 2, null],
    ['部门甲.xlsx', null, 0, null],
    ['部门戊.xlsx', 'notZip', 0, null],
    ['部门乙.xls', null, 1, '部门乙局'],
    ['盖章扫描件.pdf', 'notChecked', 0, null],
  ]);
});

test('the text output ends with the summary: flagged files first, the files not checked, the totals', async () => {
  const dir = folder();
  const { out } = await cli(dir);
  const summary = out.slice(out.lastIndexOf('\n汇总\n') + 1).split('\n');
  const name = (f: string): string => path.join(dir, f);
  expect(summary).toEqual([
    '汇总',
    `  ✖ ${name('部门丁报告.docx')} · 2 个错误`,
    `  ✖ ${name('部门乙.xls')} · 部门乙局 · 1 个错误`,
    `  ⚠ ${name('部门甲.xlsx')} · 总分 99 · 等次 优秀 · 1 个警告，1 条提示`,
    '  ✔ 其余 1 个文件未发现错误或警告',
    '未校验（2）',
    `  ✖ ${name('部门戊.xlsx')}：不是 .xlsx 文件（文件内容不是 Office Open XML 压缩包）：请用 Excel 或 WPS 打开后另存为 .xlsx`,
    `  – ${name('盖章扫描件.pdf')}：.pdf 文件不是工作簿或 Word 报告，未校验`,
    '共 6 个文件：校验 4 个，其中 2 个有错误、1 个只有警告；2 个未校验',
    '',
  ]);
});

test('a folder’s other files are listed but do not fail the run; a file named on the command line that is none does', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-batch-'));
  writeFileSync(path.join(dir, '部门丙.et'), biff(false));
  writeFileSync(path.join(dir, '说明.txt'), '说明');
  const r = await cli('--format', 'json', dir);
  expect(r.code).toBe(0);
  expect((JSON.parse(r.out) as Report).files.map((f) => f.errorCode ?? null)).toEqual([null, 'notChecked']);
  expect((await cli(path.join(dir, '说明.txt'))).code).toBe(1);
});
