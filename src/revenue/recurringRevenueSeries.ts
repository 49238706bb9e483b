import * as z from 'zod/mini';
import { finiteResult } from '../internal/result.js';
import { formatMonth, monthOf, parseMonth } from '../internal/dates.js';
import { gcd, gcdBig, IntegerSums, MAX_SAFE, rationalToNumber } from '../internal/money.js';
import { bulkArray, parse, parseOptions } from '../internal/parse.js';
import { month } from '../internal/schemas.js';
import {
  STATUS_CANCELED,
  type SubscriptionPolicies,
  type SubscriptionRecord,
  SubscriptionReader,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
} from '../internal/subscriptions.js';

const METRIC = 'recurringRevenueSeries';

/** The longest series (and lookback) accepted: 100 years of months. */
const MAX_MONTHS = 1200;

/** Input of {@link recurringRevenueSeries}. */
export interface RecurringRevenueSeriesInput {
  /**
   * Subscription records with their spans: `{ customerId, amount, currency?, interval?, intervalCount?,
   * quantity?, discount?, start?, end?, status? }`. Pass every record that was paying in or before the
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
}

/** One month of {@link recurringRevenueSeries}. Money is per month, in the target currency. */
export interface RecurringRevenueSeriesRow {
  /** The month, `YYYY-MM`. */
  readonly month: string;
  /** MRR at the end of the month's last day. */
  readonly mrr: number;
  /** 12 × mrr. */
  readonly arr: number;
  /** Paying customers (MRR above 0) at the end of the month. */
  readonly customers: number;
  /** MRR at the end of the previous month. */
  readonly startingMrr: number;
  /** Paying customers at the end of the previous month. */
  readonly startingCustomers: number;
  /** MRR of customers who pay for the first time. */
  readonly newMrr: number;
  /** Increases of customers who paid in the previous month and still pay. */
  readonly expansionMrr: number;
  /** Decreases of customers who paid in the previous month and still pay (a positive amount). */
  readonly contractionMrr: number;
  /** Previous MRR of customers who stopped paying (a positive amount). */
  readonly churnedMrr: number;
  /** MRR of customers who paid in some earlier month, stopped, and pay again. */
  readonly reactivationMrr: number;
  /** mrr − startingMrr = new + expansion + reactivation − contraction − churned. */
  readonly netNewMrr: number;
  /** Customers who pay for the first time. */
  readonly newCustomers: number;
  /** Customers who came back. */
  readonly reactivatedCustomers: number;
  /** Customers who stopped paying. */
  readonly churnedCustomers: number;
  /** churnedCustomers ÷ startingCustomers; null when there were no customers at the start. */
  readonly customerChurnRate: number | null;
  /** Gross revenue churn: (churnedMrr + contractionMrr) ÷ startingMrr; null when startingMrr is 0. */
  readonly revenueChurnRate: number | null;
  /**
   * Net revenue churn: (churned + contraction − expansion − reactivation) ÷ startingMrr; may be negative;
   * null when startingMrr is 0.
   */
  readonly netRevenueChurnRate: number | null;
  /** mrr ÷ customers; null when there are no customers. */
  readonly averageRevenuePerAccount: number | null;
  /** The cohort month of the trailing retention figures: `lookback` months before `month`. */
  readonly retentionFrom: string;
  /**
   * Trailing Net Revenue Retention: this month's MRR of the customers who paid in `retentionFrom`, ÷ their
   * MRR then. Null when nobody paid in `retentionFrom` (not enough history).
   */
  readonly netRevenueRetention: number | null;
  /** Trailing Gross Revenue Retention: as NRR with each customer capped at its MRR in `retentionFrom`. */
  readonly grossRevenueRetention: number | null;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ subscriptions: bulkArray<unknown>('an array of subscription records') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      ...subscriptionPolicyShape,
      from: month,
      to: month,
      lookback: z.optional(z.int().check(z.gte(1), z.lte(MAX_MONTHS))),
    })
    .check(
      ...subscriptionPolicyChecks,
      z.refine((options) => parseMonth(options.to) >= parseMonth(options.from), {
        error: 'must not be before from',
        path: ['to'],
        when: (p) => p.issues.length === 0,
      }),
      z.refine((options) => parseMonth(options.to) - parseMonth(options.from) < MAX_MONTHS, {
        error: `must be less than ${MAX_MONTHS} months after from`,
        path: ['to'],
        when: (p) => p.issues.length === 0,
      }),
    ))();

