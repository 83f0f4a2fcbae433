/** Rule 2b: the parts of a "其中" list that is not a complete breakdown never exceed the whole. */
import { checkSum } from '../../arith';
import { Rule } from '../types';
import { colName, numAt, ref, show, sumData } from '../util';

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
        zh: '“{row}”行：其中各项 {partNames} 之和 {terms} = {sum}，超过 {whole} {stated}，多出 {diff}',
        en: 'Row “{row}”: the parts {partNames} add up to {terms} = {sum}, more than {whole} {stated} by {diff}',
      },
    },
  },
  check(ctx) {
    for (const t of ctx.model.tables) {
      const g = t.grid;
      for (const rel of t.relations) {
        if (rel.complete) continue;
        const partCols = rel.parts.flat();
        for (const row of t.rows) {
          const stated = numAt(g, row.row, rel.whole);
          if (!stated) continue;
          const terms = partCols.map((c) => numAt(g, row.row, c));
          const check = checkSum(stated, terms, ctx.options.tolerance);
          const base = { row: row.row, whole: colName(t, rel.whole), label: row.label };
          if (check.status === 'mismatch' && check.diff.isNegative()) {
            const single = partCols.filter((c, i) => terms[i] && terms[i]!.value.gt(stated.value));
            if (single.length === 1) {
              const c = single[0]!;
              ctx.report({
                messageId: 'part',
                data: { row: base.label, whole: base.whole, stated: show(stated), part: colName(t, c), partValue: show(numAt(g, row.row, c)) },
                cells: [ref(g, row.row, c), ref(g, row.row, rel.whole)],
                table: t.id,
              });
            } else {
              const data = { ...sumData(check, terms), row: base.label, whole: base.whole, partNames: partCols.map((c) => colName(t, c)).join('、') };
              ctx.report({
                messageId: 'parts',
                data,
                cells: [ref(g, row.row, rel.whole), ...partCols.map((c) => ref(g, row.row, c))],
                expected: `≥ ${data.sum}`,
                actual: data.stated,
                table: t.id,
              });
            }
          }
        }
      }
    }
  },
};
