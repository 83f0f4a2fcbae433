/**
 * Property (issue 20): band texts generated in the wordings of the phrasing table — "≥95%得5分", "95%（含）以上",
 * "85%（含）-95%", "80%≤完成率<90%", "低于80%不得分", a proportional band "按比例计算得分" — are read whole, and for
 * any rate the score is the one a direct reading of the bands gives, or none (never another number); a text with a
 * clause the grammar does not read is never scored.
 */
import { Dec } from '../../src/core/decimal';
import { scoreByRule } from '../../src/core/scoring/compute';
import { parseRule } from '../../src/core/scoring/rule-text';

/** A small seeded generator (mulberry32), so a failure is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

interface Case {
  text: string;
  max: number;
  /** the score a direct reading gives at a rate */
  expect: (rate: number) => number;
}

function generate(r: () => number): Case {
  const max = pick(r, [2, 3, 4, 5, 6, 8, 10, 20]);
  const all = [100, 98, 95, 90, 85, 80, 75, 70, 60];
  const k = 1 + Math.floor(r() * 3);
  const ts = [...all].sort(() => r() - 0.5).slice(0, k).sort((a, b) => b - a);
  // points falling from 满分 at the top to 0 at the bottom
  // a band scored 分值 × rate right under the top, the bands below it no more than it gives at its bottom (a text
  // where 按比例 would give more than the band above, or less than the one below, is not read: tested apart)
  const prop = k >= 2 && r() < 0.3 ? 1 : -1;
  const pts: number[] = [max];
  for (let i = 1; i < k; i++) {
    const above = i - 1 === prop ? Math.floor(((max * ts[i - 1]!) / 100) * 2) / 2 : pts[i - 1]!;
    pts.push(Math.max(0.5, Math.round(above * (0.4 + r() * 0.5) * 2) / 2));
  }
  const top = pick(r, [`≥${ts[0]}%得${max}分`, `${ts[0]}%（含）以上得满分`, `大于等于${ts[0]}%的，得${max}分`, `完成率≥${ts[0]}%，计满分`]);
  const clauses = [top];
  for (let i = 1; i < k; i++) {
    const out = i === prop ? pick(r, ['按比例计算得分', '按执行率×分值计分']) : pick(r, [`得${pts[i]}分`, `计${pts[i]}分`]);
    clauses.push(pick(r, [`${ts[i]}%（含）-${ts[i - 1]}%${out}`, `${ts[i]}%≤完成率<${ts[i - 1]}%${out}`, `${ts[i]}%（含）—${ts[i - 1]}%（不含）${out}`]));
  }
  clauses.push(pick(r, [`低于${ts[k - 1]}%不得分`, `<${ts[k - 1]}%得0分`, `${ts[k - 1]}%以下不得分`]));
  const text = clauses.join(pick(r, ['；', '；', '，'])) + '。';
  return {
    text,
    max,
    expect: (rate) => {
      if (rate >= ts[0]!) return max;
      for (let i = 1; i < k; i++) if (rate >= ts[i]!) return i === prop ? Math.min(max, (max * rate) / 100) : pts[i]!;
      return 0;
    },
  };
}

describe('generated band texts: the direct reading or none, never another number', () => {
  const r = rng(20);
  const cases = Array.from({ length: 300 }, () => generate(r));
  test.each(cases.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const rule = parseRule(c.text, new Dec(c.max));
    expect(rule).not.toBeNull();
    const rates = [-10, 0, 30, 59.99, 60, 69.99, 70, 74.99, 75, 79.99, 80, 84.99, 85, 89.99, 90, 94.99, 95, 97.99, 98, 99.99, 100, 100.01, 150];
    for (const rate of rates) {
      const got = scoreByRule(rule!, new Dec(rate), new Dec(c.max));
      if (!got) continue; // a boundary the text leaves open
      const want = new Dec(c.expect(rate)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      expect([rate, got.score.toFixed()]).toEqual([rate, want.toFixed()]);
    }
  });

  test('a proportional band that gives more than the band above it is not read', () => {
    expect(parseRule('≥100%得8分；98%（含）-100%得7分；80%（含）-98%按比例计算得分；80%以下不得分。', new Dec(8))).toBeNull();
    expect(parseRule('90%≤完成率<100%得8分；完成率=100%得10分；<90%，按比例计分。', new Dec(10))).toBeNull();
  });

  test('a clause the grammar does not read leaves the whole text to people', () => {
    const r2 = rng(7);
    for (let i = 0; i < 100; i++) {
      const c = generate(r2);
      const broken = c.text.replace(/。$/, pick(r2, ['；其余酌情扣分。', '；资料不全的扣1分。', '；视完成质量酌情计分。']));
      expect([broken, parseRule(broken, new Dec(c.max))]).toEqual([broken, null]);
    }
  });
});
