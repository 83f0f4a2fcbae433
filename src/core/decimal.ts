/**
 * Exact money arithmetic. Every amount in the engine is a `Dec` (a decimal.js clone with 40 significant digits,
 * ROUND_HALF_UP, the way Chinese finance rounds 四舍五入). Amounts are never added as JavaScript floats: a sum is
 * added in decimal.js, or, where every figure is held exactly as a scaled integer, as safe integers (exact.ts says
 * why that is exact); rounding, bounds, division and ratios are always decimal.js's.
 */
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

/**
 * The text of a number at Excel's 15 significant digits ("788.64", not "788.640000000000"). A number Excel holds
 * is an IEEE double, shown and compared by Excel to 15 significant digits: 5522.5700000000006 (a sum Excel
 * computed) is 5522.57, as Excel itself shows it.
 */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError('not a finite number');
  const s = String(n);
  // the shortest round-trip text is what Excel shows when it has at most 15 significant digits (the common
  // case: any text of 15 characters or fewer without an exponent)
  if (s.length <= 15 && s.indexOf('e') < 0) return s;
  if (s.length <= 17 && s.indexOf('e') < 0 && s.replace(/^-?0*\.?0*/, '').replace('.', '').length <= 15) return s;
  return new Dec(n.toPrecision(15)).toFixed();
}

export function sum(values: readonly Dec[]): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

/** Half a unit of the d-th decimal: d = 2 → 0.005. */
const HALF_UNITS: Dec[] = [];
export function halfUnit(decimals: number): Dec {
  if (decimals >= 0 && decimals < 30) {
    return (HALF_UNITS[decimals] ??= new Dec(5).times(new Dec(10).pow(-(decimals + 1))));
  }
  return new Dec(5).times(new Dec(10).pow(-(decimals + 1)));
}

/** Fixed-point text with exactly `decimals` decimals, rounded half up ("10" with 2 → "10.00"). Beyond any amount
 *  (15 digits or more before the point, or decimals past Excel's 15 significant digits) the figure is written
 *  compactly as Excel would show it (1E+308), not with hundreds of digits. */
export function fmtFixed(d: Dec, decimals: number): string {
  const compact = (): string => d.toSignificantDigits(15, Dec.ROUND_HALF_UP).toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-');
  if (!d.isFinite() || d.isZero()) return d.toFixed(Math.max(0, Math.min(decimals, 30)), Dec.ROUND_HALF_UP);
  // an amount is written in full, never in exponent notation (a 17-digit figure as 1.23556789012346E+17 on both
  // sides hides the difference); only past 10^21, where no amount is, is a value written compactly
  if (d.abs().gte(1e21)) return compact();
  if (decimals > 30) {
    // asked for more decimals than any amount has (a 1E-300 among the figures): an ordinary value keeps its own
    // decimals (723.02, not 7.2302E+2), a tiny one is written compactly
    const own = d.decimalPlaces();
    return own <= 30 ? d.toFixed(Math.max(own, 2), Dec.ROUND_HALF_UP) : compact();
  }
  return d.toFixed(Math.max(0, decimals), Dec.ROUND_HALF_UP);
}
