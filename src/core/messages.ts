/** Rendering a rule's message template ("{stated} ≠ {sum}") in the chosen language. */
import { Lang, MessageText } from './rules/types';

export function render(template: MessageText, lang: Lang, data: Record<string, string | number>): string {
  const text = lang === 'en' ? template.en : template.zh;
  // a value quoted by the template (“{row}”) that holds quotes of its own (“三公”经费合计) has them as inner
  // quotes, ‘三公’, the way Chinese nests them: never ““三公”经费合计”
  return text.replace(/(“?)\{(\w+)\}(”?)/g, (m, open: string, k: string, close: string) => {
    if (!(k in data)) return m;
    const v = String(data[k]);
    return open && close ? `“${v.replace(/“/g, '‘').replace(/”/g, '’')}”` : `${open}${v}${close}`;
  });
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

/** The shapes a typing error takes, as the typo note names them (core/culprit.ts finds them). */
export const TYPO_SHAPES = {
  swap: { zh: '数字颠倒', en: 'digits swapped' },
  digit: { zh: '漏位或多位', en: 'a digit dropped or added' },
  sign: { zh: '正负号相反', en: 'sign reversed' },
  neighbour: { zh: '与相邻行相同', en: 'same as the adjacent line' },
} as const satisfies Record<string, MessageText>;

export type TypoShape = keyof typeof TYPO_SHAPES;

export const CULPRIT_NOTE_TYPO: MessageText = {
  zh: '（{cell} 疑似录入错误：{shape}，改为 {fix} 后成立）',
  en: ' ({cell} looks mistyped: {shape}; with {fix} the check holds)',
};

/**
 * The note a finding's message ends with when a culprit is named, from the finding's data alone (so that a
 * finding can be rendered again in another language): why that cell — it sits in two or more failing checks, the
 * other figures are vouched for, or its figure looks mistyped (`culpritShape`, `culpritFix`) — or '' when no
 * culprit is named.
 */
export function culpritNote(lang: Lang, data: Record<string, string | number>): string {
  if (!data.culprit) return '';
  const shape = TYPO_SHAPES[data.culpritShape as TypoShape];
  if (shape && data.culpritFix !== undefined) {
    return render(CULPRIT_NOTE_TYPO, lang, { cell: data.culprit, shape: lang === 'en' ? shape.en : shape.zh, fix: data.culpritFix });
  }
  const note = data.culpritIsolated ? CULPRIT_NOTE_ISOLATED : data.culpritChecks ? CULPRIT_NOTE_MANY : CULPRIT_NOTE;
  return render(note, lang, { cell: data.culprit, n: data.culpritChecks ?? 2 });
}
