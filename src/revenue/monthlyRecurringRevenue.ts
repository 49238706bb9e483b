import * as z from 'zod/mini';
import { type DateInput, toEpoch } from '../internal/dates.js';
import { multiplyInt, shiftInt } from '../internal/exact/integer.js';
import { RatioSum } from '../internal/exact/ratioSum.js';
import { finiteResult, ratioResult } from '../internal/exact/result.js';
import { DecimalReader } from '../internal/exact/scaled.js';
import { bulkArray, parseForm, parseOptions } from '../internal/parse.js';
import { count, date, nonNegativeMoney } from '../internal/schemas.js';
import { STATUS_CANCELED, SubscriptionReader } from './_lib/subscriptionReader.js';
import {
  type SubscriptionPolicies,
  type SubscriptionRecord,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from './_lib/subscriptionSchema.js';

const METRIC = 'monthlyRecurringRevenue';

/**
 * Input of {@link monthlyRecurringRevenue}: subscription records, or the count of paying customers and their
 * average revenue per account (ARPA) per month.
 */
export type MonthlyRecurringRevenueInput =
  | {
      /** The subscription records, in any order; several records of one customer are summed. */
      readonly subscriptions: ArrayLike<SubscriptionRecord>;
    }
  | {
      /** Number of paying customers, a non-negative integer. */
      readonly customers: number;
      /** Average revenue per account per month (money, ≥ 0): a number or a decimal string such as `"199.90"`. */
      readonly averageRevenuePerAccount: number | string;
    };

/** Options of {@link monthlyRecurringRevenue}; they apply to the `subscriptions` form. */
export interface MonthlyRecurringRevenueOptions extends SubscriptionPolicies {
  /**
   * The instant MRR is measured at: a record counts when `start ≤ asOf < end`. Without it the records are a
   * snapshot of current subscriptions: dates are not consulted and `'canceled'` records do not count.
   */
  readonly asOf?: DateInput | undefined;
}

const forms = /* @__PURE__ */ (() =>
  [
    {
      key: 'subscriptions',
      schema: z.strictObject({ subscriptions: bulkArray<unknown>('an array of subscription records') }),
    },
    { key: 'customers', schema: z.strictObject({ customers: count, averageRevenuePerAccount: nonNegativeMoney }) },
  ] as const)();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ ...subscriptionPolicyShape, asOf: z.optional(date) }).check(
    ...subscriptionPolicyChecks,
    z.refine((options) => options.pastDueGraceDays === undefined || options.asOf !== undefined, {
      error: 'needs asOf (the grace runs from pastDueSince to a date; a snapshot has none)',
      path: ['pastDueGraceDays'],
      when: (p) => p.issues.length === 0,
    }),
  ))();

