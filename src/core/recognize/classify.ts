/** What a table is (income, expenditure, 三公, assets, budget, projects, items): votes of its columns, rows and title. */
import { normLabel } from '../text';
import { Concept, ConceptId, conceptById } from '../vocabulary';
import { BudgetPair, Column, TableKind } from './model';

/** The table's kind, or null where nothing says what it is (no relation, no total): then it is no table. */
export function classify(
  columns: Column[], pairs: BudgetPair[], title: string, labelLeaf: string, hasTotal: boolean, hasRelations: boolean,
  rowKinds: Array<Concept['kind']>,
): TableKind | null {
  const votes = new Map<TableKind, number>();
  const vote = (k: TableKind, w: number): void => void votes.set(k, (votes.get(k) ?? 0) + w);
  for (const c of columns) if (c.role === 'number' && c.concept) vote(conceptKind(c.concept), 1);
  // rows that are measures (收入合计, 基本支出 …) vote too, for less than a column does
  for (const k of rowKinds) vote(k, 0.5);
  const t = normLabel(title);
  if (/三公/.test(t)) vote('sangong', 2);
  else if (/固定资产/.test(t)) vote('assets', 2);
  else if (/收入/.test(t) && !/支出/.test(t)) vote('income', 2);
  else if (/支出|结余/.test(t)) vote('expenditure', 2);
  let best: TableKind | null = null;
  let bestVotes = 0;
  for (const [k, v] of votes) if (v > bestVotes) [best, bestVotes] = [k, v];
  const columnVotes = columns.some((c) => c.role === 'number' && c.concept);
  if (/^(项目|项目名称|项目内容|专项名称|专项)$/.test(labelLeaf) && !columnVotes && rowKinds.length < 2) return 'projects';
  if (pairs.length && !columnVotes) return 'budget';
  if (best) return best;
  if (hasTotal || hasRelations) return 'items';
  return null;
}

function conceptKind(id: ConceptId): TableKind {
  return conceptById(id).kind;
}
