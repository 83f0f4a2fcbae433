/** Values a person typed in the pane for indicators the workbook lacks: kept in the workbook's settings. */
import { applyWrites, WriteResult } from './writes';

export { VALUES_KEY } from '../taskpane/workbook-writes';
import { VALUES_KEY } from '../taskpane/workbook-writes';

export async function readIndicatorValues(context: Excel.RequestContext): Promise<Record<string, string>> {
  const s = context.workbook.settings.getItemOrNullObject(VALUES_KEY);
  s.load('value');
  await context.sync();
  return s.isNullObject || typeof s.value !== 'object' || s.value === null ? {} : (s.value as Record<string, string>);
}

export async function setIndicatorValue(context: Excel.RequestContext, name: string, value: string | undefined): Promise<WriteResult> {
  const current = await readIndicatorValues(context);
  const next = { ...current };
  if (value === undefined || value.trim() === '') delete next[name];
  else next[name] = value.trim();
  return applyWrites(context, [{ op: 'setting', key: VALUES_KEY, value: Object.keys(next).length ? next : undefined }]);
}
