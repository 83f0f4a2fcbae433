/**
 * The vocabulary of self-evaluation workbooks: every label the engine understands, in one place.
 *
 * To teach the engine a new synonym, add the label (as people write it; full-width forms, spaces and quote
 * marks are ignored when matching) to `synonyms` of its concept. To teach it a new breakdown, add an identity.
 * Patterns are tried after exact synonyms, in the order the concepts are listed, so list specific ones first.
 */
import { normLabel } from './text';

export type ConceptId =
  | 'income_total' | 'carryover' | 'fiscal' | 'gov_fund' | 'special_account' | 'business_income'
  | 'operating_income' | 'subsidiary_income' | 'superior_subsidy' | 'other_income'
  | 'expenditure_total' | 'basic' | 'personnel' | 'public' | 'project' | 'to_superior' | 'operating_exp'
  | 'subsidiary_exp' | 'balance' | 'balance_year' | 'balance_cumulative'
  | 'sangong_total' | 'reception' | 'car_total' | 'car_ops' | 'car_purchase' | 'abroad'
  | 'assets_total' | 'assets_in_use' | 'assets_leased' | 'assets_idle'
  | 'funds_total' | 'other_funds';

export interface Concept {
  id: ConceptId;
  zh: string;
  en: string;
  /** Which table kind a column of this concept points to. */
  kind: 'income' | 'expenditure' | 'sangong' | 'assets' | 'budget';
  synonyms: string[];
  pattern?: RegExp;
}

