// The fast check of subscription records: validates one record without zod (zod runs only on a record
// that fails, to name the problem) and computes its monthly amount. It mirrors `subscriptionSchema`; a
// property test proves that the two accept exactly the same records.
import { DAY_MS, toEpoch } from '../../internal/dates.js';
import { invalid, rejectElement } from '../../internal/parse.js';
import { compareDecimal, isCount, isDecimal, isNonNegativeMoney } from '../../internal/schemas.js';
import { CurrencyRule } from './currencyRule.js';
import type { RateBook } from './exchangeRates.js';
import {
  DISCOUNT_AMOUNT,
  DISCOUNT_NONE,
  DISCOUNT_PERCENT,
  intervalIndex,
  MonthlyAmounts,
  type PriceFields,
} from './monthlyAmounts.js';
import { type SubscriptionPolicies, subscriptionSchema } from './subscriptionSchema.js';

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

export function isCurrencyCode(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const code = value.charCodeAt(i);
    if (code < 65 || code > 90) return false;
  }
  return true;
}

function isFraction(value: unknown): value is number | string {
  if (typeof value === 'number') return value >= 0 && value <= 1;
  return isDecimal(value) && compareDecimal(value, 0) >= 0 && compareDecimal(value, 1) <= 0;
}

/**
 * Whether `value` is what `z.record(z.string(), z.string())` accepts: a plain object (zod's test: no
 * constructor, or one whose prototype owns `isPrototypeOf`, so not an array, a Date or a class instance)
 * whose own enumerable keys are strings (a symbol key is refused) with string values; inherited keys are
 * not read, and an own `__proto__` key is skipped as zod skips it.
 */
export function isAttributes(value: unknown, seen?: (key: string, value: string) => void): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  if (typeof ctor === 'function') {
    const prototype: unknown = ctor.prototype;
    if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false;
    if (!Object.hasOwn(prototype, 'isPrototypeOf')) return false;
  }
  for (const key in value) {
    if (key === '__proto__' || !Object.hasOwn(value, key)) continue;
    const attribute = (value as Record<string, unknown>)[key];
    if (typeof attribute !== 'string') return false;
    seen?.(key, attribute);
  }
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) return false;
  }
  return true;
}

/**
 * Validates subscription records one by one with fast checks (zod runs only on a record that fails, to
 * name the problem) and computes each one's monthly amount in the target currency.
 */
export class SubscriptionReader extends MonthlyAmounts {
  private readonly metric: string;
  private readonly field: string;
  private readonly currencies: CurrencyRule;
  /** The exchange rates, when given. */
  readonly book: RateBook | undefined;
  /** Whether dated rates are taken on each record's start day (`rateDate: 'record-start'`). */
  readonly atStart: boolean;
  /** The UTC day number of the instant MRR is measured at, NaN without one. */
  private readonly instantDay: number;
  private readonly counts: readonly boolean[];
  /** The grace of past-due records in milliseconds (+Infinity without `pastDueGraceDays`). */
  private readonly grace: number;
  private readonly fields: PriceFields = {
    amount: 0,
    interval: 2,
    intervalCount: 1,
    quantity: 1,
    discountKind: DISCOUNT_NONE,
    discountValue: 0,
  };

  /** The last record's customer. */
  customerId = '';
  /**
   * The last record's start and end in epoch milliseconds (±Infinity when absent). `end` is where the record
   * stops counting: its own `end`, or earlier when a past-due grace ran out first.
   */
  start = 0;
  end = 0;
  /**
   * Whether the last record's `end` is a delinquent ending: its `endReason` is `'delinquent'`, or the
   * past-due grace cut it short.
   */
  delinquent = false;
  /** The last record's scheduled cancellation in epoch milliseconds (+Infinity when absent). */
  cancelAt = 0;
  /** The last record's trial start in epoch milliseconds (NaN when it had no trial). */
  trialStart = 0;
  /** The last record's status code (`STATUS_*`). */
  status = 0;
  /**
   * The index in {@link SubscriptionReader.book} of the last record's currency when that currency has dated
   * rates, otherwise −1. Its monthly amount is then in that currency: the caller converts it with
   * {@link SubscriptionReader.convertDated} once it knows the record counts, or month by month.
   */
  datedCurrency = -1;
  private lastIndex = -1;
  /**
   * The value of the attribute named by {@link SubscriptionReader.readAttribute} on the last record
   * (undefined when it has none), read once with the record's other fields.
   */
  attribute: string | undefined;
  private seen: ((key: string, value: string) => void) | undefined;

  /** Keeps the value of the attribute `name` of each record read, in {@link SubscriptionReader.attribute}. */
  readAttribute(name: string): void {
    this.seen = (key, value) => {
      if (key === name) this.attribute = value;
    };
  }

