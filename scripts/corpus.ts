/**
 * npm run corpus — measures the engine on the layout families of test/fixtures/corpus (it asserts nothing and
 * always exits 0). Each family's clean workbooks are checked, then each single-fault mutant of them (one figure
 * transposed, a digit dropped, the sign flipped, the next line's figure copied, a figure blanked, a total off by
 * 10.00, a rate off by 1.5 points, and the real published error of another line's 项目支出 copied into a 项 line:
 * test/fixtures/corpus/mutate.ts). It prints one line per family and a total:
 *
 *   family  fixtures  mutants  found%  named%  falseAlarms(clean)  falseAlarms(mutants)  wrongFix
 *
 * and under its family, always, one line per real-error mutant (copied-line): the cell, the figure copied and
 * from where, whether it was found and named, and the finding that names it (or the first cells of those that
 * found it).
 *
 * - found: an error or warning has a range in its cells that contains the planted cell;
 * - named: one such finding's first cell is exactly the planted cell;
 * - false alarms: on a clean fixture every error and warning; on a mutant every error and warning none of whose
 *   cells contains the planted cell.
 *
 * Options: --family <id> (only that family), --verbose (each missed or unnamed mutant and each false alarm, with
 * the finding's rule, first cell and message), --json <file> (everything, per fixture and mutant), --reports <dir>
 * (the JSON report of every clean fixture and every mutant, one file each, and of the seed reports' texts and the
 * bench's workbook: checking the same files before and after a change and comparing the folders with `diff -r`
 * shows whether the change changed any result).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { sheetCell } from '../src/core/a1';
import { checkWorkbook, FileReport, Finding } from '../src/core';
import { WorkbookSnapshot } from '../src/core/snapshot';
import { FAMILIES } from '../test/fixtures/corpus';
import { contains, restores } from '../test/fixtures/corpus/verdict';
import { mutants, Mutant } from '../test/fixtures/corpus/mutate';
import { CorpusFamily, CorpusFixture } from '../test/fixtures/corpus/types';
import { report as textReport } from '../test/fixtures/text';
import { consolidated } from './bench';

interface Alarm {
  rule: string;
  cell: string;
  message: string;
}

interface MutantResult {
  cell: string;
  /** copied-line: the cell whose figure was copied */
  from?: string;
  kind: string;
  mutation: string;
  was: unknown;
  value: unknown;
  found: boolean;
  named: boolean;
  /** first cells of the findings that contain the planted cell */
  foundBy: string[];
  /** the finding whose first cell is the planted cell */
  namedBy?: Alarm;
  falseAlarms: Alarm[];
  /** fixes the engine proposed for another cell than the planted one, or with another value than it had */
  wrongFixes: Alarm[];
}

interface FixtureResult {
  name: string;
  clean: Alarm[];
  mutants: MutantResult[];
}

interface Tally {
  fixtures: number;
  mutants: number;
  found: number;
  named: number;
  cleanAlarms: number;
  mutantAlarms: number;
  wrongFixes: number;
}

const isSerious = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';

/** Where --reports writes each report (nothing when it is not given). */
type Sink = (file: string, report: FileReport) => void;
let sink: Sink | null = null;

/** A report's JSON as the CLI's --format json gives one file (two-space indents), with any timing field zeroed so
 *  that two runs of the same code write the same bytes (the core's report holds none today). */
function reportJson(r: FileReport): string {
  return `${JSON.stringify(r, (k, v: unknown) => (/^(elapsed|duration|time)(Ms)?$|At$/.test(k) ? 0 : v), 2)}\n`;
}

