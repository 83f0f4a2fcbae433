import { scoreGrade } from '../../../src/core/rules/score/grade';
import { scoreMissing } from '../../../src/core/rules/score/missing';
import { scorePoints } from '../../../src/core/rules/score/points';
import { scoreRange } from '../../../src/core/rules/score/range';
import { scoreTotal } from '../../../src/core/rules/score/total';
import { ruleTester } from '../../helpers/rule-tester';
import { SCORE_LINES, SCORE_TOTAL, ScoreLineSpec, scoreSheet } from '../../fixtures/seed002';
import { workbook } from '../../fixtures/sheet';

const edit = (i: number, change: Partial<{ max: number | null; score: number; l2: string }>): ScoreLineSpec[] =>
  SCORE_LINES.map((l, k) => (k === i ? [l[0], change.l2 ?? l[1], l[2], l[3], change.max === undefined ? l[4] : change.max, change.score ?? l[5]] : l));
const wb = (lines = SCORE_LINES, total = SCORE_TOTAL, merged = true) => workbook(scoreSheet(merged, lines, total));

// rows: header at 2, lines from 3 (三公经费变动率 is line 1 → row 4), 经济效益 line 21 → row 24, 总分 row 28
ruleTester(scoreRange, {
  valid: [
    { name: 'seed 002 as filed (经济/社会/生态效益 share a merged 15: 4 + 5 + 5)', wb: wb() },
    { name: 'seed 002 unmerged: the shared 15 on the first line only', wb: wb(SCORE_LINES, SCORE_TOTAL, false) },
  ],
  invalid: [
    {
      name: 'a score above its 分值',
      wb: wb(edit(1, { score: 6 })),
      findings: [{ messageId: 'above', cells: ['评分表!F4', '评分表!E4'], fix: '5', message: '“‘三公经费’变动率”自评得分 6 超过分值 5' }],
    },
    {
      name: 'a negative score',
      wb: wb(edit(0, { score: -1 })),
      findings: [{ messageId: 'negative', cells: ['评分表!F3'], fix: '0' }],
    },
    {
      name: 'the three 效益 lines together above their shared 15',
      wb: wb(edit(21, { score: 6 })),
      findings: [{ messageId: 'sharedAbove', cells: ['评分表!F24', '评分表!F25', '评分表!F26', '评分表!E24'], message: '“经济效益”、“社会效益”、“生态效益” 共用分值 15，自评得分合计 6 + 5 + 5 = 16，超过分值' }],
    },
  ],
});

ruleTester(scorePoints, {
  valid: [{ name: 'seed 002: lines → 二级 → 一级 → 100', wb: wb() }, { name: 'seed 002 unmerged, labels repeated on every line', wb: wb(SCORE_LINES, SCORE_TOTAL, false) }],
  invalid: [
    {
      name: 'without points in the labels, the 分值 must add up to 100',
      wb: wb(edit(2, { max: 4 }).map((l) => [l[0].replace(/（\d+分）/, ''), l[1].replace(/（\d+分）/, ''), l[2], l[3], l[4], l[5]] as ScoreLineSpec)),
      findings: [{ messageId: 'full', expected: '100', actual: '99', message: /评分表分值合计 5 \+ 5 \+ 4 \+ 3 \+ … \+ 5 = 99，应为 100/ }],
    },
    {
      name: 'a 分值 of 4 instead of 5 breaks its 二级 (15) (the 总分 row is score/total’s)',
      wb: wb(edit(2, { max: 4 })),
      findings: [
        { messageId: 'group', cells: ['评分表!B3', '评分表!E3', '评分表!E4', '评分表!E5'], expected: '14', actual: '15', message: '二级指标“预算配置（15分）”标注 15 分，其下分值合计 5 + 5 + 4 = 14' },
      ],
    },
  ],
});

ruleTester(scoreTotal, {
  valid: [{ name: 'seed 002: 总分 99 = sum of scores', wb: wb() }],
  invalid: [
    {
      name: '总分 stated 100 while the scores add up to 99: the total or one score is wrong, so no fix',
      wb: wb(SCORE_LINES, { ...SCORE_TOTAL, score: 100 }),
      findings: [{ messageId: 'score', cells: ['评分表!F28'], expected: '99', actual: '100', fix: null }],
    },
    {
      name: '总分 row 分值 95',
      wb: wb(SCORE_LINES, { ...SCORE_TOTAL, max: 95 }),
      findings: [{ messageId: 'max', cells: ['评分表!E28'], expected: '100', actual: '95' }],
    },
  ],
});

ruleTester(scoreGrade, {
  valid: [
    { name: 'seed 002: 99 is 优秀', wb: wb() },
    { name: '85 is 良好', wb: wb(edit(16, { score: 0 }).map((l, i) => (i === 15 ? [l[0], l[1], l[2], l[3], l[4], 0] as ScoreLineSpec : l)).map((l, i) => (i === 21 ? [l[0], l[1], l[2], l[3], l[4], 2] as ScoreLineSpec : l)), { max: 100, score: 85, grade: '良好' }) },
  ],
  invalid: [
    {
      name: '99 graded 良好',
      wb: wb(SCORE_LINES, { ...SCORE_TOTAL, grade: '良好' }),
      findings: [{ messageId: 'mismatch', cells: ['评分表!B30', '评分表!F28'], expected: '优秀', fix: '优秀', message: '评价等次填报为“良好”，而总分 99 对应“优秀”（≥ 90分）' }],
    },
    {
      name: 'configured bands: 优秀 ≥ 95, so 99 stays 优秀 but 92 is 良好',
      wb: wb(SCORE_LINES, { ...SCORE_TOTAL, score: 92 }),
      options: { gradeBands: [{ min: 95, names: ['优秀'] }, { min: 85, names: ['良好'] }, { min: 60, names: ['合格'] }, { min: -Infinity, names: ['不合格'] }] },
      findings: [{ messageId: 'mismatch', expected: '良好' }],
    },
    {
      name: '总分 typed 85 where the scores add up to 99, graded 优秀: the grade may be right and the total wrong, so no fix',
      wb: wb(SCORE_LINES, { ...SCORE_TOTAL, score: 85 }),
      findings: [{ messageId: 'mismatch', cells: ['评分表!B30', '评分表!F28'], expected: '良好', fix: null }],
    },
    {
      name: 'an unknown grade word is a note',
      wb: wb(SCORE_LINES, { ...SCORE_TOTAL, grade: 'A+' }),
      findings: [{ messageId: 'unknown', severity: 'info' }],
    },
  ],
});

ruleTester(scoreMissing, {
  valid: [{ name: 'seed 002: every line scored', wb: wb() }],
  invalid: [{
    name: 'a line left blank',
    wb: (() => {
      const w = wb();
      w.sheets[0]!.values[4]![5] = null;
      return w;
    })(),
    findings: [{ messageId: 'missing', severity: 'warning', cells: ['评分表!F5'], message: '“重点支出安排率”未填写自评得分' }],
  }],
});