/** Monthly totals of the series, exact integers in units of 1/D of the currency. */
class Totals {
  readonly mrr: IntegerSums;
  readonly gained: IntegerSums;
  readonly expansion: IntegerSums;
  readonly contraction: IntegerSums;
  readonly churned: IntegerSums;
  readonly reactivation: IntegerSums;
  readonly retained: IntegerSums;
  readonly capped: IntegerSums;
  readonly customers: Float64Array;
  readonly newCustomers: Float64Array;
  readonly reactivated: Float64Array;
  readonly lost: Float64Array;

  constructor(size: number) {
    this.mrr = new IntegerSums(size);
    this.gained = new IntegerSums(size);
    this.expansion = new IntegerSums(size);
    this.contraction = new IntegerSums(size);
    this.churned = new IntegerSums(size);
    this.reactivation = new IntegerSums(size);
    this.retained = new IntegerSums(size);
    this.capped = new IntegerSums(size);
    this.customers = new Float64Array(size);
    this.newCustomers = new Float64Array(size);
    this.reactivated = new Float64Array(size);
    this.lost = new Float64Array(size);
  }
}

/**
 * Monthly Recurring Revenue (MRR) series from subscription records: per month MRR, ARR, movements, churn
 * rates, ARPA and trailing NRR/GRR.
 *
 * @remarks
 * For each month M from `from` to `to` (both included), MRR is measured at the end of M's last day: a record
 * counts in M when it is active at that instant, that is `start < first instant of M + 1 ≤ end` (spans are
 * half-open, `[start, end)`; a subscription ending on `2024-02-01` counts in January, one ending on
 * `2024-01-31` does not). Stripe and Recurly report a month's MRR the same way, at month end.
 * Records count under the same policies as {@link monthlyRecurringRevenue} (statuses, discounts, weekly
 * and daily factors, per-line rounding, currencies); a `'canceled'` record counts within its span and never
 * without an `end`.
 *
 * Customer grain: each customer's records are summed, then each customer's MRR in M is compared with M − 1:
 * - 0 → c > 0: **reactivation** if the customer had MRR above 0 at the end of any earlier month (data before
 *   `from` included), otherwise **new**;
 * - p → c, both above 0: **expansion** c − p or **contraction** p − c;
 * - p > 0 → 0: **churned** p.
 * So every row reconciles exactly: startingMrr + new + expansion + reactivation − contraction − churned =
 * mrr. The first row's starting point is the month before `from`, computed from the records.
 *
 * Rates per row: customerChurnRate = churnedCustomers ÷ startingCustomers; revenueChurnRate (gross) =
 * (churned + contraction) ÷ startingMrr; netRevenueChurnRate = (churned + contraction − expansion −
 * reactivation) ÷ startingMrr (ChartMogul's standard formulas); averageRevenuePerAccount = mrr ÷ customers.
 * Trailing retention over `lookback` months (default 12): the cohort is the customers paying at the end of
 * `retentionFrom` = M − lookback; NRR = their MRR in M ÷ their MRR in `retentionFrom`, GRR the same with each
 * customer capped at its `retentionFrom` MRR (ChartMogul's net and gross MRR retention). A rate whose base
 * is empty (no customers or no MRR at the start, nobody paying in `retentionFrom`: not enough history) is
 * `null`, never NaN.
 *
 * Exact: monthly amounts are exact rationals over one common denominator, every total is an exact integer
 * (in doubles while safe, BigInt beyond), and each figure is converted to the nearest number once.
 *
 * Unit: money per month (arr per year) in the target currency; counts; fractions for the rates.
 *
 * Source: ChartMogul, "MRR movements", "Net MRR Churn Rate", "Gross MRR Churn Rate", "Net MRR Retention";
 * Stripe, "Billing metric definitions" (month-end MRR, reactivation); the source documents
 * (`docs/sources.md` rows 22, 23, 26).
 *
 * @param input - `{ subscriptions }`: records as for {@link monthlyRecurringRevenue}, with their `start`
 * and `end`.
 * @param options - `{ from, to, lookback = 12, countTrialing = false, countPaused = false, countPastDue =
 * true, discounts = 'apply', weeklyFactor = '52/12', dailyFactor = '365/12', rounding?, currency?,
 * exchangeRates? }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a record is invalid (the issue names it, as for
 * {@link monthlyRecurringRevenue}), records mix currencies without rates, `from` or `to` is not `YYYY-MM`,
 * `to` is before `from` or 1200 months or more after it, `lookback` is not an integer from 1 to 1200, or
 * an option is invalid.
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
  const size = last - low + 1;

  // Pass 1: validate every record, keep the ones that count in some month, with their monthly amounts.
  const reader = new SubscriptionReader(METRIC, 'subscriptions', policies);
  const length = records.length;
  const customerOf = new Int32Array(length);
  const firstMonth = new Float64Array(length);
  const lastMonth = new Float64Array(length);
  const nums = new Float64Array(length);
  const dens = new Float64Array(length);
  // Amounts whose numerator or denominator is beyond 2^53 (rare: huge or very precise amounts).
  const bigNums = new Map<number, bigint>();
  const bigDens = new Map<number, bigint>();
  const customerIndex = new Map<string, number>();
  const firstPaid: number[] = [];
  let kept = 0;
  let commonDen = 1;
  for (let i = 0; i < length; i++) {
    if (!reader.read(records[i], i)) continue;
    const end = reader.end;
    if (reader.status === STATUS_CANCELED && end === Number.POSITIVE_INFINITY) continue;
    if (reader.big ? reader.bigNum === 0n : reader.num === 0) continue;
    // Months at whose end the record is active: from the month of its start to the month before its end.
    const a = reader.start === Number.NEGATIVE_INFINITY ? Number.NEGATIVE_INFINITY : monthOf(reader.start);
    const b = end === Number.POSITIVE_INFINITY ? end : monthOf(end) - 1;
    if (a > b) continue;
    let customer = customerIndex.get(reader.customerId);
    if (customer === undefined) {
      customer = firstPaid.length;
      customerIndex.set(reader.customerId, customer);
      firstPaid.push(a);
    } else if (a < (firstPaid[customer] as number)) firstPaid[customer] = a;
    // Only records active within the computed months matter from here on; the others set firstPaid only.
    if (b < low || a > last) continue;
    customerOf[kept] = customer;
    firstMonth[kept] = a < low ? 0 : a - low;
    lastMonth[kept] = b > last ? size - 1 : b - low;
    let den = reader.den;
    if (reader.big) {
      bigNums.set(kept, reader.bigNum);
      if (reader.bigDen <= BigInt(MAX_SAFE)) den = Number(reader.bigDen);
      else {
        bigDens.set(kept, reader.bigDen);
        den = 1;
      }
    } else nums[kept] = reader.num;
    dens[kept] = den;
    if (den !== commonDen && commonDen <= MAX_SAFE) commonDen = lcm(commonDen, den);
    kept++;
  }

  // Pass 2: every kept record as an integer number of units of 1/den, the common denominator; BigInt where
  // needed (then all in BigInt when the common denominator itself is beyond 2^53).
  let bigDen: bigint | undefined;
  if (bigDens.size > 0 || !(commonDen <= MAX_SAFE)) {
    const distinct = new Set<bigint>(bigDens.values());
    for (let k = 0; k < kept; k++) if (!bigDens.has(k)) distinct.add(BigInt(dens[k] as number));
    bigDen = 1n;
    for (const d of distinct) bigDen = (bigDen / gcdBig(bigDen, d)) * d;
  }
  const units = new Float64Array(kept);
  const bigUnits = new Map<number, bigint>();
  for (let k = 0; k < kept; k++) {
    const bigNum = bigNums.size > 0 ? bigNums.get(k) : undefined;
    if (bigDen === undefined) {
      const scale = commonDen / (dens[k] as number);
      if (bigNum === undefined) {
        const value = (nums[k] as number) * scale;
        if (value <= MAX_SAFE) {
          units[k] = value;
          continue;
        }
        bigUnits.set(k, BigInt(nums[k] as number) * BigInt(scale));
      } else bigUnits.set(k, bigNum * BigInt(scale));
    } else {
      const n = bigNum ?? BigInt(nums[k] as number);
      const d = bigDens.get(k) ?? BigInt(dens[k] as number);
      bigUnits.set(k, n * (bigDen / d));
    }
  }

  // Group the kept records by customer (a counting sort).
  const customerCount = firstPaid.length;
  const offsets = new Int32Array(customerCount + 1);
  for (let k = 0; k < kept; k++) {
    const slot = (customerOf[k] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let c = 0; c < customerCount; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const order = new Int32Array(kept);
  const fill = offsets.slice(0, customerCount);
  for (let k = 0; k < kept; k++) {
    const c = customerOf[k] as number;
    order[fill[c] as number] = k;
    fill[c] = (fill[c] as number) + 1;
  }

  // Pass 3: each customer's MRR month by month, its movements and its part of the trailing retention.
  const totals = new Totals(size);
  const values = new Float64Array(size + 1);
  const steps = new Float64Array(size + 1);
  for (let c = 0; c < customerCount; c++) {
    const begin = offsets[c] as number;
    const end = offsets[c + 1] as number;
    if (begin === end) continue;
    let small = true;
    let total = 0;
    let from = size;
    let to = -1;
    for (let j = begin; j < end; j++) {
      const k = order[j] as number;
      if (bigUnits.size > 0 && bigUnits.has(k)) small = false;
      total += units[k] as number;
      const a = firstMonth[k] as number;
      const b = lastMonth[k] as number;
      if (a < from) from = a;
      if (b > to) to = b;
    }
    const paidBefore = (firstPaid[c] as number) - low;
    if (small && total <= MAX_SAFE) {
      // A running sum of this customer's amounts never exceeds their total: every step is exact.
      for (let j = begin; j < end; j++) {
        const k = order[j] as number;
        const u = units[k] as number;
        steps[firstMonth[k] as number] = (steps[firstMonth[k] as number] as number) + u;
        steps[(lastMonth[k] as number) + 1] = (steps[(lastMonth[k] as number) + 1] as number) - u;
      }
      let running = 0;
      for (let m = from; m <= to; m++) {
        running += steps[m] as number;
        steps[m] = 0;
        values[m] = running;
      }
      steps[to + 1] = 0;
      sweep(totals, values, from, Math.min(size - 1, to + 1), lookback, paidBefore);
      values.fill(0, from, to + 1);
    } else {
      const big = new Array<bigint>(size + 1).fill(0n);
      for (let j = begin; j < end; j++) {
        const k = order[j] as number;
        const u = bigUnits.get(k) ?? BigInt(units[k] as number);
        for (let m = firstMonth[k] as number; m <= (lastMonth[k] as number); m++) big[m] = (big[m] as bigint) + u;
      }
      sweepBig(totals, big, from, Math.min(size - 1, to + 1), lookback, paidBefore);
    }
  }
  return rows(totals, bigDen ?? commonDen, low, size, lookback);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/**
 * Adds one customer's months `from … to` to the totals. `values[m]` is its MRR at offset m (0 outside its
 * span), `paidBefore` the offset of the first month it ever paid (may be negative or −Infinity).
 */
