/** text/sum (issue 18): parts stated in sentences against their whole, numbered lists against their total. */
import { textSum } from '../../../src/core/rules/text/sum';
import { ruleTester } from '../../helpers/rule-tester';
import { report } from '../../fixtures/text';
import { CLEAN } from '../../fixtures/text/clean';
import { BASIC, CHANGE_FIXED, PERSONNEL } from '../../fixtures/text/reviewer';
import { SEED } from '../../fixtures/text/seeds';

/** Seed 003's 项目支出 paragraph, its heading and the 30 numbered lines, as the report has them. */
const projects = (list: string = SEED.s003_list, above: string = SEED.s003_83) => report([above, '', '项目支出情况', '', list]);

ruleTester(textSum, {
  valid: [
    { name: 'seed 003: 8162.27 = 6184.7 + 1977.57, 1977.57 = 1802.04 + 175.53', wb: report([SEED.s003_83]) },
    { name: 'seed 004: 本年收入合计 and 本年支出合计 over their parts', wb: report([SEED.income50, SEED.spending53]) },
    { name: 'seed 004: 903.57 = 25.32 + 856.38 + 21.87 (主要用于以下方面)', wb: report([SEED.general69]) },
    { name: 'seed 004: 272.27, 其中： over the two paragraphs below it', wb: report([SEED.basic91, SEED.personnel92, SEED.public93]) },
    { name: 'seed 002: 财政拨款总支出 over its 功能分类 (a partial list, in 万)', wb: report([SEED.s002_612, SEED.s002_613]) },
    { name: 'seed 003, corrected: the 30 lines add up to 6184.70', wb: projects(SEED.s003_list.replace('8.24万元', '8.25万元')) },
    { name: 'seed 003: the lines with no total above them are checked against nothing', wb: report([SEED.s003_list]) },
    { name: 'the reviewer’s 2026 基本支出 and 人员经费 (a partial list)', wb: report([BASIC, PERSONNEL]) },
    { name: 'a change between two stated amounts: 减少255.80万元', wb: report([CHANGE_FIXED.replace('减少15.13%', '减少255.80万元，下降15.13%')]) },
    { name: 'dense clean texts', wb: report(CLEAN) },
  ],
  invalid: [
    {
      name: 'seed 003: 30 lines = 6184.69 against the stated 6184.7: 尾差',
      wb: projects(),
      findings: [{
        messageId: 'listRounding', severity: 'info', cells: ['正文!A5', '正文!A1'], expected: '6184.69万元', actual: '6184.7万元',
        message: '尾差：30 项列举金额之和为 6184.69万元，所述总数“项目支出6184.7万元”，相差 0.01万元，在舍入误差范围（±0.155）之内',
      }],
    },
    {
      name: 'mutant of seed 003: 新冠肺炎疫情防控经费 652.71 for 625.71',
      wb: projects(SEED.s003_list.replace('625.71万元', '652.71万元')),
      findings: [{ messageId: 'list', severity: 'error', cells: ['正文!A5', '正文!A1'], expected: '6211.69万元', message: /30 项列举金额之和 0\.78万元 \+ 652\.71万元 \+ 315\.01万元 \+ … \+ 8\.24万元 = 6211\.69万元，与所述总数“项目支出6184\.7万元”不符，相差 26\.99万元/ }],
    },
    {
      name: 'mutant of seed 003: 人员经费 1820.04 for 1802.04 (基本支出 = 人员经费 + 公用经费)',
      wb: report([SEED.s003_83.replace('1802.04', '1820.04')]),
      findings: [{ messageId: 'parts', severity: 'error', cells: ['正文!A1'], expected: '1995.57万元', actual: '1977.57万元', message: '“基本支出1977.57万元”的各分项 1820.04万元 + 175.53万元 = 1995.57万元，与总数不符，相差 18.00万元' }],
    },
    {
      name: 'mutant of seed 004: 基本支出 273.33 for 272.33 (shares add to 100%: a complete breakdown)',
      wb: report([SEED.spending53.replace('272.33', '273.33')]),
      findings: [{ messageId: 'parts', severity: 'error', cells: ['正文!A1'], expected: '959.42万元', actual: '958.42万元' }],
    },
    {
      name: 'mutant of seed 002: 卫生健康支出 5310.24 for 5210.24: the parts exceed the whole',
      wb: report([SEED.s002_612.replace('5210.24', '5310.24')]),
      findings: [{ messageId: 'exceeds', severity: 'error', cells: ['正文!A1'], message: /其中所列分项 .* = 5622\.57万元，超过总数 100\.00万元/ }],
    },
    {
      name: 'mutant of seed 004: the 272.27 of the paragraph above against 人员经费 273.54 + 34.73',
      wb: report([SEED.basic91, SEED.personnel92.replace('237.54', '273.54'), SEED.public93]),
      findings: [{ messageId: 'parts', severity: 'error', cells: ['正文!A1', '正文!A2', '正文!A3'], expected: '308.27万元' }],
    },
    {
      name: 'an amount change that is not the difference of the two amounts',
      wb: report([CHANGE_FIXED.replace('减少15.13%', '减少265.80万元，下降15.13%')]),
      findings: [{ messageId: 'changeAmount', severity: 'error', cells: ['正文!A1'], expected: '255.80万元', actual: '265.80万元' }],
    },
  ],
});

ruleTester(textSum, {
  valid: [
    { name: 'a 其中 list ends before a figure of another measure', wb: report(['项目全年预算数100.00万元，其中：中央资金60.00万元，省级资金40.00万元，执行数为98.00万元，完成预算的98%。']) },
  ],
  invalid: [],
});

ruleTester(textSum, {
  valid: [
    { name: 'a list ends before the next total (…；本年度支出合计980万元，其中：…)', wb: report(['本年度收入合计1000万元，其中：财政拨款收入900万元，占90%，其他收入100万元，占10%；本年度支出合计980万元，其中：基本支出500万元，占51.02%，项目支出480万元，占48.98%。']) },
    { name: 'parts with their descriptions between them', wb: report(['2021年一般公共预算财政拨款基本支出1977.57万元，其中：人员经费1802.04万元，主要包括基本工资、津贴补贴等；公用经费175.53万元，主要包括办公费、印刷费等。']) },
  ],
  invalid: [],
});
