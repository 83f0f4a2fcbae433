import { checkWorkbook } from '../../src/core';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { LiveChecker, LiveUnsupportedError, QUIET_MS, Runner } from '../../src/excel/live';
import { markFindings } from '../../src/excel/marks';
import { readSnapshot } from '../../src/excel/snapshot';
import { seed002 } from '../fixtures/seed002';
import { FakeContext, FakeExcel } from './fake-excel';
import { installHost, run, uninstallHost } from './helpers';

afterEach(uninstallHost);

async function setup(debounce = 20, apiMinor = 18, profile: 'cdn' | 'local' = 'cdn') {
  const fake = FakeExcel.fromSnapshot(seed002().wb);
  fake.apiMinor = apiMinor;
  fake.profile = profile;
  installHost(fake);
  const runner: Runner = (batch) => fake.run((ctx: FakeContext) => batch(ctx as unknown as Excel.RequestContext));
  const seen: Array<{ wb: WorkbookSnapshot; changed: string[] | 'all' }> = [];
  const live = new LiveChecker(runner, (wb, changed) => seen.push({ wb, changed }), debounce);
  await live.start(await run(fake, readSnapshot));
  return { fake, live, seen };
}

const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('an edit re-reads only its sheet, after the typing stops, in one sync, and the check sees it', async () => {
  const { fake, live, seen } = await setup();
  expect(fake.listeners('onChanged')).toBe(1);
  expect(fake.listeners('onCalculated')).toBe(1);
  const syncs = fake.syncs;
  fake.userEdit('收支表', 'D22', 310.62);
  for (let i = 0; i < 5; i++) await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22', triggerSource: 'Unknown' });
  await settle(60);
  expect(seen).toHaveLength(1);
  expect(seen[0]!.changed).toEqual(['收支表']);
  expect(fake.syncs - syncs).toBe(1);
  const report = checkWorkbook(seen[0]!.wb, 'x').report;
  expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.cells[0])).toEqual(['收支表!D22', '收支表!D22']);
  await live.stop();
  expect(fake.listeners('onChanged')).toBe(0);
});

test('a paste (no details) and a recalculation (onCalculated) are caught too', async () => {
  const { fake, seen } = await setup();
  fake.userEdit('收支表', 'B5', 1);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'B5:C6', changeType: 'RangeEdited' });
  await settle(60);
  // a recalculation that changed a result (the fake's cell stands for the formula's new value)
  fake.userEdit('评分表', 'F3', 4);
  await fake.fire('onCalculated', { worksheetId: '评分表' });
  await settle(60);
  expect(seen.map((s) => s.changed)).toEqual([['收支表'], ['评分表']]);
  // unchanged sheets are the very objects of the reading before (the engine may reuse what it made of them)
  expect(seen[1]!.wb.sheets.find((x) => x.name === '收支表')).toBe(seen[0]!.wb.sheets.find((x) => x.name === '收支表'));
});

test('a sheet read again that holds what it held is not checked again: a recalculation that changed nothing, a value typed over itself', async () => {
  const { fake, seen } = await setup();
  const syncs = fake.syncs;
  await fake.fire('onCalculated', { worksheetId: '评分表' });
  await settle(60);
  fake.userEdit('收支表', 'D22', fake.cellValue('收支表', 'D22')!.value as number);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await settle(60);
  expect(fake.syncs - syncs).toBe(2); // both were read again
  expect(seen).toHaveLength(0);
  // and the next real edit is checked
  fake.userEdit('收支表', 'D22', 310.62);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await settle(60);
  expect(seen.map((s) => s.changed)).toEqual([['收支表']]);
});

test('the add-in’s own writes do not start a loop', async () => {
  const { fake, live, seen } = await setup();
  await fake.fire('onChanged', { worksheetId: '收支表', triggerSource: 'ThisLocalAddin' });
  const findings = checkWorkbook(seed002({ edit: (t, r, c, v) => (t === 'income' && r === 0 && c === 0 ? 1 : v) }).wb, 'x').report.findings;
  await live.guard(async () => {
    await run(fake, (ctx) => markFindings(ctx, findings));
    await fake.fire('onChanged', { worksheetId: '收支表' }); // an older host without triggerSource
  });
  await settle(60);
  expect(seen).toEqual([]);
});

test('switched off, it listens no more', async () => {
  const { fake, live, seen } = await setup();
  await live.stop();
  await fake.fire('onChanged', { worksheetId: '收支表' });
  await settle(60);
  expect(seen).toEqual([]);
});

test('a renamed sheet’s edits are not dropped: the event’s sheet is not in the copy by name, so the workbook is read again', async () => {
  const { fake, live, seen } = await setup();
  fake.renameSheet('收支表', '收支情况表');
  fake.userEdit('收支情况表', 'D22', 310.62);
  await fake.fire('onChanged', { worksheetId: fake.sheet('收支情况表').id, address: 'D22' });
  await settle(60);
  expect(seen).toHaveLength(1);
  expect(seen[0]!.changed).toBe('all');
  expect(seen[0]!.wb.sheets.map((s) => s.name)).toContain('收支情况表');
  expect(checkWorkbook(seen[0]!.wb, 'x').report.findings.filter((f) => f.severity === 'error').map((f) => f.cells[0])).toEqual(['收支情况表!D22', '收支情况表!D22']);
  await live.stop();
});

