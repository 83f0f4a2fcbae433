/**
 * A 项目支出绩效自评表 (财预〔2020〕10号 template) for seed 004's project: 计划生育特殊家庭公共交通补贴项目,
 * 全年预算数 16.56, 全年执行数 15.70 (94.81%). The indicator lines are illustrative.
 */
import { CellValue } from '../core/snapshot';
import { SheetBuilder } from './sheet';

export interface ProjectSpec {
  fundsScore: number | string;
  /** the stated 执行率, a fraction shown with a 0.00% format */
  rate: number;
  lines: Array<[string, string, string, string, string, number, number]>;
  total: [number, number];
}

export const SEED004_PROJECT: ProjectSpec = {
  fundsScore: 9.48,
  rate: 0.9481,
  lines: [
    ['产出指标', '数量指标', '补助特扶对象人数', '≥400人', '380人', 30, 28.5],
    ['产出指标', '质量指标', '补助发放准确率', '100%', '100%', 20, 20],
    ['产出指标', '时效指标', '按时发放率', '≥95%', '100%', 10, 10],
    ['效益指标', '社会效益指标', '特扶家庭满意度', '≥90%', '96%', 20, 20],
    ['成本指标', '经济成本指标', '人均补助成本', '≤450元', '413元', 10, 10],
  ],
  total: [100, 97.98],
};

export function projectSheet(spec: ProjectSpec = SEED004_PROJECT, name = '项目自评表'): SheetBuilder {
  const s = new SheetBuilder(name);
  const rows: CellValue[][] = [
    ['项目支出绩效自评表'],
    ['（2019年度）'],
    ['项目名称', '计划生育特殊家庭公共交通补贴项目'],
    ['主管部门', '西区卫生健康局', null, '实施单位', '西区卫生健康局'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 16.56, 16.56, 15.7, 10, spec.rate, spec.fundsScore],
    [null, '其中：当年财政拨款', 16.56, 16.56, 15.7, '—', '—', '—'],
    [null, '上年结转资金', 0, 0, 0, '—', '—', '—'],
    [null, '其他资金', 0, 0, 0, '—', '—', '—'],
    ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    [null, '保障特扶人员出行困难问题', null, null, '保障了特扶人员出行'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...spec.lines.map((l) => [null, ...l]),
    ['总分', null, null, null, null, null, spec.total[0], spec.total[1]],
  ];
  s.add(rows);
  s.merge(0, 0, 0, 8).merge(1, 0, 1, 8).merge(4, 0, 8, 0);
  s.format(5, 6, '0.00%');
  return s;
}
