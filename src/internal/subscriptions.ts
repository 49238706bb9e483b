// Subscription records and the policies that turn them into monthly amounts: the record schema (the single
// source of truth for what is valid), the option schemas shared by the revenue metrics, and a reader that
// validates one record with fast checks and computes its monthly amount as an exact rational, allocating
// nothing on the common path.
//
// Monthly amount of a record = price per billing interval × quantity, less its discount, × the months-per-
// interval factor ÷ intervalCount, converted to the target currency, optionally rounded per line. It is
// kept as `numerator ÷ denominator` with integer parts: factors are multiples of 1/300 of a month
// (a year is 25/300, a week 1300/300 = 52/12, a day 9125/300 = 365/12, the alternative week factor 4.33 is
// 1299/300), decimals are integers over powers of ten. Nothing is rounded unless the rounding option says so.
import * as z from 'zod/mini';
import { type DateInput, toEpoch } from './dates.js';
import {
  type BigDecimal,
  bigDecimal,
  decimalRegister,
  MAX_SAFE,
  pow10,
  pow10Big,
  readDecimal,
  rescaleBig,
  roundDivide,
  roundDivideBig,
} from './money.js';
import { invalid, rejectElement, type Schema } from './parse.js';
import { period } from './periods.js';
import {
  compareDecimal,
  count,
  date,
  fraction,
  isCount,
  isDecimal,
  isNonNegativeMoney,
  nonNegativeMoney,
  positiveCount,
  positiveMoney,
} from './schemas.js';

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
  /** ISO 4217 code of `amount` (and of a discount amount), such as `'USD'`. */
  readonly currency?: string | undefined;
  /** When the subscription started paying (included). Absent: before any date of interest. */
  readonly start?: DateInput | undefined;
  /** When it stopped (excluded): a subscription is active at t when start ≤ t < end. Absent: still running. */
  readonly end?: DateInput | undefined;
  /** Status over the record's span. Default `'active'`. */
  readonly status?: SubscriptionStatus | undefined;
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
   * until they are canceled; to churn delinquent customers sooner, as Baremetrics does after 30 days, end
   * their records earlier).
   */
  readonly countPastDue?: boolean | undefined;
  /** The currency of the result (ISO 4217). Records without a `currency` are in it. */
  readonly currency?: string | undefined;
  /**
   * Rates to the target `currency`: `{ EUR: '1.08' }` means 1 EUR is worth 1.08 of the target currency.
   * Needed (with `currency`) when records are in more than one currency; conversion is exact.
   */
  readonly exchangeRates?: Readonly<Record<string, number | string>> | undefined;
}

const CURRENCY = /^[A-Z]{3}$/;

/** An ISO 4217 currency code: three capital letters. */
export const currencyCode = /* @__PURE__ */ (() =>
  z.string().check(z.regex(CURRENCY, { error: 'must be a three-letter ISO 4217 code such as "USD"' })))();

function isCurrencyCode(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const code = value.charCodeAt(i);
    if (code < 65 || code > 90) return false;
  }
  return true;
}

/** Whether `discount` (an amount off) exceeds `amount × quantity`, exactly. */
function discountExceedsPrice(amount: number | string, quantity: number, discount: number | string): boolean {
  const price = bigDecimal(amount);
  const off = bigDecimal(discount);
  const scale = Math.max(price.scale, off.scale);
  return rescaleBig(off, scale) > rescaleBig(price, scale) * BigInt(quantity);
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
    })
    .check(
      discountRefine,
      z.refine(
        (record) =>
          record.start === undefined || record.end === undefined || toEpoch(record.end) >= toEpoch(record.start),
        { error: 'must not be before start', path: ['end'], when: (p) => p.issues.length === 0 },
      ),
    ))();

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
  currency: z.optional(currencyCode),
  exchangeRates: z.optional(z.record(currencyCode, positiveMoney)),
}))();

/** Cross-field checks of the subscription policies, for a metric's options schema. */
export const subscriptionPolicyChecks = /* @__PURE__ */ (() => [
  z.refine<SubscriptionPolicies>((options) => options.exchangeRates === undefined || options.currency !== undefined, {
    error: 'is required with exchangeRates (the currency to convert to)',
    path: ['currency'],
    when: (p) => p.issues.length === 0,
  }),
  z.refine<SubscriptionPolicies>(
    (options) => {
      const rate = options.currency === undefined ? undefined : options.exchangeRates?.[options.currency];
      return rate === undefined || compareDecimal(rate, 1) === 0;
    },
    {
      error: 'must be 1 for the target currency, or absent',
      path: ['exchangeRates'],
      when: (p) => p.issues.length === 0,
    },
  ),
])();

