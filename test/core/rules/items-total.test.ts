import { itemsTotal } from '../../../src/core/rules/items/total';
import { ruleTester } from '../../helpers/rule-tester';
import { book } from '../../helpers/tables';
import { SEED003_PROJECTS } from '../../fixtures/seed003';

/** Seed 003's 30 项目支出 lines with a stated 合计 at the end, numbered "1、…" as in the report. */
const projects = (total: number | string, totalFirst = false) => {
  const lines = SEED003_PROJECTS.map(([n, v], i) => [i + 1, `${n}项目支出`, v]);
  const tot = [null, '合计', total];
  return book('2021年度项目支出明细（万元）', ['序号', '项目名称', '支出金额'], totalFirst ? [tot, ...lines] : [...lines, tot]);
};

ruleTester(itemsTotal, {
  valid: [
    { name: 'seed 003: 30 lines add up to 6184.69', wb: projects(6184.69) },
    { name: 'seed 003 with the 合计 line first', wb: projects(6184.69, true) },
  ],
  invalid: [
    {
      name: 'seed 003: the stated 6184.7 is a rounding difference (30 lines, bound 31 × 0.005 = 0.155): info 尾差',
      wb: projects(6184.7),
      findings: [{
        messageId: 'totalRounding', severity: 'info', cells: ['Sheet1!C33', 'Sheet1!C3:C32'],
        message: '尾差：合计行“合计”的“支出金额”为 6184.70，30 项明细之和为 6184.69，相差 0.01，在舍入误差范围（±0.155）之内',
      }],
    },
    {
      name: 'seed 003: against the 6928.64 stated later it is an error',
      wb: projects(6928.64),
      findings: [{
        messageId: 'total', severity: 'error', cells: ['Sheet1!C33', 'Sheet1!C3:C32'], expected: '6184.69', actual: '6928.64', fix: null,
        message: /不等于 30 项明细之和 0\.78 \+ 625\.71 \+ 315\.01 \+ … \+ 8\.24 = 6184\.69，相差 743\.95/,
      }],
    },
    {
      name: 'a total stored as text “6,928.64” is read as the number',
      wb: projects('6,928.64'),
      findings: [{ messageId: 'total', actual: '6928.64' }],
    },
    {
      name: 'tolerance 0: the 0.01 is an error',
      wb: projects(6184.7),
      options: { tolerance: { factor: 0, minDecimals: 2 } },
      findings: [{ messageId: 'total', severity: 'error' }],
    },
  ],
});
