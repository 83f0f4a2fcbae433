import { checkWorkbook } from '../../src/core';
import { Dec } from '../../src/core/decimal';
import { computeScores } from '../../src/core/scoring/compute';
import { applyRate, describeRule, parseRule, ScoreRule } from '../../src/core/scoring/rule-text';
import { recognize } from '../../src/core/recognize';
import { DEFAULT_TOLERANCE } from '../../src/core/arith';
import { SCORE_LINES, ScoreLineSpec, scoreSheet, seed002 } from '../fixtures/seed002';
import { SheetBuilder, workbook } from '../fixtures/sheet';

const rule = (name: string): ScoreRule => {
  const l = SCORE_LINES.find((x) => x[2].replace(/\n/g, '') === name)!;
  return parseRule(l[3], l[4] === null ? undefined : new Dec(l[4]))!;
};
const score = (r: ScoreRule, rate: string): string => applyRate(r as Extract<ScoreRule, { kind: 'deduct' | 'bands' }>, new Dec(rate)).points.toDecimalPlaces(2).toFixed();

describe('reading 评分标准 text (seed 002)', () => {
  test.each([
    ['财政供养人员控制率', '不超过100%得5分；每超过1个百分点扣0.5分，扣完为止'],
    ['“三公经费”变动率', '不超过0%得5分；每超过1个百分点扣0.5分，扣完为止'],
    ['重点支出安排率', '≥90%得5分；80%(含)–90%得4分；70%(含)–80%得3分；60%(含)–70%得2分；<60%得0分'],
    ['预算调整率', '=0%得3分；0%–10%(含)得2分；10%–20%(含)得1分；20%–30%(含)得0.5分；>30%得0分'],
    ['支付进度', '满分3分，每出现一例扣0.5分，扣完为止'],
    ['资金结余', '无结余得3分；有结余但不超过上年结转得2分；超过上年结转得0分'],
    ['“三公经费”控制率', '不超过100%得6分；每超过1个百分点扣1分，扣完为止'],
    ['政府采购执行率', '不低于100%得3分；每低于1个百分点扣0.2分，扣完为止'],
    ['公务卡刷卡率', '不低于50%得3分；每低于1个百分点扣0.2分，扣完为止'],
    ['固定资产利用率', '不低于100%得3分；每低于1个百分点扣0.1分，扣完为止'],
    ['社会公众或服务对象满意度', '≥95%得5分；85%(含)–95%得3分；75%(含)–85%得1分；<75%得0分'],
  ])('%s → %s', (name, sentence) => {
    expect(describeRule(rule(name))).toBe(sentence);
  });

  test('qualitative criteria are left to people', () => {
    for (const name of ['管理制度健全性', '预决算信息公开性和完善性', '经济效益', '推进全面小康建设指标任务完成情况']) {
      const l = SCORE_LINES.find((x) => x[2].replace(/\n/g, '') === name)!;
      expect(parseRule(l[3], new Dec(3))).toBeNull();
    }
    expect(parseRule('视情况酌情扣分', new Dec(5))).toBeNull();
    expect(parseRule(undefined, new Dec(5))).toBeNull();
  });

  test('a department’s own rule: each point over costs 1 instead of 0.5', () => {
    const r = parseRule('以100%为标准。在职人员控制率≤100%，计5分；每超过一个百分点扣1分，扣完为止。', new Dec(5))!;
    expect(describeRule(r)).toBe('不超过100%得5分；每超过1个百分点扣1分，扣完为止');
    expect(score(r, '102')).toBe('3');
  });

  test('English sentences', () => {
    expect(describeRule(rule('财政供养人员控制率'), 'en')).toBe('5 points at or below 100%; 0.5 off for each point above, down to 0');
  });
});

