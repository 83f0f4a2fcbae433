/**
 * Comparing a stated rate with num ÷ den at the decimals the rate shows (budget/rate, change/rate). When the two
 * differ but some values the rounded inputs could stand for (15.70 may be 15.695 … 15.705) would give the stated
 * rate, the inputs' own rounding explains it: a warning. Beyond that, an error.
 */
import { precisionOf, ToleranceOptions } from '../arith';
import { Dec, halfUnit, HUNDRED } from '../decimal';
import { Num } from '../numbers';

export interface RatioCheck {
  ok: boolean;
  explains: boolean;
  /** stated, in percent points at its shown decimals */
  points: Dec;
  /** computed, rounded to the stated decimals */
  rounded: Dec;
  dp: number;
  lo: Dec;
  hi: Dec;
  /** the text that would make the stated cell right, in the cell's own form (94.81%, 0.9481 or 94.81) */
  fix: string;
  pct: (d: Dec) => string;
}

/** stated ≟ (num ÷ den) × 100, with num and den given as the figures they were computed from. */
export function checkRatio(stated: Num, num: Dec, den: Dec, inputs: Array<Num | null>, tol: ToleranceOptions): RatioCheck {
  const computed = num.div(den).times(HUNDRED);
  let points: Dec;
  let dp: number;
  let fraction = false;
  if (stated.percent) {
    points = stated.value.times(HUNDRED);
    dp = stated.decimals;
  } else {
    const asFraction = stated.value.times(HUNDRED);
    fraction = asFraction.minus(computed).abs().lt(stated.value.minus(computed).abs());
    points = fraction ? asFraction : stated.value;
    dp = fraction ? Math.max(0, stated.decimals - 2) : stated.decimals;
  }
  // compared at the decimals the cell shows: a formula =E6/D6 formatted 0.00% is the 94.81% it shows
  points = points.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
  const rounded = computed.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
  const pct = (d: Dec): string => `${d.toFixed(dp, Dec.ROUND_HALF_UP)}%`;
  const fix = stated.percent ? pct(rounded) : fraction ? rounded.div(HUNDRED).toFixed(dp + 2) : rounded.toFixed(dp);
  if (rounded.eq(points)) return { ok: true, explains: false, points, rounded, dp, lo: computed, hi: computed, fix, pct };
  // the ranges the rounded inputs stand for: num ± its half-unit, den ± its half-unit
  const [a, b] = inputs;
  const ea = halfUnit(precisionOf(a, tol)).times(tol.factor);
  const eb = halfUnit(precisionOf(b, tol)).times(tol.factor);
  let explains = false;
  let lo = computed;
  let hi = computed;
  if (den.abs().gt(eb.times(inputs.length > 2 ? 2 : 1))) {
    const extra = inputs.length > 2 ? halfUnit(precisionOf(inputs[2], tol)).times(tol.factor) : new Dec(0);
    const nums = [num.minus(ea).minus(extra), num.plus(ea).plus(extra)];
    const dens = [den.minus(eb), den.plus(eb)];
    const corners = nums.flatMap((x) => dens.map((y) => x.div(y).times(HUNDRED)));
    lo = Dec.min(...corners);
    hi = Dec.max(...corners);
    const h = halfUnit(dp);
    explains = points.plus(h).gte(lo) && points.minus(h).lte(hi);
  }
  return { ok: false, explains, points, rounded, dp, lo, hi, fix, pct };
}
