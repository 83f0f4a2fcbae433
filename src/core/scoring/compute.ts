/**
 * Computing the scores a 评分表's quantitative lines should have: the indicator (by its name), its inputs (from
 * the recognised tables, else the 评分表's value column, else a value a person gave), the line's own 评分标准
 * read into a rule, and the working shown as a sentence.
 *
 * Rates are taken in percentage points rounded to 2 decimals, as they are reported (743 ÷ 426 = 174.41%), and a
 * deduction per percentage point applies to the fraction too (74.41 points × 0.5). Scores keep 2 decimals.
 */
import { sheetCell } from '../a1';
import { Dec, HUNDRED } from '../decimal';
import { classify, Num, shown } from '../numbers';
import { ScoreLine, ScoreTable, Table, WorkbookModel } from '../recognize/model';
import { ConceptId } from '../vocabulary';
import { IndicatorDef, indicatorKey, indicatorOf } from './indicators';
import { applyRate, CountUnit, describeBand, describeRule, parseRule, RateScale, ScoreRule, unitEn, unitOf } from './rule-text';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ScoreResult {
  table: ScoreTable;
  line: ScoreLine;
  indicator?: IndicatorDef;
  rule: ScoreRule | null;
  /** the rule read back as a sentence */
  ruleText?: Bilingual;
  status: 'computed' | 'manual' | 'needs-input';
  computed?: Dec;
  basis?: Bilingual;
  /** where the inputs came from, and their cells */
  source?: 'tables' | 'value-column' | 'user';
  inputCells: string[];
}

interface Figure {
  value: Dec;
  text: string;
  cell: string;
}

const ZERO = new Dec(0);
const r2 = (x: Dec): Dec => x.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
const s2 = (x: Dec): string => r2(x).toFixed();
const pct = (x: Dec): string => `${x.toFixed(2)}%`;

function figureOf(t: Table, row: number, col: number): Figure | undefined {
  const i = t.grid.info(row, col);
  if (i.k !== 'num') return undefined;
  const value = t.unit === '元' ? i.n.value.div(10000) : i.n.value;
  return { value, text: shown(i.n) + (t.unit === '元' ? '元' : ''), cell: sheetCell(t.sheet, row, col) };
}

/** A figure of the whole department: a budget line's budget or actual, else a total row's cell. */
function departmentFigure(model: WorkbookModel, concept: ConceptId, measure: 'budget' | 'actual'): Figure | undefined {
  const lines = model.budgetLines.filter((l) => l.concept === concept && l.table);
  const line = lines.find((l) => l.total) ?? lines[0];
  if (line) {
    const at = measure === 'budget' ? line.cells.budget : line.cells.actual;
    return figureOf(line.table!, at.row, at.col);
  }
  if (measure === 'budget') return undefined;
  for (const t of model.tables) {
    const c = t.columns.find((x) => x.role === 'number' && x.concept === concept && (!x.measure || x.measure === 'actual'));
    if (c && t.total) return figureOf(t, t.total.row, c.col);
  }
  return undefined;
}

/** Last year's "三公" spending: a column of the 三公 figures headed 上年 (上年决算数, 上年三公经费 …). */
function lastYearSangong(model: WorkbookModel): { last: Figure; now: Figure } | undefined {
  const isLast = (labels: string[]): boolean => labels.some((l) => /^上年|上年度|上一年度?|^去年/.test(l));
  for (const t of model.tables) {
    const cols = t.columns.filter((c) => c.role === 'number' && c.measure !== 'budget' && c.measure !== 'rate' && c.measure !== 'diff');
    const sangong = (c: (typeof cols)[number]): boolean => c.concept === 'sangong_total';
    // 三公 columns (a 三公 table's 汇总 row), or a row of 三公 in a list of lines
    const lastCol = cols.find((c) => sangong(c) && isLast(c.path.map((n) => n.label)));
    const nowCol = cols.find((c) => sangong(c) && !isLast(c.path.map((n) => n.label)));
    if (lastCol && nowCol && t.total) {
      const last = figureOf(t, t.total.row, lastCol.col);
      const now = figureOf(t, t.total.row, nowCol.col);
      if (last && now) return { last, now };
    }
    const row = t.rows.find((r) => /^三公(经费)?/.test(r.key));
    const lastLine = t.columns.find((c) => c.role === 'number' && isLast(c.path.map((n) => n.label)));
    const nowLine = t.columns.find((c) => c.role === 'number' && c.measure === 'actual' && !isLast(c.path.map((n) => n.label)));
    if (row && lastLine && nowLine) {
      const last = figureOf(t, row.row, lastLine.col);
      const now = figureOf(t, row.row, nowLine.col);
      if (last && now) return { last, now };
    }
  }
  return undefined;
}

