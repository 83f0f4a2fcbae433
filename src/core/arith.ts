/**
 * Comparing a stated figure with the figures it should equal, and telling a rounding difference (尾差) from
 * an error: a sum of n terms each rounded to d decimals can be off by at most (n + 1) × half a unit of the d-th
 * decimal (each term's rounding plus the stated total's own).
 */
import { Dec, halfUnit, ZERO } from './decimal';
import { addSafe, rescale } from './exact';
import { isZeroNum, Num, ScaledNum, scaledOf } from './numbers';

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

/** The value as the workbook shows it: rounded to the decimals it shows (94.8067…% shown as 94.81% is 0.9481). */
export function shownValue(n: Num): Dec {
  return n.value.toDecimalPlaces(n.decimals + (n.percent ? 2 : 0), Dec.ROUND_HALF_UP);
}

/**
 * Compare a stated total with signed terms (sign −1 subtracts). Empty cells count as 0.
 *
 * The rounding envelope is per figure: each non-zero term's own half-unit plus the stated figure's, each at the
 * decimals it is taken to be rounded to (a figure in 元 brought to 万元 by `scale` carries 4 more decimals). So
 * 7,886,449 元 against 788.64 万元, or lines shown with no decimals under a total shown with two, are rounding
 * differences when they are. When the figures as shown (each rounded to its own shown decimals: a formula
 * result 9.5885 formatted 0.00 is 9.59) add up exactly, the sum holds: nobody reading the sheet could see a
 * difference.
 */
export function checkSum(
  stated: Num | null | undefined,
  terms: readonly (Num | null | undefined)[],
  tol: ToleranceOptions,
  signs?: readonly number[],
): SumCheck {
  // the exact sum first: on a clean workbook almost every sum holds exactly, and nothing else is needed — found
  // with scaled integers where every figure has that form (exact.ts), the Decs made only if a caller reads them
  if (exactDiff(stated, terms, signs) === 0) return new HeldSum(stated, terms, tol, signs);
  return checkSumDec(stated, terms, tol, signs);
}

/** checkSum's status alone: a sum that holds exactly makes no object at all. */
export function sumStatus(
  stated: Num | null | undefined,
  terms: readonly (Num | null | undefined)[],
  tol: ToleranceOptions,
  signs?: readonly number[],
): SumStatus {
  return exactDiff(stated, terms, signs) === 0 ? 'ok' : checkSumDec(stated, terms, tol, signs).status;
}

/**
 * stated − Σ ±terms as an integer count of 10^-S (S the most decimals among them), computed exactly (exact.ts);
 * NaN when a figure has no scaled form or a step leaves the safe integers: then only decimal.js can say.
 */
export function exactDiff(stated: Num | null | undefined, terms: readonly (Num | null | undefined)[], signs?: readonly number[]): number {
  // one pass: the running difference is kept in units of the most decimals seen so far, and brought to a term's
  // decimals when it has more (every figure must have a scaled form)
  let acc = 0;
  let scale = 0;
  if (stated) {
    if (!scaledOf(stated)) return NaN;
    acc = (stated as ScaledNum).units;
    scale = (stated as ScaledNum).scale;
  }
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (!t) continue;
    if (!scaledOf(t)) return NaN;
    const x = t as ScaledNum;
    if (x.scale > scale) {
      acc = rescale(acc, scale, x.scale);
      scale = x.scale;
    }
    const u = rescale(x.units, x.scale, scale);
    acc = addSafe(acc, signs && signs[i] === -1 ? u : -u);
    if (acc !== acc) return NaN;
  }
  return acc;
}

/** A sum that holds exactly, as checkSumDec gives it; its Decs (and decimals) are made when read. It keeps the
 *  terms: checkSum's callers pass an array they do not change afterwards. */
class HeldSum implements SumCheck {
  readonly status = 'ok' as const;
  readonly bound = ZERO;
  private full: SumCheck | undefined;

  constructor(
    private readonly st: Num | null | undefined,
    private readonly terms: readonly (Num | null | undefined)[],
    private readonly tol: ToleranceOptions,
    private readonly signs: readonly number[] | undefined,
  ) {}

  private get dec(): SumCheck {
    return (this.full ??= checkSumDec(this.st, this.terms, this.tol, this.signs));
  }

  get decimals(): number {
    return this.dec.decimals;
  }

  get stated(): Dec {
    return this.dec.stated;
  }

  get sum(): Dec {
    return this.dec.sum;
  }

  get diff(): Dec {
    return this.dec.diff;
  }
}

/** checkSum in decimal.js alone. */
export function checkSumDec(
  stated: Num | null | undefined,
  terms: readonly (Num | null | undefined)[],
  tol: ToleranceOptions,
  signs?: readonly number[],
): SumCheck {
  let s = ZERO;
  let d = precisionOf(stated, tol);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (!t) continue;
    s = signs && signs[i] === -1 ? s.minus(t.value) : s.plus(t.value);
    const p = t.formatted ? t.decimals : Math.max(t.decimals, tol.minDecimals);
    if (p > d) d = p;
  }
  const st = valueOf(stated);
  const diff = st.minus(s);
  const shownD = shownDecimals([stated, ...terms]);
  if (diff.isZero()) return { stated: st, sum: s, diff, decimals: shownD, bound: ZERO, status: 'ok' };
  let shownSum = ZERO;
  let envelope = stated ? halfUnit(precisionOf(stated, tol)) : halfUnit(d);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    if (!t || isZeroNum(t)) continue;
    const sv = shownValue(t);
    shownSum = signs && signs[i] === -1 ? shownSum.minus(sv) : shownSum.plus(sv);
    envelope = envelope.plus(halfUnit(precisionOf(t, tol)));
  }
  const bound = envelope.times(tol.factor);
  let status: SumStatus;
  if (tol.factor > 0 && (stated ? shownValue(stated) : ZERO).eq(shownSum)) status = 'ok';
  else status = diff.abs().lte(bound) ? 'rounding' : 'mismatch';
  return { stated: st, sum: s, diff, decimals: shownD, bound, status };
}

/**
 * Does a stated figure show what a computation gives, at the decimals it shows? A formula result 97.98067…
 * formatted 0.00 shows 97.98 and agrees with 97.98; so does a typed 97.98.
 */
export function agreesShown(stated: Num, expected: Dec): boolean {
  const places = stated.decimals + (stated.percent ? 2 : 0);
  return expected.toDecimalPlaces(places, Dec.ROUND_HALF_UP).eq(shownValue(stated)) || expected.eq(stated.value);
}

/**
 * Does a stated total of scores agree with its parts as the sheet shows them? Exactly; or the exact sum shown at
 * the total's decimals; or the parts as shown (a formula score 9.5885 formatted 0.00 is 9.59) adding up to it.
 * Scores are typed exactly, so there is no rounding envelope beyond what the cells show.
 */
export function sumAgreesShown(stated: Num, parts: readonly Num[]): boolean {
  let exact = ZERO;
  let asShown = ZERO;
  for (const p of parts) {
    exact = exact.plus(p.value);
    asShown = asShown.plus(shownValue(p));
  }
  return agreesShown(stated, exact) || shownValue(stated).eq(asShown);
}
