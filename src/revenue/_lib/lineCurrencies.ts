// The currency rule of bulk money lines (invoice lines): each line is in its own `currency`, or in the
// target currency when it names none; lines in several currencies need fixed rates to a target currency,
// and a line without a currency is refused beside one that names a currency when no target says what it
// is in. It reads rates once and answers per line without allocating.
import { invalid } from '../../internal/parse.js';
import { DecimalReader } from '../../internal/exact/scaled.js';
import type { Rate } from './monthlyAmounts.js';

/** The currency policies: a target currency and fixed rates to it. */
export interface CurrencyPolicies {
  readonly currency?: string | undefined;
  readonly exchangeRates?: Readonly<Record<string, number | string>> | undefined;
}

/** Applies the currency rule line by line, and gives each line's rate to the target currency. */
export class LineCurrencies {
  private readonly metric: string;
  private readonly field: string;
  private readonly noun: string;
  private readonly target: string | undefined;
  private readonly rates: Map<string, Rate> | undefined;
  private seenCurrency: string | undefined;
  private seenIndex = -1;
  /** The first line without a currency, while no target currency says what it is in. */
  private missingIndex = -1;
  /** No target currency, and no line without a currency seen yet. */
  private untargeted: boolean;

  /** `noun` names one element in messages (`'line'`). Rates are validated by the options schema. */
  constructor(metric: string, field: string, noun: string, policies: CurrencyPolicies) {
    this.metric = metric;
    this.field = field;
    this.noun = noun;
    this.target = policies.currency;
    this.untargeted = policies.currency === undefined;
    if (policies.exchangeRates !== undefined) {
      this.rates = new Map();
      const reader = new DecimalReader();
      for (const [code, rate] of Object.entries(policies.exchangeRates)) {
        reader.read(rate);
        this.rates.set(code, { int: reader.int, scale: reader.scale });
      }
    }
  }

  /**
   * The rate of line `index` (its validated `currency`, or undefined), or undefined when no conversion
   * applies; throws `INVALID_INPUT` at its `currency` when the lines' currencies cannot be summed.
   */
  rateOf(currency: string | undefined, index: number): Rate | undefined {
    if (currency === undefined) {
      // Once one line lacks a currency, no other names one (that is refused), so the check is done.
      if (this.untargeted) this.withoutCurrency(index);
      return undefined;
    }
    if (currency === this.target) return undefined;
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
    if (this.missingIndex >= 0) this.missingBeside(this.missingIndex, index, currency);
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

  private withoutCurrency(index: number): void {
    if (this.seenCurrency !== undefined) this.missingBeside(index, this.seenIndex, this.seenCurrency);
    this.missingIndex = index;
    this.untargeted = false;
  }

  private missingBeside(missing: number, named: number, currency: string): never {
    return invalid(
      this.metric,
      [this.field, missing, 'currency'],
      `is missing but ${this.field}[${named}] is ${currency}; give every ${this.noun} a currency, or pass options.currency (the currency of ${this.noun}s without one)`,
    );
  }
}
