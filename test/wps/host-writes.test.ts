/**
 * The WPS host's writes against an ET as strict as the real one (issue 16): Worksheet.Delete's confirmation
 * dialog, which DisplayAlerts turns off and a person can cancel.
 */
import { checkWorkbook } from '../../src/core';
import { FileReport } from '../../src/core/report';
import { sampleWorkbook } from '../../src/sample';
import { WpsHost } from '../../src/wps/host';
import { EtApp } from '../../src/wps/snapshot';
import { fakeFromSnapshot, FakeEt, FakeWorksheetEt } from './fake-et';

const et = (f: FakeEt): EtApp => f as unknown as EtApp;

async function exported(): Promise<{ fake: FakeEt; host: WpsHost; report: FileReport }> {
  const fake = fakeFromSnapshot(sampleWorkbook());
  const host = new WpsHost(et(fake));
  const report = checkWorkbook(await host.read(), 'x').report;
  await host.exportResults(report);
  return { fake, host, report };
}
const results = (fake: FakeEt): FakeWorksheetEt | undefined => fake.ActiveWorkbook.sheets.find((s) => s.Name === '校验结果');

describe('6: deleting the old 校验结果 sheet', () => {
  test('a second 导出 and 撤销 delete it without a confirmation; DisplayAlerts is back as it was', async () => {
    const { fake, host, report } = await exported();
    expect(results(fake)).toBeTruthy();
    const first = results(fake)!;
    await host.exportResults({ ...report, findings: report.findings.slice(0, 1) });
    expect(fake.dialogs).toEqual([]);
    expect(results(fake)).not.toBe(first);
    expect(results(fake)!.UsedRange.Rows.Count).toBe(2);
    expect(fake.DisplayAlerts).toBe(true);
    // 撤销 of the second: the new sheet goes (no dialog), the first comes back with its rows
    expect(await host.undo()).toBe('导出');
    expect(fake.dialogs).toEqual([]);
    expect(results(fake)!.UsedRange.Rows.Count).toBe(report.findings.length + 1);
    expect(await host.undo()).toBe('导出');
    expect(results(fake)).toBeUndefined();
    expect(fake.dialogs).toEqual([]);
    expect(fake.DisplayAlerts).toBe(true);
    expect(fake.alertsLog.length).toBeGreaterThan(0);
  });

  test('where the confirmation is shown anyway and the person cancels: nothing written, nothing recorded', async () => {
    const { fake, host, report } = await exported();
    const before = results(fake)!.UsedRange.Formula;
    fake.alertsIgnored = true;
    await expect(host.exportResults({ ...report, findings: report.findings.slice(0, 1) })).rejects.toThrow(/未被删除/);
    expect(fake.dialogs).toHaveLength(1);
    // the old rows are untouched, and no inverse of a deletion that did not happen was recorded
    expect(results(fake)!.UsedRange.Formula).toEqual(before);
    expect(fake.ActiveWorkbook.sheets.filter((s) => s.Name === '校验结果')).toHaveLength(1);
    expect(fake.DisplayAlerts).toBe(true);
    expect(fake.ScreenUpdating).toBe(true);
    // 撤销 still undoes the first 导出, and a cancelled 撤销 leaves the sheet and its entry as they were
    expect(host.undoLabel()).toBe('导出');
    await expect(host.undo()).rejects.toThrow(/未被删除/);
    expect(results(fake)!.UsedRange.Formula).toEqual(before);
    expect(host.undoLabel()).toBe('导出');
    fake.confirmDelete = true;
    expect(await host.undo()).toBe('导出');
    expect(results(fake)).toBeUndefined();
    expect(host.undoLabel()).toBeUndefined();
  });

  test('DisplayAlerts comes back on when the deletion fails', async () => {
    const { fake, host, report } = await exported();
    const spy = jest.spyOn(FakeWorksheetEt.prototype, 'Delete').mockImplementation(() => {
      throw new Error('WPS refused');
    });
    try {
      await expect(host.exportResults(report)).rejects.toThrow('WPS refused');
      expect(fake.DisplayAlerts).toBe(true);
      expect(fake.alertsLog[fake.alertsLog.length - 1]).toBe(true);
      expect(host.undoLabel()).toBe('导出');
    } finally {
      spy.mockRestore();
    }
  });
});
