/**
 * 评分标准 as provinces and cities write them (issue 10): phrasing → rule (read back as a sentence) → score for
 * given values, with the working in both languages. Sources, noted per row:
 *   [seed]   ../shared/seeds/002 (the 部门整体支出绩效评价 评分表 of a 县 health bureau)
 *   [issue]  the phrasings issue 10 quotes from published indicator tables
 *   [51ds]   部门整体支出绩效评价指标表 (附件1), m.51dongshi.net/eedfrcvdvdcgg.html
 *   [pdf]    部门整体支出绩效评价指标 (a 市 template as a PDF, mirrored at yabovip8.sbs/html/2024/1115/…)
 *   [yy]     岳阳市 2018 部门整体支出绩效评价自评 评分表, www.yueyang.gov.cn/cgj/9886/9901/content_1560779.html
 *   [tpl]    the shape of a published template, reworded by us to cover a construct (the sources above use it
 *            with other figures)
 *   [issue 20 · kind]  the kinds of phrasing issue 20 found in a held-out set of real 评分标准 (project tables,
 *            special-fund tables, asset rules, assessment tables), each row named by its kind
 * A value is a rate in the rule's own scale (percent points, or a ratio for a rule written in plain numbers), or a
 * string: a value as typed in the workbook ("2所", "超支2.00万元", "97%"), read as the engine reads a value cell.
 * A score of null means the rule gives none for that value (a boundary the text leaves open, a band the text does
 * not write, a value in another scale or unit than the rule).
 */
import { Dec } from '../../src/core/decimal';
import { scoreByRule, scoreByValue } from '../../src/core/scoring/compute';
import { describeRule, parseRule, ScoreRule } from '../../src/core/scoring/rule-text';

type Row = [source: string, text: string, max: number, sentence: string | null, values: Array<[value: number | string, score: number | null]>];