/**
 * A rate in the rule's scale from a typed value, or undefined when the value is in another scale: for a rule in
 * percent, "95%", 0.95 (a fraction) or 95; for a ratio rule ("保值率≥1"), 0.97, 1 or "97%" (0.97), never 97 or 9;
 * an amount ("16.56万元") is no rate.
 */
function rateFromValue(n: Num, scale: RateScale = 'percent'): Dec | undefined {
  if (n.unit) return undefined;
  if (scale === 'ratio') {
    if (n.percent) return n.value;
    // a plain figure in the rule's own range (no more than 2, as its figures): 0.97, 1.05, 1; a whole number above
    // 1 ("9", "95") may be meant as percent points, so it is not scored
    return n.value.abs().lte(2) && (!n.value.isInteger() || n.value.abs().lte(1)) ? n.value : undefined;
  }
  if (n.percent) return n.value.times(HUNDRED);
  return n.value.abs().lte(1) && !n.value.isInteger() ? n.value.times(HUNDRED) : n.value;
}

interface Typed {
  /** the value as a number, when it is one ("95%", 2); a count with its unit ("2所", "超编2人") is text */
  num?: Num;
  text: string;
  cell?: string;
  source: 'value-column' | 'user';
}

function valueFor(st: ScoreTable, line: ScoreLine, given: Record<string, string> | undefined): Typed | undefined {
  if (st.cols.value !== undefined) {
    const i = st.grid.info(line.row, st.cols.value);
    const cell = sheetCell(st.sheet, line.row, st.cols.value);
    if (i.k === 'num') return { num: i.n, text: st.grid.shownText(line.row, st.cols.value), cell, source: 'value-column' };
    if (i.k === 'text') return { text: i.s, cell, source: 'value-column' };
  }
  const key = indicatorKey(line.name);
  const typed = given?.[key] ?? given?.[line.name] ?? given?.[sheetCell(st.sheet, line.scoreCell.row, line.scoreCell.col)];
  if (typed !== undefined) {
    const i = classify(typed);
    if (i.k === 'num') return { num: i.n, text: typed, source: 'user' };
    if (i.k === 'text') return { text: typed, source: 'user' };
  }
  return undefined;
}

const COUNT_VALUE_UNITS = '人次|人|名|个工作日|工作日|个月|个|例|次|项|处|所|家|户|件|起|条|天|日|年|月|周|万元|千元|亿元|元';
const DELAY = ['延迟', '延期', '延误', '拖延', '滞后', '推迟', '逾期', '超时', '晚', '迟'];
const OVER = ['超', '超过', '超出', '超编', '超支', '多'];

/**
 * A count in the rule's unit from a typed value ("2", "2所", "超编2人", "超支2.00万元", "延迟3天"), or undefined
 * when it is none or in another unit: the unit's class must be the rule's (money converted exactly), money must
 * say its unit, a count of things is a whole number, and words before the figure are only the rule's own verb
 * (or one of its kind) or 共/有/出现.
 */
export function countFromValue(text: string, num: Num | undefined, unit: CountUnit | undefined, verb: string | undefined): { n: Dec; unit: string } | undefined {
  const want = unit ?? { unit: '例', cls: 'items' as const };
  if (num && !num.fromText) {
    if (num.percent || num.unit || want.cls === 'money') return undefined;
    return num.value.isInteger() && !num.value.isNegative() ? { n: num.value, unit: want.unit } : undefined;
  }
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  const m = new RegExp(`^([\\u4e00-\\u9fff]{0,4}?)(\\d+(?:\\.\\d+)?)(${COUNT_VALUE_UNITS})?$`).exec(t);
  if (!m) return undefined;
  const pre = m[1]!;
  const kin = verb && OVER.includes(verb) ? OVER : verb && DELAY.includes(verb) ? DELAY : [];
  if (pre && !['共', '计', '合计', '共计', '有', '出现', '发现', ...(verb ? [verb] : []), ...kin].includes(pre)) return undefined;
  let n = new Dec(m[2]!);
  let shownUnit = want.unit;
  if (m[3]) {
    const u = unitOf(m[3]);
    if (!u || u.cls !== want.cls) return undefined;
    if (u.cls === 'money') n = n.times(u.yuan!).div(want.yuan!);
    else shownUnit = u.unit;
  } else if (want.cls === 'money') return undefined;
  if (want.cls !== 'money' && !n.isInteger()) return undefined;
  return { n, unit: shownUnit };
}

