/**
 * Reading a 评分标准 text into a scoring rule the engine is sure of — a small grammar, not a list of whole-text
 * patterns. The text is normalised (full-width forms, ≦ ≧, quotes, dashes, "(不含)", Chinese numerals in "一个百分点"
 * and in counts "每滞后一年"), then read as a sequence of clauses, each a CONDITION and an OUTCOME:
 *
 *   condition  := comparator number[%] | number[%][(含)] 以上|以下 | number[%][(含)] - number[%][(含)]
 *                 | number[%] (a bare figure: equality) | 否则/其他/其余 (everything else)
 *                 | 绝对值≤N% | ±N%以内 (a deviation either way) | 有1人不达标 (short of 100 %, beside "100%计满分")
 *                 comparators: ≥ > ≤ < = 大于(等于) 高于 超过 不低于 不少于 达到 小于(等于) 低于 不足 未达到 不超过 等于 …
 *                 and 不超过预算数 (≤ 100 %), 超过预算 (> 100 %)
 *   outcome    := 计|得 N 分 | 满分 | 不得分 | 一半分值 | 分值的 N% | N% 分值 | a proportion (below)
 *   deduction  := 每 [超过|低于|相差|超过或低于 …] [N%] step 扣 N 分   (step: 一个百分点, N 个百分点, N%)
 *   count      := 每 [出现|超|超支|延迟|滞后 …] N unit … 扣 N 分   (unit: 例 个 所 项 人 人次 天 月 年 万元 元 …)
 *   proportion := 按(实际)完成比例(计算)得分 | 得分 = 完成率 × 分值 | 资金到位率*该项指标分值 | 得分值 = X × 20 (the 分值)
 *                 | 实际完成值/年度指标值×该指标分值 (and reversed: 分值 ÷ rate) | 按实际完成值占目标值的比例计分（目标值：N unit）
 *
 * and assembled into one of the rules below. EVERY clause is read or the whole text is left to people: a
 * proportion is the whole text, or a band of its own ("≥90%，按比例计算得分"), or holds wherever the bands beside it
 * do not ("按完成比例计算得分；低于60%不得分") — and must agree with them at their ends; a count is read when nothing
 * else in the text scores (sentences saying what counts may come first). A deduction takes its threshold from its
 * own text ("每低于100%一个百分点"), from the clause giving full points ("≤100%，计5分", "=100%，计3分", "100%以下
 * （含）计满分", "90%-110%之间" for a deduction either way) or from a "以100%为标准" preamble; its direction from its
 * verb, or else from that clause's comparator; a cap "最多扣3分", "扣满15分为止" (a floor "扣完20分为止" must be the
 * 分值 or less). Anything the grammar does not read whole — a checklist ("已制定…计1分；…健全，计1分"), a clause
 * whose condition is no figure, a verb that contradicts its threshold — is left to people ("需人工评分"): the
 * engine never guesses.
 *
 * Scales are explicit: a rate rule's figures carry % (a percentage) or are all plain numbers no greater than 2 (a
 * ratio: "保值率≥1" is 1, and takes 0.97 or "97%", never 97); % and plain figures mixed, or plain figures above 2,
 * are not read. A count rule has its unit, and takes a value only in a unit of the same class ("2所" for 个,
 * "20000元" for 万元, never "2人" for 天 or a bare number for money). A band the text does not write ("大于90%得满分"
 * at 85 %) gives no score.
 *
 * Partial steps (a deduction per 5 %, and 4 % short): where the text says "不足5%按5%计" (or 不足一档按一档) a
 * partial step counts whole; where it says 按比例 it counts pro rata; where it says nothing, a step of one
 * percentage point counts pro rata (74.41 points over × 0.5, as the templates' own examples compute) and a wider
 * step counts whole steps only — the working says which. A count not a whole number of steps is not scored.
 */
import { Dec } from '../decimal';

export interface Band {
  lo?: Dec;
  loIncl: boolean;
  hi?: Dec;
  hiIncl: boolean;
  points: Dec;
  /** "否则不得分": the band of everything the others leave */
  otherwise?: boolean;
  /** the end is included only by the reading of 以上/以下 (no 含, no ≥/≤): a weaker claim on that figure */
  soft?: boolean;
  /** "≥90%，按比例计算得分": in this band the score is 分值 × rate (points is then the 分值, its cap) */
  prop?: boolean;
  /** "偏差率绝对值≤5%": the band bounds the rate's absolute value */
  abs?: boolean;
  /** "有1人不达标，该项不得分": below 100 %, read only beside a clause giving 100 % */
  allOrNothing?: boolean;
}

/**
 * The scale a rule's figures are written in, and so the scale a value must be in to be scored: a percentage
 * ("≥95%", "每低于1个百分点"), a ratio written as a plain number ("保值率≥1": 1 is 100 %, not 1 %).
 */
export type RateScale = 'percent' | 'ratio';

/** A unit a count or an amount is written in, and its class: values are scored only in a unit of the same class. */
export interface CountUnit {
  /** as written ("例", "人", "天", "万元") */
  unit: string;
  cls: 'items' | 'persons' | 'person-times' | 'days' | 'workdays' | 'weeks' | 'months' | 'years' | 'money';
  /** money: the unit in 元 (万元 = 10000) */
  yuan?: Dec;
}

export type ScoreRule =
  /** full points on the good side of the threshold; each `step` points beyond it on the bad side costs perStep */
  | {
    /** 'both': a deviation either way from `threshold` ("每超过或低于", "偏差率绝对值≤5%", "每相差3%"), free up to `tolerance` */
    kind: 'deduct'; bad: 'above' | 'below' | 'both'; threshold: Dec; tolerance?: Dec; full: Dec; perPoint: Dec; step: Dec; partial: 'pro-rata' | 'whole' | 'ceil';
    /** at most this much is deducted ("最多扣3分", "最低得2分") */
    maxDeduct?: Dec;
    /** clauses after the deduction that set the score further out ("低于80%不得分"), all on the bad side */
    floors?: Band[];
    /** a deviation written without its sign ("偏差率在5%以内"): a negative value is not scored (−7 % is 7 % off) */
    signless?: boolean;
  }
  | { kind: 'bands'; bands: Band[]; scale?: RateScale; signless?: boolean }
  /**
   * 分值 × rate ÷ 100, at most 分值; `inverse`: 分值 × 100 ÷ rate ("年度指标值/实际完成值×该指标分值", the rate being
   * 实际 ÷ 指标 as everywhere); `target`: the rate is the value ÷ this figure, in its unit ("目标值：500人次")
   */
  | { kind: 'proportional'; full: Dec; inverse?: boolean; target?: { value: Dec; unit: CountUnit } }
  | { kind: 'balance'; none: Dec; withinCarry: Dec; aboveCarry: Dec }
  /**
   * a count in a unit ("每出现一例扣1分", "每超1人扣0.5分", "每延迟1天扣0.1分", "每超支1万元扣1分"): perCase off for
   * each `step` units, at most maxDeduct; without `unit` the count is of 例 (the first reading)
   */
  | { kind: 'cases'; full: Dec; perCase: Dec; step?: Dec; unit?: CountUnit; verb?: string; maxDeduct?: Dec };

