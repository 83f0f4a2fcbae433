/** text/rate (issue 18): rates, shares and changes stated in sentences against the amounts they relate. */
import { textRate } from '../../../src/core/rules/text/rate';
import { ruleTester, runRule } from '../../helpers/rule-tester';
import { report } from '../../fixtures/text';
import { CLEAN } from '../../fixtures/text/clean';
import { CHANGE, CHANGE_FIXED, CHANGE_FLIPPED } from '../../fixtures/text/reviewer';
import { SEED } from '../../fixtures/text/seeds';

ruleTester(textRate, {
  valid: [
    { name: 'seed 004, corrected: 15.70 ÷ 16.56 = 94.81%', wb: report([SEED.rate176.replace('94.78%', '94.81%')]) },
    { name: 'seed 004: shares of 本年收入合计 and 本年支出合计', wb: report([SEED.income50, SEED.spending53]) },
    { name: 'seed 004: shares of 一般公共预算财政拨款支出 (主要用于以下方面)', wb: report([SEED.general69]) },
    { name: 'seed 004: 增加20.25万元，增长2.66% and 增加138.34万元，增长16.87% against 781.74 and 958.37', wb: report([SEED.fiscal56]) },
    { name: 'seed 004: 占本年支出合计的94.28% (a whole named elsewhere) and 增长10.19%', wb: report([SEED.general60]) },
    { name: 'seed 004: 机关运行经费 增加14.21万元，增长69.25%', wb: report([SEED.running102]) },
    { name: 'seed 004, corrected: 收、支总计 增加49.68万元，增长5.15%', wb: report([SEED.yoy47.replace('5.08%', '5.15%')]) },
    { name: 'seed 004: 0.5 of 0.5 is 100%', wb: report([SEED.blood111]) },
    { name: 'the reviewer’s change, corrected: 减少15.13%', wb: report([CHANGE_FIXED]) },
    { name: 'dense clean texts', wb: report(CLEAN) },
  ],
  invalid: [
    {
      name: 'seed 004: 完成预算的94.78% where 15.70 ÷ 16.56 = 94.81%',
      wb: report([SEED.rate176]),
      findings: [{
        messageId: 'rate', severity: 'error', cells: ['正文!A1'], expected: '94.81%', actual: '94.78%',
        message: '“完成预算的94.78%”与执行数 15.70万元 ÷ 预算数 16.56万元 = 94.81% 不符（应为 94.81%）',
        en: '“完成预算的94.78%” does not agree with actual 15.70万元 ÷ budget 16.56万元 = 94.81%',
      }],
    },
    {
      name: 'seed 004 (real): 收、支总计 增加49.68万元 over 1014.92 is 5.15%, not 5.08%',
      wb: report([SEED.yoy47]),
      findings: [{ messageId: 'change', severity: 'error', cells: ['正文!A1'], expected: '5.15%', actual: '5.08%', message: /“增长5\.08%”与49\.68万元 ÷（1014\.92万元 − 49\.68万元） = 5\.15% 不符/ }],
    },
    {
      name: 'the reviewer’s case: 1434.89 against 1690.69 is −15.13%, not 减少1.10%',
      wb: report(['（三）收支预算总体情况', CHANGE]),
      findings: [{ messageId: 'change', severity: 'error', cells: ['正文!A2'], expected: '-15.13%', actual: '-1.10%', message: /“减少1\.10%”与（1434\.89万元 − 1690\.69万元）÷ 1690\.69万元 = -15\.13% 不符/ }],
    },
    {
      name: 'a flipped direction word: 增加 where the amount fell',
      wb: report([CHANGE_FLIPPED]),
      findings: [{ messageId: 'direction', severity: 'error', cells: ['正文!A1'], message: '文字称“增加”，但 1434.89万元（2026年）与 1690.69万元（2025年）相比实为减少' }],
    },
    {
      name: 'mutant of seed 004: 基本支出 占28.14% (272.33 ÷ 958.42 = 28.41%)',
      wb: report([SEED.spending53.replace('占28.41%', '占28.14%')]),
      findings: [{ messageId: 'share', severity: 'error', cells: ['正文!A1'], expected: '28.41%', actual: '28.14%', message: '“基本支出272.33万元，占28.14%”与 272.33万元 ÷ 本年支出合计958.42万元 = 28.41% 不符' }],
    },
    {
      name: 'mutant of seed 004: 增长2.86% (20.25 ÷ 761.49 = 2.66%)',
      wb: report([SEED.fiscal56.replace('增长2.66%', '增长2.86%')]),
      findings: [{ messageId: 'change', cells: ['正文!A1'], expected: '2.66%', actual: '2.86%' }],
    },
    {
      name: 'mutant of seed 004: 完成预算的90% where 0.5 of 0.5',
      wb: report([SEED.blood111.replace('完成预算的100%', '完成预算的90%')]),
      findings: [{ messageId: 'rate', cells: ['正文!A1'], expected: '100%', actual: '90%' }],
    },
    {
      name: 'mutant of seed 004: 增加20.25万元，下降2.66% (the directions contradict each other)',
      wb: report([SEED.fiscal56.replace('增长2.66%', '下降2.66%')]),
      findings: [{ messageId: 'directionPair', severity: 'error', cells: ['正文!A1'], message: '文字称“增加20.25万元”，又称“下降2.66%”，增减方向自相矛盾' }],
    },
    {
      name: 'the finding names the paragraph it is in (正文!A3)',
      wb: report(['一、部门基本情况', SEED.blood111, SEED.rate176]),
      findings: [{ messageId: 'rate', cells: ['正文!A3'] }],
    },
  ],
});

test('the quote: the sentence, at most 300 characters, with the three figures marked', () => {
  const [f] = runRule(textRate, report([SEED.rate176]));
  expect(f!.quote!.text).toBe('项目全年预算数16.56万元，执行数为15.70万元，完成预算的94.78%。');
  expect(f!.quote!.marks.map(([a, b]) => f!.quote!.text.slice(a, b))).toEqual(['16.56万元', '15.70万元', '94.78%']);
});

test('a long paragraph is quoted in at most 300 characters around the figures', () => {
  const long = `${'通过项目实施，强化医疗机构管理，提高医疗服务质量'.repeat(12)}，项目全年预算数16.56万元，执行数为15.70万元，完成预算的94.78%${'，加强对医务人员的培训和考核'.repeat(20)}。`;
  const [f] = runRule(textRate, report([long]));
  expect(f!.quote!.text.length).toBeLessThanOrEqual(300);
  expect(f!.quote!.marks.map(([a, b]) => f!.quote!.text.slice(a, b))).toEqual(['16.56万元', '15.70万元', '94.78%']);
});

ruleTester(textRate, {
  valid: [
    { name: 'a 年初预算数 is a stage: the rate is of the 全年预算数', wb: report(['全年预算数60万元，年初预算数50万元，执行数57万元，执行率95%。']) },
    { name: 'a 其中 between the figures and the rate: which actual is meant is not said', wb: report(['全年预算数16.56万元，执行数为15.70万元，其中财政资金执行数为10万元，完成预算的94.81%。']) },
    { name: 'a percentage of another subject (门诊人次) relates nothing', wb: report(['2021年门诊收入1200万元，门诊人次比上年增长10%。']) },
    { name: '三公 change and its parts', wb: report(['2021年三公经费支出5.93万元，比上年减少1.2万元，下降16.83%，其中：公务接待费2.93万元，公务用车运行维护费3万元。']) },
  ],
  invalid: [],
});
