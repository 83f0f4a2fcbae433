/**
 * Seed 002 (岳阳市云溪区卫生健康局 2021 部门整体支出绩效自评): every figure of its 收支 tables and 评分表, and
 * functions that lay them out as workbooks in the ways real templates do.
 */
import { colLetters } from '../core/a1';
import { CellValue, WorkbookSnapshot } from '../core/snapshot';
import { SheetBuilder, workbook } from './sheet';

export const UNITS = [
  '局机关', '妇幼保健院', '血吸虫病预防站', '疾病预防控制中心', '卫生计生综合监督执法局', '路口镇中心卫生院',
  '长岭街道社区卫生服务中心', '松阳湖街道社区卫生服务中心', '云溪街道社区卫生服务中心', '陆城镇卫生院',
];
export const TOTAL_LABEL = '局机关及二级机构汇总';

/** 收入合计, 上年结转, 公共财政拨款, 政府基金拨款, 纳入专户管理的非税收入拨款, 其他收入 */
export const INCOME: number[][] = [
  [5522.57, 0, 5522.57, 0, 0, 0],
  [788.64, 0, 788.64, 0, 0, 0],
  [350.48, 0, 350.48, 0, 0, 0],
  [255.89, 0, 255.89, 0, 0, 0],
  [730.2, 0, 730.2, 0, 0, 0],
  [221.79, 0, 221.79, 0, 0, 0],
  [735.47, 0, 735.47, 0, 0, 0],
  [332.47, 0, 332.47, 0, 0, 0],
  [361.76, 0, 361.76, 0, 0, 0],
  [1256.62, 0, 1256.62, 0, 0, 0],
  [489.25, 0, 489.25, 0, 0, 0],
];

/** 支出合计, 基本支出, 人员支出, 公用支出, 项目支出, 当年结余, 累计结余 */
export const EXPENDITURE: number[][] = [
  [5522.57, 2657.18, 2137.98, 519.2, 2865.39, 0, 0],
  [788.64, 312.24, 301.62, 10.62, 476.4, 0, 0],
  [350.48, 103.86, 81.36, 22.5, 246.62, 0, 0],
  [255.89, 191.29, 170.59, 20.7, 64.6, 0, 0],
  [730.2, 179.22, 161.43, 17.79, 550.98, 0, 0],
  [221.79, 180.89, 141.53, 39.36, 40.9, 0, 0],
  [735.47, 461.03, 381.35, 79.68, 274.44, 0, 0],
  [332.47, 181.49, 109.89, 71.6, 150.98, 0, 0],
  [361.76, 192.76, 153.38, 39.38, 169, 0, 0],
  [1256.62, 567.16, 473.69, 93.47, 689.46, 0, 0],
  [489.25, 287.24, 163.14, 124.1, 202.01, 0, 0],
];

