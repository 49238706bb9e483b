// Subscription records and their policies: the record schema (the single source of truth for what is
// valid; `subscriptionReader.ts` holds the fast check that mirrors it) and the option schemas shared by
// the revenue metrics.
import * as z from 'zod/mini';
import { type DateInput, toEpoch } from '../../internal/dates.js';
import { multiplyInt } from '../../internal/exact/integer.js';
import { compareScaled, DecimalReader } from '../../internal/exact/scaled.js';
import type { Schema } from '../../internal/parse.js';
import { period } from '../../internal/periods.js';
import { count, date, fraction, nonNegativeMoney, positiveCount } from '../../internal/schemas.js';
import { type ExchangeRates, exchangeRatesSchema, isIdentityFor } from './exchangeRates.js';

/** A billing interval. */
export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The state of a subscription over the span a record describes. */
export type SubscriptionStatus = 'active' | 'trialing' | 'past_due' | 'paused' | 'canceled';

/** A discount per billing interval: a fraction of the price (`0.1` is 10 % off) or an amount off. */
export type Discount =
  | {
      /**
       * Share of the price's `amount × quantity` taken off: a fraction from 0 to 1 (`0.1` is 10 % off), a
       * number or decimal string.
       */
      readonly percent: number | string;
    }
  | {
      /**
       * Money taken off the price's `amount × quantity` per billing interval, in the price's currency (≥ 0,
       * at most `amount × quantity`): a number or decimal string.
       */
      readonly amount: number | string;
    };

/** A recurring price. */
export interface Price {
  /** Price of one unit per billing interval (money, ≥ 0). */
  readonly amount: number | string;
  /** Billing interval. Default `'month'`. */
  readonly interval?: BillingInterval | undefined;
  /** Number of intervals per billing period (`{ interval: 'month', intervalCount: 3 }` bills quarterly). Default 1. */
  readonly intervalCount?: number | undefined;
  /** Number of units (seats). Default 1. */
  readonly quantity?: number | undefined;
  /**
   * Discount per billing interval on `amount × quantity`: `{ percent }`, a fraction from 0 to 1 (`0.1` is
   * 10 % off, as every rate in the library), or `{ amount }`, money off, at most `amount × quantity`.
   */
  readonly discount?: Discount | undefined;
}

/**
 * One subscription record: a price paid by a customer over the span `[start, end)` in one status. A plan
 * change is one record ending and another starting at the same instant.
 */
export interface SubscriptionRecord extends Price {
  /** The customer (account) the subscription belongs to; several records of one customer are summed. */
  readonly customerId: string;
  /**
   * ISO 4217 code of `amount` (and of a discount amount), such as `'USD'`. Absent: the target
   * `options.currency`; without a target, every record must lack it or every record must have it.
   */
  readonly currency?: string | undefined;
  /** When the subscription started paying (included). Absent: before any date of interest. */
  readonly start?: DateInput | undefined;
  /** When it stopped (excluded): a subscription is active at t when start ≤ t < end. Absent: still running. */
  readonly end?: DateInput | undefined;
  /**
   * When the customer's trial began (included), not after `start`, which it needs: the customer was on a
   * trial from `trialStart` until `start`, the first paid instant. A trial is not MRR before `start`. A
   * trial that never converted has an empty paid span (`end` equal to `start`) or a status that does not
   * count. Give it on the record the trial led to, once per trial (not on later plan changes).
   */
  readonly trialStart?: DateInput | undefined;
  /** Status over the record's span. Default `'active'`. */
  readonly status?: SubscriptionStatus | undefined;
  /**
   * When a cancellation already scheduled takes effect (not before `start`): the subscription is known to
   * stop paying then, as Stripe's `cancel_at`. Read by `committedRecurringRevenue`; the other metrics
   * ignore it (give the `end` once the cancellation has happened).
   */
  readonly cancelAt?: DateInput | undefined;
  /**
   * Segment keys of the record, such as `{ plan: 'pro', country: 'DE', channel: 'sales' }`: a plain object
   * whose values are strings. No metric reads them yet; they are validated and otherwise ignored.
   */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  /**
   * When the subscription became past due (its first failed payment), not before `start`; only on a record
   * whose `status` is `'past_due'`. With the policy `pastDueGraceDays`, the record stops counting that
   * many days later, a **delinquent** ending. Without it, or without this date, the record counts until
   * its `end` (as Stripe and ChartMogul count past-due subscriptions by default).
   */
  readonly pastDueSince?: DateInput | undefined;
  /**
   * Why the record ended, on a record with an `end`: `'voluntary'` (the default: the customer canceled)
   * or `'delinquent'` (the subscription was canceled for failed payments, as Stripe's `unpaid` or a
   * dunning cancellation). A customer whose MRR falls to 0 when such a record ends is delinquent churn.
   */
  readonly endReason?: 'voluntary' | 'delinquent' | undefined;
}

