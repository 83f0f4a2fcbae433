/** Rule 6c: the 总分 row (and a separate 综合得分 cell) equals the sum of the 自评得分; its 分值 the sum of 分值. */
import { agreesShown, sumAgreesShown } from '../../arith';
import { Dec } from '../../decimal';
import { shown } from '../../numbers';
import { Num } from '../../numbers';
import { Equation, Rule } from '../types';
import { ref } from '../util';
import { distinctMaxes, fmtScore, listText, maxRef, scoreRef, sumNums, totalScore } from './util';

/** stated − Σ parts as an equation, so that a fix is offered only for the cell named the culprit (../../culprit.ts):
 *  a wrong 总分 and a wrong line's score explain a failing sum equally well. */
function sumEquation(stated: { cell: string; n: Num }, parts: Array<{ cell: string; n: Num }>): Equation {
  const term = (x: { cell: string; n: Num }, coef: number) => ({ cell: x.cell, coef: new Dec(coef), value: x.n.value, decimals: x.n.decimals });
  const residual = parts.reduce((d, p) => d.minus(p.n.value), stated.n.value);
  return { kind: 'other', terms: [term(stated, 1), ...parts.map((p) => term(p, -1))], residual };
}

export const scoreTotal: Rule = {
  meta: {
    id: 'score/total',
    severity: 'error',
    description: { zh: '总分等于各项自评得分之和', en: 'The total score equals the sum of the scores' },
    messages: {
      score: {
        zh: '总分 {stated} ≠ 各项自评得分之和 {parts} = {total}',
        en: 'Total score {stated} ≠ the sum of the scores {parts} = {total}',
      },
      max: {
        zh: '总分行分值 {stated} ≠ 各项分值之和 {total}',
        en: 'The total row’s maximum {stated} ≠ the sum of the maxima {total}',
      },
      overall: {
        zh: '“{key}”填报为 {stated}，而评分表总分为 {total}',
        en: '“{key}” is stated as {stated}, but the scoring table totals {total}',
      },
    },
  },
  check(ctx) {
    for (const st of ctx.model.scoreTables) {
      const scored = st.lines.filter((l) => l.score);
      const total = totalScore(st);
      const tr = st.totalRow;
      if (tr?.score && !sumAgreesShown(tr.score, scored.map((l) => l.score!))) {
        ctx.report({
          messageId: 'score',
          data: { stated: shown(tr.score), parts: listText(scored.map((l) => l.score!)), total: fmtScore(total) },
          cells: [ref(st.grid, tr.row, st.cols.score), ...scored.map((l) => scoreRef(st, l)).slice(0, 1)],
          expected: fmtScore(total), actual: shown(tr.score), fix: fmtScore(total), table: st.id,
          equation: sumEquation({ cell: ref(st.grid, tr.row, st.cols.score), n: tr.score }, scored.map((l) => ({ cell: scoreRef(st, l), n: l.score! }))),
        });
      }
      const maxTotal = sumNums(distinctMaxes(st.lines).map((x) => x.max));
      if (tr?.max && !sumAgreesShown(tr.max, distinctMaxes(st.lines).map((x) => x.max))) {
        ctx.report({
          messageId: 'max',
          data: { stated: shown(tr.max), total: fmtScore(maxTotal) },
          cells: [ref(st.grid, tr.row, st.cols.max)],
          expected: fmtScore(maxTotal), actual: shown(tr.max), fix: fmtScore(maxTotal), table: st.id,
          equation: sumEquation({ cell: ref(st.grid, tr.row, st.cols.max), n: tr.max }, distinctMaxes(st.lines).map((x) => ({ cell: maxRef(st, x.line), n: x.max }))),
        });
      }
      const ov = st.overall;
      if (ov?.num && scored.length) {
        const reference = tr?.score?.value ?? total;
        if (!ov.num.value.eq(reference) && !agreesShown(ov.num, reference)) {
          ctx.report({
            messageId: 'overall',
            data: { key: ov.key, stated: shown(ov.num), total: fmtScore(reference) },
            cells: [ref(st.grid, ov.valueCell.row, ov.valueCell.col), ...(tr ? [ref(st.grid, tr.row, st.cols.score)] : [])],
            expected: fmtScore(reference), actual: shown(ov.num), fix: fmtScore(reference), table: st.id,
          });
        }
      }
    }
  },
};
