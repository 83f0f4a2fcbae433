/**
 * Rule 6f: a 自评得分 that differs from what the line's own 评分标准 gives for its inputs (seed 002: 财政供养人员
 * 控制率 self-scored 5 with 743 ÷ 426 = 174.41% → 0). And the 总分 and 等次 those computed scores would give.
 */
import { recomputedTotal } from '../../scoring/compute';
import { shown } from '../../numbers';
import { bandName } from '../../bands';
import { Rule } from '../types';
import { ref } from '../util';
import { bandOf } from './grade';

export const scoreComputed: Rule = {
  meta: {
    id: 'score/computed',
    severity: 'warning',
    description: { zh: '自评得分与按评分标准计算的得分相符', en: 'Self-assessed scores agree with the scores the criteria give' },
    messages: {
      differs: {
        zh: '“{name}”自评 {self} 分，按评分标准应得 {computed} 分：{basis}',
        en: '“{name}” is self-scored {self}, but its criteria give {computed}: {basis}',
      },
      total: {
        severity: 'info',
        zh: '按计算得分，总分应为 {total}（填报 {stated}），等次为“{grade}”',
        en: 'With the computed scores the total would be {total} (stated {stated}), graded “{grade}”',
      },
    },
  },
  check(ctx) {
    const results = ctx.scores;
    for (const st of ctx.model.scoreTables) {
      const mine = results.filter((r) => r.table === st);
      let changed = false;
      for (const r of mine) {
        if (r.status !== 'computed' || !r.line.score || r.computed!.eq(r.line.score.value)) continue;
        changed = true;
        ctx.report({
          messageId: 'differs',
          data: { name: r.line.name, self: shown(r.line.score), computed: r.computed!.toFixed(), basis: r.basis![ctx.options.lang] },
          cells: [ref(st.grid, r.line.scoreCell.row, r.line.scoreCell.col), ...r.inputCells],
          expected: r.computed!.toFixed(),
          actual: shown(r.line.score),
          fix: r.computed!.toFixed(),
          table: st.id,
        });
      }
      if (!changed) continue;
      const total = recomputedTotal(st, results);
      const band = bandOf(total.toNumber(), ctx.options.gradeBands);
      const statedTotal = st.totalRow?.score ?? st.overall?.num;
      const cell = st.totalRow ? ref(st.grid, st.totalRow.row, st.cols.score) : st.overall ? ref(st.grid, st.overall.valueCell.row, st.overall.valueCell.col) : ref(st.grid, st.rect.top, st.cols.score);
      ctx.report({
        messageId: 'total',
        data: { total: total.toFixed(), stated: statedTotal ? shown(statedTotal) : '—', grade: band ? bandName(band) : '' },
        cells: [cell],
        expected: total.toFixed(),
        actual: statedTotal ? shown(statedTotal) : undefined,
        table: st.id,
      });
    }
  },
};
