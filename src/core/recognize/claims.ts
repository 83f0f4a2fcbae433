/**
 * Claims from text: the figures sentences state and how the sentences relate them (issue 18). Every text cell
 * of every sheet that reads as prose with figures is read — a Word report's paragraphs (sheet 正文, one a row) and
 * a workbook's prose cells (实际完成情况, 偏差原因 …) alike.
 *
 * Conservative by construction: a figure is related to another only where the words say how — 其中/主要用于以下方面
 * (parts of the amount just before), 占 P% (a part's share of that whole), 完成预算的 P% / 执行率 P% (an actual over
 * the budget stated in the same sentence), 比…增加/减少 (a change against the amount it qualifies, or the year
 * it names), a numbered list under the total that introduces it. Everything else is only an `amount` claim,
 * compared elsewhere solely with the same item of the same year, measure, entity and fund scope.
 */
import { Grid } from '../grid';
import { listIn, listTotal, PARA_NUMBER } from './claims-lists';
import { facts, isProse, Read, readPara, readParagraphs } from './claims-read';
import { inherit, isComplete, changesIn, partsIn, ratesIn } from './claims-relate';
import { halfWidth } from './claims-scan';
import { TextAmount, TextClaim } from './model';

export { readParagraphs } from './claims-read';

/** The lists of a Read with nothing in it, never written to. */
const NONE: never[] = [];
Object.freeze(NONE);

export function findClaims(grids: readonly Grid[]): TextClaim[] {
  const out: TextClaim[] = [];
  // a text that is no prose (a label, a header) has no figures to read: its Read shares one set of empty lists
  const reads: Read[] = readParagraphs(grids).map((para) => (isProse(para.text) ? readPara(para) : { para, s: halfWidth(para.text), toks: NONE, amounts: NONE, pctKind: NONE, sents: NONE }));
  for (const r of reads) {
    if (r.toks === NONE) continue; // nothing in it: no amount, no parts, rates or changes
    for (const a of r.amounts) if (a && a.role === 'fact') out.push({ kind: 'amount', para: r.para, amount: a });
    partsIn(r, out);
    ratesIn(r, out);
    changesIn(r, out);
  }
  // parts in the paragraphs below "…A万元，其中：": each begins with its item and amount
  for (let k = 0; k < reads.length; k++) {
    const whole = reads[k]!.openWhole;
    if (!whole) continue;
    const parts: TextAmount[] = [];
    for (let j = k + 1; j < reads.length && reads[j]!.para.index === reads[k]!.para.index + (j - k); j++) {
      const r = reads[j]!;
      const first = r.toks[0];
      const a = first ? facts(r, 0) : undefined;
      if (!first || !a || first.start > 24 || /[，,；;。]/.test(r.s.slice(0, first.start))) break;
      parts.push(a);
    }
    if (parts.length < 2) continue;
    for (const p of parts) inherit(p, whole);
    out.push({ kind: 'parts', para: whole.para, whole, parts, shares: parts.map(() => undefined), complete: isComplete(whole, parts, []) });
  }
  // numbered lists: in one paragraph, or one item a paragraph in paragraphs that follow one another
  for (let k = 0; k < reads.length; k++) {
    const r = reads[k]!;
    const inner = r.toks.length ? listIn(r) : undefined;
    if (inner) {
      const total = listTotal(reads, k, inner.first);
      out.push({ kind: 'list', para: r.para, items: inner.items, ...(total ? { total } : {}) });
      continue;
    }
    // a list's first item must have its figure (the items below are read only while each has one)
    if (!r.toks.length) continue;
    const m = PARA_NUMBER.exec(r.s);
    if (!m || Number(m[1] ?? m[2]) !== 1 || (k > 0 && reads[k - 1]!.para.index === r.para.index - 1 && PARA_NUMBER.test(reads[k - 1]!.s))) continue;
    const run: Read[] = [r];
    for (let j = k + 1; j < reads.length && reads[j]!.para.index === r.para.index + (j - k); j++) {
      const n = PARA_NUMBER.exec(reads[j]!.s);
      if (!n || Number(n[1] ?? n[2]) !== run.length + 1) break;
      run.push(reads[j]!);
    }
    if (run.length < 2) continue;
    const items: TextAmount[] = [];
    for (const x of run) {
      const am = x.toks.map((t, i) => ({ t, i })).filter(({ t }) => t.kind === 'amount');
      const a = am.length === 1 ? facts(x, am[0]!.i) : undefined;
      if (!a || listIn(x)) break;
      items.push(a);
    }
    if (items.length !== run.length) continue;
    const total = listTotal(reads, k, 0);
    out.push({ kind: 'list', para: r.para, items, ...(total ? { total } : {}) });
    k += run.length - 1;
  }
  return out;
}
