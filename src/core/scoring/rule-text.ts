/**
 * Reading a 评分标准 text into a scoring rule the engine is sure of — a small grammar, not a list of whole-text
 * patterns. The text is normalised (full-width forms, ≦ ≧, quotes, dashes, Chinese numerals in "一个百分点"),
 * then read as a sequence of clauses, each a CONDITION and an OUTCOME:
 *
 *   condition  := comparator number[%] | number[%][(含)] 以上|以下 | number[%][(含)] - number[%][(含)]
 *                 | number[%] (a bare figure: equality) | 否则/其他/其余 (everything else)
 *                 comparators: ≥ > ≤ < = 大于(等于) 高于 超过 不低于 不少于 达到 小于(等于) 低于 不足 未达到 不超过 等于 …
 *   outcome    := 计|得 N 分 | 满分 | 不得分 | 一半分值 | 分值的 N% | N% 分值
 *   deduction  := 每 [超过|高于|低于|减少 …] [N%] step 扣 N 分   (step: 一个百分点, N 个百分点, N%)
 *   proportion := 按(实际)完成比例(计算)得分 | 得分 = 完成率 × 分值 | 完成率 × 分值 …
 *
 * and assembled into one of the rules below. A deduction takes its threshold from its own text ("每低于100%一个
 * 百分点"), from the clause giving full points ("≤100%，计5分", "=100%，计3分", "100%以下（含）计满分") or from a
 * "以100%为标准" preamble; its direction from its verb, or else from that clause's comparator. Anything the grammar
 * does not read whole — a checklist ("已制定…计1分；…健全，计1分"), a clause whose condition is no figure, a
 * verb that contradicts its threshold — is left to people ("需人工评分"): the engine never guesses.
 *
 * Partial steps (a deduction per 5 %, and 4 % short): where the text says "不足5%按5%计" (or 不足一档按一档) a
 * partial step counts whole; where it says 按比例 it counts pro rata; where it says nothing, a step of one
 * percentage point counts pro rata (74.41 points over × 0.5, as the templates' own examples compute) and a wider
 * step counts whole steps only — the working says which.
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
}

export type ScoreRule =
  /** full points on the good side of the threshold; each `step` points beyond it on the bad side costs perStep */
  | {
    kind: 'deduct'; bad: 'above' | 'below'; threshold: Dec; full: Dec; perPoint: Dec; step: Dec; partial: 'pro-rata' | 'whole' | 'ceil';
    /** at most this much is deducted ("最多扣3分", "最低得2分") */
    maxDeduct?: Dec;
    /** clauses after the deduction that set the score further out ("低于80%不得分"), all on the bad side */
    floors?: Band[];
  }
  | { kind: 'bands'; bands: Band[] }
  /** 分值 × rate ÷ 100, at most 分值 */
  | { kind: 'proportional'; full: Dec }
  | { kind: 'balance'; none: Dec; withinCarry: Dec; aboveCarry: Dec }
  | { kind: 'cases'; full: Dec; perCase: Dec };

const NUM = '(\\d+(?:\\.\\d+)?)';
const d = (s: string): Dec => new Dec(s);

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

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
    .replace(/([一二两三四五六七八九十])(?=个百分点|个点)/g, (m) => String(CN_DIGITS[m] ?? m))
    .replace(/百分之(\d+(?:\.\d+)?)/g, '$1%')
    .replace(/不得分|不计分|得0分|计0分|零分/g, '计0分')
    .replace(/(\d)个点/g, '$1个百分点');
}

// ———————————————————————————— outcomes ————————————————————————————

/** An outcome and where it stands in the text: points, or a share of the 分值. */
interface Outcome {
  at: number;
  end: number;
  points?: Dec;
  /** a share of the 分值 (满分 = 1, 一半分值 = 0.5) */
  share?: Dec;
}

const OUTCOME = new RegExp([
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
    else if (/满分/.test(s)) o.share = new Dec(1);
    else if (/一半|半分/.test(s)) o.share = new Dec(0.5);
    else if (m[2] ?? m[3]) o.share = d(m[2] ?? m[3]!).div(100);
    else o.points = d(m[4]!);
    // "扣0.5分" is a deduction, not an outcome; "每…扣" is read by the deduction
    if (/扣(?:减)?$/.test(t.slice(Math.max(0, o.at - 2), o.at))) continue;
    out.push(o);
  }
  return out;
}

function pointsOf(o: Outcome, max: Dec | undefined): Dec | undefined {
  if (o.points) return o.points;
  return max ? max.times(o.share!) : undefined;
}

// ———————————————————————————— conditions ————————————————————————————

type Cond = Omit<Band, 'points'>;

