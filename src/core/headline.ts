/**
 * What a reviewer's summary line says of a submission besides its counts: the unit as the workbook names it, and
 * the 总分 and 等次 it states (issue 19, item 4). Read from the recognised model, never guessed: a name only from a
 * cell that says it is one (单位名称：…, 部门名称：…, 编制单位：…, 填报单位：…, the name of a 部门整体支出绩效自评表) or
 * from a title that names a 自评 of a body (…局2021年度部门整体支出绩效自评报告); the 总分 from the 评分表's total
 * line or the department form's, the 等次 from the cell that states it.
 */
import { shown } from './numbers';
import { WorkbookModel } from './recognize/model';

export interface Headline {
  unit?: string;
  total?: { score: string; grade?: string };
}

/** "单位名称：云溪区卫生健康局" and the like, the name after the colon. */
const NAME_CELL = /^(?:单位名称|部门名称|部门\(单位\)名称|单位\(部门\)名称|预算单位|编制单位|填报单位|填报部门)\s*[:：]\s*(.{2,40})$/;
/** A title naming the body whose self-evaluation it is: "西区卫生健康局2019年度部门整体支出绩效自评报告". */
const TITLE = /^(.{2,30}?(?:局|委员会|委|办公室|办|院|中心|站|所|队|馆|会|处|厅|部|政府|街道办事处))(?:\d{4}年度?)?(?:部门整体支出|整体支出|部门)?(?:绩效)?自评/;
/** How far down a sheet the name is looked for. */
const HEAD_ROWS = 12;

export function headline(model: WorkbookModel): Headline {
  const out: Headline = {};
  const unit = unitName(model);
  if (unit) out.unit = unit;
  const st = model.scoreTables.find((t) => t.totalRow?.score);
  const dept = model.projects.find((p) => p.form === 'department' && p.total?.score);
  const score = st?.totalRow?.score ?? dept?.total?.score;
  if (score) {
    const grade = (st?.grade ?? dept?.grade)?.text?.trim();
    out.total = { score: shown(score), ...(grade ? { grade } : {}) };
  }
  return out;
}

function unitName(model: WorkbookModel): string | undefined {
  const dept = model.projects.find((p) => p.form === 'department' && p.name);
  if (dept?.name) return clean(dept.name);
  let titled: string | undefined;
  for (const g of model.grids) {
    for (let r = g.top; r <= Math.min(g.bottom, g.top + HEAD_ROWS - 1); r++) {
      for (const c of g.cols(r)) {
        const v = g.raw(r, c);
        if (typeof v !== 'string' || v.length > 80) continue;
        const t = v.normalize('NFKC').replace(/\s+/g, ' ').trim();
        const named = NAME_CELL.exec(t)?.[1];
        if (named) return clean(named);
        titled ??= TITLE.exec(t.replace(/\s/g, ''))?.[1];
      }
    }
  }
  return titled ? clean(titled) : undefined;
}

/** The name without the unit line's tail ("云溪区卫生健康局    单位：万元" → "云溪区卫生健康局"). */
function clean(s: string): string | undefined {
  const t = s.replace(/\s*(金额)?单位\s*[:：].*$/, '').replace(/[（(]盖章[）)]/g, '').trim();
  return t.length >= 2 ? t.slice(0, 40) : undefined;
}