/** Per-line rounding of monthly amounts (to reproduce vendors that round each line to cents). */
export interface LineRounding {
  /** Decimal places, 0 to 10 (2 for cents). */
  readonly places: number;
  /** `'halfEven'` (default: ties to even, banker's rounding) or `'halfUp'` (ties away from zero). */
  readonly mode?: 'halfEven' | 'halfUp' | undefined;
}

/** How a price becomes a monthly amount. */
export interface PricePolicies {
  /**
   * Months per week: `'52/12'` (default: a year is 52 weeks, so a week is 12/52 of a month; the library's
   * period lengths), `'4.33'` (Paddle) or `'4'`.
   */
  readonly weeklyFactor?: '52/12' | '4.33' | '4' | undefined;
  /** Days per month: `'365/12'` (default, the library's period lengths) or `'30'` (Paddle, Recurly). */
  readonly dailyFactor?: '365/12' | '30' | undefined;
  /**
   * `'apply'` (default): discounts reduce MRR, as ChartMogul, Baremetrics and ProfitWell do. `'ignore'`:
   * list price, as Zuora's standard MRR and Paddle's MRR (discounts are still validated).
   */
  readonly discounts?: 'apply' | 'ignore' | undefined;
  /** Round each line's monthly amount. Default: no rounding (exact). */
  readonly rounding?: LineRounding | undefined;
}