const CMP_WORDS = '≥|≤|<|>|=|大于等于|小于等于|大于|小于|高于|低于|超过|超出|不足|未达到|未达|不超过|不高于|不低于|不少于|达到|达|等于';

/** The condition of a clause: the figures and how they bound the rate; null when it is no figure. */
export function parseCondition(raw: string): Cond | null {
  // leading words (the indicator's name, "执行率", "完成率") up to the comparator or the first figure go
  let c = raw.replace(/[,，:：、]+$/g, '').replace(/^[,，;；。:：、]+/, '');
  if (/^(否则|其他|其余|其它|以外|除此之外|其他情况|其余情况)/.test(c)) return { otherwise: true, loIncl: false, hiIncl: false };
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

const UP = /超过|超出|高于|增加|上升|增长|多/;
const DEDUCTION = new RegExp(
  `每(超过|超出|高于|增加|上升|增长|多|减少|低于|下降|降低|少于|少|低|减)?(?:${NUM}%(?=\\d|个))?(?:${NUM}(个百分点|%)|(个百分点))[,，]?(?:则)?(?:扣(?:减)?|减)${NUM}分`,
);

/** A deduction and its threshold, direction and step; null when the text has none or it does not add up. */
function parseDeduct(t: string, max: Dec | undefined): ScoreRule | null {
  const m = DEDUCTION.exec(t);
  if (!m) return null;
  const verb = m[1];
  // what this reading cannot hold, so the engine does not guess: a deduction both ways ("每超过或低于"), a cap on
  // the deduction ("最多扣3分"), a second deduction, more clauses with points after it ("低于80%不得分")
  if (/或(?:超过|超出|高于|低于|减少|增加|下降)|偏离|上下浮动/.test(t)) return null;
  if (DEDUCTION.test(t.slice(m.index + m[0].length))) return null;
  const capText = new RegExp(`(?:最多扣|最高扣|扣分不超过|扣分最多为?|最多扣减)${NUM}分|(?:最低得|最少得|最低计)${NUM}分`).exec(t);
  if (!capText && /最多扣|最高扣|扣分不超过|扣分最多|最低得|最少得|扣满\d/.test(t)) return null;
  // clauses with points after the deduction: floors further out on the bad side, each a condition and points
  const tail = t.slice(m.index + m[0].length).replace(capText?.[0] ?? '\u0000', '').replace(/扣完为止|为止/g, '');
  const floors: Band[] = [];
  if (outcomes(tail).length) {
    const read = parseBands(tail, max, true);
    if (!read || read.kind !== 'bands') return null;
    floors.push(...read.bands);
  }
  const step = m[5] ? new Dec(1) : d(m[3]!);
  const perPoint = d(m[6]!);
  if (step.isZero()) return null;
  let threshold = m[2] ? d(m[2]) : undefined;
  let bad: 'above' | 'below' | undefined = verb ? (UP.test(verb) ? 'above' : 'below') : undefined;
  // the clause that gives full points, before the deduction
  const before = t.slice(0, m.index);
  let full: Dec | undefined;
  const outs = outcomes(before);
  if (outs.length > 1) return null; // bands and a deduction together: not a reading the engine is sure of
  const last = outs[outs.length - 1];
  if (last) {
    const clauses = before.slice(0, last.at).split(/[;；。]/);
    const cond = parseCondition(clauses[clauses.length - 1] ?? '');
    full = pointsOf(last, max);
    if (cond && !cond.otherwise) {
      const equal = cond.lo !== undefined && cond.hi !== undefined && cond.lo.eq(cond.hi);
      const side: 'above' | 'below' | undefined = equal ? undefined : cond.hi !== undefined && cond.lo === undefined ? 'above' : cond.lo !== undefined && cond.hi === undefined ? 'below' : undefined;
      const at = equal ? cond.lo : cond.hi ?? cond.lo;
      if (!equal && !side) return null; // a range gives full points: not a threshold
      if (side && bad && side !== bad) return null; // "≥95% 满分；每超过1个百分点扣" contradicts itself
      bad = bad ?? side;
      if (threshold && at && !threshold.eq(at)) return null;
      threshold = threshold ?? at;
    } else if (!cond) return null;
  }
  const standard = new RegExp(`以${NUM}%?为(?:标准|基准|满分标准)`).exec(t);
  if (!threshold && standard) threshold = d(standard[1]!);
  full = full ?? max;
  if (!threshold || !full || !bad) return null;
  if (max && full.gt(max)) return null;
  // a floor must lie wholly beyond the threshold on the bad side ("低于80%不得分" under "≥95%满分，每低1个百分点扣")
  for (const f of floors) {
    if (f.otherwise) return null;
    const beyond = bad === 'below' ? f.lo === undefined && f.hi !== undefined && f.hi.lte(threshold) : f.hi === undefined && f.lo !== undefined && f.lo.gte(threshold);
    if (!beyond) return null;
  }
  const maxDeduct = capText ? (capText[1] ? d(capText[1]) : full.minus(d(capText[2]!))) : undefined;
  if (maxDeduct && (maxDeduct.isNegative() || maxDeduct.gt(full))) return null;
  const after = t.slice(m.index + m[0].length);
  const partial: 'pro-rata' | 'whole' | 'ceil' = /不足(?:\d+(?:\.\d+)?%|一档|1档|\d+个百分点)(?:的)?按(?:\d+(?:\.\d+)?%|一档|1档|\d+个百分点)(?:计|扣)/.test(t)
    ? 'ceil'
    : /按比例(?:扣|计)/.test(after) || step.eq(1) ? 'pro-rata' : 'whole';
  return { kind: 'deduct', bad, threshold, full, perPoint, step, partial, ...(maxDeduct ? { maxDeduct } : {}), ...(floors.length ? { floors } : {}) };
}

// ———————————————————————————— the whole text ————————————————————————————

const PROPORTIONAL = /按(?:实际)?(?:完成|执行|达成)?(?:比例|比率|率)(?:计算)?(?:得分|计分|给分|赋分)|得分=.*(?:率|比例)(?:×|\*|乘以)(?:该项|该指标)?(?:分值|权重)|(?:完成率|执行率|达成率|完成比例|实现率)(?:×|\*|乘以)(?:该项|该指标)?(?:分值|权重)|按(?:实际)?完成(?:比例|情况)(?:计算)?得分/;

/** Parse the 评分标准 of a line; null when it is not a rule the engine is sure of. */
export function parseRule(text: string | undefined, max?: Dec): ScoreRule | null {
  if (!text) return null;
  const t = normRuleText(text);
  // a deviation either way ("偏差率在±5%以内", "绝对值") is not a one-sided rate: left to people
  if (/±|\+-|正负|绝对值/.test(t)) return null;
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
  if (PROPORTIONAL.test(t)) return max ? { kind: 'proportional', full: max } : null;
  if (DEDUCTION.test(t) || /每.{0,12}扣/.test(t)) return null; // a deduction the grammar could not place
  return parseBands(t.replace(/^以\d+(?:\.\d+)?%?为(?:标准|基准)[,，。;；]?/, '').replace(/扣完为止|为止/g, ''), max);
}

function parseBands(t: string, max: Dec | undefined, single = false): ScoreRule | null {
  const outs = outcomes(t);
  if (!outs.length) return null;
  const bands: Band[] = [];
  let from = 0;
  for (const o of outs) {
    // a definition or preamble before the first clause ("满意度=满意人数÷调查人数×100%。") is not its condition
    const seg = t.slice(from, o.at);
    const cut = Math.max(seg.lastIndexOf('。'), seg.lastIndexOf('；'), seg.lastIndexOf(';'));
    const cond = parseCondition(cut >= 0 ? seg.slice(cut + 1) : seg);
    const points = pointsOf(o, max);
    if (!cond || !points) return null;
    if (max && points.gt(max)) return null;
    bands.push({ ...cond, points });
    from = o.end;
  }
  // what follows the last outcome must be nothing but punctuation
  if (/[\d\u4e00-\u9fff]/.test(t.slice(from).replace(/[;；。,，]/g, ''))) return null;
  const real = bands.filter((b) => !b.otherwise);
  if (!real.length || (bands.length < 2 && !single)) return null;
  return { kind: 'bands', bands };
}

const fmt = (x: Dec): string => x.toFixed();

function bandRange(b: Band, lang: 'zh' | 'en'): string {
  if (b.otherwise) return lang === 'zh' ? '其他' : 'otherwise';
  const incl = lang === 'zh' ? '(含)' : ' incl.';
  if (b.lo !== undefined && b.hi !== undefined) {
    return b.lo.eq(b.hi) ? `=${fmt(b.lo)}%` : `${fmt(b.lo)}%${b.loIncl ? incl : ''}–${fmt(b.hi)}%${b.hiIncl ? incl : ''}`;
  }
  if (b.lo !== undefined) return `${b.loIncl ? '≥' : '>'}${fmt(b.lo)}%`;
  return `${b.hiIncl ? '≤' : '<'}${fmt(b.hi!)}%`;
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
      const floors = (r.floors ?? []).map((b) => (lang === 'zh' ? `；${bandRange(b, lang)}得${fmt(b.points)}分` : `; ${bandRange(b, lang)}: ${fmt(b.points)}`)).join('');
      return lang === 'zh'
        ? `${r.bad === 'above' ? '不超过' : '不低于'}${fmt(r.threshold)}%得${fmt(r.full)}分；每${r.bad === 'above' ? '超过' : '低于'}${fmt(r.step)}个百分点扣${fmt(r.perPoint)}分${partial}${cap || '，扣完为止'}${floors}`
        : `${fmt(r.full)} points at ${r.bad === 'above' ? 'or below' : 'or above'} ${fmt(r.threshold)}%; ${fmt(r.perPoint)} off for each ${one ? 'point' : `${fmt(r.step)} points`} ${r.bad === 'above' ? 'above' : 'below'}${partial}${cap || ', down to 0'}${floors}`;
    }
    case 'bands':
      return r.bands.map((b) => (lang === 'zh' ? `${bandRange(b, lang)}得${fmt(b.points)}分` : `${bandRange(b, lang)}: ${fmt(b.points)}`)).join(lang === 'zh' ? '；' : '; ');
    case 'proportional':
      return lang === 'zh' ? `得分 = 完成率 × 分值${fmt(r.full)}分，最高${fmt(r.full)}分` : `score = rate × ${fmt(r.full)}, at most ${fmt(r.full)}`;
    case 'balance':
      return lang === 'zh'
        ? `无结余得${fmt(r.none)}分；有结余但不超过上年结转得${fmt(r.withinCarry)}分；超过上年结转得${fmt(r.aboveCarry)}分`
        : `no balance: ${fmt(r.none)}; a balance within last year's carry-over: ${fmt(r.withinCarry)}; above it: ${fmt(r.aboveCarry)}`;
    case 'cases':
      return lang === 'zh' ? `满分${fmt(r.full)}分，每出现一例扣${fmt(r.perCase)}分，扣完为止` : `${fmt(r.full)} points, ${fmt(r.perCase)} off for each case, down to 0`;
  }
}

