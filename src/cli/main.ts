/**
 * selfeval-check [options] <file.xlsx | report.docx | folder>...
 * Checks self-evaluation workbooks and their Word reports and prints what it found. It never writes to the files
 * it reads.
 */
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { existsSync, readFileSync, readlinkSync } from 'fs';
import path from 'path';
import { DEFAULT_GRADE_BANDS, FileReport, GradeBand, Lang, RULES, Severity } from '../core';
import { parseBands } from '../core/bands';
import { CheckOptions } from '../core/rules/types';
import { indicatorKey } from '../core/scoring/indicators';
import { checkFileHere, errorReport } from './check-file';
import { expandTargets, Pairing } from './files';
import { BatchReport, reportFormatOf } from './batch-report';
import { formatFileLines, formatSummary, Outcome, outcomeOf, PrintedFileReport, visible } from './format-text';
import { IsolatedChecker, RUN_LIMITS } from './isolate';

/** The package root, found upwards from this file (src/cli when run from source, build/src/cli when compiled). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const EXAMPLES_DIR = path.join(packageRoot(), 'examples');
export const DEMO_FILES = ['seed002-clean.xlsx', 'seed002-planted-error.xlsx'];

function parseFactor(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('应为不小于 0 的数 (a number ≥ 0)');
  return n;
}

function parseDecimals(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new InvalidArgumentError('应为 0–10 的整数 (an integer 0–10)');
  return n;
}

/** "优/优秀:90,良/良好:80,中/合格:60,差/不合格:0" → bands (src/core/bands.ts). */
export function parseBandsOption(spec: string): GradeBand[] {
  const bands = parseBands(spec);
  if (!bands) throw new InvalidArgumentError(`无法解读等次“${spec}”，格式如 优秀:90,良好:80,合格:60,不合格:0 (bands read like 优秀:90,良好:80,合格:60,不合格:0)`);
  return bands;
}

function collectValue(v: string, prev: Record<string, string> | undefined): Record<string, string> {
  const m = /^(.+?)[=＝](.+)$/.exec(v);
  if (!m) throw new InvalidArgumentError('应为 指标名=值，如 重点支出安排率=92% (name=value, e.g. 重点支出安排率=92%)');
  return { ...prev, [indicatorKey(m[1]!)]: m[2]!.trim() };
}

function collectRule(v: string, prev: Record<string, Severity | 'off'> | undefined): Record<string, Severity | 'off'> {
  const m = /^([\w/-]+)=(error|warning|info|off)$/.exec(v);
  if (!m || !RULES.some((r) => r.meta.id === m[1])) throw new InvalidArgumentError('应为 规则=error|warning|info|off，规则见 --list-rules (rule=error|warning|info|off; the rules: --list-rules)');
  return { ...prev, [m[1]!]: m[2] as Severity | 'off' };
}

/**
 * Commander's own errors (an unknown option, a value that is not allowed) in Chinese, with its English line after
 * it: the language option may not have been read yet when the arguments are wrong.
 */
export function usageErrorText(english: string, lang: Lang = 'zh'): string {
  // (a quoted value may hold line breaks of its own: only commander's suggestion line is taken off)
  const line = english.trim().replace(/^error:\s*/, '').replace(/\n\(Did you mean [^\n]*\)$/, '');
  // a reason the option's own parser gave, written "中文 (English)"
  const reason = (why: string): string => {
    const m = /^(.*?)\s*\(([^()]*)\)$/.exec(why);
    return m ? (lang === 'zh' ? m[1]! : m[2]!) : why;
  };
  const rules: Array<[RegExp, (...m: string[]) => { zh: string; en: string }]> = [
    [/^unknown option '([^']+)'/, (o) => ({ zh: `未知选项 ${o}`, en: `unknown option ${o}` })],
    [/^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+?)\.?$/, (o, v, c) => ({ zh: `选项 ${o} 的值“${v}”无效，可选：${c}`, en: `option ${o}: “${v}” is not one of ${c}` })],
    [/^option '([^']+)' argument '([^']*)' is invalid\. (.+)$/, (o, v, why) => ({ zh: `选项 ${o} 的值“${v}”无效：${reason(why)}`, en: `option ${o}: “${v}” is invalid: ${reason(why)}` })],
    [/^option '([^']+)' argument missing/, (o) => ({ zh: `选项 ${o} 缺少值`, en: `option ${o} needs a value` })],
    [/^too many arguments/, () => ({ zh: '参数过多', en: 'too many arguments' })],
  ];
  const hit = rules.map(([re, say]) => ({ m: re.exec(line), say })).find((x) => x.m);
  // the values quoted back are the user's, and may hold control characters: shown as escapes, like the report
  const said = hit ? hit.say(...hit.m!.slice(1).map(visible)) : { zh: '参数有误', en: 'wrong arguments' };
  // commander's suggestion ("Did you mean --lang?") is kept, in the person's language
  const near = /Did you mean (.+?)\?/.exec(english)?.[1];
  if (lang === 'en') return `selfeval-check: ${said.en}${near ? ` (did you mean ${visible(near)}?)` : ''}; run selfeval-check --help for the usage\n`;
  return `selfeval-check：${said.zh}${near ? `（是否想用 ${visible(near)}？）` : ''}；运行 selfeval-check --help 查看用法\n`;
}

