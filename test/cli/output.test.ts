/**
 * What the CLI prints (issue 17, items 4, 5 and 10): text that cannot drive the terminal, a report written file by
 * file with a bound on findings a file, and an exit status that never hides a report that was not written whole.
 */
import { spawn, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, closeSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { boundFindings, EXAMPLES_DIR, filePieces, MAX_FINDINGS, run, usageErrorText } from '../../src/cli/main';
import { formatFile, PrintedFileReport, visible } from '../../src/cli/format-text';
import { FileReport, Finding, Report } from '../../src/core/report';

const CLEAN = path.join(EXAMPLES_DIR, 'seed002-clean.xlsx');
const PLANTED = path.join(EXAMPLES_DIR, 'seed002-planted-error.xlsx');
const BIN = path.join(__dirname, '../../bin/selfeval-check.js');

async function cli(...args: string[]): Promise<{ code: number; out: string; pieces: string[]; err: string }> {
  const pieces: string[] = [];
  let err = '';
  const code = await run(['node', 'selfeval-check', ...args], { out: (s) => void pieces.push(s), err: (s) => void (err += s), isTTY: false });
  return { code, out: pieces.join(''), pieces, err };
}

/** Anything a terminal would act on: C0 but the layout's own line breaks, DEL, C1, bidi controls, separators. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function finding(over: Partial<Finding>): Finding {
  return { rule: 'totals/column-sum', severity: 'error', cells: ['表!A1'], message: '合计不等', messageId: 'x', data: {}, ...over };
}

function fileReport(over: Partial<FileReport>): FileReport {
  return { file: 'a.xlsx', error: null, tables: [], findings: [], scores: [], summary: { errors: 0, warnings: 0, info: 0 }, ...over };
}

describe('item 4: text output shows control characters as visible escapes', () => {
  test('visible(): each kind of control is escaped, ordinary text (Chinese, backslashes) is kept', () => {
    expect(visible('a\x1b[2Jb')).toBe('a\\u001b[2Jb');
    expect(visible('\x1b]0;pwned\x07')).toBe('\\u001b]0;pwned\\u0007');
    expect(visible('收入\n合计\r\t')).toBe('收入\\n合计\\r\\t');
    expect(visible('x\x7fy\x9b31m\x85')).toBe('x\\u007fy\\u009b31m\\u0085');
    expect(visible('\u202e表\u202a\u2066\u2069\u200e\u200f\u2028\u2029')).toBe('\\u202e表\\u202a\\u2066\\u2069\\u200e\\u200f\\u2028\\u2029');
    expect(visible('C:\\报表\\2021 年 收支表!A1 ✔')).toBe('C:\\报表\\2021 年 收支表!A1 ✔');
    expect(visible(undefined)).toBe('');
  });

  test('a crafted report: file name, error, sheet name, table title, cells, message, figures and scores cannot act', () => {
    const forged = '表\n  ✔ 未发现问题 · 0 个错误\n';
    const r: PrintedFileReport = { ...fileReport({
      file: '\x1b[2J\x1b]0;标题\x07报表\u202eslx.exe',
      tables: [{ id: 1, kind: 'income', sheet: forged, range: `${forged}!A1:B3`, title: '收入\x1b[8m隐藏', unit: '万元\u2028' } as FileReport['tables'][number]],
      findings: [
        finding({ table: 1, cells: [`${forged}!B3`, '\x9b2J!A1'], message: '“\u202e计合”\r\n  ✔ 未发现问题', expected: '1\x1b[1A', actual: '2\u2066', fix: '3\x00' }),
        finding({ severity: 'warning', rule: 'x/\x1bc', cells: [], message: 'loose\x1b[?1049h' }),
      ],
      scores: [{ indicator: '指标\x1b[31m', cell: `${forged}!F3`, max: '5', self: '5\x07', computed: '0\u202e', basis: '依据\n✔', inputs: [], rule: '' }],
      summary: { errors: 1, warnings: 1, info: 0 },
    }), findingsCut: 2 };
    for (const lang of ['zh', 'en'] as const) {
      for (const color of [false, true]) {
        const out = formatFile(r, lang, color, true);
        // colour is our own ESC sequence; strip it and nothing that acts is left
        const plain = out.replace(/\x1b\[\d+m/g, '');
        expect(plain).not.toMatch(ACTIVE);
        // no line of the output is forged: the only summary line is ours, the last one
        expect(plain.split('\n').filter((l) => /^\s*✔/.test(l))).toEqual([]);
        expect(plain).toContain('\\u001b[2J\\u001b]0;标题\\u0007报表\\u202eslx.exe');
        expect(plain).toContain('表\\n  ✔ 未发现问题 · 0 个错误\\n!B3');
        expect(plain).toContain('\\u009b2J!A1');
      }
    }
    const err = formatFile(fileReport({ file: 'b\nc.xlsx', error: '无法读取\x1b[2J' }), 'zh', false);
    expect(err).toBe('b\\nc.xlsx\n  ✖ 无法校验：无法读取\\u001b[2J\n');
  });

  test('a wrong option quotes the user’s value back escaped, on stderr too', async () => {
    expect(usageErrorText("error: option '-f, --format <format>' argument '\x1b[2J' is invalid. Allowed choices are text, json.\n"))
      .toBe('selfeval-check：选项 -f, --format <format> 的值“\\u001b[2J”无效，可选：text, json；运行 selfeval-check --help 查看用法\n');
    const r = await cli('--format', 'a\x1b]0;t\x07\nb');
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(ACTIVE);
    expect(r.err).toContain('a\\u001b]0;t\\u0007\\nb');
    // one line: the value's own line break is shown as \n, and commander's English line is no longer added
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(usageErrorText("error: unknown option '--fromat'\n(Did you mean --format?)\n")).toBe('selfeval-check：未知选项 --fromat（是否想用 --format？）；运行 selfeval-check --help 查看用法\n');
  });

  test('end to end: a file whose name holds ESC, RLO and a line break prints its name escaped; JSON stays JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-names-'));
    const file = path.join(dir, '\x1b[2J\u202e收支\n  ✔ 未发现问题.xlsx');
    copyFileSync(PLANTED, file);
    const text = await cli(file);
    expect(text.code).toBe(1);
    expect(text.out).not.toMatch(ACTIVE);
    expect(text.out).toContain('\\u001b[2J\\u202e收支\\n  ✔ 未发现问题.xlsx');
    expect(text.out.split('\n').filter((l) => l.includes('未发现问题'))).toHaveLength(1);
    const json = await cli('--format', 'json', file);
    expect((JSON.parse(json.out) as Report).files[0]!.file).toBe(file);
  });
});

describe('item 5: the report is written file by file, with a bound on findings a file', () => {
  const saved = process.env.SELFEVAL_MAX_FINDINGS;
  afterEach(() => {
    if (saved === undefined) delete process.env.SELFEVAL_MAX_FINDINGS;
    else process.env.SELFEVAL_MAX_FINDINGS = saved;
  });

  test('JSON comes out in pieces, one a file, and is the same document as the whole report', async () => {
    const { out, pieces, code } = await cli('--format', 'json', CLEAN, PLANTED, path.join(EXAMPLES_DIR, 'missing.xlsx'));
    expect(code).toBe(1);
    expect(pieces.length).toBe(5); // the opening, three files, the close
    expect(pieces.slice(1, 4).every((p) => (p.match(/"file": /g) ?? []).length === 1)).toBe(true);
    const report = JSON.parse(out) as Report;
    expect(out).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.files.map((f) => path.basename(f.file))).toEqual(['seed002-clean.xlsx', 'seed002-planted-error.xlsx', 'missing.xlsx']);
    expect(report.files.every((f) => !('findingsCut' in f))).toBe(true);
  });

  test('past the bound (SELFEVAL_MAX_FINDINGS for the test) a file keeps its errors first and says how many were cut', async () => {
    process.env.SELFEVAL_MAX_FINDINGS = '1';
    const json = await cli('--format', 'json', PLANTED, CLEAN);
    const report = JSON.parse(json.out) as Report;
    const [planted, clean] = report.files as PrintedFileReport[];
    expect(planted!.findings.map((f) => f.severity)).toEqual(['error']);
    expect(planted!.findingsCut).toBe(3);
    // the counts are of all findings, the two checks of the suspected cell D22 one problem
    expect(planted!.summary).toEqual({ errors: 1, warnings: 1, info: 1 });
    expect(clean!.findingsCut).toBe(1);
    expect(json.code).toBe(1);
    const text = await cli(PLANTED);
    expect(text.out).toContain('⚠ 另有 3 条未列出（每个文件最多列出 1 条，错误优先）；计数包括全部');
    expect(text.out).toContain('✖ 1 个错误，1 个警告，1 条提示');
    const en = await cli('--lang', 'en', PLANTED);
    expect(en.out).toContain('3 more not listed (at most 1 a file, errors first)');
  });

  test('a generated file of 25,000 findings is cut to the default bound, errors first, in their order', () => {
    const findings = Array.from({ length: 25_000 }, (_, i) => finding({ severity: i % 5 === 0 ? 'error' : i % 5 === 1 ? 'warning' : 'info', message: `m${i}` }));
    const r = boundFindings(fileReport({ findings, summary: { errors: 5000, warnings: 5000, info: 15_000 } }));
    expect(MAX_FINDINGS).toBe(10_000);
    expect(r.findings).toHaveLength(10_000);
    expect(r.findingsCut).toBe(15_000);
    expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(5000);
    expect(r.findings.filter((f) => f.severity === 'warning')).toHaveLength(5000);
    expect(r.findings.slice(0, 3).map((f) => f.message)).toEqual(['m0', 'm1', 'm5']);
    expect(r.summary).toEqual({ errors: 5000, warnings: 5000, info: 15_000 });
    const small = fileReport({ findings: findings.slice(0, 3) });
    expect(boundFindings(small)).toBe(small);
  });

  test('a file’s entry is written in pieces of a bounded size, a finding never split, and they join into its JSON and text', () => {
    const big = 'label'.repeat(2000); // 10,000 characters a finding, as a long cell's text would give
    const findings = Array.from({ length: 50 }, (_, i) => finding({ message: `${big}${i}`, data: { label: big } }));
    const r = fileReport({ findings, summary: { errors: 50, warnings: 0, info: 0 } });
    const json = [...filePieces(r, 'json', { lang: 'zh', color: false, scores: false }, 50_000)];
    expect(json.length).toBeGreaterThan(5);
    expect(Math.max(...json.map((p) => p.length))).toBeLessThan(50_000 + 25_000);
    const whole = `{\n  "version": 1,\n  "files": [\n${json.join('')}\n  ]\n}`;
    expect(whole).toBe(JSON.stringify({ version: 1, files: [r] }, null, 2));
    const text = [...filePieces(r, 'text', { lang: 'zh', color: false, scores: false }, 50_000)];
    expect(text.length).toBeGreaterThan(5);
    expect(text.join('')).toBe(formatFile(r, 'zh', false));
    const empty = fileReport({});
    expect([...filePieces(empty, 'json', { lang: 'zh', color: false, scores: false })].join('')).toBe(JSON.stringify(empty, null, 2).replace(/^/gm, '    '));
  });
});

describe('item 10: a report not written whole never exits 0 or 1 as if read', () => {
  function spawnCli(args: string[], stdout: 'pipe' | number, onStart?: (c: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', stdout, 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
      onStart?.(child);
      child.on('close', (code) => resolve({ code, err }));
    });
  }

  test('stdout closed before anything is written: exit 2 (also for a clean file), and stderr says why', async () => {
    for (const file of [CLEAN, PLANTED]) {
      const r = await spawnCli([file], 'pipe', (c) => c.stdout!.destroy());
      expect(r.code).toBe(2);
      expect(r.err).toContain('报告未能完整写出：读取输出的程序提前关闭了管道');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  test('like `| head -1`: the reader goes after the first piece; files with errors never exit 0', async () => {
    const r = await spawnCli(['--format', 'json', PLANTED, CLEAN, PLANTED], 'pipe', (c) => c.stdout!.once('data', () => c.stdout!.destroy()));
    expect(r.code).not.toBe(0);
    if (r.code === 2) expect(r.err).toContain('报告未能完整写出');
    else expect(r.code).toBe(1);
  }, 60_000);

  (existsSync('/proc/self/fdinfo') ? test : test.skip)('stdout closed when the program starts (`>&-`): exit 2 and stderr says so; a chosen >/dev/null is a run like any other', () => {
    const sh = (redirect: string): { code: number | null; err: string } => {
      const r = spawnSync('/bin/sh', ['-c', `"$0" "$1" "$2" ${redirect}`, process.execPath, BIN, CLEAN], { encoding: 'utf8' });
      return { code: r.status, err: r.stderr };
    };
    const closed = sh('>&-');
    expect(closed.code).toBe(2);
    expect(closed.err).toContain('报告未能完整写出：标准输出已关闭');
    expect(closed.err).toContain('standard output is closed');
    const discarded = sh('>/dev/null');
    expect(discarded).toEqual({ code: 0, err: '' });
  }, 60_000);

  (existsSync('/dev/full') ? test : test.skip)('stdout on a full device (/dev/full, ENOSPC): exit 2 and stderr says so', async () => {
    for (const args of [[CLEAN], ['--format', 'json', PLANTED]]) {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = await spawnCli(args, fd);
        expect(r.code).toBe(2);
        expect(r.err).toContain('报告未能完整写出：磁盘已满');
        expect(r.err).toContain('no space left on the device');
      } finally {
        closeSync(fd);
      }
    }
  }, 60_000);
});