const NUM = '(\\d+(?:\\.\\d+)?)';
const d = (s: string): Dec => new Dec(s);

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The units a count or an amount is written in ("每超1人", "每延迟1天", "每超支1万元"), longest first. */
const UNITS = '人次|人|名|个工作日|工作日|个月|个|例|次|项|处|所|家|户|件|起|条|天|日|年|月|周|万元|千元|亿元|元';

/** A unit's class: a value is scored only in a unit of its rule's class (money converted exactly). */
export function unitOf(u: string): CountUnit | undefined {
  const money: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };
  if (money[u] !== undefined) return { unit: u, cls: 'money', yuan: new Dec(money[u]!) };
  if (/^(?:个|例|次|项|处|所|家|户|件|起|条)$/.test(u)) return { unit: u, cls: 'items' };
  if (/^(?:人|名)$/.test(u)) return { unit: u, cls: 'persons' };
  const other: Record<string, CountUnit['cls']> = { 人次: 'person-times', 天: 'days', 日: 'days', 工作日: 'workdays', 个工作日: 'workdays', 周: 'weeks', 月: 'months', 个月: 'months', 年: 'years' };
  return other[u] ? { unit: u, cls: other[u]! } : undefined;
}

/** A unit in English, for the sentences and workings in English. */
export function unitEn(u: CountUnit): string {
  const money: Record<string, string> = { 元: 'yuan', 千元: 'thousand yuan', 万元: '10k yuan', 亿元: '100m yuan' };
  const cls: Record<CountUnit['cls'], string> = { items: 'item(s)', persons: 'person(s)', 'person-times': 'person-time(s)', days: 'day(s)', workdays: 'working day(s)', weeks: 'week(s)', months: 'month(s)', years: 'year(s)', money: '' };
  return u.cls === 'money' ? money[u.unit] ?? 'yuan' : cls[u.cls];
}

