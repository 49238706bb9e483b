// The only module that imports decimal.js: the library's decimal type for money and rate arithmetic that is
// not a sum of scaled integers (products, quotients, powers).
//
// decimal.js applies the configuration of the constructor a value was made with to every operation on it.
// A private clone, configured completely (`defaults: true` resets every setting a host app may have
// changed with `Decimal.set` before this module loaded), keeps a caller's global configuration out of our
// arithmetic. Inputs are always re-wrapped with `new Exact(...)`, never used as the caller's Decimal.
import { Decimal } from 'decimal.js';
import type { RoundingMode } from './integer.js';
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

/** Wraps a validated money, rate or count value (or a BigInt). Numbers convert through their shortest form. */
export function exact(value: number | string | bigint | Exact): Exact {
  return new Exact(typeof value === 'bigint' ? value.toString() : value);
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

/** Rounds to `places` decimal places with the named mode. */
export function roundTo(value: Exact, places: number, mode: RoundingMode): Exact {
  return value.toDecimalPlaces(places, mode === 'halfUp' ? Exact.ROUND_HALF_UP : Exact.ROUND_HALF_EVEN);
}

/** Compares two decimals: −1, 0 or 1. */
export function compareExact(a: Exact, b: Exact): number {
  return a.comparedTo(b);
}

/**
 * Converts an exact result to a plain number once, at the end: the nearest double, `-0` folded into `0`.
 * A result beyond the double range is an `INVALID_INPUT` naming the field rather than `Infinity`.
 */
export function toResult(metric: string, value: Exact, field: string): number {
  return finiteResult(metric, value.toNumber(), field);
}
