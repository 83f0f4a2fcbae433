/**
 * Hostile and broken workbooks (issue 9, item 1 and 7): the installed CLI, run on each, exits 0 or 1 with its JSON
 * on stdout, gives up only the file that cannot be read (with a sentence in Chinese, or English with --lang en,
 * that says what to do), and reads what can be read. Time and memory are measured by `npm run bench`, not here.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, promises as fs, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { expandTargets } from '../../src/cli/files';
import { Report } from '../../src/core';
import { buildHostile } from './hostile';

const BIN = path.join(__dirname, '../../bin/selfeval-check.js');
const dir = mkdtempSync(path.join(tmpdir(), 'selfeval-hostile-'));
const files = buildHostile(path.join(dir, 'set'));

function cli(args: string[], env: Record<string, string> = {}): { code: number | null; report: Report; err: string } {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, report: JSON.parse(r.stdout) as Report, err: r.stderr };
}

/** A sentence a person can act on: Chinese text, no bare library or system message. */
const CHINESE = /[\u4e00-\u9fff]{4,}/;

test.each(files.map((f) => [f.name, f] as const))('%s: exit status, JSON, and what happened to the file', (_, f) => {
  const r = cli([f.file]);
  expect(r.code).toBe(f.exit);
  expect(r.report.files).toHaveLength(1);
  const entry = r.report.files[0]!;
  if (f.errorCode) {
    expect(entry.errorCode).toBe(f.errorCode);
    expect(entry.error).toMatch(CHINESE);
    expect(entry.error).not.toMatch(/^(Error|E[A-Z]+\b)/);
    expect(entry.findings).toEqual([]);
  } else {
    expect(entry.error).toBeNull();
  }
  if (f.rule) expect(entry.findings.map((x) => x.rule)).toContain(f.rule);
  // a package with no workbook in it is never reported clean
  if (f.exit === 0) expect(entry.error).toBeNull();
  expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
});

test('the whole set as one folder: every file has its entry, the readable ones are checked, JSON comes out', () => {
  const r = cli([path.join(dir, 'set')]);
  expect(r.code).toBe(1);
  const byName = new Map(r.report.files.map((f) => [path.basename(f.file), f]));
  for (const f of files) expect(byName.has(f.name)).toBe(true);
  // the small table under 20,000 merged areas is found and checked
  expect(byName.get('merges-20000.xlsx')!.tables.map((t) => t.kind)).toEqual(['expenditure']);
  expect(byName.get('merges-20000.xlsx')!.summary).toEqual({ errors: 0, warnings: 0, info: 0 });
  // the sheet with broken XML is an error of that sheet; the other sheet's table is checked
  const broken = byName.get('sheet-broken-xml.xlsx')!;
  expect(broken.tables.map((t) => t.sheet)).toEqual(['表']);
  expect(broken.findings.find((x) => x.rule === 'input/unreadable')!.message).toContain('工作表“坏表”的内容已损坏');
});

test('merged areas that overlap or are no range are set aside in one note a sheet, and the table is still checked', () => {
  const r = cli([files.find((f) => f.name === 'merges-bad.xlsx')!.file]);
  const entry = r.report.files[0]!;
  expect(entry.tables).toHaveLength(1);
  expect(entry.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([[
    'input/unreadable', 'info',
    '工作表“表”中有 2 个合并区域无法识别或与其他合并区域重叠（ZZZZ9:A1, G2:H4），已忽略，其余照常校验；在 Excel 中打开并保存一次即可修复',
  ]]);
});

test('messages in English with --lang en', () => {
  const pick = (n: string): string => files.find((f) => f.name === n)!.file;
  const r = cli(['--lang', 'en', pick('bomb.xlsx'), pick('fifo.xlsx'), pick('no-workbook.xlsx'), pick('truncated.xlsx')]);
  expect(r.report.files.map((f) => f.error)).toEqual([
    'File too large: xl/worksheets/sheet1.xml 130 MB, over the limit of 128 MB; not checked. Remove sheets or data unrelated to the self-evaluation and save it again',
    'Not a regular file (a device, pipe or socket) and not read: give a workbook saved on disk',
    'Not a readable Excel workbook: the file has no worksheet (it may be damaged, or another program’s archive); open it in Excel and save it as .xlsx',
    'The file is incomplete (it may not have been downloaded or copied completely): get or save it again, then check it',
  ]);
});

test('a file that exhausts the worker’s memory, or runs past the time limit, costs its own entry only', () => {
  const pick = (n: string): string => files.find((f) => f.name === n)!.file;
  // a heap ceiling of 32 MB makes the half-million-cell workbook too much for the worker; the file after it is checked
  const oom = cli([pick('cells-over-limit.xlsx'), pick('merges-bad.xlsx')], { SELFEVAL_HEAP_MB: '32' });
  expect(oom.code).toBe(1);
  expect(oom.report.files.map((f) => f.errorCode ?? null)).toEqual(['outOfMemory', null]);
  expect(oom.report.files[0]!.error).toBe('文件过大：读取和校验所需内存超过上限（32 MB），已放弃此文件，其余文件照常校验');
  expect(oom.report.files[1]!.tables).toHaveLength(1);
  // a limit of 0.3 s on the half-million-cell file: given up; the next file is checked by a new worker
  const slow = cli(['--timeout', '0.3', pick('cells-over-limit.xlsx'), pick('merges-bad.xlsx')]);
  expect(slow.report.files.map((f) => f.errorCode ?? null)).toEqual(['timeout', null]);
  expect(slow.report.files[0]!.error).toBe('处理超时：0.3 秒内未能完成，已放弃此文件，其余文件照常校验；文件可能过大或结构异常');
  expect(slow.report.files[1]!.tables).toHaveLength(1);
});

test('paths that are not workbooks: missing, another extension', () => {
  writeFileSync(path.join(dir, 'note.txt'), 'x');
  const r = cli([path.join(dir, 'missing.xlsx'), path.join(dir, 'note.txt')]);
  expect(r.code).toBe(1);
  expect(r.report.files.map((f) => [f.errorCode, f.error])).toEqual([
    ['notFound', '文件或文件夹不存在：请检查路径'],
    ['notXlsx', '不是可校验的文件：可校验的是工作簿（.xlsx、.xlsm、.xls、.et）和 Word 报告（.docx）；其他格式请先用 Excel、WPS 或 Word 另存为其中一种'],
  ]);
});

test('a sub-folder that cannot be listed is an entry of its own; the walk goes on (tests run as root, so the refusal is simulated)', async () => {
  const root = path.join(dir, 'walk');
  mkdirSync(path.join(root, 'a-locked'), { recursive: true });
  mkdirSync(path.join(root, 'b'), { recursive: true });
  writeFileSync(path.join(root, 'b', 'x.xlsx'), '');
  const real = fs.readdir.bind(fs);
  const spy = jest.spyOn(fs, 'readdir').mockImplementation(((p: string, o: unknown) => {
    if (String(p).endsWith('a-locked')) return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    return (real as (p: string, o: unknown) => Promise<unknown>)(p, o);
  }) as typeof fs.readdir);
  try {
    const targets = await expandTargets([root]);
    expect(targets.map((t) => [path.relative(root, t.file), t.problem?.code ?? null])).toEqual([['a-locked', 'folder'], [path.join('b', 'x.xlsx'), null]]);
    expect(targets[0]!.problem!.text('zh')).toBe('无法列出文件夹内容（EACCES）：此文件夹中的文件未校验；请检查权限');
  } finally {
    spy.mockRestore();
  }
});
