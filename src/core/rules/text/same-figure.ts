/**
 * text/same-figure: one figure stated twice in the text — the same item, entity, year, measure (预算/决算) **and
 * fund scope** (资金口径: 全部资金, 财政拨款, 一般公共预算财政拨款, 政府性基金 …) — with two different amounts, in one
 * paragraph or across the document. Figures of different scopes are never compared (本年支出合计's 基本支出 272.33,
 * all funds, and 一般公共预算财政拨款基本支出 272.27 are both right), and a sentence that names no scope or no year
 * is compared with nothing, nor are figures on two sheets (a workbook's unit sheets speak of two units). Each
 * figure is taken at the decimals it shows (元 against 万元 too).
 */
import { checkSum } from '../../arith';
import { TextAmount } from '../../recognize/model';
import { Rule } from '../types';
import { fmt } from '../util';
import { asWritten, cellsOf, familyOf, quoteOf } from './util';

/** The stage of a budget a label names: 年初预算 and 调整（追加）预算 are not the 全年预算 (nor each other). */
export function stageOf(a: TextAmount): string {
  return /年初/.test(a.label) ? 'initial' : /调整|追加|调减/.test(a.label) ? 'adjusted' : '';
}

export function factKey(a: TextAmount): string | undefined {
  if (a.role !== 'fact' || !a.key || a.year === undefined || !a.scope) return undefined;
  // one sheet: a workbook's prose cells on two unit sheets speak of two units
  return `${a.para.grid.name}|${a.entity ?? ''}|${a.key}|${a.year}|${a.measure ?? ''}|${stageOf(a)}|${a.scope}`;
}

const MEASURE_ZH = { budget: '预算', actual: '决算' } as const;

export const textSameFigure: Rule = {
  meta: {
    id: 'text/same-figure',
    severity: 'error',
    description: { zh: '文字中同一项目、年度、口径的数字前后一致', en: 'A figure stated twice in the text (same item, year, measure and fund scope) agrees' },
    messages: {
      mismatch: {
        zh: '{year}年{scope}“{item}”{measure}在文中为 {va}，另一处为 {vb}，同一数字前后不一致，相差 {diff}',
        en: '{year} {scope} “{item}”{measure_en} is stated as {va} and elsewhere as {vb}: the same figure disagrees by {diff}',
      },
    },
  },
  check(ctx) {
    const groups = new Map<string, TextAmount[]>();
    for (const c of ctx.model.claims) {
      if (c.kind !== 'amount') continue;
      const k = factKey(c.amount);
      if (!k) continue;
      const list = groups.get(k) ?? [];
      list.push(c.amount);
      groups.set(k, list);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const first = list[0]!;
      const seen = new Set<string>([first.num.value.toString()]);
      for (const other of list.slice(1)) {
        const family = familyOf('text/same-figure', other.para);
        ctx.checked(family);
        const check = checkSum(first.num, [other.num], ctx.options.tolerance);
        if (check.status !== 'mismatch' || seen.has(other.num.value.toString())) continue;
        seen.add(other.num.value.toString());
        ctx.report({
          messageId: 'mismatch',
          data: {
            year: first.year!, scope: first.scope!, item: first.key, measure: first.measure ? MEASURE_ZH[first.measure] : '',
            measure_en: first.measure ? ` (${first.measure})` : '', va: asWritten(first), vb: asWritten(other),
            diff: `${fmt(check.diff.abs(), Math.max(2, check.decimals))}万元`,
          },
          cells: cellsOf(other, first),
          expected: asWritten(first), actual: asWritten(other),
          quote: quoteOf(other),
          family,
        });
      }
    }
  },
};
