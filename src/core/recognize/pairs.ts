/**
 * Column pairs a table's rules compare: 预算数 against 决算数/执行数 (with their 差额 and 执行率), and 上年 against 本年
 * (with the 增减额 and 增减率 between them).
 */
import { conceptOf, Measure } from '../vocabulary';
import { BudgetPair, ChangePair, Column, HeaderNode } from './model';

export function findBudgetPairs(columns: Column[]): BudgetPair[] {
  const groups = new Map<HeaderNode | null, Column[]>();
  for (const c of columns) {
    if (c.role !== 'number' || !c.measure) continue;
    const parent = c.path.length > 1 ? c.path[c.path.length - 2]! : null;
    groups.set(parent, [...(groups.get(parent) ?? []), c]);
  }
  const pairs: BudgetPair[] = [];
  for (const [parent, cols] of groups) {
    const by = (m: Measure): Column[] => cols.filter((c) => c.measure === m);
    for (const actual of by('actual')) {
      // a budget and an actual of different years are a year-over-year pair (2025年执行数 | 2026年预算数), not a budget line
      const differ = <T>(x: T | undefined, y: T | undefined): boolean => x !== undefined && y !== undefined && x !== y;
      const sameYear = (b: Column): boolean => !differ(b.year, actual.year) && !differ(b.period, actual.period);
      const budgets = by('budget').filter((b) => b.col < actual.col && sameYear(b));
      const budget = budgets[budgets.length - 1] ?? by('budget').find(sameYear);
      if (!budget) continue;
      const diff = by('diff').find((d) => d.col > actual.col) ?? by('diff')[0];
      const rate = by('rate').find((d) => d.col > actual.col) ?? by('rate')[0];
      const concept = parent ? conceptOf(parent.label)?.id ?? actual.concept : actual.concept;
      pairs.push({ budget: budget.col, actual: actual.col, diff: diff?.col, rate: rate?.col, concept, name: parent?.text ?? '' });
    }
  }
  return pairs;
}

const PRIOR = /^(上年|上一年度?|上年度|去年|上年同期)(数|决算数?|预算数?|实际数?|支出数?|金额|执行数?|完成数?)?$/;
const CURRENT = /^(本年|当年|本年度|今年|本期)(数|决算数?|预算数?|实际数?|支出数?|金额|执行数?|完成数?)?$/;
const CHANGE = /^(增减|增减额|增减数|增减金额|变动|变动额|变动数|增加额|增长额|比上年增减|比上年增减额|同比增减|同比增减额)(\(.*\))?$/;
const CHANGE_RATE = /^(增减率|增长率|增减幅度|增幅|变动率|增减%|增减比例|增减百分比|比上年增减%|比上年增长%?|同比增减%?|同比增长%?|同比增长率|增减\(%\)|增减幅度%)$/;

/**
 * Year-over-year columns: two columns for different years (2020年 | 2021年, or 上年数 | 本年数) and the change
 * between them (增减额, 增减率). Each column learns the year it stands for; the later is `current`.
 */
export function findChangePairs(columns: Column[]): ChangePair[] {
  const nums = columns.filter((c) => c.role === 'number');
  for (const c of nums) {
    for (const n of c.path) {
      const y = /^(19|20)(\d{2})年(度)?/.exec(n.label);
      if (y) c.year = Number(y[1]! + y[2]!);
      else if (PRIOR.test(n.label)) c.period = 'prior';
      else if (CURRENT.test(n.label)) c.period = 'current';
    }
  }
  const years = [...new Set(nums.filter((c) => c.year !== undefined && c.measure !== 'rate' && c.measure !== 'diff').map((c) => c.year!))].sort((a, b) => a - b);
  let prior = nums.find((c) => c.period === 'prior' && c.measure !== 'rate');
  let current = nums.find((c) => c.period === 'current' && c.measure !== 'rate');
  if ((!prior || !current) && years.length >= 2) {
    const [py, cy] = [years[years.length - 2]!, years[years.length - 1]!];
    const byYear = (y: number): Column | undefined => {
      const list = nums.filter((c) => c.year === y && c.measure !== 'rate' && c.measure !== 'diff');
      // a year's one column, whatever its measure (2025年预算数 | 2026年预算数); of a budget and an actual, the actual
      const actual = list.filter((c) => c.measure !== 'budget');
      return list.length === 1 ? list[0] : actual.length === 1 ? actual[0] : undefined;
    };
    prior = byYear(py);
    current = byYear(cy);
    if (prior) prior.period = 'prior';
    if (current) current.period = 'current';
  }
  if (!prior || !current) return [];
  const leaf = (c: Column): string => c.path.at(-1)?.label ?? '';
  const diff = nums.find((c) => c.col > current!.col && CHANGE.test(leaf(c)));
  const rate = nums.find((c) => c.col > current!.col && (CHANGE_RATE.test(leaf(c)) || (/增减|增长|变动/.test(leaf(c)) && /率|%/.test(leaf(c)))));
  if (!diff && !rate) return [];
  if (diff) diff.measure = undefined;
  if (rate) {
    rate.measure = 'rate';
    rate.percentPoints = rate.percentPoints ?? true;
  }
  const head = diff ? diff.path.map((n) => n.label).join('') : '';
  const sign = /(上年|上年数|上年度|\d{4}年)[-−减](本年|本年数|当年|\d{4}年)/.test(head) && !/(本年|本年数|当年)[-−减]/.test(head) ? -1
    : /(本年|本年数|当年)[-−减](上年|上年数)/.test(head) ? 1 : undefined;
  return [{ prior: prior.col, current: current.col, diff: diff?.col, rate: rate?.col, ...(sign ? { sign } : {}) }];
}
