/**
 * The in-memory fake of the Excel JavaScript API (test/excel/fake-excel.ts), for the browser test: loaded into the
 * page before the pane, as the Office and Excel globals office.js would provide (the test answers the page's request
 * for office.js with an empty script, so nothing replaces them). The host is ExcelApi 1.8 — Excel 2019's volume
 * licence, the commonest in the offices — with the sample workbook open.
 */
import { sampleWorkbook } from '../../src/sample';
import { FakeExcel } from '../excel/fake-excel';

const w = window as unknown as Record<string, unknown>;
// the fake counts a response's bytes as Excel does, with Node's Buffer; the page has none
w.Buffer ??= { byteLength: (s: string) => new TextEncoder().encode(s).length };

const fake = FakeExcel.fromSnapshot(sampleWorkbook());
fake.apiMinor = 8;
fake.echoWrites = true;
w.Office = {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  context: {
    requirements: { isSetSupported: (n: string, v?: string) => fake.isSetSupported(n, v) },
    document: { settings: fake.commonSettings, url: 'C:\\财务\\2024年度部门整体支出绩效自评.xlsx' },
  },
};
w.Excel = { run: fake.run, RangeAreas: { prototype: { select: () => undefined } } };
w.__fakeExcel = fake;