export interface RateScore {
  points: Dec;
  /** for a deduction: how far on the bad side, and how many steps were charged */
  overBy?: Dec;
  steps?: Dec;
  band?: Band;
  /** the rate sits on a boundary the text leaves open (80%-90% and 90%-100%, neither with 含): no score */
  ambiguous?: boolean;
}

/** Apply a rate rule to a rate in percent points. */
export function applyRate(r: Extract<ScoreRule, { kind: 'deduct' | 'bands' | 'proportional' }>, rate: Dec): RateScore {
  if (r.kind === 'proportional') {
    const p = r.full.times(rate).div(100);
    return { points: p.isNegative() ? new Dec(0) : p.gt(r.full) ? r.full : p };
  }
  if (r.kind === 'deduct') {
    const over = r.bad === 'above' ? rate.minus(r.threshold) : r.threshold.minus(rate);
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
    const loOk = b.lo === undefined || (b.loIncl ? rate.gte(b.lo) : rate.gt(b.lo));
    const hiOk = b.hi === undefined || (b.hiIncl ? rate.lte(b.hi) : rate.lt(b.hi));
    return loOk && hiOk;
  };
  const hits = r.bands.filter(inBand);
  if (hits.length === 1 || (hits.length > 1 && hits.every((b) => b.points.eq(hits[0]!.points)))) return { points: hits[0]!.points, band: hits[0] };
  if (hits.length > 1) {
    // a figure claimed by a band's explicit end (含, ≥, ≤) and by another's 以上/以下 reading: the explicit one
    const firm = hits.filter((b) => !(b.soft && ((b.lo !== undefined && b.lo.eq(rate)) || (b.hi !== undefined && b.hi.eq(rate)))));
    if (firm.length === 1) return { points: firm[0]!.points, band: firm[0] };
    // overlapping open bands ("≥90%得2分，≥95%得3分，≥98%得4分"): the tightest bound the rate reaches applies;
    // any other overlap the text leaves open
    if (hits.every((b) => b.lo !== undefined && b.hi === undefined)) {
      const best = hits.reduce((a, b) => (b.lo!.gt(a.lo!) ? b : a));
      return { points: best.points, band: best };
    }
    if (hits.every((b) => b.hi !== undefined && b.lo === undefined)) {
      const best = hits.reduce((a, b) => (b.hi!.lt(a.hi!) ? b : a));
      return { points: best.points, band: best };
    }
    return { points: new Dec(0), ambiguous: true };
  }
  // on a boundary no band claims ("80%-90%" and "90%-100%" without 含): the text does not say
  const onEdge = r.bands.some((b) => !b.otherwise && ((b.lo !== undefined && !b.loIncl && b.lo.eq(rate)) || (b.hi !== undefined && !b.hiIncl && b.hi.eq(rate))));
  if (onEdge) return { points: new Dec(0), ambiguous: true };
  const other = r.bands.find((b) => b.otherwise);
  if (other) return { points: other.points, band: other };
  return { points: new Dec(0) };
}
