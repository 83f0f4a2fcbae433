import { checkWorkbook } from '../../src/core';
import * as L from '../fixtures/layouts';
const show = (name: string, f: L.Fixture) => {
  const { report } = checkWorkbook(f.wb, name);
  const lines = [`== ${name}: ${report.tables.map((t) => `${t.kind}@${t.range}`).join(', ')}`];
  for (const x of report.findings) lines.push(`  ${x.severity} ${x.rule} ${x.cells.slice(0, 3).join(' ')} ${x.message.slice(0, 140)}`);
  console.log(lines.join('\n'));
};
test('show', () => {
  show('groupedYuan', L.groupedYuan());
  show('groupedYuan subtotalFirst', L.groupedYuan({ subtotalFirst: true }));
  show('unitsAsColumns', L.unitsAsColumns());
  show('unitsAsColumns indent', L.unitsAsColumns({ style: 'indent' }));
  show('deptForm', L.deptForm());
  show('deptForm formulas', L.deptForm({ formulas: true, ratesEverywhere: true }));
  show('yoy', L.yearOverYear());
  show('yoy words', L.yearOverYear({ words: true, reversed: true }));
  show('mixed', L.mixedPrecision());
  show('formLine', L.formLine('one-cell', '94.78%'));
  show('formLine cells', L.formLine('cells', '94.78%'));
});