function sweep(
  totals: Totals,
  values: Float64Array,
  from: number,
  to: number,
  lookback: number,
  paidBefore: number,
): void {
  for (let m = from; m <= to; m++) {
    const current = values[m] as number;
    if (current > 0) {
      totals.mrr.add(m, current);
      totals.customers[m] = (totals.customers[m] as number) + 1;
    }
    if (m < lookback) continue;
    const previous = values[m - 1] as number;
    if (current !== previous) {
      if (previous === 0) {
        if (paidBefore < m - 1) {
          totals.reactivation.add(m, current);
          totals.reactivated[m] = (totals.reactivated[m] as number) + 1;
        } else {
          totals.gained.add(m, current);
          totals.newCustomers[m] = (totals.newCustomers[m] as number) + 1;
        }
      } else if (current === 0) {
        totals.churned.add(m, previous);
        totals.lost[m] = (totals.lost[m] as number) + 1;
      } else if (current > previous) totals.expansion.add(m, current - previous);
      else totals.contraction.add(m, previous - current);
    }
    const base = values[m - lookback] as number;
    if (base > 0 && current > 0) {
      totals.retained.add(m, current);
      totals.capped.add(m, Math.min(current, base));
    }
  }
}

/** {@link sweep} for a customer whose amounts need BigInt. */
function sweepBig(
  totals: Totals,
  values: bigint[],
  from: number,
  to: number,
  lookback: number,
  paidBefore: number,
): void {
  for (let m = from; m <= to; m++) {
    const current = values[m] as bigint;
    if (current > 0n) {
      totals.mrr.addBig(m, current);
      totals.customers[m] = (totals.customers[m] as number) + 1;
    }
    if (m < lookback) continue;
    const previous = values[m - 1] as bigint;
    if (current !== previous) {
      if (previous === 0n) {
        if (paidBefore < m - 1) {
          totals.reactivation.addBig(m, current);
          totals.reactivated[m] = (totals.reactivated[m] as number) + 1;
        } else {
          totals.gained.addBig(m, current);
          totals.newCustomers[m] = (totals.newCustomers[m] as number) + 1;
        }
      } else if (current === 0n) {
        totals.churned.addBig(m, previous);
        totals.lost[m] = (totals.lost[m] as number) + 1;
      } else if (current > previous) totals.expansion.addBig(m, current - previous);
      else totals.contraction.addBig(m, previous - current);
    }
    const base = values[m - lookback] as bigint;
    if (base > 0n && current > 0n) {
      totals.retained.addBig(m, current);
      // biome-ignore lint/complexity/useMathMinMax: Math.min does not take BigInts.
      totals.capped.addBig(m, current < base ? current : base);
    }
  }
}