const ROWS: Row[] = [
  // ——— thresholds with a deduction per percentage point ———
  ['seed', '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', 5, '不超过100%得5分；每超过1个百分点扣0.5分，扣完为止', [[100, 5], [101, 4.5], [174.41, 0]]],
  ['51ds', '“三公经费”变动率≦0，计8分；“三公经费”>0，每超过一个百分点扣0.8分，扣完为止。', 8, '不超过0%得8分；每超过1个百分点扣0.8分，扣完为止', [[-3, 8], [0, 8], [2.5, 6], [20, 0]]],
  ['pdf', '以100%为标准。在职人员控制率≤100%，计1分；每超过一个百分点扣0.1分，扣完为止。', 1, '不超过100%得1分；每超过1个百分点扣0.1分，扣完为止', [[100, 1], [103, 0.7]]],
  ['pdf', '“公务招待费”变动率≤0，计2分；“公务招待费变动率”>0，每超过一个百分点扣0.2分，扣完为止。', 2, '不超过0%得2分；每超过1个百分点扣0.2分，扣完为止', [[-10, 2], [5, 1]]],
  ['seed', '政府采购执行率等于100%的，得3分；每减少一个百分点，扣0.2分，扣完为止。', 3, '不低于100%得3分；每低于1个百分点扣0.2分，扣完为止', [[100, 3], [99, 2.8], [80, 0]]],
  ['seed', '每低于100%一个百分点扣0.1分，扣完为止。', 3, '不低于100%得3分；每低于1个百分点扣0.1分，扣完为止', [[95, 2.5], [100, 3]]],
  ['issue', '政府采购执行率=100%，计3分；每低一个百分点扣0.1分，扣完为止。', 3, '不低于100%得3分；每低于1个百分点扣0.1分，扣完为止', [[100, 3], [97.5, 2.75]]],
  ['issue', '以100%为标准。公务卡刷卡率≧100%，计3分；每低1个百分点扣0.1分，扣完为止。', 3, '不低于100%得3分；每低于1个百分点扣0.1分，扣完为止', [[90, 2]]],
  ['issue', '编制内人员控制率≤100%，计4分；每超过1个百分点扣0.4分，扣完为止。', 4, '不超过100%得4分；每超过1个百分点扣0.4分，扣完为止', [[105, 2]]],
  ['tpl', '预算执行率达到100%得满分，每降低1%扣0.5分，扣完为止。', 5, '不低于100%得5分；每低于1个百分点扣0.5分，扣完为止', [[98, 4], [90, 0]]],
  ['tpl', '执行率≥95%，得满分；每低于1个百分点扣0.2分。', 4, '不低于95%得4分；每低于1个百分点扣0.2分，扣完为止', [[96, 4], [93, 3.6]]],
  ['tpl', '执行率100%得5分，每低1%扣0.5分，扣完为止。', 5, '不低于100%得5分；每低于1个百分点扣0.5分，扣完为止', [[95, 2.5]]],
  ['yy', '以100%为标准，每超过1个百分点扣1分，扣完为止。', 5, '不超过100%得5分；每超过1个百分点扣1分，扣完为止', [[102, 3]]],
  // ——— steps wider than one point ———
  ['issue', '100%计满分，每低于5%扣2分，扣完为止。', 10, '不低于100%得10分；每低于5个百分点扣2分（不足一档不扣），扣完为止', [[100, 10], [96, 10], [91, 8], [80, 2], [70, 0]]],
  ['issue', '100%以下（含）计满分，每超出5%扣2分。', 6, '不超过100%得6分；每超过5个百分点扣2分（不足一档不扣），扣完为止', [[100, 6], [104, 6], [111, 2]]],
  ['tpl', '完成率100%得满分，每低于5%扣1分，不足5%按5%计，扣完为止。', 5, '不低于100%得5分；每低于5个百分点扣1分（不足一档按一档扣），扣完为止', [[97, 4], [89, 2]]],
  ['tpl', '控制率≤100%计5分，每超过两个百分点扣1分，扣完为止。', 5, '不超过100%得5分；每超过2个百分点扣1分（不足一档不扣），扣完为止', [[105, 3], [101, 5]]],
  ['tpl', '执行率达到100%的得满分；每低于5个百分点扣1分，扣完为止。', 4, '不低于100%得4分；每低于5个百分点扣1分（不足一档不扣），扣完为止', [[90, 2]]],
  ['tpl', '预算执行率≥95%计10分；每降低1个百分点扣0.5分；低于80%不得分。', 10, '不低于95%得10分；每低于1个百分点扣0.5分，扣完为止；<80%得0分', [[95, 10], [85, 5], [80, 2.5], [79, 0]]],
  ['tpl', '以100%为标准，每超过1个百分点扣0.5分，最多扣3分。', 5, '不超过100%得5分；每超过1个百分点扣0.5分，最多扣3分', [[102, 4], [120, 2]]],
  // ——— proportional ———
  ['issue', '按完成比例计算得分，满分为止。', 5, '得分 = 完成率 × 分值5分，最高5分', [[80, 4], [120, 5]]],
  ['issue', '得分=完成率×分值。', 10, '得分 = 完成率 × 分值10分，最高10分', [[93.5, 9.35]]],
  ['issue', '按实际完成比例得分。', 4, '得分 = 完成率 × 分值4分，最高4分', [[50, 2]]],
  ['issue', '完成率×分值，最高不超过分值。', 6, '得分 = 完成率 × 分值6分，最高6分', [[110, 6], [0, 0]]],
  ['tpl', '按预算执行率×该项分值计算得分。', 5, '得分 = 完成率 × 分值5分，最高5分', [[96, 4.8]]],
  // ——— bands, with words for points ———
  ['issue', '执行率≥95%，得满分；85%（含）-95%，得3分；低于85%，不得分。', 5, '≥95%得5分；85%(含)–95%得3分；<85%得0分', [[96, 5], [85, 3], [84.9, 0]]],
  ['issue', '大于30%不得分；20%-30%（含）得1分；10%-20%（含）得2分；10%（含）以下得3分。', 3, '>30%得0分；20%–30%(含)得1分；10%–20%(含)得2分；≤10%得3分', [[35, 0], [25, 1], [20, 2], [10, 3]]],
  ['issue', '30%以上得满分；20%（含）-30%得一半分值；低于20%不得分。', 4, '≥30%得4分；20%(含)–30%得2分；<20%得0分', [[40, 4], [30, 4], [25, 2], [10, 0]]],
  ['issue', '85%以下不得分；85%-95%得分值的50%；95%（含）以上得满分。', 6, '≤85%得0分；85%–95%得3分；≥95%得6分', [[80, 0], [90, 3], [95, 6]]],
  ['issue', '90%—100%得5分；80%—90%得3分；80%以下得0分。', 5, '90%–100%得5分；80%–90%得3分；≤80%得0分', [[95, 5], [85, 3], [90, null], [70, 0]]],
  ['issue', '达到100%得满分，否则不得分。', 2, '≥100%得2分；其他得0分', [[100, 2], [101, 2], [99, 0]]],
  ['issue', '等于0得满分，否则不得分。', 3, '=0%得3分；其他得0分', [[0, 3], [1, 0]]],
  ['seed', '≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。', 5, '≥90%得5分；80%(含)–90%得4分；70%(含)–80%得3分；60%(含)–70%得2分；<60%得0分', [[92, 5], [80, 4], [59.99, 0]]],
  ['seed', '预算调整率为0，计3分；0-10%（含），计2分；10%-20%（含），计1分；20%-30%（含），计0.5分；大于30%，不得分。', 3, '=0%得3分；0%–10%(含)得2分；10%–20%(含)得1分；20%–30%(含)得0.5分；>30%得0分', [[0, 3], [5, 2], [25, 0.5], [31, 0]]],
  ['yy', '满意度95%（含）以上计5分，85%（含）-95%计3分，85%以下计0分。', 5, '≥95%得5分；85%(含)–95%得3分；≤85%得0分', [[95, 5], [90, 3], [85, 3], [80, 0]]],
  ['tpl', '满意度≥90%得满分；80%≤满意度<90%得3分；满意度<80%不得分。', 5, '≥90%得5分；80%(含)–90%得3分；<80%得0分', [[91, 5], [80, 3], [79, 0]]],
  ['tpl', '大于等于95%的，得5分；小于95%大于等于85%的，得3分；小于85%的，不得分。', 5, '≥95%得5分；85%(含)–95%得3分；<85%得0分', [[95, 5], [85, 3], [84, 0]]],
  ['tpl', '100%得满分；90%（含）-100%得分值的80%；低于90%不得分。', 5, '=100%得5分；90%(含)–100%得4分；<90%得0分', [[100, 5], [95, 4], [80, 0]]],
  ['tpl', '变动率＜0，计3分；变动率＝0，计2分；变动率＞0，不得分。', 3, '<0%得3分；=0%得2分；>0%得0分', [[-1, 3], [0, 2], [2, 0]]],
  ['tpl', '60%（含）-80%计一半分值；80%（含）以上计满分；60%以下不计分。', 6, '60%(含)–80%得3分；≥80%得6分；≤60%得0分', [[70, 3], [85, 6], [50, 0], [60, 3]]],
  ['tpl', '100%得满分；90%（含）-100%得满分的80%；低于90%不得分。', 5, '=100%得5分；90%(含)–100%得4分；<90%得0分', [[95, 4]]],
  ['tpl', '≥90%得2分，≥95%得3分，≥98%得4分，<90%不得分。', 4, '≥90%得2分；≥95%得3分；≥98%得4分；<90%得0分', [[99, 4], [96, 3], [90, 2], [80, 0]]],
  ['tpl', '“三公”经费控制率在100%以内的得5分，每超过1%扣1分。', 5, '不超过100%得5分；每超过1个百分点扣1分，扣完为止', [[100, 5], [103, 2]]],
  ['tpl', '满意度达到90%及以上的得满分，80%-90%之间的得分值的60%，80%以下不得分。', 5, '≥90%得5分；80%–90%得3分；≤80%得0分', [[92, 5], [85, 3], [70, 0]]],
  ['tpl', '公务卡刷卡率达到90%以上的得2分，80%-90%（含）的得1分，80%以下的不得分。', 2, '≥90%得2分；80%–90%(含)得1分；≤80%得0分', [[95, 2], [85, 1], [70, 0]]],
  // ——— issue 20: the three texts that gave a wrong number ———
  // a ratio written as a plain number: "≥1" is 1 (100 %), and 0.97 is 0.97 — before, 1 % against 97 % gave 20
  ['issue 20 · ratio threshold', '保值率≥1，20分；保值率<1，0分。', 20, '≥1得20分；<1得0分', [[0.97, 0], [1, 20], [1.05, 20], ['0.97', 0], ['97%', 0], ['105%', 20], ['1', 20], ['97', null], ['9', null]]],
  ['issue 20 · ratio threshold', '资产负债率≤0.6得满分，>0.6不得分。', 5, '≤0.6得5分；>0.6得0分', [[0.5, 5], [0.7, 0], ['55%', 5], ['0.72', 0], ['2', null], ['55', null]]],
  // bands with a proportional middle: before, the whole text was read as 分值 × rate (85 % → 8.5)
  ['issue 20 · bands with a proportional band', '100%，10分；≥90%，按比例计算得分；<90%，0分。', 10, '=100%得10分；≥90%得分 = 完成率 × 分值10分；<90%得0分', [[100, 10], [95, 9.5], [90, 9], [85, 0], [120, 10]]],
  ['issue 20 · bands with a proportional band', '95%以上的得满分；80%—95%之间的，按执行率×分值计分；低于80%的不得分。', 10, '≥95%得10分；80%–95%得分 = 完成率 × 分值10分；<80%得0分', [[97, 10], [95, 10], [85, 8.5], [80, null], [70, 0]]],
  // ——— issue 20: a floor written with its number ———
  ['issue 20 · floor with its number', '以100%为标准，每超过1个百分点扣1分，扣完20分为止。', 20, '不超过100%得20分；每超过1个百分点扣1分，扣完为止', [[100, 20], [105, 15], [130, 0]]],
  ['issue 20 · floor with its number', '完成率100%得满分，每低于1个百分点扣1分，扣满15分为止。', 20, '不低于100%得20分；每低于1个百分点扣1分，最多扣15分', [[100, 20], [90, 10], [50, 5]]],
  ['issue 20 · floor with its number', '每发现一例违规使用资金扣2分，扣完10分为止。', 10, '满分10分，每出现一例扣2分，扣完为止', [[3, 4], ['6例', 0], ['3%', null]]],
  // ——— issue 20: steps on a difference either way, a two-sided deviation ———
  ['issue 20 · difference either way', '完成率100%得满分，每相差3%扣1分，扣完为止。', 5, '=100%得5分；每偏离3个百分点（高低两侧）扣1分（不足一档不扣），扣完为止', [[100, 5], [97, 4], [95, 4], [94, 3], [103, 4], [80, 0]]],
  ['issue 20 · difference either way', '完成率达到100%得满分，每相差3%扣1分，扣完为止。', 5, '不低于100%得5分；每低于3个百分点扣1分（不足一档不扣），扣完为止', [[103, 5], [97, 4]]],
  ['issue 20 · two-sided deviation', '偏差率绝对值≤5%的得满分，每超过1个百分点扣0.5分，扣完为止。', 5, '绝对值不超过5%得5分；每超出1个百分点（高低两侧）扣0.5分，扣完为止', [[3, 5], [-5, 5], [7, 4], [-8, 3.5], [20, 0]]],
  ['issue 20 · two-sided deviation', '偏差率在±5%以内得满分，超出部分每1%扣0.5分。', 3, '绝对值不超过5%得3分；每超出1个百分点（高低两侧）扣0.5分，扣完为止', [[4, 3], [-6, 2.5], [9, 1]]],
  ['issue 20 · difference either way', '预算执行率100%得满分，每超过或低于1个百分点扣0.5分。', 3, '=100%得3分；每偏离1个百分点（高低两侧）扣0.5分，扣完为止', [[100, 3], [98, 2], [103, 1.5]]],
  // ——— issue 20: all or nothing ———
  ['issue 20 · all or nothing', '完成率100%计满分；有1人不达标，该项不得分。', 4, '=100%得4分；<100%得0分', [[100, 4], [99, 0], [101, null]]],
  // ——— issue 20: a threshold in words, or after its subject ———
  ['issue 20 · threshold in words', '决算数不超过预算数的得满分，每超出1%扣0.5分。', 5, '不超过100%得5分；每超过1个百分点扣0.5分，扣完为止', [[98, 5], [104, 3]]],
  ['issue 20 · threshold with a subject', '项目调整金额占预算比例≤10%的得满分，超过10%的每超1个百分点扣0.2分。', 2, '不超过10%得2分；每超过1个百分点扣0.2分，扣完为止', [[10, 2], [15, 1], [30, 0]]],
  // ——— issue 20: counts in any unit, with values typed with their units ———
  ['issue 20 · count in a unit', '每发现一个学校未落实扣0.5分，扣完为止。', 3, '满分3分，每出现一例扣0.5分，扣完为止', [['2所', 2], [2, 2], ['2个', 2], ['2人', null], ['2.5', null]]],
  ['issue 20 · count in a unit', '在编人数不超过核定编制数的得满分，每超1人扣0.5分，扣完为止。', 3, '满分3分，每超1人扣0.5分，扣完为止', [['超编2人', 2], [0, 3], ['超10人', 0], ['2所', null], ['2万元', null], ['95%', null]]],
  ['issue 20 · amount in a unit', '未超预算的得满分；每超支1万元扣1分，扣完为止。', 5, '满分5分，每超支1万元扣1分，扣完为止', [['超支2.00万元', 3], ['20000元', 3], ['超支6万元', 0], ['15000元', null], [2, null], ['2人', null]]],
  ['issue 20 · count in a unit', '在规定时间内完成得满分，每延迟一天扣0.5分。', 3, '满分3分，每延迟1天扣0.5分，扣完为止', [['延迟3天', 1.5], [2, 2], ['3周', null], ['提前3天', null]]],
  ['issue 20 · count in a unit', '每延迟1天扣0.1分，扣完为止。', 2, '满分2分，每延迟1天扣0.1分，扣完为止', [['延迟3天', 1.7], ['延期3天', 1.7]]],
  ['issue 20 · count in a unit', '项目按期完工得满分，每滞后一年扣2分。', 5, '满分5分，每滞后1年扣2分，扣完为止', [['滞后1年', 3], ['2年', 1], ['3天', null]]],
  // ——— issue 20: proportions worded otherwise ———
  ['issue 20 · proportional formula', '评价指标得分=资金到位率*该项指标分值。', 5, '得分 = 完成率 × 分值5分，最高5分', [[90, 4.5], [110, 5]]],
  ['issue 20 · proportional formula', '得分值=项目完成率×20', 20, '得分 = 完成率 × 分值20分，最高20分', [[85, 17]]],
  ['issue 20 · proportional formula', '按资金到位率×该项分值计算得分（超过100%以100%计算）。', 4, '得分 = 完成率 × 分值4分，最高4分', [[120, 4], [75, 3]]],
  ['issue 20 · proportional formula', '实际完成值/年度指标值×该指标分值。', 10, '得分 = 完成率 × 分值10分，最高10分', [[95, 9.5]]],
  ['issue 20 · proportional formula, reversed', '年度指标值/实际完成值×该指标分值。', 10, '得分 = 分值10分 ÷ 完成率，最高10分', [[125, 8], [80, 10]]],
  ['issue 20 · proportional to a target', '按实际完成值占目标值的比例计分（目标值：500人次）。', 10, '得分 = 实际完成值 ÷ 目标值500人次 × 分值10分，最高10分', [['450人次', 9], ['600人次', 10], ['90%', 9], [450, null], ['450人', null]]],
  ['issue 20 · proportional with a floor', '按完成比例计算得分；低于60%不得分。', 5, '其他得分 = 完成率 × 分值5分；<60%得0分', [[80, 4], [59, 0], [120, 5]]],
  ['issue 20 · proportional formula', '得分=完成率×分值（完成率超过100%的按100%计）。', 5, '得分 = 完成率 × 分值5分，最高5分', [[120, 5], [60, 3]]],
  ['issue 20 · count in a unit', '每延误一天扣0.1分，扣完为止。', 2, '满分2分，每延误1天扣0.1分，扣完为止', [['延误3天', 1.7], ['3天', 1.7]]],
  ['issue 20 · threshold in words', '支出不超过预算的得满分，超过预算的不得分。', 5, '≤100%得5分；>100%得0分', [[99, 5], [100, 5], [101, 0]]],
  ['issue 20 · range either way', '预算执行率在90%-110%之间得满分，每偏离1个百分点扣0.5分。', 5, '90%–110%得5分；每超出1个百分点（高低两侧）扣0.5分，扣完为止', [[100, 5], [90, 5], [85, 2.5], [112, 4]]],
  ['issue 20 · count in a unit', '每项不合格扣1分，最多扣5分。', 10, '满分10分，每1项扣1分，最多扣5分', [['3项', 7], ['8项', 5], [2, 8]]],
  ['issue 20 · proportional formula', '资金到位率=实际到位资金/计划投入资金×100%；到位率×分值。', 5, '得分 = 完成率 × 分值5分，最高5分', [[90, 4.5]]],
  ['issue 20 · proportional formula', '按实际完成值/年度指标值×该指标分值计算，超过100%的按满分计。', 5, '得分 = 完成率 × 分值5分，最高5分', [[110, 5], [80, 4]]],
  ['issue 20 · proportional formula', '得分值=完成率×20，最高20分。', 20, '得分 = 完成率 × 分值20分，最高20分', [[90, 18]]],
  // ——— issue 20: only the full-marks side written; bands marked on both ends ———
  ['issue 20 · full side only', '大于90%得满分。', 5, '>90%得5分', [[95, 5], [90, null], [80, null]]],
  ['issue 20 · both ends marked', '90%（含）—95%（不含）得3分；95%（含）以上得5分；低于90%不得分。', 5, '90%(含)–95%得3分；≥95%得5分；<90%得0分', [[90, 3], [94.99, 3], [95, 5], [89, 0]]],
];

