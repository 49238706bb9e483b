import * as z from 'zod/mini';
import { bulkArray, invalid, type NoOptions, noOptions, parseForm } from '../internal/parse.js';
import { conditionalSpend, readSpend, readSpendRecord } from './_lib/gammaGamma.js';
import { readValueModel, type ValueModel } from './_lib/fittedModels.js';
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
      /** Every customer of a base: the result is one expected spend per customer, in order. */
      readonly customers: ArrayLike<GammaGammaCustomer>;
    };

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'customer', schema: z.strictObject({ model: z.unknown(), customer: z.unknown() }) },
    {
      key: 'customers',
      schema: z.strictObject({ model: z.unknown(), customers: bulkArray('an array of { frequency, monetaryValue }') }),
    },
  ] as const)();

function spend(model: ValueModel, x: number, m: number, path: readonly (string | number)[]): number {
  const value = conditionalSpend(model.p, model.q, model.v, x, m);
  if (value === null) {
    invalid(
      METRIC,
      x === 0 ? ['model', 'q'] : path,
      x === 0
        ? 'must exceed 1 to value a customer without repeat purchases: the mean spend p·v/(q − 1) is infinite otherwise'
        : 'gives p·frequency + q ≤ 1: the expected spend is infinite',
    );
  }
  if (!Number.isFinite(value)) invalid(METRIC, path, 'gives an expected spend beyond the double range');
  return value;
}

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
 * @param input - `{ model, customer: { frequency, monetaryValue } }` for one customer (a number), or
 * `{ model, customers: [...] }` for many (an array of numbers, in order).
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `model` is not a fitted Gamma-Gamma model (`model.model`
 * not `'gamma-gamma'`, or p, q, v not positive finite numbers), a frequency is not a whole number ≥ 0, a
 * monetaryValue is negative, not a finite number or decimal string, or 0 with repeat purchases, a key is
 * unknown, `options` has any key, or the expected spend is infinite (q ≤ 1 for a customer without repeat purchases).
 * @example
 * ```ts
 * // CDNOW (Fader & Hardie 2013): p = 6.25, q = 3.74, v = 15.44; 2 repeat purchases of $22.35 on average.
 * const model = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
 * expectedMonetaryValue({ model, customer: { frequency: 2, monetaryValue: 22.35 } }); // ≈ 24.66
 * expectedMonetaryValue({ model, customer: { frequency: 0, monetaryValue: 0 } }); // ≈ 35.22
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
export function expectedMonetaryValue(input: ExpectedMonetaryValueInput, options?: NoOptions): number | number[] {
  noOptions(METRIC, options, ['model', 'customer', 'customers']);
  const parsed = parseForm(METRIC, forms, input);
  const model = readValueModel(METRIC, parsed.value.model, ['model']);
  if (parsed.form === 'customer') {
    const { x, value } = readSpendRecord(METRIC, parsed.value.customer, ['customer']);
    const m = readSpend(METRIC, x, value, ['customer', 'monetaryValue']);
    return spend(model, x, m, ['customer']);
  }
  const rows = parsed.value.customers;
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const { x, value } = readSpendRecord(METRIC, rows[i], ['customers', i]);
    out[i] = spend(model, x, readSpend(METRIC, x, value, ['customers', i, 'monetaryValue']), ['customers', i]);
  }
  return out;
}
