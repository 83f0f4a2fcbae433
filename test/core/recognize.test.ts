import { DEFAULT_TOLERANCE } from '../../src/core/arith';
import { recognize } from '../../src/core/recognize';
import { Table, WorkbookModel } from '../../src/core/recognize/model';
import { LayoutOptions, scoreSheet, SCORE_LINES, seed002 } from '../fixtures/seed002';
import { SheetBuilder, workbook } from '../fixtures/sheet';
import { SEED003_PROJECTS } from '../fixtures/seed003';

const model = (opts: LayoutOptions = {}): WorkbookModel => recognize(seed002(opts).wb, DEFAULT_TOLERANCE);
const byKind = (m: WorkbookModel, kind: string): Table => m.tables.find((t) => t.kind === kind)!;
const names = (t: Table) => (c: number) => t.columns.find((x) => x.col === c)!.name;
/** relations as text: "支出合计 = 基本支出 + 项目支出" (complete) or "项目支出 ≥ …" (partial) */
const relations = (t: Table): string[] => t.relations.map((r) => `${names(t)(r.whole)} ${r.complete ? '=' : '≥'} ${r.parts.map((p) => p.map(names(t)).join('+')).join(' + ')}`);

const SEED002_RELATIONS = {
  income: ['收入合计 = 上年结转 + 公共财政拨款 + 政府基金拨款 + 纳入专户管理的非税收入拨款 + 其他收入'],
  expenditure: ['支出合计 = 基本支出 + 项目支出', '基本支出 = 人员支出 + 公用支出'],
  sangong: ['三公经费合计 = 公务接待费 + 公务用车运维费 + 公务用车购置费 + 因公出国费'],
  assets: ['固定资产合计 = 在用固定资产 + 出租固定资产 + 其他'],
};

describe('seed 002 in every layout', () => {
  const layouts: Array<[string, LayoutOptions]> = [
    ['stacked on one sheet, merged 2–3 row headers', {}],
    ['one table per sheet', { perSheet: true }],
    ['unmerged headers (a Word template pasted into Excel)', { merged: false }],
    ['汇总 row last', { totalLast: true }],
    ['units not numbered', { numbering: false }],
    ['a blank column between labels and figures', { blankColumn: true }],
    ['everything at once', { perSheet: true, merged: false, totalLast: true, numbering: false, blankColumn: true, formats: true, formulas: true }],
  ];
  test.each(layouts)('%s', (_name, opts) => {
    const m = model(opts);
    expect(m.tables.map((t) => t.kind)).toEqual(['income', 'expenditure', 'sangong', 'assets']);
    for (const t of m.tables) {
      expect(relations(t)).toEqual(SEED002_RELATIONS[t.kind as keyof typeof SEED002_RELATIONS]);
      expect(t.unit).toBe('万元');
      expect(t.unitRows).toBe(true);
      expect(t.total?.label).toBe('局机关及二级机构汇总');
      expect(t.total?.children.map((r) => r.key)).toEqual([
        '局机关', '妇幼保健院', '血吸虫病预防站', '疾病预防控制中心', '卫生计生综合监督执法局', '路口镇中心卫生院',
        '长岭街道社区卫生服务中心', '松阳湖街道社区卫生服务中心', '云溪街道社区卫生服务中心', '陆城镇卫生院',
      ]);
    }
    expect(m.notes).toEqual([]);
    expect(m.profiles[0]!.staffQuota!.num!.value.toNumber()).toBe(426);
    expect(m.profiles[0]!.staffActual!.num!.value.toNumber()).toBe(743);
  });

  test('ranges and titles of the stacked layout', () => {
    const m = model();
    expect(m.tables.map((t) => [t.title, t.sheet, t.rect])).toEqual([
      ['年度收入情况（万元）', '收支表', { top: 1, left: 0, bottom: 13, right: 6 }],
      ['部门（单位）年度支出和结余情况（万元）', '收支表', { top: 17, left: 0, bottom: 30, right: 7 }],
      ['“三公”经费支出情况（万元）', '收支表', { top: 34, left: 0, bottom: 46, right: 5 }],
      ['固定资产情况（万元）', '收支表', { top: 50, left: 0, bottom: 62, right: 4 }],
    ]);
    expect(byKind(m, 'expenditure').headerRows).toEqual([17, 18, 19]);
    // 结余 is a group of its own, not a part of 支出合计
    expect(byKind(m, 'expenditure').columns.find((c) => c.name === '当年结余')!.path.map((n) => n.label)).toEqual(['结余', '当年结余']);
  });
});

