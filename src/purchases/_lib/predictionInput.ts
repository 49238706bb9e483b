// What the prediction functions share: the fitted model they are given (any known kind), checked once, and
// the customers they score, one or a whole base.
import { invalid } from '../../internal/parse.js';
import type { FitBetaGeometricBetaBinomialResult } from '../fitBetaGeometricBetaBinomial.js';
import type { BetaGeometricNbdModel } from '../fitBetaGeometricNbd.js';
import type { FitParetoNbdResult } from '../fitParetoNbd.js';
import { readCustomers } from './customers.js';
import type { History } from './kinds.js';
import type { CountModel } from './registry.js';

/** A fitted model written out by hand: its `model` name and its parameters (`{ model: 'bg-nbd', r, alpha, a, b }`). */
export interface FittedPurchaseModel {
  /** The model's name (`'bg-nbd'`, `'pareto-nbd'`, `'bg-bb'`). */
  readonly model: string;
  readonly [parameter: string]: unknown;
}

/** A fitted purchase-count model, as a fit returns it or written out. */
export type PurchaseModel =
  | BetaGeometricNbdModel
  | FitParetoNbdResult
  | FitBetaGeometricBetaBinomialResult
  | FittedPurchaseModel;

/** `periods` checked for the model: a whole number of opportunities for a discrete-time model. */
export function checkPeriods(metric: string, model: CountModel, periods: number, field = 'periods'): void {
  if (model.kind.discrete && !Number.isInteger(periods)) {
    invalid(metric, [field], `must be a whole number of periods for the ${model.kind.name} model`);
  }
}

/**
 * Scores a whole base: `many` when the model has it, else `one` per customer. A Float64Array of the
 * customers' values, in their order.
 */
export function scoreCustomers(
  metric: string,
  customers: unknown,
  many: ((columns: ReturnType<typeof readCustomers>, out: Float64Array) => void) | undefined,
  one: (history: History) => number,
): Float64Array {
  const columns = readCustomers(metric, customers);
  const out = new Float64Array(columns.count);
  if (many !== undefined) {
    many(columns, out);
    return out;
  }
  const history = { frequency: 0, recency: 0, age: 0 };
  for (let i = 0; i < columns.count; i++) {
    history.frequency = columns.frequency[i] as number;
    history.recency = columns.recency[i] as number;
    history.age = columns.age[i] as number;
    out[i] = one(history);
  }
  return out;
}

/** Refuses `customer` and `customers` together. */
export function oneOrMany(metric: string, input: { customer?: unknown; customers?: unknown }): void {
  if (input.customer !== undefined && input.customers !== undefined) {
    invalid(metric, ['customers'], 'cannot be given with customer: score one customer or a whole base');
  }
}
