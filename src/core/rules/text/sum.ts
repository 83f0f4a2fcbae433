/**
 * text/sum: parts against their whole where the sentence says so. A complete breakdown ("本年支出合计A万元，其中：
 * 基本支出B万元，占P%；项目支出C万元，占Q%…" whose shares add up to 100%, or one the vocabulary knows, such as
 * 支出 = 基本支出 + 项目支出) adds up; the parts of any 其中 list never exceed the whole; a numbered list adds up to
 * the total it is a list of; an amount change ("增加D万元") equals the difference of the two amounts it is between.
 * A difference within the rounding of the figures as shown is 尾差 (info), as for the tables (core/arith.ts).
 */
import { checkSum } from '../../arith';
import { Dec } from '../../decimal';
import { Num } from '../../numbers';
import { TextAmount } from '../../recognize/model';
import { Rule } from '../types';
import { fmt } from '../util';
import { asWritten, cellsOf, familyOf, quoteOf } from './util';

function working(parts: TextAmount[]): string {
  const list = parts.filter((p) => !p.num.value.isZero()).map(asWritten);
  if (!list.length) return '0';
  return (list.length > 6 ? [...list.slice(0, 3), '…', list[list.length - 1]!] : list).join(' + ');
}

function unitWan(d: Dec, decimals: number): string {
  return `${fmt(d, Math.max(0, decimals))}万元`;
}

export const textSum: Rule = {
  meta: {
    id: 'text/sum',
    severity: 'error',
    description: { zh: '文字中的分项之和等于总数（其中…、编号列表），分项不超过总数', en: 'Parts stated in the text add up to their whole (其中 lists, numbered lists) and never exceed it' },
    messages: {
      parts: {
        zh: '“{whole_label}{whole}”的各分项 {terms} = {sum}，与总数不符，相差 {diff}',
        en: '“{whole_label} {whole}”: its parts add up to {terms} = {sum}, off by {diff}',
      },
      partsRounding: {
        severity: 'info',
        zh: '尾差：“{whole_label}{whole}”的各分项之和为 {sum}，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: “{whole_label} {whole}”: its parts add up to {sum}, off by {diff}, within the rounding bound (±{bound})',
      },
      exceeds: {
        zh: '“{whole_label}{whole}”其中所列分项 {terms} = {sum}，超过总数 {diff}',
        en: '“{whole_label} {whole}”: the parts listed under it, {terms} = {sum}, exceed it by {diff}',
      },
      list: {
        zh: '{n} 项列举金额之和 {terms} = {sum}，与所述总数“{total_label}{total}”不符，相差 {diff}',
        en: 'The {n} amounts listed add up to {terms} = {sum}, but the total stated is “{total_label} {total}”: off by {diff}',
      },
      listRounding: {
        severity: 'info',
        zh: '尾差：{n} 项列举金额之和为 {sum}，所述总数“{total_label}{total}”，相差 {diff}，在舍入误差范围（±{bound}）之内',
        en: 'Rounding difference: the {n} amounts listed add up to {sum} against the total “{total_label} {total}”: off by {diff}, within the rounding bound (±{bound})',
      },
      changeAmount: {
        zh: '“{word}{delta}”与 {current} − {prior} = {computed} 不符',
        en: '“{word} {delta}” does not agree with {current} − {prior} = {computed}',
      },
    },
  },
  check(ctx) {
    const tol = ctx.options.tolerance;
    for (const c of ctx.model.claims) {
      if (c.kind === 'parts' || c.kind === 'list') {
        const whole = c.kind === 'parts' ? c.whole : c.total;
        const parts = c.kind === 'parts' ? c.parts : c.items;
        if (!whole || parts.length < (c.kind === 'list' ? 2 : 1)) continue;
        const family = familyOf('text/sum', c.para);
        ctx.checked(family);
        const check = checkSum(whole.num, parts.map((p) => p.num as Num), tol);
        const complete = c.kind === 'list' || c.complete;
        const d = Math.max(2, check.decimals);
        const data = {
          whole_label: whole.label, whole: asWritten(whole), total_label: whole.label, total: asWritten(whole), terms: working(parts),
          sum: unitWan(check.sum, d), diff: unitWan(check.diff.abs(), d), bound: check.bound.toFixed(), n: parts.length,
        };
        const cells = cellsOf(whole, ...parts);
        // the text cell first: the list's own paragraph, then the total's
        const first = c.kind === 'list' ? cellsOf(parts[0], whole) : cells;
        const quote = c.kind === 'list' ? quoteOf(...parts.filter((p) => p.para === parts[0]!.para)) : quoteOf(whole, ...parts);
        if (complete) {
          if (check.status === 'ok') continue;
          const rounding = check.status === 'rounding';
          const id = c.kind === 'list' ? (rounding ? 'listRounding' : 'list') : rounding ? 'partsRounding' : 'parts';
          ctx.report({ messageId: id, data, cells: [...new Set([...first, ...cells])], expected: data.sum, actual: asWritten(whole), quote, family });
        } else if (check.status === 'mismatch' && check.diff.isNegative()) {
          ctx.report({ messageId: 'exceeds', data, cells, expected: `≤ ${asWritten(whole)}`, actual: data.sum, quote, family });
        }
      } else if (c.kind === 'change' && c.delta && c.prior) {
        const family = familyOf('text/sum', c.para);
        ctx.checked(family);
        const [hi, lo] = c.direction === 1 ? [c.current, c.prior] : [c.prior, c.current];
        const check = checkSum(c.delta.num, [hi.num, lo.num], tol, [1, -1]);
        if (check.status !== 'mismatch') continue;
        const computed = unitWan(check.sum, Math.max(2, check.decimals));
        ctx.report({
          messageId: 'changeAmount',
          data: { word: c.word.text, delta: asWritten(c.delta), current: asWritten(hi), prior: asWritten(lo), computed },
          cells: cellsOf(c.delta, c.current, c.prior),
          expected: computed, actual: asWritten(c.delta),
          quote: quoteOf(c.delta, c.current, c.prior),
          family,
        });
      }
    }
  },
};