export const CONCEPTS: Concept[] = [
  // 收入
  { id: 'income_total', zh: '收入合计', en: 'total income', kind: 'income',
    synonyms: ['收入合计', '本年收入合计', '收入总计', '收入总额', '收入'], pattern: /^(本年)?收入(合计|总计|总额)/ },
  { id: 'carryover', zh: '上年结转', en: 'carry-over from last year', kind: 'income',
    synonyms: ['上年结转', '上年结转结余', '年初结转和结余', '上年结余', '年初结转结余', '上年结转资金'], pattern: /^(上年|年初)结(转|余)/ },
  { id: 'fiscal', zh: '公共财政拨款', en: 'general budget appropriation', kind: 'income',
    synonyms: ['公共财政拨款', '财政拨款收入', '财政拨款', '当年财政拨款', '财政拨款资金', '本年财政拨款', '一般公共预算拨款', '一般公共预算财政拨款', '一般公共预算拨款收入',
      '公共财政预算拨款', '一般公共预算收入', '公共预算拨款'], pattern: /^(一般)?公共(财政|预算).*拨款/ },
  { id: 'gov_fund', zh: '政府基金拨款', en: 'government fund appropriation', kind: 'income',
    synonyms: ['政府基金拨款', '政府性基金拨款', '政府性基金预算拨款', '政府性基金预算财政拨款', '政府性基金收入'], pattern: /^政府(性)?基金/ },
  { id: 'special_account', zh: '纳入专户管理的非税收入拨款', en: 'special-account non-tax revenue', kind: 'income',
    synonyms: ['纳入专户管理的非税收入拨款', '财政专户管理资金', '纳入专户管理的非税收入', '财政专户拨款', '专户管理的非税收入拨款'],
    pattern: /专户/ },
  { id: 'business_income', zh: '事业收入', en: 'service income', kind: 'income', synonyms: ['事业收入'] },
  { id: 'operating_income', zh: '经营收入', en: 'operating income', kind: 'income', synonyms: ['经营收入'] },
  { id: 'subsidiary_income', zh: '附属单位上缴收入', en: 'remittances from affiliates', kind: 'income', synonyms: ['附属单位上缴收入'] },
  { id: 'superior_subsidy', zh: '上级补助收入', en: 'subsidy from higher level', kind: 'income', synonyms: ['上级补助收入'] },
  { id: 'other_income', zh: '其他收入', en: 'other income', kind: 'income', synonyms: ['其他收入'] },
  // 支出和结余
  { id: 'expenditure_total', zh: '支出合计', en: 'total expenditure', kind: 'expenditure',
    synonyms: ['支出合计', '本年支出合计', '支出总计', '支出总额', '总支出', '支出'], pattern: /^(本年)?支出(合计|总计|总额)/ },
  { id: 'basic', zh: '基本支出', en: 'basic expenditure', kind: 'expenditure', synonyms: ['基本支出', '基本支出合计'] },
  { id: 'personnel', zh: '人员支出', en: 'personnel expenditure', kind: 'expenditure',
    synonyms: ['人员支出', '人员经费', '人员经费支出', '工资福利支出'] },
  { id: 'public', zh: '公用支出', en: 'public (office) expenditure', kind: 'expenditure',
    synonyms: ['公用支出', '公用经费', '日常公用经费', '公用经费支出', '日常公用支出'] },
  { id: 'project', zh: '项目支出', en: 'project expenditure', kind: 'expenditure', synonyms: ['项目支出', '项目支出合计', '项目经费'] },
  { id: 'to_superior', zh: '上缴上级支出', en: 'remittance to higher level', kind: 'expenditure', synonyms: ['上缴上级支出'] },
  { id: 'operating_exp', zh: '经营支出', en: 'operating expenditure', kind: 'expenditure', synonyms: ['经营支出'] },
  { id: 'subsidiary_exp', zh: '对附属单位补助支出', en: 'subsidies to affiliates', kind: 'expenditure', synonyms: ['对附属单位补助支出'] },
  { id: 'balance_year', zh: '当年结余', en: 'balance of the year', kind: 'expenditure',
    synonyms: ['当年结余', '本年结余', '当年结转结余', '本年结转结余'] },
  { id: 'balance_cumulative', zh: '累计结余', en: 'accumulated balance', kind: 'expenditure',
    synonyms: ['累计结余', '年末结转和结余', '年末结转结余', '年末结余', '期末结余'] },
  { id: 'balance', zh: '结余', en: 'balance', kind: 'expenditure', synonyms: ['结余', '结转结余', '结余情况'] },
  // "三公"经费 (specific names first: 购置及运行 before 购置)
  { id: 'sangong_total', zh: '三公经费合计', en: 'total "three public" spending', kind: 'sangong',
    synonyms: ['三公经费合计', '三公经费', '三公经费支出', '三公经费小计', '三公支出', '三公经费总额'], pattern: /^三公(经费)?/ },
  { id: 'car_total', zh: '公务用车购置及运行维护费', en: 'official cars: purchase and running', kind: 'sangong',
    synonyms: ['公务用车购置及运行维护费', '公务用车购置及运行费', '公务用车购置及运维费', '公务用车费', '公务用车购置和运行维护费'],
    pattern: /^公务用车购置(及|和|与)运/ },
  { id: 'car_ops', zh: '公务用车运行维护费', en: 'official cars: running', kind: 'sangong',
    synonyms: ['公务用车运维费', '公务用车运行维护费', '公务用车运行费', '运行维护费', '公务用车运行维护'], pattern: /^公务用车运/ },
  { id: 'car_purchase', zh: '公务用车购置费', en: 'official cars: purchase', kind: 'sangong',
    synonyms: ['公务用车购置费', '公务用车购置', '购置费'], pattern: /^公务用车购置/ },
  { id: 'reception', zh: '公务接待费', en: 'official reception', kind: 'sangong', synonyms: ['公务接待费', '公务接待'] },
  { id: 'abroad', zh: '因公出国（境）费', en: 'official travel abroad', kind: 'sangong',
    synonyms: ['因公出国费', '因公出国(境)费', '因公出国(境)费用', '因公出国(境)经费', '因公出国境费', '因公出国'], pattern: /^因公出国/ },
  // the funds block of a 部门整体 / 项目支出绩效自评表 (年度资金总额 = 基本支出 + 项目支出 = 财政拨款 + 上年结转 + 其他资金)
  { id: 'funds_total', zh: '年度资金总额', en: 'total funds of the year', kind: 'budget',
    synonyms: ['年度资金总额', '资金总额', '年度资金合计', '部门年度资金总额', '年度预算资金总额'], pattern: /^(年度)?资金(总额|合计)/ },
  { id: 'other_funds', zh: '其他资金', en: 'other funds', kind: 'budget', synonyms: ['其他资金', '其它资金', '其他资金来源'] },
  // 固定资产
  { id: 'assets_total', zh: '固定资产合计', en: 'total fixed assets', kind: 'assets',
    synonyms: ['固定资产合计', '固定资产总额', '固定资产总计', '固定资产', '资产合计'], pattern: /^固定资产(合计|总额|总计|原值)/ },
  { id: 'assets_in_use', zh: '在用固定资产', en: 'fixed assets in use', kind: 'assets', synonyms: ['在用固定资产', '在用', '在用资产'] },
  { id: 'assets_leased', zh: '出租固定资产', en: 'fixed assets leased out', kind: 'assets', synonyms: ['出租固定资产', '出租', '出租出借', '出租出借固定资产'] },
  { id: 'assets_idle', zh: '闲置固定资产', en: 'idle fixed assets', kind: 'assets', synonyms: ['闲置固定资产', '闲置'] },
];

/** Budget-against-actual measures of a column: 预算数 / 决算数 / 差额 / 执行率. */
export type Measure = 'budget' | 'actual' | 'diff' | 'rate';

