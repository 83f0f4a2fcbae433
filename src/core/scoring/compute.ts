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
import { applyRate, describeRule, parseRule, ScoreRule } from './rule-text';

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

/** A rate in percentage points from a typed value: "95%", 0.95 (a fraction) or 95. */
function rateFromValue(n: Num): Dec {
  if (n.percent) return n.value.times(HUNDRED);
  return n.value.abs().lte(1) && !n.value.isInteger() ? n.value.times(HUNDRED) : n.value;
}

function valueFor(st: ScoreTable, line: ScoreLine, given: Record<string, string> | undefined): { num: Num; text: string; cell?: string; source: 'value-column' | 'user' } | undefined {
  if (st.cols.value !== undefined) {
    const i = st.grid.info(line.row, st.cols.value);
    if (i.k === 'num') return { num: i.n, text: st.grid.shownText(line.row, st.cols.value), cell: sheetCell(st.sheet, line.row, st.cols.value), source: 'value-column' };
  }
  const key = indicatorKey(line.name);
  const typed = given?.[key] ?? given?.[line.name] ?? given?.[sheetCell(st.sheet, line.scoreCell.row, line.scoreCell.col)];
  if (typed !== undefined) {
    const i = classify(typed);
    if (i.k === 'num') return { num: i.n, text: typed, source: 'user' };
  }
  return undefined;
}

function withRate(working: Bilingual, rate: Dec, direct: boolean): Bilingual {
  return direct ? working : { zh: `${working.zh} = ${pct(rate)}`, en: `${working.en} = ${pct(rate)}` };
}

function deductBasis(r: Extract<ScoreRule, { kind: 'deduct' }>, rate: Dec, w: Bilingual, points: Dec, overBy?: Dec, steps?: Dec): Bilingual {
  const side = r.bad === 'above' ? { zh: '超过', en: 'above' } : { zh: '低于', en: 'below' };
  if (!overBy) {
    return {
      zh: `${w.zh}，未${side.zh}${r.threshold.toFixed()}% → ${s2(points)}分`,
      en: `${w.en}, not ${side.en} ${r.threshold.toFixed()}% → ${s2(points)}`,
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
      zh: `${w.zh}，${side.zh}${r.threshold.toFixed()}%共${s2(overBy)}个百分点 × ${r.perPoint.toFixed()} = ${s2(ded)}分${tail.zh}`,
      en: `${w.en}, ${s2(overBy)} points ${side.en} ${r.threshold.toFixed()}% × ${r.perPoint.toFixed()} = ${s2(ded)}${tail.en}`,
    };
  }
  // steps wider than a point: how many steps were charged, and how a part of one was counted
  const how = r.partial === 'whole' ? { zh: '满', en: 'whole' } : r.partial === 'ceil' ? { zh: '不足一档按一档计，共', en: 'a part counting whole,' } : { zh: '按比例折合', en: 'pro rata' };
  return {
    zh: `${w.zh}，${side.zh}${r.threshold.toFixed()}%共${s2(overBy)}个百分点，${how.zh}${s2(charged)}档（每档${r.step.toFixed()}%）× ${r.perPoint.toFixed()} = ${s2(ded)}分${tail.zh}`,
    en: `${w.en}, ${s2(overBy)} points ${side.en} ${r.threshold.toFixed()}%: ${s2(charged)} ${how.en} step(s) of ${r.step.toFixed()}% × ${r.perPoint.toFixed()} = ${s2(ded)}${tail.en}`,
  };
}

function rateResult(base: ScoreResult, rate: Dec, working: Bilingual, direct = false): ScoreResult {
  const r = base.rule;
  if (!r || (r.kind !== 'deduct' && r.kind !== 'bands' && r.kind !== 'proportional')) return { ...base, status: 'manual' };
  const rounded = r2(rate);
  const { points, overBy, steps, band, ambiguous } = applyRate(r, rounded);
  // a rate on a boundary the text leaves open gets no score: a wrong score is worse than none
  if (ambiguous) return { ...base, status: 'manual' };
  const max = base.line.max?.value;
  const score = r2(max && points.gt(max) ? max : points);
  const w = withRate(working, rounded, direct);
  let basis: Bilingual;
  if (r.kind === 'deduct' && band) {
    basis = {
      zh: `${w.zh}，属“${describeRule({ kind: 'bands', bands: [band] })}” → ${s2(score)}分`,
      en: `${w.en}, in “${describeRule({ kind: 'bands', bands: [band] }, 'en')}” → ${s2(score)}`,
    };
  } else if (r.kind === 'deduct') basis = deductBasis(r, rounded, w, score, overBy, steps);
  else if (r.kind === 'proportional') {
    const capped = r.full.times(rounded).div(100).gt(r.full);
    basis = {
      zh: `${w.zh}，${pct(rounded)} × ${r.full.toFixed()}分 = ${s2(r.full.times(rounded).div(100))}分${capped ? `，最高${r.full.toFixed()}分` : ''} → ${s2(score)}分`,
      en: `${w.en}, ${pct(rounded)} × ${r.full.toFixed()} = ${s2(r.full.times(rounded).div(100))}${capped ? `, at most ${r.full.toFixed()}` : ''} → ${s2(score)}`,
    };
  } else {
    basis = {
      zh: `${w.zh}，${band ? `属“${describeRule({ kind: 'bands', bands: [band] })}”` : '不在任何一档'} → ${s2(score)}分`,
      en: `${w.en}, ${band ? `in “${describeRule({ kind: 'bands', bands: [band] }, 'en')}”` : 'in no band'} → ${s2(score)}`,
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
  const r = rateResult({ table: undefined as unknown as ScoreTable, line, rule, status: 'manual', inputCells: [] }, rate,
    { zh: `指标值 ${pct(r2(rate))}`, en: `value ${pct(r2(rate))}` }, true);
  return r.status === 'computed' ? { score: r.computed!, basis: r.basis! } : null;
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
      // a count of cases (每出现一例扣1分): the count is typed
      if (rule.kind === 'cases') {
        if (!typed || !typed.num.value.isInteger() || typed.num.value.isNegative()) {
          out.push({ ...base, status: 'needs-input' });
          continue;
        }
        const n = typed.num.value;
        const ded = n.times(rule.perCase);
        const score = Dec.max(ZERO, rule.full.minus(ded));
        out.push({
          ...base, status: 'computed', computed: r2(score), source: typed.source, inputCells: typed.cell ? [typed.cell] : [],
          basis: {
            zh: `出现 ${n.toFixed()} 例 × ${rule.perCase.toFixed()} = ${s2(ded)}分${ded.gt(rule.full) ? '，扣完为止' : ''} → ${s2(score)}分`,
            en: `${n.toFixed()} case(s) × ${rule.perCase.toFixed()} = ${s2(ded)}${ded.gt(rule.full) ? ', down to 0' : ''} → ${s2(score)}`,
          },
        });
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
      if (typed) {
        const rate = rateFromValue(typed.num);
        result = rateResult({ ...base, source: typed.source, inputCells: typed.cell ? [typed.cell] : [] }, rate,
          { zh: `${typed.source === 'user' ? '填报' : '指标值'} ${pct(r2(rate))}`, en: `${typed.source === 'user' ? 'given' : 'value'} ${pct(r2(rate))}` }, true);
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