/**
 * Monthly Recurring Revenue (MRR): the monthly value of every paying subscription.
 *
 * @remarks
 * From records: MRR = Σ monthly amounts of the records that count, each amount as in {@link monthlyAmount}
 * (`(amount × quantity − discount) × months-per-interval ÷ intervalCount`), converted to the target currency.
 * From the documents' form: MRR = customers × ARPA (500 customers at $200 is $100,000).
 *
 * Which records count, and the vendor each default matches:
 * - status: `'active'` counts; `'past_due'` counts unless `countPastDue: false` (Stripe and ChartMogul count
 *   past-due subscriptions until they are canceled); `'trialing'` and `'paused'` do not unless
 *   `countTrialing` / `countPaused` (Stripe and Chargebee leave trials out; a pause bills nothing);
 *   `'canceled'` records count only inside their `[start, end)`, so only with `asOf` and an `end`:
 *   a subscription canceled at the end of a paid period counts until that end (ChartMogul's "end of service
 *   period" churn recognition); a canceled record without `end` never counts.
 * - dates: with `asOf`, a record counts when `start ≤ asOf < end` (a missing start or end is open). Without
 *   it, every record is taken as current.
 * - past-due grace: default none, a `'past_due'` record counts until its `end` (Stripe counts past-due
 *   subscriptions until they are canceled or unpaid; ChartMogul's default keeps them "until they are
 *   explicitly cancelled"). With `pastDueGraceDays` g (which needs `asOf`), a counting past-due record with
 *   a `pastDueSince` counts while `asOf < min(end, pastDueSince + g days)`: ChartMogul's option to
 *   "automatically cancel subscriptions that are X days past due" (1–90); PostHog drops a subscription read
 *   from revenue events 45 days after its last payment (`subscriptionDropoffDays`, default 45); 30 days is
 *   the figure quoted for Baremetrics. A past-due record without `pastDueSince` counts until its `end`; with
 *   `countPastDue: false` past-due records never count, so the grace changes nothing.
 * - discounts, weekly and daily factors, per-line rounding: as in {@link monthlyAmount} (discounts reduce MRR
 *   by default, as in ChartMogul and Baremetrics).
 * - currency: records in one currency need nothing. Records in several need `exchangeRates` and a target
 *   `currency` (ChartMogul converts foreign-currency subscriptions into a primary currency); conversion is
 *   exact, and with `rounding` each line is rounded after conversion. A record without `currency` is in
 *   the target `currency` when one is given. Without a target, records that all lack a currency are
 *   summed as one currency, but a record without one beside a record that names one is refused: it is
 *   never summed with that money as if it were the same (give every record its currency, or name the
 *   target).
 * - dated rates (`exchangeRates: { EUR: [{ from, rate }, …] }` or a function `(currency, date) => rate`):
 *   under `rateDate: 'month-end'` (default) a record is converted at the rate in force on the day of
 *   `asOf` (UTC), the day MRR is measured, which is the month's last day when `asOf` is one; without `asOf`
 *   there is no such day and a record in a dated currency is refused. Under `'record-start'` each record is
 *   converted at the rate in force on its `start` day (ProfitWell keeps a subscription at the rate of its
 *   start). A day with no rate in force (before a table's first `from`) is refused, naming the currency,
 *   the day and the record; only the days some record needs are looked up.
 *
 * Exact: each monthly amount is an exact rational (a $100 yearly plan is 100/12), the sum is exact (whole
 * cents are summed as integers, anything else in BigInt) and converted to the nearest number once.
 *
 * Unit: money per month, in the target currency (or the records' currency).
 *
 * Source: the source documents (`docs/sources.md` rows 2 and 23: active customers × average revenue);
 * ChartMogul, "Monthly Recurring Revenue (MRR)"; Baremetrics, "Monthly Recurring Revenue"; Stripe, "Billing
 * metric definitions" (MRR sums active and past-due subscriptions, trials excluded); ChartMogul, "Handling
 * past-due subscriptions"; PostHog, revenue analytics settings (`subscriptionDropoffDays`).
 *
 * @param input - `{ subscriptions }` (an array of records `{ customerId, amount, currency?, interval?,
 * intervalCount?, quantity?, discount?, start?, end?, status?, pastDueSince?, endReason?, attributes? }`;
 * `attributes`, string segment keys, change nothing) or `{ customers, averageRevenuePerAccount }`.
 * @param options - `{ asOf?, countTrialing = false, countPaused = false, countPastDue = true, pastDueGraceDays?,
 * discounts = 'apply', weeklyFactor = '52/12', dailyFactor = '365/12', rounding?, currency?, exchangeRates?,
 * rateDate = 'month-end' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a dated rate table is not in strictly increasing order of
 * `from` (`['exchangeRates', 'EUR', 1, 'from']`), no rate is in force on a day a record needs
 * (`['exchangeRates', 'EUR']`), a rate function throws or returns anything but a positive decimal, a record
 * in a dated currency has no `asOf` to be converted at (`['asOf']`) or, under `'record-start'`, no `start`;
 * when a record is invalid (the issue names it:
 * `['subscriptions', 3, 'amount']`): a negative amount, an unknown interval or status, `intervalCount` 0, a
 * discount over 100 % or above the price, an end before its start, an attribute value that is not a string
 * (`['subscriptions', 3, 'attributes', 'plan']`), a `pastDueSince` on a record whose status is not
 * `'past_due'` or before its `start` (`['subscriptions', 3, 'pastDueSince']`), an `endReason` on a record
 * without `end` (`['subscriptions', 3, 'endReason']`), an unknown key; when records mix
 * currencies without `exchangeRates` or a currency has no rate (`['subscriptions', 3, 'currency']`); when,
 * without a target `currency`, a record has no currency and another names one (the issue names the record
 * without: `['subscriptions', 0, 'currency']`); when `customers` is not a non-negative integer; or when an
 * option is invalid (`pastDueGraceDays` not an integer ≥ 0, or given without `asOf`: `['pastDueGraceDays']`).
 * @example
 * ```ts
 * monthlyRecurringRevenue({ customers: 500, averageRevenuePerAccount: 200 }); // => 100000
 * const subscriptions = [
 *   { customerId: 'a', amount: 90, interval: 'quarter' },
 *   { customerId: 'b', amount: '120.00', interval: 'year', discount: { percent: 0.1 } },
 *   { customerId: 'c', amount: 10, discount: { percent: 0.5 } },
 *   { customerId: 'd', amount: 50, status: 'trialing' },
 * ];
 * monthlyRecurringRevenue({ subscriptions }); // => 44
 * const spans = [{ customerId: 'a', amount: 30, start: '2024-01-15', end: '2024-03-01' }];
 * monthlyRecurringRevenue({ subscriptions: spans }, { asOf: '2024-02-29T23:59:59Z' }); // => 30
 * monthlyRecurringRevenue({ subscriptions: spans }, { asOf: '2024-03-01' }); // => 0
 * // Past due since 10 March: counted until it ends, or for 30 days with a grace of 30
 * const overdue = [{ customerId: 'a', amount: 30, status: 'past_due' as const, pastDueSince: '2024-03-10' }];
 * monthlyRecurringRevenue({ subscriptions: overdue }, { asOf: '2024-04-15' }); // => 30
 * monthlyRecurringRevenue({ subscriptions: overdue }, { asOf: '2024-04-08', pastDueGraceDays: 30 }); // => 30
 * monthlyRecurringRevenue({ subscriptions: overdue }, { asOf: '2024-04-09', pastDueGraceDays: 30 }); // => 0
 * ```
 * @category Revenue
 */
