/**
 * Evidence before a finding. A rule's checks come in families — one rule, one table (or pair of tables), one axis:
 * the 差额 of every line of a budget table, the column sums of a table, one relation down its rows. A relation the
 * labels proposed and the figures contradict on most of its lines was a misreading of the layout, not a table full
 * of errors: such a family becomes one `info` note (rule structure/unconfirmed) and none of its errors or warnings
 * reach anyone; a family that holds almost everywhere reports the few places where it fails.
 *
 * Rules count every check they make (`RuleContext.checked`) and tag each problem with its family. A single typo
 * breaks at most a line or two of any family, so a misreading needs three failures or more, on more than
 * two-thirds of the family's checks.
 */
import { Raised } from './culprit';
import { Rule, Severity } from './rules/types';

export const misread = (held: number, failed: number): boolean => failed >= 3 && failed > held * 2;

export interface FamilyVerdict {
  family: string;
  rule: Rule;
  held: number;
  failed: number;
  cells: string[];
  table?: number;
}

/**
 * Remove the errors and warnings of the families that fail on most of their checks; return one verdict per such
 * family (the engine reports it as an info note). `severityOf` says what a raised problem will be reported as.
 */
export function gateFamilies<T extends Raised & { rule: Rule }>(raised: T[], counts: ReadonlyMap<string, number>, severityOf: (x: T) => Severity): FamilyVerdict[] {
  const failing = new Map<string, T[]>();
  for (const x of raised) {
    const f = x.problem.family;
    if (!f || severityOf(x) === 'info') continue;
    const list = failing.get(f) ?? [];
    list.push(x);
    failing.set(f, list);
  }
  const verdicts: FamilyVerdict[] = [];
  const drop = new Set<T>();
  for (const [family, list] of failing) {
    const failed = list.length;
    const held = Math.max(0, (counts.get(family) ?? failed) - failed);
    if (!misread(held, failed)) continue;
    for (const x of list) drop.add(x);
    verdicts.push({ family, rule: list[0]!.rule, held, failed, cells: list.slice(0, 3).map((x) => x.problem.cells[0]!).filter(Boolean), table: list[0]!.problem.table });
  }
  if (drop.size) {
    for (let i = raised.length - 1; i >= 0; i--) if (drop.has(raised[i]!)) raised.splice(i, 1);
  }
  return verdicts;
}
