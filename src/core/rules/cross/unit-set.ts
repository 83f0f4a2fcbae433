/** Rule 3a: the tables of sub-units (收入, 支出, 三公, 固定资产 …) list the same units — the tables of one entity
 *  (the department's, or one unit sheet's) with each other, never one unit sheet's with another's. */
import { Table } from '../../recognize/model';
import { Rule, RuleContext } from '../types';
import { ref, rowsByKey, tableName } from '../util';
import { sheetRef } from '../../a1';

export function unitRows(t: Table): Map<string, number> {
  const out = new Map<string, number>();
  // units only: not the total, a 小计, a group label ("（一）本级"), a group head with rows under it, or a part
  for (const r of t.rows) if (r.role === 'detail' && !r.children.length && r.key) out.set(r.key, r.row);
  return out;
}

export const unitSet: Rule = {
  meta: {
    id: 'cross/unit-set',
    severity: 'warning',
    description: { zh: '各表列出的单位相同', en: 'Every table of sub-units lists the same units' },
    messages: {
      missing: {
        zh: '单位“{unit}”出现在“{refTable}”中，但“{table}”中没有',
        en: 'Unit “{unit}” is in “{refTable}” but missing from “{table}”',
      },
      extra: {
        zh: '单位“{unit}”出现在“{table}”中，但“{refTable}”中没有',
        en: 'Unit “{unit}” is in “{table}” but not in “{refTable}”',
      },
    },
  },
  check(ctx) {
    const byEntity = new Map<string, Table[]>();
    for (const t of ctx.model.tables) {
      if (!t.unitRows || t.rows.filter((r) => r.role !== 'total').length < 2) continue;
      const key = t.entity ?? '*';
      byEntity.set(key, [...(byEntity.get(key) ?? []), t]);
    }
    for (const tables of byEntity.values()) compareUnits(ctx, tables);
  },
};

/** Each table of sub-units against the reference (the 收入 table, else the first). */
function compareUnits(ctx: RuleContext, tables: Table[]): void {
  if (tables.length < 2) return;
  const reference = tables.find((t) => t.kind === 'income') ?? tables[0]!;
  const refUnits = unitRows(reference);
  for (const t of tables) {
    if (t === reference) continue;
    const units = unitRows(t);
    const names = (table: Table, key: string): string => rowsByKey(table, key)[0]?.label ?? key;
    for (const [key, row] of refUnits) {
      if (units.has(key)) continue;
      ctx.report({
        messageId: 'missing',
        data: { unit: names(reference, key), refTable: tableName(reference), table: tableName(t) },
        cells: [sheetRef(t.sheet, t.rect), ref(reference.grid, row, reference.labelCol)],
        table: t.id,
      });
    }
    for (const [key, row] of units) {
      if (refUnits.has(key)) continue;
      ctx.report({
        messageId: 'extra',
        data: { unit: names(t, key), refTable: tableName(reference), table: tableName(t) },
        cells: [ref(t.grid, row, t.labelCol), sheetRef(reference.sheet, reference.rect)],
        table: t.id,
      });
    }
  }
}