export function monthlyRecurringRevenue(
  input: MonthlyRecurringRevenueInput,
  options?: MonthlyRecurringRevenueOptions,
): number {
  const parsed = parseForm(METRIC, forms, input);
  const policies = parseOptions(METRIC, optionsSchema, options);
  if (parsed.form === 'customers') {
    const { customers, averageRevenuePerAccount } = parsed.value;
    const arpa = new DecimalReader();
    arpa.read(averageRevenuePerAccount);
    return ratioResult(METRIC, multiplyInt(arpa.int, customers), shiftInt(1, arpa.scale), 'monthlyRecurringRevenue');
  }
  const records = parsed.value.subscriptions;
  const asOf = policies.asOf === undefined ? Number.NaN : toEpoch(policies.asOf);
  const reader = new SubscriptionReader(METRIC, 'subscriptions', policies, asOf);
  const snapshot = Number.isNaN(asOf);
  const total = new RatioSum();
  const length = records.length;
  for (let i = 0; i < length; i++) {
    if (!reader.read(records[i], i)) continue;
    if (reader.status === STATUS_CANCELED && (snapshot || reader.end === Number.POSITIVE_INFINITY)) continue;
    if (!snapshot && !(reader.start <= asOf && asOf < reader.end)) continue;
    if (reader.datedCurrency >= 0) reader.convertDated();
    total.add(reader.num, reader.den);
  }
  return finiteResult(METRIC, total.toNumber(), 'monthlyRecurringRevenue');
}
