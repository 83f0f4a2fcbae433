import { recognize } from '../../src/core';
import { DEFAULT_TOLERANCE } from '../../src/core/arith';
import { SheetBuilder, workbook } from '../fixtures/sheet';
test('dbg', () => {
  const s = new SheetBuilder('三公');
  s.add([['单位', '三公经费', null, null, null, null, null], [null, '合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行维护费', null, null],
    [null, null, null, null, '小计', '购置费', '运行维护费']]);
  s.merge(0, 0, 2, 0).merge(0, 1, 0, 6).merge(1, 1, 2, 1).merge(1, 2, 2, 2).merge(1, 3, 2, 3).merge(1, 4, 1, 6);
  s.add([['合计', 5.93, 0, 2.93, 4, 0, 3], ['疾病预防控制中心', 5.5, 0, 2.5, 3, 0, 3], ['卫生计生综合监督执法局', 0.43, 0, 0.43, 0, 0, 0]]);
  const m = recognize(workbook(s), DEFAULT_TOLERANCE);
  const t = m.tables[0]!;
  console.log(t.headerRows, t.columns.map((c) => `${c.col}:${c.role}:${c.path.map((n) => n.label + '[' + n.children.map((x) => x.label).join(',') + ']').join('/')}`).join('\n'), JSON.stringify(t.relations));
});
