// The input vocabulary shared by every metric: money, rates, counts, dates, months, scales, confidence.
// Each schema has a fast predicate twin (`isMoney`, `isCount`, …) for bulk loops; the two must agree, and
// `schemas.test.ts` checks that they do.
import * as z from 'zod/mini';
import { toEpoch, parseMonth } from './dates.js';
import { Exact } from './decimal.js';

// Module-level schemas are wrapped in pure IIFEs so that a bundler drops the ones a caller never imports.

const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Longer decimal strings are rejected: no money or rate needs more than 40 significant characters. */
const MAX_DECIMAL_LENGTH = 64;

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

function boundsProblem(value: number | string, bounds: DecimalBounds): string | undefined {
  const number = new Exact(value);
  if (bounds.min !== undefined && number.lt(bounds.min))
    return bounds.min === 0 ? 'must not be negative' : `must be at least ${bounds.min}`;
  if (bounds.greaterThan !== undefined && number.lte(bounds.greaterThan))
    return `must be greater than ${bounds.greaterThan}`;
  if (bounds.max !== undefined && number.gt(bounds.max)) return `must be at most ${bounds.max}`;
  if (bounds.lessThan !== undefined && number.gte(bounds.lessThan)) return `must be less than ${bounds.lessThan}`;
  return undefined;
}

/**
 * A money, rate or ratio value: a finite number or a decimal string, within optional bounds. Strings are
 * compared exactly, so `"1.0000000000000000001"` is above 1.
 */
export function decimal(bounds: DecimalBounds = {}): z.ZodMiniCustom<number | string, number | string> {
  return z.custom<number | string>((value) => isDecimal(value) && boundsProblem(value, bounds) === undefined, {
    error: (issue) => {
      const value = issue.input;
      if (value === undefined) return 'is required';
      if (!isDecimal(value)) {
        return `must be a finite number or a decimal string such as "1234.50", not ${describe(value)}`;
      }
      return boundsProblem(value, bounds) ?? 'is invalid';
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
export const fraction = /* @__PURE__ */ (() => decimal({ min: 0, max: 1 }))();

/** A count: a non-negative safe integer. */
export const count = /* @__PURE__ */ (() => z.int().check(z.gte(0)))();
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
  z.strictObject({ min: z.int(), max: z.int() }).check(
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

/** A rating scale. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/** The schema of one score on a scale: an integer from `min` to `max`. Built only to report a bad element. */
export function scoreOn(range: Scale): z.ZodMiniNumber<number> {
  return z.int().check(z.gte(range.min), z.lte(range.max));
}
