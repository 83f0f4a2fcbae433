/** Budget-against-actual lines: one per table row and 预算数/决算数 column pair. */
import { Num } from '../../numbers';
import { BudgetPair, Row, Table, WorkbookModel } from '../../recognize/model';
import { ConceptId, conceptOf } from '../../vocabulary';
import { numAt } from '../util';

export interface BudgetLine {
  table: Table;
  row: Row;
  pair: BudgetPair;
  budget: Num | null;
  actual: Num | null;
  /** What the line is: from the group header over the pair, else from the row label. */
  concept?: ConceptId;
  /** "三公经费" or "疾病预防控制中心·三公经费" */
  name: string;
}

export function budgetLines(model: WorkbookModel): BudgetLine[] {
  const out: BudgetLine[] = [];
  for (const table of model.tables) {
    for (const pair of table.budgetPairs) {
      for (const row of table.rows) {
        const budget = numAt(table.grid, row.row, pair.budget);
        const actual = numAt(table.grid, row.row, pair.actual);
        if (!budget && !actual) continue;
        const concept = pair.concept ?? conceptOf(row.key)?.id;
        out.push({ table, row, pair, budget, actual, concept, name: pair.name ? `${row.label}·${pair.name}` : row.label });
      }
    }
  }
  return out;
}