/** 三公经费合计, 公务接待费, 公务用车运维费, 公务用车购置费, 因公出国费 */
export const SANGONG: number[][] = [
  [5.93, 2.93, 3, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [5.5, 2.5, 3, 0, 0],
  [0.43, 0.43, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0],
];

/** 固定资产合计, 在用固定资产, 出租固定资产, 其他 */
export const ASSETS: number[][] = [
  [5099.57, 5099.57, 0, 0],
  [512.4, 512.4, 0, 0],
  [488.87, 488.87, 0, 0],
  [163.64, 163.64, 0, 0],
  [972.4, 972.4, 0, 0],
  [137.93, 137.93, 0, 0],
  [729.56, 729.56, 0, 0],
  [398.49, 398.49, 0, 0],
  [255.84, 255.84, 0, 0],
  [578.47, 578.47, 0, 0],
  [861.97, 861.97, 0, 0],
];

export const PROFILE = { quota: 426, actual: 743 };

/** 一级 | 二级 | 三级 | 评分标准 | 分值 (null: shares the merged 分值 above) | 自评得分 */
export type ScoreLineSpec = [string, string, string, string, number | null, number];
export const SCORE_LINES: ScoreLineSpec[] = [
  ['投  入\n（15分）', '预算配置\n（15分）', '财政供养人员\n控制率', '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', 5, 5],
  ['投  入\n（15分）', '预算配置\n（15分）', '“三公经费”\n变动率', '“三公经费”变动率≦0,计5分；\n“三公经费”＞0，每超过一个百分点扣0.5分，扣完为止。', 5, 5],
  ['投  入\n（15分）', '预算配置\n（15分）', '重点支出\n安排率', '重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。', 5, 5],
  ['过  程\n（40分）', '预算执行\n（15分）', '预算调整率', '预算调整率=0，计3分；0-10%（含），计2分；10-20%（含），计1分；20-30%（含），计0.5分；大于30%不得分。', 3, 3],
  ['过  程\n（40分）', '预算执行\n（15分）', '支付进度', '春节前下达全部专项资金的50%；6月底前所有专项资金指标全部下达完。\n每出现一个专项未按进度完成资金下达扣0.5分，扣完为止。', 3, 3],
  ['过  程\n（40分）', '预算执行\n（15分）', '资金结余', '无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。', 3, 3],
  ['过  程\n（40分）', '预算执行\n（15分）', '“三公经费”\n控制率', '以100%为标准。三公经费控制率≦100%，计6分；\n每超过一个百分点扣1分，扣完为止。', 6, 6],
  ['过  程\n（40分）', '预算管理\n（15分）', '管理制度\n健全性', '①已制定或具有预算资金管理办法，内部财务管理制度、会计核算制度等管理制度，1分；\n②相关管理制度合法、合规、完整，1分；\n③相关管理制度得到有效执行，1分。', 3, 3],
  ['过  程\n（40分）', '预算管理\n（15分）', '资金使用\n合规性', '①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定；\n②资金拨付有完整的审批程序和手续；\n③项目支出按规定经过评估论证；\n④支出符合部门预算批复的用途；\n⑤资金使用无截留、挤占、挪用、虚列支出等情况。\n以上情况每出现一例不符合要求的扣1分，扣完为止。', 3, 3],
  ['过  程\n（40分）', '预算管理\n（15分）', '预决算信息公开性和完善性', '①按规定内容公开预决算信息，1分；\n②按规定时限公开预决算信息，0.5分；\n③基础数据信息和会计信息资料真实，0.5分；\n④基础数据信息和会计信息资料完整，0.5分；\n⑤基础数据信息和汇集信息资料准确，0.5分。', 3, 3],
  ['过  程\n（40分）', '预算管理\n（15分）', '政府采购\n执行率', '政府采购执行率等于100%的，得3分；\n每减少一个百分点，扣0.2分，扣完为止。', 3, 3],
  ['过  程\n（40分）', '预算管理\n（15分）', '公务卡刷卡率', '公务卡刷卡率达50％以上的，得3分。\n每减少一个百分点，扣0.2分，扣完为止。', 3, 3],
  ['过  程\n（40分）', '资产管理\n（10分）', '管理制度\n健全性', '①已制定或具有资产管理制度，且相关资产管理制度合法、合规、完整，2分；\n②相关资产管理制度得到有效执行，1分。', 3, 3],
  ['过  程\n（40分）', '资产管理\n（10分）', '资产管理\n安全性', '①资产保存完整；\n②资产配置合理；\n③资产处置规范；\n④资产账务管理合规，帐实相符；\n⑤资产有偿使用及处置收入及时足额上缴；\n以上情况每出现一例不符合有关要求的扣1分，扣完为止。', 4, 4],
  ['过  程\n（40分）', '资产管理\n（10分）', '固定资产\n利用率', '每低于100%一个百分点扣0.1分，扣完为止。', 3, 3],
  ['产  出（25分）', '职责履行\n（25分）', '推进全面小康建设指标任务完成情况', '此项指标根据《中共岳阳市云溪区委 岳阳市云溪区人民政府 关于做好岳阳市云溪区2021年度综合绩效考核工作的通知》）考核内容设置。', 5, 5],
  ['产  出（25分）', '职责履行\n（25分）', '建设湖南新增极目标任务完成情况', '', 7, 7],
  ['产  出（25分）', '职责履行\n（25分）', '《政府工作报告》目标任务完成情况', '', 5, 5],
  ['产  出（25分）', '职责履行\n（25分）', '省市重点民生实事完成情况', '', 2, 2],
  ['产  出（25分）', '职责履行\n（25分）', '省市重点工程和重大项目建设完成情况', '', 2, 2],
  ['产  出（25分）', '职责履行\n（25分）', '其他工作实绩指标完成情况', '', 4, 4],
  ['效  果\n（20分）', '履职效益\n（20分）', '经济效益', '此三项指标为设置部门整体支出绩效评价指标时必须考虑的共性要素。', 15, 4],
  ['效  果\n（20分）', '履职效益\n（20分）', '社会效益', '', null, 5],
  ['效  果\n（20分）', '履职效益\n（20分）', '生态效益', '', null, 5],
  ['效  果\n（20分）', '履职效益\n（20分）', '社会公众或服务对象满意度', '95%（含）以上计5分；\n85%（含）-95%，计3分；\n75%（含）-85%，计1分；\n低于75%计0分。', 5, 5],
];
export const SCORE_TOTAL = { max: 100, score: 99, grade: '优秀' };

export interface LayoutOptions {
  /** one sheet 收支表 with the four tables stacked (default), or one sheet per table */
  perSheet?: boolean;
  /** merged header cells (default) or the unmerged layout of a template converted from Word */
  merged?: boolean;
  /** the 汇总 row last instead of first */
  totalLast?: boolean;
  /** "1、局机关" (default) or plain names */
  numbering?: boolean;
  /** a blank column between the label and the figures */
  blankColumn?: boolean;
  /** SUM formulas in the 汇总 row */
  formulas?: boolean;
  /** "0.00" number format on amounts */
  formats?: boolean;
  /** leave out the 评分表 / 基本概况 sheets */
  noScore?: boolean;
  noProfile?: boolean;
  /** change figures before laying out: (table, row index (0 = 汇总), column index) → value */
  edit?: (table: 'income' | 'expenditure' | 'sangong' | 'assets', row: number, col: number, v: number) => CellValue;
}

interface TableSpec {
  key: 'income' | 'expenditure' | 'sangong' | 'assets';
  title: string;
  /** header rows: strings, with merges given as [row, col, rows, cols] relative to the header's top-left */
  header: (string | null)[][];
  merges: Array<[number, number, number, number]>;
  figures: number[][];
}

export const TABLES: TableSpec[] = [
  {
    key: 'income', title: '年度收入情况（万元）',
    header: [
      ['机构名称', '收入合计', '其中：', null, null, null, null],
      [null, null, '上年结转', '公共财政\n拨款', '政府基金拨款', '纳入专户管理的非税收入拨款', '其他\n收入'],
    ],
    merges: [[0, 0, 2, 1], [0, 1, 2, 1], [0, 2, 1, 5]],
    figures: INCOME,
  },
  {
    key: 'expenditure', title: '部门（单位）年度支出和结余情况（万元）',
    header: [
      ['机构名称', '支出合计', '其中：', null, null, null, '结余', null],
      [null, null, '基本支出', '其中：', null, '项目支出', '当年结余', '累计结余'],
      [null, null, null, '人员支出', '公用支出', null, null, null],
    ],
    merges: [[0, 0, 3, 1], [0, 1, 3, 1], [0, 2, 1, 4], [0, 6, 1, 2], [1, 2, 2, 1], [1, 3, 1, 2], [1, 5, 2, 1], [1, 6, 2, 1], [1, 7, 2, 1]],
    figures: EXPENDITURE,
  },
  {
    key: 'sangong', title: '“三公”经费支出情况（万元）',
    header: [
      ['机构名称', '三公经费\n合计', '其中：', null, null, null],
      [null, null, '公务接待费', '公务用车运维费', '公务用车购置费', '因公出国费'],
    ],
    merges: [[0, 0, 2, 1], [0, 1, 2, 1], [0, 2, 1, 4]],
    figures: SANGONG,
  },
  {
    key: 'assets', title: '固定资产情况（万元）',
    header: [
      ['机构名称', '固定资产\n合计', '其中：', null, '其他'],
      [null, null, '在用固定资产', '出租固定资产', null],
    ],
    merges: [[0, 0, 2, 1], [0, 1, 2, 1], [0, 2, 1, 2], [0, 4, 2, 1]],
    figures: ASSETS,
  },
];

/** Where each table landed: sheet, header top row, first data row (the 汇总 row when first), label column. */
export interface Placed {
  sheet: string;
  headerTop: number;
  firstRow: number;
  /** row of figures[i] */
  rowOf: (i: number) => number;
  /** column of figures[.][j] */
  colOf: (j: number) => number;
}

export function seed002(opts: LayoutOptions = {}): { wb: WorkbookSnapshot; placed: Record<TableSpec['key'], Placed> } {
  const merged = opts.merged ?? true;
  const numbering = opts.numbering ?? true;
  const sheets: SheetBuilder[] = [];
  const placed = {} as Record<TableSpec['key'], Placed>;
  let sb = new SheetBuilder('收支表');
  sheets.push(sb);
  for (const spec of TABLES) {
    if (opts.perSheet && placed.income) {
      sb = new SheetBuilder(spec.key === 'expenditure' ? '支出表' : spec.key === 'sangong' ? '三公经费' : '固定资产');
      sheets.push(sb);
    }
    const gap = sb.cursor === 0 ? 0 : 2;
    const shift = (c: number): number => (opts.blankColumn && c > 0 ? c + 1 : c);
    const width = spec.header[0]!.length + (opts.blankColumn ? 1 : 0);
    const titleRow = sb.add([[spec.title]], 0, gap);
    if (merged) sb.merge(titleRow, 0, titleRow, width - 1);
    const headerTop = sb.cursor;
    spec.header.forEach((row, i) => row.forEach((v, j) => {
      if (v !== null) sb.set(headerTop + i, shift(j), v);
    }));
    sb.cursor = headerTop + spec.header.length;
    if (merged) for (const [r, c, h, w] of spec.merges) sb.merge(headerTop + r, shift(c), headerTop + r + h - 1, shift(c + w - 1));
    const firstRow = sb.cursor;
    const order = opts.totalLast ? [...spec.figures.keys()].slice(1).concat([0]) : [...spec.figures.keys()];
    const rowOf = (i: number): number => firstRow + order.indexOf(i);
    order.forEach((i, k) => {
      const r = firstRow + k;
      const label = i === 0 ? TOTAL_LABEL : numbering ? `${i}、${UNITS[i - 1]}` : UNITS[i - 1]!;
      sb.set(r, 0, label);
      spec.figures[i]!.forEach((v, j) => {
        const value = opts.edit ? opts.edit(spec.key, i, j, v) : v;
        sb.set(r, shift(j + 1), value, opts.formats ? { fmt: '0.00' } : {});
      });
    });
    sb.cursor = firstRow + order.length;
    if (opts.formulas) {
      const tr = rowOf(0);
      const first = opts.totalLast ? firstRow : firstRow + 1;
      const last = opts.totalLast ? firstRow + order.length - 2 : firstRow + order.length - 1;
      for (let j = 0; j < spec.figures[0]!.length; j++) {
        const c = shift(j + 1);
        sb.formula(tr, c, `=SUM(${colLetters(c)}${first + 1}:${colLetters(c)}${last + 1})`);
      }
    }
    placed[spec.key] = { sheet: sb.name, headerTop, firstRow, rowOf, colOf: (j) => shift(j + 1) };
  }
  if (!opts.noProfile) {
    const p = new SheetBuilder('基本概况');
    p.add([['一、部门（单位）基本概况'], ['联系人', '杨明芳', '联络电话', '18173002662'], ['人员编制', PROFILE.quota, '实有人数', PROFILE.actual]]);
    if (merged) p.merge(0, 0, 0, 3);
    sheets.unshift(p);
  }
  if (!opts.noScore) sheets.push(scoreSheet(merged));
  return { wb: workbook(...sheets), placed };
}

/** The 评分表 as in 附件3-1: merged 一级/二级 labels and the merged 分值 15 shared by three lines. */
export function scoreSheet(merged = true, lines: ScoreLineSpec[] = SCORE_LINES, total = SCORE_TOTAL, name = '评分表'): SheetBuilder {
  const s = new SheetBuilder(name);
  s.add([['部门整体支出绩效评价评分表（参考样表）']]);
  if (merged) s.merge(0, 0, 0, 6);
  const header = s.add([['一级指标', '二级指标', '三级指标', '评分标准', '分值', '自评得分', '扣分原因和其他说明']]);
  const first = header + 1;
  lines.forEach((l, i) => {
    const r = first + i;
    const prev = lines[i - 1];
    const repeat = !merged;
    if (repeat || !prev || prev[0] !== l[0]) s.set(r, 0, l[0]);
    if (repeat || !prev || prev[1] !== l[1] || prev[0] !== l[0]) s.set(r, 1, l[1]);
    s.set(r, 2, l[2]);
    if (l[3]) s.set(r, 3, l[3]);
    if (l[4] !== null) s.set(r, 4, l[4]);
    s.set(r, 5, l[5]);
  });
  s.cursor = first + lines.length;
  if (merged) {
    for (const col of [0, 1]) {
      let start = 0;
      for (let i = 1; i <= lines.length; i++) {
        const same = i < lines.length && lines[i]![col] === lines[start]![col] && (col === 0 || lines[i]![0] === lines[start]![0]);
        if (!same) {
          s.merge(first + start, col, first + i - 1, col);
          start = i;
        }
      }
    }
    lines.forEach((l, i) => {
      if (l[4] === null) return;
      let k = i + 1;
      while (k < lines.length && lines[k]![4] === null) k++;
      s.merge(first + i, 4, first + k - 1, 4);
    });
  }
  const tr = s.add([['总 分', null, null, null, total.max, total.score, null]]);
  s.add([['评价等次', total.grade]], 0, 1);
  void tr;
  return s;
}
