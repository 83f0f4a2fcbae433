/**
 * A workbook in which nothing was recognised was not checked: that is said, distinctly, and never reported as
 * clean ("未发现问题 · 识别 0 张表" would tell a reviewer the figures agree when nothing was looked at).
 */
import { quoteSheet } from '../../a1';
import { Rule } from '../types';

export const nothingRecognised: Rule = {
  meta: {
    id: 'input/nothing-recognised',
    severity: 'warning',
    description: { zh: '工作簿中未识别到任何可校验的表格', en: 'Nothing in the workbook was recognised as a table to check' },
    messages: {
      nothingInReport: {
        severity: 'info',
        zh: '报告中未找到可校验的数字陈述（金额及其构成、占比、完成率、增减）或表格，因此没有做任何校验',
        en: 'The report states no figures to check (amounts with their parts, shares, rates, changes) and holds no table to check, so nothing was checked',
      },
      nothing: {
        zh: '未识别到任何可校验的表格（收支表、评分表、绩效自评表、预算执行情况等），因此没有做任何校验：请确认这是部门整体支出绩效自评工作簿，表头与数字是否在工作表中',
        en: 'Nothing was recognised as a table to check (收支 tables, 评分表, self-evaluation forms, budget lines), so nothing was checked: make sure this is a self-evaluation workbook with its headers and figures in the sheets',
      },
    },
  },
  check(ctx) {
    const m = ctx.model;
    if (m.tables.length || m.scoreTables.length || m.projects.length || m.profiles.length || m.formLines.length) return;
    // sentences with figures were read and checked (a Word report, or a workbook's prose cells)
    if (m.claims.length) return;
    const first = m.grids[0]?.name;
    // a Word report with no figure to check is said so, as a note: it is no workbook that failed to be read
    const report = m.grids.length > 0 && m.grids.every((g) => g.report);
    ctx.report({ messageId: report ? 'nothingInReport' : 'nothing', data: {}, cells: first !== undefined ? [`${quoteSheet(first)}!A1`] : [] });
  },
};