function withRate(working: Bilingual, rate: Dec, direct: boolean): Bilingual {
  return direct ? working : { zh: `${working.zh} = ${pct(rate)}`, en: `${working.en} = ${pct(rate)}` };
}

/** The scale of a rate rule: a ratio for bands written in plain numbers, else percent. */
const scaleOfRule = (r: ScoreRule): RateScale => (r.kind === 'bands' && r.scale === 'ratio' ? 'ratio' : 'percent');
/** A rate as the working writes it: "97.00%", or a ratio "0.97". */
const rateText = (x: Dec, scale: RateScale): string => (scale === 'ratio' ? x.toFixed() : pct(x));
/** Rates are rounded as reported: percent points to 2 decimals, ratios to 4. */
const roundRate = (x: Dec, scale: RateScale): Dec => x.toDecimalPlaces(scale === 'ratio' ? 4 : 2, Dec.ROUND_HALF_UP);

function deductBasis(r: Extract<ScoreRule, { kind: 'deduct' }>, rate: Dec, w: Bilingual, points: Dec, overBy?: Dec, steps?: Dec): Bilingual {
  const tol = r.tolerance ?? ZERO;
  // a deviation either way: from the threshold, beyond its tolerance
  const both = r.threshold.isZero() && !tol.isZero()
    ? { zh: '绝对值超过', en: 'in absolute value above', at: `${tol.toFixed()}%` }
    : tol.isZero() ? { zh: '偏离', en: 'off', at: `${r.threshold.toFixed()}%` } : { zh: '超出', en: 'outside', at: `${r.threshold.minus(tol).toFixed()}%–${r.threshold.plus(tol).toFixed()}%` };
  const side = r.bad === 'both' ? both : r.bad === 'above' ? { zh: '超过', en: 'above', at: `${r.threshold.toFixed()}%` } : { zh: '低于', en: 'below', at: `${r.threshold.toFixed()}%` };
  const atEn = side.at.replace('个百分点', ' points');
  if (!overBy) {
    return {
      zh: `${w.zh}，未${side.zh}${side.at} → ${s2(points)}分`,
      en: `${w.en}, not ${side.en} ${atEn} → ${s2(points)}`,
    };
  }
  const charged = steps ?? overBy;
  const ded = charged.times(r.perPoint);
  const capped = !!r.maxDeduct && ded.gt(r.maxDeduct);
  const floor = !capped && points.isZero() && ded.gt(r.full);
  const tail = capped
    ? { zh: `，最多扣${r.maxDeduct!.toFixed()}分 → ${s2(points)}分`, en: `, at most ${r.maxDeduct!.toFixed()} off → ${s2(points)}` }
    : { zh: `${floor ? '，扣完为止' : ''} → ${s2(points)}分`, en: `${floor ? ', down to 0' : ''} → ${s2(points)}` };
  if (r.step.eq(1) && r.partial === 'pro-rata') {
    return {
      zh: `${w.zh}，${side.zh}${side.at}共${s2(overBy)}个百分点 × ${r.perPoint.toFixed()} = ${s2(ded)}分${tail.zh}`,
      en: `${w.en}, ${s2(overBy)} points ${side.en} ${atEn} × ${r.perPoint.toFixed()} = ${s2(ded)}${tail.en}`,
    };
  }
  // steps wider than a point: how many steps were charged, and how a part of one was counted
  const how = r.partial === 'whole' ? { zh: '满', en: 'whole' } : r.partial === 'ceil' ? { zh: '不足一档按一档计，共', en: 'a part counting whole,' } : { zh: '按比例折合', en: 'pro rata' };
  return {
    zh: `${w.zh}，${side.zh}${side.at}共${s2(overBy)}个百分点，${how.zh}${s2(charged)}档（每档${r.step.toFixed()}%）× ${r.perPoint.toFixed()} = ${s2(ded)}分${tail.zh}`,
    en: `${w.en}, ${s2(overBy)} points ${side.en} ${atEn}: ${s2(charged)} ${how.en} step(s) of ${r.step.toFixed()}% × ${r.perPoint.toFixed()} = ${s2(ded)}${tail.en}`,
  };
}