test('a table anywhere on a sheet, under a "单位：元" line, with a 序号 column', () => {
  const s = new SheetBuilder('明细');
  s.block(6, 2, [['附表3'], ['单位：元'], ['序号', '科目名称', '金额'], [1, '办公费', 1200], [2, '印刷费', 300.5], [null, '合计', 1500.5]]);
  const m = recognize(workbook(s), DEFAULT_TOLERANCE);
  expect(m.tables).toHaveLength(1);
  const t = m.tables[0]!;
  expect([t.kind, t.unit, t.title, t.labelCol, t.rect]).toEqual(['items', '元', '附表3', 3, { top: 8, left: 2, bottom: 11, right: 4 }]);
  expect(t.columns.map((c) => c.role)).toEqual(['index', 'label', 'number']);
  expect(t.total?.children.map((r) => r.key)).toEqual(['办公费', '印刷费']);
});

test('budget tables: seed 004 project (projects) and seed 000 lines (budget)', () => {
  const s = new SheetBuilder('执行');
  s.add([['项目名称', '预算数', '执行数', '完成率'], ['计划生育特殊家庭公共交通补贴项目', 16.56, 15.7, '94.78%']]);
  s.add([['支出项目', '年初预算数', '决算数'], ['基本支出', 955.11, 960.56], ['“三公”经费', 0.5, 4.62]], 0, 2);
  const m = recognize(workbook(s), DEFAULT_TOLERANCE);
  expect(m.tables.map((t) => t.kind)).toEqual(['projects', 'budget']);
  expect(m.tables[0]!.budgetPairs).toEqual([{ budget: 1, actual: 2, rate: 3, diff: undefined, concept: undefined, name: '' }]);
  expect(m.tables[1]!.budgetPairs[0]).toMatchObject({ budget: 1, actual: 2 });
});

test('seed 003: 30 project lines with their 合计 recognised as one list', () => {
  const s = new SheetBuilder('项目');
  s.add([['项目名称', '金额（万元）'], ...SEED003_PROJECTS.map(([n, v]) => [n, v]), ['合计', 6184.7]]);
  const t = recognize(workbook(s), DEFAULT_TOLERANCE).tables[0]!;
  expect(t.kind).toBe('projects');
  expect(t.unit).toBe('万元');
  expect(t.total?.children).toHaveLength(30);
});

