/**
 * The scaled-integer fast path (src/core/exact.ts) always answers what decimal.js answers: the same value and
 * decimals for every cell classify reads, and the same sum check, on random amounts — huge ones, many decimals,
 * negative, percentages, typed as numbers or as text — and NaN (decimal.js decides) wherever it cannot be exact.
 */
import fc from 'fast-check';
import { checkSum, checkSumDec, DEFAULT_TOLERANCE, exactDiff, sumStatus } from '../../src/core/arith';
import { Dec, excelNumberText } from '../../src/core/decimal';
import * as exact from '../../src/core/exact';
import { addSafe, digitsValue, MAX_SCALE, rescale, shortestScaled } from '../../src/core/exact';
import { classify, Num, ScaledNum, scaledOf } from '../../src/core/numbers';

const RUNS = { numRuns: 3000 };

/** What classify made of a number before the fast path: Dec of excelNumberText's text, and its decimals. */
function oldNumber(v: number): { value: Dec; places: number } {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return { value: new Dec(v), places: 0 };
  const text = excelNumberText(v);
  const value = new Dec(text);
  const dot = text.indexOf('.');
  return { value, places: dot < 0 ? value.decimalPlaces() : text.length - dot - 1 };
}

/** The scaled form's value, in decimal.js. */
const scaledValue = (n: ScaledNum): Dec => new Dec(n.units).div(new Dec(10).pow(n.scale));

/** Amounts as people type them and as Excel holds them: cents, figures of up to 15 digits and 10 decimals, any
 *  double, huge integers, tiny fractions. */
const amountNumber = fc.oneof(
  fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100),
  fc.tuple(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 10 })).map(([u, k]) => u / 10 ** k),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
  fc.integer({ min: 0, max: 30 }).map((e) => 1.5 * 10 ** e),
  fc.constantFrom(0, -0, 0.1 + 0.2, 5522.5700000000006, 1e15 - 0.5, 999999999999999, 1e15, 2 ** 53, 1e-6, 1e-7, 123456.789012345),
);

/** Amounts as text: a sign or brackets, up to 30 integer digits and 25 decimals, thousands commas, a percent sign. */
const amountText = fc
  .tuple(fc.constantFrom('', '-', '+', '('), fc.stringMatching(/^[0-9]{1,30}$/), fc.option(fc.stringMatching(/^[0-9]{0,25}$/)), fc.boolean(), fc.constantFrom('', '%', '万元'))
  .map(([sign, int, frac, commas, suffix]) => {
    const i = commas ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int;
    const body = `${i}${frac === null ? '' : `.${frac}`}`;
    return sign === '(' ? `(${body})${suffix}` : `${sign}${body}${suffix}`;
  });

describe('exact.ts: safe-integer arithmetic', () => {
  test('rescale and addSafe are exact or NaN', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: MAX_SCALE }), (a, b, k) => {
      const s = addSafe(a, b);
      const exact = BigInt(a) + BigInt(b);
      if (Number.isNaN(s)) expect(exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      else expect(BigInt(s)).toBe(exact);
      const r = rescale(a, 0, k);
      const big = BigInt(a) * 10n ** BigInt(k);
      if (Number.isNaN(r)) expect(big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      else expect(BigInt(r)).toBe(big);
    }), RUNS);
  });

  test('digitsValue reads a plain decimal text exactly, or says NaN past 15 significant digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^-?[0-9]{1,20}(\.[0-9]{1,12})?$/), (t) => {
      const v = digitsValue(t);
      const dot = t.indexOf('.');
      const decimals = dot < 0 ? 0 : t.length - dot - 1;
      const sig = t.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
      if (sig > 15) expect(v).toBeNaN();
      else expect(new Dec(v).div(new Dec(10).pow(decimals)).eq(new Dec(t))).toBe(true);
    }), RUNS);
  });

  test('shortestScaled(v) is the decimal excelNumberText writes, with its decimals', () => {
    fc.assert(fc.property(amountNumber, (v) => {
      const units = shortestScaled(v);
      if (Number.isNaN(units)) return;
      const scale = exact.shortestScale;
      const text = excelNumberText(v);
      const dot = text.indexOf('.');
      expect(new Dec(units).div(new Dec(10).pow(scale)).eq(new Dec(text))).toBe(true);
      expect(scale).toBe(dot < 0 ? 0 : text.length - dot - 1);
    }), RUNS);
  });
});

