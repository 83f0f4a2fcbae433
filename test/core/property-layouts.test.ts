/**
 * Property: consistent tables in either orientation — units as rows (with group label rows and 小计 rows, 汇总
 * first or last) or units as columns (measures as rows, parts opened by 其中： or indented) — with figures at
 * mixed decimals (whole 元, 分, text with thousands separators) raise no error and no warning.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core';
import { CellValue } from '../../src/core/snapshot';
import { SheetBuilder, workbook } from '../fixtures/sheet';
import { yuanText } from '../fixtures/layouts';

const UNIT_NAMES = ['局机关', '妇幼保健院', '血吸虫病预防站', '疾病预防控制中心', '卫生计生综合监督执法局', '路口镇中心卫生院', '长岭街道社区卫生服务中心',
  '松阳湖街道社区卫生服务中心', '云溪街道社区卫生服务中心', '陆城镇卫生院'];

type Style = 'plain' | 'format0' | 'format2' | 'text';

/** A figure in 分 written the way `style` says; whole-元 figures are what 'format0' rounds nothing away from. */
function figure(cents: number, style: Style): { v: CellValue; fmt?: string } {
  if (style === 'text') return { v: yuanText(cents) };
  const v = Number((cents / 100).toFixed(2));
  if (style === 'format0') return { v, fmt: '#,##0' };
  if (style === 'format2') return { v, fmt: '#,##0.00' };
  return { v };
}

interface Spec {
  /** per unit: 人员支出, 公用支出, 项目支出 in 分 */
  units: number[][];
  columns: boolean;
  groups: boolean;
  subtotalFirst: boolean;
  totalLast: boolean;
  indent: boolean;
  styles: Style[];
}

const specArb: fc.Arbitrary<Spec> = fc.integer({ min: 2, max: 10 }).chain((n) => fc.record({
  // whole 元 for units written with no decimals, 分 otherwise
  units: fc.array(fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
  columns: fc.boolean(),
  groups: fc.boolean(),
  subtotalFirst: fc.boolean(),
  totalLast: fc.boolean(),
  indent: fc.boolean(),
  styles: fc.array(fc.constantFrom<Style>('plain', 'format0', 'format2', 'text'), { minLength: n, maxLength: n }),
}));

function build(s: Spec): SheetBuilder {
  // a unit written without decimals holds whole 元
  const units = s.units.map((u, i) => (s.styles[i] === 'format0' ? u.map((x) => Math.round(x / 100) * 100) : u));
  const rowOf = (u: number[]): number[] => [u[0]! + u[1]! + u[2]!, u[0]! + u[1]!, u[0]!, u[1]!, u[2]!];
  const sum = (rows: number[][]): number[] => rows.reduce((a, r) => a.map((x, j) => x + r[j]!), [0, 0, 0, 0, 0]);
  const b = new SheetBuilder('表');
  b.set(0, 0, '年度支出情况表');
  b.set(1, 0, '单位：元');
  if (!s.columns) {
    b.block(2, 0, [['单位名称', '支出合计', '基本支出', '人员支出', '公用支出', '项目支出']]);
    const lines: Array<{ label: string; v: number[] | null; style: Style }> = [];
    const all = units.map((u, i) => ({ label: UNIT_NAMES[i]!, v: rowOf(u), style: s.styles[i]! }));
    if (s.groups && all.length >= 4) {
      const cut = Math.floor(all.length / 2);
      [['（一）本级', all.slice(0, cut)], ['（二）下属单位', all.slice(cut)]].forEach(([label, members]) => {
        const m = members as typeof all;
        const sub = { label: '小计', v: sum(m.map((x) => x.v)), style: 'format2' as Style };
        lines.push({ label: label as string, v: null, style: 'plain' });
        if (s.subtotalFirst) lines.push(sub, ...m);
        else lines.push(...m, sub);
      });
    } else lines.push(...all);
    const total = { label: '汇总', v: sum(all.map((x) => x.v)), style: 'format2' as Style };
    const ordered = s.totalLast ? [...lines, total] : [total, ...lines];
    ordered.forEach((line, k) => {
      b.set(3 + k, 0, line.label);
      line.v?.forEach((cents, j) => {
        const f = figure(cents, line.style);
        b.set(3 + k, 1 + j, f.v, f.fmt ? { fmt: f.fmt } : {});
      });
    });
    return b;
  }
  // units as columns: 项目 | 汇总 | units…; 支出合计, 其中：基本支出 (人员支出, 公用支出 under it), 项目支出
  const cols = units.map(rowOf);
  const total = sum(cols);
  const head = ['项目', ...(s.totalLast ? [] : ['汇总']), ...units.map((_, i) => UNIT_NAMES[i]!), ...(s.totalLast ? ['汇总'] : [])];
  b.block(2, 0, [head]);
  const pad = (t: string, level: number): string => (s.indent ? `${'　　'.repeat(level)}${t}` : t);
  const labels = ['支出合计', s.indent ? pad('基本支出', 1) : '其中：基本支出', pad('人员支出', 2), pad('公用支出', 2), pad('项目支出', 1)];
  labels.forEach((label, j) => {
    const r = 3 + j;
    b.set(r, 0, label);
    const all = s.totalLast ? [...cols, total] : [total, ...cols];
    const styles = s.totalLast ? [...s.styles, 'format2' as Style] : ['format2' as Style, ...s.styles];
    all.forEach((v, i) => {
      const f = figure(v[j]!, styles[i]!);
      b.set(r, 1 + i, f.v, f.fmt ? { fmt: f.fmt } : {});
    });
  });
  return b;
}

test('consistent tables in either orientation, with group label rows and mixed decimals, raise no error or warning', () => {
  fc.assert(fc.property(specArb, (s) => {
    const { report, model } = checkWorkbook(workbook(build(s)), 'p.xlsx');
    expect(model.notes.filter((n) => n.kind === 'unreadable-sheet')).toEqual([]);
    expect(report.tables.length).toBe(1);
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]} ${f.message}`)).toEqual([]);
    // the sums were checked, not skipped: the units relation is there whichever way round
    const t = model.tables[0]!;
    if (s.columns) expect(t.unitCols).toBe(true);
    else expect(t.total).toBeDefined();
  }), { numRuns: 200 });
});

// figures shown with no decimals are each taken as rounded to the 元 (up to ± 0.5 元 apiece, as the issue's
// "lines shown with no decimals" asks), so a change is certain to show only beyond what 11 such figures allow
test('in either orientation, one figure changed by 10 元 or more is found', () => {
  fc.assert(fc.property(specArb, fc.nat(), fc.integer({ min: 1000, max: 1_000_000 }), (s, pick, delta) => {
    const sheet = workbook(build(s)).sheets[0]!;
    const figures: Array<[number, number]> = [];
    sheet.values.forEach((row, r) => row.forEach((v, c) => {
      if (r >= 3 && c >= 1 && (typeof v === 'number' || (typeof v === 'string' && /^[\d,.]+$/.test(v)))) figures.push([r, c]);
    }));
    const [r, c] = figures[pick % figures.length]!;
    const old = sheet.values[r]![c]!;
    const cents = Math.round(Number(String(old).replace(/,/g, '')) * 100) + delta;
    sheet.values[r]![c] = typeof old === 'string' ? yuanText(cents) : cents / 100;
    const { report } = checkWorkbook({ sheets: [sheet] }, 'p.xlsx');
    expect(report.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  }), { numRuns: 150 });
});
