/** Text helpers for labels as people type them: full-width forms, stray spaces and line breaks, quotes. */

/**
 * Normalise a label for matching: NFKC (full-width digits, letters and punctuation become ASCII, so "（" is "("
 * and "：" is ":"), then drop all whitespace and quote marks (“三公”经费 and 三公经费 are the same label).
 */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/["'“”‘’「」『』]/g, '');
}

/** Text for display in messages: trimmed, inner line breaks and runs of spaces collapsed to nothing. */
export function displayLabel(s: string): string {
  return s.replace(/[\r\n]+/g, '').replace(/[\s\u3000]{2,}/g, ' ').trim();
}

export interface Numbering {
  /** the numbering style, e.g. "一、", "(一)", "1、", "(1)", "1.1"; used to derive outline levels */
  style: string;
  /** the label without its numbering */
  rest: string;
}

const NUMBERING: Array<[RegExp, string]> = [
  [/^[一二三四五六七八九十百]+[、.]/, 'cn'],
  [/^\([一二三四五六七八九十百]+\)/, '(cn)'],
  [/^\d+\.\d+(\.\d+)*[、.]?/, 'n.n'],
  [/^\d+[、.](?!\d)/, 'n'],
  [/^\(\d+\)/, '(n)'],
  [/^[①-⑳]/, 'circled'],
];

/** Split a leading outline number off a normalised label: "1、局机关" → style "n", rest "局机关". */
export function splitNumbering(raw: string): Numbering {
  const label = raw.normalize('NFKC').trimStart();
  for (const [re, style] of NUMBERING) {
    const m = re.exec(label);
    if (m && m[0].length < label.length) return { style, rest: label.slice(m[0].length) };
  }
  return { style: '', rest: label };
}
