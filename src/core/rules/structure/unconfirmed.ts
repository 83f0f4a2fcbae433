/**
 * A sum the labels proposed but the figures contradict on most lines was a misreading of the layout (see
 * recognize/confirm.ts): it is not checked, and this note says so, so that nobody mistakes silence for a pass.
 */
import { Rule } from '../types';

export const unconfirmed: Rule = {
  meta: {
    id: 'structure/unconfirmed',
    severity: 'info',
    description: { zh: '标签提示的合计关系与数字不符，判断为误读，未按此关系校验', en: 'A sum the labels suggested that the figures contradict was taken as a misreading and not checked' },
    messages: {
      misread: {
        zh: '按标签，“{relation}”应成立，但数字在 {failed} 处不符、仅 {held} 处相符：判断为对表格结构的误读，未按此关系校验，请人工核对',
        en: 'By the labels, “{relation}” should hold, but the figures disagree in {failed} places and agree in only {held}: taken as a misreading of the layout and not checked; please check by hand',
      },
      sentences: {
        zh: '“{table}”的文字中，规则 {rule} 的校验有 {failed} 处不成立、仅 {held} 处成立：判断为对这些句子的误读，未作为错误报告，请人工核对所列段落',
        en: 'In the text of “{table}”, the checks of rule {rule} fail in {failed} places and hold in only {held}: taken as a misreading of these sentences and not reported as errors; please check the paragraphs listed by hand',
      },
      family: {
        zh: '“{table}”中，规则 {rule} 的校验有 {failed} 处不成立、仅 {held} 处成立：判断为对表格结构的误读，未作为错误报告，请人工核对',
        en: 'In “{table}”, the checks of rule {rule} fail in {failed} places and hold in only {held}: taken as a misreading of the layout and not reported as errors; please check by hand',
      },
    },
  },
  check(ctx) {
    for (const n of ctx.model.notes) {
      if (n.kind !== 'unconfirmed') continue;
      ctx.report({ messageId: 'misread', data: { relation: n.text, held: n.held ?? 0, failed: n.failed ?? 0 }, cells: n.cells ?? [], table: n.tableId });
    }
  },
};
