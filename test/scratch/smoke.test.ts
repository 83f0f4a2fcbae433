import { checkWorkbook } from '../../src/core';
import { seed002 } from '../fixtures/seed002';

test('smoke', () => {
  const { wb } = seed002({ edit: (t, r, c, v) => (t === 'expenditure' && r === 1 && c === 2 ? 310.62 : v) });
  const { report, model } = checkWorkbook(wb, 'x.xlsx');
  console.log(JSON.stringify(report.tables, null, 1));
  for (const f of report.findings) console.log(f.severity, f.rule, f.cells.join(' '), f.message, f.fix ?? '');
  for (const t of model.tables) console.log(t.kind, t.title, t.columns.map((c) => `${c.col}:${c.role}:${c.name}:${c.concept ?? ''}`).join(' | '), JSON.stringify(t.relations), t.total?.label, t.total?.children.length);
});
