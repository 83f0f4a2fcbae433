/** Rule 6a: each 自评得分 lies between 0 and its 分值 (lines sharing one merged 分值 share it). */
import { shown } from '../../numbers';
import { Rule } from '../types';
import { fmtScore, listText, maxRef, scoreRef, sumNums } from './util';

export const scoreRange: Rule = {
  meta: {
    id: 'score/range',
    severity: 'error',
    description: { zh: '自评得分在 0 与分值之间', en: 'Each self-assessed score lies between 0 and its maximum' },
    messages: {
      above: {
        zh: '“{name}”自评得分 {score} 超过分值 {max}',
        en: '“{name}”: the score {score} is above its maximum {max}',
      },
      negative: {
        zh: '“{name}”自评得分 {score} 为负数',
        en: '“{name}”: the score {score} is negative',
      },
      sharedAbove: {
        zh: '{names} 共用分值 {max}，自评得分合计 {scores} = {total}，超过分值',
        en: '{names} share a maximum of {max}, but their scores add up to {scores} = {total}',
      },
    },
  },
  check(ctx) {
    for (const st of ctx.model.scoreTables) {
      const groups = new Map<number, typeof st.lines>();
      for (const l of st.lines) groups.set(l.shareId, [...(groups.get(l.shareId) ?? []), l]);
      for (const lines of groups.values()) {
        for (const l of lines) {
          if (l.score?.value.isNegative()) {
            ctx.report({ messageId: 'negative', data: { name: l.name, score: shown(l.score) }, cells: [scoreRef(st, l)], expected: '≥ 0', actual: shown(l.score), fix: '0', table: st.id });
          }
        }
        const max = lines[0]!.max;
        if (!max) continue;
        const scored = lines.filter((l) => l.score);
        if (lines.length === 1) {
          const l = lines[0]!;
          if (l.score && l.score.value.gt(max.value)) {
            ctx.report({
              messageId: 'above', data: { name: l.name, score: shown(l.score), max: shown(max) },
              cells: [scoreRef(st, l), maxRef(st, l)], expected: `≤ ${shown(max)}`, actual: shown(l.score), fix: shown(max), table: st.id,
            });
          }
          continue;
        }
        const total = sumNums(scored.map((l) => l.score!));
        if (total.gt(max.value)) {
          ctx.report({
            messageId: 'sharedAbove',
            data: { names: lines.map((l) => `“${l.name}”`).join('、'), max: shown(max), scores: listText(scored.map((l) => l.score!)), total: fmtScore(total) },
            cells: [...scored.map((l) => scoreRef(st, l)), maxRef(st, lines[0]!)],
            expected: `≤ ${shown(max)}`, actual: fmtScore(total), table: st.id,
          });
        }
      }
    }
  },
};