/** Months per interval in 1/300 of a month, for the weekly and daily factors chosen. */
function factorTable(policies: PricePolicies): Float64Array {
  const week = policies.weeklyFactor === '4.33' ? 1299 : policies.weeklyFactor === '4' ? 1200 : 1300;
  const day = policies.dailyFactor === '30' ? 9000 : 9125;
  return Float64Array.of(day, week, 300, 100, 25);
}

/** Status codes: which statuses count is decided by the caller from these. */
export const STATUS_ACTIVE = 0;
export const STATUS_TRIALING = 1;
export const STATUS_PAST_DUE = 2;
export const STATUS_PAUSED = 3;
export const STATUS_CANCELED = 4;

function statusCode(value: unknown): number {
  if (value === undefined || value === 'active') return STATUS_ACTIVE;
  if (value === 'canceled') return STATUS_CANCELED;
  if (value === 'past_due') return STATUS_PAST_DUE;
  if (value === 'trialing') return STATUS_TRIALING;
  if (value === 'paused') return STATUS_PAUSED;
  return -1;
}

function intervalIndex(value: unknown): number {
  if (value === undefined || value === 'month') return 2;
  if (value === 'year') return 4;
  if (value === 'quarter') return 3;
  if (value === 'week') return 1;
  if (value === 'day') return 0;
  return -1;
}

function isFraction(value: unknown): value is number | string {
  if (typeof value === 'number') return value >= 0 && value <= 1;
  return isDecimal(value) && compareDecimal(value, 0) >= 0 && compareDecimal(value, 1) <= 0;
}

/** Reads a validated decimal exactly, as a BigDecimal. */
function decimalOf(value: number | string): BigDecimal {
  return readDecimal(value) ? { int: BigInt(decimalRegister.int), scale: decimalRegister.scale } : bigDecimal(value);
}

/** The raw fields of one price, as read by {@link MonthlyAmountReader}. */
interface PriceFields {
  amount: number | string;
  interval: number;
  intervalCount: number;
  quantity: number;
  discount: unknown;
}

/**
 * Computes monthly amounts as exact rationals. After {@link MonthlyAmountReader.price} or
 * {@link SubscriptionReader.read}, the amount is `num ÷ den` (safe integers) or, when `big` is set,
 * `bigNum ÷ bigDen`.
 */
export class MonthlyAmountReader {
  protected readonly factors: Float64Array;
  protected readonly applyDiscounts: boolean;
  protected readonly places: number;
  protected readonly halfUp: boolean;
  /** Numerator of the last amount (when `big` is false). */
  num = 0;
  /** Denominator of the last amount (when `big` is false). */
  den = 1;
  /** Whether the last amount needed BigInt. */
  big = false;
  bigNum = 0n;
  bigDen = 1n;

  constructor(policies: PricePolicies) {
    this.factors = factorTable(policies);
    this.applyDiscounts = policies.discounts !== 'ignore';
    this.places = policies.rounding?.places ?? -1;
    this.halfUp = policies.rounding?.mode === 'halfUp';
  }

  /**
   * Computes the monthly amount of validated price fields, converted by `rate` (or not, when undefined).
   * Returns false when an amount discount exceeds the price.
   */
  protected compute(fields: PriceFields, rate: BigDecimal | undefined, rateInt: number, rateScale: number): boolean {
    const { amount, quantity, discount } = fields;
    if (!readDecimal(amount)) return this.computeBig(fields, rate);
    let line = decimalRegister.int * quantity;
    let scale = decimalRegister.scale;
    if (!(line <= MAX_SAFE)) return this.computeBig(fields, rate);
    if (discount !== undefined) {
      const off = discount as { percent?: number | string; amount?: number | string };
      if (off.amount !== undefined) {
        if (!readDecimal(off.amount)) return this.computeBig(fields, rate);
        let cut = decimalRegister.int;
        const cutScale = decimalRegister.scale;
        if (cutScale > scale) {
          line *= pow10(cutScale - scale);
          scale = cutScale;
        } else if (cutScale < scale) cut *= pow10(scale - cutScale);
        if (!(line <= MAX_SAFE && cut <= MAX_SAFE)) return this.computeBig(fields, rate);
        if (cut > line) return false;
        if (this.applyDiscounts) line -= cut;
      } else if (this.applyDiscounts) {
        if (!readDecimal(off.percent as number | string)) return this.computeBig(fields, rate);
        const keep = pow10(decimalRegister.scale) - decimalRegister.int;
        line *= keep;
        scale += decimalRegister.scale;
        if (!(line <= MAX_SAFE)) return this.computeBig(fields, rate);
      }
    }
    let num = line * (this.factors[fields.interval] as number);
    let den = 300 * fields.intervalCount * pow10(scale);
    if (rate !== undefined) {
      num *= rateInt;
      den *= pow10(rateScale);
    }
    if (!(num <= MAX_SAFE && den <= MAX_SAFE)) return this.computeBig(fields, rate);
    if (this.places >= 0) {
      const scaled = num * pow10(this.places);
      if (!(scaled <= MAX_SAFE)) return this.computeBig(fields, rate);
      num = roundDivide(scaled, den, this.halfUp ? 'halfUp' : 'halfEven');
      den = pow10(this.places);
    }
    this.num = num;
    this.den = den;
    this.big = false;
    return true;
  }

