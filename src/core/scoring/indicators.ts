/**
 * The quantitative indicators of the 部门整体支出绩效评价 templates, found by their 三级指标 name, and where
 * each takes its inputs from. Add a synonym to `names` to teach the engine another template's wording.
 */
export type InputKind =
  /** 实有人数 ÷ 人员编制, from the 基本概况 block */
  | 'staff'
  /** "三公" actual ÷ budget */
  | 'sangongControl'
  /** ("三公" this year − last year) ÷ last year */
  | 'sangongChange'
  /** 当年结余 against 上年结转 */
  | 'balance'
  /** 在用固定资产 ÷ 固定资产合计 */
  | 'assetsUse'
  /** 决算 ÷ 预算 of the department's total expenditure (a budget line 支出合计), else typed */
  | 'execution'
  /** a rate typed in the 评分表's value column or in the pane */
  | 'value';

export interface IndicatorDef {
  id: string;
  zh: string;
  en: string;
  names: RegExp;
  input: InputKind;
}

export const INDICATORS: IndicatorDef[] = [
  { id: 'staff-control', zh: '财政供养人员控制率', en: 'staff control rate', names: /财政供养人员控制率|在职人员控制率|编制内人员控制率|实有人员控制率|人员控制率|编制控制率/, input: 'staff' },
  { id: 'sangong-change', zh: '“三公经费”变动率', en: '"three public" change rate', names: /三公经费变动率|三公经费增减率|三公变动率/, input: 'sangongChange' },
  { id: 'sangong-control', zh: '“三公经费”控制率', en: '"three public" control rate', names: /三公经费控制率|三公控制率/, input: 'sangongControl' },
  { id: 'key-spending', zh: '重点支出安排率', en: 'key spending rate', names: /重点支出安排率|重点支出保障率/, input: 'value' },
  { id: 'budget-adjustment', zh: '预算调整率', en: 'budget adjustment rate', names: /预算调整率/, input: 'value' },
  { id: 'budget-execution', zh: '预算执行率', en: 'budget execution rate', names: /预算执行率|支出执行率/, input: 'execution' },
  { id: 'balance', zh: '资金结余', en: 'unspent funds', names: /资金结余|结转结余|结余情况/, input: 'balance' },
  { id: 'procurement', zh: '政府采购执行率', en: 'procurement execution rate', names: /政府采购执行率|政府采购率/, input: 'value' },
  { id: 'official-card', zh: '公务卡刷卡率', en: 'official card payment rate', names: /公务卡刷卡率|公务卡结算率|公务卡使用率/, input: 'value' },
  { id: 'assets-use', zh: '固定资产利用率', en: 'fixed asset utilisation', names: /固定资产利用率/, input: 'assetsUse' },
  { id: 'satisfaction', zh: '满意度', en: 'satisfaction', names: /满意度/, input: 'value' },
];

/** An indicator's name as a key: full-width forms, spaces and quote marks out ("“三公经费”\n变动率" → 三公经费变动率). */
export function indicatorKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s“”"'‘’]/g, '');
}

export function indicatorOf(name: string): IndicatorDef | undefined {
  const n = indicatorKey(name);
  return INDICATORS.find((i) => i.names.test(n));
}
