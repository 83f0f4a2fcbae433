/**
 * 忽略: the list of ignored findings (core/report.ts says what one is) lives in the workbook's document settings,
 * so it travels with the file: the next person who opens it sees the same findings ignored.
 */
import { Finding, findingKey, ignoredItem, IgnoredItem } from '../core/report';
import { readSetting } from './api';
import { applyWrites, WriteResult } from './writes';

export { IGNORED_KEY } from '../taskpane/workbook-writes';
import { IGNORED_KEY } from '../taskpane/workbook-writes';

export async function readIgnored(context: Excel.RequestContext): Promise<IgnoredItem[]> {
  const v = await readSetting(context, IGNORED_KEY);
  return Array.isArray(v) ? (v as IgnoredItem[]) : [];
}

export async function ignoreFinding(context: Excel.RequestContext, f: Finding | readonly Finding[], now = new Date()): Promise<WriteResult> {
  const list = await readIgnored(context);
  // the checks of one suspected cell are ignored together, in one write (one step to undo)
  const fresh = (Array.isArray(f) ? f : [f]).filter((x) => !list.some((y) => y.key === findingKey(x)));
  if (!fresh.length) return { inverse: [] };
  const next = [...list, ...fresh.map((x) => ignoredItem(x, now))];
  return applyWrites(context, [{ op: 'setting', key: IGNORED_KEY, value: next }]);
}

export async function restoreIgnored(context: Excel.RequestContext, key: string): Promise<WriteResult> {
  const list = await readIgnored(context);
  const next = list.filter((x) => x.key !== key);
  if (next.length === list.length) return { inverse: [] };
  return applyWrites(context, [{ op: 'setting', key: IGNORED_KEY, value: next.length ? next : undefined }]);
}