/** Which records count, and in which currency. */
export interface SubscriptionPolicies extends PricePolicies {
  /** Whether `'trialing'` records count. Default `false` (Stripe and Chargebee leave trials out of MRR). */
  readonly countTrialing?: boolean | undefined;
  /**
   * Whether `'paused'` records count. Default `false`: a paused subscription bills nothing (ChartMogul takes
   * Recurly's paused subscriptions out of MRR; it keeps Stripe's, which it sees as past due: set `true`).
   */
  readonly countPaused?: boolean | undefined;
  /**
   * Whether `'past_due'` records count. Default `true` (Stripe and ChartMogul count past-due subscriptions
   * until they are canceled); to stop counting them some days after they fell past due, see
   * `pastDueGraceDays`.
   */
  readonly countPastDue?: boolean | undefined;
  /**
   * Days a past-due record keeps counting after its `pastDueSince` (an integer ≥ 0). Default: none, the
   * record counts until its `end`, as Stripe (past-due subscriptions are MRR until canceled or unpaid) and
   * ChartMogul (by default) count it. With a grace g, a counting `'past_due'` record with a `pastDueSince`
   * stops counting at pastDueSince + g days when that is before its `end`, and that ending is
   * **delinquent** churn: ChartMogul's option "automatically cancel subscriptions that are X days past due"
   * (1 to 90 days); PostHog drops a subscription read from revenue events 45 days after its last payment
   * by default (`subscriptionDropoffDays`); 30 days is the figure quoted for Baremetrics. A past-due record
   * without `pastDueSince` counts until its `end`; with `countPastDue: false` past-due records never count,
   * whatever the grace.
   */
  readonly pastDueGraceDays?: number | undefined;
  /**
   * The currency of the result (ISO 4217). Records without a `currency` are in it; without it, a record
   * without a `currency` is refused when another record names one.
   */
  readonly currency?: string | undefined;
  /**
   * Rates to the target `currency`: `{ EUR: '1.08' }` means 1 EUR is worth 1.08 of the target currency.
   * Needed (with `currency`) when records are in more than one currency; conversion is exact. A currency
   * may instead have dated rates, `{ EUR: [{ from: '2024-01-01', rate: '1.08' }, { from: '2024-02-01',
   * rate: '1.09' }] }`, each in force from its day (UTC) until the next (days strictly increasing), or the
   * option may be a function `(currency, date) => rate` (`date` a `YYYY-MM-DD` day), called at most once
   * per currency and day needed. Which day a dated rate is taken on: see `rateDate`.
   */
  readonly exchangeRates?: ExchangeRates | undefined;
  /**
   * Which day's rate converts a record in a currency with dated rates: `'month-end'` (default) the rate in
   * force on the day MRR is measured (each month's last day in a series, the day of `asOf` for MRR at an
   * instant), so a change of rate moves MRR (the series reports it as `fxImpactMrr`); `'record-start'` the
   * rate in force on the record's `start` day for the record's whole span, as ProfitWell freezes a
   * subscription at its start (a record in such a currency then needs a `start`). Fixed rates ignore it.
   */
  readonly rateDate?: 'month-end' | 'record-start' | undefined;
}

const CURRENCY = /^[A-Z]{3}$/;

/** An ISO 4217 currency code: three capital letters. */
export const currencyCode = /* @__PURE__ */ (() =>
  z.string().check(z.regex(CURRENCY, { error: 'must be a three-letter ISO 4217 code such as "USD"' })))();

/** Whether `discount` (an amount off) exceeds `amount × quantity`, exactly. */
function discountExceedsPrice(amount: number | string, quantity: number, discount: number | string): boolean {
  const reader = new DecimalReader();
  reader.read(amount);
  const price = multiplyInt(reader.int, quantity);
  const priceScale = reader.scale;
  reader.read(discount);
  return compareScaled(reader.int, reader.scale, price, priceScale) > 0;
}

const discountSchema = /* @__PURE__ */ (() =>
  z.union([z.strictObject({ percent: fraction }), z.strictObject({ amount: nonNegativeMoney })]))();

const priceShape = /* @__PURE__ */ (() => ({
  amount: nonNegativeMoney,
  interval: z.optional(period),
  intervalCount: z.optional(positiveCount),
  quantity: z.optional(count),
  discount: z.optional(discountSchema),
}))();

const discountRefine = /* @__PURE__ */ (() =>
  z.refine<{ amount: number | string; quantity?: number | undefined; discount?: Discount | undefined }>(
    (price) =>
      price.discount === undefined ||
      !('amount' in price.discount) ||
      !discountExceedsPrice(price.amount, price.quantity ?? 1, price.discount.amount),
    {
      error: 'must not exceed the price (amount × quantity)',
      path: ['discount', 'amount'],
      when: (p) => p.issues.length === 0,
    },
  ))();

/** The schema of a price (the input of `monthlyAmount`). */
export const priceSchema: Schema<Price> = /* @__PURE__ */ (() => z.strictObject(priceShape).check(discountRefine))();

/** The check that a record's date `field`, when given, is not before its `start` (when given). */
function notBeforeStart(field: 'end' | 'cancelAt' | 'pastDueSince') {
  return z.refine<SubscriptionRecord>(
    (record) =>
      record.start === undefined || record[field] === undefined || toEpoch(record[field]) >= toEpoch(record.start),
    { error: 'must not be before start', path: [field], when: (p) => p.issues.length === 0 },
  );
}

