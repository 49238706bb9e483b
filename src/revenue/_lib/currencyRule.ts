// The currency rule of records and lines: each element is in its own `currency`, or in the target currency
// when it names none; elements in several currencies need rates to a target currency, and an element
// without a currency is refused beside one that names a currency when no target says what it is in.
// Subscription records and invoice lines both follow it. It answers per element without allocating.
import { invalid } from '../../internal/parse.js';
import { type ExchangeRates, RateBook } from './exchangeRates.js';
import type { Rate } from './monthlyAmounts.js';

/** The currency policies: a target currency and rates to it. */
export interface CurrencyPolicies {
  readonly currency?: string | undefined;
  readonly exchangeRates?: ExchangeRates | undefined;
}

/** Applies the currency rule element by element, and gives each one's rate to the target currency. */
export class CurrencyRule {
  private readonly metric: string;
  private readonly field: string;
  private readonly noun: string;
  private readonly target: string | undefined;
  /** The exchange rates, when given. */
  readonly book: RateBook | undefined;
  /**
   * After {@link CurrencyRule.rateOf}: the index in {@link CurrencyRule.book} of the element's currency when
   * that currency has dated rates (its amount is then left in it, for the caller to convert), otherwise −1.
   */
  dated = -1;
  private seenCurrency: string | undefined;
  private seenIndex = -1;
  /** The first element without a currency, while no target currency says what it is in. */
  private missingIndex = -1;
  /** No target currency, and no element without a currency seen yet. */
  private untargeted: boolean;

  /** `noun` names one element in messages (`'record'`, `'line'`). Rates are validated by the options schema. */
  constructor(metric: string, field: string, noun: string, policies: CurrencyPolicies) {
    this.metric = metric;
    this.field = field;
    this.noun = noun;
    this.target = policies.currency;
    this.untargeted = policies.currency === undefined;
    this.book = policies.exchangeRates === undefined ? undefined : new RateBook(metric, policies.exchangeRates);
  }

  /**
   * The fixed rate of element `index` (its validated `currency`, or undefined), or undefined when no fixed
   * conversion applies (see {@link CurrencyRule.dated}); throws `INVALID_INPUT` at its `currency` when the
   * elements' currencies cannot be summed.
   */
  rateOf(currency: string | undefined, index: number): Rate | undefined {
    this.dated = -1;
    if (currency === undefined) {
      // Once one element lacks a currency, no other names one (that is refused), so the check is done.
      if (this.untargeted) this.withoutCurrency(index);
      return undefined;
    }
    if (currency === this.target) return undefined;
    const book = this.book;
    if (book !== undefined) {
      const at = book.indexOf(currency);
      if (at < 0) {
        invalid(
          this.metric,
          [this.field, index, 'currency'],
          `is ${currency}, which has no rate in options.exchangeRates`,
        );
      }
      const fixed = book.fixed[at];
      if (fixed === undefined) this.dated = at;
      return fixed;
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

  /**
   * An element without a currency and no target currency: it is in the elements' one currency when none
   * names another, so it is refused as soon as one does (rather than summed with it as if the same money).
   */
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
