/** A sheet (or part of one) the engine could not read: said, and the rest is still checked. */
import { quoteSheet } from '../../a1';
import { Rule } from '../types';

export const unreadable: Rule = {
  meta: {
    id: 'input/unreadable',
    severity: 'info',
    description: { zh: '无法读取的工作表或合并区域', en: 'A sheet or merged area the engine could not read' },
    messages: {
      // a workbook with a sheet that could not be checked is not clean: an error, so the CLI exits 1
      sheet: {
        severity: 'error',
        zh: '工作表“{sheet}”无法读取，未校验：{reason}；其余工作表已校验',
        en: 'Sheet “{sheet}” could not be read and was not checked: {reason}; the other sheets were',
      },
      mergesUnread: {
        zh: '工作表“{sheet}”的合并单元格过多（Excel 一行最多返回 512 个），未能读取：表头按布局识别，其余照常校验',
        en: 'Sheet “{sheet}” has too many merged areas for Excel to return (at most 512 in a row): its headers were read by their layout alone; everything else was checked',
      },
      merge: { zh: '工作表“{sheet}”中的合并区域“{reason}”无法识别，已忽略', en: 'Merged area “{reason}” on sheet “{sheet}” could not be read and was ignored' },
    },
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.kind === 'unreadable-sheet') ctx.report({ messageId: 'sheet', data: { sheet: n.sheet, reason: n.text }, cells: [`${quoteSheet(n.sheet)}!A1`] });
      if (n.kind === 'merges-unread') ctx.report({ messageId: 'mergesUnread', data: { sheet: n.sheet }, cells: [`${quoteSheet(n.sheet)}!A1`] });
      if (n.kind === 'bad-merge') ctx.report({ messageId: 'merge', data: { sheet: n.sheet, reason: n.text }, cells: [`${quoteSheet(n.sheet)}!A1`] });
    }
  },
};
