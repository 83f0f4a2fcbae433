/**
 * The four text rules over the full texts of the five seed reports (issue 18): every non-empty line of a seed's
 * .txt is one paragraph row of 正文. Exactly the expected findings, nothing else.
 */
import { checkWorkbook } from '../../../src/core';
import { textRate } from '../../../src/core/rules/text/rate';
import { textSameFigure } from '../../../src/core/rules/text/same-figure';
import { textSum } from '../../../src/core/rules/text/sum';
import { textTable } from '../../../src/core/rules/text/table';
import { report, rowOf, seedParagraphs } from '../../fixtures/text';

const TEXT_RULES = [textRate, textSum, textSameFigure, textTable];

const findings = (n: string) => {
  const paragraphs = seedParagraphs(n);
  const r = checkWorkbook(report(paragraphs), `seed${n}.txt`, {}, TEXT_RULES).report.findings;
  return { paragraphs, list: r.map((f) => ({ rule: f.rule, severity: f.severity, cell: f.cells[0], messageId: f.messageId, expected: f.expected, actual: f.actual })) };
};

describe('seed report texts (test/fixtures/seeds)', () => {
  test('seed 004: the 94.78% of 计划生育特殊家庭公共交通补贴, and the 5.08% of 收、支总计 (49.68 ÷ 965.24 = 5.15%)', () => {
    const { paragraphs, list } = findings('004');
    expect(list).toEqual([
      { rule: 'text/rate', severity: 'error', cell: `正文!A${rowOf(paragraphs, '收、支总计增加49.68万元')}`, messageId: 'change', expected: '5.15%', actual: '5.08%' },
      { rule: 'text/rate', severity: 'error', cell: `正文!A${rowOf(paragraphs, '完成预算的94.78%')}`, messageId: 'rate', expected: '94.81%', actual: '94.78%' },
    ]);
  });

  test('seed 003: the 30 项目支出 lines against 6184.7 are 尾差 (info), nothing else', () => {
    const { paragraphs, list } = findings('003');
    expect(list).toEqual([
      { rule: 'text/sum', severity: 'info', cell: `正文!A${rowOf(paragraphs, '1、中医药经费项目支出0.78万元')}`, messageId: 'listRounding', expected: '6184.69万元', actual: '6184.7万元' },
    ]);
  });

  test.each(['000', '001', '002'])('seed %s: no finding at all', (n) => {
    expect(findings(n).list).toEqual([]);
  });
});
