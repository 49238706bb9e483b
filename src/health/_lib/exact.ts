// The health family's exact arithmetic: every exact value, sum, quotient and comparison of the health metrics
// goes through this module, and only this module knows which exact core computes them. A health score is a
// weighted mean of decimals, a ratio that is seldom a finite decimal (2287/57), so it is computed as a
// fraction and rounded once, at the end, to the nearest double.
import { gcd, lcm, pow10 } from '../../internal/exact/integer.js';
import {
  add,
  compare,
  divide,
  integer,
  multiply,
  type Rational,
  rationalOf,
  reduce,
  subtract,
  toNumber,
} from '../../internal/exact/rational.js';

/** An exact value: the fraction `num / den` with `den > 0` (not necessarily in lowest terms). */
export type Exact = Rational;

/** The exact value of a valid decimal: a finite number read as the decimal it prints as, or a decimal string. */
export function exactOf(value: number | string): Exact {
  return rationalOf(value);
}

/** The exact value of an integer. */
export function exactInteger(value: bigint | number): Exact {
  return integer(value);
}

export const ZERO: Exact = /* @__PURE__ */ exactInteger(0);
export const FIFTY: Exact = /* @__PURE__ */ exactInteger(50);
export const HUNDRED: Exact = /* @__PURE__ */ exactInteger(100);

/** `-1`, `0` or `1` as `a` is below, equal to or above `b`. */
export function compareExact(a: Exact, b: Exact): number {
  return compare(a, b);
}

/** `a + b`. */
export function plus(a: Exact, b: Exact): Exact {
  return add(a, b);
}

/** `units × value`, for an integer weight. */
export function times(units: bigint, value: Exact): Exact {
  return multiply(integer(units), value);
}

/** `value ÷ units`, for a positive integer total of weights. */
export function over(value: Exact, units: bigint): Exact {
  return divide(value, integer(units));
}

/** 100 · (value − worst) ÷ (best − worst), clamped to 0–100 (`worst ≠ best`). */
export function linearScore(value: Exact, worst: Exact, best: Exact): Exact {
  const score = multiply(HUNDRED, divide(subtract(value, worst), subtract(best, worst)));
  return compare(score, ZERO) < 0 ? ZERO : compare(score, HUNDRED) > 0 ? HUNDRED : score;
}

/** The same value in lowest terms. */
export function lowestTerms(value: Exact): Exact {
  return reduce(value);
}

/** The double nearest to an exact value (ties to even): the one rounding of a result. */
export function toDouble(value: Exact): number {
  return toNumber(value);
}

/** The double nearest to `numerator ÷ denominator`, for integers (denominator > 0). */
export function ratioToDouble(numerator: bigint, denominator: bigint): number {
  return toNumber({ num: numerator, den: denominator });
}

/**
 * Weights as integers in the same proportions, with no common factor: w × (lcm of the denominators) ÷ gcd.
 * All zeros when every weight is zero.
 */
export function integerWeights(weights: readonly Exact[]): bigint[] {
  const denominator = weights.reduce((acc, w) => lcm(acc, w.den), 1n);
  const scaled = weights.map((w) => (w.num * denominator) / w.den);
  const divisor = scaled.reduce((acc, u) => gcd(acc, u), 0n);
  return divisor === 0n ? scaled : scaled.map((u) => u / divisor);
}

/** Integer helpers for scaling exact values to common denominators. */
export { gcd, lcm, pow10 };
