import * as z from 'zod/mini';
import type { DateInput } from '../internal/dates.js';
import { bulkArray, noData, parse, parseOptions } from '../internal/parse.js';
import { date, month } from '../internal/schemas.js';
import { cohortRows } from './_lib/cohortRows.js';
import { type CohortLayout, cohortTotals, earliestFirstPaid } from './_lib/cohortTotals.js';
import { firstMonth, lastMonth, PERIOD_MONTHS, tooEarly } from './_lib/cohortWindow.js';
import type { SeriesPeriod } from './_lib/seriesPeriods.js';
import { keep } from './_lib/seriesTotals.js';
import {
  type SubscriptionPolicies,
  type SubscriptionRecord,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from './_lib/subscriptionSchema.js';

const METRIC = 'revenueCohorts';

/** Input of {@link revenueCohorts}. */
export interface RevenueCohortsInput {
  /**
   * Subscription records with their spans, as for `recurringRevenueSeries`: `{ customerId, amount,
   * currency?, interval?, intervalCount?, quantity?, discount?, start?, end?, status?, trialStart?,
   * pastDueSince?, endReason?, cancelAt?, attributes? }`. Pass every record of the customers, the earliest
   * included: a customer's cohort is its first paid month.
   */
  readonly subscriptions: ArrayLike<SubscriptionRecord>;
}

/** Options of {@link revenueCohorts}: the series' policies, and the months of the table. */
export interface RevenueCohortsOptions extends SubscriptionPolicies {
  /**
   * The date of the data: the table ends with the last month that has ended by `asOf` (`asOf:
   * '2024-04-01'` and `'2024-04-15'` both end it with March). Give `asOf` or `to`, not both.
   */
  readonly asOf?: DateInput | undefined;
  /** The last month of the table, `YYYY-MM` (included). Give `asOf` or `to`, not both. */
  readonly to?: string | undefined;
  /**
   * The first cohort, `YYYY-MM`: customers who first paid before the period holding it are left out.
   * Default: the oldest first payment (at most 1200 months before the last month).
   */
  readonly from?: string | undefined;
  /** Cohorts and steps by calendar month (default), quarter or year (UTC). */
  readonly period?: SeriesPeriod | undefined;
}

/** One cohort: the customers whose first paid month falls in the same period. Money is per month. */
export interface RevenueCohort {
  /** The cohort's period: `2024-03`, `2024-Q1` or `2024`. */
  readonly cohort: string;
  /** Customers in the cohort. */
  readonly customers: number;
  /** Σ each customer's MRR at the end of its first paid month: the cohort's new MRR. */
  readonly startingMrr: number;
  /** `mrr[k]`: the cohort's MRR at the end of period k (0 is its own period). */
  readonly mrr: number[];
  /** `mrr[k] ÷ startingMrr`: net MRR retention (may exceed 1). */
  readonly netRetention: number[];
  /** As netRetention with each customer capped at its starting MRR: gross MRR retention (≤ 1). */
  readonly grossRetention: number[];
  /** Customers of the cohort paying at the end of period k. */
  readonly activeCustomers: number[];
  /** Σ of the cohort's month-end MRR over every month from its period's first to period k's last. */
  readonly cumulativeRevenue: number[];
  /** `cumulativeRevenue[k] ÷ customers`: realized lifetime value per customer. */
  readonly realizedValuePerCustomer: number[];
}

/** Result of {@link revenueCohorts}. */
export interface RevenueCohortsResult {
  /** Cohorts with at least one customer, oldest first; younger cohorts have shorter arrays. */
  readonly cohorts: RevenueCohort[];
  /** Over the cohorts that reached each period k. */
  readonly average: {
    /** Σ mrr[k] ÷ Σ startingMrr: cohorts weighted by starting MRR. */
    readonly netRetention: number[];
    /** The same with each customer capped at its starting MRR. */
    readonly grossRetention: number[];
    /** Σ cumulativeRevenue[k] ÷ Σ customers: cohorts weighted by size. */
    readonly realizedValuePerCustomer: number[];
  };
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ subscriptions: bulkArray<unknown>('an array of subscription records') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...subscriptionPolicyShape,
      asOf: z.optional(date),
      to: z.optional(month),
      from: z.optional(month),
      period: z.optional(z.enum(['month', 'quarter', 'year'])),
    })
    .check(
      ...subscriptionPolicyChecks,
      z.refine<{ asOf?: unknown; to?: unknown }>((options) => options.asOf !== undefined || options.to !== undefined, {
        error: 'is required (or options.to): the table ends with the last month ended by it',
        path: ['asOf'],
        when: (p) => p.issues.length === 0,
      }),
      z.refine<{ asOf?: unknown; to?: unknown }>((options) => options.asOf === undefined || options.to === undefined, {
        error: 'must not be given with options.asOf: give one of them',
        path: ['to'],
        when: (p) => p.issues.length === 0,
      }),
    ))();

