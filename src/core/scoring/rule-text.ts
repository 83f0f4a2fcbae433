/**
 * Reading a 评分标准 text into a scoring rule the engine is sure of. The shapes of the 部门整体支出绩效评价
 * templates (seed 002):
 *   threshold and per-point deduction: "以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。"
 *                                      "政府采购执行率等于100%的，得3分；每减少一个百分点，扣0.2分，扣完为止。"
 *                                      "每低于100%一个百分点扣0.1分，扣完为止。"
 *   bands with inclusive ends:         "≥90%，计5分；80%（含）-90%，计4分；…；低于60%不得分。"
 *   资金结余:                           "无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。"
 *   a count of cases:                  "以上情况每出现一例不符合要求的扣1分，扣完为止。"
 * Anything else is left to people ("需人工评分"): the engine never guesses.
 */
import { Dec } from '../decimal';

export interface Band {
  lo?: Dec;
  loIncl: boolean;
  hi?: Dec;
  hiIncl: boolean;
  points: Dec;
}

export type ScoreRule =
  /** full points on the good side of the threshold; each percentage point beyond it on the bad side costs perPoint */
  | { kind: 'deduct'; bad: 'above' | 'below'; threshold: Dec; full: Dec; perPoint: Dec }
  | { kind: 'bands'; bands: Band[] }
  | { kind: 'balance'; none: Dec; withinCarry: Dec; aboveCarry: Dec }
  | { kind: 'cases'; full: Dec; perCase: Dec };

const NUM = '(\\d+(?:\\.\\d+)?)';

