import * as z from 'zod/mini';
import { toEpoch } from '../internal/dates.js';
import { type CustomerLifetime, type Lifetimes, lifetimesField, withLifetimes } from '../internal/lifetimes.js';
import { noData, parse, parseOptions } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import {
  checkSegmentOptions,
  segmentCollector,
  type Segmented,
  type SegmentedOptions,
  segmentedShape,
  segmentEntries,
} from '../internal/segmented.js';

const METRIC = 'customerChurn';

export type { CustomerLifetime } from '../internal/lifetimes.js';
export type { MissingSegment, SegmentBy } from '../internal/segments.js';
export type { SegmentEntry, Segmented } from '../internal/segmented.js';

/** Input of {@link customerChurn}. */
export interface CustomerChurnInput {
  /** One lifetime per customer, `{ id, start, end? }`; ids are unique. An array of any length. */
  readonly customers: readonly CustomerLifetime[];
  /** The period measured, half-open `[from, to)`: dates (ISO strings, `Date`s or epoch ms), `to` after `from`. */
  readonly period: {
    /** Start of the period, included. */
    readonly from: string | Date | number;
    /** End of the period, excluded; after `from`. */
    readonly to: string | Date | number;
  };
}

/** How {@link customerChurn} counts customers who joined during the period. */
export type NewCustomerChurn = 'include' | 'exclude' | 'both';

/** Options of {@link customerChurn}. */
export interface CustomerChurnOptions {
  /**
   * Whether customers who joined during the period and left in it count as lost: `'include'` (default, the
   * source documents' rule), `'exclude'` (ChartMogul's B2B rule), or `'both'` (Stripe's rule: they count as
   * lost, and every new customer joins the churn rate's denominator).
   */
  readonly newCustomerChurn?: NewCustomerChurn;
}

/**
 * Options of {@link customerChurn} broken down by segment: `segmentBy` (an attribute name, read from each
 * customer's `attributes`, or a function of the customer), `missingSegment`, and `minimumSegmentSize`
 * (customers at the start; default 30).
 */
export interface CustomerChurnSegmentOptions extends CustomerChurnOptions, SegmentedOptions<CustomerLifetime> {}

/** Result of {@link customerChurn}: counts of customers and two rates (fractions). */
export interface CustomerChurnResult {
  /** Customers active at `from` (started before it, ending after it). */
  readonly customersAtStart: number;
  /** Customers at start who left by `to`, plus, under `'include'` and `'both'`, new customers who left by `to`. */
  readonly customersLost: number;
  /** Customers whose lifetime started inside `[from, to)`. */
  readonly newCustomers: number;
  /** Customers active at `to` who started before it: customersAtStart − lost of them + new − lost of new. */
  readonly customersAtEnd: number;
  /** Customers at start still active at `to`. */
  readonly customersRetained: number;
  /** New customers who also left by `to` (counted in `customersLost` under `'include'` and `'both'`). */
  readonly newCustomersLost: number;
  /**
   * customersLost ÷ customersAtStart (under `'include'` it can exceed 1); under `'both'`, customersLost ÷
   * (customersAtStart + newCustomers), never above 1.
   */
  readonly churnRate: number;
  /** customersRetained ÷ customersAtStart, in [0, 1], under every rule. */
  readonly retentionRate: number;
}

const periodSchema = /* @__PURE__ */ (() =>
  z.strictObject({ from: date, to: date }).check(
    z.refine((p) => toEpoch(p.to) > toEpoch(p.from), {
      error: 'must be after from',
      path: ['to'],
      when: (payload) => payload.issues.length === 0,
    }),
  ))();

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: lifetimesField, period: periodSchema }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ newCustomerChurn: z.optional(z.enum(['include', 'exclude', 'both'])), ...segmentedShape }))();

/**
 * The default `minimumSegmentSize`: 30 customers at the start, the customary smallest sample for a proportion
 * read with the normal approximation (the central limit theorem's rule of thumb); below it one lost customer
 * moves a segment's churn rate by more than 3 points.
 */
