import * as z from 'zod/mini';
import { type DateInput, toEpoch } from '../internal/dates.js';
import { RatioSum } from '../internal/exact/ratioSum.js';
import { finiteResult } from '../internal/exact/result.js';
import { bulkArray, parse, parseOptions } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import { STATUS_CANCELED, SubscriptionReader } from './_lib/subscriptionReader.js';
import {
  type SubscriptionPolicies,
  type SubscriptionRecord,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from './_lib/subscriptionSchema.js';

const METRIC = 'committedRecurringRevenue';

/** Input of {@link committedRecurringRevenue}. */
export interface CommittedRecurringRevenueInput {
  /**
   * The subscription records, in any order; several records of one customer are summed. A record's
   * `cancelAt` is the cancellation scheduled for it.
   */
  readonly subscriptions: ArrayLike<SubscriptionRecord>;
}

/** Options of {@link committedRecurringRevenue}: the policies of `monthlyRecurringRevenue`, and the date. */
export interface CommittedRecurringRevenueOptions extends SubscriptionPolicies {
  /**
   * The instant the figures are taken at (required): a record counts when `start ≤ asOf < end` and its
   * `cancelAt`, if any, is after `asOf`.
   */
  readonly asOf: DateInput;
}

/** One customer with a cancellation scheduled after `asOf`. */
export interface ScheduledCancellation {
  /** The customer (account). */
  readonly customerId: string;
  /** The MRR it will lose: the sum of its counting records that have a scheduled cancellation (money per month). */
  readonly mrr: number;
  /** The earliest of those cancellations, as an ISO 8601 instant (`2024-07-01T00:00:00.000Z`). */
  readonly cancelAt: string;
}

/** Result of {@link committedRecurringRevenue}. Amounts are money per month in the target currency. */
export interface CommittedRecurringRevenueResult {
  /** MRR at `asOf`. */
  readonly mrr: number;
  /** The part of `mrr` whose cancellation is scheduled after `asOf`. */
  readonly scheduledChurnMrr: number;
  /** mrr − scheduledChurnMrr (exact before rounding to a number). */
  readonly committedMrr: number;
  /** The customers with a scheduled cancellation, by `cancelAt` then `customerId`. */
  readonly customers: readonly ScheduledCancellation[];
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ subscriptions: bulkArray<unknown>('an array of subscription records') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ ...subscriptionPolicyShape, asOf: date }).check(...subscriptionPolicyChecks))();

interface Scheduled {
  readonly sum: RatioSum;
  cancelAt: number;
}

/**
 * Committed Monthly Recurring Revenue (CMRR): MRR at a date less the MRR already scheduled to cancel.
 *
 * @remarks
 * committedMrr = mrr − scheduledChurnMrr, where
 * - mrr is {@link monthlyRecurringRevenue} at `asOf` with the same policies (statuses, the past-due grace
 *   `pastDueGraceDays`, discounts, currencies and exchange rates, dated rates taken on the day of `asOf`
 *   under `rateDate: 'month-end'` or on each record's start day under `'record-start'`, per-line rounding),
 *   over the records whose cancellation has not yet taken effect (a past-due record past its grace is in
 *   neither figure);
 * - scheduledChurnMrr = Σ monthly amounts of the records counted in mrr whose `cancelAt` is after `asOf`: a
 *   cancellation known at `asOf` but not yet effective (Stripe's `cancel_at`, a subscription set to cancel
 *   at the end of its period).
 *
 * A `cancelAt` at or before `asOf` is a cancellation that has taken effect, even when the record's `end` does
 * not say so yet: the record stops counting at `cancelAt` (it ends at the earlier of `end` and `cancelAt`), so
 * it is in neither figure, and `mrr` is then below {@link monthlyRecurringRevenue}'s (which ignores
 * `cancelAt`). That is how ChartMogul turns a scheduled event into an MRR movement once its date has passed,
 * and how Stripe ends a subscription at its `cancel_at`. Only `cancelAt` schedules a cancellation: an `end`
 * after `asOf` may be a plan change (another record starts then), so a record canceled at the end of its
 * period needs its `cancelAt` too. A record says nothing of when its cancellation was scheduled: at an
 * `asOf` before that, pass the records as they were known then.
 *
 * `customers` lists each customer with scheduled churn: its records' scheduled amounts summed and the
 * earliest of their `cancelAt`s; the amounts add up to `scheduledChurnMrr`.
 *
 * Exact: the three sums are exact rationals (whole cents summed as integers), committed + scheduled = mrr
 * before each is rounded once to the nearest number.
 *
 * Unit: money per month, in the target currency (or the records' currency).
 *
 * Source: ChartMogul, "Understanding Committed Monthly Recurring Revenue (CMRR)" (a projection of MRR based
 * on scheduled changes to a subscription, such as a cancellation a customer has already communicated) and
 * "Adding subscription events for CMRR" (a "Cancellation (Scheduled)" event lowers CMRR until it takes
 * effect or is retracted).
 *
 * @param input - `{ subscriptions }`: records as for {@link monthlyRecurringRevenue}, with `cancelAt?`.
 * @param options - `{ asOf, countTrialing = false, countPaused = false, countPastDue = true, pastDueGraceDays?,
 * discounts = 'apply', weeklyFactor = '52/12', dailyFactor = '365/12', rounding?, currency?, exchangeRates?,
 * rateDate = 'month-end' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when no dated rate is in force on a day a record needs
 * (`['exchangeRates', 'EUR']`, and every rate problem of {@link monthlyRecurringRevenue}), `subscriptions`
 * is not an array, a record is invalid (the
 * issue names it: `['subscriptions', 3, 'cancelAt']` for a `cancelAt` before its `start`, and every case of
 * {@link monthlyRecurringRevenue}), records mix currencies without `exchangeRates` or a currency has no rate,
 * `asOf` is missing or not a date, `pastDueGraceDays` is not an integer ≥ 0 (`['pastDueGraceDays']`), or an
 * option is invalid or unknown.
 * @example
 * ```ts
 * const subscriptions = [
 *   { customerId: 'a', amount: 100, start: '2024-01-01', cancelAt: '2024-07-01' },
 *   { customerId: 'b', amount: 1200, interval: 'year', start: '2023-06-01' },
 *   { customerId: 'b', amount: 30, start: '2024-03-01', cancelAt: '2024-06-15' },
 *   { customerId: 'c', amount: 50, start: '2024-01-01', cancelAt: '2024-04-01' },
 * ];
 * const cmrr = committedRecurringRevenue({ subscriptions }, { asOf: '2024-05-15' });
 * cmrr.mrr; // => 230
 * cmrr.scheduledChurnMrr; // => 130
 * cmrr.committedMrr; // => 100
 * cmrr.customers[0]; // => { customerId: 'b', mrr: 30, cancelAt: '2024-06-15T00:00:00.000Z' }
 * cmrr.customers.map((customer) => customer.customerId); // => ['b', 'a']
 * ```
 * @category Revenue
 */