type Integer = number | bigint;

function plus(a: Integer, b: Integer): Integer {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a + b) <= MAX_SAFE) return a + b;
  return BigInt(a) + BigInt(b);
}

function times(a: Integer, b: Integer): Integer {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a * b) <= MAX_SAFE) return a * b;
  return BigInt(a) * BigInt(b);
}

function negate(a: Integer): Integer {
  return typeof a === 'number' ? -a : -a;
}

function isZero(a: Integer): boolean {
  return a === 0 || a === 0n;
}

/** The rows of the series from the monthly totals (units of 1/den). */
function rows(
  totals: Totals,
  den: number | bigint,
  low: number,
  size: number,
  lookback: number,
): RecurringRevenueSeriesRow[] {
  const money = (value: Integer) => finiteResult(METRIC, rationalToNumber(value, den), 'an MRR figure');
  const result: RecurringRevenueSeriesRow[] = [];
  for (let m = lookback; m < size; m++) {
    const mrr = totals.mrr.get(m);
    const starting = totals.mrr.get(m - 1);
    const base = totals.mrr.get(m - lookback);
    const gained = totals.gained.get(m);
    const expansion = totals.expansion.get(m);
    const contraction = totals.contraction.get(m);
    const churned = totals.churned.get(m);
    const reactivation = totals.reactivation.get(m);
    const customers = totals.customers[m] as number;
    const startingCustomers = totals.customers[m - 1] as number;
    const lostCustomers = totals.lost[m] as number;
    const lost = plus(churned, contraction);
    result.push({
      month: formatMonth(low + m),
      mrr: money(mrr),
      arr: money(times(mrr, 12)),
      customers,
      startingMrr: money(starting),
      startingCustomers,
      newMrr: money(gained),
      expansionMrr: money(expansion),
      contractionMrr: money(contraction),
      churnedMrr: money(churned),
      reactivationMrr: money(reactivation),
      netNewMrr: money(plus(mrr, negate(starting))),
      newCustomers: totals.newCustomers[m] as number,
      reactivatedCustomers: totals.reactivated[m] as number,
      churnedCustomers: lostCustomers,
      customerChurnRate: startingCustomers === 0 ? null : lostCustomers / startingCustomers,
      revenueChurnRate: isZero(starting) ? null : rationalToNumber(lost, starting),
      netRevenueChurnRate: isZero(starting)
        ? null
        : rationalToNumber(plus(lost, negate(plus(expansion, reactivation))), starting),
      averageRevenuePerAccount:
        customers === 0
          ? null
          : finiteResult(METRIC, rationalToNumber(mrr, times(den, customers)), 'averageRevenuePerAccount'),
      retentionFrom: formatMonth(low + m - lookback),
      netRevenueRetention: isZero(base) ? null : rationalToNumber(totals.retained.get(m), base),
      grossRevenueRetention: isZero(base) ? null : rationalToNumber(totals.capped.get(m), base),
    });
  }
  return result;
}