  /**
   * `measuredAt`: the instant (epoch ms) MRR is measured at, whose day's rate converts a dated currency
   * under `rateDate: 'month-end'`; NaN when there is none.
   */
  constructor(metric: string, field: string, policies: SubscriptionPolicies, measuredAt = Number.NaN) {
    super(policies);
    this.metric = metric;
    this.field = field;
    this.currencies = new CurrencyRule(metric, field, 'record', policies);
    this.book = this.currencies.book;
    this.instantDay = Math.floor(measuredAt / DAY_MS);
    this.atStart = policies.rateDate === 'record-start';
    // Indexed by status code: active, trialing, past_due, paused, canceled.
    this.counts = [
      true,
      policies.countTrialing === true,
      policies.countPastDue !== false,
      policies.countPaused === true,
      true,
    ];
    const days = policies.pastDueGraceDays;
    this.grace = days === undefined ? Number.POSITIVE_INFINITY : days * DAY_MS;
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
    let cancelAt: unknown;
    let attributes: unknown;
    let trialStart: unknown;
    let pastDueSince: unknown;
    let endReason: unknown;
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
        case 'cancelAt':
          cancelAt = record[key];
          break;
        case 'attributes':
          attributes = record[key];
          break;
        case 'trialStart':
          trialStart = record[key];
          break;
        case 'pastDueSince':
          pastDueSince = record[key];
          break;
        case 'endReason':
          endReason = record[key];
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
    if (discount === undefined) fields.discountKind = DISCOUNT_NONE;
    else if (!readDiscount(discount, fields)) this.reject(value, index);
    if (currency !== undefined && !isCurrencyCode(currency)) this.reject(value, index);
    this.attribute = undefined;
    if (attributes !== undefined && !isAttributes(attributes, this.seen)) this.reject(value, index);
    this.start = start === undefined ? Number.NEGATIVE_INFINITY : toEpoch(start);
    this.end = end === undefined ? Number.POSITIVE_INFINITY : toEpoch(end);
    if (Number.isNaN(this.start) || Number.isNaN(this.end) || this.end < this.start) this.reject(value, index);
    this.cancelAt = cancelAt === undefined ? Number.POSITIVE_INFINITY : toEpoch(cancelAt);
    if (Number.isNaN(this.cancelAt) || this.cancelAt < this.start) this.reject(value, index);
    this.trialStart = trialStart === undefined ? Number.NaN : toEpoch(trialStart);
    if (trialStart !== undefined && !(this.trialStart <= this.start && this.start !== Number.NEGATIVE_INFINITY)) {
      this.reject(value, index);
    }
    const code = statusCode(status);
    if (code < 0) this.reject(value, index);
    this.status = code;
    this.delinquent = false;
    if (endReason !== undefined) {
      if (end === undefined || (endReason !== 'voluntary' && endReason !== 'delinquent')) this.reject(value, index);
      this.delinquent = endReason === 'delinquent';
    }
    if (pastDueSince !== undefined) this.readPastDue(value, index, pastDueSince, code);
    this.customerId = customerId as string;
    this.lastIndex = index;
    const rate = this.currencies.rateOf(currency as string | undefined, index);
    this.datedCurrency = this.currencies.dated;
    if (!this.compute(fields, rate)) this.reject(value, index);
    return this.counts[code] as boolean;
  }

  /**
   * Checks a record's `pastDueSince` (a date not before `start`, on a past-due record) and applies the
   * grace: a counting past-due record stops counting at pastDueSince + grace when that comes before its
   * end, and that ending is delinquent.
   */
  private readPastDue(value: unknown, index: number, pastDueSince: unknown, code: number): void {
    const since = toEpoch(pastDueSince);
    if (Number.isNaN(since) || code !== STATUS_PAST_DUE || since < this.start) this.reject(value, index);
    const cut = since + this.grace;
    if (cut < this.end && this.counts[code] === true) {
      this.end = cut;
      this.delinquent = true;
    }
  }

  /**
   * Converts the last record's amount from its currency with dated rates (see
   * {@link SubscriptionReader.datedCurrency}) at the rate in force on its start day under `rateDate:
   * 'record-start'`, otherwise on the day measured at; per-line rounding applies after the conversion.
   */
  convertDated(): void {
    const book = this.book as RateBook;
    const at = this.datedCurrency;
    const index = this.lastIndex;
    const currency = book.codes[at] as string;
    let day = this.instantDay;
    if (this.atStart) {
      if (this.start === Number.NEGATIVE_INFINITY) {
        invalid(
          this.metric,
          [this.field, index, 'start'],
          `is required: the record is in ${currency}, whose rate under rateDate 'record-start' is the one in force on its start day`,
        );
      }
      day = Math.floor(this.start / DAY_MS);
    } else if (Number.isNaN(day)) {
      invalid(
        this.metric,
        ['asOf'],
        `is required: ${this.field}[${index}] is in ${currency}, whose rates are dated (or pass rateDate: 'record-start')`,
        'options',
      );
    }
    this.compute(this.fields, book.at(at, day, `${this.field}[${index}]`));
    this.datedCurrency = -1;
  }
}

/**
 * Reads a discount into `fields`, each of its fields once: `{ percent }` (a fraction) or `{ amount }` (money
 * ≥ 0), nothing else. Returns whether it is valid.
 */
function readDiscount(value: unknown, fields: PriceFields): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let keys = 0;
  for (const key in value) {
    keys++;
    const field = (value as Record<string, unknown>)[key];
    if (key === 'percent') {
      if (!isFraction(field)) return false;
      fields.discountKind = DISCOUNT_PERCENT;
    } else if (key === 'amount') {
      if (!isNonNegativeMoney(field)) return false;
      fields.discountKind = DISCOUNT_AMOUNT;
    } else return false;
    fields.discountValue = field;
  }
  return keys === 1;
}
