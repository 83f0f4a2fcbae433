import { checkWorkbook } from '../../src/core';
import { seed002, LayoutOptions } from '../fixtures/seed002';

const variants: LayoutOptions[] = [{}, { merged: false }, { totalLast: true }, { numbering: false }, { blankColumn: true }, { formulas: true }, { perSheet: true }, { formats: true }, { merged: false, totalLast: true, blankColumn: true, formulas: true }];
test('smoke', () => {
  for (const v of variants) {
    const { wb } = seed002(v);
    const { report } = checkWorkbook(wb, 'x.xlsx');
    console.log(JSON.stringify(v), report.tables.map((t) => `${t.kind}:${t.range}`).join(' '), JSON.stringify(report.summary));
    for (const f of report.findings) console.log(f.severity, f.rule, f.cells.join(' '), f.message, f.fix ?? '');
  }
});
