/** Rendering a rule's message template ("{stated} ≠ {sum}") in the chosen language. */
import { Lang, MessageText } from './rules/types';

export function render(template: MessageText, lang: Lang, data: Record<string, string | number>): string {
  const text = lang === 'en' ? template.en : template.zh;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export const CULPRIT_NOTE: MessageText = {
  zh: '（{cell} 同时处在不成立的列合计与行内关系中，最可能是它填错了）',
  en: ' ({cell} sits in both the failing column total and the failing row identity: it is the most likely culprit)',
};

export const CULPRIT_NOTE_MANY: MessageText = {
  zh: '（{cell} 同时处在 {n} 项不成立的校验中，最可能是它填错了）',
  en: ' ({cell} sits in {n} failing checks: it is the most likely culprit)',
};

export const CULPRIT_NOTE_ISOLATED: MessageText = {
  zh: '（其余各数均与其他校验相符，最可能是 {cell} 填错了）',
  en: ' (the other figures agree with the other checks: {cell} is the most likely culprit)',
};
