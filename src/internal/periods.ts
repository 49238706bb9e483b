// Period lengths used everywhere in the library (period rate conversion, monthly amounts, lifetime value):
// a year is 12 months, 4 quarters, 52 weeks or 365 days. So a week is 12/52 of a month and a day 12/365 of
// a month. Lengths are kept as exact fractions of a month (numerator / denominator) so that conversions
// between them stay exact.
import * as z from 'zod/mini';

/**
 * A period of time: `'day' | 'week' | 'month' | 'quarter' | 'year'`. Lengths are the same throughout the
 * library: a year is 12 months, 4 quarters, 52 weeks or 365 days, so a week is 12/52 of a month and a day
 * 12/365 of a month.
 */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The periods, in increasing length. */
export const PERIODS: readonly Period[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The schema of a period name. */
export const period = /* @__PURE__ */ (() => z.enum(['day', 'week', 'month', 'quarter', 'year']))();

/** Length of each period in months, as an exact fraction `[numerator, denominator]`. */
export const MONTHS_PER: Readonly<Record<Period, readonly [number, number]>> = {
  day: [12, 365],
  week: [12, 52],
  month: [1, 1],
  quarter: [3, 1],
  year: [12, 1],
};

/**
 * How many `to` periods fit in one `from` period, as an exact fraction `[numerator, denominator]`
 * (a year holds 52 weeks: `periodRatio('year', 'week')` is `[624, 12]`, that is 52).
 */
export function periodRatio(from: Period, to: Period): readonly [number, number] {
  const [a, b] = MONTHS_PER[from];
  const [c, d] = MONTHS_PER[to];
  return [a * d, b * c];
}
