// Exchange rates to the target currency: fixed (`{ EUR: '1.08' }`), dated tables (`{ EUR: [{ from, rate }] }`,
// each rate in force from its date until the next) or a function of the currency and the day. The schema of
// the option, and the book that answers "which rate is in force on this day", exactly (`int × 10^−scale`).
import * as z from 'zod/mini';
import { MetricError } from '../../errors.js';
import { DAY_MS, formatDay, monthStart, parseIsoDate } from '../../internal/dates.js';
import { DecimalReader } from '../../internal/exact/scaled.js';
import { invalid } from '../../internal/parse.js';
import { compareDecimal, isDecimal, positiveMoney } from '../../internal/schemas.js';
import type { Rate } from './monthlyAmounts.js';

/** One rate of a dated table: in force from `from` (a `YYYY-MM-DD` UTC day, included) until the next entry's. */
export interface DatedRate {
  /** The first day the rate is in force, `YYYY-MM-DD` (UTC). */
  readonly from: string;
  /** What 1 unit of the currency is worth in the target currency (a positive decimal). */
  readonly rate: number | string;
}

/**
 * A rate provider: the rate in force for `currency` on `date` (`YYYY-MM-DD`, UTC), a positive decimal. It
 * is called at most once per currency and day needed.
 */
export type RateFunction = (currency: string, date: string) => number | string;

/**
 * Rates to the target currency: per currency a fixed rate (`{ EUR: '1.08' }`) or a dated table
 * (`{ EUR: [{ from: '2024-01-01', rate: '1.08' }, { from: '2024-02-01', rate: '1.09' }] }`), or a
 * {@link RateFunction}.
 */
export type ExchangeRates = Readonly<Record<string, number | string | readonly DatedRate[]>> | RateFunction;

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_TEXT.test(value) && !Number.isNaN(parseIsoDate(value));
}

/** A `YYYY-MM-DD` day. */
const day = /* @__PURE__ */ (() =>
  z.custom<string>(isDay, { error: 'must be a day written YYYY-MM-DD, such as "2024-01-01"' }))();

/** A dated table: at least one entry, `from` strictly increasing (an overlap or a repeated day is refused). */
const datedTable = /* @__PURE__ */ (() =>
  z
    .array(z.strictObject({ from: day, rate: positiveMoney }))
    .check(z.minLength(1, { error: 'must hold at least one { from, rate }' }), (payload) => {
      const table = payload.value;
      for (let i = 1; i < table.length; i++) {
        const before = table[i - 1]?.from as string;
        const from = table[i]?.from as string;
        if (isDay(before) && isDay(from) && from <= before) {
          payload.issues.push({
            code: 'custom',
            input: from,
            path: [i, 'from'],
            message:
              from === before
                ? `repeats ${from}: two rates in force on the same day (the dates must be strictly increasing)`
                : `is ${from}, before ${before} of the entry before (the dates must be strictly increasing)`,
          });
          return;
        }
      }
    }))();

const rateFunction = /* @__PURE__ */ (() =>
  z.custom<RateFunction>((value) => typeof value === 'function', {
    error: 'must be an object of rates ({ EUR: "1.08" } or { EUR: [{ from, rate }] }) or a function',
  }))();

/** The schema of the `exchangeRates` option. */
export const exchangeRatesSchema = /* @__PURE__ */ (() =>
  z.union([
    z.record(
      z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code such as "USD"' })),
      z.union([positiveMoney, datedTable]),
    ),
    rateFunction,
  ]))();

/** Whether every rate given for `currency` is 1 (the target currency converts to itself), or none is given. */
export function isIdentityFor(rates: ExchangeRates | undefined, currency: string | undefined): boolean {
  if (rates === undefined || currency === undefined || typeof rates === 'function') return true;
  const entry = rates[currency];
  if (entry === undefined) return true;
  if (typeof entry === 'number' || typeof entry === 'string') return compareDecimal(entry, 1) === 0;
  return entry.every((dated) => compareDecimal(dated.rate, 1) === 0);
}

/** The UTC day number (days since 1970-01-01) of the last day of a month index. */
export function monthEndDay(month: number): number {
  return monthStart(month + 1) / DAY_MS - 1;
}

