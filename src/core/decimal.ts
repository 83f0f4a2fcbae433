/**
 * Exact money arithmetic. Every amount in the engine is a `Dec` (a decimal.js clone with 40 significant digits,
 * ROUND_HALF_UP, the way Chinese finance rounds 四舍五入). Amounts are never added as JavaScript numbers.
 */
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/**
 * A number Excel holds is an IEEE double, shown and compared by Excel to 15 significant digits. We take the
 * value at those 15 digits, so 5522.5700000000006 (a sum Excel computed) is 5522.57, as Excel itself shows it.
 */
export function decFromExcelNumber(n: number): Dec {
  if (!Number.isFinite(n)) throw new RangeError('not a finite number');
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return new Dec(n);
  return new Dec(n.toPrecision(15));
}

export function sum(values: readonly Dec[]): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Half a unit of the d-th decimal: d = 2 → 0.005. */
export function halfUnit(decimals: number): Dec {
  return new Dec(5).times(new Dec(10).pow(-(decimals + 1)));
}

/** Fixed-point text with exactly `decimals` decimals, rounded half up ("10" with 2 → "10.00"). */
export function fmtFixed(d: Dec, decimals: number): string {
  return d.toFixed(Math.max(0, decimals), Dec.ROUND_HALF_UP);
}

/** Plain text of a value as it is, without trailing zeros and without exponent. */
export function fmtPlain(d: Dec): string {
  return d.toFixed();
}