/** Full-width forms, ≦ ≧, quotes and spaces out of the way; "一个百分点" → "1个百分点", "百分之五" → "5%". */
export function normRuleText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[≦]/g, '≤')
    .replace(/[≧]/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/>=/g, '≥')
    .replace(/[“”"'‘’\s]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[—–－~～―]+/g, '-')
    // "90%(含)-95%(不含)": an end without 含 is open anyway
    .replace(/\(不含\)/g, '')
    .replace(/([一二两三四五六七八九十])(?=个百分点|个点)/g, (m) => String(CN_DIGITS[m] ?? m))
    // "每滞后一年", "每出现一例", "每超一人": the count's figure
    .replace(new RegExp(`(每[^\\d扣,，;；。]{0,6}?)([一二两三四五六七八九十])(?=(?:${UNITS})(?!百分点))`, 'g'), (_, a: string, c: string) => `${a}${CN_DIGITS[c] ?? c}`)
    // "每项不合格扣1分": one of them
    .replace(/每(?=(?:项|例|次|处|个|家|户|所|起|件)(?!百分点))/g, '每1')
    .replace(/百分之(\d+(?:\.\d+)?)/g, '$1%')
    .replace(/不得分|不计分|得0分|计0分|零分/g, '计0分')
    .replace(/(\d)个点/g, '$1个百分点');
}

// ———————————————————————————— outcomes ————————————————————————————

/** An outcome and where it stands in the text: points, or a share of the 分值, or a proportion of it. */
interface Outcome {
  at: number;
  end: number;
  points?: Dec;
  /** a share of the 分值 (满分 = 1, 一半分值 = 0.5) */
  share?: Dec;
  /** 分值 × rate ("按比例计算得分"); inverse: 分值 ÷ rate; target: the rate of a value to a target figure */
  prop?: 'forward' | 'inverse' | 'target';
  /** "得分值=完成率×20": the 分值 written as a figure, which must be the line's */
  propOf?: Dec;
}

const TIMES = '(?:×|\\*|乘以|x|X)';
const OF_SCORE = '(?:该项|该指标|该项指标|本项|本指标|此项)?(?:指标)?(?:分值|权重|满分)';
const RATE_WORD = '(?:完成率|执行率|达成率|完成比例|实现率|到位率|使用率|达标率|覆盖率|合格率|比率|比例)';
/** The proportional outcomes, each with the words around it ("按…计算得分"). */
const PROP = [
  /* forward */ `(?:评价指标)?得分=[^;；。=]*?(?:率|比例)${TIMES}${OF_SCORE}`,
  /* forward */ `按?(?:预算|资金|项目|实际)?${RATE_WORD}${TIMES}${OF_SCORE}(?:计算)?(?:得分|计分|给分)?`,
  /* forward */ `按(?:实际|预算)?(?:完成|执行|达成|实现)?(?:比例|比率|率)(?:计算)?(?:得分|计分|给分|赋分)`,
  /* forward */ `按(?:实际)?完成(?:比例|情况)(?:计算)?得分`,
  /* forward */ `(?:得分=)?实际完成值?(?:/|÷|除以)(?:年度|计划|目标)?(?:指标值|目标值|计划值)${TIMES}${OF_SCORE}(?:计算)?(?:得分|计分)?`,
  /* inverse */ `(?:得分=)?(?:年度|计划|目标)?(?:指标值|目标值|计划值)(?:/|÷|除以)实际完成值?${TIMES}${OF_SCORE}(?:计算)?(?:得分|计分)?`,
  /* target  */ `按实际完成值?占(?:年度)?(?:目标值|指标值|计划值)的?比例(?:计算)?(?:得分|计分|给分)`,
  /* figure  */ `得分值?=[^;；。=]*?(?:率|比例)${TIMES}\\d+(?:\\.\\d+)?分?`,
];

const OUTCOME = new RegExp([
  `(?:${PROP.join('|')})`,
  `(?:计|得|给)?(?:该项)?满分的${NUM}%`,
  `(?:计|得|给|为|记)?(?:该项)?满分(?!的)`,
  `(?:计|得|给)?(?:分值的|该项分值的)${NUM}%`,
  `(?:计|得|给)${NUM}%(?:的)?分值`,
  `(?:计|得|给)?(?:一半分值|分值的一半|半分)`,
  `(?:计|得|给|为|记)?${NUM}分`,
].join('|'), 'g');

function outcomes(t: string): Outcome[] {
  const out: Outcome[] = [];
  for (const m of t.matchAll(OUTCOME)) {
    const s = m[0];
    const o: Outcome = { at: m.index!, end: m.index! + s.length };
    if (m[1]) o.share = d(m[1]).div(100);
    else if (m[2] ?? m[3]) o.share = d(m[2] ?? m[3]!).div(100);
    else if (m[4]) o.points = d(m[4]);
    else if (/满分(?!的)/.test(s) && !/率|比例|×|\*/.test(s)) o.share = new Dec(1);
    else if (/一半|半分/.test(s)) o.share = new Dec(0.5);
    else {
      o.prop = /占.*比例/.test(s) ? 'target' : /(?:指标值|目标值|计划值)(?:\/|÷|除以)实际/.test(s) ? 'inverse' : 'forward';
      const fig = new RegExp(`${TIMES}(\\d+(?:\\.\\d+)?)分?$`).exec(s);
      if (fig) o.propOf = d(fig[1]!);
    }
    // "扣0.5分" is a deduction, not an outcome; "每…扣" is read by the deduction
    if (o.points && /扣(?:减)?$|扣(?:完|满)$/.test(t.slice(Math.max(0, o.at - 2), o.at))) continue;
    out.push(o);
  }
  return out;
}

function pointsOf(o: Outcome, max: Dec | undefined): Dec | undefined {
  if (o.prop) return max && (!o.propOf || o.propOf.eq(max)) ? max : undefined;
  if (o.points) return o.points;
  return max ? max.times(o.share!) : undefined;
}

// ———————————————————————————— conditions ————————————————————————————

type Cond = Omit<Band, 'points'>;

const CMP_WORDS = '≥|≤|<|>|=|大于等于|小于等于|大于|小于|高于|低于|超过|超出|不足|未达到|未达|不超过|不高于|不低于|不少于|达到|达|等于';

/** The condition of a clause: the figures and how they bound the rate; null when it is no figure. */
export function parseCondition(raw: string): Cond | null {
  // leading words (the indicator's name, "执行率", "完成率") up to the comparator or the first figure go
  let c = raw.replace(/[,，]?(?:该项|该指标|本项)$/, '').replace(/[,，:：、]+$/g, '').replace(/^[,，;；。:：、]+/, '');
  if (/^(否则|其他|其余|其它|以外|除此之外|其他情况|其余情况)/.test(c)) return { otherwise: true, loIncl: false, hiIncl: false };
  // a deviation either way: "偏差率绝对值≤5%", "偏差率在±5%以内"
  if (/绝对值|±|正负|\+-/.test(c)) {
    const m = new RegExp(`(?:绝对值(?:≤|不超过|不大于|小于等于|在)|±|正负|\\+-)${NUM}%(?:以内|之内|范围内)?(?:\\(含\\))?(?:的|时)?$`).exec(c);
    return m ? { abs: true, hi: d(m[1]!), hiIncl: true, loIncl: false } : null;
  }
  // "有1人不达标": anything short of all, with a clause giving 100% (checked by the bands)
  if (/^有?(?:1|一)(?:人|个|项|所|户|家|名|例|次|处)[^\d]{0,8}?(?:未|不)(?:达标|达到|合格|完成|符合)/.test(c)) {
    return { hi: new Dec(100), hiIncl: false, loIncl: false, allOrNothing: true };
  }
  c = c.replace(new RegExp(`^[^\\d≥≤<>=]*?(?=(?:${CMP_WORDS})?\\d)`), '');
  c = c.replace(/的$/, '').replace(/时$/, '').replace(/之间$/, '').replace(/的$/, '');
  // a range written with two comparators: "80%≤满意度<90%", "小于95%大于等于85%", "≥85%且<95%"
  const two = new RegExp(`^${NUM}%?(≤|<)[^\\d]*?(≤|<)${NUM}%?$`).exec(c);
  if (two) return { lo: d(two[1]!), loIncl: two[2] === '≤', hi: d(two[4]!), hiIncl: two[3] === '≤' };
  const pair = new RegExp(`^((?:${CMP_WORDS})${NUM}%?)(?:且|并且|而|,|，)?((?:${CMP_WORDS})${NUM}%?)$`).exec(c);
  if (pair) {
    const a = parseCondition(pair[1]!);
    const b = parseCondition(pair[3]!);
    const lo = [a, b].find((x) => x && x.lo !== undefined && x.hi === undefined);
    const hi = [a, b].find((x) => x && x.hi !== undefined && x.lo === undefined);
    if (lo && hi) return { lo: lo.lo, loIncl: lo.loIncl, hi: hi.hi, hiIncl: hi.hiIncl };
    return null;
  }
  let m = new RegExp(`^${NUM}%?(\\(含\\))?(?:-|至|到)${NUM}%?(\\(含\\))?$`).exec(c);
  if (m) {
    const [lo, hi] = [d(m[1]!), d(m[3]!)];
    return lo.lte(hi) ? { lo, loIncl: !!m[2], hi, hiIncl: !!m[4] } : { lo: hi, loIncl: !!m[4], hi: lo, hiIncl: !!m[2] };
  }
  m = new RegExp(`^(?:≥|大于等于|不低于|不少于|达到|达)${NUM}%?(?:以上|及以上)?(?:\\(含\\))?$|^${NUM}%?(?:\\(含\\))?(?:以上|及以上)(?:\\(含\\))?$`).exec(c);
  // "以上" includes its figure in these templates ("达50%以上", "95%(含)以上"); without 含 or ≥ that is a soft claim
  if (m) return { lo: d(m[1] ?? m[2]!), loIncl: true, hiIncl: false, ...(m[2] && !/含|及/.test(c) ? { soft: true } : {}) };
  m = new RegExp(`^(?:>|大于|高于|超过|超出)${NUM}%?(?:以上)?$`).exec(c);
  if (m) return { lo: d(m[1]!), loIncl: false, hiIncl: false };
  m = new RegExp(`^(?:<|小于|低于|不足|未达到|未达)${NUM}%?(?:以下)?$`).exec(c);
  if (m) return { hi: d(m[1]!), hiIncl: false, loIncl: false };
  m = new RegExp(`^(?:≤|小于等于|不超过|不高于)${NUM}%?(?:以下|以内)?(?:\\(含\\))?$|^${NUM}%?(?:\\(含\\))?(?:以下|及以下|以内)(?:\\(含\\))?$`).exec(c);
  if (m) return { hi: d(m[1] ?? m[2]!), hiIncl: true, loIncl: false, ...(m[2] && !/含|及/.test(c) ? { soft: true } : {}) };
  m = new RegExp(`^(?:=|等于|为|达到)?${NUM}%?$`).exec(c);
  if (m) return { lo: d(m[1]!), loIncl: true, hi: d(m[1]!), hiIncl: true };
  return null;
}

// ———————————————————————————— deductions ————————————————————————————

const UP = /超过|超出|高于|增加|上升|增长|多|^超$/;
const BOTH = /或|相差|偏离|偏差/;
const DEDUCTION = new RegExp(
  `每(超过或低于|低于或超过|高于或低于|低于或高于|超出或低于|相差|偏离|偏差|超过|超出|高于|增加|上升|增长|多|减少|低于|下降|降低|少于|少|低|减|超)?(?:${NUM}%(?=\\d|个))?(?:${NUM}(个百分点|%)|(个百分点))[,，]?(?:则)?(?:扣(?:减)?|减)${NUM}分`,
);
/** A cap on what is deducted: "最多扣3分", "最低得2分", "扣完20分为止", "扣满15分为止". */
const CAP = new RegExp(`(?:最多扣|最高扣|扣分不超过|扣分最多为?|最多扣减)${NUM}分|(?:最低得|最少得|最低计)${NUM}分|扣(?:完|满)${NUM}分(?:为止)?`);

/** The cap of a text: the most deducted, undefined for none, null for one the engine cannot hold. */
function capOf(t: string, full: Dec): { maxDeduct?: Dec; text?: string } | null {
  const c = CAP.exec(t);
  if (!c) return /最多扣|最高扣|扣分不超过|扣分最多|最低得|最少得|扣满\d|扣完\d/.test(t) ? null : {};
  if (CAP.test(t.slice(c.index + c[0].length))) return null;
  if (c[3]) {
    // "扣完20分为止": the line's 分值, or less; more than the 分值 is a text the engine does not hold
    const n = d(c[3]);
    if (n.gt(full)) return null;
    return n.eq(full) ? { text: c[0] } : { maxDeduct: n, text: c[0] };
  }
  const maxDeduct = c[1] ? d(c[1]) : full.minus(d(c[2]!));
  if (maxDeduct.isNegative() || maxDeduct.gt(full)) return null;
  return { maxDeduct, text: c[0] };
}

/** A deduction and its threshold, direction and step; null when the text has none or it does not add up. */
function parseDeduct(t: string, max: Dec | undefined): ScoreRule | null {
  const m = DEDUCTION.exec(t);
  if (!m) return null;
  const verb = m[1];
  // what this reading cannot hold, so the engine does not guess: a deduction both ways written apart, a
  // second deduction
  const rest = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  if (/或(?:超过|超出|高于|低于|减少|增加|下降)|上下浮动/.test(rest)) return null;
  if (DEDUCTION.test(t.slice(m.index + m[0].length)) || /每.{0,12}扣/.test(t.slice(m.index + m[0].length))) return null;
  const step = m[5] ? new Dec(1) : d(m[3]!);
  const perPoint = d(m[6]!);
  if (step.isZero()) return null;
  let threshold = m[2] ? d(m[2]) : undefined;
  let tolerance: Dec | undefined;
  let bad: 'above' | 'below' | 'both' | undefined = verb ? (BOTH.test(verb) ? 'both' : UP.test(verb) ? 'above' : 'below') : undefined;
  // the clause that gives full points, before the deduction
  const before = t.slice(0, m.index);
  let full: Dec | undefined;
  const outs = outcomes(before);
  if (outs.length > 1) return null; // bands and a deduction together: not a reading the engine is sure of
  const last = outs[outs.length - 1];
  let side: 'above' | 'below' | 'both' | undefined;
  if (last) {
    if (last.prop) return null;
    const clauses = before.slice(0, last.at).split(/[;；。]/);
    const cond = parseCondition(clauses[clauses.length - 1] ?? '');
    full = pointsOf(last, max);
    if (cond && !cond.otherwise) {
      if (cond.abs) {
        // "偏差率绝对值≤5%得满分，每超过1个百分点": the deviation beyond 5 points, either way
        if (bad === 'below') return null;
        bad = 'both';
        side = 'both';
        threshold = threshold ?? new Dec(0);
        if (!threshold.isZero()) return null;
        tolerance = cond.hi;
      } else {
        const equal = cond.lo !== undefined && cond.hi !== undefined && cond.lo.eq(cond.hi);
        side = equal ? undefined : cond.hi !== undefined && cond.lo === undefined ? 'above' : cond.lo !== undefined && cond.hi === undefined ? 'below' : undefined;
        const at = equal ? cond.lo : cond.hi ?? cond.lo;
        if (!equal && !side) {
          // "90%-110%之间得满分，每偏离1个百分点": the distance out of the range, either way; else a range giving
          // full points is no threshold
          if (bad !== 'both' || threshold || cond.lo === undefined || cond.hi === undefined) return null;
          threshold = cond.lo.plus(cond.hi).div(2);
          tolerance = cond.hi.minus(cond.lo).div(2);
          side = 'both';
        }
        if (side && bad && bad !== 'both' && side !== bad) return null; // "≥95% 满分；每超过1个百分点扣" contradicts itself
        // "达到100%得满分，每相差3%": the full clause holds one side, the deduction is on the other
        if (side && bad === 'both') bad = side;
        bad = bad ?? side;
        if (side !== 'both') {
          if (threshold && at && !threshold.eq(at)) return null;
          threshold = threshold ?? at;
        }
      }
    } else if (!cond) return null;
    // what stands between the full clause and the deduction: nothing, words ("超出部分"), or the bad side of
    // the same threshold ("超过10%的每超1个百分点")
    const middle = t.slice(last.end, m.index).replace(/^[,，;；。、]+|[,，;；。、]+$/g, '');
    if (middle) {
      const mid = parseCondition(middle);
      if (mid && !mid.otherwise && !mid.abs && threshold) {
        const onBad = bad === 'above' ? mid.hi === undefined && mid.lo !== undefined && mid.lo.eq(threshold)
          : bad === 'below' ? mid.lo === undefined && mid.hi !== undefined && mid.hi.eq(threshold) : false;
        if (!onBad) return null;
      } else if (/\d/.test(middle)) return null;
    }
  } else if (/\d/.test(before.replace(new RegExp(`以${NUM}%?为(?:标准|基准|满分标准)`), '').replace(/[^;；。]*[=:：][^;；。]*[;；。]/g, ''))) {
    // no full clause, and figures before the deduction that are no standard: not read
    return null;
  }
  const standard = new RegExp(`以${NUM}%?为(?:标准|基准|满分标准)`).exec(t);
  if (!threshold && standard) threshold = d(standard[1]!);
  full = full ?? max;
  if (!threshold || !full || !bad) return null;
  if (max && full.gt(max)) return null;
  const cap = capOf(t, full);
  if (!cap) return null;
  // clauses with points after the deduction: floors further out on the bad side, each a condition and points
  const tail = t.slice(m.index + m[0].length).replace(cap.text ?? '\u0000', '').replace(/扣完为止|为止/g, '');
  const floors: Band[] = [];
  if (outcomes(tail).length) {
    const read = parseBands(tail, max, true);
    if (!read || read.kind !== 'bands' || bad === 'both') return null;
    floors.push(...read.bands);
  } else if (/\d/.test(tail.replace(/不足(?:\d+(?:\.\d+)?%|一档|1档|\d+个百分点)(?:的)?按(?:\d+(?:\.\d+)?%|一档|1档|\d+个百分点)(?:计|扣)/, ''))) return null;
  // a floor must lie wholly beyond the threshold on the bad side ("低于80%不得分" under "≥95%满分，每低1个百分点扣")
  for (const f of floors) {
    if (f.otherwise || f.prop || f.abs || f.allOrNothing) return null;
    const beyond = bad === 'below' ? f.lo === undefined && f.hi !== undefined && f.hi.lte(threshold) : f.hi === undefined && f.lo !== undefined && f.lo.gte(threshold);
    if (!beyond) return null;
  }
  const { maxDeduct } = cap;
  const after = t.slice(m.index + m[0].length);
  const partial: 'pro-rata' | 'whole' | 'ceil' = /不足(?:\d+(?:\.\d+)?%|一档|1档|\d+个百分点)(?:的)?按(?:\d+(?:\.\d+)?%|一档|1档|\d+个百分点)(?:计|扣)/.test(t)
    ? 'ceil'
    : /按比例(?:扣|计)/.test(after) || step.eq(1) ? 'pro-rata' : 'whole';
  return {
    kind: 'deduct', bad, threshold, full, perPoint, step, partial,
    ...(tolerance ? { tolerance } : {}), ...(maxDeduct ? { maxDeduct } : {}), ...(floors.length ? { floors } : {}),
  };
}

// ———————————————————————————— counts ————————————————————————————

const COUNT_VERBS = '出现|发现|有|超编|超支|超出|超过|超|多|少|减少|延迟|延期|延误|拖延|滞后|推迟|逾期|超时|晚|迟|缺';
const COUNT = new RegExp(`每(${COUNT_VERBS})?([^扣,，;；。\\d%]{0,8}?)(\\d+(?:\\.\\d+)?)(${UNITS})(?!百分点)([^扣;；。\\d%]{0,16}?)[,，]?扣(?:减)?(\\d+(?:\\.\\d+)?)分`);

/**
 * A deduction per count ("每出现一例…扣1分", "每超1人扣0.5分", "每延迟1天扣0.1分", "每超支1万元扣1分", "每发现一个学校
 * …扣0.5分"): read only when nothing else in the text scores — sentences before it may say what counts
 * ("①…②…以上情况每出现一例"), one clause may give full marks without a figure ("按时完成的得满分"), and a cap
 * may follow; a figure in its own clause ("超过3天的，每延迟1天") or other points are not read.
 */
function parseCount(t: string, max: Dec | undefined): ScoreRule | null | undefined {
  const m = COUNT.exec(t);
  if (!m) return undefined;
  if (!max) return null;
  const unit = unitOf(m[4]!);
  if (!unit) return null;
  const step = d(m[3]!);
  if (step.isZero()) return null;
  // the clause of the deduction holds no other figure
  const start = Math.max(t.lastIndexOf('。', m.index), t.lastIndexOf('；', m.index), t.lastIndexOf(';', m.index)) + 1;
  if (/\d/.test(t.slice(start, m.index))) return null;
  const cap = capOf(t, max);
  if (!cap) return null;
  const rest = (t.slice(0, m.index) + '。' + t.slice(m.index + m[0].length)).replace(cap.text ?? '\u0000', '').replace(/扣完为止|为止/g, '');
  if (/每.{0,12}扣|扣(?:减)?\d/.test(rest)) return null;
  const outs = outcomes(rest);
  if (outs.length > 1) return null;
  for (const o of outs) {
    const p = pointsOf(o, max);
    if (o.prop || !p || !p.eq(max)) return null;
    const from = Math.max(rest.lastIndexOf('。', o.at - 1), rest.lastIndexOf('；', o.at - 1), rest.lastIndexOf(';', o.at - 1)) + 1;
    if (/\d/.test(rest.slice(from, o.at))) return null;
  }
  // after the deduction, only punctuation
  const after = t.slice(m.index + m[0].length).replace(cap.text ?? '\u0000', '').replace(/扣完为止|为止/g, '');
  if (/[\d\u4e00-\u9fff]/.test(after.replace(/[;；。,，]/g, '')) && outs.every((o) => o.at < m.index)) return null;
  const legacy = unit.cls === 'items' && unit.unit !== '个' ? unit.unit === '例' : unit.cls === 'items';
  return {
    kind: 'cases', full: max, perCase: d(m[6]!),
    ...(legacy && step.eq(1) && (!m[1] || /出现|发现|有/.test(m[1])) ? {} : { step, unit, verb: m[1] ?? '' }),
    ...(cap.maxDeduct ? { maxDeduct: cap.maxDeduct } : {}),
  };
}

// ———————————————————————————— the whole text ————————————————————————————

/** What may follow a proportion without changing it: the cap at the 分值 in its several wordings. */
const PROP_TAIL = /[^,，;；。()\d]{0,8}?超过100%(?:的)?(?:按|以|得|计)满分(?:计(?:算)?)?|满分为止|计算(?=[,，;；。]|$)|最高不超过(?:该项|该指标)?(?:分值|满分)|最高(?:得|为|计)?满分|不超过(?:该项)?(?:分值|满分)|\(?[^()\d]{0,6}?超过100%(?:的)?(?:以|按)100%计(?:算)?\)?|计算得分|计分|得分/g;

/** A proportion that is the whole text ("按完成比例计算得分，满分为止。"); undefined when the text is none. */
function parseProportional(text: string, max: Dec | undefined): ScoreRule | null | undefined {
  // the cap is no outcome of its own ("满分为止" holds 满分)
  let top: Dec | undefined;
  const t = text
    .replace(/(?:以)?满分为止|最高(?:得|为|计)?满分|最高不超过(?:该项|该指标)?(?:分值|满分)|不超过(?:该项)?(?:分值|满分)|([^,，;；。()\d]{0,8}?超过100%(?:的)?(?:按|以|得|计)满分(?:计(?:算)?)?)/g, '')
    .replace(new RegExp(`最高(?:得|为|计)?${NUM}分`), (_, n: string) => {
      top = d(n);
      return '';
    });
  const outs = outcomes(t);
  if (outs.length !== 1 || !outs[0]!.prop) return undefined;
  // "最高20分": the line's 分值
  if (top && (!max || !top.eq(max))) return null;
  const o = outs[0]!;
  // a definition first ("资金到位率=实际到位资金/计划投入资金×100%；") is not a condition
  const pre = t.slice(0, o.at).replace(/^(?:[^;；。=]*=[^;；。]*[;；。])+/, '');
  let post = t.slice(o.end);
  // "（目标值：500人次）": the figure the value is set against, in its unit
  let target: { value: Dec; unit: CountUnit } | undefined;
  const tm = new RegExp(`^[,，]?\\((?:目标值|指标值|计划值)[:：]?${NUM}(${UNITS})\\)`).exec(post);
  if (tm) {
    const unit = unitOf(tm[2]!);
    if (!unit || d(tm[1]!).isZero()) return null;
    target = { value: d(tm[1]!), unit };
    post = post.slice(tm[0].length);
  }
  if (o.prop === 'target' && !target) return null;
  if (target && o.prop !== 'target') return null;
  // before it, words only (the indicator's name, "按…"); after it, the cap
  if (/[\d≥≤<>]|大于|小于|低于|高于|超过|以上|以下|不足/.test(pre)) return null;
  if (/[\d\u4e00-\u9fff]/.test(post.replace(PROP_TAIL, '').replace(/[;；。,，()]/g, ''))) return null;
  if (!max || !pointsOf(o, max)) return null;
  return { kind: 'proportional', full: max, ...(o.prop === 'inverse' ? { inverse: true } : {}), ...(target ? { target } : {}) };
}

/**
 * The scale of a rate rule's figures: a percentage where they carry % (or the text counts 个百分点), a ratio where
 * all are plain numbers no greater than 2 ("保值率≥1"); figures of both kinds, or plain figures above 2 ("≥90得满
 * 分": 90 % or 90?), are a text the engine does not read. Zero is zero in any scale.
 */
function scaleOf(t: string): RateScale | null {
  const s = t
    // "10-20%(含)": the % of a range's second figure is the first's too
    .replace(/\d+(?:\.\d+)?(?:\(含\))?-(?=\d+(?:\.\d+)?%)/g, '')
    .replace(/(?:满分的|分值的|该项分值的)\d+(?:\.\d+)?%|\d+(?:\.\d+)?%(?:的)?分值/g, '')
    .replace(/\d+(?:\.\d+)?分/g, '')
    .replace(/有?(?:1|一)(?:人|个|项|所|户|家|名|例|次|处)[^\d]{0,8}?(?:未|不)(?:达标|达到|合格|完成|符合)/g, '');
  let marked = /个百分点/.test(s);
  const bare: Dec[] = [];
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(%|个百分点)?/g)) {
    if (m[2]) marked = true;
    else if (!d(m[1]!).isZero()) bare.push(d(m[1]!));
  }
  if (!bare.length) return 'percent';
  if (marked) return null;
  return bare.every((x) => x.lte(2)) ? 'ratio' : null;
}

