import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noOptions, type NoOptions, parse } from '../internal/parse.js';
import { type Period, period, periodRatio } from '../internal/periods.js';
import { decimal, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'customerLifetimeValue';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = [
  'averagePurchaseValue',
  'purchaseFrequency',
  'customerLifespan',
  'frequencyPeriod',
  'lifespanPeriod',
];

/** Input of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueInput {
  /** Average value of one purchase (money, ≥ 0): a number or a decimal string such as `"49.90"`. */
  readonly averagePurchaseValue: number | string;
  /** Average number of purchases per `frequencyPeriod` (≥ 0, may be fractional: `0.5` a month). */
  readonly purchaseFrequency: number | string;
  /** Average customer lifespan, in `lifespanPeriod`s (≥ 0, may be fractional: `2.5` years). */
  readonly customerLifespan: number | string;
  /** The period `purchaseFrequency` counts purchases in. Default `'month'`. */
  readonly frequencyPeriod?: Period;
  /** The unit of `customerLifespan`. Default: the same as `frequencyPeriod`. */
  readonly lifespanPeriod?: Period;
}

const nonNegative = /* @__PURE__ */ (() => decimal({ min: 0 }))();

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    averagePurchaseValue: nonNegativeMoney,
    purchaseFrequency: nonNegative,
    customerLifespan: nonNegative,
    frequencyPeriod: z.optional(period),
    lifespanPeriod: z.optional(period),
  }))();

/**
 * Customer lifetime value (CLV) from the average purchase value, purchase frequency and customer lifespan.
 *
 * @remarks
 * CLV = average purchase value × purchase frequency × customer lifespan, with the lifespan first converted
 * into the periods the frequency is counted in: 4 purchases a month over a lifespan of 3 years is
 * 4 × 36 = 144 purchases, never 4 × 3. Period lengths are the library's: a year is 12 months, 4 quarters,
 * 52 weeks or 365 days (so a week is 12/52 of a month and a day 12/365 of a month).
 *
 * The result is exact: every input is read as a decimal (`0.1` is one tenth), the product is formed
 * exactly and divided once by the period conversion's denominator, and the result is converted to the
 * nearest number once, at the end.
 *
 * Unit: money, in the currency of `averagePurchaseValue`. It is lifetime revenue; multiply the purchase
 * value by a gross margin first for a lifetime gross profit.
 *
 * Source: the purchase value × purchase frequency × lifespan formula of the source documents
 * (`docs/sources.md` rows 1, 7 and 19), the usual retail definition. For a subscription business with a
 * churn rate, see {@link lifetimeValueFromChurn} (ChartMogul's, Stripe's and ProfitWell's definition).
 *
 * @param input - `{ averagePurchaseValue, purchaseFrequency, customerLifespan, frequencyPeriod = 'month',
 * lifespanPeriod = frequencyPeriod }`; periods are `'day' | 'week' | 'month' | 'quarter' | 'year'`.
 * @param options - none: customerLifetimeValue takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a value is not a finite number or decimal string, is
 * negative, a period is not one of the five names, a key is unknown, or the result is too large to
 * represent as a number.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @example
 * ```ts
 * // $100 a purchase, 4 purchases a month, a lifespan of 3 years (36 months)
 * const shop = { averagePurchaseValue: 100, purchaseFrequency: 4, customerLifespan: 3 };
 * customerLifetimeValue({ ...shop, lifespanPeriod: 'year' }); // => 14400
 * // $50 a visit, 3 visits a month, 24 months
 * const visits = { averagePurchaseValue: '50.00', purchaseFrequency: 3 };
 * customerLifetimeValue({ ...visits, customerLifespan: 24 }); // => 3600
 * // 0.1 twice a week for half a year (26 weeks)
 * const weekly = { averagePurchaseValue: 0.1, purchaseFrequency: 2, frequencyPeriod: 'week' } as const;
 * customerLifetimeValue({ ...weekly, customerLifespan: 0.5, lifespanPeriod: 'year' }); // => 5.2
 * ```
 * @category Value
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const parsed = parse(METRIC, inputSchema, input);
  const frequencyPeriod = parsed.frequencyPeriod ?? 'month';
  const lifespanPeriod = parsed.lifespanPeriod ?? frequencyPeriod;
  // How many frequency periods one lifespan period holds, as an exact fraction (a year holds 52 weeks).
  const [numerator, denominator] = periodRatio(lifespanPeriod, frequencyPeriod);
  const value = exact(parsed.averagePurchaseValue)
    .times(parsed.purchaseFrequency)
    .times(parsed.customerLifespan)
    .times(numerator)
    .div(denominator);
  return toResult(METRIC, value, 'the lifetime value');
}
