/**
 * The WPS host's writes against an ET as strict as the real one (issue 16): Worksheet.Delete's confirmation
 * dialog, which DisplayAlerts turns off and a person can cancel; two workbooks open, SheetChange heard for both.
 */
import { checkWorkbook } from '../../src/core';
import { FileReport } from '../../src/core/report';
import { WorkbookSnapshot } from '../../src/core/snapshot';
import { sampleWorkbook } from '../../src/sample';
import { WpsHost } from '../../src/wps/host';
import { EtApp, readSnapshotEt } from '../../src/wps/snapshot';
import { EtBook, hexToBgr, readSetting } from '../../src/wps/writes';
import { fakeFromSnapshot, FakeEt, FakeRangeEt, FakeWorkbookEt, FakeWorksheetEt } from './fake-et';

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

describe('7: two workbooks open', () => {
  /** The pane opened on the sample; then the person opens another workbook with the same sheet names. */
  async function twoBooks(): Promise<{ fake: FakeEt; host: WpsHost; report: FileReport; a: FakeWorkbookEt; b: FakeWorkbookEt }> {
    const fake = fakeFromSnapshot(sampleWorkbook());
    const a = fake.ActiveWorkbook;
    const host = new WpsHost(et(fake));
    const report = checkWorkbook(await host.read(), 'x').report;
    const b = fake.openWorkbook('另一个.xlsx', ['收支表', '评分表']);
    b.Worksheets.Item('收支表').load('D22', [[1]]);
    return { fake, host, report, a, b };
  }
  const d22 = (wb: FakeWorkbookEt): FakeRangeEt => wb.Worksheets.Item('收支表').Range('D22');

  test('标记, 清除标记, 撤销, 导出 and the settings are the host’s workbook’s, whichever is active', async () => {
    const { fake, host, report, a, b } = await twoBooks();
    expect(host.fileName).toBe('工作簿1.xlsx');
    expect(fake.ActiveWorkbook).toBe(b);
    await host.mark(report.findings);
    expect(d22(a).Interior.Color).toBe(hexToBgr('#F8CBAD'));
    expect(d22(b).Interior.ColorIndex).toBe(-4142);
    expect(d22(b).Comment).toBeNull();
    expect(readSetting(a as unknown as EtBook, 'selfeval.marks')).toBeTruthy();
    expect(readSetting(b as unknown as EtBook, 'selfeval.marks')).toBeUndefined();
    // the reading is A's, though B is in front
    expect((await host.read()).sheets.find((s) => s.name === '收支表')!.values.length).toBeGreaterThan(1);
    await host.clearMarks();
    expect(d22(a).Interior.ColorIndex).toBe(-4142);
    expect(d22(a).Comment).toBeNull();
    expect(await host.undo()).toBe('清除标记');
    expect(d22(a).Interior.Color).toBe(hexToBgr('#F8CBAD'));
    expect(d22(b).Interior.ColorIndex).toBe(-4142);
    expect(await host.undo()).toBe('标记');
    expect(d22(a).Interior.ColorIndex).toBe(-4142);
    expect(d22(b).Comment).toBeNull();
    // 导出 goes into A and brings it to the front
    await host.exportResults(report);
    expect(a.sheets.map((s) => s.Name)).toContain('校验结果');
    expect(b.sheets.map((s) => s.Name)).not.toContain('校验结果');
    expect(fake.ActiveWorkbook).toBe(a);
    await host.undo();
    expect(a.sheets.map((s) => s.Name)).not.toContain('校验结果');
  });

  test('clicking a finding brings the host’s workbook to the front and selects the cell there', async () => {
    const { fake, host, a } = await twoBooks();
    await host.select(['收支表!D22']);
    expect(fake.ActiveWorkbook).toBe(a);
    expect(fake.selection).toBe('收支表!D22');
  });

  test('live checking hears only its own workbook’s SheetChange', async () => {
    jest.useFakeTimers();
    try {
      const { fake, host, a, b } = await twoBooks();
      const seen: number[] = [];
      await host.startLive(await host.read(), () => seen.push(1), (e) => {
        throw e;
      });
      fake.userEdit('收支表', 'D22', 5, b);
      jest.advanceTimersByTime(1000);
      expect(seen).toEqual([]);
      fake.userEdit('收支表', 'D22', 301.62, a);
      jest.advanceTimersByTime(1000);
      expect(seen).toEqual([1]);
      await host.stopLive();
    } finally {
      jest.useRealTimers();
    }
  });

  test('a workbook closed under the pane is said, not swapped for another', async () => {
    const { fake, host, report, a, b } = await twoBooks();
    fake.closeWorkbook(a);
    await expect(host.mark(report.findings)).rejects.toThrow(/已关闭/);
    expect(d22(b).Comment).toBeNull();
  });
});

