import * as z from 'zod/mini';
import { hasOnlyKeys, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { nonNegativeNumber } from '../internal/schemas.js';
import { checkPeriods, type PurchaseModel } from './_lib/predictionInput.js';
import { readModel } from './_lib/registry.js';

const METRIC = 'purchaseCountProbability';
/** The negative binomial tail is summed term by term: up to ten million terms. */
const MAX_PURCHASES = 10_000_000;

/** Input of {@link purchaseCountProbability}. */
export interface PurchaseCountProbabilityInput {
  /** A fitted purchase-count model (`fitBetaGeometricNbd`'s result, or `{ model: 'bg-nbd', r, alpha, a, b }`). */
  readonly model: PurchaseModel;
  /** n: the number of purchases, a whole number from 0 to 10 000 000. */
  readonly purchases: number;
  /** The horizon t, in the model's time unit, ≥ 0. */
  readonly periods: number;
}

const FIELDS = ['model', 'purchases', 'periods'];

const schema = /* @__PURE__ */ (() =>
  z.strictObject({
    model: z.unknown(),
    purchases: z.int().check(z.gte(0), z.lte(MAX_PURCHASES)),
    periods: nonNegativeNumber,
  }))();

/**
 * Probability that a customer just acquired makes exactly `purchases` repeat purchases within `periods`
 * (BG/NBD P(X(t) = n)).
 *
 * @remarks
 * For the BG/NBD model (Fader, Hardie & Lee 2005, eq. 8):
 * P(X(t) = n) = B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r (t/(α + t))^n
 *   + δ_{n>0} · B(a + 1, b + n − 1)/B(a, b) · [1 − (α/(α + t))^r Σ_{j<n} Γ(r + j)/(Γ(r) j!) (t/(α + t))^j].
 * Every term is computed in logarithms; the bracket (the negative binomial tail) is summed from n upwards
 * when n is above the mean, so small probabilities keep their digits. Σ_n P(X(t) = n) = 1. Double precision.
 *
 * Unit: a probability in [0, 1].
 *
 * @param input - `{ model, purchases, periods }`.
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `options` has any key; at `['model', 'model']` for an unknown model kind, at
 * `['model', name]` for a parameter that is not a positive finite number, at `['purchases']` when it is not a
 * whole number from 0 to 10 000 000 (the tail is summed term by term), at `['periods']` when it is negative or not finite.
 * @example
 * ```ts
 * // CDNOW, weeks; R's BTYD prints the same figures (bgnbd.pmf).
 * const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * purchaseCountProbability({ model, purchases: 0, periods: 39 }); // ≈ 0.5738
 * purchaseCountProbability({ model, purchases: 11, periods: 30 }); // ≈ 0.0020
 * ```
 * @category Purchases
 */
export function purchaseCountProbability(input: PurchaseCountProbabilityInput, options?: NoOptions): number {
  noOptions(METRIC, options, FIELDS);
  const parsed = readInput(input);
  const model = readModel(METRIC, parsed.model);
  checkPeriods(METRIC, model, parsed.periods);
  return model.kind.countProbability(model.parameters, parsed.purchases, parsed.periods);
}

/**
 * The input as the schema parses it. The common valid case is checked by hand (the schema's parse costs
 * microseconds, more than the probability); anything else goes through the schema, which names the problem.
 */
function readInput(input: unknown): { model: unknown; purchases: number; periods: number } {
  if (hasOnlyKeys(input, FIELDS)) {
    const { purchases, periods } = input;
    if (
      typeof purchases === 'number' &&
      Number.isInteger(purchases) &&
      purchases >= 0 &&
      purchases <= MAX_PURCHASES &&
      typeof periods === 'number' &&
      periods >= 0 &&
      periods <= Number.MAX_VALUE
    ) {
      // −0 periods read as 0, as nonNegativeNumber does; purchases as z.int() returns them.
      return { model: input.model, purchases, periods: periods + 0 };
    }
  }
  return parse(METRIC, schema, input);
}
