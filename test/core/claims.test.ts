/** Claims from text (issue 18): the parser on the seeds' own sentences. */
import { DEFAULT_TOLERANCE } from '../../src/core/arith';
import { recognize } from '../../src/core/recognize';
import { tokens } from '../../src/core/recognize/claims-scan';
import { TextAmount, TextClaim } from '../../src/core/recognize/model';
import { report } from '../fixtures/text';
import { CLEAN } from '../fixtures/text/clean';
import { SEED } from '../fixtures/text/seeds';

const claims = (...paragraphs: string[]): TextClaim[] => recognize(report(paragraphs), DEFAULT_TOLERANCE).claims;
const of = <K extends TextClaim['kind']>(list: TextClaim[], kind: K): Array<Extract<TextClaim, { kind: K }>> =>
  list.filter((c): c is Extract<TextClaim, { kind: K }> => c.kind === kind);
const fig = (a: TextAmount | undefined) => a && { text: a.text, value: a.num.value.toString(), key: a.key, year: a.year, scope: a.scope, measure: a.measure };

describe('figures', () => {
  test('amounts with their units, decimals shown and offsets; 元 and 亿元 read in 万元', () => {
    const s = '本年支出2,070,000元，另有1.2亿元和５.５０万元，教育支出5.5万，合格率98.5%。';
    const t = tokens(s);
    expect(t.map((x) => [x.text, x.kind, x.num.value.toString(), x.num.decimals, s.slice(x.start, x.end)])).toEqual([
      ['2,070,000元', 'amount', '207', 4, '2,070,000元'],
      ['1.2亿元', 'amount', '12000', 0, '1.2亿元'],
      ['５.５０万元', 'amount', '5.5', 2, '５.５０万元'],
      ['5.5万', 'amount', '5.5', 1, '5.5万'],
      ['98.5%', 'percent', '0.985', 1, '98.5%'],
    ]);
  });

  test('no amount: dates, counts, article and phone numbers, 十四五, approximate or per-head figures', () => {
    const s = '截至2021年12月31日，在职人员45人，开展培训12次320人次，依据第三条，电话0812-3334567，“十四五”期间，2个3.5级，9.4万人，100余万元，近300万元，单价50万元以上，每人每月100元。';
    const t = tokens(s).filter((x) => !x.loose);
    expect(t.map((x) => x.text)).toEqual([]);
  });
});

describe('seed 003', () => {
  test('"2021年度单位一般公共预算财政拨款支出8162.27万元，其中：…其中：…": the whole, nested parts, year and scope', () => {
    const parts = of(claims(SEED.s003_83), 'parts');
    expect(parts).toHaveLength(2);
    expect(fig(parts[0]!.whole)).toEqual({ text: '8162.27万元', value: '8162.27', key: '支出', year: 2021, scope: '一般公共预算财政拨款', measure: undefined });
    expect(parts[0]!.whole.num.decimals).toBe(2);
    expect(parts[0]!.parts.map((p) => [p.key, p.text, p.year, p.scope])).toEqual([
      ['项目支出', '6184.7万元', 2021, '一般公共预算财政拨款'], ['基本支出', '1977.57万元', 2021, '一般公共预算财政拨款'],
    ]);
    expect(parts[0]!.complete).toBe(true);
    expect(parts[1]!.whole.key).toBe('基本支出');
    expect(parts[1]!.parts.map((p) => p.key)).toEqual(['人员经费', '公用经费']);
    expect(parts[1]!.complete).toBe(true);
    const w = parts[0]!.whole;
    expect(SEED.s003_83.slice(w.start, w.end)).toBe('8162.27万元');
  });

  test('the 30 numbered project lines are a list under the 项目支出 6184.7 stated above the heading', () => {
    const lists = of(claims(SEED.s003_83, '', '项目支出情况', '', SEED.s003_list), 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.items).toHaveLength(30);
    expect(lists[0]!.items[0]!.text).toBe('0.78万元');
    expect(lists[0]!.items[29]!.text).toBe('8.24万元');
    expect(fig(lists[0]!.total)?.text).toBe('6184.7万元');
  });

  test('a list with no heading under a total has no total', () => {
    expect(of(claims(SEED.s003_list), 'list')[0]!.total).toBeUndefined();
  });

  test('"2021年项目支出决算数6928.64万元" states no scope', () => {
    const a = of(claims(SEED.s003_115), 'amount')[0]!.amount;
    expect(fig(a)).toEqual({ text: '6928.64万元', value: '6928.64', key: '项目支出', year: 2021, scope: undefined, measure: 'actual' });
  });

  test('numbered paragraphs holding several amounts are no list', () => {
    expect(of(claims(SEED.s003_81, SEED.s003_82, SEED.s003_83), 'list')).toEqual([]);
  });
});