/** Parse the 评分标准 of a line; null when it is not a rule the engine is sure of. */
/** Rules read lately, by their text and 分值: a workbook checked again (a live re-check) states the same 评分标准, and
 *  reading one takes dozens of patterns. The rules are shared: nothing changes one once read. A size cap that clears. */
const ruleCache = new Map<string, ScoreRule | null>();
const RULE_CACHE_LIMIT = 2048;

export function parseRule(text: string | undefined, max?: Dec): ScoreRule | null {
  if (!text) return null;
  const key = `${max ? max.toString() : ''}\u0000${text}`;
  let r = ruleCache.get(key);
  if (r === undefined) {
    r = readRule(text, max);
    if (ruleCache.size >= RULE_CACHE_LIMIT) ruleCache.clear();
    ruleCache.set(key, r);
  }
  return r;
}

function readRule(text: string, max?: Dec): ScoreRule | null {
  let t = normRuleText(text);
  if (/无结余[,，]?(?:计|得)?\d/.test(t) && /不超过上年结转/.test(t)) {
    const none = /无结余[,，]?(?:计|得)?(\d+(?:\.\d+)?)分/.exec(t);
    const within = /不超过上年结转[,，]?(?:计|得)?(\d+(?:\.\d+)?)分/.exec(t);
    const above = /(?:结余)?超过上年结转[,，]?(?:计|得)?(\d+(?:\.\d+)?)分/.exec(t.replace(/不超过上年结转/g, ''));
    if (none && within) return { kind: 'balance', none: d(none[1]!), withinCarry: d(within[1]!), aboveCarry: above ? d(above[1]!) : new Dec(0) };
    return null;
  }
  const count = parseCount(t, max);
  if (count !== undefined) return count;
  const prop = parseProportional(t, max);
  if (prop !== undefined) return prop;
  // a threshold in words: "决算数不超过预算数的得满分" is 决算 ÷ 预算 ≤ 100 %
  t = t
    .replace(/(?:决算数?|实际支出数?|支出数?|执行数)?(?:不超过|未超过|不超出|未超出|不高于)(?:年初|调整后)?预算(?:数|金额)?(?:以内|范围内)?/g, '≤100%')
    .replace(/(^|[,，;；。])(?:决算数?|实际支出数?|支出数?|执行数)?(?:超过|超出|高于)(?:年初|调整后)?预算(?:数|金额)?(?!\d)/g, '$1>100%');
  const scale = scaleOf(t);
  if (!scale) return null;
  // a deviation (偏差率, 偏离度, 误差率) read one-sided: its sign is not written, so a negative value is not scored
  const signless = /偏差|偏离|误差/.test(t);
  const deduct = scale === 'percent' ? parseDeduct(t, max) : null;
  if (deduct) return signless && deduct.kind === 'deduct' && deduct.bad !== 'both' ? { ...deduct, signless } : deduct;
  if (DEDUCTION.test(t) || /每.{0,12}扣/.test(t)) return null; // a deduction the grammar could not place
  const bands = parseBands(t.replace(/^以\d+(?:\.\d+)?%?为(?:标准|基准)[,，。;；]?/, '').replace(/扣完为止|为止/g, ''), max, true, scale);
  if (!bands || bands.kind !== 'bands') return bands;
  return { ...bands, ...(scale === 'ratio' ? { scale } : {}), ...(signless && !bands.bands.some((b) => b.abs) ? { signless } : {}) };
}

