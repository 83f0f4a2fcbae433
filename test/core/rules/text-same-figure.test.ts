/** text/same-figure (issue 18): one item, year, measure and fund scope stated with two amounts. */
import { textSameFigure } from '../../../src/core/rules/text/same-figure';
import { ruleTester } from '../../helpers/rule-tester';
import { report } from '../../fixtures/text';
import { CLEAN } from '../../fixtures/text/clean';
import { BASIC, HOUSING, HOUSING_FIXED, PERSONNEL } from '../../fixtures/text/reviewer';
import { SEED } from '../../fixtures/text/seeds';

ruleTester(textSameFigure, {
  valid: [
    { name: 'seed 004: 基本支出 272.33 (本年支出合计, all funds) and 一般公共预算财政拨款基本支出 272.27: different scopes', wb: report([SEED.spending53, SEED.basic91, SEED.personnel92, SEED.public93]) },
    { name: 'seed 003: 一般公共预算财政拨款 项目支出 6184.7 and 项目支出决算数 6928.64 (no scope stated)', wb: report([SEED.s003_83, SEED.s003_115]) },
    { name: 'seed 004: 一般公共预算财政拨款支出 903.57 stated twice alike', wb: report([SEED.general60, SEED.general69]) },
    { name: 'seed 004: 部门预算总收入 781.74 and the 项目支出 686.10 of a sentence with no year or scope', wb: report([SEED.spending53, SEED.budget553, SEED.budget555]) },
    { name: 'the reviewer’s 住房公积金, corrected: 208.80 = 208.8', wb: report([BASIC, PERSONNEL, HOUSING_FIXED]) },
    { name: 'another year is another figure', wb: report([PERSONNEL, HOUSING.replace('2026年', '2025年')]) },
    { name: 'another scope is another figure', wb: report([PERSONNEL, HOUSING.replace('一般公共预算财政拨款', '政府性基金')]) },
    { name: 'another measure is another figure', wb: report([PERSONNEL, HOUSING.replace('预算安排', '决算数为')]) },
    { name: 'dense clean texts', wb: report(CLEAN) },
  ],
  invalid: [
    {
      name: 'the reviewer’s case: 住房公积金（01项）208.8万元 and 住房公积金 2026年预算安排 201.50万元',
      wb: report([BASIC, PERSONNEL, HOUSING]),
      findings: [{
        messageId: 'mismatch', severity: 'error', cells: ['正文!A3', '正文!A2'], expected: '208.8万元', actual: '201.50万元',
        message: '2026年一般公共预算财政拨款“住房公积金”预算在文中为 208.8万元，另一处为 201.50万元，同一数字前后不一致，相差 7.30万元',
      }],
    },
    {
      name: 'mutant of seed 004: 一般公共预算财政拨款支出 930.57 where the paragraph above says 903.57',
      wb: report([SEED.general60, SEED.general69.replace('903.57', '930.57')]),
      findings: [{ messageId: 'mismatch', cells: ['正文!A2', '正文!A1'], expected: '903.57万元', actual: '930.57万元' }],
    },
    {
      name: 'one paragraph, two amounts of one figure',
      wb: report(['2021年一般公共预算财政拨款基本支出1977.57万元，主要用于人员经费和公用经费；全年一般公共预算财政拨款基本支出1979.57万元，较年初有所增加。']),
      findings: [{ messageId: 'mismatch', cells: ['正文!A1'], actual: '1979.57万元' }],
    },
  ],
});

ruleTester(textSameFigure, {
  valid: [
    { name: '年初预算 and 调整后预算 are stages of one budget, not one figure twice', wb: report(['2021年一般公共预算财政拨款支出年初预算数1000.00万元，调整后预算数1200.00万元。', '2021年一般公共预算财政拨款支出全年预算数1200.00万元。']) },
    { name: 'a clause about 上年 is not of the sentence’s year', wb: report(['2021年一般公共预算财政拨款支出1200.00万元，上年一般公共预算财政拨款支出1100.00万元。']) },
    { name: 'a range of years is no year', wb: report(['2021-2023年一般公共预算财政拨款支出3600.00万元。', '2023年一般公共预算财政拨款支出1200.00万元。']) },
  ],
  invalid: [],
});

ruleTester(textSameFigure, {
  valid: [
    {
      name: 'prose cells on two unit sheets are two units’ figures',
      wb: { sheets: [
        { name: '局机关', top: 0, left: 0, values: [['2021年一般公共预算财政拨款支出300.00万元，主要用于人员和公用经费。']] },
        { name: '疾控中心', top: 0, left: 0, values: [['2021年一般公共预算财政拨款支出200.00万元，主要用于疾病预防控制。']] },
      ] },
    },
  ],
  invalid: [],
});