/** The schema of one subscription record. */
export const subscriptionSchema: Schema<SubscriptionRecord> = /* @__PURE__ */ (() =>
  z
    .strictObject({
      customerId: z.string().check(z.minLength(1)),
      ...priceShape,
      currency: z.optional(currencyCode),
      start: z.optional(date),
      end: z.optional(date),
      status: z.optional(z.enum(['active', 'trialing', 'past_due', 'paused', 'canceled'])),
      cancelAt: z.optional(date),
      trialStart: z.optional(date),
      attributes: z.optional(z.record(z.string(), z.string())),
      pastDueSince: z.optional(date),
      endReason: z.optional(z.enum(['voluntary', 'delinquent'])),
    })
    .check(
      discountRefine,
      notBeforeStart('end'),
      notBeforeStart('cancelAt'),
      z.refine(
        (record) =>
          record.trialStart === undefined ||
          (record.start !== undefined && toEpoch(record.trialStart) <= toEpoch(record.start)),
        {
          error: 'must not be after start, which it needs (the first paid instant)',
          path: ['trialStart'],
          when: (p) => p.issues.length === 0,
        },
      ),
      z.refine((record) => record.pastDueSince === undefined || record.status === 'past_due', {
        error: (issue) =>
          `is only for a record whose status is 'past_due', and this one's is '${statusOf(issue.input)}'`,
        path: ['pastDueSince'],
        when: (p) => p.issues.length === 0,
      }),
      notBeforeStart('pastDueSince'),
      z.refine((record) => record.endReason === undefined || record.end !== undefined, {
        error: 'needs an end (the reason the record ended)',
        path: ['endReason'],
        when: (p) => p.issues.length === 0,
      }),
    ))();

/** The status of a record handed to an error message (`'active'` when absent). */
function statusOf(record: unknown): string {
  const status = typeof record === 'object' && record !== null ? (record as { status?: unknown }).status : undefined;
  return typeof status === 'string' ? status : 'active';
}

const roundingSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    places: z.int().check(z.gte(0), z.lte(10)),
    mode: z.optional(z.enum(['halfEven', 'halfUp'])),
  }))();

/** Option fields of the price policies, to spread into a metric's options schema. */
export const pricePolicyShape = /* @__PURE__ */ (() => ({
  weeklyFactor: z.optional(z.enum(['52/12', '4.33', '4'])),
  dailyFactor: z.optional(z.enum(['365/12', '30'])),
  discounts: z.optional(z.enum(['apply', 'ignore'])),
  rounding: z.optional(roundingSchema),
}))();

/** Option fields of the subscription policies, to spread into a metric's options schema. */
export const subscriptionPolicyShape = /* @__PURE__ */ (() => ({
  ...pricePolicyShape,
  countTrialing: z.optional(z.boolean()),
  countPaused: z.optional(z.boolean()),
  countPastDue: z.optional(z.boolean()),
  pastDueGraceDays: z.optional(z.int().check(z.gte(0))),
  currency: z.optional(currencyCode),
  exchangeRates: z.optional(exchangeRatesSchema),
  rateDate: z.optional(z.enum(['month-end', 'record-start'])),
}))();

/** Cross-field checks of the subscription policies, for a metric's options schema. */
export const subscriptionPolicyChecks = /* @__PURE__ */ (() => [
  z.refine<SubscriptionPolicies>((options) => options.exchangeRates === undefined || options.currency !== undefined, {
    error: 'is required with exchangeRates (the currency to convert to)',
    path: ['currency'],
    when: (p) => p.issues.length === 0,
  }),
  z.refine<SubscriptionPolicies>((options) => isIdentityFor(options.exchangeRates, options.currency), {
    error: 'must be 1 for the target currency, or absent',
    path: ['exchangeRates'],
    when: (p) => p.issues.length === 0,
  }),
])();