test('below ExcelApi 1.14 (no trigger sources) the echo of the add-in’s own write starts no re-read; a later edit does', async () => {
  const { fake, live, seen } = await setup();
  fake.apiMinor = 9;
  await live.guard(async () => {
    await run(fake, (ctx) => markFindings(ctx, checkWorkbook(seed002().wb, 'x').report.findings));
  });
  // Excel delivers the write's events after the write: recalculation and the change itself, with no source
  await fake.fire('onCalculated', { worksheetId: '收支表' });
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await settle(60);
  expect(seen).toHaveLength(0);
  // a person's edit once the echo has passed is checked as ever
  await settle(QUIET_MS);
  fake.userEdit('收支表', 'D22', 301.62);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await settle(60);
  expect(seen).toHaveLength(1);
  await live.stop();
});

test.each([9, 14, 18])('at ExcelApi 1.%i the events Excel delivers after the add-in’s own write start no re-read', async (minor) => {
  const { fake, live, seen } = await setup();
  fake.apiMinor = minor;
  fake.echoWrites = true;
  await live.guard(async () => {
    await run(fake, (ctx) => markFindings(ctx, checkWorkbook(seed002().wb, 'x').report.findings));
  });
  await settle(120);
  expect(seen).toHaveLength(0);
  await live.stop();
});

test('a sheet renamed (onNameChanged, ExcelApi 1.17) reads the workbook again at once', async () => {
  const { fake, live, seen } = await setup();
  fake.renameSheet('收支表', '收支情况表');
  await settle(60);
  expect(seen.map((x) => x.changed)).toEqual(['all']);
  expect(seen[0]!.wb.sheets.map((s) => s.name)).toContain('收支情况表');
  await live.stop();
});

const culprits = (wb: WorkbookSnapshot): string[] => checkWorkbook(wb, 'x').report.findings.filter((f) => f.severity === 'error').map((f) => f.cells[0]!);

test('with the local office.js (reading onNameChanged throws: no ExcelApiOnline on the desktop) live checking starts and checks', async () => {
  const { fake, live, seen } = await setup(20, 18, 'local');
  expect(live.enabled).toBe(true);
  expect(fake.listeners('onChanged')).toBe(1);
  expect(fake.listeners('onNameChanged')).toBe(0);
  fake.userEdit('收支表', 'D22', 310.62);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await settle(60);
  expect(seen).toHaveLength(1);
  expect(culprits(seen[0]!.wb)).toEqual(['收支表!D22', '收支表!D22']);
  // a renamed sheet is still caught, by the edit that names a sheet the copy does not know
  fake.renameSheet('收支表', '收支情况表');
  fake.userEdit('收支情况表', 'D22', 301.62);
  await fake.fire('onChanged', { worksheetId: fake.sheet('收支情况表').id, address: 'D22' });
  await settle(60);
  expect(seen.map((x) => x.changed)).toEqual([['收支表'], 'all']);
  await live.stop();
});

test('a start that failed leaves live checking off, and the next start tries again', async () => {
  const fake = FakeExcel.fromSnapshot(seed002().wb);
  installHost(fake);
  let failing = true;
  const runner: Runner = (batch) => fake.run((ctx: FakeContext) => {
    if (failing) throw Object.assign(new Error('GeneralException'), { code: 'GeneralException' });
    return batch(ctx as unknown as Excel.RequestContext);
  });
  const seen: unknown[] = [];
  const live = new LiveChecker(runner, (wb) => seen.push(wb), 20);
  const initial = await run(fake, readSnapshot);
  await expect(live.start(initial)).rejects.toThrow('GeneralException');
  expect(live.enabled).toBe(false);
  failing = false;
  await live.start(initial);
  expect(live.enabled).toBe(true);
  expect(fake.listeners('onChanged')).toBe(1);
  fake.userEdit('收支表', 'D22', 310.62);
  await fake.fire('onChanged', { worksheetId: '收支表', address: 'D22' });
  await settle(60);
  expect(seen).toHaveLength(1);
  await live.stop();
});

test('at ExcelApi 1.7 (each sheet’s onChanged; the collection’s is 1.9) edits are checked, also on a sheet added since', async () => {
  const { fake, live, seen } = await setup(20, 7);
  expect(live.enabled).toBe(true);
  expect(fake.listeners('onChanged')).toBe(fake.state.sheets.length);
  expect(fake.listeners('onCalculated')).toBe(0); // 1.8
  fake.userEdit('收支表', 'D22', 310.62);
  await fake.fire('onChanged', { worksheetId: fake.sheet('收支表').id, address: 'D22' });
  await settle(60);
  expect(seen.map((x) => x.changed)).toEqual([['收支表']]);
  fake.addSheet('补充表');
  await settle(60);
  expect(seen.map((x) => x.changed)).toEqual([['收支表'], 'all']);
  expect(fake.listeners('onChanged')).toBe(fake.state.sheets.length);
  fake.userEdit('补充表', 'A1', 1);
  await fake.fire('onChanged', { worksheetId: fake.sheet('补充表').id, address: 'A1' });
  await settle(60);
  expect(seen.map((x) => x.changed)).toEqual([['收支表'], 'all', ['补充表']]);
  await live.stop();
  expect(fake.listeners('onChanged')).toBe(0);
});

test('below ExcelApi 1.7 (Excel 2016) live checking says it cannot run, and stays off', async () => {
  const fake = FakeExcel.fromSnapshot(seed002().wb);
  fake.apiMinor = 4;
  installHost(fake);
  const live = new LiveChecker((batch) => fake.run((ctx: FakeContext) => batch(ctx as unknown as Excel.RequestContext)), () => undefined, 20);
  await expect(live.start(await run(fake, readSnapshot))).rejects.toBeInstanceOf(LiveUnsupportedError);
  expect(live.enabled).toBe(false);
  expect(fake.listeners('onChanged')).toBe(0);
});
