import { cellA1 } from '../../src/core/a1';
import { checkWorkbook } from '../../src/core';
import * as L from '../fixtures/layouts';
import { CellValue } from '../../src/core/snapshot';

function mutate(v: CellValue, kind: string): CellValue | undefined {
  const text = typeof v === 'string';
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/,/g, '')) : NaN;
  if (!Number.isFinite(n) || n === 0) return undefined;
  let m: number;
  if (kind === 'blank') return null;
  if (kind === 'typo') m = Math.round((n + 9) * 100) / 100;
  else {
    const s = n.toFixed(2); const i = s.search(/[1-9]/);
    const d = s.replace('.', '');
    let j = -1; for (let k = 0; k < d.length - 1; k++) if (d[k] !== d[k + 1]) { j = k; break; }
    if (j < 0) return undefined;
    const sw = d.slice(0, j) + d[j + 1] + d[j] + d.slice(j + 2);
    m = Number(sw.slice(0, -2) + '.' + sw.slice(-2)); void i;
  }
  return text ? L.yuanText(Math.round(m * 100)) : m;
}
const run = (name: string, make: () => L.Fixture) => {
  let found = 0, exact = 0, all = 0; const misses: string[] = [];
  const clean = checkWorkbook(make().wb, 'x').report.findings.filter((f) => f.severity !== 'info');
  for (const kind of ['typo', 'swap', 'blank']) {
    const f0 = make();
    for (const at of f0.figures) {
      const f = make();
      const sheet = f.wb.sheets.find((s) => s.name === f.sheet)!;
      const old = sheet.values[at.r - sheet.top]![at.c - sheet.left]!;
      const nv = mutate(old, kind); if (nv === undefined) continue;
      L.plant(f, at, nv);
      all++;
      const errs = checkWorkbook(f.wb, 'x').report.findings.filter((x) => x.severity !== 'info');
      const cell = `${f.sheet}!${cellA1(at.r, at.c)}`;
      if (errs.length) found++; else misses.push(`${kind} ${cell} MISSED`);
      if (errs.length && errs[0]!.cells[0] === cell) exact++; else if (errs.length) misses.push(`${kind} ${cell} -> ${errs[0]!.cells[0]} ${errs[0]!.rule} ${errs.map(e=>e.cells[0]).join(',')}`);
    }
  }
  console.log(`${name}: clean ${clean.length} [${clean.map(c=>c.rule+' '+c.cells[0]).join('; ')}] found ${found}/${all} exact ${exact}\n` + misses.slice(0, 12).join('\n'));
};
test('mutants', () => {
  run('groupedYuan', () => L.groupedYuan());
  run('groupedYuan sf', () => L.groupedYuan({ subtotalFirst: true, asText: false }));
  run('groupedYuan last', () => L.groupedYuan({ totalLast: true }));
  run('unitsAsColumns', () => L.unitsAsColumns());
  run('unitsAsColumns indent last', () => L.unitsAsColumns({ style: 'indent', totalLast: true }));
  run('deptForm', () => L.deptForm());
  run('deptForm f', () => L.deptForm({ formulas: true, ratesEverywhere: true }));
  run('yoy', () => L.yearOverYear());
  run('yoy words', () => L.yearOverYear({ words: true, reversed: true, totalLast: true }));
});