describe('the 评分表', () => {
  const check = (sheet: SheetBuilder) => {
    const m = recognize(workbook(sheet), DEFAULT_TOLERANCE);
    expect(m.scoreTables).toHaveLength(1);
    const st = m.scoreTables[0]!;
    expect(st.lines).toHaveLength(25);
    const level1 = [...new Set(st.lines.map((l) => l.level1))];
    expect(level1.map((g) => [g!.label, g!.points?.value.toNumber()])).toEqual([['投入(15分)', 15], ['过程(40分)', 40], ['产出(25分)', 25], ['效果(20分)', 20]]);
    const level2 = [...new Set(st.lines.map((l) => l.level2))];
    expect(level2.map((g) => g!.points?.value.toNumber())).toEqual([15, 15, 15, 10, 25, 20]);
    const shared = st.lines.filter((l) => ['经济效益', '社会效益', '生态效益'].includes(l.name));
    expect(new Set(shared.map((l) => l.shareId)).size).toBe(1);
    expect(shared.map((l) => l.max?.value.toNumber())).toEqual([15, 15, 15]);
    expect(st.lines[0]!.name).toBe('财政供养人员控制率');
    expect(st.lines[0]!.criteria).toContain('每超过一个百分点扣0.5分');
    expect(st.totalRow?.max?.value.toNumber()).toBe(100);
    expect(st.totalRow?.score?.value.toNumber()).toBe(99);
    expect(st.grade?.text).toBe('优秀');
    return st;
  };
  test('as in 附件3-1: merged 一级/二级 and a merged shared 分值', () => void check(scoreSheet(true)));
  test('unmerged: labels repeated on every line, the shared 分值 on its first line only', () => void check(scoreSheet(false)));
  test('columns in another order', () => {
    const src = scoreSheet(false).build();
    const order = [2, 3, 0, 1, 5, 4, 6]; // 三级, 评分标准, 一级, 二级, 自评得分, 分值, 说明
    const s = new SheetBuilder('评分表');
    src.values.forEach((row, r) => order.forEach((from, to) => {
      const v = row[from];
      if (v !== null && v !== undefined) s.set(r, to, v);
    }));
    const st = check(s);
    expect(st.cols).toMatchObject({ level3: 0, criteria: 1, level1: 2, level2: 3, score: 4, max: 5 });
  });
  test('a header repeated after a page break', () => {
    const a = scoreSheet(true, SCORE_LINES.slice(0, 13)).build();
    const s = new SheetBuilder('评分表');
    // the first 13 lines, the header again, then the rest
    s.block(0, 0, a.values.slice(0, 2 + 13));
    s.add([[null], ['一级指标', '二级指标', '三级指标', '评分标准', '分值', '自评得分', '扣分原因和其他说明']]);
    const rest = scoreSheet(false, SCORE_LINES.slice(13)).build().values.slice(2);
    s.add(rest as never);
    check(s);
  });
});

describe('layouts seen in 决算 templates', () => {
  test('a 栏次 line under a two-row header, a 本年收入 group with its 合计, "其中：" opening the list of units', () => {
    const s = new SheetBuilder('收入');
    s.add([['单位：元'], ['项目', '栏次', '本年收入', null, null, null], [null, null, '合计', '财政拨款收入', '事业收入', '其他收入'], ['栏次', null, 1, 2, 3, 4]]);
    s.merge(1, 0, 2, 0).merge(1, 1, 2, 1).merge(1, 2, 1, 5);
    s.add([['合计', null, 1000, 800, 150, 50], ['其中：局机关', null, 600, 500, 100, 0], ['妇幼保健院', null, 400, 300, 50, 50]]);
    const m = recognize(workbook(s), DEFAULT_TOLERANCE);
    const t = m.tables[0]!;
    expect([t.kind, t.unit, t.headerRows]).toEqual(['income', '元', [1, 2]]);
    expect(relations(t)).toEqual(['本年收入·合计 = 财政拨款收入 + 事业收入 + 其他收入']);
    expect(t.total?.children.map((r) => r.key)).toEqual(['局机关', '妇幼保健院']);
  });

  test('unit names in a label merged across two columns', () => {
    const b = new SheetBuilder('单位表');
    b.add([['单位名称', null, '支出合计'], ['合计', null, 100], ['局机关', null, 60], ['妇幼保健院', null, 40]]);
    b.merge(0, 0, 0, 1).merge(1, 0, 1, 1).merge(2, 0, 2, 1).merge(3, 0, 3, 1);
    const t = recognize(workbook(b), DEFAULT_TOLERANCE).tables[0]!;
    expect([t.kind, t.labelCol, t.unitRows]).toEqual(['expenditure', 0, true]);
    expect(t.total?.children.map((r) => r.key)).toEqual(['局机关', '妇幼保健院']);
  });

  test('"其中：" under a line is a part of that line, not summed again', () => {
    const s = new SheetBuilder('项目');
    s.add([['项目名称', '金额'], ['基本公共卫生服务', 2287.42], ['其中：家庭医生签约', 300], ['疫情防控', 625.71], ['合计', 2913.13]]);
    const t = recognize(workbook(s), DEFAULT_TOLERANCE).tables[0]!;
    expect(t.total?.children.map((r) => r.key)).toEqual(['基本公共卫生服务', '疫情防控']);
    expect(t.rows.find((r) => r.key === '家庭医生签约')?.role).toBe('part');
  });
});