/** `rate` is in `given` scale: percent from the workbook's inputs, the rule's own from a typed value. */
function rateResult(base: ScoreResult, rate: Dec, working: Bilingual, direct = false, given: RateScale = 'percent'): ScoreResult {
  const r = base.rule;
  if (!r || (r.kind !== 'deduct' && r.kind !== 'bands' && r.kind !== 'proportional')) return { ...base, status: 'manual' };
  const scale = scaleOfRule(r);
  const rounded = roundRate(scale === 'ratio' && given === 'percent' ? rate.div(HUNDRED) : rate, scale);
  const { points, overBy, steps, band, ambiguous } = applyRate(r, rounded);
  // a rate on a boundary the text leaves open, or outside every band it writes, gets no score: a wrong score is
  // worse than none
  if (ambiguous) return { ...base, status: 'manual' };
  const max = base.line.max?.value;
  const score = r2(max && points.gt(max) ? max : points);
  const w = withRate(working, rounded, direct);
  let basis: Bilingual;
  if (r.kind === 'deduct' && band) {
    basis = {
      zh: `${w.zh}，属“${describeBand(band)}” → ${s2(score)}分`,
      en: `${w.en}, in “${describeBand(band, 'en')}” → ${s2(score)}`,
    };
  } else if (r.kind === 'deduct') basis = deductBasis(r, rounded, w, score, overBy, steps);
  else if (r.kind === 'proportional' && r.inverse) {
    const raw = r.full.times(HUNDRED).div(rounded);
    const capped = raw.gt(r.full);
    basis = {
      zh: `${w.zh}，${r.full.toFixed()}分 × 100% ÷ ${pct(rounded)} = ${s2(raw)}分${capped ? `，最高${r.full.toFixed()}分` : ''} → ${s2(score)}分`,
      en: `${w.en}, ${r.full.toFixed()} × 100% ÷ ${pct(rounded)} = ${s2(raw)}${capped ? `, at most ${r.full.toFixed()}` : ''} → ${s2(score)}`,
    };
  } else if (r.kind === 'proportional') {
    const capped = r.full.times(rounded).div(100).gt(r.full);
    basis = {
      zh: `${w.zh}，${pct(rounded)} × ${r.full.toFixed()}分 = ${s2(r.full.times(rounded).div(100))}分${capped ? `，最高${r.full.toFixed()}分` : ''} → ${s2(score)}分`,
      en: `${w.en}, ${pct(rounded)} × ${r.full.toFixed()} = ${s2(r.full.times(rounded).div(100))}${capped ? `, at most ${r.full.toFixed()}` : ''} → ${s2(score)}`,
    };
  } else if (band?.prop) {
    const raw = band.points.times(rounded).div(scale === 'ratio' ? 1 : 100);
    basis = {
      zh: `${w.zh}，属“${describeBand(band, 'zh', scale)}”：${rateText(rounded, scale)} × ${band.points.toFixed()}分 = ${s2(raw)}分 → ${s2(score)}分`,
      en: `${w.en}, in “${describeBand(band, 'en', scale)}”: ${rateText(rounded, scale)} × ${band.points.toFixed()} = ${s2(raw)} → ${s2(score)}`,
    };
  } else {
    basis = {
      zh: `${w.zh}，${band ? `属“${describeBand(band, 'zh', scale)}”` : '不在任何一档'} → ${s2(score)}分`,
      en: `${w.en}, ${band ? `in “${describeBand(band, 'en', scale)}”` : 'in no band'} → ${s2(score)}`,
    };
  }
  return { ...base, status: 'computed', computed: score, basis };
}

/**
 * One rule applied to one rate (in percentage points) on a line of the given 分值: the score and its working, or
 * null when the rule gives none (a boundary the text leaves open). For the phrasing tests and for tools.
 */
export function scoreByRule(rule: ScoreRule, rate: Dec, max?: Dec): { score: Dec; basis: Bilingual } | null {
  const line = { max: max ? { value: max } : undefined } as unknown as ScoreLine;
  const base: ScoreResult = { table: undefined as unknown as ScoreTable, line, rule, status: 'manual', inputCells: [] };
  const scale = scaleOfRule(rule);
  const r = rateResult(base, rate, { zh: `指标值 ${rateText(roundRate(rate, scale), scale)}`, en: `value ${rateText(roundRate(rate, scale), scale)}` }, true, scale);
  return r.status === 'computed' ? { score: r.computed!, basis: r.basis! } : null;
}