/** The help in the person's language (commander's own is English: "Usage", "Options", "display help for command"). */
const HELP = {
  zh: { usage: '用法', args: '参数', options: '选项', choices: '可选', default: '默认', help: '显示此帮助', opts: '选项', paths: '路径' },
  en: { usage: 'Usage', args: 'Arguments', options: 'Options', choices: 'choices', default: 'default', help: 'show this help', opts: 'options', paths: 'paths' },
};

function helpText(cmd: Command, helper: Help, lang: Lang): string {
  const t = HELP[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const describe = (o: Option): string => {
    const extra: string[] = [];
    if (o.argChoices) extra.push(`${t.choices}${sep}${o.argChoices.join(lang === 'zh' ? '、' : ', ')}`);
    if (o.defaultValue !== undefined && typeof o.defaultValue !== 'boolean') extra.push(`${t.default}${sep}${String(o.defaultValue)}`);
    return extra.length ? `${o.description}${lang === 'zh' ? `（${extra.join('；')}）` : ` (${extra.join('; ')})`}` : o.description;
  };
  const rows = helper.visibleOptions(cmd).map((o) => [helper.optionTerm(o), describe(o)] as const);
  const args = helper.visibleArguments(cmd).map((a) => [a.name(), a.description] as const);
  const width = Math.max(...[...rows, ...args].map(([term]) => term.length)) + 2;
  const list = (items: ReadonlyArray<readonly [string, string]>): string => items.map(([term, d]) => `  ${term.padEnd(width)}${d}`).join('\n');
  return `${t.usage}${sep}selfeval-check [${t.opts}] [${t.paths}...]\n\n${cmd.description()}\n\n${t.args}${sep}\n${list(args)}\n\n${t.options}${sep}\n${list(rows)}\n`;
}

export interface Io {
  /** The report, a piece at a time (one file's entry each); a promise is awaited before the next piece. */
  out: (s: string) => void | Promise<void>;
  err: (s: string) => void;
  isTTY: boolean;
  /** True once the report can no longer be written (the reader went away, the disk is full): the run stops. */
  broken?: () => boolean;
}

/**
 * stdout as the report's writer: each piece is awaited until written (so a large report is never held in memory
 * waiting for a slow reader), and a failed write (EPIPE, ENOSPC, a closed descriptor) is kept, never ignored.
 */
export function stdoutIo(stream: NodeJS.WriteStream = process.stdout, closed = false): Io & { failure: () => NodeJS.ErrnoException | null; flush: () => Promise<void> } {
  let failure: NodeJS.ErrnoException | null = closed ? Object.assign(new Error('stdout was closed'), { code: 'EBADF' }) : null;
  const fail = (e: NodeJS.ErrnoException): void => void (failure ??= e);
  stream.on('error', fail);
  const write = (s: string): Promise<void> => new Promise<void>((resolve) => {
    if (failure) return resolve();
    try {
      stream.write(s, (e) => {
        if (e) fail(e);
        resolve();
      });
    } catch (e) {
      fail(e as NodeJS.ErrnoException);
      resolve();
    }
  });
  return {
    out: write,
    err: (s) => void process.stderr.write(s),
    isTTY: !!stream.isTTY,
    broken: () => failure !== null,
    failure: () => failure,
    flush: () => (failure || stream.destroyed ? Promise.resolve() : write('')),
  };
}

/** At most this many findings a file are listed (SELFEVAL_MAX_FINDINGS changes it, for tests): a file with more
 *  says how many were cut (`findingsCut`), its summary still counts them all. */
export const MAX_FINDINGS = 10_000;

function maxFindings(): number {
  const n = Number(process.env.SELFEVAL_MAX_FINDINGS);
  return Number.isInteger(n) && n > 0 ? n : MAX_FINDINGS;
}

/** The file's entry with at most `max` findings: errors first, then warnings, then notes, in their order. */
export function boundFindings(r: PrintedFileReport, max = maxFindings()): PrintedFileReport {
  if (r.findings.length <= max) return r;
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const keep = r.findings.map((f, i) => ({ i, k: rank[f.severity] ?? 3 })).sort((a, b) => a.k - b.k || a.i - b.i).slice(0, max);
  const kept = new Set(keep.map((x) => x.i));
  return { ...r, findings: r.findings.filter((_, i) => kept.has(i)), findingsCut: r.findings.length - max };
}

/** Pieces of the report are written when they reach this many characters (and at the end of each file). */
export const PIECE_CHARS = 1 << 20;

function* pieces(parts: Iterable<string>, size: number): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const p of parts) {
    buf.push(p);
    n += p.length;
    if (n >= size) {
      yield buf.join('');
      buf = [];
      n = 0;
    }
  }
  if (buf.length) yield buf.join('');
}

