/** Rule 6e: a line with a 分值 but no 自评得分 is unfinished. */
import { Rule } from '../types';
import { scoreRef } from './util';

export const scoreMissing: Rule = {
  meta: {
    id: 'score/missing',
    severity: 'warning',
    description: { zh: '有分值的指标均已填写自评得分', en: 'Every line with a maximum has a score' },
    messages: {
      missing: { zh: '“{name}”未填写自评得分', en: '“{name}” has no score' },
      notNumber: { zh: '“{name}”的自评得分“{text}”不是数字', en: '“{name}”: the score “{text}” is not a number' },
    },
  },
  check(ctx) {
    for (const st of ctx.model.scoreTables) {
      for (const l of st.lines) {
        if (!l.max || l.score) continue;
        const info = st.grid.info(l.scoreCell.row, l.scoreCell.col);
        if (info.k === 'text') ctx.report({ messageId: 'notNumber', data: { name: l.name, text: info.s }, cells: [scoreRef(st, l)], table: st.id });
        else ctx.report({ messageId: 'missing', data: { name: l.name }, cells: [scoreRef(st, l)], table: st.id });
      }
    }
  },
};
