/** The unit, 总分 and 等次 a reviewer's summary shows of a submission (issue 19, item 4): only what the file states. */
import { checkWorkbook } from '../../src/core';
import { seed002 } from '../../src/sample/seed002';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { book } from '../helpers/tables';

const head = (wb: WorkbookSnapshot): unknown => {
  const r = checkWorkbook(wb, 'x.xlsx').report;
  return { unit: r.unit, total: r.total };
};

test('seed 002: the 评分表’s 总分 and 等次; no cell names the unit, so none is given', () => {
  expect(head(seed002().wb)).toEqual({ unit: undefined, total: { score: '99', grade: '优秀' } });
});

test('the unit from a cell that says it is one, its unit line left out', () => {
  const wb = book('年度支出情况（万元）', ['单位名称', '支出合计'], [['合计', 3], ['局机关', 1], ['妇幼保健院', 2]]);
  wb.sheets[0]!.values.unshift(['编制单位：岳阳市云溪区卫生健康局　　单位：万元']);
  expect(head(wb)).toEqual({ unit: '岳阳市云溪区卫生健康局', total: undefined });
});

test('the unit from a title naming whose self-evaluation it is; a title that names none gives none', () => {
  const titled: WorkbookSnapshot = { sheets: [{ name: '正文', top: 0, left: 0, values: [['西区卫生健康局2019年度部门整体支出绩效自评报告'], ['一、部门概况']], report: true }] };
  expect((head(titled) as { unit?: string }).unit).toBe('西区卫生健康局');
  const plain: WorkbookSnapshot = { sheets: [{ name: '正文', top: 0, left: 0, values: [['部门整体支出绩效自评报告'], ['一、部门概况']], report: true }] };
  expect((head(plain) as { unit?: string }).unit).toBeUndefined();
});
