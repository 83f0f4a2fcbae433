/**
 * A Word report in the core (issue 18): its sheets are marked `report`, so "nothing to check" is said of a report
 * in its own words and as a note, never the workbook warning; and text checks that fail on most sentences of a
 * sheet are one note naming the sheet, like a misread table.
 */
import { checkWorkbook } from '../../src/core';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { report } from '../fixtures/text';

const asReport = (wb: WorkbookSnapshot): WorkbookSnapshot => ({ sheets: wb.sheets.map((s) => ({ ...s, report: true })) });
const found = (wb: WorkbookSnapshot): string[] => checkWorkbook(wb, 'r.docx').report.findings.map((f) => `${f.severity} ${f.rule}:${f.messageId} ${f.cells[0] ?? ''}`);

test('a report that states no figure: one note in the report’s words, not the workbook warning', () => {
  const wb = asReport(report(['第一部分 部门概况', '按照《预算法》第三十二条规定，联系电话：0812-3334567。', '在职人员45人，开展培训12次。']));
  expect(found(wb)).toEqual(['info input/nothing-recognised:nothingInReport 正文!A1']);
  expect(checkWorkbook(wb, 'r.docx').report.findings[0]!.message).toBe('报告中未找到可校验的数字陈述（金额及其构成、占比、完成率、增减）或表格，因此没有做任何校验');
});

test('a report whose sentences were read and hold: nothing at all', () => {
  const wb = asReport(report(['2019年本年支出合计958.42万元，其中：基本支出272.33万元，占28.41%；项目支出686.09万元，占71.59%。']));
  expect(found(wb)).toEqual([]);
});

test('a workbook in which nothing is recognised still gets the warning', () => {
  const wb: WorkbookSnapshot = { sheets: [{ name: '说明', top: 0, left: 0, values: [['填表说明'], ['请按要求填写']] }] };
  expect(found(wb)).toEqual(['warning input/nothing-recognised:nothing 说明!A1']);
});

test('rates that fail in most sentences of a sheet are one note naming the sheet and its paragraphs', () => {
  const rates = ['83.56%', '9.5%', '7.85%', '96.5%'];
  const paragraphs = [
    `2026年部门预算支出总计1434.89万元，其中：基本支出1200.3万元，占${rates[0]}；项目支出234.59万元，占16.35%。`,
    `机关运行经费支出45.6万元，比上年增加3.2万元，增长${rates[2]}。`,
    `该项目全年预算数为520万元，全年执行数为500.5万元，执行率为${rates[3]}。`,
    `公务接待费支出12.5万元，比上年增加1.1万元，增长${rates[1]}。`,
  ];
  const { report: r } = checkWorkbook(asReport(report(paragraphs)), 'r.docx');
  const note = r.findings.find((f) => f.rule === 'structure/unconfirmed')!;
  expect(note.messageId).toBe('sentences');
  expect(note.message).toMatch(/^“正文”的文字中，规则 text\/rate 的校验有 4 处不成立、仅 1 处成立/);
  expect(r.findings.filter((f) => f.severity === 'error' && f.rule === 'text/rate')).toEqual([]);
  // fixed, every rate is checked and holds
  const fixed = paragraphs.map((p) => p.replace(rates[0]!, '83.65%').replace(rates[1]!, '9.65%').replace(rates[2]!, '7.55%').replace(rates[3]!, '96.25%'));
  expect(found(asReport(report(fixed)))).toEqual([]);
});