/** Full-width forms, ≦ ≧, quotes and spaces out of the way. */
export function normRuleText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[≦]/g, '≤')
    .replace(/[≧]/g, '≥')
    .replace(/[“”"'‘’\s]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/不得分/g, '计0分')
    .replace(/[—–－~～]/g, '-');
}

const d = (s: string): Dec => new Dec(s);

function pointsIn(clause: string): Dec | undefined {
  const m = new RegExp(`(?:计|得|给|为)?${NUM}分`).exec(clause);
  return m ? d(m[1]!) : undefined;
}

/** A deduction: "每超过一个百分点扣0.5分", "每低于100%一个百分点扣0.1分", "每减少1个百分点,扣0.2分". */
function parseDeduct(t: string, max: Dec | undefined): ScoreRule | null {
  const m = new RegExp(`每(超过|超出|高于|增加|上升|减少|低于|下降|降低)(?:${NUM}%)?(?:一|1)个百分点[,，]?扣(?:减)?${NUM}分`).exec(t);
  if (!m) return null;
  const bad: 'above' | 'below' = /超过|超出|高于|增加|上升/.test(m[1]!) ? 'above' : 'below';
  const perPoint = d(m[3]!);
  // the threshold: in the deduction itself, or in a condition for full points
  let threshold = m[2] ? d(m[2]) : undefined;
  let full: Dec | undefined;
  const cond = new RegExp(`(?:≤|≥|<=|>=|=|等于|达到?|以|不超过|不低于)${NUM}%?(?:的|以上|以下|为标准)?[,，]?(?:计|得)?(?:${NUM}分)?`).exec(t.slice(0, m.index));
  if (cond) {
    threshold = threshold ?? d(cond[1]!);
    if (cond[2]) full = d(cond[2]);
  }
  const fullAny = new RegExp(`(?:计|得)${NUM}分`).exec(t.slice(0, m.index));
  if (!full && fullAny) full = d(fullAny[1]!);
  full = full ?? max;
  if (!threshold || !full) return null;
  return { kind: 'deduct', bad, threshold, full, perPoint };
}

/** One band clause: "≥90%,计5分", "80%(含)-90%,计4分", "低于60%计0分", "=0,计3分", "95%(含)以上计5分". */
function parseBand(clause: string): Band | null {
  const points = pointsIn(clause);
  if (!points) return null;
  const c = clause.replace(/[,，]?(?:计|得|给)?\d+(?:\.\d+)?分.*$/, '').replace(/^[^\d≥≤<>=大小低高以达等]*?(?=[\d≥≤<>=大小低高以达等])/, '');
  let m = new RegExp(`^${NUM}%?(\\(含\\))?-${NUM}%?(\\(含\\))?$`).exec(c);
  if (m) return { lo: d(m[1]!), loIncl: !!m[2], hi: d(m[3]!), hiIncl: !!m[4], points };
  m = new RegExp(`^(?:≥|>=|大于等于|不低于|达到?)${NUM}%?(?:以上)?$|^${NUM}%?(\\(含\\))?以上$`).exec(c);
  // "以上" includes its figure in these templates ("达50%以上", "95%(含)以上")
  if (m) return { lo: d(m[1] ?? m[2]!), loIncl: true, hiIncl: false, points };
  m = new RegExp(`^(?:>|大于|高于|超过)${NUM}%?$`).exec(c);
  if (m) return { lo: d(m[1]!), loIncl: false, hiIncl: false, points };
  m = new RegExp(`^(?:<|小于|低于|不足)${NUM}%?(?:以下)?$`).exec(c);
  if (m) return { hi: d(m[1]!), hiIncl: false, loIncl: false, points };
  m = new RegExp(`^(?:≤|<=|小于等于|不超过)${NUM}%?$|^${NUM}%?(\\(含\\))?以下$`).exec(c);
  if (m) return { hi: d(m[1] ?? m[2]!), hiIncl: true, loIncl: false, points };
  m = new RegExp(`^(?:=|等于)${NUM}%?$`).exec(c);
  if (m) return { lo: d(m[1]!), loIncl: true, hi: d(m[1]!), hiIncl: true, points };
  return null;
}

/** Parse the 评分标准 of a line; null when it is not a rule the engine is sure of. */
export function parseRule(text: string | undefined, max?: Dec): ScoreRule | null {
  if (!text) return null;
  const t = normRuleText(text);
  if (/无结余[,，]?(?:计|得)?\d/.test(t) && /不超过上年结转/.test(t)) {
    const none = /无结余[,，]?(?:计|得)?(\d+(?:\.\d+)?)分/.exec(t);
    const within = /不超过上年结转[,，]?(?:计|得)?(\d+(?:\.\d+)?)分/.exec(t);
    const above = /(?:结余)?超过上年结转[,，]?(?:计|得)?(\d+(?:\.\d+)?)分/.exec(t.replace(/不超过上年结转/g, ''));
    if (none && within) return { kind: 'balance', none: d(none[1]!), withinCarry: d(within[1]!), aboveCarry: above ? d(above[1]!) : new Dec(0) };
    return null;
  }
  const cases = /每(?:出现|发现|有)(?:一|1)(?:例|个|次|项|处)[^扣]*扣(\d+(?:\.\d+)?)分/.exec(t);
  if (cases && max) return { kind: 'cases', full: max, perCase: d(cases[1]!) };
  const deduct = parseDeduct(t, max);
  if (deduct) return deduct;
  const clauses = t.split(/[;；。\n]/).filter((c) => /分/.test(c));
  const bands: Band[] = [];
  for (const clause of clauses) {
    // the indicator's name before the condition ("重点支出安排率≥90%") is not part of it
    const c = clause.replace(/^[^\d≥≤<>=]*?(?=(?:≥|≤|<|>|=|大于|小于|低于|高于|超过|不足|不超过|不低于|等于|达)?\d)/, '');
    const b = parseBand(c);
    if (!b) return null;
    bands.push(b);
  }
  return bands.length >= 2 ? { kind: 'bands', bands } : null;
}

const fmt = (x: Dec): string => x.toFixed();

/** The rule as a sentence, so a person can see what was understood. */
export function describeRule(r: ScoreRule, lang: 'zh' | 'en' = 'zh'): string {
  switch (r.kind) {
    case 'deduct':
      return lang === 'zh'
        ? `${r.bad === 'above' ? '不超过' : '不低于'}${fmt(r.threshold)}%得${fmt(r.full)}分；每${r.bad === 'above' ? '超过' : '低于'}1个百分点扣${fmt(r.perPoint)}分，扣完为止`
        : `${fmt(r.full)} points at ${r.bad === 'above' ? 'or below' : 'or above'} ${fmt(r.threshold)}%; ${fmt(r.perPoint)} off for each point ${r.bad === 'above' ? 'above' : 'below'}, down to 0`;
    case 'bands':
      return r.bands.map((b) => {
        let range: string;
        if (b.lo !== undefined && b.hi !== undefined) {
          range = b.lo.eq(b.hi) ? `=${fmt(b.lo)}%` : `${fmt(b.lo)}%${b.loIncl ? '(含)' : ''}–${fmt(b.hi)}%${b.hiIncl ? '(含)' : ''}`;
        } else if (b.lo !== undefined) range = `${b.loIncl ? '≥' : '>'}${fmt(b.lo)}%`;
        else range = `${b.hiIncl ? '≤' : '<'}${fmt(b.hi!)}%`;
        return lang === 'zh' ? `${range}得${fmt(b.points)}分` : `${range}: ${fmt(b.points)}`;
      }).join(lang === 'zh' ? '；' : '; ');
    case 'balance':
      return lang === 'zh'
        ? `无结余得${fmt(r.none)}分；有结余但不超过上年结转得${fmt(r.withinCarry)}分；超过上年结转得${fmt(r.aboveCarry)}分`
        : `no balance: ${fmt(r.none)}; a balance within last year's carry-over: ${fmt(r.withinCarry)}; above it: ${fmt(r.aboveCarry)}`;
    case 'cases':
      return lang === 'zh' ? `满分${fmt(r.full)}分，每出现一例扣${fmt(r.perCase)}分，扣完为止` : `${fmt(r.full)} points, ${fmt(r.perCase)} off for each case, down to 0`;
  }
}

/** Apply a rate rule to a rate in percent points. */
export function applyRate(r: Extract<ScoreRule, { kind: 'deduct' | 'bands' }>, rate: Dec): { points: Dec; overBy?: Dec; band?: Band } {
  if (r.kind === 'deduct') {
    const over = r.bad === 'above' ? rate.minus(r.threshold) : r.threshold.minus(rate);
    if (over.lte(0)) return { points: r.full };
    const p = r.full.minus(over.times(r.perPoint));
    return { points: p.isNegative() ? new Dec(0) : p, overBy: over };
  }
  for (const b of r.bands) {
    const loOk = b.lo === undefined || (b.loIncl ? rate.gte(b.lo) : rate.gt(b.lo));
    const hiOk = b.hi === undefined || (b.hiIncl ? rate.lte(b.hi) : rate.lt(b.hi));
    if (loOk && hiOk) return { points: b.points, band: b };
  }
  return { points: new Dec(0) };
}
