import * as z from 'zod/mini';
import { parseMonth } from '../internal/dates.js';
import { bulkArray, parse, parseOptions } from '../internal/parse.js';
import { type SeriesPeriod, seriesPeriods } from './_lib/seriesPeriods.js';
import { DetailSink } from './_lib/movementDetails.js';
import { seriesRow } from './_lib/seriesRows.js';
import { seriesWindowChecks, seriesWindowShape } from './_lib/seriesWindow.js';
import { seriesTotals } from './_lib/seriesTotals.js';

export type { CustomerMovementDetail } from './_lib/movementDetails.js';
export type { SeriesPeriod } from './_lib/seriesPeriods.js';
export type { RecurringRevenueSeriesRow } from './_lib/seriesRow.js';
import type { RecurringRevenueSeriesRow } from './_lib/seriesRow.js';
import {
  type SubscriptionPolicies,
  type SubscriptionRecord,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from './_lib/subscriptionSchema.js';

const METRIC = 'recurringRevenueSeries';

/** Input of {@link recurringRevenueSeries}. */
export interface RecurringRevenueSeriesInput {
  /**
   * Subscription records with their spans: `{ customerId, amount, currency?, interval?, intervalCount?,
   * quantity?, discount?, start?, end?, status?, trialStart?, pastDueSince?, endReason?, attributes? }`
   * (`attributes`, string segment keys such as
   * `{ plan: 'pro' }`, are validated and do not change any figure). Pass every record that was paying in or before the
   * lookback window: reactivation and the trailing retention look back.
   */
  readonly subscriptions: ArrayLike<SubscriptionRecord>;
}

/** Options of {@link recurringRevenueSeries}. */
export interface RecurringRevenueSeriesOptions extends SubscriptionPolicies {
  /** First month of the series, `YYYY-MM`. */
  readonly from: string;
  /** Last month of the series, `YYYY-MM` (included; at most 1200 months after `from`). */
  readonly to: string;
  /** Months between the cohort and the month of the trailing retention figures. Default 12 (1 to 1200). */
  readonly lookback?: number | undefined;
  /**
   * One row per calendar month (the default), quarter or year (UTC); the first and last periods are
   * clipped to `from` and `to`.
   */
  readonly period?: SeriesPeriod | undefined;
  /**
   * Adds to each row `details`: who moved, one entry per customer and month with a movement. Default
   * false (rows without a `details` key).
   */
  readonly details?: boolean | undefined;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ subscriptions: bulkArray<unknown>('an array of subscription records') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...subscriptionPolicyShape,
      ...seriesWindowShape,
      details: z.optional(z.boolean()),
    })
    .check(...subscriptionPolicyChecks, ...seriesWindowChecks))();

