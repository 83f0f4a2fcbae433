/**
 * Comparing a stated figure with the figures it should equal, and telling a rounding difference (尾差) from
 * an error: a sum of n terms each rounded to d decimals can be off by at most (n + 1) × half a unit of the d-th
 * decimal (each term's rounding plus the stated total's own).
 */
import { Dec, halfUnit, ZERO } from './decimal';
import { Num } from './numbers';

export interface ToleranceOptions {
  /** Multiplies every rounding bound: 1 is the bound described above, 0 demands exact equality. */
  factor: number;
  /** Amounts typed without a fixed number format are taken as rounded to at least this many decimals (分). */
  minDecimals: number;
}

export const DEFAULT_TOLERANCE: ToleranceOptions = { factor: 1, minDecimals: 2 };

export type SumStatus = 'ok' | 'rounding' | 'mismatch';

export interface SumCheck {
  stated: Dec;
  sum: Dec;
  /** stated − sum */
  diff: Dec;
  decimals: number;
  bound: Dec;
  status: SumStatus;
}

/** Decimals an amount is taken to be rounded to. */
export function precisionOf(n: Num | null | undefined, tol: ToleranceOptions): number {
  if (!n) return 0;
  return n.formatted ? n.decimals : Math.max(n.decimals, tol.minDecimals);
}

/** Decimals to show a computed sum with: the most the workbook shows among the figures. */
export function shownDecimals(nums: readonly (Num | null | undefined)[]): number {
  let d = 0;
  for (const n of nums) if (n && !n.percent && n.decimals > d) d = n.decimals;
  return d;
}

export function valueOf(n: Num | null | undefined): Dec {
  return n ? n.value : ZERO;
}

/** Compare a stated total with signed terms (sign −1 subtracts). Empty cells count as 0. */
export function checkSum(
  stated: Num | null | undefined,
  terms: readonly (Num | null | undefined)[],
  tol: ToleranceOptions,
  signs?: readonly number[],
): SumCheck {
  let s = ZERO;
  let d = precisionOf(stated, tol);
  let n = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (!t) continue;
    s = signs && signs[i] === -1 ? s.minus(t.value) : s.plus(t.value);
    d = Math.max(d, precisionOf(t, tol));
    if (!t.value.isZero()) n++;
  }
  const st = valueOf(stated);
  const diff = st.minus(s);
  const shownD = shownDecimals([stated, ...terms]);
  const bound = halfUnit(d).times(Math.max(n, 1) + 1).times(tol.factor);
  let status: SumStatus = 'ok';
  if (!diff.isZero()) status = diff.abs().lte(bound) ? 'rounding' : 'mismatch';
  return { stated: st, sum: s, diff, decimals: shownD, bound, status };
}