const MINIMUM_SEGMENT_SIZE = 30;

/**
 * Customer churn over a period, counted from customer lifetimes: customers at start, lost, new, at end, and
 * the churn and retention rates.
 *
 * @remarks
 * A lifetime is half-open, `[start, end)`: the customer is active at instant t when start ≤ t < end (no end:
 * still active). The period is half-open too, `[from, to)`, so consecutive periods share no instant and the
 * customers at the end of one period are exactly the customers at the start of the next.
 *
 * - customers at start: active at `from` and started before it (start < from < end);
 * - new customers: started inside the period (from ≤ start < to), so a customer starting exactly at `from`
 *   is new, not a customer at start, and one starting exactly at `to` belongs to the next period;
 * - lost: a customer at start whose end falls in (from, to]; a new customer who also ended by `to` is lost
 *   under `'include'` and `'both'`, and left out under `'exclude'`;
 * - customers at end: active at `to` and started before it (start < to < end), so that
 *   at end = at start − lost of them + new − lost of new;
 * - churn rate = lost ÷ customers at start, except under `'both'`: lost ÷ (customers at start + new
 *   customers), so that everyone who could have left during the period is in the base and the rate never
 *   exceeds 1;
 * - retention rate = (customers at start still active at `to`) ÷ customers at start, whatever the rule: new
 *   customers are never in it. Under `'exclude'`, churn + retention = 1; under `'include'` the churn rate can
 *   exceed 1 when more new customers leave than there were customers at the start.
 *
 * A zero-length lifetime (end = start) is never active: it counts nowhere, not even as a new customer.
 *
 * Policies: `newCustomerChurn: 'include'` (default) follows the source documents (doc 001: new customers are
 * left out of the base, but those who churned in the period count as churn); `'exclude'` follows ChartMogul's
 * B2B formula, which leaves out customers who both joined and churned in the period; `'both'` follows
 * Stripe's subscriber churn rate, which counts new subscribers who churned and puts every new subscriber in
 * the denominator (100 at the start, 5 new, 11 lost: 11 ÷ 105).
 *
 * Dates are ISO strings (`2024-03-15`, a date alone being midnight UTC; `2024-03-15T10:00:00Z`; a date-time
 * without an offset is read as UTC), `Date`s or epoch milliseconds. Rates are one correctly rounded division
 * of two integers.
 *
 * Segments: with `segmentBy` (an attribute name, read from each customer's `attributes`, or a function
 * `(customer, index) => string`) the result is `{ total, segments: [{ segment, size, result, smallSample }] }`:
 * `total` is exactly the call without `segmentBy`, each `result` is the call on the segment's customers
 * alone (`null` when none of them is active at `from`, the segment still listed), `size` is the segment's
 * customers at the start, and `smallSample` flags a size below `minimumSegmentSize` (default 30, the
 * customary smallest sample for a proportion: below it one lost customer moves the rate by over 3 points).
 * Segments are listed by name, `'(none)'` (customers without the attribute, under `missingSegment: 'group'`)
 * last.
 *
 * Unit: customers (counts); the rates are fractions of the customers at start.
 *
 * Source: doc 001 (`docs/sources.md` rows 6 and 8); ChartMogul, "Customer Churn Rate" (100 customers at
 * the start, 11 cancel, one of whom joined that month: 10 %); Stripe, "Billing metric definitions"
 * (subscriber churn rate).
 *
 * @param input - `{ customers: [{ id, start, end?, attributes? }], period: { from, to } }`. `end` may be
 * absent or `null`; `attributes` is a plain object of strings (`{ plan: 'pro' }`).
 * @param options - `{ newCustomerChurn = 'include', segmentBy?, missingSegment = 'error', minimumSegmentSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `customers` is not an array, a record is not
 * `{ id, start, end? }` with a non-empty string or safe integer id and valid dates (`issues[0].path` names it:
 * `['customers', 7, 'end']`), an end is before its start, an id repeats (the later record is named), `to` is
 * not after `from`, a key of the input or the options is unknown (`options has unknown key …` at the path
 * `[]`), or `newCustomerChurn` is not `'include'`, `'exclude'` or `'both'`; with `segmentBy`, when a
 * customer lacks the attribute (`['customers', 3, 'attributes', 'plan']`, unless `missingSegment: 'group'`)
 * or the function throws or returns anything but a non-empty string (`['customers', 3]`);
 * `missingSegment` or `minimumSegmentSize` without `segmentBy`.
 * @throws {@link MetricError} `NO_DATA` when no customer is active at `from` (under every rule: the retention
 * rate is a fraction of them); with `segmentBy`, only when the total has none.
 * @example
 * ```ts
 * const customers = [
 *   { id: 'a', start: '2023-11-01' },
 *   { id: 'b', start: '2024-01-10' },
 *   { id: 'c', start: '2024-02-01', end: '2024-03-20' },
 *   { id: 'd', start: '2024-02-15' },
 *   { id: 'e', start: '2024-03-05', end: '2024-03-25' },
 *   { id: 'f', start: '2024-03-10' },
 * ];
 * const march = { from: '2024-03-01', to: '2024-04-01' };
 * const result = customerChurn({ customers, period: march });
 * result.customersAtStart; // => 4
 * result.newCustomers; // => 2
 * result.customersLost; // => 2
 * result.customersAtEnd; // => 4
 * result.churnRate; // => 0.5
 * result.retentionRate; // => 0.75
 * customerChurn({ customers, period: march }, { newCustomerChurn: 'exclude' }).churnRate; // => 0.25
 * customerChurn({ customers, period: march }, { newCustomerChurn: 'both' }).churnRate; // ≈ 0.3333
 *
 * const byPlan = customerChurn(
 *   {
 *     customers: [
 *       { id: 'a', start: '2023-11-01', attributes: { plan: 'pro' } },
 *       { id: 'b', start: '2024-01-10', end: '2024-03-15', attributes: { plan: 'basic' } },
 *       { id: 'c', start: '2024-02-01', attributes: { plan: 'basic' } },
 *       { id: 'd', start: '2024-03-10', attributes: { plan: 'trial' } },
 *     ],
 *     period: march,
 *   },
 *   { segmentBy: 'plan' },
 * );
 * byPlan.total.churnRate; // ≈ 0.3333
 * byPlan.segments.map((entry) => [entry.segment, entry.size, entry.result?.churnRate ?? null]); // => [['basic', 2, 0.5], ['pro', 1, 0], ['trial', 0, null]]
 * byPlan.segments[0].smallSample; // => true
 * ```
 * @category Retention
 */