describe('applying the rules at their boundaries', () => {
  test('per-point deductions and the floor', () => {
    const staff = rule('财政供养人员控制率');
    expect(['100', '101', '104.5', '110', '174.41'].map((x) => score(staff, x))).toEqual(['5', '4.5', '2.75', '0', '0']);
    const procurement = rule('政府采购执行率');
    expect(['100', '99', '98.5', '85', '60'].map((x) => score(procurement, x))).toEqual(['3', '2.8', '2.7', '0', '0']);
    const card = rule('公务卡刷卡率');
    expect(['60', '50', '49', '40'].map((x) => score(card, x))).toEqual(['3', '3', '2.8', '1']);
    expect(['100', '90', '70'].map((x) => score(rule('固定资产利用率'), x))).toEqual(['3', '2', '0']);
  });

  test('bands with their inclusive ends', () => {
    const key = rule('重点支出安排率');
    expect(['100', '90', '89.99', '80', '79.99', '70', '60', '59.99', '0'].map((x) => score(key, x))).toEqual(['5', '5', '4', '4', '3', '3', '2', '0', '0']);
    const adj = rule('预算调整率');
    expect(['0', '0.01', '10', '10.01', '20', '30', '30.01'].map((x) => score(adj, x))).toEqual(['3', '2', '2', '1', '1', '0.5', '0']);
    const sat = rule('社会公众或服务对象满意度');
    expect(['100', '95', '94.99', '85', '84.99', '75', '74.99'].map((x) => score(sat, x))).toEqual(['5', '5', '3', '3', '1', '1', '0']);
  });
});

describe('seed 002’s whole 评分表 with its inputs', () => {
  test('财政供养人员控制率 from 基本概况, 资金结余 and 固定资产利用率 from the 收支 tables', () => {
    const m = recognize(seed002().wb, DEFAULT_TOLERANCE);
    const r = computeScores(m);
    const computed = r.filter((x) => x.status === 'computed').map((x) => [x.line.name, x.computed!.toFixed(), x.basis!.zh, x.inputCells]);
    expect(computed).toEqual([
      ['财政供养人员控制率', '0', '实有人数 743 ÷ 人员编制 426 = 174.41%，超过100%共74.41个百分点 × 0.5 = 37.21分，扣完为止 → 0分', ['基本概况!D3', '基本概况!B3']],
      ['资金结余', '3', '当年结余 0，上年结转 0：无结余 → 3分', ['收支表!G21', '收支表!C4']],
      ['固定资产利用率', '3', '在用固定资产 5099.57 ÷ 固定资产合计 5099.57 = 100.00%，未低于100% → 3分', ['收支表!C53', '收支表!B53']],
    ]);
    const status = Object.fromEntries(r.map((x) => [x.line.name, x.status]));
    expect(status).toMatchObject({ '“三公经费”变动率': 'needs-input', 重点支出安排率: 'needs-input', 支付进度: 'needs-input', 管理制度健全性: 'manual', 经济效益: 'manual' });
  });

  test('the differing self-score is a warning on the score cell, the total and grade are recomputed', () => {
    const { report } = checkWorkbook(seed002().wb, 'x');
    const f = report.findings.filter((x) => x.rule === 'score/computed');
    expect(f.map((x) => [x.severity, x.cells[0], x.expected, x.actual])).toEqual([['warning', '评分表!F3', '0', '5'], ['info', '评分表!F28', '94', '99']]);
    expect(f[1]!.message).toBe('按计算得分，总分应为 94（填报 99），等次为“优秀”');
  });

  test('values typed in the 评分表’s value column or given by a person', () => {
    const lines: ScoreLineSpec[] = SCORE_LINES;
    const s = scoreSheet(true, lines);
    s.set(1, 7, '指标值');
    s.set(4, 7, '92%'); // 重点支出安排率
    s.set(5, 7, 0.125); // 预算调整率 as a fraction: 12.5%
    s.set(6, 7, 2); // 支付进度: two cases
    const wb = workbook(s);
    const r = computeScores(recognize(wb, DEFAULT_TOLERANCE), { 政府采购执行率: '97%', 满意度: '不知道' });
    const by = Object.fromEntries(r.map((x) => [x.line.name, x]));
    expect([by['重点支出安排率']!.computed!.toFixed(), by['重点支出安排率']!.basis!.zh, by['重点支出安排率']!.source]).toEqual(['5', '指标值 92.00%，属“≥90%得5分” → 5分', 'value-column']);
    expect(by['预算调整率']!.computed!.toFixed()).toBe('1');
    expect([by['支付进度']!.computed!.toFixed(), by['支付进度']!.basis!.zh]).toEqual(['2', '出现 2 例 × 0.5 = 1分 → 2分']);
    expect([by['政府采购执行率']!.computed!.toFixed(), by['政府采购执行率']!.source]).toEqual(['2.4', 'user']);
    expect(by['社会公众或服务对象满意度']!.status).toBe('needs-input');
  });
});

