import * as z from 'zod/mini';
import { type DurationUnit, toEpoch } from '../internal/dates.js';
import { hasOnlyKeys, optionalDate, summarizeDurations, unitMilliseconds, unitOptions } from '../internal/durations.js';
import { bulkArray, invalid, noData, parse, parseOptions, rejectElement } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import { nextElement, ownIterator } from '../internal/elements.js';

const METRIC = 'timeToFirstValue';

/** One customer: when they started and when they first reached value. */
export interface TimeToFirstValueCustomer {
  /** The start: sign-up, purchase or kickoff; an ISO string, a `Date` or epoch milliseconds. */
  readonly startedAt: string | Date | number;
  /** When the customer first reached value; absent or `null` while pending. Not before `startedAt`. */
  readonly firstValueAt?: string | Date | number | null | undefined;
}

/** Input of {@link timeToFirstValue}. */
export interface TimeToFirstValueInput {
  /** The customers: an array of records. */
  readonly customers: ArrayLike<TimeToFirstValueCustomer>;
}

/** Options of {@link timeToFirstValue}. */
export interface TimeToFirstValueOptions {
  /** Unit of the durations: `'ms' | 'second' | 'minute' | 'hour' | 'day' | 'week'`. Default `'day'`. */
  readonly unit?: DurationUnit;
}

/** Result of {@link timeToFirstValue}; the statistics are over the customers who reached value. */
export interface TimeToFirstValueResult {
  /** Median time to first value (linear interpolation between closest ranks), or `null` when none reached it. */
  readonly median: number | null;
  /** Mean time to first value, or `null` when none reached it. */
  readonly mean: number | null;
  /** 90th percentile (linear interpolation between closest ranks), or `null` when none reached it. */
  readonly p90: number | null;
  /** Customers who reached value. */
  readonly reached: number;
  /** Customers who have not reached value yet. */
  readonly pending: number;
  /** The unit of the durations. */
  readonly unit: DurationUnit;
}

const customerSchema = /* @__PURE__ */ (() => z.strictObject({ startedAt: date, firstValueAt: optionalDate }))();

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ customers: bulkArray<TimeToFirstValueCustomer>('an array of customers') }))();

function reject(customer: unknown, index: number): never {
  return rejectElement(METRIC, customerSchema, customer, ['customers', index]);
}

/**
 * Time to first value (TTV): median, mean and p90 of the time from a customer's start to the first value
 * they got, with the customers still pending counted apart.
 *
 * @remarks
 * For each customer who reached value, TTV = `firstValueAt − startedAt`. The result summarises those
 * durations by their median, mean and 90th percentile; percentiles use linear interpolation between closest
 * ranks (Hyndman & Fan's definition 7; numpy's default, Excel's PERCENTILE.INC): h = (n − 1)·p,
 * x_l + (h − l)(x_{l+1} − x_l) with l = ⌊h⌋. The median is the headline figure (a few slow onboardings
 * pull the mean up); p90 shows the long tail.
 *
 * Customers who have not reached value yet are `pending`: they are never counted as a time of zero, nor
 * dropped silently. Their eventual times are unknown but at least as long as they have waited, so a large
 * `pending` means the statistics are optimistic. When nobody has reached value yet, `median`, `mean` and
 * `p90` are `null` and `reached` is 0; `NO_DATA` is only for an input with no customers at all.
 *
 * Exact: durations are whole milliseconds, and each statistic is one ratio of integers converted once.
 *
 * Source: "first time to value" among the source documents' engagement metrics (`docs/sources.md`
 * row 29); TTV = time of the first value event − time of the start, reported as a median and p90 as product
 * analytics guides recommend.
 *
 * Unit: `unit` (default days) for the durations; counts for `reached` and `pending`.
 *
 * @param input - `{ customers: [{ startedAt, firstValueAt? }] }`; dates are ISO strings, `Date`s or epoch
 * milliseconds.
 * @param options - `{ unit = 'day' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `customers` is not an array, a customer is not an object,
 * has an unknown key or a date that is not valid (`['customers', 3, 'startedAt']`), `firstValueAt` is before
 * `startedAt` (`['customers', 3, 'firstValueAt']`), or `unit` is not one of the units.
 * @throws {@link MetricError} `NO_DATA` when there are no customers.
 * @example
 * ```ts
 * const ttv = timeToFirstValue({
 *   customers: [
 *     { startedAt: '2024-01-01', firstValueAt: '2024-01-03' },
 *     { startedAt: '2024-01-01', firstValueAt: '2024-01-05' },
 *     { startedAt: '2024-01-02', firstValueAt: '2024-01-12' },
 *     { startedAt: '2024-01-10' },
 *   ],
 * });
 * ttv; // => { median: 4, mean: 16 / 3, p90: 8.8, reached: 3, pending: 1, unit: 'day' }
 * ```
 * @category Engagement
 */
export function timeToFirstValue(
  input: TimeToFirstValueInput,
  options?: TimeToFirstValueOptions,
): TimeToFirstValueResult {
  const { customers } = parse(METRIC, inputSchema, input);
  const unit = parseOptions(METRIC, unitOptions, options).unit ?? 'day';
  const count = customers.length;
  if (count === 0) noData(METRIC, ['customers'], 'has no customers');
  const durations = new Float64Array(count);
  let reached = 0;
  const iterator = ownIterator(customers);
  for (let i = 0; i < count; i++) {
    const customer = (iterator === undefined ? customers[i] : nextElement(iterator)) as TimeToFirstValueCustomer;
    if (typeof customer !== 'object' || customer === null) reject(customer, i);
    const startedAt = customer.startedAt;
    const firstValueAt = customer.firstValueAt;
    const started = toEpoch(startedAt);
    if (!hasOnlyKeys(customer, 'startedAt', 'firstValueAt')) reject(customer, i);
    // A bad value is reported as read here, not read again.
    if (Number.isNaN(started)) reject({ startedAt, firstValueAt }, i);
    if (firstValueAt !== undefined && firstValueAt !== null) {
      const at = toEpoch(firstValueAt);
      if (!(at >= started)) {
        if (Number.isNaN(at)) reject({ startedAt, firstValueAt }, i);
        invalid(METRIC, ['customers', i, 'firstValueAt'], 'must not be before startedAt');
      }
      durations[reached++] = at - started;
    }
  }
  const { mean, median, p90 } = summarizeDurations(durations, reached, unitMilliseconds(unit));
  return { median, mean, p90, reached, pending: count - reached, unit };
}
