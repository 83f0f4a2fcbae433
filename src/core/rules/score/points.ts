/** Rule 6b: 分值 add up line → 二级 → 一级 → 100, against the points stated in the labels ("预算配置（15分）"). */
import { Dec } from '../../decimal';
import { Num, shown } from '../../numbers';
import { ScoreGroup, ScoreLine, ScoreTable } from '../../recognize/model';
import { Rule, RuleContext } from '../types';
import { ref } from '../util';
import { distinctMaxes, fmtScore, listText, maxRef, sumNums } from './util';

const FULL = new Dec(100);

function groupsOf(lines: ScoreLine[], key: 'level1' | 'level2'): ScoreGroup[] {
  const out: ScoreGroup[] = [];
  for (const l of lines) {
    const g = l[key];
    if (g && !out.includes(g)) out.push(g);
  }
  return out;
}

function checkGroup(ctx: RuleContext, st: ScoreTable, g: ScoreGroup, parts: Num[], partCells: string[], levelNo: 1 | 2): void {
  if (!g.points || !parts.length) return;
  const total = sumNums(parts);
  if (total.eq(g.points.value)) return;
  ctx.report({
    messageId: 'group',
    data: { level: levelNo === 1 ? '一级' : '二级', levelNo, group: g.text, points: shown(g.points), parts: listText(parts), total: fmtScore(total) },
    cells: [ref(st.grid, g.cell.row, g.cell.col), ...partCells],
    expected: fmtScore(total),
    actual: shown(g.points),
    table: st.id,
  });
}

export const scorePoints: Rule = {
  meta: {
    id: 'score/points',
    severity: 'error',
    description: { zh: '分值逐级相加：三级 → 二级 → 一级 → 100', en: 'Maximum points add up level by level to 100' },
    messages: {
      group: {
        zh: '{level}指标“{group}”标注 {points} 分，其下分值合计 {parts} = {total}',
        en: 'Level-{levelNo} indicator “{group}” is marked {points} points, but its lines add up to {parts} = {total}',
      },
      full: {
        zh: '评分表分值合计 {parts} = {total}，应为 100',
        en: 'The maximum points of the scoring table add up to {parts} = {total}, not 100',
      },
    },
  },
  check(ctx) {
    for (const st of ctx.model.scoreTables) {
      const maxes = distinctMaxes(st.lines);
      if (!maxes.length) continue;
      for (const g of groupsOf(st.lines, 'level2')) {
        const m = distinctMaxes(st.lines.filter((l) => l.level2 === g));
        checkGroup(ctx, st, g, m.map((x) => x.max), m.map((x) => maxRef(st, x.line)), 2);
      }
      const level1 = groupsOf(st.lines, 'level1');
      for (const g of level1) {
        const lines = st.lines.filter((l) => l.level1 === g);
        const l2 = groupsOf(lines, 'level2');
        if (l2.length && l2.every((x) => x.points)) {
          checkGroup(ctx, st, g, l2.map((x) => x.points!), l2.map((x) => ref(st.grid, x.cell.row, x.cell.col)), 1);
        } else {
          const m = distinctMaxes(lines);
          checkGroup(ctx, st, g, m.map((x) => x.max), m.map((x) => maxRef(st, x.line)), 1);
        }
      }
      const top = level1.length && level1.every((g) => g.points) ? level1.map((g) => g.points!) : maxes.map((x) => x.max);
      const total = sumNums(top);
      if (!total.eq(FULL)) {
        ctx.report({
          messageId: 'full',
          data: { parts: listText(top), total: fmtScore(total) },
          cells: level1.length && level1.every((g) => g.points) ? level1.map((g) => ref(st.grid, g.cell.row, g.cell.col)) : maxes.map((x) => maxRef(st, x.line)),
          expected: '100', actual: fmtScore(total), table: st.id,
        });
      }
    }
  },
};