describe('seed 000: "三公"经费控制率 (4.62 ÷ 0.5 = 924% → 0 of 6)', () => {
  const line: ScoreLineSpec = ['过程（6分）', '预算执行（6分）', '“三公经费”控制率', '以100%为标准。三公经费控制率≦100%，计6分；每超过一个百分点扣1分，扣完为止。', 6, 6];
  const budget = (unit: '万元' | '元', b: number, a: number) => {
    const s = new SheetBuilder('预算执行');
    s.add([[`单位：${unit}`], ['支出项目', '预算数', '决算数'], ['基本支出', unit === '元' ? 9551100 : 955.11, unit === '元' ? 9605600 : 960.56], ['“三公”经费', b, a]]);
    return s;
  };
  test('computed 0 with the working', () => {
    const r = computeScores(recognize(workbook(budget('万元', 0.5, 4.62), scoreSheet(true, [line], { max: 6, score: 6, grade: '优秀' })), DEFAULT_TOLERANCE));
    expect(r[0]!.computed!.toFixed()).toBe('0');
    expect(r[0]!.basis!.zh).toBe('“三公”经费决算 4.62 ÷ 预算 0.5 = 924.00%，超过100%共824个百分点 × 1 = 824分，扣完为止 → 0分');
    expect(r[0]!.inputCells).toEqual(['预算执行!C4', '预算执行!B4']);
  });
  test('inputs in 元 give the same rate as in 万元', () => {
    const yuan = computeScores(recognize(workbook(budget('元', 5000, 46200), scoreSheet(true, [line])), DEFAULT_TOLERANCE));
    expect(yuan[0]!.basis!.zh).toContain('= 924.00%');
    expect(yuan[0]!.computed!.toFixed()).toBe('0');
  });
});

test('"三公经费"变动率 from a list with last year’s column: (4.62 − 5.93) ÷ 5.93 = −22.09% → 5', () => {
  const s = new SheetBuilder('三公');
  s.add([['支出项目', '上年决算数', '本年预算数', '本年决算数'], ['“三公”经费', 5.93, 0.5, 4.62], ['公务接待费', 2.93, 0.5, 0.21]]);
  const line: ScoreLineSpec = ['投入（5分）', '预算配置（5分）', '“三公经费”变动率', '“三公经费”变动率≦0,计5分；“三公经费”＞0，每超过一个百分点扣0.5分，扣完为止。', 5, 5];
  const r = computeScores(recognize(workbook(s, scoreSheet(true, [line], { max: 5, score: 5, grade: '优秀' })), DEFAULT_TOLERANCE));
  expect(r[0]!.basis!.zh).toBe('（本年“三公” 4.62 − 上年 5.93）÷ 5.93 = -22.09%，未超过0% → 5分');
  expect(r[0]!.inputCells).toEqual(['三公!D2', '三公!B2']);
});

test('预算执行率 from the budget line of total expenditure: 930 ÷ 1000 = 93% against bands', () => {
  const s = new SheetBuilder('预算执行');
  s.add([['支出项目', '预算数', '决算数'], ['支出合计', 1000, 930], ['基本支出', 400, 390]]);
  const line: ScoreLineSpec = ['过程（5分）', '预算执行（5分）', '预算执行率', '预算执行率≥95%，计5分；90%（含）-95%，计3分；低于90%不得分。', 5, 5];
  const r = computeScores(recognize(workbook(s, scoreSheet(true, [line], { max: 5, score: 5, grade: '优秀' })), DEFAULT_TOLERANCE));
  expect([r[0]!.computed!.toFixed(), r[0]!.basis!.zh]).toEqual(['3', '支出决算 930 ÷ 预算 1000 = 93.00%，属“90%(含)–95%得3分” → 3分']);
});