export function customerChurn(
  input: CustomerChurnInput,
  options: CustomerChurnSegmentOptions,
): Segmented<CustomerChurnResult>;
export function customerChurn(input: CustomerChurnInput, options?: CustomerChurnOptions): CustomerChurnResult;
export function customerChurn(
  input: CustomerChurnInput,
  options?: CustomerChurnOptions | CustomerChurnSegmentOptions,
): CustomerChurnResult | Segmented<CustomerChurnResult> {
  const { customers, period } = parse(METRIC, inputSchema, input);
  const parsed = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, parsed);
  const rule = parsed.newCustomerChurn ?? 'include';
  const from = toEpoch(period.from);
  const to = toEpoch(period.to);
  const collector = segmentCollector(METRIC, 'customers', customers.length, parsed);
  return withLifetimes(
    METRIC,
    customers,
    ['customers'],
    (lifetimes) => {
      if (collector === undefined) return rates(count(lifetimes, from, to), rule);
      const { ids, segmentOf } = collector.groups();
      const counts = countBySegment(lifetimes, from, to, segmentOf, ids.names.length);
      const total = rates(counts.reduce(addCounts, NO_COUNTS), rule);
      const minimum = parsed.minimumSegmentSize ?? MINIMUM_SEGMENT_SIZE;
      const segments = segmentEntries(
        ids,
        minimum,
        (s) => (counts[s] as Counts).atStart,
        (s) => rates(counts[s] as Counts, rule),
      );
      return { total, segments };
    },
    collector,
  );
}