function parseBands(t: string, max: Dec | undefined, single = false, scale: RateScale = 'percent'): ScoreRule | null {
  const outs = outcomes(t);
  if (!outs.length) return null;
  const bands: Band[] = [];
  let from = 0;
  for (const o of outs) {
    // a definition or preamble before the first clause ("满意度=满意人数÷调查人数×100%。") is not its condition
    const seg = t.slice(from, o.at);
    const cut = Math.max(seg.lastIndexOf('。'), seg.lastIndexOf('；'), seg.lastIndexOf(';'));
    // every clause is read: words between two clauses that are no condition leave the text to people
    if (from > 0 && cut >= 0 && /[\d\u4e00-\u9fff]/.test(seg.slice(0, cut))) return null;
    const own = cut >= 0 ? seg.slice(cut + 1) : seg;
    // a proportion without a figure of its own ("按完成比例计算得分，低于60%不得分"): checked below
    const cond = o.prop && !/[\d≥≤<>=%]|大于|小于|低于|高于|超过|以上|以下|不足|未达|达到/.test(own) ? { loIncl: false, hiIncl: false } : parseCondition(own);
    const points = pointsOf(o, max);
    if (!cond || !points) return null;
    if (max && points.gt(max)) return null;
    if (o.prop && o.prop !== 'forward') return null;
    bands.push({ ...cond, points, ...(o.prop ? { prop: true } : {}) });
    from = o.end;
  }
  // what follows the last outcome must be nothing but punctuation
  if (/[\d\u4e00-\u9fff]/.test(t.slice(from).replace(/[;；。,，]/g, ''))) return null;
  const real = bands.filter((b) => !b.otherwise);
  if (!real.length || (bands.length < 2 && !single)) return null;
  // a proportion alone is read by parseProportional; beside bands with figures, one without a figure ("按完成比例
  // 计算得分，低于60%不得分") holds wherever they do not
  const loose = bands.filter((b) => b.prop && !b.otherwise && b.lo === undefined && b.hi === undefined && !b.abs);
  if (loose.length > 1 || bands.some((b) => b.prop && b.otherwise)) return null;
  if (loose.length === 1) {
    if (bands.some((b) => b.otherwise) || !bands.some((b) => !b.prop)) return null;
    loose[0]!.otherwise = true;
  }
  // deviations either way stand alone (with 其他), never beside one-sided bands
  if (bands.some((b) => b.abs) && bands.some((b) => !b.abs && !b.otherwise)) return null;
  // a proportional band must agree with the bands beside it: no more than a band above it gives at its top, no
  // less than a band below it at its bottom ("90%≤完成率<100%得8分；<90%按比例": 89 % would give 8.9 > 8, so
  // 按比例 means something else there)
  const unit = scale === 'ratio' ? new Dec(1) : new Dec(100);
  for (const p of bands.filter((b) => b.prop)) {
    for (const b of bands) {
      if (b.prop || b.otherwise || b.abs) continue;
      // a proportion holding wherever the others do not meets each of them at its end
      const top = p.otherwise ? b.lo : p.hi;
      const bottom = p.otherwise ? b.hi : p.lo;
      if (b.lo !== undefined && top !== undefined && b.lo.gte(top) && b.points.lt(p.points.times(top).div(unit))) return null;
      if (b.hi !== undefined && bottom !== undefined && b.hi.lte(bottom) && b.points.gt(p.points.times(bottom).div(unit))) return null;
    }
  }
  // "有1人不达标，该项不得分" beside "100%计满分" only
  if (bands.some((b) => b.allOrNothing)) {
    const hundred = bands.filter((b) => !b.allOrNothing && b.lo?.eq(100) && b.loIncl && (b.hi === undefined || b.hi.eq(100)));
    if (bands.length !== 2 || hundred.length !== 1) return null;
  }
  return { kind: 'bands', bands };
}

