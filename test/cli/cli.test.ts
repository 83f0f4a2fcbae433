import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { EXAMPLES_DIR, parseBandsOption, run } from '../../src/cli/main';
import { Report } from '../../src/core/report';
import { RULES } from '../../src/core/rules';

const ROOT = path.resolve(__dirname, '../..');
const CLEAN = path.join(EXAMPLES_DIR, 'seed002-clean.xlsx');
const PLANTED = path.join(EXAMPLES_DIR, 'seed002-planted-error.xlsx');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['node', 'selfeval-check', ...args], { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false });
  return { code, out, err };
}

const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

test('--format json prints exactly the report of the schema, and only that, on stdout', async () => {
  const { code, out } = await cli('--format', 'json', CLEAN, PLANTED);
  expect(code).toBe(1);
  const report = JSON.parse(out) as Report;
  expect(report.version).toBe(1);
  expect(report.files.map((f) => [path.basename(f.file), f.error, f.summary])).toEqual([
    ['seed002-clean.xlsx', null, { errors: 0, warnings: 1, info: 1 }],
    ['seed002-planted-error.xlsx', null, { errors: 1, warnings: 1, info: 1 }],
  ]);
  expect(report.files[0]!.tables.map((t) => `${t.kind} ${t.range} ${t.unit}`)).toEqual([
    'profile 基本概况!A3:D3 null', 'income 收支表!A2:G14 万元', 'expenditure 收支表!A18:H31 万元', 'sangong 收支表!A35:F47 万元',
    'assets 收支表!A51:E63 万元', 'score 评分表!A2:G28 null',
  ]);
  const f = report.files[1]!.findings[0]!;
  expect(f).toMatchObject({ rule: 'totals/column-sum', severity: 'error', cells: ['收支表!D22', '收支表!D21', '收支表!D22:D31'], expected: '301.62', actual: '310.62', fix: '301.62' });
  // the scores a rule can compute, with their working (seed 002: 财政供养人员控制率 5 where its rule gives 0)
  expect(report.files[1]!.scores).toEqual([
    {
      indicator: '财政供养人员控制率', cell: '评分表!F3', max: '5', self: '5', computed: '0',
      basis: '实有人数 743 ÷ 人员编制 426 = 174.41%，超过100%共74.41个百分点 × 0.5 = 37.21分，扣完为止 → 0分',
      inputs: ['基本概况!D3', '基本概况!B3'], rule: '不超过100%得5分；每超过1个百分点扣0.5分，扣完为止',
    },
    {
      indicator: '资金结余', cell: '评分表!F8', max: '3', self: '3', computed: '3', basis: '当年结余 0.00，上年结转 0.00：无结余 → 3分',
      inputs: ['收支表!G21', '收支表!C4'], rule: '无结余得3分；有结余但不超过上年结转得2分；超过上年结转得0分',
    },
    {
      indicator: '固定资产利用率', cell: '评分表!F17', max: '3', self: '3', computed: '3', basis: '在用固定资产 5099.57 ÷ 固定资产合计 5099.57 = 100.00%，未低于100% → 3分',
      inputs: ['收支表!C53', '收支表!B53'], rule: '不低于100%得3分；每低于1个百分点扣0.1分，扣完为止',
    },
  ]);
});

test('exit status: 0 when clean, 1 when a file has an error, 2 when the command cannot run', async () => {
  expect((await cli(CLEAN)).code).toBe(0);
  expect((await cli(PLANTED)).code).toBe(1);
  expect((await cli('--format', 'xml', CLEAN)).code).toBe(2);
  expect((await cli('--tolerance', '-1', CLEAN)).code).toBe(2);
  const empty = mkdtempSync(path.join(tmpdir(), 'selfeval-empty-'));
  const r = await cli(empty);
  expect(r.code).toBe(2);
  expect(r.err).toContain('未找到 .xlsx 或 .xlsm 文件');
});

