/** text/table (issue 18): a figure of the text against the same figure in a table of the same report. */
import { textTable } from '../../../src/core/rules/text/table';
import { ruleTester } from '../../helpers/rule-tester';
import { report } from '../../fixtures/text';
import { CLEAN } from '../../fixtures/text/clean';
import { basicTable, HOUSING_FIXED, PERSONNEL } from '../../fixtures/text/reviewer';

ruleTester(textTable, {
  valid: [
    { name: 'the text agrees with 表1 in 元 (4,201,500 元 = 420.15 万元)', wb: report([PERSONNEL, HOUSING_FIXED], basicTable(1700300)) },
    { name: 'a table of another scope is not compared', wb: report([PERSONNEL.replace('一般公共预算财政拨款', '政府性基金')], basicTable()) },
    { name: 'a table of another year is not compared', wb: report([PERSONNEL.replace('2026年', '2025年')], basicTable()) },
    { name: 'a 决算 figure is not compared with a 预算 column', wb: report([PERSONNEL.replace('预算安排', '决算数为')], basicTable()) },
    { name: 'dense clean texts beside the table', wb: report(CLEAN, basicTable()) },
  ],
  invalid: [
    {
      name: 'the reviewer’s case: 购房补贴 170.03 万元 in the text, 2,070,000 元 in 表1',
      wb: report([PERSONNEL, HOUSING_FIXED], basicTable('2,070,000')),
      findings: [{
        messageId: 'mismatch', severity: 'error', cells: ['正文!A1', '表1!B6'], expected: '2070000元', actual: '170.03万元',
        message: '文中“购房补贴”为 170.03万元，而表格“2026年一般公共预算财政拨款基本支出预算表”表1!B6 为 2070000元（207.00万元），不一致',
      }],
    },
    {
      name: 'the text’s 住房公积金 201.50 against 2,088,000 元',
      wb: report([HOUSING_FIXED.replace('208.80', '201.50')], basicTable(1700300)),
      findings: [{ messageId: 'mismatch', cells: ['正文!A1', '表1!B5'], actual: '201.50万元' }],
    },
  ],
});