describe('issue 10: any indicator with a value on its line is scored; names only find inputs in the workbook', () => {
  const lines: ScoreLineSpec[] = [
    ['产出（10分）', '产出数量（10分）', '项目完成率', '按完成比例计算得分，满分为止。', 10, 9],
    ['产出（6分）', '产出质量（6分）', '验收合格率', '100%计满分，每低于5%扣2分，扣完为止。', 6, 6],
    ['管理（3分）', '制度建设（3分）', '管理制度健全性', '已制定相关管理制度，计1分；制度健全，计1分；执行有效，计1分。', 3, 3],
    ['投入（5分）', '预算配置（5分）', '在职人员控制率', '以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。', 5, 5],
  ];
  test('names not in indicators.ts, steps, proportions; a checklist stays with people; 在职人员控制率 reads the staff block', () => {
    const s = scoreSheet(true, lines, { max: 24, score: 23, grade: '优秀' });
    s.set(1, 7, '实际完成值');
    s.set(2, 7, '87%'); // 项目完成率 → 8.7
    s.set(3, 7, 0.91); // 验收合格率 91% → 9 points short: one whole 5% step → 4
    const profile = new SheetBuilder('基本概况');
    profile.add([['人员编制', 20, '实有人数', 21]]);
    const r = computeScores(recognize(workbook(profile, s), DEFAULT_TOLERANCE));
    const by = Object.fromEntries(r.map((x) => [x.line.name, x]));
    expect([by['项目完成率']!.status, by['项目完成率']!.computed?.toFixed(), by['项目完成率']!.basis?.zh]).toEqual(['computed', '8.7', '指标值 87.00%，87.00% × 10分 = 8.7分 → 8.7分']);
    expect([by['验收合格率']!.computed?.toFixed(), by['验收合格率']!.basis?.en]).toEqual(['4', 'value 91.00%, 9 points below 100%: 1 whole step(s) of 5% × 2 = 2 → 4']);
    expect(by['管理制度健全性']!.status).toBe('manual');
    expect(by['在职人员控制率']!.indicator?.id).toBe('staff-control');
    expect([by['在职人员控制率']!.computed?.toFixed(), by['在职人员控制率']!.inputCells]).toEqual(['2.5', ['基本概况!D1', '基本概况!B1']]);
  });
});

describe('issue 20: values in the rule’s scale or unit, as typed in the value column', () => {
  const lines: ScoreLineSpec[] = [
    ['投入（20分）', '资产管理（20分）', '国有资产保值率', '保值率≥1，20分；保值率<1，0分。', 20, 20],
    ['产出（10分）', '产出质量（10分）', '学校达标情况', '每发现一个学校未落实扣0.5分，扣完为止。', 10, 10],
    ['过程（5分）', '预算执行（5分）', '预算控制', '未超预算的得满分；每超支1万元扣1分，扣完为止。', 5, 5],
    ['过程（10分）', '预算执行（10分）', '执行进度', '95%以上的得满分；80%—95%之间的，按执行率×分值计分；低于80%的不得分。', 10, 10],
    ['产出（5分）', '产出数量（5分）', '培训人次', '按实际完成值占目标值的比例计分（目标值：500人次）。', 5, 5],
    ['产出（5分）', '产出时效（5分）', '完成及时性', '在规定时间内完成得满分，每延迟一天扣0.5分。', 5, 5],
    ['效益（5分）', '社会效益（5分）', '项目完成率', '按完成比例计算得分，满分为止。', 5, 5],
  ];
  test('0.97 against 保值率≥1 is 0 (not 20); counts and amounts with their units; a value in another unit is not scored', () => {
    const s = scoreSheet(true, lines, { max: 60, score: 60, grade: '优秀' });
    s.set(1, 7, '实际完成值');
    s.set(2, 7, 0.97);
    s.set(3, 7, '2所');
    s.set(4, 7, '超支2.00万元');
    s.set(5, 7, '85%');
    s.set(6, 7, '450人次');
    s.set(7, 7, '延迟3周'); // weeks against a rule in days: not scored
    s.set(8, 7, '16.56万元'); // an amount is no rate
    const r = computeScores(recognize(workbook(s), DEFAULT_TOLERANCE));
    const by = Object.fromEntries(r.map((x) => [x.line.name, x]));
    const got = (n: string): [string, string | undefined, string | undefined] => [by[n]!.status, by[n]!.computed?.toFixed(), by[n]!.basis?.zh];
    expect(got('国有资产保值率')).toEqual(['computed', '0', '指标值 0.97，属“<1得0分” → 0分']);
    expect(got('学校达标情况')).toEqual(['computed', '9', '出现 2 例 × 0.5 = 1分 → 9分']);
    expect(got('预算控制')).toEqual(['computed', '3', '指标值 超支2万元 × 1 = 2分 → 3分']);
    expect(got('执行进度')).toEqual(['computed', '8.5', '指标值 85.00%，属“80%–95%得分 = 完成率 × 分值10分”：85.00% × 10分 = 8.5分 → 8.5分']);
    expect(got('培训人次')).toEqual(['computed', '4.5', '指标值 450人次 ÷ 目标值 500人次 = 90.00%，90.00% × 5分 = 4.5分 → 4.5分']);
    expect(by['完成及时性']!.status).toBe('needs-input');
    expect(by['项目完成率']!.status).toBe('manual');
  });
});
