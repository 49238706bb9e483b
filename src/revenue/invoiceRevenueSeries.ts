import * as z from 'zod/mini';
import { parseMonth } from '../internal/dates.js';
import { addInt, type Int, shiftInt } from '../internal/exact/integer.js';
import type { DecimalSum } from '../internal/exact/scaled.js';
import { ratioResult } from '../internal/exact/result.js';
import { bulkArray, parse, parseOptions } from '../internal/parse.js';
import type { ExchangeRates } from './_lib/exchangeRates.js';
import type { InvoiceLine } from './_lib/invoiceLineSchema.js';
import { invoiceTotals, type UsagePolicy } from './_lib/invoiceTotals.js';
import { type SeriesPeriod, seriesPeriods } from './_lib/seriesPeriods.js';
import { DetailSink } from './_lib/movementDetails.js';
import { seriesRow } from './_lib/seriesRows.js';
import { seriesWindowChecks, seriesWindowShape } from './_lib/seriesWindow.js';
import {
  type LineRounding,
  pricePolicyShape,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from './_lib/subscriptionSchema.js';
import type { RecurringRevenueSeriesRow } from './recurringRevenueSeries.js';

export type { FullPeriod, InvoiceLine, InvoiceLineKind } from './_lib/invoiceLineSchema.js';
export type { UsagePolicy } from './_lib/invoiceTotals.js';

const METRIC = 'invoiceRevenueSeries';

/** Input of {@link invoiceRevenueSeries}. */
export interface InvoiceRevenueSeriesInput {
  /**
   * Invoice lines: `{ customerId, amount, tax?, currency?, kind?, periodStart, periodEnd, fullPeriod?,
   * invoicedAt?, attributes? }`. Pass every line whose service period reaches into the lookback window:
   * reactivation and the trailing retention look back.
   */
  readonly lines: ArrayLike<InvoiceLine>;
}

/** Options of {@link invoiceRevenueSeries}. */
export interface InvoiceRevenueSeriesOptions {
  /** First month of the series, `YYYY-MM`. */
  readonly from: string;
  /** Last month of the series, `YYYY-MM` (included; at most 1200 months after `from`). */
  readonly to: string;
  /** Months between the cohort and the month of the trailing retention figures. Default 12 (1 to 1200). */
  readonly lookback?: number | undefined;
  /** One row per calendar month (the default), quarter or year (UTC), as {@link recurringRevenueSeries}. */
  readonly period?: SeriesPeriod | undefined;
  /**
   * Usage lines in MRR: `'exclude'` (default, as Stripe and Lago), `'invoice-month'` (their net amount
   * counts in the month they were invoiced in, as Chargebee) or `'service-period'` (spread over their
   * service period like a recurring line).
   */
  readonly usage?: UsagePolicy | undefined;
  /**
   * The currency of the result (ISO 4217). Lines without a `currency` are in it; without it, a line
   * without a `currency` is refused when another line names one.
   */
  readonly currency?: string | undefined;
  /**
   * Rates to the target `currency`, as {@link recurringRevenueSeries}: fixed (`{ EUR: '1.08' }` means 1 EUR
   * is worth 1.08 of it), dated tables (`{ EUR: [{ from: '2024-01-01', rate: '1.08' }, …] }`) or a function
   * `(currency, date) => rate`.
   */
  readonly exchangeRates?: ExchangeRates | undefined;
  /**
   * Which day's dated rate converts a line's MRR: `'month-end'` (default) each month's last day (a change of
   * rate is `fxImpactMrr`), `'record-start'` its `periodStart` day. Revenue invoiced (`usageRevenue`,
   * `oneOffRevenue`, usage in MRR under `'invoice-month'`) is converted at its `invoicedAt` day's rate.
   */
  readonly rateDate?: 'month-end' | 'record-start' | undefined;
  /** Round each line's monthly amount (ChartMogul rounds each line's MRR to cents). Default: exact. */
  readonly rounding?: LineRounding | undefined;
  /** Adds to each row `details`, who moved, as {@link recurringRevenueSeries} does. Default false. */
  readonly details?: boolean | undefined;
}

/** One period of {@link invoiceRevenueSeries}: the series row, and the revenue invoiced outside MRR. */
export interface InvoiceRevenueSeriesRow extends RecurringRevenueSeriesRow {
  /** amount − tax of the usage lines invoiced in the row's months (whatever the usage policy). */
  readonly usageRevenue: number;
  /** amount − tax of the one-off lines invoiced in the row's months (never MRR). */
  readonly oneOffRevenue: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ lines: bulkArray<unknown>('an array of invoice lines') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...seriesWindowShape,
      usage: z.optional(z.enum(['exclude', 'invoice-month', 'service-period'])),
      currency: subscriptionPolicyShape.currency,
      exchangeRates: subscriptionPolicyShape.exchangeRates,
      rateDate: subscriptionPolicyShape.rateDate,
      rounding: pricePolicyShape.rounding,
      details: z.optional(z.boolean()),
    })
    .check(...subscriptionPolicyChecks, ...seriesWindowChecks))();

