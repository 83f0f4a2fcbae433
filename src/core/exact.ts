/**
 * The fast path of the engine's money arithmetic: amounts as scaled integers, added exactly.
 *
 * The project's rule is that amounts are never added as JavaScript floats: 0.1 + 0.2 is 0.30000000000000004. This
 * module does not add floats. An amount with k decimals, 1,256.62, is held as the integer 125662 counted in units
 * of 10^-k (its `units` at `scale` k), and only such integers are added. Adding integers in JavaScript is exact as
 * long as they stay safe integers (|x| ≤ 2^53 − 1, Number.MAX_SAFE_INTEGER):
 *
 * - every integer of that magnitude is a double, and IEEE 754 rounds the exact result of +, − and × of two doubles
 *   to the nearest double — so when the exact result of two safe integers is itself a safe integer, it is the
 *   result, with no rounding at all;
 * - when the exact result is not a safe integer, the rounded result is not one either (rounding is monotone and
 *   ±2^53 are doubles), so checking the magnitude after every step tells the exact case from the other.
 *
 * Where a step would leave the safe range, or an amount has no such form (more than MAX_SCALE decimals, more than
 * 15 significant digits, a figure the engine derived by division), the functions here answer NaN and the caller
 * does the sum in decimal.js instead. Rounding, division and ratios are always decimal.js's. Whether a sum holds
 * exactly is the same question either way: both are exact here (the integers' sums by the argument above, decimal.js
 * at 40 significant digits for figures of at most 16 digits), so the fast path changes no result, only its cost.
 */

/** The most decimals a scaled amount has: 10^22 is the largest power of ten a double holds exactly. */
export const MAX_SCALE = 22;

const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);

/** 10^k for 0 ≤ k ≤ MAX_SCALE, exactly. */
export function pow10(k: number): number {
  return POW10[k]!;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** `units` counted in 10^-from as a count of 10^-to (to ≥ from), or NaN when that is no safe integer. */
export function rescale(units: number, from: number, to: number): number {
  if (from === to) return units;
  const x = units * POW10[to - from]!;
  return x <= SAFE && x >= -SAFE ? x : NaN;
}

/** a + b, or NaN when the exact sum is no safe integer (or either is NaN). */
export function addSafe(a: number, b: number): number {
  const x = a + b;
  return x <= SAFE && x >= -SAFE ? x : NaN;
}

/**
 * The integer a plain decimal text stands for, counted in units of its last decimal: "-1256.62" → −125662 (scale 2,
 * which the caller knows from the text). NaN when the text is not `-?digits[.digits]` or its digits, leading zeros
 * aside, are more than 15 (then the caller keeps decimal.js only). Every integer of 15 digits is a safe integer.
 */
export function digitsValue(text: string): number {
  let v = 0;
  let sig = 0;
  let i = 0;
  const n = text.length;
  const neg = n > 0 && text.charCodeAt(0) === 45;
  if (neg) i++;
  if (i >= n) return NaN;
  let dots = 0;
  for (; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46) {
      if (++dots > 1) return NaN;
      continue;
    }
    if (ch < 48 || ch > 57) return NaN;
    if (v === 0 && ch === 48) continue;
    if (++sig > 15) return NaN;
    v = v * 10 + (ch - 48);
  }
  return neg ? -v : v;
}

/**
 * The shortest decimal that reads back as the double v, as an integer count of 10^-k with k its decimals, when it
 * has at most 15 significant digits and at most MAX_SCALE decimals: the count, its k left in `shortestScale`; NaN
 * otherwise. This is the value `String(v)` writes (and excelNumberText keeps): at 15 significant digits two
 * decimals of the same length lie more than four doubles apart, so at most one of them reads back as v, and v × 10^k
 * lies within a quarter of a unit of it, so rounding finds it. test/core/exact.test.ts compares it with the text on
 * random doubles. (k is left in a variable, not returned in an object: classify calls this for every figure.)
 */
export function shortestScaled(v: number): number {
  if (!Number.isFinite(v)) return NaN;
  const a = Math.abs(v);
  // 1e15 and up, and below 1e-6, are written with more digits or an exponent: the text path reads those
  if (a >= 1e15 || a < 1e-6) return NaN;
  for (let k = 0; k <= MAX_SCALE; k++) {
    const p = POW10[k]!;
    const u = Math.round(v * p);
    if (Math.abs(u) >= 1e15) return NaN;
    if (u / p === v) {
      shortestScale = k;
      return u;
    }
  }
  return NaN;
}

/** The decimals of shortestScaled's last answer. */
export let shortestScale = 0;