/** Checklists and judgements: people score them, never the engine. */
const MANUAL: Array<[source: string, text: string]> = [
  ['issue', '已制定相关管理制度，计1分；制度健全，计1分；执行有效，计1分。'],
  ['yy', '预算编制科学合理，得2分；基本合理得1分；不合理不得分。'],
  ['pdf', '①招待费用明确招待标准和招待人数，1分；②车辆维护、燃油使用政府定点，1分；③制定“三公经费”管理办法，1分，每少一项扣1分，扣完为止。'],
  ['tpl', '及时公开预决算信息的，得满分；未及时公开的，扣1分。'],
  ['seed', '视情况酌情扣分。'],
  ['tpl', '资产管理规范，账实相符，得3分；否则酌情扣分。'],
  ['tpl', '≥100%得满分，每超过1个百分点扣0.5分。'], // contradicts itself: the engine does not guess which part is meant
  ['tpl', '≥95%得5分；90%（含）-95%得4分；每低于90%一个百分点扣0.5分。'], // bands and a deduction together
  ['tpl', '项目按计划完成的，得5分；部分完成的，得3分；未完成的，不得分。'],
  // issue 20: what is still left to people — a clause the grammar does not read makes the whole text so
  ['issue 20', '100%，10分；≥90%，按完成情况酌情计分；<90%，0分。'],
  ['issue 20', '满意度≥90得满分；80-90得3分。'], // plain figures above 2: 90 % or 90? not read
  ['issue 20', '≥95%得满分；低于1的不得分。'], // % and a plain figure mixed
  ['issue 20', '超过3天的，每延迟1天扣0.5分。'], // a figure in the deduction's own clause
  ['issue 20', '每超1人扣0.5分；超编5人以上不得分。'], // a count with a floor
  ['issue 20', '按比例计算得分；≥90%得8分。'], // 按比例 would give 8.9 at 89 %: it means something else here
  ['issue 20', '按实际完成值占目标值的比例计分。'], // a target not given
  ['issue 20', '扣完20分为止，每超过1个百分点扣1分。'], // 20 over the 分值 of 3
  ['issue 20', '得分值=完成率×20，最高20分。'], // 20 is not the 分值 of 3
  ['issue 20', '决算数不超过预算数的得满分，每超出1%扣0.5分，超出10%以上不得分。'], // a floor in another measure (超出 10 % of the budget, not 10 %)
  ['issue 20', '每发现1起违规扣2分，发现3起以上不得分。'], // a count with a floor
  ['issue 20', '完成率100%得满分，每相差1%扣0.2分，完成率超过100%不加分。'],
];