/** A placeholder for the findings array while the rest of the entry is stringified. */
const FINDINGS = '\u0000findings\u0000';

function* jsonParts(printed: PrintedFileReport): Generator<string> {
  // which sheets came from a Word report is for the text output only: the JSON is the schema's
  const { wordSheets: _word, ...r } = printed;
  void _word;
  const indent = (s: string, pad: string): string => pad + s.replace(/\n/g, `\n${pad}`);
  // split at the key itself: inside a JSON string a quote is always escaped, so `"findings": "…"` is only the key
  const whole = indent(JSON.stringify({ ...r, findings: FINDINGS }, null, 2), '    ');
  const mark = `"findings": ${JSON.stringify(FINDINGS)}`;
  const at = whole.indexOf(mark) + '"findings": '.length;
  const head = whole.slice(0, at);
  const tail = whole.slice(at + JSON.stringify(FINDINGS).length);
  if (!r.findings.length) {
    yield `${head}[]${tail}`;
    return;
  }
  yield `${head}[\n`;
  for (let i = 0; i < r.findings.length; i++) yield `${i ? ',\n' : ''}${indent(JSON.stringify(r.findings[i], null, 2), '        ')}`;
  yield `\n      ]${tail}`;
}

/**
 * One file's entry as pieces of at most about `size` characters (a finding is never split): JSON indented as
 * inside the whole report, or the text lines. No piece holds a whole large file, so no string grows past what
 * V8 allows, however many findings the files have.
 */
export function filePieces(r: PrintedFileReport, format: 'json' | 'text', textArgs: { lang: Lang; color: boolean; scores: boolean; verbose?: boolean }, size = PIECE_CHARS): Generator<string> {
  if (format === 'json') return pieces(jsonParts(r), size);
  const lines = formatFileLines(r, textArgs.lang, textArgs.color, textArgs.scores, !!textArgs.verbose);
  return pieces(lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)), size);
}

/** Check one file in this thread (no memory or time limit: for tests and embedding). */
export async function checkFile(file: string, options: Partial<CheckOptions>): Promise<FileReport> {
  return checkFileHere(file, options);
}

/** Files are checked in a worker with limits (./isolate.ts) when running compiled; from TypeScript source (the
 *  tests) there is no worker script to start, so they are checked here. SELFEVAL_ISOLATE=0 turns it off. */
function isolationAvailable(): boolean {
  return __filename.endsWith('.js') && process.env.SELFEVAL_ISOLATE !== '0';
}

function parseReportFile(v: string): string {
  if (!reportFormatOf(v)) throw new InvalidArgumentError('应为 .xlsx 或 .html 文件 (an .xlsx or .html file)');
  return v;
}

function parseSeconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new InvalidArgumentError('应为大于 0、不超过 3600 的秒数 (seconds, over 0 and at most 3600)');
  return n;
}