/** What the rates are made of: customers at the start and new, and the lost of each. */
interface Counts {
  readonly atStart: number;
  readonly lostOfStart: number;
  readonly newCustomers: number;
  readonly lostOfNew: number;
}

const NO_COUNTS: Counts = { atStart: 0, lostOfStart: 0, newCustomers: 0, lostOfNew: 0 };

function addCounts(a: Counts, b: Counts): Counts {
  return {
    atStart: a.atStart + b.atStart,
    lostOfStart: a.lostOfStart + b.lostOfStart,
    newCustomers: a.newCustomers + b.newCustomers,
    lostOfNew: a.lostOfNew + b.lostOfNew,
  };
}

/** The counts of each segment, in one pass: the flags of each customer added to its segment's slots. */
function countBySegment(
  lifetimes: Lifetimes,
  from: number,
  to: number,
  segmentOf: Int32Array,
  segments: number,
): Counts[] {
  const { start, end } = lifetimes;
  const slots = new Float64Array(4 * segments);
  for (let i = 0; i < lifetimes.count; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    const endsInPeriod = +(e <= to);
    const ofStart = +(s < from) & +(e > from);
    const isNew = +(s >= from) & +(s < to) & +(e > s);
    const at = 4 * (segmentOf[i] as number);
    slots[at] = (slots[at] as number) + ofStart;
    slots[at + 1] = (slots[at + 1] as number) + (ofStart & endsInPeriod);
    slots[at + 2] = (slots[at + 2] as number) + isNew;
    slots[at + 3] = (slots[at + 3] as number) + (isNew & endsInPeriod);
  }
  const counts: Counts[] = [];
  for (let at = 0; at < slots.length; at += 4) {
    counts.push({
      atStart: slots[at] as number,
      lostOfStart: slots[at + 1] as number,
      newCustomers: slots[at + 2] as number,
      lostOfNew: slots[at + 3] as number,
    });
  }
  return counts;
}

/** The counts over checked lifetimes. */
function count(lifetimes: Lifetimes, from: number, to: number): Counts {
  const { start, end } = lifetimes;
  let atStart = 0;
  let lostOfStart = 0;
  let newCustomers = 0;
  let lostOfNew = 0;
  // Without branches (each comparison is 0 or 1): on a million random lifetimes, mispredicted branches would
  // cost more than the counting itself.
  for (let i = 0; i < lifetimes.count; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    const endsInPeriod = +(e <= to);
    const ofStart = +(s < from) & +(e > from);
    atStart += ofStart;
    lostOfStart += ofStart & endsInPeriod;
    const isNew = +(s >= from) & +(s < to) & +(e > s);
    newCustomers += isNew;
    lostOfNew += isNew & endsInPeriod;
  }
  return { atStart, lostOfStart, newCustomers, lostOfNew };
}

/** The result of counts; `NO_DATA` when no customer was active at the start. */
function rates(counts: Counts, rule: NewCustomerChurn): CustomerChurnResult {
  const { atStart, lostOfStart, newCustomers, lostOfNew } = counts;
  if (atStart === 0) noData(METRIC, ['customers'], 'has no customer active at period.from');
  const customersLost = rule === 'exclude' ? lostOfStart : lostOfStart + lostOfNew;
  const customersRetained = atStart - lostOfStart;
  const churnBase = rule === 'both' ? atStart + newCustomers : atStart;
  return {
    customersAtStart: atStart,
    customersLost,
    newCustomers,
    customersAtEnd: customersRetained + newCustomers - lostOfNew,
    customersRetained,
    newCustomersLost: lostOfNew,
    // Each rate is one division of two exact integers: correctly rounded.
    churnRate: customersLost / churnBase,
    retentionRate: customersRetained / atStart,
  };
}
