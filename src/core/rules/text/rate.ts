/**
 * text/rate: a rate, share or change percentage stated in a sentence equals what the amounts it relates give, at
 * the decimals it shows — "完成预算的94.78%" against 执行数 ÷ 预算数 of the same sentence, "占28.41%" against the
 * part ÷ the whole its 其中 list is of, "增长2.66%" against the change ÷ the earlier amount — and a direction word
 * (增加/增长/上升, 减少/下降) agrees with the sign of the change between two amounts the sentence states.
 */
import { Dec } from '../../decimal';
import { TextAmount, TextClaim } from '../../recognize/model';
import { Rule } from '../types';
import { asWritten, cellsOf, familyOf, quoteOf, textRatio } from './util';

type Change = Extract<TextClaim, { kind: 'change' }>;

export const textRate: Rule = {
  meta: {
    id: 'text/rate',
    severity: 'error',
    description: { zh: '文字中的执行率、占比、增减幅度与其所依据的金额相符', en: 'Rates, shares and changes stated in the text agree with the amounts they relate' },
    messages: {
      rate: {
        zh: '“{stated_text}”与执行数 {actual} ÷ 预算数 {budget} = {computed} 不符（应为 {computed}）',
        en: '“{stated_text}” does not agree with actual {actual} ÷ budget {budget} = {computed}',
      },
      share: {
        zh: '“{part_label}{part}，占{stated}”与 {part} ÷ {whole_label}{whole} = {computed} 不符',
        en: '“{part_label} {part}, {stated} of the whole” does not agree with {part} ÷ {whole_label} {whole} = {computed}',
      },
      change: {
        zh: '“{word}{stated}”与{working} = {computed} 不符',
        en: '“{word} {stated}” does not agree with {working} = {computed}',
      },
      direction: {
        zh: '文字称“{word}”，但 {current}（{current_year}）与 {prior}（{prior_year}）相比实为{actual_word}',
        en: 'The text says “{word}”, but {current} ({current_year}) against {prior} ({prior_year}) is a {actual_word_en}',
      },
      directionPair: {
        zh: '文字称“{word}{delta}”，又称“{pct_word}{stated}”，增减方向自相矛盾',
        en: 'The text says “{word} {delta}” and then “{pct_word} {stated}”: the directions contradict each other',
      },
      roundingExplains: {
        severity: 'warning',
        zh: '“{stated_text}”按文中数字计算为 {computed}；所示金额位数较少，差异可能来自舍入，请按原始数字复核',
        en: '“{stated_text}”: the figures as written give {computed}; they are shown with few decimals and their rounding may explain it: please recompute from the exact figures',
      },
    },
  },
  check(ctx) {
    const tol = ctx.options.tolerance;
    for (const c of ctx.model.claims) {
      if (c.kind === 'rate') {
        const family = familyOf('text/rate', c.para);
        if (c.budget.num.value.isZero()) continue;
        ctx.checked(family);
        const r = textRatio(c.rate.num, 1, c.actual.num.value, c.budget.num.value, [c.actual.num, c.budget.num], tol);
        if (r.ok) continue;
        const statedText = c.para.text.slice(Math.max(c.budget.end, c.actual.end, c.rate.start - 8), c.rate.end).replace(/^[，,；;。\s]+/, '');
        ctx.report({
          messageId: r.coarse ? 'roundingExplains' : 'rate',
          data: { stated_text: statedText, stated: r.stated, actual: asWritten(c.actual), budget: asWritten(c.budget), computed: r.computed },
          cells: cellsOf(c.rate, c.actual, c.budget),
          expected: r.computed, actual: r.stated,
          quote: quoteOf(c.rate, c.actual, c.budget),
          family,
        });
      } else if (c.kind === 'parts') {
        c.shares.forEach((share, i) => {
          if (!share || c.whole.num.value.isZero()) return;
          const part = c.parts[i]!;
          const family = familyOf('text/rate', c.para);
          ctx.checked(family);
          const r = textRatio(share.num, 1, part.num.value, c.whole.num.value, [part.num, c.whole.num], tol);
          if (r.ok) return;
          ctx.report({
            messageId: r.coarse ? 'roundingExplains' : 'share',
            data: {
              stated_text: `${part.label}${asWritten(part)}，占${asWritten(share)}`, stated: asWritten(share), part: asWritten(part), part_label: part.label,
              whole: asWritten(c.whole), whole_label: c.whole.label, computed: r.computed,
            },
            cells: cellsOf(share, c.whole),
            expected: r.computed, actual: r.stated,
            quote: quoteOf(share, part, c.whole),
            family,
          });
        });
      } else if (c.kind === 'change') {
        checkChange(c, ctx, tol);
      }
    }
  },
};

