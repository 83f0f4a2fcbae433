/** Rule 6d: the 评价等次 agrees with the 总分 (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 unless configured). */
import { sumAgreesShown } from '../../arith';
import { bandName } from '../../bands';
import { normLabel } from '../../text';
import { GradeBand, Rule } from '../types';
import { ref } from '../util';
import { fmtScore, totalScore } from './util';

export function bandOf(score: number, bands: GradeBand[]): GradeBand | undefined {
  return [...bands].sort((a, b) => b.min - a.min).find((b) => score >= b.min);
}

export function bandNamed(text: string, bands: GradeBand[]): GradeBand | undefined {
  const t = normLabel(text);
  return bands.find((b) => b.names.some((n) => t === n || t.startsWith(n + '(') || t === `${n}级` || t === `${n}等`))
    ?? bands.find((b) => b.names.some((n) => n.length > 1 && t.startsWith(n)));
}

function bandRange(b: GradeBand, bands: GradeBand[]): string {
  const above = [...bands].sort((x, y) => x.min - y.min).find((x) => x.min > b.min);
  if (!Number.isFinite(b.min)) return `< ${above?.min}`;
  return above ? `${b.min}–${above.min}` : `≥ ${b.min}`;
}

export const scoreGrade: Rule = {
  meta: {
    id: 'score/grade',
    severity: 'error',
    description: { zh: '评价等次与总分相符', en: 'The grade agrees with the total score' },
    messages: {
      mismatch: {
        zh: '评价等次填报为“{stated}”，而总分 {total} 对应“{expected}”（{range}分）',
        en: 'The grade is stated as “{stated}”, but a total of {total} is “{expected}” ({range})',
      },
      unknown: {
        severity: 'info',
        zh: '无法识别评价等次“{stated}”（可识别：{names}）',
        en: 'The grade “{stated}” is not one the engine knows ({names})',
      },
    },
  },
  check(ctx) {
    const bands = ctx.options.gradeBands;
    for (const st of ctx.model.scoreTables) {
      const g = st.grade;
      if (!g?.text) continue;
      const total = st.totalRow?.score?.value ?? st.overall?.num?.value ?? totalScore(st);
      const stated = bandNamed(g.text, bands);
      const cell = ref(st.grid, g.valueCell.row, g.valueCell.col);
      if (!stated) {
        ctx.report({ messageId: 'unknown', data: { stated: g.text, names: bands.flatMap((b) => b.names).join('、') }, cells: [cell], table: st.id });
        continue;
      }
      const expected = bandOf(total.toNumber(), bands);
      if (!expected || expected === stated) continue;
      const totalCell = st.totalRow ? [ref(st.grid, st.totalRow.row, st.cols.score)] : [];
      const name = g.text.length > 1 ? bandName(expected) : expected.names[0]!;
      // when the 总分 itself does not add up, the 等次 may be right and the total wrong: no fix then
      const tr = st.totalRow;
      const scored = st.lines.filter((l) => l.score).map((l) => l.score!);
      const totalHolds = !tr?.score || !scored.length || sumAgreesShown(tr.score, scored);
      ctx.report({
        messageId: 'mismatch',
        data: { stated: g.text, total: fmtScore(total), expected: name, range: bandRange(expected, bands) },
        cells: [cell, ...totalCell],
        expected: name, actual: g.text, ...(totalHolds ? { fix: name } : {}), table: st.id,
      });
    }
  },
};