test('a folder: bad files get their error, the rest are checked, nothing is written', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-dir-'));
  mkdirSync(path.join(dir, '2021'));
  copyFileSync(CLEAN, path.join(dir, 'a-clean.xlsx'));
  copyFileSync(PLANTED, path.join(dir, '2021', 'b-planted.xlsx'));
  writeFileSync(path.join(dir, 'c-corrupt.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 1)]));
  writeFileSync(path.join(dir, 'd-encrypted.xlsx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]));
  writeFileSync(path.join(dir, 'notes.txt'), 'not a workbook');
  writeFileSync(path.join(dir, '~$a-clean.xlsx'), 'lock file');
  const before = [path.join(dir, 'a-clean.xlsx'), path.join(dir, '2021', 'b-planted.xlsx')].map((f) => [hash(f), statSync(f).mtimeMs]);
  const { code, out } = await cli('--format', 'json', dir, path.join(dir, 'notes.txt'));
  expect(code).toBe(1);
  const report = JSON.parse(out) as Report;
  expect(report.files.map((f) => [path.relative(dir, f.file), f.error === null ? null : f.error.slice(0, 8), f.summary.errors])).toEqual([
    [path.join('2021', 'b-planted.xlsx'), null, 1],
    ['a-clean.xlsx', null, 0],
    ['c-corrupt.xlsx', '文件不完整（可能', 0],
    ['d-encrypted.xlsx', '文件已加密，或是', 0],
    // the folder's other file is listed as not checked; named on the command line, it is an error
    ['notes.txt', '.txt 文件不', 0],
    ['notes.txt', '不是可校验的文件', 0],
  ]);
  const after = [path.join(dir, 'a-clean.xlsx'), path.join(dir, '2021', 'b-planted.xlsx')].map((f) => [hash(f), statSync(f).mtimeMs]);
  expect(after).toEqual(before);
});

test('text output: grouped by file then table, a summary line per file, English on request', async () => {
  const zh = await cli(PLANTED);
  expect(zh.out).toContain('部门（单位）年度支出和结余情况（万元） · 支出和结余表 · 收支表!A18:H31 · 万元');
  expect(zh.out).toContain('✖ 错误  1、局机关 · 人员支出（收支表!D22） 疑似填错：影响 2 项校验\n        · “局机关及二级机构汇总”行“人员支出”为 2137.98');
  expect(zh.out).toContain('应为 301.62 · 实为 310.62 · 建议改为 301.62');
  expect(zh.out).toContain('⚠ 警告  评分表!F3  “财政供养人员控制率”自评 5 分，按评分标准应得 0 分：实有人数 743 ÷ 人员编制 426 = 174.41%');
  expect(zh.out).toContain('✖ 1 个错误，1 个警告，1 条提示（识别 6 张表）');
  expect(zh.out).not.toMatch(/\x1b\[/);
  const en = await cli('--lang', 'en', CLEAN);
  expect(en.out).toContain('⚠ 0 error(s), 1 warning(s), 1 note(s) (6 table(s) recognised)');
  const clean = await cli('--lang', 'en', '--rule', 'score/computed=off', CLEAN);
  expect(clean.out).toContain('✔ no problems found · 0 error(s), 0 warning(s), 0 note(s) (6 table(s) recognised)');
});

test('with no file it checks the bundled examples and succeeds when the planted error is found', async () => {
  const { code, out, err } = await cli();
  expect(code).toBe(0);
  expect(err).toContain('校验随附示例');
  expect(out).toContain('seed002-planted-error.xlsx');
  expect(out).toContain('汇总\n  ✖ examples/seed002-planted-error.xlsx · 总分 99 · 等次 优秀 · 1 个错误，1 个警告，1 条提示\n  ⚠ examples/seed002-clean.xlsx · 总分 99 · 等次 优秀 · 1 个警告，1 条提示\n共 2 个文件：校验 2 个，其中 1 个有错误、1 个只有警告');
});

test('options: grade bands, rule severities, list of rules', async () => {
  expect(parseBandsOption('优秀:90,良好:80,合格:60,不合格:0').map((b) => [b.names[0], b.min])).toEqual([['优秀', 90], ['良好', 80], ['合格', 60], ['不合格', -Infinity]]);
  const off = await cli('--format', 'json', '--rule', 'totals/column-sum=off', '--rule', 'identity/row-sum=warning', '--rule', 'score/computed=off', PLANTED);
  const r = JSON.parse(off.out) as Report;
  expect(r.files[0]!.findings.map((f) => [f.rule, f.severity])).toEqual([['identity/row-sum', 'warning']]);
  expect(off.code).toBe(0);
  const list = await cli('--list-rules');
  expect(list.out.split('\n').filter(Boolean)).toHaveLength(RULES.length);
  expect(RULES.length).toBeGreaterThanOrEqual(25);
  expect(list.out).toContain('budget/sangong-over-budget     error    “三公”经费超预算');
});

test('the installed bin runs with plain node', () => {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/selfeval-check.js'), '--format', 'json', CLEAN], { encoding: 'utf8' });
  expect((JSON.parse(out) as Report).files[0]!.summary.errors).toBe(0);
  const planted = spawnSync(process.execPath, [path.join(ROOT, 'bin/selfeval-check.js'), PLANTED], { encoding: 'utf8' });
  expect(planted.status).toBe(1);
});

test('--scores prints the computed scores with their working; --value gives an indicator its value', async () => {
  const { out, code } = await cli('--scores', '--value', '重点支出安排率=85%', '--value', '支付进度=1', CLEAN);
  expect(code).toBe(0);
  expect(out).toContain('评分（按各行评分标准计算）');
  expect(out).toContain('⚠ 财政供养人员控制率  评分表!F3  分值 5 · 自评 5 · 计算 0');
  expect(out).toContain('⚠ 重点支出安排率  评分表!F5  分值 5 · 自评 5 · 计算 4');
  expect(out).toContain('填报 85.00%，属“80%(含)–90%得4分” → 4分');
  expect(out).toContain('出现 1 例 × 0.5 = 0.5分 → 2.5分');
  expect(out).toContain('✔ 固定资产利用率');
  const json = JSON.parse((await cli('--format', 'json', '--value', '重点支出安排率=85%', CLEAN)).out) as Report;
  expect(json.files[0]!.scores.map((s) => [s.indicator, s.computed])).toEqual([['财政供养人员控制率', '0'], ['重点支出安排率', '4'], ['资金结余', '3'], ['固定资产利用率', '3']]);
  expect((await cli('--value', 'nonsense', CLEAN)).code).toBe(2);
});

test('.xlsm (a workbook with macros) is read like .xlsx, given as a file and found in a folder; its macros are never run', async () => {
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = await JSZip.loadAsync(readFileSync(PLANTED));
  // what Excel writes for a macro workbook: the macro-enabled main part and a VBA project
  const types = (await zip.file('[Content_Types].xml')!.async('string'))
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  zip.file('[Content_Types].xml', types);
  zip.file('xl/vbaProject.bin', Buffer.from('not really VBA'));
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-xlsm-'));
  const file = path.join(dir, '云溪区卫健局2021.xlsm');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  for (const target of [file, dir]) {
    const { code, out } = await cli('--format', 'json', target);
    const report = JSON.parse(out) as Report;
    expect(report.files.map((f) => [path.basename(f.file), f.error, f.summary.errors])).toEqual([['云溪区卫健局2021.xlsm', null, 1]]);
    expect(code).toBe(1);
  }
});

test('broken packages are never reported clean: no workbook part, no sheets, another program’s zip, or nothing recognised', async () => {
  const JSZip = require('jszip') as typeof import('jszip');
  const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-broken-'));
  const noWorkbook = await JSZip.loadAsync(readFileSync(PLANTED));
  noWorkbook.remove('xl/workbook.xml');
  writeFileSync(path.join(dir, 'a-no-workbook.xlsx'), await noWorkbook.generateAsync({ type: 'nodebuffer' }));
  const other = new JSZip();
  other.file('readme.txt', '这不是工作簿');
  writeFileSync(path.join(dir, 'b-other-zip.xlsx'), await other.generateAsync({ type: 'nodebuffer' }));
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const words = new ExcelJS.Workbook();
  words.addWorksheet('说明').addRow(['部门整体支出绩效自评报告', '（正文见附件）']);
  await words.xlsx.writeFile(path.join(dir, 'c-text-only.xlsx'));
  const { code, out } = await cli('--format', 'json', dir);
  const report = JSON.parse(out) as Report;
  expect(code).toBe(1);
  const byName = new Map(report.files.map((f) => [path.basename(f.file), f]));
  expect(byName.get('a-no-workbook.xlsx')!.error).toMatch(/没有工作表|已损坏/);
  expect(byName.get('b-other-zip.xlsx')!.error).toMatch(/没有工作表|已损坏/);
  const text = byName.get('c-text-only.xlsx')!;
  expect(text.error).toBeNull();
  expect(text.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['input/nothing-recognised:warning']);
  expect(text.summary).toEqual({ errors: 0, warnings: 1, info: 0 });
  const plain = await cli(path.join(dir, 'c-text-only.xlsx'));
  expect(plain.out).toContain('未识别到任何可校验的表格');
  expect(plain.out).not.toContain('未发现问题');
});

test('a wrong option is said in Chinese only (in English with --lang en), and exits 2; the help is in the same language', async () => {
  const { usageErrorText } = await import('../../src/cli/main');
  expect(usageErrorText("error: unknown option '--foo'\n")).toBe('selfeval-check：未知选项 --foo；运行 selfeval-check --help 查看用法\n');
  expect(usageErrorText("error: unknown option '--fromat'\n(Did you mean --format?)\n", 'en')).toBe('selfeval-check: unknown option --fromat (did you mean --format?); run selfeval-check --help for the usage\n');
  expect(usageErrorText("error: option '--timeout <seconds>' argument 'x' is invalid. 应为大于 0、不超过 3600 的秒数 (seconds, over 0 and at most 3600)"))
    .toBe('selfeval-check：选项 --timeout <seconds> 的值“x”无效：应为大于 0、不超过 3600 的秒数；运行 selfeval-check --help 查看用法\n');
  const help = await cli('--help');
  expect(help.out).toMatch(/^用法：selfeval-check \[选项\] \[路径\.\.\.\]\n/);
  expect(help.out).toContain('  -f, --format <format>  输出格式（可选：text、json；默认：text）\n');
  expect(help.out).toContain('显示此帮助');
  expect(help.out).not.toMatch(/Usage|Options|display help|default:/);
  const en = await cli('--lang', 'en', '--help');
  expect(en.out).toMatch(/^Usage: selfeval-check \[options\] \[paths\.\.\.\]\n/);
  expect(en.out).toContain('output format (choices: text, json; default: text)');
  expect(usageErrorText("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json.").split('\n')[0])
    .toBe('selfeval-check：选项 -f, --format <format> 的值“xml”无效，可选：text, json；运行 selfeval-check --help 查看用法');
  const r = await cli('--lang');
  expect(r.code).toBe(2);
  expect(r.err).toContain('选项 --lang <lang> 缺少值');
});
