import { checkWorkbook } from '../../src/core';
import { DEFAULT_TOLERANCE } from '../../src/core/arith';
import { recognize } from '../../src/core/recognize';
import { projectScore, readTarget } from '../../src/core/rules/project/scores';
import { projectTotal } from '../../src/core/rules/project/total';
import { projectSheet, ProjectSpec, SEED004_PROJECT } from '../../src/sample/project';
import { ruleTester } from '../helpers/rule-tester';
import { workbook } from '../fixtures/sheet';

const wb = (patch: Partial<ProjectSpec> = {}) => workbook(projectSheet({ ...SEED004_PROJECT, ...patch }));

test('the project table is recognised: funds block, five indicator lines, the 总分', () => {
  const m = recognize(wb(), DEFAULT_TOLERANCE);
  expect(m.projects).toHaveLength(1);
  const p = m.projects[0]!;
  expect(p.name).toBe('计划生育特殊家庭公共交通补贴项目');
  expect([p.funds?.budget?.value.toNumber(), p.funds?.actual?.value.toNumber(), p.funds?.max?.value.toNumber(), p.funds?.score?.value.toNumber()]).toEqual([16.56, 15.7, 10, 9.48]);
  expect(p.lines.map((l) => [l.name, l.target, l.actual])).toEqual([
    ['补助特扶对象人数', '≥400人', '380人'], ['补助发放准确率', '100%', '100%'], ['按时发放率', '≥95%', '100%'],
    ['特扶家庭满意度', '≥90%', '96%'], ['人均补助成本', '≤450元', '413元'],
  ]);
  expect(p.total?.score?.value.toNumber()).toBe(97.98);
  // it is not taken for a 评分表, and its 执行率 is checked like any budget line
  expect(m.scoreTables).toEqual([]);
  const { report } = checkWorkbook(wb(), 'x');
  expect(report.findings).toEqual([]);
  expect(report.tables.map((t) => t.kind)).toEqual(['project', 'budget']);
});

test('targets as written', () => {
  expect(readTarget('≥400人')).toMatchObject({ unit: '人', dir: 'higher' });
  expect(readTarget('≤450元')).toMatchObject({ unit: '元', dir: 'lower' });
  expect(readTarget('不低于95%')).toMatchObject({ unit: '%', dir: 'higher' });
  expect(readTarget('按时完成')).toBeNull();
  expect(readTarget('≥95%', true)).toBeNull();
});

ruleTester(projectScore, {
  valid: [{ name: 'seed 004’s project scored by the rules', wb: wb() }],
  invalid: [
    {
      name: 'a real case: 9 for 86% of 10',
      wb: workbook(projectSheet({ ...SEED004_PROJECT, fundsScore: 10 })),
      findings: [{ messageId: 'funds', cells: ['项目自评表!H6', '项目自评表!E6', '项目自评表!D6', '项目自评表!F6'], expected: '9.48', actual: '10', message: '“计划生育特殊家庭公共交通补贴项目”预算执行得分 10，按 分值 10 × 执行率 15.7 ÷ 16.56 = 94.81% 应得 9.48 分' }],
    },
    {
      name: 'a "≥" indicator scored full although short of its target; a "≤" one capped',
      wb: wb({ lines: [['产出指标', '数量指标', '补助特扶对象人数', '≥400人', '380人', 30, 30], ['成本指标', '经济成本指标', '人均补助成本', '≤450元', '500元', 10, 10]], total: [50, 49.48] }),
      findings: [
        { messageId: 'indicator', expected: '28.5', actual: '30', message: '“补助特扶对象人数”得分 30，按 实际 380人 ÷ 指标值 ≥400人 × 30 应得 28.5 分' },
        { messageId: 'indicator', expected: '9', actual: '10' },
      ],
    },
  ],
});

ruleTester(projectTotal, {
  valid: [{ name: 'total 97.98 = 9.48 + 28.5 + 20 + 10 + 20 + 10', wb: wb() }],
  invalid: [
    {
      name: 'a total that does not add up',
      wb: wb({ total: [100, 98.48] }),
      findings: [{ messageId: 'score', cells: ['项目自评表!H18'], expected: '97.98', actual: '98.48' }],
    },
    {
      name: 'capped by the execution rate when the setting says so',
      wb: wb(),
      options: { projectCapByRate: true },
      findings: [{ messageId: 'capped', severity: 'warning', message: /执行率 94\.81%，按设置总分不应高于 94\.81，填报为 97\.98/ }],
    },
  ],
});

test('a 自评等次 below the project table agrees with its 总分', () => {
  const s = projectSheet();
  s.add([['自评等次', '良']], 0, 1);
  const f = checkWorkbook(workbook(s), 'x', {}, [projectTotal]).report.findings;
  expect(f.map((x) => [x.messageId, x.expected, x.actual])).toEqual([['grade', '优秀', '良']]);
});