function yearText(a: TextAmount): string {
  return a.year !== undefined ? `${a.year}年` : '前者';
}

function checkChange(c: Change, ctx: Parameters<Rule['check']>[0], tol: Parameters<typeof textRatio>[5]): void {
  const family = familyOf('text/rate', c.para);
  const cur = c.current;
  if (c.prior) {
    const diff = cur.num.value.minus(c.prior.num.value);
    ctx.checked(family);
    if (!diff.isZero() && (diff.isPositive() ? 1 : -1) !== c.direction) {
      const up = diff.isPositive();
      ctx.report({
        messageId: 'direction',
        data: {
          word: c.word.text, current: asWritten(cur), current_year: yearText(cur), prior: asWritten(c.prior), prior_year: c.prior.year !== undefined ? `${c.prior.year}年` : '上年',
          actual_word: up ? '增加' : '减少', actual_word_en: up ? 'rise' : 'fall',
        },
        cells: cellsOf(c.word, cur, c.prior),
        quote: quoteOf(c.word, cur, c.prior, c.percent, c.delta),
        family,
      });
      return;
    }
    if (!c.percent || c.prior.num.value.isZero()) return;
    ctx.checked(family);
    const r = textRatio(c.percent.num, c.direction, diff, c.prior.num.value, [cur.num, c.prior.num, c.prior.num], tol);
    if (r.ok) return;
    const computed = `${diff.div(c.prior.num.value).times(100).toFixed(c.percent.num.decimals, Dec.ROUND_HALF_UP)}%`;
    ctx.report({
      messageId: r.coarse ? 'roundingExplains' : 'change',
      data: {
        stated_text: `${c.word.text}${asWritten(c.percent)}`, word: c.word.text, stated: asWritten(c.percent),
        working: `（${asWritten(cur)} − ${asWritten(c.prior)}）÷ ${asWritten(c.prior)}`, computed,
      },
      cells: cellsOf(c.percent, cur, c.prior),
      expected: computed, actual: `${c.direction === 1 ? '' : '-'}${r.stated}`,
      quote: quoteOf(c.percent, cur, c.prior, c.word),
      family,
    });
    return;
  }
  if (!c.delta || !c.percent) return;
  if (c.percentWord && c.percentWord.direction !== c.direction) {
    ctx.checked(family);
    ctx.report({
      messageId: 'directionPair',
      data: { word: c.word.text, delta: asWritten(c.delta), pct_word: c.percentWord.text, stated: asWritten(c.percent) },
      cells: cellsOf(c.percent, cur),
      quote: quoteOf(c.word, c.delta, c.percentWord, c.percent),
      family,
    });
    return;
  }
  // "B万元，比上年增加D万元，增长P%": the earlier amount is B − D (B + D for a fall)
  const prior = c.direction === 1 ? cur.num.value.minus(c.delta.num.value) : cur.num.value.plus(c.delta.num.value);
  if (prior.lte(0)) return;
  ctx.checked(family);
  const r = textRatio(c.percent.num, 1, c.delta.num.value, prior, [c.delta.num, cur.num, c.delta.num], tol);
  if (r.ok) return;
  const op = c.direction === 1 ? '−' : '+';
  // the percentage's own words ("增长5.08%"), after the amount change it completes
  const pctText = c.para.text.slice(c.delta.end, c.percent.end).replace(/^[，,；;\s]+/, '');
  ctx.report({
    messageId: r.coarse ? 'roundingExplains' : 'change',
    data: {
      stated_text: pctText, word: pctText.replace(/[\d.,]+\s*%$/, ''), stated: asWritten(c.percent),
      working: `${asWritten(c.delta)} ÷（${asWritten(cur)} ${op} ${asWritten(c.delta)}）`, computed: r.computed,
    },
    cells: cellsOf(c.percent, cur, c.delta),
    expected: r.computed, actual: r.stated,
    quote: quoteOf(c.percent, c.delta, cur),
    family,
  });
}
