/** Values a person typed in the pane for indicators the workbook lacks: kept in the workbook's settings. */
import { readSetting } from './api';
import { applyWrites, WriteResult } from './writes';

export { VALUES_KEY } from '../taskpane/workbook-writes';
import { VALUES_KEY } from '../taskpane/workbook-writes';

export async function readIndicatorValues(context: Excel.RequestContext): Promise<Record<string, string>> {
  const v = await readSetting(context, VALUES_KEY);
  return typeof v !== 'object' || v === null ? {} : (v as Record<string, string>);
}

export async function setIndicatorValue(context: Excel.RequestContext, name: string, value: string | undefined): Promise<WriteResult> {
  const current = await readIndicatorValues(context);
  const next = { ...current };
  if (value === undefined || value.trim() === '') delete next[name];
  else next[name] = value.trim();
  return applyWrites(context, [{ op: 'setting', key: VALUES_KEY, value: Object.keys(next).length ? next : undefined }]);
}
