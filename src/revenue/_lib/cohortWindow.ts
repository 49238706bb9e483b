// The months of a revenue-cohort table: its last month (from `to`, or the last month ended by `asOf`), its
// first (the period of `from`, or of the oldest first payment), and the checks that bound them.
import { monthOf, parseMonth, toEpoch } from '../../internal/dates.js';
import { nextElement, ownIterator } from '../../internal/elements.js';
import { invalid } from '../../internal/parse.js';
import type { DateInput } from '../../internal/dates.js';
import { MAX_MONTHS } from './seriesWindow.js';
import { STATUS_CANCELED, SubscriptionReader } from './subscriptionReader.js';
import type { SubscriptionPolicies } from './subscriptionSchema.js';

/** Months per cohort period. */
export const PERIOD_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** The options that place a cohort table in time. */
export interface CohortBounds {
  readonly asOf?: DateInput | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * The last month of the table (absolute index): `to`, or the month before the one holding `asOf` (the
 * last month that has ended by `asOf`). The options schema has checked that exactly one is given.
 */
export function lastMonth(bounds: CohortBounds): number {
  return bounds.to === undefined ? monthOf(toEpoch(bounds.asOf)) - 1 : parseMonth(bounds.to);
}

/** `to` in the words of an error: which option set the last month. */
function lastName(bounds: CohortBounds): string {
  return bounds.to === undefined ? 'the last month ended by options.asOf' : 'options.to';
}

/**
 * The first month of the window: the first month of the period holding `from`, checked against the last
 * month; without `from`, the first period start from which the table spans at most 1200 months.
 */
export function firstMonth(metric: string, bounds: CohortBounds, last: number, length: number): number {
  if (bounds.from === undefined) return Math.ceil((last + 1 - MAX_MONTHS) / length) * length;
  const from = parseMonth(bounds.from);
  if (from > last) invalid(metric, ['from'], `must not be after ${lastName(bounds)}`, 'options');
  const low = Math.floor(from / length) * length;
  if (last - low >= MAX_MONTHS) {
    invalid(metric, ['from'], `must be less than ${MAX_MONTHS} months before ${lastName(bounds)}`, 'options');
  }
  return low;
}

/**
 * Throws for a table that would start before `low` without `from`: a customer paying on a record without
 * `start` (no first payment month), or a first payment 1200 months or more before the last month.
 */
export function tooEarly(
  metric: string,
  records: ArrayLike<unknown>,
  policies: SubscriptionPolicies,
  earliest: number,
): never {
  if (earliest === Number.NEGATIVE_INFINITY) {
    // Find the record: the first that counts, pays, and has no start.
    const reader = new SubscriptionReader(metric, 'subscriptions', policies);
    const iterator = ownIterator(records);
    for (let i = 0; i < records.length; i++) {
      const counts = reader.read(iterator === undefined ? records[i] : nextElement(iterator), i);
      const open = reader.status === STATUS_CANCELED && reader.end === Number.POSITIVE_INFINITY;
      if (counts && !open && reader.num !== 0 && reader.start === Number.NEGATIVE_INFINITY) {
        invalid(
          metric,
          ['subscriptions', i, 'start'],
          'is required: a customer belongs to the cohort of its first paid month (or pass options.from, to leave out the customers who first paid before it)',
        );
      }
    }
  }
  invalid(
    metric,
    ['from'],
    `is required: a first payment is ${MAX_MONTHS} months or more before the last month, and a cohort table spans less than ${MAX_MONTHS} months`,
    'options',
  );
}
