import * as z from 'zod/mini';
import { parseMonth } from '../internal/dates.js';
import { bulkArray, invalid, parse, parseOptions } from '../internal/parse.js';
import { type SegmentBy, segmentShape } from '../internal/segments.js';
import { seriesPeriods } from './_lib/seriesPeriods.js';
import { DetailSink } from './_lib/movementDetails.js';
import type { PeriodSpan } from './_lib/seriesPeriods.js';
import { segmentRow, seriesRow } from './_lib/seriesRows.js';
import { SegmentSplit } from './_lib/seriesSegments.js';
import { seriesWindowChecks, seriesWindowShape } from './_lib/seriesWindow.js';
import { seriesTotals } from './_lib/seriesTotals.js';
import {
  type SubscriptionRecord,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from './_lib/subscriptionSchema.js';
import type {
  RecurringRevenueSeriesInput,
  RecurringRevenueSeriesOptions,
  RecurringRevenueSeriesRow,
} from './recurringRevenueSeries.js';

const METRIC = 'segmentedRevenueSeries';

/** Input of {@link segmentedRevenueSeries}: subscription records, as for {@link recurringRevenueSeries}. */
export type SegmentedRevenueSeriesInput = RecurringRevenueSeriesInput;

/** Options of {@link segmentedRevenueSeries}: those of {@link recurringRevenueSeries} and the segments. */
export interface SegmentedRevenueSeriesOptions extends RecurringRevenueSeriesOptions {
  /**
   * The segment of each record: the name of one of its `attributes` (`'plan'`), or a function of the record
   * and its index returning a non-empty string.
   */
  readonly segmentBy: string | ((record: SubscriptionRecord, index: number) => string);
  /**
   * A record without the `segmentBy` attribute: `'error'` (default) refuses it; `'group'` counts it in the
   * segment `'(none)'`.
   */
  readonly missingSegment?: 'error' | 'group' | undefined;
}

/**
 * One period of a segment: the figures of {@link RecurringRevenueSeriesRow} measured inside the segment,
 * and the MRR that moved between segments. startingMrr + new + expansion + reactivation + entering −
 * contraction − churned − leaving + fxImpact = mrr.
 */
export interface SegmentedRevenueSeriesRow extends RecurringRevenueSeriesRow {
  /** MRR of customers who start paying in the segment while they paid (in any segment) the month before. */
  readonly enteringMrr: number;
  /** Previous in-segment MRR of customers whose MRR there falls to 0 while they still pay in another. */
  readonly leavingMrr: number;
  /** Customers entering the segment (summed over the row's months). */
  readonly enteringCustomers: number;
  /** Customers leaving the segment (summed over the row's months). */
  readonly leavingCustomers: number;
}

/** One segment of {@link segmentedRevenueSeries}. */
export interface RevenueSegment {
  /** The segment's key (`'(none)'` for records without the attribute under `missingSegment: 'group'`). */
  readonly segment: string;
  /** The segment's rows, one per row of `total` (same periods). */
  readonly rows: SegmentedRevenueSeriesRow[];
}

/** Result of {@link segmentedRevenueSeries}. */
export interface SegmentedRevenueSeriesResult {
  /** Exactly what {@link recurringRevenueSeries} returns for the same records and options. */
  readonly total: RecurringRevenueSeriesRow[];
  /** One entry per segment met in the records, by name (code-unit order), `'(none)'` last. */
  readonly segments: RevenueSegment[];
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ subscriptions: bulkArray<unknown>('an array of subscription records') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...subscriptionPolicyShape,
      ...seriesWindowShape,
      ...segmentShape,
      details: z.optional(z.boolean()),
    })
    .check(...subscriptionPolicyChecks, ...seriesWindowChecks))();

