import * as z from 'zod/mini';
import { hasOnlyKeys, invalid, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { nonNegativeNumber } from '../internal/schemas.js';
import { type Customers, type PurchaseHistory, readCustomer } from './_lib/customers.js';
import { checkPeriods, oneOrMany, type PurchaseModel, scoreCustomers } from './_lib/predictionInput.js';
import { readModel } from './_lib/registry.js';

const METRIC = 'expectedPurchases';

/** Input of {@link expectedPurchases}. */
export interface ExpectedPurchasesInput {
  /** A fitted purchase-count model (`fitBetaGeometricNbd`'s result, or `{ model: 'bg-nbd', r, alpha, a, b }`). */
  readonly model: PurchaseModel;
  /** The horizon t, in the model's time unit (the unit of the histories it was fitted on), ≥ 0. */
  readonly periods: number;
  /** One customer's history: the expectation is then conditional on it. */
  readonly customer?: PurchaseHistory;
  /** A whole base (records or columns): one conditional expectation per customer, as a Float64Array. */
  readonly customers?: Customers;
}

const FIELDS = ['model', 'periods', 'customer', 'customers'];

const schema = /* @__PURE__ */ (() =>
  z.strictObject({
    model: z.unknown(),
    periods: nonNegativeNumber,
    customer: z.optional(z.unknown()),
    customers: z.optional(z.unknown()),
  }))();

/**
 * Expected purchases over the next `periods` (BG/NBD E[X(t)] and E[Y(t) | x, t_x, T]): of a new customer, of
 * one customer given their history, or of every customer of a base.
 *
 * @remarks
 * Without a customer, the expected repeat purchases of a customer just acquired, over t time units; for the
 * BG/NBD model (Fader, Hardie & Lee 2005, eq. 9):
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · 2F1(r, b; a + b − 1; t/(α + t))].
 *
 * With a customer (x repeat purchases, the last at t_x, observed until T), the purchases expected over the
 * next t time units (eq. 10):
 * E[Y(t) | x, t_x, T] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x}
 *   · 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))] / [1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x}].
 *
 * Gauss's hypergeometric function is summed as a series of positive terms, in logarithms, so customers with
 * hundreds of purchases never overflow (lifetimes' users meet overflows there); powers are exponentials of
 * logarithms. Double precision: about 1e-12 relative (1e-8 when a is within 1e-4 of 1, where the formula is
 * 0/0 and is interpolated). The work grows with t/(α + T) (a horizon of 100 times the observation takes a few
 * thousand terms). Scoring a base computes the hypergeometric term once per distinct (x, T): a base
 * summarised in days or weeks has few.
 *
 * Source: P. S. Fader, B. G. S. Hardie and K. L. Lee, "'Counting Your Customers' the Easy Way", Marketing
 * Science 24(2), 2005, equations 9 and 10; figures checked against Fader and Hardie's spreadsheet as
 * lifetimes' tests print them.
 *
 * Unit: purchases (a count, not necessarily whole); `periods` in the model's time unit.
 *
 * @param input - `{ model, periods }`, with `customer` or `customers` for conditional expectations.
 * @returns A number; a Float64Array (one value per customer, in order) when `customers` is given.
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `options` has any key; at `['model', 'model']` for an unknown model kind, at
 * `['model', name]` for a parameter that is not a positive finite number, at `['periods']` for a negative or
 * non-finite horizon, at `['customer', field]` or `['customers', i, field]` for a history that breaks the
 * rules of the fits (see {@link fitBetaGeometricNbd}), at `['customers']` when both `customer` and
 * `customers` are given; at `['periods']`, `['customer']` or `['customers', i]` when the horizon is beyond
 * about a million times (α + T)/(r + x), where the hypergeometric series would need more than ten million
 * terms.
 * @throws {@link MetricError} `NO_DATA` when `customers` is empty.
 * @example
 * ```ts
 * // CDNOW, weeks (Fader, Hardie & Lee 2005).
 * const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * expectedPurchases({ model, periods: 78 }); // ≈ 1.861
 * expectedPurchases({ model, periods: 39, customer: { frequency: 2, recency: 30.43, age: 38.86 } }); // ≈ 1.226
 * expectedPurchases({ model, periods: 39, customers: [{ frequency: 0, recency: 0, age: 38.86 }] })[0]; // ≈ 0.195
 * ```
 * @category Purchases
 */
export function expectedPurchases(
  input: ExpectedPurchasesInput & { readonly customers: Customers },
  options?: NoOptions,
): Float64Array;
export function expectedPurchases(input: ExpectedPurchasesInput, options?: NoOptions): number;
export function expectedPurchases(input: ExpectedPurchasesInput, options?: NoOptions): number | Float64Array {
  noOptions(METRIC, options, FIELDS);
  // The common valid case is checked by hand and read without an intermediate object: the schema's parse
  // costs microseconds, more than the prediction. Anything else goes through the schema, which names the
  // problem.
  if (hasOnlyKeys(input, FIELDS)) {
    const periods = input.periods;
    // A finite number ≥ 0, −0 read as 0: what nonNegativeNumber accepts and returns.
    if (typeof periods === 'number' && periods >= 0 && periods <= Number.MAX_VALUE) {
      return predict(input.model, periods + 0, input.customer, input.customers);
    }
  }
  const parsed = parse(METRIC, schema, input);
  return predict(parsed.model, parsed.periods, parsed.customer, parsed.customers);
}

/** The prediction, once the input is read. */
function predict(input: unknown, t: number, customer: unknown, customers: unknown): number | Float64Array {
  if (customer !== undefined && customers !== undefined) oneOrMany(METRIC, { customer, customers });
  const model = readModel(METRIC, input);
  checkPeriods(METRIC, model, t);
  const { kind, parameters } = model;
  if (customers !== undefined) {
    const many = kind.conditionalExpectedColumns;
    const values = scoreCustomers(
      METRIC,
      customers,
      many && ((columns, out) => many(parameters, t, columns, out)),
      (history) => kind.conditionalExpected(parameters, t, history),
    );
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) tooLong(['customers', i]);
    return values;
  }
  const value =
    customer === undefined
      ? kind.expected(parameters, t)
      : kind.conditionalExpected(parameters, t, readCustomer(METRIC, customer, ['customer']));
  if (!Number.isFinite(value)) tooLong(customer === undefined ? ['periods'] : ['customer']);
  return value;
}

/** A horizon whose series would need more than ten million terms, refused rather than answered wrong. */
function tooLong(path: (string | number)[]): never {
  return invalid(
    METRIC,
    path,
    'is too far from what the model can compute: (r + frequency) × periods ÷ (alpha + age) must stay below about a million',
  );
}