/** A value in the rule's scale (a number), or as typed (a string); counts and targets take what is typed. */
function score(rule: ScoreRule, value: number | string, max: number): ReturnType<typeof scoreByRule> {
  if (typeof value === 'string' || rule.kind === 'cases' || (rule.kind === 'proportional' && rule.target)) return scoreByValue(rule, value, new Dec(max));
  return scoreByRule(rule, new Dec(value), new Dec(max));
}

describe('phrasings that are read: rule, sentence, scores and working', () => {
  test(`at least 40 phrasings (${ROWS.length} read, ${MANUAL.length} left to people)`, () => {
    expect(ROWS.length + MANUAL.length).toBeGreaterThanOrEqual(40);
  });
  test.each(ROWS.map((r) => [r[1], r] as const))('%s', (_, [, text, max, sentence, values]) => {
    const rule = parseRule(text, new Dec(max));
    expect(rule).not.toBeNull();
    if (sentence) expect(describeRule(rule!)).toBe(sentence);
    expect(describeRule(rule!, 'en')).toMatch(/^[\x20-\x7e–…≤≥×±÷]+$/);
    for (const [rate, want] of values) {
      const got = score(rule!, rate, max);
      if (want === null) {
        expect(got).toBeNull();
        continue;
      }
      expect([rate, got && Number(got.score.toFixed())]).toEqual([rate, want]);
      // the working ends with the score, in both languages
      expect(got!.basis.zh).toMatch(new RegExp(`→ ${want.toFixed(2).replace(/\.?0+$/, '').replace('.', '\\.')}(\\.0+)?分$`));
      expect(got!.basis.en).toMatch(new RegExp(`→ ${want.toFixed(2).replace(/\.?0+$/, '').replace('.', '\\.')}(\\.0+)?$`));
    }
  });
});