const MEASURES: Array<[Measure, string[], RegExp?]> = [
  ['rate', ['执行率', '完成率', '预算执行率', '执行进度', '完成比例', '预算完成率', '支出进度', '执行比例'], /(执行|完成)(率|比例|进度)/],
  ['diff', ['差额', '差异', '增减额', '执行差额', '差额(决算-预算)', '差额(决算数-预算数)'], /^差(额|异)/],
  ['budget', ['预算数', '年初预算数', '全年预算数', '调整预算数', '调整后预算数', '预算', '预算金额', '批复预算', '预算安排数', '年初预算',
    '全年预算', '预算批复数'], /预算(数|金额|安排)?$/],
  ['actual', ['决算数', '执行数', '实际支出', '实际执行数', '支出数', '决算', '实际完成', '实际数', '实际发生数', '全年执行数', '决算金额',
    '实际支出数', '执行金额', '全年支出数'], /(决算|执行)(数|金额)?$|^实际/],
];

const TOTAL_ROW = /^(合计|总计|汇总|总合计|合计数|全部合计|部门合计|单位合计|本部门合计|全局合计)$|汇总$|^(合计|总计)[:(]/;
const SUBTOTAL_ROW = /小计$|^小计/;
const QIZHONG = /^其中[:：]?$/;
const QIZHONG_PREFIX = /^其中[:：]/;
const OTHER = /^其他/;
const GROUP_TOTAL = /^(合计|小计|总计)$/;

/** Headers of the label column (the column that names the rows). */
const LABEL_HEADERS = /^(机构名称|单位名称|单位|部门|部门名称|预算单位|项目名称|项目|科目名称|科目|名称|支出项目|功能科目|指标|指标名称|内容|明细|单位\(部门\)名称)$/;
/** Headers of index columns that hold numbers which are not amounts. */
const INDEX_HEADERS = /^(序号|编号|编码|科目编码|代码|栏次|行次|项目编码|单位编码|No\.?|#)$/i;
/** Headers of text columns (notes). */
const TEXT_HEADERS = /(备注|说明|原因|情况|描述|用途|依据|内容|措施)$/;
const UNIT_LABEL_HEADERS = /^(机构名称|单位名称|单位|部门|部门名称|预算单位|单位\(部门\)名称)$/;

const conceptExact = new Map<string, Concept>();
for (const c of CONCEPTS) for (const s of c.synonyms) if (!conceptExact.has(normLabel(s))) conceptExact.set(normLabel(s), c);
const measureExact = new Map<string, Measure>();
for (const [m, syn] of MEASURES) for (const s of syn) measureExact.set(normLabel(s), m);

/** Strip a unit or note in brackets and a "其中：" prefix: "支出合计（万元）" → "支出合计". */
export function coreLabel(label: string): string {
  return label
    .replace(QIZHONG_PREFIX, '')
    .replace(/\((万元|元|%|百分比|个|人)\)$/, '')
    .replace(/\d{4}年(度)?/, '');
}

const conceptCache = new Map<string, Concept | null>();
/** The concept cache clears when it reaches this many labels, so that a worker's many files do not pile up. */
export const CONCEPT_CACHE_LIMIT = 20_000;
/** How many labels the concept cache holds now (for tests). */
export function conceptCacheSize(): number {
  return conceptCache.size;
}

/** The concept a label names (memoised: workbooks repeat their labels, and recognition asks often). */
export function conceptOf(label: string): Concept | undefined {
  const hit = conceptCache.get(label);
  if (hit !== undefined) return hit ?? undefined;
  let found: Concept | undefined;
  const l = coreLabel(label);
  if (l) {
    found = conceptExact.get(l);
    if (!found) for (const c of CONCEPTS) if (c.pattern?.test(l)) {
      found = c;
      break;
    }
  }
  if (conceptCache.size >= CONCEPT_CACHE_LIMIT) conceptCache.clear();
  conceptCache.set(label, found ?? null);
  return found;
}

export function conceptById(id: ConceptId): Concept {
  return CONCEPTS.find((c) => c.id === id)!;
}

/** The four budgets a fund comes from (一般公共预算 | 政府性基金预算 | 国有资本经营预算 | 社会保险基金预算): columns of
 *  funds, not a 预算数 against a 决算数. */
const FUND_BUDGET = /^(一般公共|公共财政|政府性基金|国有资本经营|社会保险基金)(预算)?(拨款|财政拨款|资金)?(收入|支出)?$/;

export function measureOf(label: string): Measure | undefined {
  const l = coreLabel(label);
  if (FUND_BUDGET.test(l)) return undefined;
  const exact = measureExact.get(l);
  if (exact) return exact;
  for (const [m, , re] of MEASURES) if (re?.test(l)) return m;
  return undefined;
}

export const isTotalRowLabel = (key: string): boolean => TOTAL_ROW.test(key);
export const isSubtotalRowLabel = (key: string): boolean => SUBTOTAL_ROW.test(key);
export const isQizhong = (label: string): boolean => QIZHONG.test(label);
export const isOtherLabel = (label: string): boolean => OTHER.test(coreLabel(label));
export const isGroupTotalLabel = (label: string): boolean => GROUP_TOTAL.test(label);
export const isLabelHeader = (label: string): boolean => LABEL_HEADERS.test(coreLabel(label));
export const isUnitLabelHeader = (label: string): boolean => UNIT_LABEL_HEADERS.test(coreLabel(label));
export const isIndexHeader = (label: string): boolean => INDEX_HEADERS.test(label);
export const isTextHeader = (label: string): boolean => TEXT_HEADERS.test(label) && !conceptOf(label) && !measureOf(label);
export const isRateHeader = (label: string): boolean => /率|%|百分比|比例|进度/.test(label);

/**
 * Known breakdowns: `whole` equals the sum of the `parts` present when one of the `complete` sets is present
 * (or, with `catchAll`, when a column "其他…" is among the parts). Otherwise parts only may not exceed the whole.
 */
export interface Identity {
  whole: ConceptId;
  parts: ConceptId[];
  complete: ConceptId[][];
  catchAll?: boolean;
}

export const IDENTITIES: Identity[] = [
  { whole: 'income_total',
    parts: ['carryover', 'fiscal', 'gov_fund', 'special_account', 'business_income', 'operating_income', 'subsidiary_income',
      'superior_subsidy', 'other_income'],
    complete: [['carryover', 'fiscal', 'gov_fund', 'special_account', 'other_income'], ['fiscal', 'other_income']], catchAll: true },
  { whole: 'expenditure_total', parts: ['basic', 'project', 'to_superior', 'operating_exp', 'subsidiary_exp'],
    complete: [['basic', 'project']], catchAll: true },
  { whole: 'basic', parts: ['personnel', 'public'], complete: [['personnel', 'public']] },
  { whole: 'sangong_total', parts: ['abroad', 'reception', 'car_total', 'car_ops', 'car_purchase'],
    complete: [['abroad', 'reception', 'car_total'], ['abroad', 'reception', 'car_ops', 'car_purchase']] },
  { whole: 'car_total', parts: ['car_ops', 'car_purchase'], complete: [['car_ops', 'car_purchase']] },
  { whole: 'funds_total', parts: ['basic', 'project', 'fiscal', 'carryover', 'other_funds', 'other_income', 'gov_fund', 'special_account'],
    complete: [['basic', 'project'], ['fiscal', 'other_funds'], ['fiscal', 'carryover', 'other_funds']] },
  { whole: 'assets_total', parts: ['assets_in_use', 'assets_leased', 'assets_idle'],
    complete: [['assets_in_use', 'assets_leased', 'assets_idle']], catchAll: true },
];

/** Concepts whose lines are "三公" spending: over budget is an error, not a warning (中央八项规定). */
export const SANGONG: ReadonlySet<ConceptId> = new Set<ConceptId>(['sangong_total', 'reception', 'car_total', 'car_ops', 'car_purchase', 'abroad']);

/** Prefixes that say which budget or which year a measure is (全年预算数, 年初预算数, 本年决算数): the pairing of
 *  measures reads past them. */
const MEASURE_PREFIX = /(全年|年初|本年|当年|上年|调整后|年度)/g;

/** A 差额 header that defines it as budget − actual ("差额（预算数-决算数）", "差额（全年预算数-全年执行数）"). */
export function diffIsBudgetFirst(header: string): boolean {
  return /预算(数)?[-−减](决算|执行|实际)/.test(normLabel(header).replace(MEASURE_PREFIX, ''));
}

/** The three budget columns of a budget adjusted in the year: 年初预算数 + 调整预算数 = 全年预算数 (调整后预算数). */
export function budgetStage(label: string): 'initial' | 'adjustment' | 'final' | undefined {
  const l = coreLabel(normLabel(label));
  if (/^年初(预算)?(数|金额)?$/.test(l)) return 'initial';
  if (/^(调整|预算调整|年中调整)(预算)?(数|金额)?$/.test(l)) return 'adjustment';
  if (/^(全年|调整后)(预算)?(数|金额)?$/.test(l)) return 'final';
  return undefined;
}

/** Units of amounts stated in titles, header labels or "单位：" lines. */
export function unitIn(text: string): '元' | '万元' | undefined {
  const t = normLabel(text);
  const m = /单位[:]?(万元|元)|\((万元|元)\)|金额(万元|元)|^(万元|元)$/.exec(t);
  const u = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
  return u === '元' || u === '万元' ? u : undefined;
}
