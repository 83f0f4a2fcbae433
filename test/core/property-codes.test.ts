/**
 * Property: code-keyed tables (功能分类 类/款/项) and two-sided 总表 built from random figures that add up raise no
 * error and no warning, whatever the way the codes are written, the 合计's place, zero lines printed blank or as 0,
 * blank spacer rows; and one 项 figure changed by a whole amount is found.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core';
import { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { SheetBuilder, workbook } from '../fixtures/sheet';

type CodeStyle = 'split' | 'joined' | 'numbers' | 'spaced';
const NAMES = ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '农林水支出', '住房保障支出', '行政运行', '一般行政管理事务',
  '机关服务', '事业运行', '其他支出', '公共卫生', '基层医疗卫生机构', '住房公积金', '购房补贴'];

interface Spec {
  /** per 类, per 款, the 项 lines' [基本支出, 项目支出] in 分 */
  tree: number[][][][];
  style: CodeStyle;
  totalLast: boolean;
  zeros: 'blank' | 'zero';
  spacers: number;
}

const lineArb = fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90_000_000 })), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90_000_000 })));
const specArb: fc.Arbitrary<Spec> = fc.record({
  tree: fc.array(fc.array(fc.array(lineArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
  style: fc.constantFrom<CodeStyle>('split', 'joined', 'numbers', 'spaced'),
  totalLast: fc.boolean(),
  zeros: fc.constantFrom<'blank' | 'zero'>('blank', 'zero'),
  spacers: fc.integer({ min: 0, max: 2 }),
});

/** The table, and the cells of its 项 figures (for a mutant). */
function build(s: Spec): { wb: WorkbookSnapshot; leaves: Array<{ r: number; c: number; cents: number }> } {
  const b = new SheetBuilder('支出');
  b.set(0, 0, '2026年一般公共预算支出表');
  b.set(1, 0, '单位：元');
  const split = s.style === 'split';
  const nameCol = split ? 3 : 1;
  b.block(2, 0, [split ? ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'] : ['科目编码', '科目名称', '合计', '基本支出', '项目支出']]);
  const add = (a: number[], x: number[]): number[] => [a[0]! + x[0]!, a[1]! + x[1]!];
  const lines: Array<{ code: string; v: number[]; leaf: boolean }> = [];
  let total = [0, 0];
  s.tree.forEach((kuans, i) => {
    const cls = String(201 + i * 3);
    const at = lines.push({ code: cls, v: [0, 0], leaf: false }) - 1;
    let sumCls = [0, 0];
    kuans.forEach((items, j) => {
      const kuan = `${cls}${String(j + 1).padStart(2, '0')}`;
      const ak = lines.push({ code: kuan, v: [0, 0], leaf: false }) - 1;
      let sumKuan = [0, 0];
      items.forEach((v, k) => {
        lines.push({ code: `${kuan}${String(k + 1).padStart(2, '0')}`, v, leaf: true });
        sumKuan = add(sumKuan, v);
      });
      lines[ak]!.v = sumKuan;
      sumCls = add(sumCls, sumKuan);
    });
    lines[at]!.v = sumCls;
    total = add(total, sumCls);
  });
  const leaves: Array<{ r: number; c: number; cents: number }> = [];
  const fig = (x: number): CellValue => (x === 0 && s.zeros === 'blank' ? null : x / 100);
  const put = (r: number, v: number[]): void => [v[0]! + v[1]!, v[0]!, v[1]!].forEach((x, j) => void b.set(r, nameCol + 1 + j, fig(x), { fmt: '#,##0.00' }));
  let r = 3;
  if (!s.totalLast) {
    put(r, total);
    b.set(r++, nameCol, '合计');
  }
  lines.forEach((l, k) => {
    const code = l.code;
    if (split) {
      if (code.length === 3) b.set(r, 0, code);
      if (code.length === 5) b.set(r, 1, code.slice(3));
      if (code.length === 7) b.set(r, 2, code.slice(5));
    } else if (s.style === 'joined') b.set(r, 0, code);
    else if (s.style === 'numbers') b.set(r, 0, Number(code));
    else b.set(r, 0, [code.slice(0, 3), code.slice(3, 5), code.slice(5)].filter(Boolean).join(' '));
    b.set(r, nameCol, NAMES[k % NAMES.length]!);
    put(r, l.v);
    if (l.leaf) [0, 1].forEach((j) => { if (l.v[j]) leaves.push({ r, c: nameCol + 2 + j, cents: l.v[j]! }); });
    r++;
  });
  if (s.totalLast) {
    r += s.spacers;
    b.set(r, nameCol, '合计');
    put(r, total);
  }
  return { wb: workbook(b), leaves };
}

const loud = (wb: WorkbookSnapshot): string[] =>
  checkWorkbook(wb, 'p.xlsx').report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells[0]} ${f.message}`);

test('code tables built from figures that add up raise no error or warning', () => {
  fc.assert(fc.property(specArb, (s) => {
    // a table of zeros printed blank throughout states nothing to check
    fc.pre(s.tree.flat(3).some((x) => x > 0));
    expect(loud(build(s).wb)).toEqual([]);
  }), { numRuns: 150 });
});

test('in a code table, one 项 figure changed by 1 元 or more is an error', () => {
  fc.assert(fc.property(specArb, fc.nat(), fc.integer({ min: 100, max: 10_000_000 }), (s, pick, delta) => {
    const { wb, leaves } = build(s);
    fc.pre(leaves.length > 0);
    const at = leaves[pick % leaves.length]!;
    const sheet = wb.sheets[0]!;
    sheet.values[at.r - sheet.top]![at.c - sheet.left] = (at.cents + delta) / 100;
    expect(checkWorkbook(wb, 'p.xlsx').report.findings.some((f) => f.severity === 'error')).toBe(true);
  }), { numRuns: 150 });
});

interface TwoSided {
  income: number[];
  spending: number[];
  carryIn: number;
  spacers: number;
  zeros: 'blank' | 'zero';
}

const CN = '一二三四五六七八九十';
const twoSidedArb: fc.Arbitrary<TwoSided> = fc.record({
  income: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500_000_000 })), { minLength: 2, maxLength: 9 }),
  spending: fc.array(fc.integer({ min: 1, max: 300_000_000 }), { minLength: 2, maxLength: 9 }),
  carryIn: fc.integer({ min: 0, max: 50_000_000 }),
  spacers: fc.integer({ min: 0, max: 3 }),
  zeros: fc.constantFrom<'blank' | 'zero'>('blank', 'zero'),
});

/** A 部门收支总表 whose 支出 side carries what the 收入 side leaves over into 结转下年. */
function twoSided(t: TwoSided): WorkbookSnapshot | undefined {
  const inc = t.income.reduce((a, x) => a + x, 0);
  const grand = inc + t.carryIn;
  const spent = t.spending.reduce((a, x) => a + x, 0);
  if (spent > grand) return undefined;
  const b = new SheetBuilder('收支总表');
  b.set(0, 0, '2026年部门收支总表');
  b.set(1, 3, '单位：元');
  b.block(2, 0, [['收入', null, '支出', null], ['项目', '本年预算', '项目', '本年预算']]);
  b.merge(2, 0, 2, 1).merge(2, 2, 2, 3);
  const fig = (x: number): CellValue => (x === 0 && t.zeros === 'blank' ? null : x / 100);
  const n = Math.max(t.income.length, t.spending.length);
  for (let k = 0; k < n; k++) {
    if (k < t.income.length) b.set(4 + k, 0, `${CN[k]}、收入项${k + 1}`).set(4 + k, 1, fig(t.income[k]!));
    if (k < t.spending.length) b.set(4 + k, 2, `${CN[k]}、${NAMES[k]}`).set(4 + k, 3, fig(t.spending[k]!));
  }
  const r = 4 + n + t.spacers;
  b.block(r, 0, [['本年收入合计', inc / 100, '本年支出合计', spent / 100], ['上年结转', fig(t.carryIn), '结转下年', fig(grand - spent)], ['收入总计', grand / 100, '支出总计', grand / 100]]);
  return workbook(b);
}

test('two-sided 总表 built from figures that add up raise no error or warning', () => {
  fc.assert(fc.property(twoSidedArb, (t) => {
    const wb = twoSided(t);
    fc.pre(!!wb);
    expect(loud(wb!)).toEqual([]);
    expect(checkWorkbook(wb!, 'p.xlsx').model.tables.map((x) => x.side)).toEqual(['income', 'expenditure']);
  }), { numRuns: 150 });
});