describe('phrasings left to people', () => {
  test.each(MANUAL)('[%s] %s', (_, text) => {
    expect(parseRule(text, new Dec(3))).toBeNull();
  });
});

describe('the working of a step wider than a point says how a part of a step was counted', () => {
  test('whole steps only (the text does not say): 9 points short of 100% is 1 step of 5%', () => {
    const r = parseRule('100%计满分，每低于5%扣2分，扣完为止。', new Dec(10))!;
    const got = scoreByRule(r, new Dec(91), new Dec(10))!;
    expect(got.basis.zh).toBe('指标值 91.00%，低于100%共9个百分点，满1档（每档5%）× 2 = 2分 → 8分');
    expect(got.basis.en).toBe('value 91.00%, 9 points below 100%: 1 whole step(s) of 5% × 2 = 2 → 8');
  });
  test('不足5%按5%计: a part of a step counts whole', () => {
    const r = parseRule('完成率100%得满分，每低于5%扣1分，不足5%按5%计，扣完为止。', new Dec(5))!;
    expect(scoreByRule(r, new Dec(97), new Dec(5))!.basis.zh).toBe('指标值 97.00%，低于100%共3个百分点，不足一档按一档计，共1档（每档5%）× 1 = 1分 → 4分');
  });
  test('proportional, capped at the 分值', () => {
    const r = parseRule('完成率×分值，最高不超过分值。', new Dec(6))!;
    expect(scoreByRule(r, new Dec(110), new Dec(6))!.basis.zh).toBe('指标值 110.00%，110.00% × 6分 = 6.6分，最高6分 → 6分');
  });
});