/**
 * A rule applied to a value as typed ("2所", "超支2.00万元", "95%", 0.97): the score and its working, or null when
 * the value is in another scale or unit than the rule, or the rule gives none. For the phrasing tests and tools.
 */
export function scoreByValue(rule: ScoreRule, value: string | number, max?: Dec): { score: Dec; basis: Bilingual } | null {
  const line = { max: max ? { value: max } : undefined } as unknown as ScoreLine;
  const i = classify(value);
  const typed: Typed = { num: i.k === 'num' ? i.n : undefined, text: typeof value === 'string' ? value : String(value), source: 'user' };
  const r = typedResult({ table: undefined as unknown as ScoreTable, line, rule, status: 'manual', inputCells: [] }, typed);
  return r?.status === 'computed' ? { score: r.computed!, basis: r.basis! } : null;
}

/** The score of a line from its typed value; null when the rule needs inputs of another kind (资金结余). */
function typedResult(base: ScoreResult, typed: Typed): ScoreResult | null {
  const rule = base.rule!;
  const from = { source: typed.source, inputCells: typed.cell ? [typed.cell] : [] };
  const label = typed.source === 'user' ? { zh: '填报', en: 'given' } : { zh: '指标值', en: 'value' };
  if (rule.kind === 'cases') {
    const c = countFromValue(typed.text, typed.num, rule.unit, rule.verb);
    if (!c) return { ...base, status: 'manual', ...from };
    const step = rule.step ?? new Dec(1);
    const k = c.n.div(step);
    if (!k.isInteger()) return { ...base, status: 'manual', ...from }; // part of a step: the text does not say
    let ded = k.times(rule.perCase);
    const capped = !!rule.maxDeduct && ded.gt(rule.maxDeduct);
    if (capped) ded = rule.maxDeduct!;
    const score = Dec.max(ZERO, rule.full.minus(ded));
    const floor = !capped && ded.gt(rule.full);
    const tail = capped ? { zh: `，最多扣${rule.maxDeduct!.toFixed()}分`, en: `, at most ${rule.maxDeduct!.toFixed()} off` } : floor ? { zh: '，扣完为止', en: ', down to 0' } : { zh: '', en: '' };
    if (!rule.unit) {
      return {
        ...base, status: 'computed', computed: r2(score), ...from,
        basis: {
          zh: `出现 ${c.n.toFixed()} 例 × ${rule.perCase.toFixed()} = ${s2(ded)}分${tail.zh} → ${s2(score)}分`,
          en: `${c.n.toFixed()} case(s) × ${rule.perCase.toFixed()} = ${s2(ded)}${tail.en} → ${s2(score)}`,
        },
      };
    }
    const what = `${rule.verb ?? ''}${c.n.toFixed()}${c.unit}`;
    const steps = step.eq(1) ? { zh: '', en: '' } : { zh: `，${k.toFixed()}档（每档${step.toFixed()}${rule.unit.unit}）`, en: `: ${k.toFixed()} step(s) of ${step.toFixed()} ${unitEn(rule.unit)}` };
    return {
      ...base, status: 'computed', computed: r2(score), ...from,
      basis: {
        zh: `${label.zh} ${what}${steps.zh} × ${rule.perCase.toFixed()} = ${s2(ded)}分${tail.zh} → ${s2(score)}分`,
        en: `${label.en} ${c.n.toFixed()} ${unitEn(unitOf(c.unit) ?? rule.unit)}${steps.en} × ${rule.perCase.toFixed()} = ${s2(ded)}${tail.en} → ${s2(score)}`,
      },
    };
  }
  if (rule.kind === 'balance') return null;
  if (rule.kind === 'proportional' && rule.target) {
    // the value against the target in its unit ("450人次" of "目标值：500人次"), or the rate itself ("90%")
    const tv = rule.target;
    let rate: Dec | undefined;
    let working: Bilingual | undefined;
    if (typed.num?.percent && !typed.num.unit) {
      rate = typed.num.value.times(HUNDRED);
    } else if (typed.num?.unit === undefined) {
      const c = /\d/.test(typed.text) && !typed.num ? countFromValue(typed.text, undefined, tv.unit, undefined) : undefined;
      if (c) {
        rate = c.n.div(tv.value).times(HUNDRED);
        working = { zh: `${label.zh} ${c.n.toFixed()}${c.unit} ÷ 目标值 ${tv.value.toFixed()}${tv.unit.unit}`, en: `${label.en} ${c.n.toFixed()} ${unitEn(tv.unit)} ÷ target ${tv.value.toFixed()} ${unitEn(tv.unit)}` };
      }
    }
    if (!rate) return { ...base, status: 'manual', ...from };
    const w = working ?? { zh: `${label.zh} ${pct(r2(rate))}`, en: `${label.en} ${pct(r2(rate))}` };
    return rateResult({ ...base, ...from, rule: { kind: 'proportional', full: rule.full } }, rate, w, !working);
  }
  if (!typed.num) return null;
  const scale = scaleOfRule(rule);
  const rate = rateFromValue(typed.num, scale);
  if (rate === undefined) return { ...base, status: 'manual', ...from };
  const rr = roundRate(rate, scale);
  return rateResult({ ...base, ...from }, rate, { zh: `${label.zh} ${rateText(rr, scale)}`, en: `${label.en} ${rateText(rr, scale)}` }, true, scale);
}

