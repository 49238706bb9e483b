// Durations between two dates of a record (a ticket's creation and first response, a session's start and
// end), summarised as count, mean, median and p90 in a chosen unit.
//
// Dates are epoch milliseconds, so the durations of ISO strings and Dates are integers, and so are their
// sums while below 2^53 (past it the sum is redone in BigInt). Every result is then one ratio of integers
// converted once, correctly rounded: the mean is Σd ÷ (count · unit), a percentile is
// (x_l · s + w · (x_{l+1} − x_l)) ÷ (s · unit) for a rank l + w/s. So 90 minutes is exactly 1.5 hours, and a
// result in hours is the correctly rounded value of the same rational as the result in minutes ÷ 60.
// Epoch numbers with a fraction of a millisecond are accepted too; their durations are then summed with
// compensation and interpolated in double precision.
import * as z from 'zod/mini';
import { DURATION_UNITS, type DurationUnit } from './dates.js';
import { MEDIAN, P90, percentileBrackets, type Bracket, interpolate } from './percentile.js';
import { date } from './schemas.js';
import { ratioToNumber } from './exact/integer.js';

/** The schema of a duration unit: `'ms' | 'second' | 'minute' | 'hour' | 'day' | 'week'`. */
export const durationUnit = /* @__PURE__ */ (() => z.enum(['ms', 'second', 'minute', 'hour', 'day', 'week']))();

/** The schema of a date that may be absent or null (a response not given yet). */
export const optionalDate = /* @__PURE__ */ (() => z.optional(z.nullable(date)))();

/** Options `{ unit }` of a duration metric. */
export const unitOptions = /* @__PURE__ */ (() => z.strictObject({ unit: z.optional(durationUnit) }))();

/** Milliseconds in a unit. */
export function unitMilliseconds(unit: DurationUnit): number {
  return DURATION_UNITS[unit];
}

/** Whether every enumerable key of a record is one of the given names (the fast twin of `z.strictObject`). */
export function hasOnlyKeys(record: object, a: string, b: string, c?: string, d?: string): boolean {
  for (const key in record) {
    if (key !== a && key !== b && key !== c && key !== d) return false;
  }
  return true;
}

/** `numerator ÷ denominator` for non-negative integers, correctly rounded (see `ratioToNumber`). */
export const quotient: (numerator: number | bigint, denominator: number | bigint) => number = ratioToNumber;

/** `a · b` for non-negative safe integers, as a number while it is safe and a BigInt beyond. */
function product(a: number, b: number): number | bigint {
  const result = a * b;
  return result <= Number.MAX_SAFE_INTEGER ? result : BigInt(a) * BigInt(b);
}

/**
 * Count, mean, median and 90th percentile of a set of durations, in the result's unit; the three statistics
 * are `null` when there are no durations.
 */
export interface DurationSummary {
  /** How many durations there are. */
  readonly count: number;
  /** Their mean, or `null` when `count` is 0. */
  readonly mean: number | null;
  /** Their median (linear interpolation between closest ranks), or `null` when `count` is 0. */
  readonly median: number | null;
  /** Their 90th percentile (linear interpolation between closest ranks), or `null` when `count` is 0. */
  readonly p90: number | null;
}

/** Whether the first `count` durations are all whole milliseconds, and their plain sum. */
function plainSum(durations: Float64Array, count: number): { total: number; integral: boolean } {
  let total = 0;
  let integral = true;
  for (let i = 0; i < count; i++) {
    const value = durations[i] as number;
    total += value;
    if (value !== Math.floor(value)) integral = false;
  }
  return { total, integral };
}

/** Neumaier's compensated sum, for durations with fractions of a millisecond. */
function compensatedSum(durations: Float64Array, count: number): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < count; i++) {
    const value = durations[i] as number;
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}

/** The mean of the first `count` (≥ 1) durations in milliseconds, expressed in a unit of `unitMs`. */
export function meanDuration(durations: Float64Array, count: number, unitMs: number): number {
  const { total, integral } = plainSum(durations, count);
  return meanFromSum(durations, count, unitMs, total, integral);
}

function meanFromSum(durations: Float64Array, count: number, unitMs: number, total: number, integral: boolean) {
  if (!integral) return compensatedSum(durations, count) / count / unitMs;
  if (total <= Number.MAX_SAFE_INTEGER) return quotient(total, product(count, unitMs));
  let big = 0n;
  for (let i = 0; i < count; i++) big += BigInt(durations[i] as number);
  return quotient(big, product(count, unitMs));
}

/** A percentile bracket of whole milliseconds, in a unit of `unitMs`, correctly rounded. */
function bracketIn(bracket: Bracket, unitMs: number, integral: boolean): number {
  if (!integral) return interpolate(bracket) / unitMs;
  const { lower, upper, weight, scale } = bracket;
  let numerator: number | bigint = lower * scale + weight * (upper - lower);
  if (upper * scale > Number.MAX_SAFE_INTEGER) {
    numerator = BigInt(lower) * BigInt(scale) + BigInt(weight) * (BigInt(upper) - BigInt(lower));
  }
  return quotient(numerator, scale * unitMs);
}

/**
 * Count, mean, median and p90 of the first `count` durations (non-negative milliseconds), in a unit of
 * `unitMs`. Reorders `durations`, which must be the caller's own scratch array.
 */
export function summarizeDurations(durations: Float64Array, count: number, unitMs: number): DurationSummary {
  if (count === 0) return { count: 0, mean: null, median: null, p90: null };
  const { total, integral } = plainSum(durations, count);
  const mean = meanFromSum(durations, count, unitMs, total, integral);
  const [median, p90] = percentileBrackets(durations, count, [MEDIAN, P90]) as [Bracket, Bracket];
  return { count, mean, median: bracketIn(median, unitMs, integral), p90: bracketIn(p90, unitMs, integral) };
}