  /** The same computation in BigInt, for amounts too large or too precise for doubles. */
  private computeBig(fields: PriceFields, rate: BigDecimal | undefined): boolean {
    const price = decimalOf(fields.amount);
    let line = price.int * BigInt(fields.quantity);
    let scale = price.scale;
    const off = fields.discount as { percent?: number | string; amount?: number | string } | undefined;
    if (off?.amount !== undefined) {
      const cut = decimalOf(off.amount);
      const common = Math.max(scale, cut.scale);
      line = rescaleBig({ int: line, scale }, common);
      scale = common;
      const cutInt = rescaleBig(cut, common);
      if (cutInt > line) return false;
      if (this.applyDiscounts) line -= cutInt;
    } else if (off?.percent !== undefined && this.applyDiscounts) {
      const share = decimalOf(off.percent);
      line *= pow10Big(share.scale) - share.int;
      scale += share.scale;
    }
    let num = line * BigInt(this.factors[fields.interval] as number);
    let den = 300n * BigInt(fields.intervalCount) * pow10Big(scale);
    if (rate !== undefined) {
      num *= rate.int;
      den *= pow10Big(rate.scale);
    }
    if (this.places >= 0) {
      num = roundDivideBig(num * pow10Big(this.places), den, this.halfUp ? 'halfUp' : 'halfEven');
      den = pow10Big(this.places);
    }
    if (num <= BigInt(MAX_SAFE) && den <= BigInt(MAX_SAFE)) {
      this.num = Number(num);
      this.den = Number(den);
      this.big = false;
    } else {
      this.bigNum = num;
      this.bigDen = den;
      this.big = true;
    }
    return true;
  }

  /** Monthly amount of a price already validated by {@link priceSchema}. */
  price(price: Price): void {
    this.compute(
      {
        amount: price.amount,
        interval: intervalIndex(price.interval),
        intervalCount: price.intervalCount ?? 1,
        quantity: price.quantity ?? 1,
        discount: price.discount,
      },
      undefined,
      1,
      0,
    );
  }
}

/**
 * Validates subscription records one by one with fast checks (zod runs only on a record that fails, to
 * name the problem) and computes each one's monthly amount in the target currency.
 */
export class SubscriptionReader extends MonthlyAmountReader {
  private readonly metric: string;
  private readonly field: string;
  private readonly target: string | undefined;
  private readonly rates: Map<string, BigDecimal> | undefined;
  private readonly counts: readonly boolean[];
  private seenCurrency: string | undefined;
  private seenIndex = -1;
  private readonly fields: PriceFields = { amount: 0, interval: 2, intervalCount: 1, quantity: 1, discount: undefined };

  /** The last record's customer. */
  customerId = '';
  /** The last record's start and end in epoch milliseconds (±Infinity when absent). */
  start = 0;
  end = 0;
  /** The last record's status code (`STATUS_*`). */
  status = 0;

  constructor(metric: string, field: string, policies: SubscriptionPolicies) {
    super(policies);
    this.metric = metric;
    this.field = field;
    this.target = policies.currency;
    if (policies.exchangeRates !== undefined) {
      this.rates = new Map();
      for (const [code, rate] of Object.entries(policies.exchangeRates)) this.rates.set(code, decimalOf(rate));
    }
    // Indexed by status code: active, trialing, past_due, paused, canceled.
    this.counts = [
      true,
      policies.countTrialing === true,
      policies.countPastDue !== false,
      policies.countPaused === true,
      true,
    ];
  }

  private reject(value: unknown, index: number): never {
    return rejectElement(this.metric, subscriptionSchema, value, [this.field, index]);
  }

