/** Text helpers for labels as people type them: full-width forms, stray spaces and line breaks, quotes. */

/** Characters that show nothing but would keep two labels apart: zero-width space, non-joiner and joiner, word
 *  joiner, byte-order mark, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** The ST_Xstring escapes for a line break and a tab (`收入_x000D_合计`, as Excel and Apache POI write them), should
 *  one reach the core undecoded: read as the whitespace they stand for. */
const XSTRING_BREAK = /_x000[dDaA9]_/g;

/**
 * Text that every cleaning step here leaves as it is: CJK unified ideographs (U+4E00–U+9FFF, which have no
 * compatibility forms), printable ASCII other than the quote marks and the underscore of the ST_Xstring escapes,
 * and 、。. NFKC changes none of these characters, none is whitespace, invisible or a quote mark: normLabel and
 * splitNumbering's normalisation return such a text unchanged, so they skip the work (most labels are such text).
 */
export function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x4e00 ? ch > 0x9fff : ch < 0x21 || (ch > 0x7e && ch !== 0x3001 && ch !== 0x3002) || ch === 0x22 || ch === 0x27 || ch === 0x5f) return false;
  }
  return true;
}

/** A label's text with what the format and the eye do not count taken out: the escapes read as line breaks, the
 *  invisible characters dropped. The one place labels are cleaned before matching or showing. */
export function visibleText(s: string): string {
  return s.replace(XSTRING_BREAK, '\n').replace(INVISIBLE, '');
}

/**
 * Normalise a label for matching: invisible characters and ST_Xstring line breaks out (see visibleText), NFKC
 * (full-width digits, letters and punctuation become ASCII, so "（" is "(" and "：" is ":"), then drop all
 * whitespace and quote marks (“三公”经费 and 三公经费 are the same label).
 */
export function normLabel(s: string): string {
  if (isPlainText(s)) return s;
  return visibleText(s)
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/["'“”‘’「」『』]/g, '');
}

/** Text for display in messages: trimmed, inner line breaks and runs of spaces collapsed to nothing. */
export function displayLabel(s: string): string {
  return visibleText(s).replace(/[\r\n]+/g, '').replace(/[\s\u3000]{2,}/g, ' ').trim();
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
  const label = isPlainText(raw) ? raw : raw.normalize('NFKC').trimStart();
  for (const [re, style] of NUMBERING) {
    const m = re.exec(label);
    if (m && m[0].length < label.length) return { style, rest: label.slice(m[0].length) };
  }
  return { style: '', rest: label };
}