/** A returned value as a message shows it. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** A dated table read: its days ascending and their rates. */
interface Table {
  readonly days: Float64Array;
  readonly rates: readonly Rate[];
}

/**
 * The rates of one call: numbers the currencies met (index 0, 1, … in order of appearance) and answers the
 * rate of a currency, fixed or in force on a day. A function's answers are cached per currency and day.
 */
export class RateBook {
  private readonly metric: string;
  private readonly option: ExchangeRates;
  private readonly reader = new DecimalReader();
  private readonly indexes = new Map<string, number>();
  /** Per index: the currency code, its fixed rate (undefined when dated) and its table or function cache. */
  readonly codes: string[] = [];
  readonly fixed: (Rate | undefined)[] = [];
  private readonly tables: (Table | undefined)[] = [];
  private readonly cache: Map<number, Rate>[] = [];

  constructor(metric: string, option: ExchangeRates) {
    this.metric = metric;
    this.option = option;
  }

  /** The index of a currency, or −1 when the option has no rate for it. */
  indexOf(currency: string): number {
    const known = this.indexes.get(currency);
    if (known !== undefined) return known;
    const option = this.option;
    let entry: number | string | readonly DatedRate[] | undefined;
    if (typeof option !== 'function') {
      entry = Object.hasOwn(option, currency) ? option[currency] : undefined;
      if (entry === undefined) return -1;
    }
    const index = this.codes.length;
    this.indexes.set(currency, index);
    this.codes.push(currency);
    this.cache.push(new Map());
    if (entry === undefined) {
      this.fixed.push(undefined);
      this.tables.push(undefined);
    } else if (typeof entry === 'number' || typeof entry === 'string') {
      this.fixed.push(this.read(entry));
      this.tables.push(undefined);
    } else {
      this.fixed.push(undefined);
      this.tables.push({
        days: Float64Array.from(entry, (dated) => parseIsoDate(dated.from) / DAY_MS),
        rates: entry.map((dated) => this.read(dated.rate)),
      });
    }
    return index;
  }

  private read(value: number | string): Rate {
    this.reader.read(value);
    return { int: this.reader.int, scale: this.reader.scale };
  }

  /**
   * The rate of currency `index` in force on the UTC day number `day`. `neededBy` names what needs it (such
   * as `subscriptions[3]`), for the message when no rate is in force.
   */
  at(index: number, day: number, neededBy: string): Rate {
    const fixed = this.fixed[index];
    if (fixed !== undefined) return fixed;
    const table = this.tables[index];
    if (table !== undefined) {
      const { days } = table;
      // The last entry whose day is at or before `day`.
      let lo = 0;
      let hi = days.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((days[mid] as number) <= day) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) {
        invalid(
          this.metric,
          ['exchangeRates', this.codes[index] as string],
          `has no rate in force on ${formatDay(day * DAY_MS)}, which ${neededBy} needs (its first rate is from ${formatDay((days[0] as number) * DAY_MS)})`,
          'options',
        );
      }
      return table.rates[lo - 1] as Rate;
    }
    const cache = this.cache[index] as Map<number, Rate>;
    let rate = cache.get(day);
    if (rate === undefined) {
      rate = this.call(this.codes[index] as string, day);
      cache.set(day, rate);
    }
    return rate;
  }

  /** Calls the rate function once, and validates what it returns. */
  private call(currency: string, day: number): Rate {
    const date = formatDay(day * DAY_MS);
    const fail = (problem: string): never => {
      throw new MetricError(this.metric, 'INVALID_INPUT', [
        {
          code: 'custom',
          path: ['exchangeRates', currency],
          message: `exchangeRates(${JSON.stringify(currency)}, ${JSON.stringify(date)}) ${problem}`,
          reason: problem,
        },
      ]);
    };
    let value: unknown;
    try {
      value = (this.option as RateFunction)(currency, date);
    } catch (error) {
      return fail(`threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isDecimal(value) || compareDecimal(value, 0) <= 0) {
      return fail(`returned ${shown(value)}; a rate must be a positive finite number or decimal string`);
    }
    return this.read(value);
  }
}
