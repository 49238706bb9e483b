// The input vocabulary shared by every metric: money, rates, counts, dates, months, scales, confidence.
// Each schema has a fast predicate twin (`isMoney`, `isCount`, …) for bulk loops; the two must agree, and
// `schemas.test.ts` checks that they do.
import * as z from 'zod/mini';
import { toEpoch, parseMonth } from './dates.js';

// Module-level schemas are wrapped in pure IIFEs so that a bundler drops the ones a caller never imports.

const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/**
 * The longest decimal string accepted, in characters (sign, digits and point). Room for any value of the
 * widest SQL `DECIMAL`/`NUMERIC` columns of common databases (38 digits), with sign and point, and then some;
 * a bound so that one value cannot cost unbounded work in a bulk loop. Longer strings are refused with a
 * message that names the limit.
 */
export const MAX_DECIMAL_LENGTH = 64;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Whether a value is a finite number or a plain decimal string (`"1234.50"`, `"-3"`, `".5"`; no exponent). */
export function isDecimal(value: unknown): value is number | string {
  if (typeof value === 'number') return value - value === 0;
  return typeof value === 'string' && value.length <= MAX_DECIMAL_LENGTH && DECIMAL_STRING.test(value);
}

/** Whether a valid decimal (see {@link isDecimal}) is negative; `"-0.00"` is not. */
export function isNegativeDecimal(value: number | string): boolean {
  if (typeof value === 'number') return value < 0;
  return value.charCodeAt(0) === 45 && /[1-9]/.test(value);
}

/** Whether a value is money that cannot be negative: a finite number ≥ 0 or a non-negative decimal string. */
export function isNonNegativeMoney(value: unknown): value is number | string {
  if (typeof value === 'number') return value >= 0 && value - value === 0;
  return isDecimal(value) && !isNegativeDecimal(value);
}

/** Whether a value is a count: a non-negative safe integer. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Bounds for a decimal schema. */
export interface DecimalBounds {
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound. */
  readonly greaterThan?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Exclusive upper bound. */
  readonly lessThan?: number;
}

/** Splits a plain decimal string into its sign, integer digits and fraction digits, without padding. */
function decimalParts(text: string): { negative: boolean; whole: string; fraction: string } {
  const signed = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43;
  const unsigned = signed ? text.slice(1) : text;
  const dot = unsigned.indexOf('.');
  const whole = (dot < 0 ? unsigned : unsigned.slice(0, dot)).replace(/^0+/, '');
  const fraction = dot < 0 ? '' : unsigned.slice(dot + 1).replace(/0+$/, '');
  const zero = whole === '' && fraction === '';
  return { negative: text.charCodeAt(0) === 45 && !zero, whole, fraction };
}

function compareMagnitude(a: { whole: string; fraction: string }, b: { whole: string; fraction: string }): number {
  if (a.whole.length !== b.whole.length) return a.whole.length < b.whole.length ? -1 : 1;
  if (a.whole !== b.whole) return a.whole < b.whole ? -1 : 1;
  if (a.fraction === b.fraction) return 0;
  return a.fraction < b.fraction ? -1 : 1;
}

/**
 * Compares a valid decimal (number or plain decimal string) with a bound, exactly: `-1`, `0` or `1`.
 * Strings are compared digit by digit, so `"1.0000000000000000001"` is above 1 although `Number()` of it
 * is 1. (The bounds are small literals of ours, whose `String()` is a plain decimal.)
 */
export function compareDecimal(value: number | string, bound: number): number {
  if (typeof value === 'number') return value < bound ? -1 : value > bound ? 1 : 0;
  const a = decimalParts(value);
  const b = decimalParts(String(bound));
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const magnitude = compareMagnitude(a, b);
  if (magnitude === 0) return 0;
  return a.negative ? -magnitude : magnitude;
}

function boundsProblem(value: number | string, bounds: DecimalBounds): string | undefined {
  if (bounds.min !== undefined && compareDecimal(value, bounds.min) < 0) {
    return bounds.min === 0 ? 'must not be negative' : `must be at least ${bounds.min}`;
  }
  if (bounds.greaterThan !== undefined && compareDecimal(value, bounds.greaterThan) <= 0) {
    return `must be greater than ${bounds.greaterThan}`;
  }
  if (bounds.max !== undefined && compareDecimal(value, bounds.max) > 0) return `must be at most ${bounds.max}`;
  if (bounds.lessThan !== undefined && compareDecimal(value, bounds.lessThan) >= 0) {
    return `must be less than ${bounds.lessThan}`;
  }
  return undefined;
}

