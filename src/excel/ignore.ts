/**
 * 忽略: findings a person has looked at and accepted. The list lives in the workbook's document settings, so it
 * travels with the file: the next person who opens it sees the same findings ignored. A finding is known by its
 * rule, its first cell and its message id — not its wording, which changes with the figures.
 */
import { Finding } from '../core/report';
import { applyWrites, WriteResult } from './writes';

export const IGNORED_KEY = 'selfeval.ignored';

export interface Ignored {
  key: string;
  rule: string;
  cell: string;
  message: string;
  at: string;
}

export function findingKey(f: Pick<Finding, 'rule' | 'cells' | 'messageId'>): string {
  return `${f.rule}|${f.cells[0] ?? ''}|${f.messageId}`;
}

export async function readIgnored(context: Excel.RequestContext): Promise<Ignored[]> {
  const s = context.workbook.settings.getItemOrNullObject(IGNORED_KEY);
  s.load('value');
  await context.sync();
  return s.isNullObject || !Array.isArray(s.value) ? [] : (s.value as Ignored[]);
}

export async function ignoreFinding(context: Excel.RequestContext, f: Finding, now = new Date()): Promise<WriteResult> {
  const list = await readIgnored(context);
  const key = findingKey(f);
  if (list.some((x) => x.key === key)) return { inverse: [] };
  const next = [...list, { key, rule: f.rule, cell: f.cells[0] ?? '', message: f.message, at: now.toISOString() }];
  return applyWrites(context, [{ op: 'setting', key: IGNORED_KEY, value: next }]);
}

export async function restoreIgnored(context: Excel.RequestContext, key: string): Promise<WriteResult> {
  const list = await readIgnored(context);
  const next = list.filter((x) => x.key !== key);
  if (next.length === list.length) return { inverse: [] };
  return applyWrites(context, [{ op: 'setting', key: IGNORED_KEY, value: next.length ? next : undefined }]);
}

export function withoutIgnored(findings: Finding[], ignored: Ignored[]): Finding[] {
  const keys = new Set(ignored.map((x) => x.key));
  return findings.filter((f) => !keys.has(findingKey(f)));
}