/**
 * Monthly Recurring Revenue (MRR) series from subscription records: per month (or quarter, or year) MRR,
 * ARR, movements, churn rates, ARPA and trailing NRR/GRR.
 *
 * @remarks
 * For each month M from `from` to `to` (both included), MRR is measured at the end of M's last day: a record
 * counts in M when it is active at that instant, that is `start < first instant of M + 1 ≤ end` (spans are
 * half-open, `[start, end)`; a subscription ending on `2024-02-01` counts in January, one ending on
 * `2024-01-31` does not). Stripe and Recurly report a month's MRR the same way, at month end.
 * Records count under the same policies as {@link monthlyRecurringRevenue} (statuses, discounts, weekly
 * and daily factors, per-line rounding, currencies: a record without `currency` is in the target currency,
 * and without a target it is refused beside a record that names one); a `'canceled'` record counts within
 * its span and never without an `end`.
 *
 * Customer grain: each customer's records are summed, then each customer's MRR in M is compared with M − 1:
 * - 0 → c > 0: **reactivation** if the customer had MRR above 0 at the end of any earlier month (data before
 *   `from` included), otherwise **new**;
 * - p → c, both above 0: **expansion** c − p or **contraction** p − c;
 * - p > 0 → 0: **churned** p.
 * So every row reconciles exactly in the exact values: startingMrr + new + expansion + reactivation −
 * contraction − churned = mrr. The first row's starting point is the month before `from`, computed from the
 * records. Each figure is returned as the double nearest its exact value, and doubles do not add up
 * exactly: when every monthly amount is whole cents (monthly prices in cents, or `rounding: { places: 2 }`),
 * reconcile on `Math.round(figure * 100)` or on the decimal strings, as for {@link revenueMovements}; a
 * monthly amount such as 100/12 is not a decimal, so its figures reconcile only as exact fractions.
 *
 * Rates per row: customerChurnRate = churnedCustomers ÷ startingCustomers; revenueChurnRate (gross) =
 * (churned + contraction) ÷ startingMrr; netRevenueChurnRate = (churned + contraction − expansion −
 * reactivation) ÷ startingMrr (ChartMogul's standard formulas); averageRevenuePerAccount = mrr ÷ customers;
 * averageSalePrice = newMrr ÷ newCustomers, null without new customers (ChartMogul's "Average Sale Price":
 * the average MRR of the customers won in the period; reactivated customers are not new).
 *
 * Trials: a record with `trialStart` was a trial from `trialStart` until `start`, its first paid instant
 * (so it is not MRR before `start`, and MRR is unchanged by it). trialsStarted = records whose `trialStart`
 * falls in the row's months, whatever became of them; trialsConverted = records with a `trialStart` whose
 * `start` falls in the row's months and that then pay: they are active at the end of that month (their
 * status counts under the policies and their monthly amount is above 0). A trial that ended unpaid (`end`
 * equal to `start`, or in the month of `start` before its end) started but never converted. Records, not
 * customers, are counted: give `trialStart` once per trial, on the record the trial led to. A conversion
 * is dated by the first paid instant, as `convertedAt` in {@link trialConversion}, which gives the rate of
 * a cohort of trials (a row's trialsConverted ÷ trialsStarted is not one: they are different trials).
 * Voluntary and delinquent churn: churn stays customer-grain, and each churned customer's churn is
 * **delinquent** when at least one of its records paying at the end of the previous month stops counting
 * this month for failed payments: its `endReason` is `'delinquent'` (canceled for non-payment, Stripe's
 * "delinquent churn"), or the past-due grace cut it (below); otherwise it is **voluntary** (`endReason`
 * `'voluntary'` or absent). delinquentChurnedMrr = Σ previous MRR of the delinquent churned customers,
 * voluntaryChurnedMrr = churnedMrr − delinquentChurnedMrr, and the same for customers, exactly; a record
 * ending for failed payments while the customer still pays on another is contraction, not churn.
 * Past-due grace (`pastDueGraceDays` g, an integer ≥ 0; default none): a counting `'past_due'` record with
 * a `pastDueSince` stops counting at pastDueSince + g days when that comes before its `end`, and that
 * ending is delinquent. Without the policy, or without `pastDueSince`, a past-due record counts until its
 * `end`, as Stripe (past-due subscriptions are MRR until canceled or unpaid) and ChartMogul (its default,
 * "until they are explicitly cancelled") count it. ChartMogul can instead "automatically cancel subscriptions
 * that are X days past due" (1–90: g = X); PostHog drops a subscription read from revenue events 45 days
 * after its last payment (`subscriptionDropoffDays`); 30 days is the figure quoted for Baremetrics. With
 * `countPastDue: false` past-due records never count, so the grace changes nothing.
 *
 * Trailing retention over `lookback` months (default 12): the cohort is the customers paying at the end of
 * `retentionFrom` = M − lookback; NRR = their MRR in M ÷ their MRR in `retentionFrom`, GRR the same with each
 * customer capped at its `retentionFrom` MRR (ChartMogul's net and gross MRR retention). A rate whose base
 * is empty (no customers or no MRR at the start, nobody paying in `retentionFrom`: not enough history) is
 * `null`, never NaN.
 *
 * Quarters and years (`period: 'quarter'` or `'year'`): one row per calendar period (UTC) overlapping
 * `from` … `to`, the first and last clipped to them (a quarter to date); `period` labels the row (`2024-Q1`,
 * `2024`; `2024-01` for a month) and `months` says how many months it covers. `month` is the last month
 * covered: MRR, ARR, customers and ARPA are measured at its end. `startingMrr` and `startingCustomers` are
 * those at the end of the month before the row's first month. Each movement's amount and count is the exact
 * sum of the monthly movements over the row's months, as ChartMogul's quarterly and yearly views aggregate
 * movements, so a row still reconciles exactly; a customer who churns in January and returns in March
 * counts as churned and as reactivated. Rates of a period: customerChurnRate = churnedCustomers (summed) ÷
 * startingCustomers (it can exceed 1 when customers won during the period also leave), averageSalePrice =
 * the period's newMrr ÷ its newCustomers (both summed over its months), the revenue churn
 * rates on the period's startingMrr; the trailing NRR and GRR are measured at `month` with `lookback`
 * months, as for a month. With `period: 'month'` every row covers one month, as above.
 *
 * Exchange rates (`exchangeRates`): a fixed rate converts every month alike. With dated rates (per
 * currency `[{ from, rate }, …]`, each in force from its day until the next, or a function `(currency,
 * date) => rate`) and `rateDate: 'month-end'` (default), month M is valued at the rates in force on M's last
 * day. Per customer, with own_c(M) its MRR in currency c and r_c(M) that rate (1 for the target currency):
 * V(M) = Σ_c own_c(M)·r_c(M) is its MRR, and W(M) = Σ_c own_c(M − 1)·r_c(M) its previous month revalued at
 * M's rates. A customer paying in both months moves by W(M) − V(M − 1), its **FX impact** (`fxImpactMrr`),
 * and by V(M) − W(M), its expansion or contraction at M's rates: a change of rate is never expansion or
 * contraction. Churned MRR is valued at M − 1's rates (V(M − 1)), new and reactivated MRR at M's (V(M)). So
 * startingMrr + new + expansion + reactivation − contraction − churned + fxImpactMrr = mrr exactly (netNewMrr
 * = mrr − startingMrr includes it). ChartMogul splits MRR the same way: it "doesn't generate MRR movements
 * for expansion or contraction resulting from currency fluctuations" and reports them in an Exchange Rate
 * Impact row (it takes each invoice's rate on its service period's start day; here the rate is the month
 * end's, so a series does not depend on billing days). The trailing NRR and GRR compare each
 * month at its own rates. Under `rateDate: 'record-start'` each record keeps the rate in force on its `start`
 * day for its whole span (ProfitWell values a subscription at the rate of its start), a record in a dated
 * currency then needs a `start`, and fxImpactMrr is 0. Only the month ends some record needs are looked up
 * (the months it pays at the end of, and the month after, to revalue it); a rate function is called at most
 * once per currency and day. Per-line `rounding` of a record converted month by month applies to its amount
 * in its own currency. Customers whose records are all in the target currency or at fixed rates are
 * computed as without dated rates.
 *
 * Details (`details: true`): each row also lists who moved, `details`, one entry per customer and month
 * with a movement, `{ customerId, month, movement, previousMrr, mrr, amount, churnReason? }`, in month order
 * then in order of the customers' first record: amount = |mrr − previousMrr| (the customer's MRR at the end
 * of the month and of the month before), and per movement Σ amount = the row's figure exactly (for a quarter
 * or a year, its months' entries), the number of entries = its customer count (newCustomers,
 * churnedCustomers, reactivatedCustomers). A churned entry's `churnReason` is `'delinquent'` or
 * `'voluntary'`, as delinquentChurnedMrr counts it. With dated rates, a customer paying in both months has
 * previousMrr at this month's rates (its expansion or contraction, the FX impact aside). Without the
 * option rows have no `details` key, and the totals are computed as without it.
 *
 * Exact: monthly amounts are exact rationals over one common denominator, every total is an exact integer
 * (in doubles while safe, BigInt beyond), and each figure is converted to the nearest number once.
 *
 * Unit: money per month (arr per year) in the target currency; counts; fractions for the rates.
 *
 * Source: ChartMogul, "MRR movements", "Net MRR Churn Rate", "Gross MRR Churn Rate", "Net MRR Retention",
 * "Average Sale Price", "Viewing data by quarter or year" (movements summed over the period, MRR at its end),
 * "Handling past-due subscriptions" (the past-due grace), "How ChartMogul handles subscriptions billed in
 * foreign currencies" (Exchange Rate Impact); Stripe, "Billing metric definitions" (month-end MRR,
 * reactivation, past-due subscriptions in MRR until canceled or unpaid); ProfitWell, "How do you handle
 * currency conversions?" (a subscription segment at its start date's rate); PostHog, revenue analytics
 * settings (`subscriptionDropoffDays`, default 45); the source documents
 * (`docs/sources.md` rows 22, 23, 26).
 *
 * @param input - `{ subscriptions }`: records as for {@link monthlyRecurringRevenue}, with their `start`
 * and `end`.
 * @param options - `{ from, to, lookback = 12, period = 'month', countTrialing = false, countPaused = false, countPastDue =
 * true, pastDueGraceDays?, discounts = 'apply', weeklyFactor = '52/12', dailyFactor = '365/12', rounding?,
 * currency?, exchangeRates?, rateDate = 'month-end', details = false }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a record is invalid (the issue names it, as for
 * {@link monthlyRecurringRevenue}), records mix currencies without rates, a record without a currency sits
 * beside one that names a currency and no target `currency` is given, `from` or `to` is not `YYYY-MM`,
 * `to` is before `from` or 1200 months or more after it, a `trialStart` is after its record's `start` or
 * has none (`['subscriptions', 3, 'trialStart']`), a `pastDueSince` is on a record whose status is not
 * `'past_due'` (the message says its status) or before its `start` (`['subscriptions', 3, 'pastDueSince']`),
 * an `endReason` is on a record without `end` or is not `'voluntary'` or `'delinquent'`
 * (`['subscriptions', 3, 'endReason']`), `pastDueGraceDays` is not an integer ≥ 0 (`['pastDueGraceDays']`),
 * an attribute value is not a string, `lookback` is not an integer from 1 to 1200,
 * `period` is not `'month'`, `'quarter'` or `'year'`, a dated rate table is not in strictly increasing order of
 * `from` (`['exchangeRates', 'EUR', 1, 'from']`), no rate is in force at a month end a record needs
 * (`['exchangeRates', 'EUR']`, naming the day and the record), a rate function throws or returns anything but
 * a positive decimal (naming the currency and the day), a record in a dated currency has no `start` under
 * `rateDate: 'record-start'`, or an option is invalid.
 * @example
 * ```ts
 * const rows = recurringRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
 *       { customerId: 'a', amount: 50, start: '2024-02-01' },
 *       { customerId: 'b', amount: 1200, interval: 'year', start: '2024-02-20', end: '2024-03-01' },
 *       { customerId: 'b', amount: 80, start: '2024-04-01' },
 *     ],
 *   },
 *   { from: '2024-01', to: '2024-04', lookback: 1 },
 * );
 * rows.map((row) => row.mrr); // => [100, 250, 50, 130]
 * rows[1].newMrr; // => 100
 * rows[1].expansionMrr; // => 50
 * rows[2].churnedMrr; // => 100
 * rows[2].contractionMrr; // => 100
 * rows[3].reactivationMrr; // => 80
 * rows[2].customerChurnRate; // => 0.5
 * rows[2].netRevenueRetention; // => 0.2
 * rows[0].netRevenueRetention; // => null
 * const quarters = recurringRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
 *       { customerId: 'a', amount: 50, start: '2024-02-01' },
 *       { customerId: 'b', amount: 1200, interval: 'year', start: '2024-02-20', end: '2024-03-01' },
 *       { customerId: 'b', amount: 80, start: '2024-04-01' },
 *     ],
 *   },
 *   { from: '2024-01', to: '2024-04', lookback: 1, period: 'quarter' },
 * );
 * quarters.map((row) => row.period); // => ['2024-Q1', '2024-Q2']
 * quarters.map((row) => row.months); // => [3, 1]
 * quarters.map((row) => row.mrr); // => [50, 130]
 * quarters[0].newMrr; // => 200
 * quarters[0].churnedMrr; // => 100
 * quarters[0].averageSalePrice; // => 100
 * rows.map((row) => row.averageSalePrice); // => [100, 100, null, null]
 * const trials = recurringRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'c', amount: 40, trialStart: '2024-01-20', start: '2024-02-03' },
 *       { customerId: 'd', amount: 40, trialStart: '2024-02-05', start: '2024-02-19', end: '2024-02-19' },
 *       { customerId: 'e', amount: 40, trialStart: '2024-02-25', start: '2024-03-10' },
 *     ],
 *   },
 *   { from: '2024-01', to: '2024-03' },
 * );
 * trials.map((row) => row.trialsStarted); // => [1, 2, 0]
 * trials.map((row) => row.trialsConverted); // => [0, 1, 1]
 * trials.map((row) => row.mrr); // => [0, 40, 80]
 * const fx = recurringRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'eu', amount: 100, currency: 'EUR', start: '2024-01-01' },
 *       { customerId: 'us', amount: 50, currency: 'USD', start: '2024-01-01' },
 *     ],
 *   },
 *   {
 *     from: '2024-01',
 *     to: '2024-02',
 *     currency: 'USD',
 *     exchangeRates: { EUR: [{ from: '2024-01-01', rate: '1.10' }, { from: '2024-02-15', rate: '1.05' }] },
 *   },
 * );
 * fx.map((row) => row.mrr); // => [160, 155]
 * fx[1].fxImpactMrr; // => -5
 * fx[1].contractionMrr; // => 0
 * const frozen = recurringRevenueSeries(
 *   { subscriptions: [{ customerId: 'eu', amount: 100, currency: 'EUR', start: '2024-01-01' }] },
 *   {
 *     from: '2024-01',
 *     to: '2024-02',
 *     currency: 'USD',
 *     rateDate: 'record-start',
 *     exchangeRates: (currency, date) => (date < '2024-02-15' ? '1.10' : '1.05'),
 *   },
 * );
 * frozen.map((row) => row.mrr); // => [110, 110]
 * const lost = recurringRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'f', amount: 100, start: '2024-01-01', status: 'past_due', pastDueSince: '2024-02-10' },
 *       { customerId: 'g', amount: 50, start: '2024-01-01', end: '2024-03-05' },
 *       { customerId: 'h', amount: 80, start: '2024-01-01', end: '2024-02-20', endReason: 'delinquent' },
 *     ],
 *   },
 *   { from: '2024-01', to: '2024-03', lookback: 1, pastDueGraceDays: 30 },
 * );
 * lost.map((row) => row.churnedMrr); // => [0, 80, 150]
 * lost.map((row) => row.delinquentChurnedMrr); // => [0, 80, 100]
 * lost.map((row) => row.voluntaryChurnedMrr); // => [0, 0, 50]
 * lost.map((row) => row.delinquentChurnedCustomers); // => [0, 1, 1]
 * const who = recurringRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
 *       { customerId: 'a', amount: 50, start: '2024-02-01' },
 *       { customerId: 'h', amount: 80, start: '2024-01-01', end: '2024-02-20', endReason: 'delinquent' },
 *     ],
 *   },
 *   { from: '2024-02', to: '2024-03', lookback: 1, details: true },
 * );
 * who[0].details?.map((d) => `${d.customerId} ${d.movement} ${d.amount} ${d.churnReason ?? ''}`); // => ['a expansion 50 ', 'h churned 80 delinquent']
 * who[1].details?.map((d) => `${d.customerId} ${d.movement} ${d.previousMrr} → ${d.mrr}`); // => ['a contraction 150 → 50']
 * who[1].contractionMrr; // => 100
 * ```
 * @category Revenue
 */
export function recurringRevenueSeries(
  input: RecurringRevenueSeriesInput,
  options: RecurringRevenueSeriesOptions,
): RecurringRevenueSeriesRow[] {
  const records = parse(METRIC, inputSchema, input).subscriptions;
  const policies = parseOptions(METRIC, optionsSchema, options);
  const first = parseMonth(policies.from);
  const last = parseMonth(policies.to);
  const lookback = policies.lookback ?? 12;
  // Months computed: from `from − lookback` (the earliest cohort month, before the first starting month)
  // to `to`, as offsets 0 … size − 1.
  const low = first - lookback;
  const sink = policies.details === true ? new DetailSink() : undefined;
  const window = { low, size: last - low + 1, lookback };
  const totals = seriesTotals(METRIC, records, policies, window, undefined, sink);
  return seriesPeriods(first, last, policies.period ?? 'month').map((span) => {
    const row = seriesRow(METRIC, totals, span, low, lookback);
    if (sink === undefined) return row;
    return { ...row, details: sink.entries(METRIC, totals.den, low, span.first - low, span.last - low) };
  });
}