describe('seed 004', () => {
  test('a rate: 预算数 16.56, 执行数 15.70, 完成预算的 94.78%', () => {
    const [r] = of(claims(SEED.rate176), 'rate');
    expect([r!.budget.text, r!.budget.measure, r!.actual.text, r!.actual.measure, r!.rate.text]).toEqual(['16.56万元', 'budget', '15.70万元', 'actual', '94.78%']);
    expect(SEED.rate176.slice(r!.rate.start, r!.rate.end)).toBe('94.78%');
  });

  test('shares of 本年支出合计 (all funds), complete by their shares', () => {
    const [p] = of(claims(SEED.spending53), 'parts');
    expect(fig(p!.whole)).toMatchObject({ text: '958.42万元', key: '支出', year: 2019, scope: '全部资金' });
    expect(p!.parts.map((x) => [x.key, x.text])).toEqual([
      ['基本支出', '272.33万元'], ['项目支出', '686.09万元'], ['上缴上级支出', '0万元'], ['经营支出', '0万元'], ['对附属单位补助支出', '0万元'],
    ]);
    expect(p!.shares.map((s) => s?.text)).toEqual(['28.41%', '71.59%', '0%', '0%', '0%']);
    expect(p!.complete).toBe(true);
  });

  test('主要用于以下方面: opens a list of parts with shares', () => {
    const [p] = of(claims(SEED.general69), 'parts');
    expect(fig(p!.whole)).toMatchObject({ text: '903.57万元', scope: '一般公共预算财政拨款', year: 2019 });
    expect(p!.parts.map((x) => x.text)).toEqual(['25.32万元', '856.38万元', '21.87万元']);
    expect(p!.shares.map((s) => s?.text)).toEqual(['2.80%', '94.78%', '2.42%']);
    expect(p!.complete).toBe(true);
  });

  test('a 其中： ending a paragraph takes its parts from the paragraphs below', () => {
    const [p] = of(claims(SEED.basic91, SEED.personnel92, SEED.public93), 'parts');
    expect(fig(p!.whole)).toMatchObject({ text: '272.27万元', key: '基本支出', scope: '一般公共预算财政拨款' });
    expect(p!.parts.map((x) => [x.key, x.text, x.para.row])).toEqual([['人员经费', '237.54万元', 1], ['日常公用经费', '34.73万元', 2]]);
    expect(p!.complete).toBe(true);
  });

  test('changes: 与2018年相比，X增加D万元，增长P% against the X stated before', () => {
    const ch = of(claims(SEED.fiscal56), 'change');
    expect(ch.map((c) => [c.current.text, c.current.scope, c.delta?.text, c.percent?.text, c.direction, c.word.text])).toEqual([
      ['781.74万元', '财政拨款', '20.25万元', '2.66%', 1, '增加'],
      ['958.37万元', undefined, '138.34万元', '16.87%', 1, '增加'],
    ]);
    const [yoy] = of(claims(SEED.yoy47), 'change');
    expect([yoy!.current.text, yoy!.current.scope, yoy!.delta?.text, yoy!.percent?.text]).toEqual(['1014.92万元', '全部资金', '49.68万元', '5.08%']);
  });

  test('a change right after its amount: "34.73万元，比2018年增加14.21万元，增长69.25%"', () => {
    const [c] = of(claims(SEED.running102), 'change');
    expect([c!.current.text, c!.current.year, c!.delta?.text, c!.percent?.text, c!.prior]).toEqual(['34.73万元', 2019, '14.21万元', '69.25%', undefined]);
  });

  test('a change between two stated amounts of the years it names', () => {
    const [c] = of(claims('2025年执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%，主要原因是项目调整。'), 'change');
    expect([c!.current.text, c!.current.year, c!.prior?.text, c!.prior?.year, c!.percent?.text, c!.direction]).toEqual(['1434.89万元', 2026, '1690.69万元', 2025, '1.10%', -1]);
  });

  test('scopes: 272.33 of all funds, 272.27 of 一般公共预算财政拨款', () => {
    const amounts = of(claims(SEED.spending53, SEED.basic91), 'amount').map((c) => c.amount).filter((a) => a.key === '基本支出');
    expect(amounts.map((a) => [a.text, a.scope])).toEqual([['272.33万元', '全部资金'], ['272.27万元', '一般公共预算财政拨款']]);
  });

  test('a share of a whole named elsewhere ("占本年支出合计的94.28%") relates nothing', () => {
    const list = claims(SEED.general60);
    expect(of(list, 'parts')).toEqual([]);
    expect(of(list, 'change')).toHaveLength(1);
  });
});

describe('workbook cells', () => {
  test('a prose cell of a workbook is read like a paragraph, with its own cell', () => {
    const wb = { sheets: [{ name: '项目自评', top: 0, left: 0, values: [
      ['项目名称', '计划生育特殊家庭公共交通补贴', '实际完成情况'],
      ['年度资金总额', 16.56, SEED.rate176],
    ] }] };
    const [r] = of(recognize(wb, DEFAULT_TOLERANCE).claims, 'rate');
    expect([r!.para.grid.name, r!.para.row, r!.para.col, r!.rate.text]).toEqual(['项目自评', 1, 2, '94.78%']);
  });
});

describe('what is not prose, and what relates nothing', () => {
  test('short labels are not read', () => {
    expect(claims('预算数（万元）', '16.56万元', '执行率94.78%')).toEqual([]);
  });

  test('dense clean texts: no relation among their figures', () => {
    const list = claims(...CLEAN);
    expect(list.filter((c) => c.kind !== 'amount').map((c) => c.kind)).toEqual(CLEAN_RELATIONS);
  });
});

/** The relations the clean texts do state (each holds). */
const CLEAN_RELATIONS = ['parts', 'rate', 'change'];