const fmt = (x: Dec): string => x.toFixed();

function bandRange(b: Band, lang: 'zh' | 'en', u = '%'): string {
  if (b.otherwise) return lang === 'zh' ? '其他' : 'otherwise';
  if (b.abs) return lang === 'zh' ? `绝对值≤${fmt(b.hi!)}${u}` : `|x|≤${fmt(b.hi!)}${u}`;
  const incl = lang === 'zh' ? '(含)' : ' incl.';
  if (b.lo !== undefined && b.hi !== undefined) {
    return b.lo.eq(b.hi) ? `=${fmt(b.lo)}${u}` : `${fmt(b.lo)}${u}${b.loIncl ? incl : ''}–${fmt(b.hi)}${u}${b.hiIncl ? incl : ''}`;
  }
  if (b.lo !== undefined) return `${b.loIncl ? '≥' : '>'}${fmt(b.lo)}${u}`;
  return `${b.hiIncl ? '≤' : '<'}${fmt(b.hi!)}${u}`;
}

function bandText(b: Band, lang: 'zh' | 'en', u = '%'): string {
  const range = bandRange(b, lang, u);
  if (b.prop) return lang === 'zh' ? `${range}得分 = 完成率 × 分值${fmt(b.points)}分` : `${range}: rate × ${fmt(b.points)}`;
  return lang === 'zh' ? `${range}得${fmt(b.points)}分` : `${range}: ${fmt(b.points)}`;
}