/** The options' descriptions, in the language the command line asks for (the help is printed before parsing). */
const DESC = {
  zh: {
    about: '自评校核：校验部门整体支出绩效自评工作簿（收支表、三公经费、评分表）和自评报告中的数字',
    paths: '工作簿（.xlsx、.xlsm、.xls、.et）、Word 自评报告（.docx）或文件夹（文件夹中的逐个校验，同名的工作簿和报告合并校验）；不给则校验随附示例',
    format: '输出格式', lang: '消息语言', tolerance: '舍入误差（尾差）界限的倍数，0 表示必须完全相等',
    minDecimals: '未设数字格式的金额按至少几位小数舍入计', bands: '评价等次分档，如 优秀:90,良好:80,合格:60,不合格:0',
    rule: '调整规则级别或关闭（可重复），如 budget/over-budget=off', capByRate: '项目自评表总分不高于执行率×100（部分地区的评分规则）',
    scores: '列出按评分标准计算的得分（JSON 总是包含 scores）', value: '给出指标的值（可重复），如 重点支出安排率=92%',
    timeout: '每个文件读取和校验的时限（秒），超时则放弃该文件', together: '把给出的工作簿和 Word 报告作为一份材料合并校验（同名的，或仅有的一个工作簿和一个报告）',
    noTogether: '工作簿和报告一律分开校验（文件夹中同名的也不合并）', verbose: '每条问题后注明规则编号',
    report: '另存一份可转发的校验汇总：.xlsx（汇总、问题清单两张表）或 .html（可打印）', noColor: '不使用颜色', listRules: '列出全部规则',
  },
  en: {
    about: '自评校核: checks the figures of departments’ performance self-evaluation workbooks (收支 tables, 三公, 评分表) and reports',
    paths: 'workbooks (.xlsx, .xlsm, .xls, .et), Word reports (.docx) or folders (checked one by one; a workbook and a report of one base name together); none: the bundled examples',
    format: 'output format', lang: 'language of the messages', tolerance: 'multiplies the rounding (尾差) bounds; 0 = exact',
    minDecimals: 'decimals assumed for amounts without a number format', bands: 'grade bands, e.g. 优秀:90,良好:80,合格:60,不合格:0',
    rule: 'change a rule’s severity or turn it off (repeatable), e.g. budget/over-budget=off', capByRate: 'a project’s total may not exceed its 执行率 × 100 (some regions’ rules)',
    scores: 'list the scores computed by each line’s criteria (the JSON always has them)', value: 'a value for an indicator (repeatable), e.g. 重点支出安排率=92%',
    timeout: 'seconds one file may take to be read and checked; past it the file is given up', together: 'check the workbooks and Word reports given as one document (of one base name, or the only workbook with the only report)',
    noTogether: 'check every workbook and report apart (in folders too)', verbose: 'name the rule after each finding',
    report: 'also write a summary to forward: .xlsx (汇总 and 问题清单 sheets) or .html (printable)', noColor: 'no colours', listRules: 'list the rules',
  },
};

/** The language the command line asks for, before it is parsed (for the help and the usage errors). */
function langOf(argv: readonly string[]): Lang {
  const i = argv.lastIndexOf('--lang');
  const v = i >= 0 ? argv[i + 1] : argv.filter((a) => a.startsWith('--lang=')).pop()?.slice(7);
  return v === 'en' ? 'en' : 'zh';
}

