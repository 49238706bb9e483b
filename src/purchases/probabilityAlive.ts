import * as z from 'zod/mini';
import { invalid, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { type Customers, type PurchaseHistory, readCustomer } from './_lib/customers.js';
import { oneOrMany, type PurchaseModel, scoreCustomers } from './_lib/predictionInput.js';
import { readModel } from './_lib/registry.js';

const METRIC = 'probabilityAlive';

/** Input of {@link probabilityAlive}: a model and one customer or a whole base. */
export interface ProbabilityAliveInput {
  /** A fitted purchase-count model (`fitBetaGeometricNbd`'s result, or `{ model: 'bg-nbd', r, alpha, a, b }`). */
  readonly model: PurchaseModel;
  /** One customer's history. */
  readonly customer?: PurchaseHistory;
  /** A whole base (records or columns): one probability per customer, as a Float64Array. */
  readonly customers?: Customers;
}

const schema = /* @__PURE__ */ (() =>
  z.strictObject({ model: z.unknown(), customer: z.optional(z.unknown()), customers: z.optional(z.unknown()) }))();

/**
 * Probability that a customer is still active ("alive", P(alive)) at the end of observation, given their
 * purchase history.
 *
 * @remarks
 * For the BG/NBD model (Fader, Hardie & Lee 2005, eq. 10's denominator; Fader, Hardie & Lee, "Computing
 * P(alive) Using the BG/NBD Model", 2008):
 * P(alive | x, t_x, T) = 1/(1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x}).
 * A customer without repeat purchases is alive for certain in this model (lapses happen only just after a
 * purchase). Computed from the log odds, so it never overflows: a customer with 500 purchases who stopped long
 * ago gets a probability near 0, not NaN. Double precision.
 *
 * Unit: a probability in [0, 1] (above 0 in exact arithmetic; below about 1e-308 it rounds to 0).
 *
 * @param input - `{ model, customer }` or `{ model, customers }`.
 * @returns A number; a Float64Array (one probability per customer, in order) when `customers` is given.
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `options` has any key; at `['model', 'model']` for an unknown model kind, at
 * `['model', name]` for a parameter that is not a positive finite number, at `['customer', field]` or
 * `['customers', i, field]` for a history that breaks the rules of the fits, at `['customer']` when neither
 * is given, at `['customers']` when both are.
 * @throws {@link MetricError} `NO_DATA` when `customers` is empty.
 * @example
 * ```ts
 * const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * probabilityAlive({ model, customer: { frequency: 0, recency: 0, age: 38.86 } }); // => 1
 * probabilityAlive({ model, customer: { frequency: 2, recency: 30.43, age: 38.86 } }); // ≈ 0.727
 * ```
 * @category Purchases
 */
export function probabilityAlive(
  input: ProbabilityAliveInput & { readonly customers: Customers },
  options?: NoOptions,
): Float64Array;
export function probabilityAlive(input: ProbabilityAliveInput, options?: NoOptions): number;
export function probabilityAlive(input: ProbabilityAliveInput, options?: NoOptions): number | Float64Array {
  noOptions(METRIC, options, ['model', 'customer', 'customers']);
  const parsed = parse(METRIC, schema, input);
  oneOrMany(METRIC, parsed);
  const { kind, parameters } = readModel(METRIC, parsed.model);
  if (parsed.customers !== undefined) {
    const many = kind.probabilityAliveColumns;
    return scoreCustomers(
      METRIC,
      parsed.customers,
      many && ((columns, out) => many(parameters, columns, out)),
      (history) => kind.probabilityAlive(parameters, history),
    );
  }
  if (parsed.customer === undefined) invalid(METRIC, ['customer'], 'is required (or customers, for a whole base)');
  return kind.probabilityAlive(parameters, readCustomer(METRIC, parsed.customer, ['customer']));
}