/**
 * Monthly Recurring Revenue (MRR) series by segment (plan, region, channel …): the series of
 * {@link recurringRevenueSeries} for all records, and the same rows inside each segment, with the MRR
 * entering and leaving it.
 *
 * @remarks
 * Each record belongs to one segment (`segmentBy`); a customer's MRR in a segment is the sum of its
 * records of that segment, so a customer with records in two segments counts in both, each with its part.
 * Within a segment, a customer's in-segment MRR is compared month by month as in the total, except that
 * moves between segments are not churn nor new business:
 * - 0 → c > 0 there while the customer paid (in any segment) the month before: **entering** c;
 * - p > 0 → 0 there while the customer still pays in another segment: **leaving** p;
 * - 0 → c > 0 while it paid nowhere the month before: **new**, or **reactivation** when it paid at the end
 *   of any earlier month (in any segment: the customer's history, as in the total);
 * - p > 0 → 0 while it pays nowhere: **churned** p, voluntary or delinquent as the customer's churn in the
 *   total;
 * - both above 0: expansion or contraction, at this month's rates, beside its FX impact (as in the total).
 * ChartMogul reports plan filters the same way: a customer moving from Plan A ($50) to Plan B ($30) is
 * $50 of "MRR Leaving Segment" in A and $30 of "MRR Entering Segment" in B, where the unfiltered chart
 * shows $20 of contraction. So each segment row reconciles exactly: startingMrr + new + expansion +
 * reactivation + entering − contraction − churned − leaving + fxImpact = mrr; the segments' MRR adds up to
 * the total's every month, and so do their new, reactivation and churned MRR (a customer who starts or
 * stops paying starts or stops in each of its segments).
 *
 * Per segment: `customers` = customers paying in the segment (one paying in two segments counts in each);
 * customerChurnRate = churned ÷ startingCustomers and revenueChurnRate = (churned + contraction) ÷
 * startingMrr, both in the segment, leaving apart (it is not lost to the company; ChartMogul shows it as a
 * row of its own); netRevenueChurnRate subtracts expansion and reactivation, not entering; ARPA = the
 * segment's MRR ÷ its customers; averageSalePrice = its newMrr ÷ its new customers; trials are the records
 * of the segment. Trailing NRR and GRR are in-segment: the customers paying in the segment in
 * `retentionFrom`, their MRR in the segment now ÷ their MRR there then (GRR capped per customer), so a
 * customer who moved to another segment counts 0 there, as it left. Quarters and years sum the months'
 * movements, as the total does.
 *
 * `total` is computed in the same pass and is exactly {@link recurringRevenueSeries} on the same records
 * and options. With `details: true`, the total's rows list who moved as that series does, and each segment's
 * rows list the movements inside the segment, `'entering'` and `'leaving'` included (per movement, Σ amount
 * = the segment row's figure exactly). Every record needs a segment, counting or not.
 *
 * Unit: as {@link recurringRevenueSeries}: money per month in the target currency; counts; fractions.
 *
 * Source: ChartMogul, "Chart Data" (MRR Entering Segment and MRR Leaving Segment under a plan filter: Plan
 * A $50 → Plan B $30 is $50 leaving A) and "Plan filters" (the `is one of` filter works on subscriptions,
 * not customers); the movements as for {@link recurringRevenueSeries}.
 *
 * @param input - `{ subscriptions }`: records as for {@link recurringRevenueSeries}, with `attributes` when
 * `segmentBy` names one.
 * @param options - `{ from, to, segmentBy, missingSegment = 'error', … }` and every option of
 * {@link recurringRevenueSeries}.
 * @throws {@link MetricError} `INVALID_INPUT` as {@link recurringRevenueSeries}, and when `segmentBy` is
 * missing or neither a non-empty string nor a function (`['segmentBy']`), a record lacks the attribute
 * (`['subscriptions', 3, 'attributes', 'plan']`, unless `missingSegment: 'group'`) or has it empty, or the
 * function throws or returns anything but a non-empty string (`['subscriptions', 3]`).
 * @example
 * ```ts
 * const { total, segments } = segmentedRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'a', amount: 50, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'A' } },
 *       { customerId: 'a', amount: 30, start: '2024-02-01', attributes: { plan: 'B' } },
 *       { customerId: 'b', amount: 100, start: '2024-01-01', end: '2024-02-10', attributes: { plan: 'A' } },
 *     ],
 *   },
 *   { from: '2024-01', to: '2024-02', segmentBy: 'plan', lookback: 1 },
 * );
 * total.map((row) => row.mrr); // => [150, 30]
 * total[1].contractionMrr; // => 20
 * total[1].churnedMrr; // => 100
 * segments.map((entry) => entry.segment); // => ['A', 'B']
 * segments[0].rows[1].leavingMrr; // => 50
 * segments[0].rows[1].churnedMrr; // => 100
 * segments[1].rows[1].enteringMrr; // => 30
 * segments[1].rows[1].newMrr; // => 0
 * const moves = segmentedRevenueSeries(
 *   {
 *     subscriptions: [
 *       { customerId: 'a', amount: 50, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'A' } },
 *       { customerId: 'a', amount: 30, start: '2024-02-01', attributes: { plan: 'B' } },
 *     ],
 *   },
 *   { from: '2024-02', to: '2024-02', segmentBy: 'plan', lookback: 1, details: true },
 * );
 * moves.total[0].details?.map((d) => `${d.customerId} ${d.movement} ${d.amount}`); // => ['a contraction 20']
 * moves.segments[0].rows[0].details?.map((d) => `${d.customerId} ${d.movement} ${d.amount}`); // => ['a leaving 50']
 * moves.segments[1].rows[0].details?.map((d) => `${d.customerId} ${d.movement} ${d.amount}`); // => ['a entering 30']
 * ```
 * @category Revenue
 */
export function segmentedRevenueSeries(
  input: SegmentedRevenueSeriesInput,
  options: SegmentedRevenueSeriesOptions,
): SegmentedRevenueSeriesResult {
  const records = parse(METRIC, inputSchema, input).subscriptions;
  const policies = parseOptions(METRIC, optionsSchema, options);
  if (policies.segmentBy === undefined) {
    invalid(METRIC, ['segmentBy'], 'is required: an attribute name or a function of the record', 'options');
  }
  const first = parseMonth(policies.from);
  const last = parseMonth(policies.to);
  const lookback = policies.lookback ?? 12;
  const low = first - lookback;
  const size = last - low + 1;
  const by = policies.segmentBy as SegmentBy<never>;
  const split = new SegmentSplit(METRIC, by, policies.missingSegment, size);
  const sink = policies.details === true ? new DetailSink() : undefined;
  const totals = seriesTotals(METRIC, records, policies, { low, size, lookback }, split, sink);
  const spans = seriesPeriods(first, last, policies.period ?? 'month');
  // With details, each row lists its months' entries: the total's (segment −1) or the segment's.
  const withDetails = <Row>(row: Row, span: PeriodSpan, segment: number): Row =>
    sink === undefined
      ? row
      : { ...row, details: sink.entries(METRIC, totals.den, low, span.first - low, span.last - low, segment) };
  return {
    total: spans.map((span) => withDetails(seriesRow(METRIC, totals, span, low, lookback), span, -1)),
    segments: split.ids.order().map((s) => ({
      segment: split.ids.names[s] as string,
      rows: spans.map((span) =>
        withDetails(segmentRow(METRIC, split.totals[s] as (typeof split.totals)[number], span, low, lookback), span, s),
      ),
    })),
  };
}
