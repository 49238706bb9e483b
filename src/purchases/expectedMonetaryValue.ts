import * as z from 'zod/mini';
import { invalid, isArrayInput, type NoOptions, noOptions, parseForm } from '../internal/parse.js';
import { readValueModel } from './_lib/fittedModels.js';
import { readSpend, readSpendRecord } from './_lib/gammaGamma.js';
import { checkedSpend, columnSpends, recordSpends } from './_lib/spends.js';
import type { GammaGammaCustomer, GammaGammaParameters } from './fitGammaGamma.js';

const METRIC = 'expectedMonetaryValue';

/** A fitted Gamma-Gamma model, as {@link fitGammaGamma} returns it. */
export interface GammaGammaModel extends GammaGammaParameters {
  /** The model's name. */
  readonly model: 'gamma-gamma';
}

/** Input of {@link expectedMonetaryValue}: one customer, or many. */
export type ExpectedMonetaryValueInput =
  | {
      /** The fitted Gamma-Gamma model, as {@link fitGammaGamma} returns it. */
      readonly model: GammaGammaModel;
      /** One customer: its repeat purchases and their mean value. */
      readonly customer: GammaGammaCustomer;
    }
  | {
      /** The fitted Gamma-Gamma model, as {@link fitGammaGamma} returns it. */
      readonly model: GammaGammaModel;
      /**
       * Every customer of a base, as records (the result is an array of numbers) or as columns of equal
       * length (the result is a Float64Array): one expected spend per customer, in order.
       */
      readonly customers:
        | ArrayLike<GammaGammaCustomer>
        | {
            /** Repeat purchases of each customer (Float64Arrays are read in place). */
            readonly frequency: ArrayLike<number>;
            /** Each customer's mean repeat spend: numbers or decimal strings. */
            readonly monetaryValue: ArrayLike<number | string>;
          };
    };

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'customer', schema: z.strictObject({ model: z.unknown(), customer: z.unknown() }) },
    { key: 'customers', schema: z.strictObject({ model: z.unknown(), customers: z.unknown() }) },
  ] as const)();

/**
 * Expected monetary value: the mean value of a customer's future purchases under the Gamma-Gamma model.
 *
 * @remarks
 * E[Z | p, q, v, x, z̄] = p (v + x z̄)/(p x + q − 1) = (1 − w) · p v/(q − 1) + w · z̄ with
 * w = p x/(p x + q − 1): a weighted mean of the population's mean spend p v/(q − 1) and the customer's own
 * mean repeat spend z̄, the weight of z̄ growing with the number of repeat purchases x (Fader & Hardie 2013,
 * equation 5). A customer without repeat purchase gets the population's mean, which exists only when q > 1.
 *
 * The model assumes spend per purchase independent of purchase frequency: see `frequencyValueCorrelation`
 * in {@link fitGammaGamma}'s result.
 *
 * Double precision (the model is fitted in double precision): a decimal-string z̄ is read to the nearest
 * double; the result carries a few ulps of rounding.
 *
 * Unit: money per purchase, in the currency of `monetaryValue`.
 *
 * Source: P. S. Fader and B. G. S. Hardie, "The Gamma-Gamma Model of Monetary Value" (2013 note,
 * brucehardie.com/notes/025), equation 5; lifetimes' `conditional_expected_average_profit`.
 *
 * Scoring a base reads each customer once: numbers are checked inline, decimal strings read as for one
 * customer; columns of Float64Arrays are read in place.
 *
 * @param input - `{ model, customer: { frequency, monetaryValue } }` for one customer (a number);
 * `{ model, customers: [...] }` for records (an array of numbers, in order); `{ model, customers: { frequency,
 * monetaryValue } }` for columns of equal length, arrays or typed arrays (a Float64Array, in order).
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `model` is not a fitted Gamma-Gamma model (`model.model`
 * not `'gamma-gamma'`, or p, q, v not positive finite numbers), a frequency is not a whole number ≥ 0, a
 * monetaryValue is negative, not a finite number or decimal string, above 1e15, or 0 with repeat purchases
 * (at `['customer', field]`, `['customers', i, field]` for records, `['customers', field, i]` for columns), a
 * key or a column is unknown (`['customers', name]`), a column is missing or not an array, `monetaryValue`
 * has not as many elements as `frequency` (`['customers', 'monetaryValue']`), `customers` is neither records
 * nor columns, `options` has any key, or the expected spend is infinite (at `['model', 'q']` when q ≤ 1 for
 * a customer without repeat purchases; at the customer, or at its frequency in columns, when p·x + q ≤ 1).
 * @example
 * ```ts
 * // CDNOW (Fader & Hardie 2013): p = 6.25, q = 3.74, v = 15.44; 2 repeat purchases of $22.35 on average.
 * const model = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
 * expectedMonetaryValue({ model, customer: { frequency: 2, monetaryValue: 22.35 } }); // ≈ 24.66
 * expectedMonetaryValue({ model, customer: { frequency: 0, monetaryValue: 0 } }); // ≈ 35.22
 * // A base as columns: a Float64Array, ≈ [24.66, 35.22].
 * expectedMonetaryValue({ model, customers: { frequency: [2, 0], monetaryValue: Float64Array.of(22.35, 0) } });
 * ```
 * @category Purchases
 */
export function expectedMonetaryValue(
  input: { readonly model: GammaGammaModel; readonly customer: GammaGammaCustomer },
  options?: NoOptions,
): number;
export function expectedMonetaryValue(
  input: { readonly model: GammaGammaModel; readonly customers: ArrayLike<GammaGammaCustomer> },
  options?: NoOptions,
): number[];
export function expectedMonetaryValue(
  input: {
    readonly model: GammaGammaModel;
    readonly customers: { readonly frequency: ArrayLike<number>; readonly monetaryValue: ArrayLike<number | string> };
  },
  options?: NoOptions,
): Float64Array;
export function expectedMonetaryValue(
  input: ExpectedMonetaryValueInput,
  options?: NoOptions,
): number | number[] | Float64Array {
  noOptions(METRIC, options, ['model', 'customer', 'customers']);
  const parsed = parseForm(METRIC, forms, input);
  const model = readValueModel(METRIC, parsed.value.model, ['model']);
  if (parsed.form === 'customer') {
    const { x, value } = readSpendRecord(METRIC, parsed.value.customer, ['customer']);
    const m = readSpend(METRIC, x, value, ['customer', 'monetaryValue']);
    return checkedSpend(METRIC, model, x, m, ['customer']);
  }
  const customers = parsed.value.customers;
  if (isArrayInput(customers)) return recordSpends(METRIC, model, customers);
  if (typeof customers !== 'object' || customers === null) {
    invalid(
      METRIC,
      ['customers'],
      customers === undefined
        ? 'is required'
        : 'must be an array of { frequency, monetaryValue } or columns { frequency, monetaryValue }',
    );
  }
  return columnSpends(METRIC, model, customers as Record<string, unknown>);
}
