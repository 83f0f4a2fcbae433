/**
 * The project self-evaluation table's scores (项目支出绩效自评表, 财预〔2020〕10号):
 * - 预算执行 得分 = 分值 × 执行率 (全年执行数 ÷ 全年预算数), at most the 分值 (a real case scored 9 for 86% of 10);
 * - a "≥" indicator scores 实际 ÷ 指标值 × 分值, a "≤" one 指标值 ÷ 实际 × 分值, at most the 分值 — where both
 *   values are figures in the same unit (otherwise people score it);
 * - 总分 = the funds score plus the indicators' scores (rule project/total).
 */
import { agreesShown } from '../../arith';
import { Dec, HUNDRED } from '../../decimal';
import { classify, shown } from '../../numbers';
import { Rule } from '../types';
import { ref } from '../util';

interface Target {
  value: Dec;
  unit: string;
  dir: 'higher' | 'lower';
}

/** "≥400人", "≤450元", "100%", "不低于95%" → the figure, its unit and which way is better. */
export function readTarget(text: string, actual = false): Target | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(≥|>=|≤|<=|>|<|不低于|不高于|不少于|不多于|不超过|大于等于|小于等于|达到)?([\d,]+(?:\.\d+)?)(%|‰|[\p{L}/]*)$/u.exec(t.replace(/[≧]/g, '≥').replace(/[≦]/g, '≤'));
  if (!m) return null;
  const n = classify(m[2]!);
  if (n.k !== 'num') return null;
  const lower = /^(≤|<=|<|不高于|不多于|不超过|小于等于)$/.test(m[1] ?? '');
  if (actual && m[1]) return null;
  return { value: n.n.value, unit: m[3] ?? '', dir: lower ? 'lower' : 'higher' };
}

const s2 = (x: Dec): string => x.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed();


export const projectScore: Rule = {
  meta: {
    id: 'project/score',
    severity: 'warning',
    description: { zh: '项目自评表的得分与分值、执行率、指标完成值相符', en: 'Project self-evaluation scores agree with points, execution rate and results' },
    messages: {
      funds: {
        zh: '“{project}”预算执行得分 {stated}，按 分值 {max} × 执行率 {actual} ÷ {budget} = {rate} 应得 {expected} 分',
        en: '“{project}”: the budget execution score is {stated}, but {max} × execution rate {actual} ÷ {budget} = {rate} gives {expected}',
      },
      above: {
        severity: 'error',
        zh: '“{name}”得分 {stated} 超过其分值 {max}',
        en: '“{name}”: the score {stated} is above its points {max}',
      },
      missing: {
        zh: '“{name}”有分值 {max}，但得分为空',
        en: '“{name}” has {max} points but no score',
      },
      indicator: {
        zh: '“{name}”得分 {stated}，按 {working} 应得 {expected} 分',
        en: '“{name}” scores {stated}, but {working} gives {expected}',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.model.projects) {
      const g = p.grid;
      const project = p.name ?? '项目';
      const f = p.funds;
      if (f?.actual && f.budget && f.max && f.score && !f.budget.value.isZero()) {
        const rate = f.actual.value.div(f.budget.value);
        const raw = f.max.value.times(rate);
        const expected = raw.gt(f.max.value) ? f.max.value : raw;
        if (!agreesShown(f.score, expected)) {
          ctx.report({
            messageId: 'funds',
            data: { project, stated: shown(f.score), max: shown(f.max), actual: shown(f.actual), budget: shown(f.budget), rate: `${rate.times(HUNDRED).toFixed(2)}%`, expected: s2(expected) },
            cells: [ref(g, f.row, f.cols.score), ref(g, f.row, f.cols.actual), ref(g, f.row, f.cols.budget), ref(g, f.row, f.cols.max)],
            expected: s2(expected), actual: shown(f.score), fix: s2(expected), table: p.id,
            equation: { kind: 'other', terms: [f.cols.score, f.cols.actual, f.cols.budget].map((c) => ({ cell: ref(g, f.row, c), value: expected, decimals: 2 })) },
          });
        }
      }
      for (const l of p.lines) {
        if (l.max && l.score && l.score.value.gt(l.max.value)) {
          ctx.report({
            messageId: 'above',
            data: { name: l.name, stated: shown(l.score), max: shown(l.max) },
            cells: [ref(g, l.row, l.cells.score), ref(g, l.row, l.cells.max)],
            expected: `≤ ${shown(l.max)}`, actual: shown(l.score), fix: shown(l.max), table: p.id,
            equation: { kind: 'other', terms: [{ cell: ref(g, l.row, l.cells.score), value: l.score.value, decimals: l.score.decimals }] },
          });
          continue;
        }
        if (l.max && !l.score && !l.max.value.isZero() && g.info(l.row, l.cells.score).k === 'empty') {
          ctx.report({
            messageId: 'missing',
            data: { name: l.name, max: shown(l.max) },
            cells: [ref(g, l.row, l.cells.score), ref(g, l.row, l.cells.max)],
            table: p.id,
            equation: { kind: 'other', terms: [{ cell: ref(g, l.row, l.cells.score), value: l.max.value, decimals: 2 }] },
          });
          continue;
        }
        if (!l.max || !l.score) continue;
        const target = readTarget(l.target);
        const actual = readTarget(l.actual, true);
        if (!target || !actual || target.unit !== actual.unit || target.value.isZero() || actual.value.isZero()) continue;
        const ratio = target.dir === 'higher' ? actual.value.div(target.value) : target.value.div(actual.value);
        const raw = l.max.value.times(ratio);
        const expected = raw.gt(l.max.value) ? l.max.value : raw;
        if (agreesShown(l.score, expected)) continue;
        const working = target.dir === 'higher'
          ? `实际 ${l.actual} ÷ 指标值 ${l.target} × ${shown(l.max)}`
          : `指标值 ${l.target} ÷ 实际 ${l.actual} × ${shown(l.max)}`;
        ctx.report({
          messageId: 'indicator',
          data: { name: l.name, stated: shown(l.score), working: `${working}${raw.gt(l.max.value) ? `（封顶 ${shown(l.max)}）` : ''}`, expected: s2(expected) },
          cells: [ref(g, l.row, l.cells.score), ref(g, l.row, l.cells.actual), ref(g, l.row, l.cells.target)],
          expected: s2(expected), actual: shown(l.score), fix: s2(expected), table: p.id,
        });
      }
    }
  },
};