/**
 * Revenue cohorts: net and gross MRR retention, active customers, cumulative revenue and realized value
 * per customer (realized LTV) of the customers grouped by the month of their first payment.
 *
 * @remarks
 * Each customer's MRR at the end of each month is exactly what {@link recurringRevenueSeries} counts for
 * it under the same policies (statuses, trials, past-due grace, discounts, factors, rounding, currencies,
 * fixed or dated exchange rates at each month end or at each record's start). So, month by month, the
 * cohorts' MRR adds up to the series' MRR over the customers of the table.
 *
 * A customer's **cohort** is the month of its first payment: the first month at whose end it pays (its
 * MRR is above 0), as the series' "new" movement dates it. Period k of a cohort is the k-th month after it
 * (0 is its own). A customer who churns and comes back stays in its original cohort, and its reactivated
 * MRR counts there again (ChartMogul's cohorts follow customers from their first subscription; expansion
 * and reactivation raise net retention).
 * - startingMrr = Σ each customer's MRR at the end of its first paid month (ChartMogul's "Cohort Value",
 *   the cohort's New Business MRR); `mrr[k]` = the cohort's MRR at the end of period k.
 * - netRetention[k] = mrr[k] ÷ startingMrr ($1 000 start, $100 churned and $200 expansion: 1.10, Chargebee's
 *   MRR Retention Cohort); grossRetention[k] = Σ min(customer's MRR at k, its starting MRR) ÷ startingMrr,
 *   so gross ≤ net and gross ≤ 1.
 * - activeCustomers[k] = the cohort's customers paying at the end of period k.
 * - cumulativeRevenue[k] = Σ of the cohort's month-end MRR over months 0 … k, the revenue the cohort
 *   brought so far; realizedValuePerCustomer[k] = cumulativeRevenue[k] ÷ customers (RevenueCat's "Realized
 *   LTV per Customer": the revenue a cohort generated to date divided by its customers, a curve that only
 *   rises).
 * - average: over the cohorts that have reached period k, netRetention = Σ mrr[k] ÷ Σ startingMrr and
 *   grossRetention likewise (cohorts weighted by starting MRR), realizedValuePerCustomer = Σ
 *   cumulativeRevenue[k] ÷ Σ customers (weighted by size). A cohort that fell to 0 still counts, with 0;
 *   a cohort too young to have reached period k does not.
 *
 * The table ends with `to`, or with the last month ended by `asOf` (as {@link cohortRetention}, periods
 * that end after `asOf` are not reported): younger cohorts have shorter arrays, never zeros for the
 * future, and customers who first pay after the last month are left out. It starts with the period of
 * `from` (customers who first paid before it are left out) or the oldest first payment, at most 1200
 * months before the last month; without `from`, a paying record without `start` is refused, having no
 * first payment month.
 *
 * By quarter or year (`period`): a cohort is the customers whose first paid month falls in the same
 * calendar quarter (year); period k is the k-th quarter (year) after it, and only periods complete by the
 * last month are reported (a cohort whose own period is not complete is listed with empty arrays).
 * `mrr[k]` and the retentions are measured at the end of period k's last month, against the same
 * startingMrr (each customer's first paid month), so netRetention[0] may differ from 1 when a customer
 * churned or grew within the cohort's own period; cumulativeRevenue[k] sums the month-end MRR of every
 * month up to period k's end.
 *
 * Exact: the series' exact monthly amounts over one common denominator; every sum is an exact integer and
 * each figure is the nearest double to its exact value, never NaN.
 *
 * Unit: money per month in the target currency (cumulativeRevenue and realizedValuePerCustomer: money);
 * fractions for the retentions; customers.
 *
 * Source: ChartMogul, "Cohort: Net MRR Retention" (customers grouped by the interval of their first
 * subscription; MRR of each later interval against the cohort's starting MRR) and "Cohort analysis";
 * Chargebee, "What is MRR Retention Cohort?" (Σ MRR in a month ÷ Σ MRR of the activation month: $1 000
 * start, $100 churned, $200 upgrades → 110 %); RevenueCat, "Realized LTV per Customer" chart.
 *
 * @param input - `{ subscriptions }`: records as for {@link recurringRevenueSeries}.
 * @param options - `{ asOf | to, from?, period = 'month' }` and the policies of
 * {@link recurringRevenueSeries} (`countTrialing`, `countPaused`, `countPastDue`, `pastDueGraceDays`,
 * `discounts`, `weeklyFactor`, `dailyFactor`, `rounding`, `currency`, `exchangeRates`, `rateDate`).
 * @throws {@link MetricError} `INVALID_INPUT` when a record is invalid (as for
 * {@link recurringRevenueSeries}, the issue names it: `['subscriptions', 3, 'pastDueSince']`), neither
 * `asOf` nor `to` is given (`['asOf']`) or both are (`['to']`), `asOf` is not a date, `to` or `from` is not
 * `YYYY-MM`, `from` is after the last month or 1200 months or more before it (`['from']`), a paying record
 * has no `start` without `from` (`['subscriptions', 3, 'start']`) or a first payment is 1200 months or more
 * before the last month without `from` (`['from']`), `period` is not `'month'`, `'quarter'` or `'year'`, no
 * exchange rate is in force at a month end a record needs, or another option is invalid; `NO_DATA` when no
 * customer first paid from the first month to the last (`['subscriptions']`).
 * @example
 * ```ts
 * const { cohorts, average } = revenueCohorts(
 *   {
 *     subscriptions: [
 *       { customerId: 'a', amount: 500, start: '2024-01-05', end: '2024-02-10' },
 *       { customerId: 'a', amount: 700, start: '2024-02-10' },
 *       { customerId: 'b', amount: 400, start: '2024-01-20' },
 *       { customerId: 'c', amount: 100, start: '2024-01-15', end: '2024-02-01' },
 *       { customerId: 'd', amount: 300, start: '2024-02-03', end: '2024-03-01' },
 *     ],
 *   },
 *   { to: '2024-03' },
 * );
 * cohorts[0].cohort; // => '2024-01'
 * cohorts[0].startingMrr; // => 1000
 * cohorts[0].mrr; // => [1000, 1100, 1100]
 * cohorts[0].netRetention; // => [1, 1.1, 1.1]
 * cohorts[0].grossRetention; // => [1, 0.9, 0.9]
 * cohorts[0].activeCustomers; // => [3, 2, 2]
 * cohorts[0].cumulativeRevenue; // => [1000, 2100, 3200]
 * cohorts[0].realizedValuePerCustomer; // ≈ [333.33, 700, 1066.67]
 * cohorts[1]; // => { cohort: '2024-02', customers: 1, startingMrr: 300, mrr: [300, 0], netRetention: [1, 0], grossRetention: [1, 0], activeCustomers: [1, 0], cumulativeRevenue: [300, 300], realizedValuePerCustomer: [300, 300] }
 * average.netRetention; // ≈ [1, 0.8462, 1.1]
 * average.realizedValuePerCustomer; // ≈ [325, 600, 1066.67]
 * ```
 * @category Revenue
 */
export function revenueCohorts(input: RevenueCohortsInput, options: RevenueCohortsOptions): RevenueCohortsResult {
  const records = parse(METRIC, inputSchema, input).subscriptions;
  const policies = parseOptions(METRIC, optionsSchema, options);
  const period = policies.period ?? 'month';
  const length = PERIOD_MONTHS[period];
  const last = lastMonth(policies);
  const low = firstMonth(METRIC, policies, last, length);
  const layout: CohortLayout = { low, size: last - low + 1, length };
  const window = { low, size: layout.size, lookback: 1 };
  const trials = { started: new Float64Array(window.size), converted: new Float64Array(window.size) };
  const kept = keep(METRIC, records, policies, window, trials);
  if (policies.from === undefined) {
    const earliest = earliestFirstPaid(kept, last);
    if (earliest < low) tooEarly(METRIC, records, policies, earliest);
  }
  const totals = cohortTotals(kept, layout);
  if (totals === undefined) {
    noData(METRIC, ['subscriptions'], 'has no customer whose first payment falls in the months of the table');
  }
  return cohortRows(METRIC, totals, layout, period);
}
