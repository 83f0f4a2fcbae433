/** Rule 2b: the parts of a "其中" list that is not a complete breakdown never exceed the whole (in a row, or down a column). */
import { checkSum } from '../../arith';
import { Rule } from '../types';
import { colName, numAt, ref, relationLines, rowName, show, sumData } from '../util';

export const partExceedsWhole: Rule = {
  meta: {
    id: 'identity/part-exceeds-whole',
    severity: 'error',
    description: { zh: '“其中”各项不超过总数', en: 'The parts listed under “of which” never exceed the whole' },
    messages: {
      part: {
        zh: '“{row}”行：其中“{part}” {partValue} 大于 {whole} {stated}',
        en: 'Row “{row}”: the part “{part}” {partValue} exceeds {whole} {stated}',
      },
      parts: {
        zh: '“{row}”行：其中各项 {working}，超过{whole} {stated}，多出 {diff}',
        en: 'Row “{row}”: the parts {working}, more than {whole} {stated} by {diff}',
      },
      columnPart: {
        zh: '“{row}”列：其中“{part}” {partValue} 大于 {whole} {stated}',
        en: 'Column “{row}”: the part “{part}” {partValue} exceeds {whole} {stated}',
      },
      columnParts: {
        zh: '“{row}”列：其中各项 {working}，超过{whole} {stated}，多出 {diff}',
        en: 'Column “{row}”: the parts {working}, more than {whole} {stated} by {diff}',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const g = t.grid;
      for (const [relations, byRows] of [[t.relations, false], [t.rowRelations, true]] as const) {
        for (const rel of relations) {
          if (rel.complete) continue;
          const nameOf = (i: number): string => (byRows ? rowName(t, i) : colName(t, i));
          const family = `identity/part-exceeds-whole:${t.id}:${byRows ? 'rows' : 'cols'}:${rel.whole}`;
          for (const line of relationLines(t, rel, byRows)) {
            const stated = numAt(g, line.whole.r, line.whole.c);
            if (!stated) continue;
            const terms = line.parts.map((x) => numAt(g, x.r, x.c));
            const check = checkSum(stated, terms, ctx.options.tolerance);
            ctx.checked(family);
            if (check.status !== 'mismatch' || !check.diff.isNegative()) continue;
            const idx = rel.parts.flat();
            const single = line.parts.filter((_, i) => terms[i] && terms[i]!.value.gt(stated.value));
            const pre = byRows ? 'column' : '';
            if (single.length === 1) {
              const x = single[0]!;
              const i = line.parts.indexOf(x);
              ctx.report({
                messageId: pre ? 'columnPart' : 'part',
                data: { row: line.name, whole: nameOf(rel.whole), stated: show(stated), part: nameOf(idx[i]!), partValue: show(terms[i]) },
                cells: [ref(g, x.r, x.c), ref(g, line.whole.r, line.whole.c)],
                table: t.id,
                family,
              });
            } else {
              const data = { ...sumData(check, terms, undefined, idx.map(nameOf)), row: line.name, whole: nameOf(rel.whole), partNames: idx.map(nameOf).join('、') };
              ctx.report({
                messageId: pre ? 'columnParts' : 'parts',
                data,
                cells: [ref(g, line.whole.r, line.whole.c), ...line.parts.map((x) => ref(g, x.r, x.c))],
                expected: `≥ ${data.sum}`,
                actual: data.stated,
                table: t.id,
                family,
              });
            }
          }
        }
      }
    }
  },
};