describe('11: a fill comes back exactly', () => {
  const interior = (r: FakeRangeEt): Record<string, unknown> => {
    const i = r.Interior;
    let theme: unknown;
    try {
      theme = i.ThemeColor;
    } catch {
      theme = 'none';
    }
    return { color: i.Color, index: i.ColorIndex === -4142 ? 'none' : 'set', theme, tint: i.TintAndShade, pattern: i.Pattern, patternColor: i.PatternColor, patternIndex: i.PatternColorIndex, patternTint: i.PatternTintAndShade };
  };

  test('清除标记 and 撤销 put back pattern, pattern colour, tints and theme colours, not only Interior.Color', async () => {
    const fake = fakeFromSnapshot(sampleWorkbook());
    const host = new WpsHost(et(fake));
    const report = checkWorkbook(await host.read(), 'x').report;
    const ws = fake.ActiveWorkbook.Worksheets.Item('收支表');
    const sc = fake.ActiveWorkbook.Worksheets.Item('评分表');
    // D22: green under a red 50% grey pattern, lightened; F3: a theme colour darkened; F28: no fill
    const d22 = ws.Range('D22').Interior;
    d22.Color = hexToBgr('#00B050');
    d22.TintAndShade = 0.4;
    d22.Pattern = -4125;
    d22.PatternColor = hexToBgr('#FF0000');
    d22.PatternTintAndShade = -0.2;
    sc.Range('F3').Interior.ThemeColor = 5;
    sc.Range('F3').Interior.TintAndShade = -0.25;
    const cells: FakeRangeEt[] = [ws.Range('D22'), sc.Range('F3'), sc.Range('F28')];
    const before = cells.map(interior);
    expect(before[0]).toMatchObject({ pattern: -4125, tint: 0.4, patternTint: -0.2 });
    expect(before[1]).toMatchObject({ theme: 5, tint: -0.25 });
    await host.mark(report.findings);
    // a mark is a plain solid fill
    expect(interior(cells[0]!)).toMatchObject({ color: hexToBgr('#F8CBAD'), pattern: 1, tint: 0, theme: 'none' });
    await host.clearMarks();
    expect(cells.map(interior)).toEqual(before);
    await host.undo();
    await host.undo();
    expect(cells.map(interior)).toEqual(before);
  });

  test('a range whose cells differ is put back cell by cell', async () => {
    const fake = fakeFromSnapshot(sampleWorkbook());
    const host = new WpsHost(et(fake));
    const ws = fake.ActiveWorkbook.Worksheets.Item('收支表');
    ws.Range('B2').Interior.Color = hexToBgr('#00B050');
    ws.Range('C2').Interior.Pattern = -4126;
    const before = [ws.Range('B2'), ws.Range('C2'), ws.Range('D2')].map(interior);
    // a fill over the three, as an operation the pane could run, and its undo
    await (host as unknown as { write(l: string, ops: unknown[]): unknown }).write('填充', [{ op: 'fill', sheet: '收支表', address: 'B2:D2', color: '#FFE699' }]);
    expect(ws.Range('B2:D2').Interior.Color).toBe(hexToBgr('#FFE699'));
    expect(await host.undo()).toBe('填充');
    expect([ws.Range('B2'), ws.Range('C2'), ws.Range('D2')].map(interior)).toEqual(before);
  });
});

describe('issue 22: live checking in WPS reads again only what was edited', () => {
  test('an edit re-reads its sheet alone; a sheet that holds what it held is not checked again; a new sheet reads all', async () => {
    jest.useFakeTimers();
    try {
      const fake = fakeFromSnapshot(sampleWorkbook());
      const host = new WpsHost(et(fake));
      const first = await host.read();
      const seen: WorkbookSnapshot[] = [];
      await host.startLive(first, (wb) => seen.push(wb), (e) => {
        throw e;
      });
      fake.reads = 0;
      readSnapshotEt(et(fake));
      const whole = fake.reads;
      fake.reads = 0;
      fake.userEdit('收支表', 'D22', 301.62);
      jest.advanceTimersByTime(1000);
      expect(seen).toHaveLength(1);
      const one = fake.reads;
      expect(one).toBeGreaterThan(0);
      expect(one).toBeLessThan(whole);
      const next = seen[0]!;
      // the other sheets are the very objects of the reading before; the edited one holds the edit
      expect(next.sheets.filter((s) => s.name !== '收支表').every((s) => first.sheets.includes(s))).toBe(true);
      expect(checkWorkbook(next, 'x').report.findings.some((f) => f.group === '收支表!D22')).toBe(false);
      // the same value typed again: read, not checked
      fake.userEdit('收支表', 'D22', 301.62);
      jest.advanceTimersByTime(1000);
      expect(seen).toHaveLength(1);
      // a sheet added: the whole workbook is read again, and checked
      fake.addSheet('新表').load('A1', [['备注']]);
      fake.userEdit('新表', 'A2', '说明');
      jest.advanceTimersByTime(1000);
      expect(seen).toHaveLength(2);
      expect(seen[1]!.sheets.map((s) => s.name)).toContain('新表');
      await host.stopLive();
    } finally {
      jest.useRealTimers();
    }
  });
});
