// The only module that imports decimal.js. Everything else works with `Exact` and the helpers below.
//
// decimal.js applies the configuration of the constructor a value was made with to every operation on it.
// A private clone, configured completely (`defaults: true` resets every setting a host app may have
// changed with `Decimal.set` before this module loaded), keeps a caller's global configuration out of our
// arithmetic. Inputs are always re-wrapped with `new Exact(...)`, never used as the caller's Decimal.
import { Decimal } from 'decimal.js';
import { finiteResult } from './result.js';

/** The library's decimal constructor: 34 significant digits, ties to even, defaults for everything else. */
export const Exact: typeof Decimal = /* @__PURE__ */ Decimal.clone({
  defaults: true,
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
});

/** A value made by {@link Exact}. */
export type Exact = Decimal;

export const ZERO: Exact = /* @__PURE__ */ new Exact(0);
export const ONE: Exact = /* @__PURE__ */ new Exact(1);
export const HUNDRED: Exact = /* @__PURE__ */ new Exact(100);

/** Wraps a validated money, rate or count value. Numbers convert through their shortest round-trip form. */
export function exact(value: number | string | Exact): Exact {
  return new Exact(value);
}

/** Sum of validated values, exactly. */
export function sum(values: Iterable<number | string | Exact>): Exact {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** `numerator ÷ denominator`; callers check the denominator first and report `NO_DATA` themselves. */
export function ratio(numerator: Exact | number, denominator: Exact | number): Exact {
  return new Exact(numerator).div(denominator);
}

/** Rounding modes offered to callers for display or vendor-compatible per-line rounding. */
export type RoundingMode = 'halfEven' | 'halfUp';

/** Rounds to `places` decimal places with the named mode. */
export function roundTo(value: Exact, places: number, mode: RoundingMode): Exact {
  return value.toDecimalPlaces(places, mode === 'halfUp' ? Exact.ROUND_HALF_UP : Exact.ROUND_HALF_EVEN);
}

/**
 * Converts an exact result to a plain number once, at the end: the nearest double, `-0` folded into `0`.
 * A result beyond the double range (huge inputs multiplied or divided) is an `INVALID_INPUT` naming the
 * field rather than `Infinity`.
 */
export function toResult(metric: string, value: Exact, field: string): number {
  const result = value.toNumber();
  return finiteResult(metric, result, field);
}
