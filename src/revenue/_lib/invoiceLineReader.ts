// The fast check of invoice lines: validates one line without zod (zod runs only on a line that fails, to
// name the problem) and reads its customer, kind, dates and net amount (amount − tax) in the target
// currency (or in its own, when that currency has dated rates). It mirrors `invoiceLineSchema`; a property test proves that the two accept the same lines.
import { toEpoch } from '../../internal/dates.js';
import { compareInt, type Int, multiplyInt, shiftInt, subtractInt } from '../../internal/exact/integer.js';
import { DecimalReader } from '../../internal/exact/scaled.js';
import { rejectElement } from '../../internal/parse.js';
import { isCount, isNonNegativeMoney } from '../../internal/schemas.js';
import { invoiceLineSchema, MAX_FULL_PERIOD_COUNT } from './invoiceLineSchema.js';
import { type CurrencyPolicies, CurrencyRule } from './currencyRule.js';
import type { RateBook } from './exchangeRates.js';
import { intervalIndex } from './monthlyAmounts.js';
import { isAttributes, isCurrencyCode } from './subscriptionReader.js';

/** Kind codes. */
export const KIND_RECURRING = 0;
export const KIND_USAGE = 1;
export const KIND_ONE_OFF = 2;

function kindCode(value: unknown): number {
  if (value === undefined || value === 'recurring') return KIND_RECURRING;
  if (value === 'usage') return KIND_USAGE;
  if (value === 'one-off') return KIND_ONE_OFF;
  return -1;
}

/** Reads validated full periods: `{ interval, intervalCount? }`, each field once. Returns whether valid. */
function readFullPeriod(value: unknown, reader: InvoiceLineReader): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let interval: unknown;
  let count: unknown;
  for (const key in value) {
    if (key === 'interval') interval = (value as Record<string, unknown>)[key];
    else if (key === 'intervalCount') count = (value as Record<string, unknown>)[key];
    else return false;
  }
  if (interval === undefined) return false;
  reader.fullInterval = intervalIndex(interval);
  if (reader.fullInterval < 0) return false;
  if (count === undefined) reader.fullCount = 1;
  else if (isCount(count) && count >= 1 && count <= MAX_FULL_PERIOD_COUNT) reader.fullCount = count;
  else return false;
  return true;
}

/** Validates invoice lines one by one and reads each one's fields; the last line's are its properties. */
export class InvoiceLineReader {
  private readonly metric: string;
  private readonly field: string;
  private readonly currencies: CurrencyRule;
  /** The exchange rates, when given. */
  readonly book: RateBook | undefined;
  private readonly decimals = new DecimalReader();

  customerId = '';
  /** `KIND_*`. */
  kind = 0;
  /** Service period and invoice instant, epoch milliseconds (the millisecond they fall in). */
  start = 0;
  end = 0;
  invoicedAt = 0;
  /**
   * amount − tax, `net × 10^−scale`: in the target currency, or in the line's own when `datedCurrency` ≥ 0
   * (the index in {@link InvoiceLineReader.book} of that currency, whose rates are dated; −1 otherwise).
   */
  net: Int = 0;
  scale = 2;
  /** `intervalIndex` of the full period's interval, or −1 without one. */
  fullInterval = -1;
  fullCount = 1;
  datedCurrency = -1;

  constructor(metric: string, field: string, policies: CurrencyPolicies) {
    this.metric = metric;
    this.field = field;
    this.currencies = new CurrencyRule(metric, field, 'line', policies);
    this.book = this.currencies.book;
  }

  private reject(value: unknown, index: number): never {
    return rejectElement(this.metric, invoiceLineSchema, value, [this.field, index]);
  }

  /** Validates line `index` and reads it. */
  read(value: unknown, index: number): void {
    if (typeof value !== 'object' || value === null) this.reject(value, index);
    const line = value as Record<string, unknown>;
    let customerId: unknown;
    let amount: unknown;
    let tax: unknown;
    let currency: unknown;
    let kind: unknown;
    let periodStart: unknown;
    let periodEnd: unknown;
    let fullPeriod: unknown;
    let invoicedAt: unknown;
    let attributes: unknown;
    for (const key in line) {
      switch (key) {
        case 'customerId':
          customerId = line[key];
          break;
        case 'amount':
          amount = line[key];
          break;
        case 'periodStart':
          periodStart = line[key];
          break;
        case 'periodEnd':
          periodEnd = line[key];
          break;
        case 'kind':
          kind = line[key];
          break;
        case 'tax':
          tax = line[key];
          break;
        case 'currency':
          currency = line[key];
          break;
        case 'fullPeriod':
          fullPeriod = line[key];
          break;
        case 'invoicedAt':
          invoicedAt = line[key];
          break;
        case 'attributes':
          attributes = line[key];
          break;
        default:
          this.reject(value, index);
      }
    }
    if (typeof customerId !== 'string' || customerId.length === 0) this.reject(value, index);
    if (typeof amount === 'number' ? !(amount >= 0 && amount - amount === 0) : !isNonNegativeMoney(amount)) {
      this.reject(value, index);
    }
    if (tax !== undefined && !isNonNegativeMoney(tax)) this.reject(value, index);
    if (currency !== undefined && !isCurrencyCode(currency)) this.reject(value, index);
    const code = kindCode(kind);
    if (code < 0) this.reject(value, index);
    if (fullPeriod === undefined) this.fullInterval = -1;
    else if (!readFullPeriod(fullPeriod, this)) this.reject(value, index);
    if (attributes !== undefined && !isAttributes(attributes)) this.reject(value, index);
    const start = toEpoch(periodStart);
    const end = toEpoch(periodEnd);
    if (!(end >= start)) this.reject(value, index);
    const invoiced = invoicedAt === undefined ? (code === KIND_USAGE ? end : start) : toEpoch(invoicedAt);
    if (Number.isNaN(invoiced)) this.reject(value, index);
    // Calendar placement and lengths use the millisecond an instant falls in.
    this.start = Math.floor(start);
    this.end = Math.floor(end);
    this.invoicedAt = Math.floor(invoiced);
    // The net amount, exactly: amount − tax at the finer of their scales.
    const decimals = this.decimals;
    decimals.read(amount as number | string);
    let net = decimals.int;
    let scale = decimals.scale;
    if (tax !== undefined) {
      decimals.read(tax as number | string);
      let cut = decimals.int;
      if (decimals.scale > scale) {
        net = shiftInt(net, decimals.scale - scale);
        scale = decimals.scale;
      } else cut = shiftInt(cut, scale - decimals.scale);
      if (compareInt(cut, net) > 0) this.reject(value, index);
      net = subtractInt(net, cut);
    }
    const rate = this.currencies.rateOf(currency as string | undefined, index);
    this.datedCurrency = this.currencies.dated;
    if (rate !== undefined) {
      net = multiplyInt(net, rate.int);
      scale += rate.scale;
    }
    this.customerId = customerId as string;
    this.kind = code;
    this.net = net;
    this.scale = scale;
  }
}