/**
 * A money, rate or ratio value: a finite number or a decimal string, within optional bounds. Strings are
 * compared exactly, so `"1.0000000000000000001"` is above 1.
 */
export function decimal(bounds: DecimalBounds = {}, hint = ''): z.ZodMiniCustom<number | string, number | string> {
  return z.custom<number | string>((value) => isDecimal(value) && boundsProblem(value, bounds) === undefined, {
    error: (issue) => {
      const value = issue.input;
      if (value === undefined) return 'is required';
      if (typeof value === 'string' && value.length > MAX_DECIMAL_LENGTH && DECIMAL_STRING.test(value)) {
        return `must be a decimal string of at most ${MAX_DECIMAL_LENGTH} characters, not one of ${value.length}`;
      }
      if (!isDecimal(value)) {
        return `must be a finite number or a decimal string such as "1234.50", not ${describe(value)}`;
      }
      return `${boundsProblem(value, bounds) ?? 'is invalid'}${hint}`;
    },
  });
}

/** Money that may be negative (a refund, a net change). */
export const money = /* @__PURE__ */ (() => decimal())();
/** Money that cannot be negative: prices, costs, revenue. */
export const nonNegativeMoney = /* @__PURE__ */ (() => decimal({ min: 0 }))();
/** Money that must be positive: a divisor such as a price paid per account. */
export const positiveMoney = /* @__PURE__ */ (() => decimal({ greaterThan: 0 }))();
/** A fraction in [0, 1] (`0.05` is 5 %). */
export const fraction = /* @__PURE__ */ (() => decimal({ min: 0, max: 1 }, ' (a fraction: 0.05 is 5 %)'))();

/** Folds −0 into 0: a count of −0 is valid, but must never come back out as −0 ("−0 %" once formatted). */
const positiveZero = (value: number): number => value + 0;

/** A count: a non-negative safe integer (−0 is read as 0). */
export const count = /* @__PURE__ */ (() => z.int().check(z.gte(0), z.overwrite(positiveZero)))();
/** A finite number of at least 0, such as an average of counts (−0 is read as 0). */
export const nonNegativeNumber = /* @__PURE__ */ (() => z.number().check(z.gte(0), z.overwrite(positiveZero)))();
/** An integer, such as a point of a rating scale (−0 is read as 0). */
export const integer = /* @__PURE__ */ (() => z.int().check(z.overwrite(positiveZero)))();
/** A count that must be at least 1. */
export const positiveCount = /* @__PURE__ */ (() => z.int().check(z.gte(1)))();

/** A confidence level strictly between 0 and 1 (`0.95`). */
export const confidence = /* @__PURE__ */ (() => z.number().check(z.gt(0), z.lt(1)))();

/** A date: an ISO 8601 string (`2024-03-15`, `2024-03-15T10:00:00Z`), a `Date`, or epoch milliseconds. */
export const date = /* @__PURE__ */ (() =>
  z.custom<string | Date | number>((value) => !Number.isNaN(toEpoch(value)), {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : `must be an ISO date (2024-03-15 or 2024-03-15T10:00:00Z), a valid Date or epoch milliseconds, not ${describe(issue.input)}`,
  }))();

/** A month, `YYYY-MM`. */
export const month = /* @__PURE__ */ (() =>
  z.custom<string>((value) => !Number.isNaN(parseMonth(value)), {
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be a month written YYYY-MM, not ${describe(issue.input)}`,
  }))();

/** A rating scale `{ min, max }` of integers, at most 101 points (0–100). */
export const scale = /* @__PURE__ */ (() =>
  z.strictObject({ min: integer, max: integer }).check(
    z.refine((s) => s.max > s.min, {
      error: 'must be greater than min',
      path: ['max'],
      when: (p) => p.issues.length === 0,
    }),
    z.refine((s) => s.max - s.min <= 100, {
      error: 'must span at most 101 points (for example 0–100)',
      path: ['max'],
      when: (p) => p.issues.length === 0,
    }),
  ))();

/**
 * A rating scale: the integer scores from `min` to `max`, both included. `max` must be greater than `min`,
 * and the scale spans at most 101 points (0–100). The points may be any safe integers (a scale from 2^40 to
 * 2^40 + 10 is read like 0–10).
 */
export interface Scale {
  /** The lowest score, an integer. */
  readonly min: number;
  /** The highest score, an integer greater than `min`. */
  readonly max: number;
}

/** The schema of one score on a scale: an integer from `min` to `max`. Built only to report a bad element. */
export function scoreOn(range: Scale): z.ZodMiniNumber<number> {
  return z.int().check(z.gte(range.min), z.lte(range.max));
}