test('a definition before the bands is not read as a condition', () => {
  // [pdf] the indicator's formula written first, then its bands
  const r = parseRule('满意度=（满意人数/调查总人数）×100%。满意度≥90%得满分；80%（含）-90%得3分；低于80%不得分。', new Dec(5))!;
  expect(describeRule(r)).toBe('≥90%得5分；80%(含)–90%得3分；<80%得0分');
});

describe('property: the scores of every rate rule in the table stay within [0, 分值] across the range', () => {
  const rateRows = ROWS.map((r) => [r[1], r, parseRule(r[1], new Dec(r[2]))] as const)
    .filter(([, , rule]) => rule && (rule.kind === 'bands' || rule.kind === 'deduct' || (rule.kind === 'proportional' && !rule.target)));
  test('there are rows with bands to check', () => {
    expect(rateRows.filter(([, , rule]) => rule!.kind === 'bands').length).toBeGreaterThanOrEqual(20);
  });
  test.each(rateRows.map(([text, row, rule]) => [text, row, rule] as const))('%s', (_, [, , max], rule) => {
    const ratio = rule!.kind === 'bands' && rule!.scale === 'ratio';
    const values: Dec[] = [];
    // a sweep from below 0 to well above 100 % (or 0 to 2.5 for a ratio), and each band's ends and their neighbours
    for (let i = -200; i <= 1000; i++) values.push(ratio ? new Dec(i).div(400) : new Dec(i).div(4));
    if (rule!.kind === 'bands') {
      for (const b of rule!.bands) for (const e of [b.lo, b.hi]) if (e) values.push(e, e.plus(ratio ? 0.0001 : 0.01), e.minus(ratio ? 0.0001 : 0.01));
    }
    for (const v of values) {
      const got = scoreByRule(rule!, v, new Dec(max));
      if (!got) continue;
      expect([v.toFixed(), got.score.gte(0) && got.score.lte(max)]).toEqual([v.toFixed(), true]);
    }
  });
});