export async function run(argv: string[], io: Io = stdoutIo()): Promise<number> {
  const L = langOf(argv);
  const d = DESC[L];
  const program = new Command()
    .name('selfeval-check')
    .description(d.about)
    .argument('[paths...]', d.paths)
    .addOption(new Option('-f, --format <format>', d.format).choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', d.lang).choices(['zh', 'en']).default('zh'))
    .option('--tolerance <factor>', d.tolerance, parseFactor, 1)
    .option('--min-decimals <n>', d.minDecimals, parseDecimals, 2)
    .option('--bands <spec>', d.bands, parseBandsOption)
    .option('--rule <id=severity>', d.rule, collectRule)
    .option('--cap-by-rate', d.capByRate)
    .option('--scores', d.scores)
    .option('--value <name=value>', d.value, collectValue)
    .option('--timeout <seconds>', d.timeout, parseSeconds, RUN_LIMITS.timeoutS)
    .option('--together', d.together)
    .option('--no-together', d.noTogether)
    .option('--verbose', d.verbose)
    .option('--report <file>', d.report, parseReportFile)
    .option('--no-color', d.noColor)
    .option('--list-rules', d.listRules)
    .helpOption('-h, --help', HELP[L].help)
    .configureHelp({ formatHelp: (cmd, helper) => helpText(cmd, helper, L) })
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (str, write) => write(usageErrorText(str, L)) });

  try {
    program.parse(argv, { from: 'node' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const o = program.opts<{
    format: 'text' | 'json'; lang: Lang; tolerance: number; minDecimals: number; bands?: GradeBand[];
    rule?: Record<string, Severity | 'off'>; color: boolean; listRules?: boolean; scores?: boolean; value?: Record<string, string>; capByRate?: boolean;
    timeout: number; together?: boolean; verbose?: boolean; report?: string;
  }>();
  if (o.listRules) {
    for (const r of RULES) io.out(`${r.meta.id.padEnd(30)} ${r.meta.severity.padEnd(8)} ${r.meta.description[o.lang]}\n`);
    return 0;
  }
  let paths = program.args;
  const demo = paths.length === 0;
  if (demo) {
    paths = DEMO_FILES.map((f) => path.relative(process.cwd(), path.join(EXAMPLES_DIR, f)) || f);
    io.err(o.lang === 'zh'
      ? `未指定文件：校验随附示例（seed 002 数据；第二个文件有一处人为埋入的错误）\n\n`
      : `No file given: checking the bundled examples (seed 002 figures; the second has one planted error)\n\n`);
  }
  const pairing: Pairing = o.together === true ? 'together' : o.together === false ? 'off' : 'folders';
  const targets = await expandTargets(paths, pairing);
  if (!targets.length) {
    io.err(o.lang === 'zh' ? '未找到 .xlsx 或 .xlsm 文件（或 .docx 报告）：请给出工作簿、报告或含有它们的文件夹\n' : 'No .xlsx or .xlsm file (or .docx report) found: give workbooks, reports or folders holding them\n');
    return 2;
  }
  const options: Partial<CheckOptions> = {
    lang: o.lang,
    tolerance: { factor: o.tolerance, minDecimals: o.minDecimals },
    gradeBands: o.bands ?? DEFAULT_GRADE_BANDS,
    severity: o.rule ?? {},
    indicatorValues: o.value,
    projectCapByRate: !!o.capByRate,
  };
  // the report is written file by file as each is checked, never built as one string; only each file's
  // outcome is kept, for the summary and the exit status
  const kept: Outcome[] = [];
  // a file that fails the run: one not read (a folder's other files, notChecked, are only listed), or with an error
  const fails = (x: Outcome): boolean => (x.error !== null && x.errorCode !== 'notChecked') || x.summary.errors > 0;
  const forward = o.report ? new BatchReport(o.lang) : null;
  // progress on stderr while a batch runs, only where a person watches it (a terminal), on one line
  const progress = targets.length > 1 && !!process.stderr.isTTY && !process.env.CI;
  const say = (s: string): void => {
    if (progress) io.err(`\r\u001b[K${s}`);
  };
  const json = o.format === 'json';
  const color = o.color && io.isTTY && !process.env.NO_COLOR;
  // SELFEVAL_HEAP_MB lowers (or raises) the worker's heap ceiling: for tests of the isolation, and for machines
  // with little memory
  const heapMb = Number(process.env.SELFEVAL_HEAP_MB) > 0 ? Number(process.env.SELFEVAL_HEAP_MB) : RUN_LIMITS.heapMb;
  const isolated = isolationAvailable() ? new IsolatedChecker({ heapMb, timeoutS: o.timeout }) : null;
  try {
    if (json) await io.out('{\n  "version": 1,\n  "files": [\n');
    for (const [n, t] of targets.entries()) {
      if (io.broken?.()) break;
      say(o.lang === 'zh' ? `正在校验 ${n + 1}/${targets.length}：${visible(t.file)}` : `checking ${n + 1} of ${targets.length}: ${visible(t.file)}`);
      const checked = t.problem ? errorReport(t.file, t.problem, o.lang) : isolated ? await isolated.check(t.file, options, t.parts) : await checkFileHere(t.file, options, t.parts);
      const r = boundFindings(checked);
      const first = kept.length === 0;
      kept.push(outcomeOf(r));
      forward?.add(r);
      say('');
      let sep = first ? '' : json ? ',\n' : '\n';
      for (const piece of filePieces(r, o.format, { lang: o.lang, color, scores: !!o.scores, verbose: !!o.verbose })) {
        if (io.broken?.()) break;
        await io.out(sep + piece);
        sep = '';
      }
    }
  } finally {
    say('');
    await isolated?.close();
  }
  if (json) await io.out('\n  ]\n}\n');
  else if (kept.length > 1) await io.out(`\n${formatSummary(kept, o.lang, color).join('\n')}\n`);
  else await io.out('\n');
  if (forward && o.report) {
    try {
      await forward.write(o.report, reportFormatOf(o.report)!);
      io.err(o.lang === 'zh' ? `校验汇总已写入 ${visible(o.report)}\n` : `The summary was written to ${visible(o.report)}\n`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e);
      io.err(o.lang === 'zh' ? `selfeval-check：校验汇总未能写入 ${visible(o.report)}（${visible(code)}）：请检查路径和权限\n` : `selfeval-check: the summary could not be written to ${visible(o.report)} (${visible(code)}): check the path and its permissions\n`);
      return 2;
    }
  }
  if (demo) {
    // the demo succeeds when the clean example is clean and the planted error is found
    const [clean, planted] = kept;
    return clean && !fails(clean) && planted && planted.summary.errors > 0 ? 0 : 1;
  }
  return kept.some(fails) ? 1 : 0;
}

/**
 * Whether standard descriptor `fd` was closed when the program started (`>&-`). Node puts /dev/null in place of a
 * closed standard descriptor, opened read-write, so writes to it succeed and the report would vanish with exit 0;
 * a /dev/null the user chose (`>/dev/null`) is opened write-only by the shell and is left alone. Linux (/proc)
 * only: elsewhere it says false.
 */
export function closedAtStart(fd: number, proc = '/proc/self'): boolean {
  try {
    if (readlinkSync(`${proc}/fd/${fd}`) !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`${proc}/fdinfo/${fd}`, 'utf8'));
    return !!flags && (parseInt(flags[1]!, 8) & 3) === 2; // O_ACCMODE is O_RDWR
  } catch {
    return false;
  }
}

/** What stderr says when the report could not be written whole (exit 2, whatever the files held). */
export function lostReportText(e: NodeJS.ErrnoException): string {
  const why = e.code === 'EPIPE' ? '读取输出的程序提前关闭了管道（如 head）'
    : e.code === 'ENOSPC' ? '磁盘已满' : e.code === 'EBADF' ? '标准输出已关闭（如 >&-）' : `写入失败（${e.code ?? e.message}）`;
  const whyEn = e.code === 'EPIPE' ? 'the program reading it closed the pipe early (e.g. head)'
    : e.code === 'ENOSPC' ? 'no space left on the device' : e.code === 'EBADF' ? 'standard output is closed (e.g. >&-)' : `the write failed (${e.code ?? e.message})`;
  return `selfeval-check：报告未能完整写出：${why}；退出状态 2 不代表文件的校验结果；要得到结果，请把输出完整读取或写到有空间的位置后重新运行\n`
    + `selfeval-check: the report could not be written whole: ${whyEn}; exit status 2 says nothing about the files; to get the results, read the output whole or write it somewhere with room, and run again\n`;
}

export function main(argv: string[] = process.argv): void {
  // a report that could not be written whole (EPIPE from `| head -1`, ENOSPC, a closed descriptor) never exits
  // 0 or 1 as if it had been read: it exits 2 and says so on stderr
  const io = stdoutIo(process.stdout, closedAtStart(1));
  run(argv, io).then(
    async (code) => {
      await io.flush();
      const failure = io.failure();
      if (failure) {
        process.stderr.write(lostReportText(failure));
        process.exitCode = 2;
      } else process.exitCode = code;
    },
    (e) => {
      // never a bare stack trace: a sentence, with the detail after it for whoever reports it
      const detail = visible(e instanceof Error ? e.message : String(e));
      process.stderr.write(`selfeval-check: 未能运行（${detail}）；请检查参数后重试，或把此信息发给维护人员\n`
        + `selfeval-check: could not run (${detail}); check the arguments and try again, or send this to the maintainers\n`);
      process.exitCode = 2;
    },
  );
}