/** A band as a sentence (for the working). */
export function describeBand(b: Band, lang: 'zh' | 'en' = 'zh', scale: RateScale = 'percent'): string {
  return bandText(b, lang, scale === 'ratio' ? '' : '%');
}

/** The unit of a count rule as written ("例", "人", "万元"). */
function countStep(r: Extract<ScoreRule, { kind: 'cases' }>, lang: 'zh' | 'en'): string {
  if (!r.unit) return lang === 'zh' ? '每出现一例' : 'each case';
  return lang === 'zh' ? `每${r.verb ?? ''}${fmt(r.step ?? new Dec(1))}${r.unit.unit}` : `each ${fmt(r.step ?? new Dec(1))} ${unitEn(r.unit)}`;
}

/** The rule as a sentence, so a person can see what was understood. */
export function describeRule(r: ScoreRule, lang: 'zh' | 'en' = 'zh'): string {
  switch (r.kind) {
    case 'deduct': {
      const one = r.step.eq(1);
      const partial = one ? '' : r.partial === 'whole'
        ? (lang === 'zh' ? '（不足一档不扣）' : ' (a part of a step costs nothing)')
        : r.partial === 'ceil' ? (lang === 'zh' ? '（不足一档按一档扣）' : ' (a part of a step counts whole)') : (lang === 'zh' ? '（按比例扣）' : ' (pro rata)');
      const cap = r.maxDeduct ? (lang === 'zh' ? `，最多扣${fmt(r.maxDeduct)}分` : `, at most ${fmt(r.maxDeduct)} off`) : '';
      const floors = (r.floors ?? []).map((b) => (lang === 'zh' ? `；${bandText(b, lang)}` : `; ${bandText(b, lang)}`)).join('');
      if (r.bad === 'both') {
        const tol = r.tolerance ?? new Dec(0);
        const [lo, hi] = [fmt(r.threshold.minus(tol)), fmt(r.threshold.plus(tol))];
        const where = r.threshold.isZero() && !tol.isZero()
          ? { zh: `绝对值不超过${fmt(tol)}%`, en: `within ±${fmt(tol)}%` }
          : tol.isZero() ? { zh: `=${fmt(r.threshold)}%`, en: `at ${fmt(r.threshold)}%` } : { zh: `${lo}%–${hi}%`, en: `from ${lo}% to ${hi}%` };
        return lang === 'zh'
          ? `${where.zh}得${fmt(r.full)}分；每${tol.isZero() ? '偏离' : '超出'}${fmt(r.step)}个百分点（高低两侧）扣${fmt(r.perPoint)}分${partial}${cap || '，扣完为止'}`
          : `${fmt(r.full)} points ${where.en}; ${fmt(r.perPoint)} off for each ${one ? 'point' : `${fmt(r.step)} points`} beyond, either way${partial}${cap || ', down to 0'}`;
      }
      return lang === 'zh'
        ? `${r.bad === 'above' ? '不超过' : '不低于'}${fmt(r.threshold)}%得${fmt(r.full)}分；每${r.bad === 'above' ? '超过' : '低于'}${fmt(r.step)}个百分点扣${fmt(r.perPoint)}分${partial}${cap || '，扣完为止'}${floors}`
        : `${fmt(r.full)} points at ${r.bad === 'above' ? 'or below' : 'or above'} ${fmt(r.threshold)}%; ${fmt(r.perPoint)} off for each ${one ? 'point' : `${fmt(r.step)} points`} ${r.bad === 'above' ? 'above' : 'below'}${partial}${cap || ', down to 0'}${floors}`;
    }
    case 'bands': {
      const u = r.scale === 'ratio' ? '' : '%';
      return r.bands.map((b) => bandText(b, lang, u)).join(lang === 'zh' ? '；' : '; ');
    }
    case 'proportional':
      if (r.target) {
        const tv = `${fmt(r.target.value)}${r.target.unit.unit}`;
        return lang === 'zh' ? `得分 = 实际完成值 ÷ 目标值${tv} × 分值${fmt(r.full)}分，最高${fmt(r.full)}分` : `score = value ÷ target ${fmt(r.target.value)} ${unitEn(r.target.unit)} × ${fmt(r.full)}, at most ${fmt(r.full)}`;
      }
      if (r.inverse) return lang === 'zh' ? `得分 = 分值${fmt(r.full)}分 ÷ 完成率，最高${fmt(r.full)}分` : `score = ${fmt(r.full)} ÷ rate, at most ${fmt(r.full)}`;
      return lang === 'zh' ? `得分 = 完成率 × 分值${fmt(r.full)}分，最高${fmt(r.full)}分` : `score = rate × ${fmt(r.full)}, at most ${fmt(r.full)}`;
    case 'balance':
      return lang === 'zh'
        ? `无结余得${fmt(r.none)}分；有结余但不超过上年结转得${fmt(r.withinCarry)}分；超过上年结转得${fmt(r.aboveCarry)}分`
        : `no balance: ${fmt(r.none)}; a balance within last year's carry-over: ${fmt(r.withinCarry)}; above it: ${fmt(r.aboveCarry)}`;
    case 'cases': {
      const cap = r.maxDeduct ? (lang === 'zh' ? `，最多扣${fmt(r.maxDeduct)}分` : `, at most ${fmt(r.maxDeduct)} off`) : (lang === 'zh' ? '，扣完为止' : ', down to 0');
      return lang === 'zh' ? `满分${fmt(r.full)}分，${countStep(r, lang)}扣${fmt(r.perCase)}分${cap}` : `${fmt(r.full)} points, ${fmt(r.perCase)} off for ${countStep(r, lang)}${cap}`;
    }
  }
}