  /**
   * Validates record `index` and computes its monthly amount. Returns whether its status counts under the
   * policies (`'canceled'` records count within their `[start, end)`, which the caller checks).
   */
  read(value: unknown, index: number): boolean {
    if (typeof value !== 'object' || value === null) this.reject(value, index);
    const record = value as Record<string, unknown>;
    let customerId: unknown;
    let amount: unknown;
    let currency: unknown;
    let interval: unknown;
    let intervalCount: unknown;
    let quantity: unknown;
    let discount: unknown;
    let start: unknown;
    let end: unknown;
    let status: unknown;
    for (const key in record) {
      switch (key) {
        case 'customerId':
          customerId = record[key];
          break;
        case 'amount':
          amount = record[key];
          break;
        case 'interval':
          interval = record[key];
          break;
        case 'start':
          start = record[key];
          break;
        case 'end':
          end = record[key];
          break;
        case 'status':
          status = record[key];
          break;
        case 'quantity':
          quantity = record[key];
          break;
        case 'intervalCount':
          intervalCount = record[key];
          break;
        case 'currency':
          currency = record[key];
          break;
        case 'discount':
          discount = record[key];
          break;
        default:
          this.reject(value, index);
      }
    }
    if (typeof customerId !== 'string' || customerId.length === 0) this.reject(value, index);
    if (typeof amount === 'number' ? !(amount >= 0 && amount - amount === 0) : !isNonNegativeMoney(amount)) {
      this.reject(value, index);
    }
    const fields = this.fields;
    fields.amount = amount as number | string;
    fields.interval = intervalIndex(interval);
    if (fields.interval < 0) this.reject(value, index);
    if (intervalCount === undefined) fields.intervalCount = 1;
    else if (isCount(intervalCount) && intervalCount >= 1) fields.intervalCount = intervalCount;
    else this.reject(value, index);
    if (quantity === undefined) fields.quantity = 1;
    else if (isCount(quantity)) fields.quantity = quantity;
    else this.reject(value, index);
    if (discount !== undefined && !isDiscount(discount)) this.reject(value, index);
    fields.discount = discount;
    if (currency !== undefined && !isCurrencyCode(currency)) this.reject(value, index);
    this.start = start === undefined ? Number.NEGATIVE_INFINITY : toEpoch(start);
    this.end = end === undefined ? Number.POSITIVE_INFINITY : toEpoch(end);
    if (Number.isNaN(this.start) || Number.isNaN(this.end) || this.end < this.start) this.reject(value, index);
    const code = statusCode(status);
    if (code < 0) this.reject(value, index);
    this.status = code;
    this.customerId = customerId as string;
    let rate: BigDecimal | undefined;
    let rateInt = 1;
    let rateScale = 0;
    if (currency !== undefined && currency !== this.target) {
      rate = this.rateFor(currency as string, index);
      if (rate !== undefined) {
        rateInt = Number(rate.int);
        rateScale = rate.scale;
        if (!(rateInt <= MAX_SAFE) || rateScale > 22) rateInt = Number.POSITIVE_INFINITY;
      }
    }
    if (!this.compute(fields, rate, rateInt, rateScale)) this.reject(value, index);
    return this.counts[code] as boolean;
  }

  /** The rate of a record's currency, or undefined when no conversion applies; rejects mixed currencies. */
  private rateFor(currency: string, index: number): BigDecimal | undefined {
    if (this.rates !== undefined) {
      const rate = this.rates.get(currency);
      if (rate === undefined) {
        invalid(
          this.metric,
          [this.field, index, 'currency'],
          `is ${currency}, which has no rate in options.exchangeRates`,
        );
      }
      return rate;
    }
    if (this.target !== undefined) {
      invalid(
        this.metric,
        [this.field, index, 'currency'],
        `is ${currency} but options.currency is ${this.target}; pass options.exchangeRates to convert`,
      );
    }
    if (this.seenCurrency === undefined) {
      this.seenCurrency = currency;
      this.seenIndex = index;
    } else if (currency !== this.seenCurrency) {
      invalid(
        this.metric,
        [this.field, index, 'currency'],
        `is ${currency} but ${this.field}[${this.seenIndex}] is ${this.seenCurrency}; mixed currencies need options.exchangeRates and a target options.currency`,
      );
    }
    return undefined;
  }
}

/** Whether a value is a valid discount: `{ percent }` (a fraction) or `{ amount }` (money ≥ 0), nothing else. */
function isDiscount(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let keys = 0;
  let valid = false;
  for (const key in value) {
    keys++;
    const field = (value as Record<string, unknown>)[key];
    if (key === 'percent') valid = isFraction(field);
    else if (key === 'amount') valid = isNonNegativeMoney(field);
    else return false;
  }
  return keys === 1 && valid;
}
