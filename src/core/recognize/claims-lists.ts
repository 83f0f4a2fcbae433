/**
 * Numbered lists of amounts (claims.ts): "1、…A万元；2、…B万元" in one paragraph, or one item a paragraph in
 * paragraphs that follow one another, and the total they are a list of where the words give it.
 */
import { itemKey, readClause } from './claims-scan';
import { facts, Read } from './claims-read';
import { TextAmount } from './model';

const ITEM_NUMBER = /(?:^|[；;。，,\s])\s*(?:(\d{1,3})、|[（(](\d{1,3})[)）])/g;

/** "1、…；2、…" in one paragraph: the items, when each holds exactly one amount (and no other). */
export function listIn(r: Read): { first: number; items: TextAmount[] } | undefined {
  ITEM_NUMBER.lastIndex = 0;
  const starts: number[] = [];
  let first = 0;
  let want = 1;
  for (let m = ITEM_NUMBER.exec(r.s); m; m = ITEM_NUMBER.exec(r.s)) {
    const n = Number(m[1] ?? m[2]);
    if (n !== want) continue;
    if (n === 1) first = m.index + /^[；;。，,\s]*/.exec(m[0])![0].length;
    starts.push(m.index + m[0].length);
    want++;
  }
  if (starts.length < 2) return undefined;
  const items: TextAmount[] = [];
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k]!;
    const to = k + 1 < starts.length ? starts[k + 1]! : r.s.length;
    const inside = r.toks.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'amount' && t.start >= from && t.start < to);
    if (inside.length !== 1) return undefined;
    const a = facts(r, inside[0]!.i);
    if (!a) return undefined;
    items.push(a);
  }
  return { first, items };
}

export const PARA_NUMBER = /^\s*(?:(\d{1,3})、|[（(](\d{1,3})[)）])/;
const LIST_INTRO = /(其中|如下|分别为|具体|包括|明细)[^。]*[:：]?\s*$/;

function introTotal(r: Read, before: number): TextAmount | undefined {
  let last = -1;
  for (let i = 0; i < r.toks.length; i++) if (r.toks[i]!.end <= before) last = i;
  if (last < 0) return undefined;
  const a = facts(r, last);
  if (!a || !LIST_INTRO.test(r.s.slice(a.end, before)) || /[。]/.test(r.s.slice(a.end, before).replace(/[。]\s*$/, ''))) return undefined;
  return a;
}

const HEADING_END = /(情况说明|情况|说明|明细|决算情况)\s*$/;

/** The total a list is of, when its words give it: an intro ("共计X万元，具体如下：") in its paragraph or the one
 *  above, or a heading above it ("项目支出情况") that names an item stated in the paragraph above the heading. */
export function listTotal(reads: Read[], at: number, firstStart: number): TextAmount | undefined {
  const r = reads[at]!;
  const own = introTotal(r, firstStart);
  if (own) return own;
  // text before the list that is no intro: the list is not under a total above it
  if (r.s.slice(0, firstStart).trim().length > 0) return undefined;
  const prev = reads[at - 1];
  if (!prev || prev.para.index !== r.para.index - 1) return undefined;
  const fromPrev = introTotal(prev, prev.s.length);
  if (fromPrev) return fromPrev;
  // a heading: short, no figures, no sentence
  if (prev.toks.length || prev.s.trim().length > 24 || /[。，,]/.test(prev.s)) return undefined;
  const key = itemKey(readClause(prev.s.trim().replace(HEADING_END, '')).key);
  const above = reads[at - 2];
  if (!key || !above || above.para.index !== prev.para.index - 1) return undefined;
  let found: TextAmount | undefined;
  for (const a of above.amounts) if (a && a.role === 'fact' && a.key === key) found = a;
  return found;
}