describe('classify: a figure read through the fast path is the figure decimal.js reads', () => {
  test('numbers: the same Dec and decimals as before, and a scaled form equal to it', () => {
    fc.assert(fc.property(amountNumber, fc.constantFrom(null, '0.00', '0%', '0.00%', '#,##0'), (v, fmt) => {
      const i = classify(v, fmt);
      if (i.k !== 'num') return;
      const old = oldNumber(v);
      expect(i.n.value.eq(old.value)).toBe(true);
      expect(i.n.value.isNeg()).toBe(old.value.isNeg());
      const pct = fmt?.includes('%') ?? false;
      const own = Math.max(0, old.places - (pct ? 2 : 0));
      const fixed = fmt === null ? null : fmt.includes('.') ? 2 : 0;
      expect(i.n.decimals).toBe(fixed ?? own);
      const x = scaledOf(i.n);
      if (x) expect(scaledValue(x).eq(old.value)).toBe(true);
    }), RUNS);
  });

  test('texts: a scaled form equal to the Dec, which is the text as a finance officer means it', () => {
    fc.assert(fc.property(amountText, (t) => {
      const i = classify(t);
      if (i.k !== 'num') return;
      const x = scaledOf(i.n);
      if (x) expect(scaledValue(x).eq(i.n.value)).toBe(true);
      const digits = t.replace(/[^0-9.]/g, '');
      const neg = t.startsWith('-') !== t.startsWith('(');
      const expected = new Dec(digits.endsWith('.') ? digits.slice(0, -1) : digits).times(neg ? -1 : 1).div(t.endsWith('%') ? 100 : 1);
      expect(i.n.value.eq(expected)).toBe(true);
    }), RUNS);
  });
});

describe('checkSum: the scaled-integer path decides as decimal.js does', () => {
  const cell = fc.oneof(amountNumber.map((v) => classify(v)), amountText.map((t) => classify(t)), fc.constant(classify(null)));
  const nums = (cells: ReturnType<typeof classify>[]): Array<Num | null> => cells.map((i) => (i.k === 'num' ? i.n : null));

  test('exactDiff is stated − Σ terms exactly, or NaN', () => {
    fc.assert(fc.property(cell, fc.array(cell, { maxLength: 12 }), (s, ts) => {
      const [stated] = nums([s]);
      const terms = nums(ts);
      const signs = terms.map((_, i) => (i % 3 === 2 ? -1 : 1));
      const d = exactDiff(stated, terms, signs);
      if (Number.isNaN(d)) return;
      let exact = stated ? stated.value : new Dec(0);
      terms.forEach((t, i) => {
        if (t) exact = signs[i] === -1 ? exact.plus(t.value) : exact.minus(t.value);
      });
      const scale = Math.max(0, ...[stated, ...terms].filter((x): x is Num => !!x).map((x) => scaledOf(x)!.scale));
      expect(exact.times(new Dec(10).pow(scale)).eq(d)).toBe(true);
    }), RUNS);
  });

  test('the same status, sum, difference and bound as checkSum in decimal.js alone, on sums that hold and sums that do not', () => {
    // sums that hold: the stated figure is the terms' exact sum, typed as text
    const held = fc.array(cell, { minLength: 1, maxLength: 12 }).map((ts) => {
      const terms = nums(ts);
      const total = terms.reduce((a, t) => (t ? a.plus(t.value) : a), new Dec(0));
      return { stated: classify(total.toFixed()), ts };
    });
    const any = fc.tuple(cell, fc.array(cell, { maxLength: 12 })).map(([stated, ts]) => ({ stated, ts }));
    let fastPath = 0;
    let runs = 0;
    fc.assert(fc.property(fc.oneof(held, any), fc.constantFrom(DEFAULT_TOLERANCE, { factor: 0, minDecimals: 2 }, { factor: 3, minDecimals: 0 }), ({ stated: s, ts }, tol) => {
      const [stated] = nums([s]);
      const terms = nums(ts);
      runs++;
      if (exactDiff(stated, terms) === 0) fastPath++;
      const fast = checkSum(stated, terms, tol);
      const slow = checkSumDec(stated, terms, tol);
      expect(fast.status).toBe(slow.status);
      expect(sumStatus(stated, terms, tol)).toBe(slow.status);
      expect(fast.decimals).toBe(slow.decimals);
      for (const k of ['stated', 'sum', 'diff', 'bound'] as const) {
        expect(fast[k].toFixed()).toBe(slow[k].toFixed());
        expect(fast[k].isNeg()).toBe(slow[k].isNeg());
      }
    }), RUNS);
    // the fast path is what is being tested: a good share of the sums take it
    expect(fastPath).toBeGreaterThan(runs / 10);
  });
});
