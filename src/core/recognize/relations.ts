/**
 * Relations among a table's columns, proposed by the header and the vocabulary for the figures to confirm
 * (confirm.ts): a "其中：" group and the column left of it, a group and its 合计/小计 column, the known identities
 * (支出合计 = 基本支出 + 项目支出 …), a plain 合计 column over the columns after it, 全年预算数 = 年初 + 调整.
 */
import { conceptOf, ConceptId, IDENTITIES, budgetStage, isGroupTotalLabel, isOtherLabel, isQizhong, isRateHeader, measureOf } from '../vocabulary';
import { HeaderBand } from './headers';
import { Column, HeaderNode, Relation } from './model';

/** A column named by a year or by 上年/本年: a measure of its own, never a part of a 合计. */
const YEARISH = /^(19|20)\d{2}年|^(上年|本年|当年|去年)(数|决算数?|预算数?|执行数?|实际数?|金额)?$/;
/** A column that totals the ones after it: 合计, 总计, 本年支出合计, 本年收入合计. */
export const GROUP_TOTAL_COLUMN = /^(合计|总计|本年(收入|支出)合计|支出合计|收入合计)$/;

/** Columns that make up a part: the column itself, a group's 合计/小计 column, or the group's leaves. */
function partColumns(n: HeaderNode, numberCols: Set<number>): number[] {
  if (!n.children.length) return numberCols.has(n.rect.left) ? [n.rect.left] : [];
  const tot = n.children.find((ch) => !ch.children.length && isGroupTotalLabel(ch.label));
  if (tot) return numberCols.has(tot.rect.left) ? [tot.rect.left] : [];
  const out: number[] = [];
  for (const ch of n.children) if (!isQizhong(ch.label)) out.push(...partColumns(ch, numberCols));
  return out;
}

function identityComplete(wholeConcept: ConceptId | undefined, partConcepts: (ConceptId | undefined)[], hasOther: boolean): boolean {
  if (hasOther) return true;
  const ident = IDENTITIES.find((i) => i.whole === wholeConcept);
  if (!ident) return false;
  const present = new Set(partConcepts.filter((p): p is ConceptId => !!p));
  return ident.complete.some((set) => set.every((p) => present.has(p)));
}

export function findRelations(band: HeaderBand, columns: Column[], tally?: Tally): Relation[] {
  const numberCols = new Set(columns.filter((c) => c.role === 'number').map((c) => c.col));
  const byCol = new Map(columns.map((c) => [c.col, c]));
  const relations: Relation[] = [];
  const nodes = new Set<HeaderNode>();
  for (const row of band.at) for (const n of row) if (n) nodes.add(n);

  for (const n of nodes) {
    // "其中：" over some columns: they are parts of the column just left of the group
    if (isQizhong(n.label) && n.children.length) {
      let whole = -1;
      for (let c = n.rect.left - 1; c >= band.left; c--) {
        if (numberCols.has(c)) {
          whole = c;
          break;
        }
        if (byCol.get(c)?.role === 'label') break;
      }
      if (whole < 0) continue;
      const partNodes = n.children.filter((ch) => !isQizhong(ch.label));
      const siblings = n.parent ? n.parent.children : band.roots;
      const next = siblings[siblings.indexOf(n) + 1];
      if (next && !next.children.length && isOtherLabel(next.label)) partNodes.push(next);
      const parts = partNodes.map((p) => partColumns(p, numberCols)).filter((p) => p.length);
      if (!parts.length) continue;
      const hasOther = partNodes.some((p) => isOtherLabel(p.label));
      const complete = identityComplete(byCol.get(whole)?.concept, partNodes.map((p) => conceptOf(p.label)?.id), hasOther);
      relations.push({ whole, parts, complete, source: 'header' });
      continue;
    }
    // a group with one 合计/小计 column: the other columns of the group add up to it
    if (n.children.length >= 2 && !n.children.some((ch) => isQizhong(ch.label))) {
      const totals = n.children.filter((ch) => !ch.children.length && isGroupTotalLabel(ch.label));
      if (totals.length !== 1 || !numberCols.has(totals[0]!.rect.left)) continue;
      const parts = n.children.filter((ch) => ch !== totals[0]).map((p) => partColumns(p, numberCols)).filter((p) => p.length);
      if (parts.length) relations.push({ whole: totals[0]!.rect.left, parts, complete: true, source: 'header' });
    }
  }

  // known identities among columns the header does not relate (flat headers), measure by measure
  const wholes = new Set(relations.map((r) => r.whole));
  const related = new Set(relations.flatMap((r) => [r.whole, ...r.parts.flat()]));
  const groups = new Map<string, Column[]>();
  for (const c of columns) {
    if (c.role !== 'number' || c.measure === 'rate') continue;
    const key = c.measure ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const cols of groups.values()) {
    for (const ident of IDENTITIES) {
      const whole = cols.find((c) => c.concept === ident.whole && !wholes.has(c.col));
      if (!whole) continue;
      let parts = cols.filter((c) => c !== whole && c.concept && ident.parts.includes(c.concept));
      // a part that is itself the whole of another present part (公务用车购置及运行维护费) replaces its pieces
      const nestedWholes = IDENTITIES.filter((i) => parts.some((p) => p.concept === i.whole));
      parts = parts.filter((p) => !nestedWholes.some((i) => p.concept && i.parts.includes(p.concept)));
      const others = ident.catchAll ? cols.filter((c) => c !== whole && !c.concept && isOtherLabel(c.path.at(-1)?.label ?? '')) : [];
      const all = [...parts, ...others];
      if (!all.length || all.some((p) => related.has(p.col) && !wholes.has(p.col))) continue;
      const complete = identityComplete(ident.whole, parts.map((p) => p.concept), others.length > 0);
      relations.push({ whole: whole.col, parts: all.map((p) => [p.col]), complete, source: 'vocabulary' });
      wholes.add(whole.col);
    }
  }
  relations.push(...totalColumnRelations(band, columns, relations, tally), ...adjustmentRelations(columns));
  return relations;
}