export function computeScores(model: WorkbookModel, given?: Record<string, string>): ScoreResult[] {
  const out: ScoreResult[] = [];
  const profile = model.profiles[0];
  for (const st of model.scoreTables) {
    for (const line of st.lines) {
      const indicator = indicatorOf(line.name);
      const rule = parseRule(line.criteria, line.max?.value);
      const base: ScoreResult = {
        table: st, line, indicator, rule, status: 'manual', inputCells: [],
        ruleText: rule ? { zh: describeRule(rule, 'zh'), en: describeRule(rule, 'en') } : undefined,
      };
      if (!rule) {
        out.push(base);
        continue;
      }
      const typed = valueFor(st, line, given);
      // a count (每出现一例扣1分, 每超1人扣0.5分 …): the count is typed, in the rule's unit
      if (rule.kind === 'cases') {
        const got = typed ? typedResult(base, typed) : null;
        out.push(got && got.status === 'computed' ? got : { ...base, status: 'needs-input', ...(got ? { source: got.source, inputCells: got.inputCells } : {}) });
        continue;
      }
      if (rule.kind === 'proportional' && rule.target) {
        const got = typed ? typedResult(base, typed) : null;
        out.push(got ?? { ...base, status: 'needs-input' });
        continue;
      }
      if (rule.kind === 'balance') {
        const year = departmentBalance(model);
        if (!year) {
          out.push({ ...base, status: 'needs-input' });
          continue;
        }
        const { balance, carry } = year;
        const none = balance.value.lte(0);
        const within = !none && carry !== undefined && balance.value.lte(carry.value);
        const score = none ? rule.none : within ? rule.withinCarry : carry ? rule.aboveCarry : undefined;
        if (score === undefined) {
          out.push({ ...base, status: 'needs-input', inputCells: [balance.cell] });
          continue;
        }
        out.push({
          ...base, status: 'computed', computed: r2(score), source: 'tables', inputCells: [balance.cell, ...(carry ? [carry.cell] : [])],
          basis: {
            zh: `当年结余 ${balance.text}${carry ? `，上年结转 ${carry.text}` : ''}：${none ? '无结余' : within ? '有结余，但不超过上年结转' : '结余超过上年结转'} → ${s2(score)}分`,
            en: `balance of the year ${balance.text}${carry ? `, carried over ${carry.text}` : ''}: ${none ? 'no balance' : within ? 'within the carry-over' : 'above the carry-over'} → ${s2(score)}`,
          },
        });
        continue;
      }
      // a rate: the value on the line (its value column, or one a person typed) whatever the indicator's name;
      // without one, the inputs in the workbook that the indicator's name points to
      let result: ScoreResult | null = null;
      if (typed?.num) {
        result = typedResult(base, typed);
      } else if (indicator?.input === 'staff' && profile?.staffQuota?.num && profile.staffActual?.num && !profile.staffQuota.num.value.isZero()) {
        const q = profile.staffQuota;
        const a = profile.staffActual;
        const rate = a.num!.value.div(q.num!.value).times(HUNDRED);
        result = rateResult({ ...base, source: 'tables', inputCells: [sheetCell(profile.sheet, a.valueCell.row, a.valueCell.col), sheetCell(profile.sheet, q.valueCell.row, q.valueCell.col)] }, rate,
          { zh: `实有人数 ${shown(a.num!)} ÷ 人员编制 ${shown(q.num!)}`, en: `staff ${shown(a.num!)} ÷ quota ${shown(q.num!)}` });
      } else if (indicator?.input === 'sangongControl') {
        const actual = departmentFigure(model, 'sangong_total', 'actual');
        const budget = departmentFigure(model, 'sangong_total', 'budget');
        if (actual && budget && !budget.value.isZero()) {
          result = rateResult({ ...base, source: 'tables', inputCells: [actual.cell, budget.cell] }, actual.value.div(budget.value).times(HUNDRED),
            { zh: `“三公”经费决算 ${actual.text} ÷ 预算 ${budget.text}`, en: `"three public" actual ${actual.text} ÷ budget ${budget.text}` });
        }
      } else if (indicator?.input === 'execution') {
        const actual = departmentFigure(model, 'expenditure_total', 'actual');
        const budget = departmentFigure(model, 'expenditure_total', 'budget');
        if (actual && budget && !budget.value.isZero()) {
          result = rateResult({ ...base, source: 'tables', inputCells: [actual.cell, budget.cell] }, actual.value.div(budget.value).times(HUNDRED),
            { zh: `支出决算 ${actual.text} ÷ 预算 ${budget.text}`, en: `expenditure ${actual.text} ÷ budget ${budget.text}` });
        }
      } else if (indicator?.input === 'sangongChange') {
        const y = lastYearSangong(model);
        if (y && !y.last.value.isZero()) {
          result = rateResult({ ...base, source: 'tables', inputCells: [y.now.cell, y.last.cell] }, y.now.value.minus(y.last.value).div(y.last.value).times(HUNDRED),
            { zh: `（本年“三公” ${y.now.text} − 上年 ${y.last.text}）÷ ${y.last.text}`, en: `("three public" ${y.now.text} this year − ${y.last.text} last year) ÷ ${y.last.text}` });
        }
      } else if (indicator?.input === 'assetsUse') {
        const t = model.tables.find((x) => x.kind === 'assets' && x.total);
        const inUse = t?.columns.find((c) => c.concept === 'assets_in_use');
        const total = t?.columns.find((c) => c.concept === 'assets_total');
        const a = t && inUse ? figureOf(t, t.total!.row, inUse.col) : undefined;
        const b = t && total ? figureOf(t, t.total!.row, total.col) : undefined;
        if (a && b && !b.value.isZero()) {
          result = rateResult({ ...base, source: 'tables', inputCells: [a.cell, b.cell] }, a.value.div(b.value).times(HUNDRED),
            { zh: `在用固定资产 ${a.text} ÷ 固定资产合计 ${b.text}`, en: `assets in use ${a.text} ÷ total ${b.text}` });
        }
      }
      out.push(result ?? { ...base, status: indicator || rule ? 'needs-input' : 'manual' });
    }
  }
  return out;
}

/** 当年结余 of the department (the 支出 table's total row) and 上年结转 (the 收入 table's). */
function departmentBalance(model: WorkbookModel): { balance: Figure; carry?: Figure } | undefined {
  let balance: Figure | undefined;
  let carry: Figure | undefined;
  for (const t of model.tables) {
    if (!t.total) continue;
    const b = t.columns.find((c) => c.role === 'number' && c.concept === 'balance_year' && !c.measure);
    if (b && !balance) balance = figureOf(t, t.total.row, b.col);
    const c = t.columns.find((x) => x.role === 'number' && x.concept === 'carryover' && !x.measure);
    if (c && !carry) carry = figureOf(t, t.total.row, c.col);
  }
  return balance ? { balance, carry } : undefined;
}


/** The 总分 a 评分表 would have with its computed scores in place of the self-assessed ones. */
export function recomputedTotal(st: ScoreTable, results: ScoreResult[]): Dec {
  const byRow = new Map(results.filter((r) => r.table === st && r.status === 'computed').map((r) => [r.line.row, r.computed!]));
  let total = ZERO;
  for (const l of st.lines) total = total.plus(byRow.get(l.row) ?? l.score?.value ?? ZERO);
  return total;
}