export interface RateScore {
  points: Dec;
  /** for a deduction: how far on the bad side, and how many steps were charged */
  overBy?: Dec;
  steps?: Dec;
  band?: Band;
  /** the rate sits on a boundary the text leaves open (80%-90% and 90%-100%, neither with 含), or outside every
   *  band the text writes ("大于90%得满分" at 85 %): no score */
  ambiguous?: boolean;
}

/** The points of a band at a rate: its points, or 分值 × rate for a proportional band. */
function bandPoints(b: Band, rate: Dec, scale: RateScale | undefined): Dec {
  if (!b.prop) return b.points;
  const p = b.points.times(rate).div(scale === 'ratio' ? 1 : 100);
  return p.isNegative() ? new Dec(0) : p.gt(b.points) ? b.points : p;
}

/** Apply a rate rule to a rate in its scale (percent points, or a ratio for a ratio rule). */
export function applyRate(r: Extract<ScoreRule, { kind: 'deduct' | 'bands' | 'proportional' }>, rate: Dec): RateScore {
  if (r.kind === 'proportional') {
    if (r.inverse) {
      if (!rate.gt(0)) return { points: new Dec(0), ambiguous: true };
      const p = r.full.times(100).div(rate);
      return { points: p.gt(r.full) ? r.full : p };
    }
    const p = r.full.times(rate).div(100);
    return { points: p.isNegative() ? new Dec(0) : p.gt(r.full) ? r.full : p };
  }
  if (r.signless && rate.isNegative()) return { points: new Dec(0), ambiguous: true };
  if (r.kind === 'deduct') {
    const over = r.bad === 'both' ? rate.minus(r.threshold).abs().minus(r.tolerance ?? 0) : r.bad === 'above' ? rate.minus(r.threshold) : r.threshold.minus(rate);
    if (over.lte(0)) return { points: r.full };
    for (const f of r.floors ?? []) {
      const loOk = f.lo === undefined || (f.loIncl ? rate.gte(f.lo) : rate.gt(f.lo));
      const hiOk = f.hi === undefined || (f.hiIncl ? rate.lte(f.hi) : rate.lt(f.hi));
      if (loOk && hiOk) return { points: f.points, band: f, overBy: over };
    }
    const raw = over.div(r.step);
    const steps = r.partial === 'pro-rata' ? raw : r.partial === 'ceil' ? raw.ceil() : raw.floor();
    let ded = steps.times(r.perPoint);
    if (r.maxDeduct && ded.gt(r.maxDeduct)) ded = r.maxDeduct;
    const p = r.full.minus(ded);
    return { points: p.isNegative() ? new Dec(0) : p, overBy: over, steps };
  }
  const inBand = (b: Band): boolean => {
    if (b.otherwise) return false;
    const x = b.abs ? rate.abs() : rate;
    const loOk = b.lo === undefined || (b.loIncl ? x.gte(b.lo) : x.gt(b.lo));
    const hiOk = b.hi === undefined || (b.hiIncl ? x.lte(b.hi) : x.lt(b.hi));
    return loOk && hiOk;
  };
  const at = (b: Band): RateScore => ({ points: bandPoints(b, rate, r.scale), band: b });
  const hits = r.bands.filter(inBand);
  if (hits.length === 1 || (hits.length > 1 && hits.every((b) => bandPoints(b, rate, r.scale).eq(bandPoints(hits[0]!, rate, r.scale))))) return at(hits[0]!);
  if (hits.length > 1) {
    // a figure claimed by a band's explicit end (含, ≥, ≤) and by another's 以上/以下 reading: the explicit one
    const firm = hits.filter((b) => !(b.soft && ((b.lo !== undefined && b.lo.eq(rate)) || (b.hi !== undefined && b.hi.eq(rate)))));
    if (firm.length === 1) return at(firm[0]!);
    // overlapping open bands ("≥90%得2分，≥95%得3分，≥98%得4分"): the tightest bound the rate reaches applies;
    // any other overlap the text leaves open
    if (hits.every((b) => b.lo !== undefined && b.hi === undefined && !b.prop)) return at(hits.reduce((a, b) => (b.lo!.gt(a.lo!) ? b : a)));
    if (hits.every((b) => b.hi !== undefined && b.lo === undefined && !b.prop)) return at(hits.reduce((a, b) => (b.hi!.lt(a.hi!) ? b : a)));
    return { points: new Dec(0), ambiguous: true };
  }
  // on a boundary no band claims ("80%-90%" and "90%-100%" without 含): the text does not say
  const onEdge = r.bands.some((b) => !b.otherwise && ((b.lo !== undefined && !b.loIncl && b.lo.eq(rate)) || (b.hi !== undefined && !b.hiIncl && b.hi.eq(rate))));
  if (onEdge) return { points: new Dec(0), ambiguous: true };
  const other = r.bands.find((b) => b.otherwise);
  if (other) return at(other);
  // outside every band the text writes: it does not say
  return { points: new Dec(0), ambiguous: true };
}