/** 全年预算数 = 年初预算数 + 调整预算数, for each group of the three under one header (or none). */
function adjustmentRelations(columns: Column[]): Relation[] {
  const groups = new Map<HeaderNode | undefined, Partial<Record<'initial' | 'adjustment' | 'final', number>>>();
  for (const c of columns) {
    const stage = c.role === 'number' ? budgetStage(c.path.at(-1)?.label ?? '') : undefined;
    if (!stage) continue;
    const parent = c.path.at(-2);
    const g = groups.get(parent) ?? {};
    if (g[stage] === undefined) g[stage] = c.col;
    groups.set(parent, g);
  }
  const out: Relation[] = [];
  for (const g of groups.values()) {
    if (g.initial !== undefined && g.adjustment !== undefined && g.final !== undefined) {
      out.push({ whole: g.final, parts: [[g.initial], [g.adjustment]], complete: true, source: 'vocabulary' });
    }
  }
  return out;
}

/** How a column = Σ columns fares over a table's lines (held, failed), for the labels' readings to be weighed. */
export type Tally = (whole: number, parts: number[]) => { held: number; failed: number };

/**
 * A plain 合计/总计 column with the columns after it (合计 | 基本支出 | 项目支出; 合计 | 人员经费 | 公用经费; 合计 |
 * 一般公共预算 | 政府性基金预算 | 国有资本经营预算; the 三公 table's 合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行费 |
 * 机关运行经费). Two readings: every column after it up to the next total, rate or year column; or, where some of
 * them are parts of one known breakdown, those (机关运行经费 stands beside the 三公 total, not in it). The figures
 * choose the first where it holds on most lines, else the known breakdown; with no known breakdown, the first is
 * proposed only on a table with lines enough for confirm.ts to judge it.
 */
function totalColumnRelations(band: HeaderBand, columns: Column[], known: Relation[], tally?: Tally): Relation[] {
  const numberCols = new Set(columns.filter((c) => c.role === 'number' && !c.percentPoints && c.measure !== 'rate').map((c) => c.col));
  const related = new Set(known.flatMap((r) => [r.whole, ...r.parts.flat()]));
  // a part may be the whole of another relation (公务用车购置及运行费 = 购置费 + 运行费), not a part of one
  const partOfAnother = new Set(known.flatMap((r) => r.parts.flat()));
  const stops = (n: HeaderNode): boolean => GROUP_TOTAL_COLUMN.test(n.label) || !!measureOf(n.label) || isRateHeader(n.label) || YEARISH.test(n.label);
  const out: Relation[] = [];
  band.roots.forEach((whole, i) => {
    const col = whole.rect.left;
    if (whole.children.length || !GROUP_TOTAL_COLUMN.test(whole.label) || !numberCols.has(col) || related.has(col)) return;
    const after: HeaderNode[] = [];
    for (const n of band.roots.slice(i + 1)) {
      if (stops(n) || !partColumns(n, numberCols).length) break;
      after.push(n);
    }
    const all = after.map((n) => partColumns(n, numberCols));
    if (all.length < 2 || all.flat().some((p) => partOfAnother.has(p))) return;
    const concepts = after.map((n) => conceptOf(n.label)?.id);
    const ident = IDENTITIES.find((x) => concepts.filter((c) => c && x.parts.includes(c)).length >= 2);
    const t = tally?.(col, all.flat()) ?? { held: 0, failed: 0 };
    if (!ident ? t.held + t.failed >= 3 : t.held >= 2 && t.held > t.failed * 3) {
      out.push({ whole: col, parts: all, complete: true, source: 'labels' });
      return;
    }
    if (!ident) return;
    const chosen = after.filter((_, k) => concepts[k] && ident.parts.includes(concepts[k]!));
    if (chosen.length < 2) return;
    const complete = identityComplete(ident.whole, chosen.map((n) => conceptOf(n.label)?.id), false);
    out.push({ whole: col, parts: chosen.map((n) => partColumns(n, numberCols)), complete, source: 'vocabulary' });
  });
  return out;
}
