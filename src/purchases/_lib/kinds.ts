// What every purchase-count model offers to the prediction functions (expectedPurchases, probabilityAlive,
// purchaseCountProbability, predictCustomerValue), so that those read a model once and dispatch on its
// `model` name without knowing its formulas. Each model's file implements this interface in double
// precision, in log space wherever a term can overflow.
import type { CustomerColumns } from './customers.js';

/**
 * One customer's history in the model's time unit, in the BTYD conventions: `frequency` repeat purchases
 * (x), the last at `recency` (t_x) after the first, observed for `age` (T) since the first purchase. For the
 * discrete-time BG/BB model `age` is the number of purchase opportunities (n) and `recency` the opportunity
 * of the last purchase.
 */
export interface History {
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
}

/**
 * A field of a fitted model as a double for {@link CountModelKind.readFields}: the number itself, NaN for
 * anything else (which the model's check then refuses as it refuses NaN, with the same message).
 */
export const numberOrNaN = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);

/** The formulas of one purchase-count model, over its parameters in the order of `parameters`. */
export interface CountModelKind {
  /** The model's name, as in a fitted model's `model` field (`'bg-nbd'`, …). */
  readonly name: string;
  /** The parameters' names in the fitted model, each a positive finite number. */
  readonly parameters: readonly string[];
  /**
   * Copies a fitted model's `parameters` into `out` as doubles ({@link numberOrNaN}), in their order, each
   * field read once and by its name: a scalar prediction reads its model on every call, and a read by name
   * is several times faster than one by a computed key.
   */
  readFields(model: Record<string, unknown>, out: Float64Array): void;
  /** The field of a customer that holds T: `'age'`, or `'opportunities'` for discrete-time models. */
  readonly ageField: 'age' | 'opportunities';
  /** Whether time is counted in whole periods (purchase opportunities) rather than continuously. */
  readonly discrete: boolean;
  /** E[X(t)]: expected purchases of a customer just acquired, over `t` time units. */
  expected(parameters: Float64Array, t: number): number;
  /** E[Y(t) | history]: expected purchases over the next `t` time units of a customer with this history. */
  conditionalExpected(parameters: Float64Array, t: number, history: History): number;
  /** P(alive | history): the probability that the customer has not lapsed by the end of observation. */
  probabilityAlive(parameters: Float64Array, history: History): number;
  /**
   * E[Y(t) | alive at the end of observation, x, T]: the expected purchases over the next `t` time units of a
   * customer known to be alive at T, which depends on the history through x and T only. Every model's
   * E[Y(t) | history] is this times {@link CountModelKind.aliveAtEnd}, so a base sharing few (x, T) shares
   * most of the work of a forecast over many horizons.
   */
  expectedIfAlive(parameters: Float64Array, t: number, frequency: number, age: number): number;
  /**
   * P(alive at the end of observation | history): the factor of {@link CountModelKind.expectedIfAlive} in
   * E[Y(t) | history]. For the continuous-time models it is `probabilityAlive`; BG/BB's `probabilityAlive` is
   * that of the next opportunity, this is that of the last one observed.
   */
  aliveAtEnd(parameters: Float64Array, history: History): number;
  /** P(X(t) = n): the probability that a customer just acquired buys exactly `n` times in `t` time units. */
  countProbability(parameters: Float64Array, n: number, t: number): number;
  /**
   * Optional: E[Y(t) | history] of a whole base into `out`, faster than one call per customer (a model may
   * share work between customers). Without it the predictions call `conditionalExpected` for each.
   */
  conditionalExpectedColumns?(parameters: Float64Array, t: number, customers: CustomerColumns, out: Float64Array): void;
  /** Optional: P(alive | history) of a whole base into `out`. */
  probabilityAliveColumns?(parameters: Float64Array, customers: CustomerColumns, out: Float64Array): void;
}