/** A file name from a fixture's name or a cell (sheet names hold any character but these few). */
const fileName = (s: string): string => s.replace(/[/\\:*?"<>|!]/g, '_');

function checked(wb: WorkbookSnapshot, name: string, out?: string): FileReport {
  const r = checkWorkbook(wb, name).report;
  if (sink && out) sink(out, r);
  return r;
}

const alarm = (f: Finding): Alarm => ({ rule: f.rule, cell: f.cells[0] ?? '', message: f.message });

function runMutant(m: Mutant, i: number): MutantResult {
  const all = checked(m.wb, m.fixture, path.join(fileName(m.fixture), 'mutants', `${String(i).padStart(3, '0')}-${m.mutation}-${fileName(m.cell)}.json`)).findings;
  const findings = all.filter(isSerious);
  const hits = findings.filter((f) => f.cells.some((c) => contains(c, m.cell)));
  const naming = hits.find((f) => f.cells[0] === m.cell);
  return {
    cell: m.cell, from: m.target.from && sheetCell(m.target.sheet, m.target.from.r, m.target.from.c), kind: m.target.kind, mutation: m.mutation, was: m.was, value: m.value,
    found: hits.length > 0,
    named: hits.some((f) => f.cells[0] === m.cell),
    foundBy: hits.map((f) => f.cells[0] ?? ''),
    namedBy: naming && alarm(naming),
    falseAlarms: findings.filter((f) => !hits.includes(f)).map(alarm),
    wrongFixes: all.filter((f) => f.fix !== undefined && (f.cells[0] !== m.cell || !restores(f.fix, m.was))).map((f) => ({ ...alarm(f), message: `fix ${f.fix}: ${f.message}` })),
  };
}

function runFixture(f: CorpusFixture): FixtureResult {
  const clean = checked(f.wb, f.name, path.join(fileName(f.name), 'clean.json')).findings.filter(isSerious);
  return { name: f.name, clean: clean.map(alarm), mutants: mutants(f).map(runMutant) };
}

/** The seed reports' texts (test/fixtures/seeds, one paragraph a line in 正文) and the bench's workbooks, checked
 *  with every rule: results the corpus's families do not hold. */
function dumpOthers(): void {
  // the seeds' texts stay in the repository (the build does not copy them): found from here, run from build/ or not
  let root = __dirname;
  while (!existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  const seeds = path.join(root, 'test/fixtures/seeds');
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
    // as test/fixtures/text's seedParagraphs reads them: every non-empty line one paragraph
    const paragraphs = readFileSync(path.join(seeds, file), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    checked(textReport(paragraphs), `seed${file.slice(0, 3)}.txt`, path.join('seeds', file.replace(/\.txt$/, '.json')));
  }
  checked(consolidated(1250, 9), 'bench', path.join('bench', 'consolidated-1250-9.json'));
  checked(consolidated(200, 7), 'bench', path.join('bench', 'consolidated-200-7.json'));
}

function tally(results: FixtureResult[]): Tally {
  const all = results.flatMap((r) => r.mutants);
  return {
    fixtures: results.length,
    mutants: all.length,
    found: all.filter((m) => m.found).length,
    named: all.filter((m) => m.named).length,
    cleanAlarms: results.reduce((n, r) => n + r.clean.length, 0),
    mutantAlarms: all.reduce((n, m) => n + m.falseAlarms.length, 0),
    wrongFixes: all.reduce((n, m) => n + m.wrongFixes.length, 0),
  };
}

const pct = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '—');

function line(cols: Array<string | number>): string {
  const widths = [18, 9, 8, 8, 8, 19, 21, 10];
  return cols.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
}

const row = (id: string, t: Tally): string =>
  line([id, t.fixtures, t.mutants, pct(t.found, t.mutants), pct(t.named, t.mutants), t.cleanAlarms, t.mutantAlarms, t.wrongFixes]);

const show = (a: Alarm): string => `${a.rule}  ${a.cell}  ${a.message}`;

/** The missed and unnamed mutants, and the false alarms (a mutant's counted once per rule, cell and message). */
function details(r: FixtureResult): string[] {
  const out: string[] = r.clean.map((a) => `  false alarm (clean)  ${r.name}: ${show(a)}`);
  for (const m of r.mutants) {
    const what = `${r.name}  ${m.mutation} ${m.cell} ${JSON.stringify(m.was)} → ${JSON.stringify(m.value)}`;
    if (!m.found) out.push(`  missed    ${what}`);
    else if (!m.named) out.push(`  unnamed   ${what}: first cells ${m.foundBy.join(', ')}`);
  }
  const counted = new Map<string, number>();
  for (const a of r.mutants.flatMap((m) => m.falseAlarms)) counted.set(show(a), (counted.get(show(a)) ?? 0) + 1);
  for (const [text, n] of counted) out.push(`  false alarm (mutants ×${n})  ${r.name}: ${text}`);
  for (const m of r.mutants) for (const a of m.wrongFixes) out.push(`  wrong fix  ${r.name}  ${m.mutation} ${m.cell} ${JSON.stringify(m.was)} → ${JSON.stringify(m.value)}: ${show(a)}`);
  return out;
}

/** The real-error mutants (another line's figure copied into a zero part of a line), one line each. */
function realErrors(r: FixtureResult): string[] {
  return r.mutants.filter((m) => m.mutation === 'copied-line').map((m) => {
    const what = `${r.name}  ${m.cell} ${JSON.stringify(m.was)} → ${JSON.stringify(m.value)} (copied from ${m.from})`;
    if (m.namedBy) return `  real error  ${what}: found and named by ${show(m.namedBy)}`;
    if (m.found) return `  real error  ${what}: found, not named (first cells ${m.foundBy.join(', ')})`;
    return `  real error  ${what}: MISSED`;
  });
}

function parseArgs(argv: string[]): { family?: string; verbose: boolean; json?: string; reports?: string } {
  const o: { family?: string; verbose: boolean; json?: string; reports?: string } = { verbose: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--family') o.family = argv[++i];
    else if (argv[i] === '--json') o.json = argv[++i];
    else if (argv[i] === '--reports') o.reports = argv[++i];
    else if (argv[i] === '--verbose') o.verbose = true;
    else process.stderr.write(`corpus: ignoring unknown argument ${argv[i]}\n`);
  }
  return o;
}

function main(): void {
  // a measurement exits 0 even when its reader stops early (`| head`)
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const o = parseArgs(process.argv.slice(2));
  const families: CorpusFamily[] = FAMILIES.filter((f) => !o.family || f.id === o.family);
  if (!families.length) process.stderr.write(`corpus: no family ${o.family} (families: ${FAMILIES.map((f) => f.id).join(', ')})\n`);
  if (o.reports) {
    const dir = o.reports;
    sink = (file, r) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), reportJson(r));
    };
  }
  const t0 = performance.now();
  const out: Array<{ id: string; title: string; tally: Tally; fixtures: FixtureResult[] }> = [];
  process.stdout.write(`${line(['family', 'fixtures', 'mutants', 'found%', 'named%', 'falseAlarms(clean)', 'falseAlarms(mutants)', 'wrongFix'])}\n`);
  for (const fam of families) {
    const results = fam.fixtures.map(runFixture);
    const t = tally(results);
    out.push({ id: fam.id, title: fam.title, tally: t, fixtures: results });
    process.stdout.write(`${row(fam.id, t)}\n`);
    for (const r of results) for (const d of realErrors(r)) process.stdout.write(`${d}\n`);
    if (o.verbose) for (const r of results) for (const d of details(r)) process.stdout.write(`${d}\n`);
  }
  if (o.reports && !o.family) dumpOthers();
  const total = tally(out.flatMap((f) => f.fixtures));
  process.stdout.write(`${row('total', total)}\n`);
  process.stdout.write(`(${total.fixtures + total.mutants} checks in ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  if (o.json) {
    writeFileSync(o.json, `${JSON.stringify({ families: out, total }, null, 2)}\n`);
    process.stdout.write(`wrote ${o.json}\n`);
  }
  if (o.reports) process.stdout.write(`wrote the reports into ${o.reports}\n`);
}

if (require.main === module) main();
