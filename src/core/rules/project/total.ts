/** The project self-evaluation table's 总分 is the budget execution score plus the indicators' scores. */
import { Dec, fmtFixed, sum } from '../../decimal';
import { sumAgreesShown } from '../../arith';
import { shown } from '../../numbers';
import { bandName } from '../../bands';
import { Rule } from '../types';
import { bandNamed, bandOf } from '../score/grade';
import { colRefs, ref } from '../util';

export const projectTotal: Rule = {
  meta: {
    id: 'project/total',
    severity: 'error',
    description: { zh: '项目自评表总分等于各项得分之和', en: 'The project self-evaluation total equals the sum of its scores' },
    messages: {
      score: {
        zh: '“{project}”总分 {stated} ≠ 预算执行得分 {funds} + 各指标得分 {lines} = {sum}',
        en: '“{project}”: total {stated} ≠ budget execution {funds} + indicators {lines} = {sum}',
      },
      scoreMissing: {
        severity: 'warning',
        zh: '“{project}”总分未填，预算执行得分 {funds} 与各指标得分 {lines} 之和为 {sum}',
        en: '“{project}”: the total is blank; budget execution {funds} and the indicators {lines} add up to {sum}',
      },
      max: {
        zh: '“{project}”总分栏分值 {stated} ≠ 各项分值之和 {sum}',
        en: '“{project}”: the total row’s points {stated} ≠ the sum of points {sum}',
      },
      points100: {
        zh: '“{project}”各项分值之和为 {sum}，应为 100',
        en: '“{project}”: the points add up to {sum}, not 100',
      },
      grade: {
        zh: '“{project}”等次填报为“{stated}”，而总分 {total} 对应“{expected}”',
        en: '“{project}”: the grade is “{stated}”, but a total of {total} is “{expected}”',
      },
      capped: {
        severity: 'warning',
        zh: '“{project}”执行率 {rate}，按设置总分不应高于 {cap}，填报为 {stated}',
        en: '“{project}”: execution rate {rate}, so by the setting the total may not exceed {cap}; it is {stated}',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.model.projects) {
      const t = p.total;
      if (!t) continue;
      const g = p.grid;
      const project = p.name ?? '项目';
      const scored = [...(p.funds?.score ? [p.funds.score] : []), ...p.lines.filter((l) => l.score).map((l) => l.score!)];
      const lineScores = p.lines.filter((l) => l.score).map((l) => l.score!.value);
      const funds = p.funds?.score?.value ?? new Dec(0);
      const total = funds.plus(sum(lineScores));
      // shown at the decimals the scores show (a formula score 9.5885 formatted 0.00 is 9.59)
      const d = Math.max(0, ...scored.map((n) => n.decimals), t.score?.decimals ?? 0);
      if (!t.score && scored.length >= 2 && !total.isZero()) {
        // every line scored and the 总分 left blank: the form is not finished (or the total was deleted)
        ctx.report({
          messageId: 'scoreMissing',
          data: { project, funds: fmtFixed(funds, d), lines: fmtFixed(sum(lineScores), d), sum: fmtFixed(total, d) },
          cells: [ref(g, t.row, t.scoreCol), ...(p.funds?.score ? [ref(g, p.funds.row, p.funds.cols.score)] : []),
            ...colRefs(g, p.lines.filter((l) => l.score).map((l) => l.row), p.lines[0]?.cells.score ?? t.scoreCol)],
          expected: fmtFixed(total, d), actual: '', table: p.id,
        });
      }
      if (t.score && !sumAgreesShown(t.score, scored)) {
        ctx.report({
          messageId: 'score',
          data: { project, stated: shown(t.score), funds: fmtFixed(funds, d), lines: fmtFixed(sum(lineScores), d), sum: fmtFixed(total, d) },
          // the total first, then the scores it adds up (the funds line's, the indicator lines')
          cells: [ref(g, t.row, t.scoreCol), ...(p.funds?.score ? [ref(g, p.funds.row, p.funds.cols.score)] : []),
            ...colRefs(g, p.lines.filter((l) => l.score).map((l) => l.row), p.lines[0]?.cells.score ?? t.scoreCol)],
          expected: fmtFixed(total, d), actual: shown(t.score), fix: fmtFixed(total, d), table: p.id,
          equation: {
            kind: 'other',
            terms: [
              { cell: ref(g, t.row, t.scoreCol), coef: new Dec(1), value: t.score.value, decimals: t.score.decimals },
              ...(p.funds?.score ? [{ cell: ref(g, p.funds.row, p.funds.cols.score), coef: new Dec(-1), value: p.funds.score.value, decimals: p.funds.score.decimals }] : []),
              ...p.lines.filter((l) => l.score || l.max).map((l) => ({ cell: ref(g, l.row, l.cells.score), coef: new Dec(-1), value: l.score?.value ?? new Dec(0), decimals: l.score?.decimals ?? 2 })),
            ],
            residual: t.score.value.minus(total),
          },
        });
      }
      const maxes = p.lines.filter((l) => l.max).map((l) => l.max!.value);
      const maxTotal = (p.funds?.max?.value ?? new Dec(0)).plus(sum(maxes));
      const maxNums = [...(p.funds?.max ? [p.funds.max] : []), ...p.lines.filter((l) => l.max).map((l) => l.max!)];
      if (t.max && !sumAgreesShown(t.max, maxNums)) {
        ctx.report({
          messageId: 'max',
          data: { project, stated: shown(t.max), sum: maxTotal.toFixed() },
          cells: [ref(g, t.row, t.maxCol)],
          expected: maxTotal.toFixed(), actual: shown(t.max), table: p.id,
        });
      }
      if ((!t.max || t.max.value.eq(maxTotal)) && maxNums.length >= 2 && !maxTotal.eq(100)) {
        ctx.report({
          messageId: 'points100',
          data: { project, sum: maxTotal.toFixed() },
          cells: [...(p.funds?.max ? [ref(g, p.funds.row, p.funds.cols.max)] : []), ...p.lines.filter((l) => l.max).map((l) => ref(g, l.row, l.cells.max))],
          expected: '100', actual: maxTotal.toFixed(), table: p.id,
        });
      }
      if (p.grade?.text && t.score) {
        const stated = bandNamed(p.grade.text, ctx.options.gradeBands);
        const expected = bandOf(t.score.value.toNumber(), ctx.options.gradeBands);
        if (stated && expected && stated !== expected) {
          const name = bandName(expected);
          ctx.report({
            messageId: 'grade',
            data: { project, stated: p.grade.text, total: shown(t.score), expected: name },
            cells: [ref(g, p.grade.valueCell.row, p.grade.valueCell.col), ref(g, t.row, t.scoreCol)],
            // a 等次 is given no fix while the 总分 it is judged by does not add up (the 总分 may be the wrong figure)
            expected: name, actual: p.grade.text, ...(sumAgreesShown(t.score, scored) ? { fix: name } : {}), table: p.id,
          });
        }
      }
      const f = p.funds;
      if (ctx.options.projectCapByRate && t.score && f?.actual && f.budget && !f.budget.value.isZero()) {
        const rate = f.actual.value.div(f.budget.value);
        const cap = rate.times(100);
        if (t.score.value.gt(cap)) {
          ctx.report({
            messageId: 'capped',
            data: { project, rate: `${cap.toFixed(2)}%`, cap: cap.toDecimalPlaces(2).toFixed(), stated: shown(t.score) },
            cells: [ref(g, t.row, t.scoreCol), ref(g, f.row, f.cols.rate)],
            expected: `≤ ${cap.toDecimalPlaces(2).toFixed()}`, actual: shown(t.score), table: p.id,
          });
        }
      }
    }
  },
};