export function committedRecurringRevenue(
  input: CommittedRecurringRevenueInput,
  options: CommittedRecurringRevenueOptions,
): CommittedRecurringRevenueResult {
  const records = parse(METRIC, inputSchema, input).subscriptions;
  const policies = parseOptions(METRIC, optionsSchema, options);
  const asOf = toEpoch(policies.asOf);
  const reader = new SubscriptionReader(METRIC, 'subscriptions', policies, asOf);
  const total = new RatioSum();
  const committed = new RatioSum();
  const scheduled = new RatioSum();
  const byCustomer = new Map<string, Scheduled>();
  const length = records.length;
  for (let i = 0; i < length; i++) {
    if (!reader.read(records[i], i)) continue;
    if (reader.status === STATUS_CANCELED && reader.end === Number.POSITIVE_INFINITY) continue;
    const cancelAt = reader.cancelAt;
    if (!(reader.start <= asOf && asOf < reader.end && asOf < cancelAt)) continue;
    if (reader.datedCurrency >= 0) reader.convertDated();
    const { num, den } = reader;
    total.add(num, den);
    if (cancelAt === Number.POSITIVE_INFINITY) {
      committed.add(num, den);
      continue;
    }
    scheduled.add(num, den);
    const customer = byCustomer.get(reader.customerId);
    if (customer === undefined) {
      const sum = new RatioSum();
      sum.add(num, den);
      byCustomer.set(reader.customerId, { sum, cancelAt });
    } else {
      customer.sum.add(num, den);
      if (cancelAt < customer.cancelAt) customer.cancelAt = cancelAt;
    }
  }
  return {
    mrr: finiteResult(METRIC, total.toNumber(), 'mrr'),
    scheduledChurnMrr: finiteResult(METRIC, scheduled.toNumber(), 'scheduledChurnMrr'),
    committedMrr: finiteResult(METRIC, committed.toNumber(), 'committedMrr'),
    customers: customerList(byCustomer),
  };
}

function customerList(byCustomer: Map<string, Scheduled>): ScheduledCancellation[] {
  const entries = [...byCustomer].sort(([idA, a], [idB, b]) =>
    a.cancelAt !== b.cancelAt ? a.cancelAt - b.cancelAt : idA < idB ? -1 : idA > idB ? 1 : 0,
  );
  return entries.map(([customerId, { sum, cancelAt }]) => ({
    customerId,
    mrr: finiteResult(METRIC, sum.toNumber(), 'customers.mrr'),
    cancelAt: new Date(cancelAt).toISOString(),
  }));
}