/** The exact sum of monthly revenue over the offsets `a … b`, as the nearest number. */
function revenueOver(sums: readonly DecimalSum[], a: number, b: number): number {
  let scale = 2;
  for (let m = a; m <= b; m++) scale = Math.max(scale, (sums[m] as DecimalSum).scale);
  let total: Int = 0;
  for (let m = a; m <= b; m++) {
    const sum = sums[m] as DecimalSum;
    total = addInt(total, shiftInt(sum.total, scale - sum.scale));
  }
  return ratioResult(METRIC, total, shiftInt(1, scale), 'a revenue figure');
}

/**
 * Monthly Recurring Revenue (MRR) series from invoice lines: per month (or quarter, or year) the rows of
 * {@link recurringRevenueSeries}, plus the usage and one-off revenue invoiced.
 *
 * @remarks
 * A line counts in month M when its service period `[periodStart, periodEnd)` holds the end of M, that is
 * `periodStart < first instant of M + 1 ≤ periodEnd` (half-open, as the `start` and `end` of subscription
 * records): a monthly line from 15 January to 15 February counts in January, the next one in February.
 *
 * A recurring line's MRR is (amount − tax) spread over its service period in months (ChartMogul: MRR =
 * (amount − tax) × subscription_duration_ratio × prorate_factor):
 * - a period of whole calendar months (15 January → 15 April is 3; the end's day may be clamped to its
 *   month's end, 31 January → 29 February is 1, and month-end to month-end is whole) is that many months;
 * - any other period is days × 12/365 months (the library's day; 36.5 days is 1.2 months);
 * - with `fullPeriod` (the line's billing interval, `{ interval, intervalCount? }`), a line whose period is
 *   at most the full period ending at `periodEnd` is prorated: its amount is scaled to the full period's
 *   price by full length ÷ actual length (ChartMogul's prorate factor = full period ÷ prorated period), and
 *   that price is made monthly by the interval's length in months (a year 12, a quarter 3, a week 12/52, a
 *   day 12/365 of a month, as {@link monthlyAmount}); $25 for 16 March → 1 April on a monthly plan is
 *   25 × 31/16 = $48.4375 of MRR. A line longer than its full period is spread as without `fullPeriod`.
 *
 * Usage lines (`kind: 'usage'`) under `usage`: `'exclude'` (default) leaves them out of MRR, as Stripe's
 * and Lago's MRR; `'invoice-month'` adds their amount − tax to the MRR of the month they were invoiced in,
 * as Chargebee's MRR with metered charges ($20 base for February + $30 of January usage, invoiced on
 * 5 February → $50 in February); `'service-period'` spreads them over their service period like a
 * recurring line. `invoicedAt` defaults to `periodEnd` for usage (billed in arrears) and to `periodStart`
 * otherwise. One-off lines never enter MRR. `usageRevenue` and `oneOffRevenue` are the amount − tax of the
 * usage and one-off lines invoiced in the row's months, whatever the policy.
 *
 * From the monthly MRR of each customer (its lines summed), the rows are those of
 * {@link recurringRevenueSeries}: movements (new, expansion, contraction, churned, reactivation; a row
 * reconciles exactly in the exact values), churn rates, ARPA, average sale price and the trailing NRR and
 * GRR over `lookback` months; quarters and years sum their months' movements. Invoices carry no trials:
 * `trialsStarted` and `trialsConverted` are 0. A line whose monthly amount is 0 (a free line, or one fully
 * taxed) does not make its customer a paying customer.
 *
 * Exact: amounts are exact decimals, every monthly amount an exact rational (over one common denominator),
 * every total an exact integer, each figure converted to the nearest number once; lengths use the
 * millisecond an instant falls in.
 *
 * Currencies as {@link recurringRevenueSeries}: a line is in its `currency`, or in the target `currency`
 * when it names none; lines in several currencies need `exchangeRates` (fixed, dated tables or a function).
 * With dated rates and `rateDate: 'month-end'` (default), a line's MRR (a recurring line, or usage spread
 * over its service period) is valued in each month at the rate in force on the month's last day, so a change
 * of rate is `fxImpactMrr`, never expansion or contraction, and startingMrr + new + expansion + reactivation −
 * contraction − churned + fxImpactMrr = mrr exactly (as ChartMogul's Exchange Rate Impact); under
 * `'record-start'` a line keeps the rate in force on its `periodStart` day and fxImpactMrr is 0. Revenue
 * invoiced (`usageRevenue`, `oneOffRevenue`, and usage counted in MRR under `'invoice-month'`) is converted
 * at the rate in force on the line's `invoicedAt` day, the rate of the invoice. Only the days the window
 * needs are looked up (a rate function is called at most once per currency and day).
 *
 * Unit: money per month (arr per year; usageRevenue and oneOffRevenue per row) in the target currency;
 * counts; fractions for the rates.
 *
 * Source: ChartMogul, "How MRR is calculated from prorated invoices" (formula and prorate factor) and
 * "Adding prorated invoices" (the $25 for 16–31 March example); Chargebee, "How is metered billing
 * calculated in MRR?" ($20 base + $30 usage); Stripe, "Billing metric definitions" (MRR excludes taxes and
 * metered usage); Lago, "MRR" (fixed charges only).
 *
 * @param input - `{ lines }`: invoice lines.
 * @param options - `{ from, to, lookback = 12, period = 'month', usage = 'exclude', currency?,
 * exchangeRates?, rateDate = 'month-end', rounding? }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a line is invalid (the issue names it, such as
 * `['lines', 3, 'tax']` for a tax above its amount and `['lines', 3, 'periodEnd']` for a period ending
 * before it starts), lines mix currencies without rates, a line without a currency sits beside one that
 * names a currency and no target `currency` is given, `from` or `to` is not `YYYY-MM`, `to` is before
 * `from` or 1200 months or more after it, `lookback` is not an integer from 1 to 1200, `period` is not
 * `'month'`, `'quarter'` or `'year'`, `usage` is not a policy (`['usage']`), no rate is in force on a day a
 * line needs (`['exchangeRates', 'EUR']`, naming the day and the line, such as `lines[3]`), a rate function
 * throws or returns anything but a positive decimal, or an option is invalid.
 * @example
 * ```ts
 * const lines = [
 *   { customerId: 'a', amount: 120, tax: 20, periodStart: '2024-01-15', periodEnd: '2024-02-15' },
 *   { customerId: 'a', amount: 120, tax: 20, periodStart: '2024-02-15', periodEnd: '2024-03-15' },
 *   { customerId: 'a', amount: 30, kind: 'usage', periodStart: '2024-01-15', periodEnd: '2024-02-15' },
 *   { customerId: 'b', amount: 900, periodStart: '2024-01-01', periodEnd: '2024-04-01' },
 *   { customerId: 'b', amount: 50, kind: 'one-off', periodStart: '2024-01-01', periodEnd: '2024-01-01' },
 * ];
 * const rows = invoiceRevenueSeries({ lines }, { from: '2024-01', to: '2024-03', lookback: 1 });
 * rows.map((row) => row.mrr); // => [400, 400, 300]
 * rows.map((row) => row.usageRevenue); // => [0, 30, 0]
 * rows.map((row) => row.oneOffRevenue); // => [50, 0, 0]
 * rows[2].churnedMrr; // => 100
 * const who = invoiceRevenueSeries({ lines }, { from: '2024-03', to: '2024-03', lookback: 1, details: true });
 * who[0].details?.map((d) => `${d.customerId} ${d.movement} ${d.amount} ${d.churnReason}`); // => ['a churned 100 voluntary']
 * const chargebee = invoiceRevenueSeries({ lines }, { from: '2024-01', to: '2024-03', usage: 'invoice-month' });
 * chargebee.map((row) => row.mrr); // => [400, 430, 300]
 * const prorated = invoiceRevenueSeries(
 *   {
 *     lines: [
 *       { customerId: 'c', amount: 25, periodStart: '2016-03-16', periodEnd: '2016-04-01', fullPeriod: { interval: 'month' } },
 *     ],
 *   },
 *   { from: '2016-03', to: '2016-03' },
 * );
 * prorated[0].mrr; // => 48.4375
 * const fx = invoiceRevenueSeries(
 *   {
 *     lines: [
 *       { customerId: 'eu', amount: 200, currency: 'EUR', periodStart: '2024-01-01', periodEnd: '2024-03-01' },
 *       { customerId: 'eu', amount: 40, currency: 'EUR', kind: 'usage', periodStart: '2024-01-01', periodEnd: '2024-02-01', invoicedAt: '2024-02-20' },
 *     ],
 *   },
 *   {
 *     from: '2024-01',
 *     to: '2024-02',
 *     currency: 'USD',
 *     exchangeRates: { EUR: [{ from: '2024-01-01', rate: '1.10' }, { from: '2024-02-15', rate: '1.05' }] },
 *   },
 * );
 * fx.map((row) => row.mrr); // => [110, 105]
 * fx[1].fxImpactMrr; // => -5
 * fx[1].contractionMrr; // => 0
 * fx[1].usageRevenue; // => 42
 * ```
 * @category Revenue
 */
export function invoiceRevenueSeries(
  input: InvoiceRevenueSeriesInput,
  options: InvoiceRevenueSeriesOptions,
): InvoiceRevenueSeriesRow[] {
  const lines = parse(METRIC, inputSchema, input).lines;
  const policies = parseOptions(METRIC, optionsSchema, options);
  const first = parseMonth(policies.from);
  const last = parseMonth(policies.to);
  const lookback = policies.lookback ?? 12;
  // Months computed: from `from − lookback` (the earliest cohort month) to `to`, as offsets 0 … size − 1.
  const low = first - lookback;
  const sink = policies.details === true ? new DetailSink() : undefined;
  const window = { low, size: last - low + 1, lookback };
  const { totals, usage, oneOff } = invoiceTotals(METRIC, lines, policies, window, sink);
  return seriesPeriods(first, last, policies.period ?? 'month').map((span) => {
    const a = span.first - low;
    const b = span.last - low;
    const row = {
      ...seriesRow(METRIC, totals, span, low, lookback),
      usageRevenue: revenueOver(usage, a, b),
      oneOffRevenue: revenueOver(oneOff, a, b),
    };
    return sink === undefined ? row : { ...row, details: sink.entries(METRIC, totals.den, low, a, b) };
  });
}
