/** What the text rules share: a paragraph's cell, the sentence quoted with its figures marked, rates at shown decimals. */
import { ToleranceOptions } from '../../arith';
import { Dec, HUNDRED } from '../../decimal';
import { Num } from '../../numbers';
import { TextFigure, TextParagraph } from '../../recognize/model';
import { checkRatio } from '../ratio';
import { Quote } from '../types';
import { ref } from '../util';

export function cellOf(p: TextParagraph): string {
  return ref(p.grid, p.row, p.col);
}

/** The cells of a finding: the paragraph of the first figure first, then the others' (each once). */
export function cellsOf(...figures: Array<{ para: TextParagraph } | undefined>): string[] {
  return [...new Set(figures.filter((f): f is { para: TextParagraph } => !!f).map((f) => cellOf(f.para)))];
}

/** One family a rule a sheet: a text whose checks fail on most lines is a misreading of it (core/evidence.ts). */
export function familyOf(rule: string, p: TextParagraph): string {
  return `${rule}:${p.grid.name}`;
}

const MAX_QUOTE = 300;

/** The sentence(s) holding the figures of the first paragraph among them, at most 300 characters, figures marked. */
export function quoteOf(...figures: Array<Pick<TextFigure, 'para' | 'start' | 'end'> | undefined>): Quote {
  const list = figures.filter((f): f is Pick<TextFigure, 'para' | 'start' | 'end'> => !!f);
  const para = list[0]!.para;
  const mine = list.filter((f) => f.para === para);
  const text = para.text;
  const lo = Math.min(...mine.map((f) => f.start));
  const hi = Math.max(...mine.map((f) => f.end));
  let start = lo;
  while (start > 0 && !'。！？!?\n'.includes(text[start - 1]!)) start--;
  let end = hi;
  while (end < text.length && !'。！？!?\n'.includes(text[end - 1] ?? '')) end++;
  while (start < lo && /\s/.test(text[start]!)) start++;
  if (end - start > MAX_QUOTE) {
    start = Math.max(start, Math.min(lo - 40, hi - MAX_QUOTE));
    start = Math.max(0, start);
    end = Math.min(text.length, start + MAX_QUOTE);
  }
  const marks = mine
    .filter((f) => f.start >= start && f.end <= end)
    .map((f): [number, number] => [f.start - start, f.end - start])
    .sort((a, b) => a[0] - b[0]);
  return { text: text.slice(start, end), marks: marks.filter((m, i) => i === 0 || m[0] !== marks[i - 1]![0]) };
}

export interface TextRatio {
  ok: boolean;
  /** stated and computed, in percent points, each at the stated decimals */
  stated: string;
  computed: string;
  /** the inputs' own rounding could explain the difference, and an input is shown with fewer than 2 decimals */
  coarse: boolean;
}

/**
 * A rate or share stated in text against num ÷ den, at the decimals it shows. The figures a sentence shows are what a
 * reader recomputes: 15.70 ÷ 16.56 = 94.81% ≠ 94.78% is an error even though 15.695 … 15.705 could give it. Only
 * where an input is shown with fewer than 2 decimals (5万元, 3.9万元: rounded coarsely) may its rounding explain the
 * difference, and that is a warning.
 */
export function textRatio(stated: Num, sign: 1 | -1, num: Dec, den: Dec, inputs: Num[], tol: ToleranceOptions): TextRatio {
  const signed: Num = sign === 1 ? stated : { ...stated, value: stated.value.negated() };
  const r = checkRatio(signed, num, den, inputs, tol);
  const coarse = !r.ok && r.explains && inputs.some((n) => n.decimals < 2);
  const dp = r.dp;
  return { ok: r.ok, stated: `${r.points.abs().toFixed(dp)}%`, computed: `${num.div(den).times(HUNDRED).toFixed(dp, Dec.ROUND_HALF_UP)}%`, coarse };
}

/** "15.70万元" as written, or the figure in 万元 when it was written in 元 (for the working). */
export function asWritten(f: TextFigure): string {
  return f.text.replace(/\s+/g, '');
}
