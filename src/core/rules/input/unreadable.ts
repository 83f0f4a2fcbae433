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
      sheetMissing: {
        severity: 'error',
        zh: '工作表“{sheet}”的内容在文件中缺失，未校验；其余工作表已校验。请用 Excel 或 WPS 打开确认后另存',
        en: 'The content of sheet “{sheet}” is missing from the file and was not checked; the other sheets were. Open the file in Excel or WPS and save it again',
      },
      sheetCorrupt: {
        severity: 'error',
        zh: '工作表“{sheet}”的内容已损坏（不是有效的 XML），未校验；其余工作表已校验。请用 Excel 或 WPS 打开修复后另存',
        en: 'The content of sheet “{sheet}” is damaged (not valid XML) and was not checked; the other sheets were. Open the file in Excel or WPS, let it repair it and save it again',
      },
      mergesUnread: {
        zh: '工作表“{sheet}”的合并单元格过多（Excel 一行最多返回 512 个），未能读取：表头按布局识别，其余照常校验',
        en: 'Sheet “{sheet}” has too many merged areas for Excel to return (at most 512 in a row): its headers were read by their layout alone; everything else was checked',
      },
      merge: {
        zh: '工作表“{sheet}”中有 {count} 个合并区域无法识别或与其他合并区域重叠（{reason}），已忽略，其余照常校验；在 Excel 中打开并保存一次即可修复',
        en: '{count} merged area(s) on sheet “{sheet}” could not be read or overlap another ({reason}) and were ignored; everything else was checked. Opening and saving the file in Excel repairs this',
      },
      mergesTooMany: {
        zh: '工作表“{sheet}”有 {count} 个合并区域，超出可处理的数量：合并单元格未使用，表头按布局识别，其余照常校验',
        en: 'Sheet “{sheet}” has {count} merged areas, more than can be handled: merges were not used, headers were read by their layout alone; everything else was checked',
      },
    },
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.kind === 'unreadable-sheet') {
        const messageId = n.text === 'missing' ? 'sheetMissing' : n.text === 'corrupt' ? 'sheetCorrupt' : 'sheet';
        ctx.report({ messageId, data: { sheet: n.sheet, reason: n.text }, cells: [`${quoteSheet(n.sheet)}!A1`] });
      }
      if (n.kind === 'merges-unread') ctx.report({ messageId: 'mergesUnread', data: { sheet: n.sheet }, cells: [`${quoteSheet(n.sheet)}!A1`] });
      if (n.kind === 'bad-merge') ctx.report({ messageId: 'merge', data: { sheet: n.sheet, reason: n.count && n.count > 3 ? `${n.text} …` : n.text, count: n.count ?? 1 }, cells: [`${quoteSheet(n.sheet)}!A1`] });
      if (n.kind === 'merges-too-many') ctx.report({ messageId: 'mergesTooMany', data: { sheet: n.sheet, count: n.count ?? 0 }, cells: [`${quoteSheet(n.sheet)}!A1`] });
    }
  },
};
