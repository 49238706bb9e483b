// Monthly amounts of prices as exact rationals, allocating nothing on the common path.
//
// Monthly amount = price per billing interval × quantity, less its discount, × the months-per-interval
// factor ÷ intervalCount, converted by an exchange rate, optionally rounded per line. It is kept as
// `num ÷ den` with `Int` parts: factors are multiples of 1/300 of a month (a year is 25/300, a week
// 1300/300 = 52/12, a day 9125/300 = 365/12, the alternative week factor 4.33 is 1299/300), decimals are
// integers over powers of ten. Nothing is rounded unless the rounding option says so.
import {
  compareInt,
  type Int,
  multiplyInt,
  type RoundingMode,
  roundDivide,
  shiftInt,
  subtractInt,
} from '../../internal/exact/integer.js';
import { DecimalReader } from '../../internal/exact/scaled.js';
import type { Price, PricePolicies } from './subscriptionSchema.js';

/** Discount kinds: none, `{ percent }`, `{ amount }`. */
export const DISCOUNT_NONE = 0;
export const DISCOUNT_PERCENT = 1;
export const DISCOUNT_AMOUNT = 2;

/** Interval indexes into the factor table. */
export const INTERVAL_DAY = 0;
export const INTERVAL_MONTH = 2;

/** The interval index of a valid interval, or −1 for anything else. */
export function intervalIndex(value: unknown): number {
  if (value === undefined || value === 'month') return INTERVAL_MONTH;
  if (value === 'year') return 4;
  if (value === 'quarter') return 3;
  if (value === 'week') return 1;
  if (value === 'day') return INTERVAL_DAY;
  return -1;
}

/** Months per interval in 1/300 of a month, for the weekly and daily factors chosen. */
function factorTable(policies: PricePolicies): Float64Array {
  const week = policies.weeklyFactor === '4.33' ? 1299 : policies.weeklyFactor === '4' ? 1200 : 1300;
  const day = policies.dailyFactor === '30' ? 9000 : 9125;
  return Float64Array.of(day, week, 300, 100, 25);
}

/** The validated fields of one price, as the computation reads them. */
export interface PriceFields {
  amount: number | string;
  /** {@link intervalIndex} of the interval. */
  interval: number;
  intervalCount: number;
  quantity: number;
  /** `DISCOUNT_NONE`, `DISCOUNT_PERCENT` or `DISCOUNT_AMOUNT`. */
  discountKind: number;
  /** The fraction of a `{ percent }` discount or the money of an `{ amount }` discount, as read once. */
  discountValue: number | string;
}

/** An exchange rate `int × 10^−scale`, or none. */
export interface Rate {
  readonly int: Int;
  readonly scale: number;
}

/** Computes monthly amounts; after each computation the amount is {@link MonthlyAmounts.num} ÷ {@link MonthlyAmounts.den}. */
export class MonthlyAmounts {
  private readonly factors: Float64Array;
  private readonly applyDiscounts: boolean;
  private readonly places: number;
  private readonly mode: RoundingMode;
  private readonly reader = new DecimalReader();
  /** Numerator of the last amount. */
  num: Int = 0;
  /** Denominator of the last amount (> 0). */
  den: Int = 1;

  constructor(policies: PricePolicies) {
    this.factors = factorTable(policies);
    this.applyDiscounts = policies.discounts !== 'ignore';
    this.places = policies.rounding?.places ?? -1;
    this.mode = policies.rounding?.mode ?? 'halfEven';
  }

  /**
   * Computes the monthly amount of validated price fields, converted by `rate` when given. Returns false
   * (and computes nothing) when an amount discount exceeds the price.
   */
  compute(fields: PriceFields, rate: Rate | undefined): boolean {
    const reader = this.reader;
    reader.read(fields.amount);
    let line = multiplyInt(reader.int, fields.quantity);
    let scale = reader.scale;
    const discount = fields.discountKind;
    if (discount === DISCOUNT_AMOUNT) {
      reader.read(fields.discountValue);
      let cut = reader.int;
      if (reader.scale > scale) {
        line = shiftInt(line, reader.scale - scale);
        scale = reader.scale;
      } else cut = shiftInt(cut, scale - reader.scale);
      if (compareInt(cut, line) > 0) return false;
      if (this.applyDiscounts) line = subtractInt(line, cut);
    } else if (discount === DISCOUNT_PERCENT && this.applyDiscounts) {
      reader.read(fields.discountValue);
      line = multiplyInt(line, subtractInt(shiftInt(1, reader.scale), reader.int));
      scale += reader.scale;
    }
    let num = multiplyInt(line, this.factors[fields.interval] as number);
    let den = shiftInt(multiplyInt(300, fields.intervalCount), scale);
    if (rate !== undefined) {
      num = multiplyInt(num, rate.int);
      den = shiftInt(den, rate.scale);
    }
    if (this.places >= 0) {
      num = roundDivide(shiftInt(num, this.places), den, this.mode);
      den = shiftInt(1, this.places);
    }
    this.num = num;
    this.den = den;
    return true;
  }

  /** Monthly amount of a price already validated by `priceSchema`. */
  price(price: Price): void {
    const discount = price.discount as { percent?: number | string; amount?: number | string } | undefined;
    const percent = discount?.percent;
    const amount = discount?.amount;
    this.compute(
      {
        amount: price.amount,
        interval: intervalIndex(price.interval),
        intervalCount: price.intervalCount ?? 1,
        quantity: price.quantity ?? 1,
        discountKind: amount !== undefined ? DISCOUNT_AMOUNT : percent !== undefined ? DISCOUNT_PERCENT : DISCOUNT_NONE,
        discountValue: amount ?? percent ?? 0,
      },
      undefined,
    );
  }
}
