import * as z from 'zod/mini';
import { type NoOptions, noOptions, parse } from '../internal/parse.js';
import { parameter, projection } from './_lib/shiftedBetaGeometric.js';

const METRIC = 'projectShiftedBetaGeometric';

/** The most periods a projection returns. */
const MAX_PERIODS = 1_000_000;

/** Input of {@link projectShiftedBetaGeometric}. */
export interface ProjectShiftedBetaGeometricInput {
  /** α of the sBG model, from 1e-10 to 1e10 (as {@link fitShiftedBetaGeometric} returns it). */
  readonly alpha: number;
  /** β of the sBG model, from 1e-10 to 1e10. */
  readonly beta: number;
  /** How many periods to project: a count from 1 to 1 000 000. */
  readonly periods: number;
}

/** Result of {@link projectShiftedBetaGeometric}: one entry per period, index 0 is period 1. */
export interface ProjectShiftedBetaGeometricResult {
  /** S(t): the share of the cohort still active after t periods (after the t-th renewal decision). */
  readonly survival: number[];
  /** r(t) = S(t)/S(t − 1): the share of the customers active in period t who renew at its end. */
  readonly retention: number[];
  /** P(T = t) = S(t − 1) − S(t): the share of the starting cohort lost at the end of period t. */
  readonly lost: number[];
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    alpha: parameter,
    beta: parameter,
    periods: z.int().check(z.gte(1), z.lte(MAX_PERIODS)),
  }))();

/**
 * Projects a cohort under the shifted-beta-geometric (sBG) model: survival S(t), retention rate r(t) and the
 * share lost in each period t = 1…periods.
 *
 * @remarks
 * With churn probabilities θ ~ Beta(α, β) across customers (Fader & Hardie 2007):
 * r(t) = (β + t − 1)/(α + β + t − 1), S(t) = S(t − 1)·r(t) = B(α, β + t)/B(α, β) with S(0) = 1, and
 * P(T = t) = S(t − 1)·α/(α + β + t − 1), which is the paper's recursion P(T = 1) = α/(α + β),
 * P(T = t) = P(T = t − 1)·(β + t − 2)/(α + β + t − 1). Retention rises with t: the customers likeliest to
 * leave do so first. Multiply by a cohort's size for counts of customers.
 *
 * Double precision: r(t) is computed as q/(α + q) with q = β + (t − 1), so a tiny β is not rounded away
 * (no (β + t) − 1), and r(t) and 1 − r(t) = α/(α + q) share one denominator. Each value is a product of at
 * most t such ratios, each within 3 units in the last place, so its relative error is below t × 5e-16
 * (5e-10 over a million periods), and S(t) + P(T = 1) + … + P(T = t) = 1 within about t × 5e-16 for any α
 * and β (1e-13 over 200 periods).
 *
 * Source: P. S. Fader and B. G. S. Hardie, "How to Project Customer Retention", Journal of Interactive
 * Marketing 21(1), 2007, 76–90 (equations 1, 2 and 8).
 *
 * Unit: fractions (of the starting cohort for `survival` and `lost`, of the customers active in the period
 * for `retention`), per model period.
 *
 * @param input - `{ alpha, beta, periods }`.
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `alpha` or `beta` is not a number from 1e-10 to 1e10,
 * `periods` is not an integer from 1 to 1 000 000, a key is unknown, or `options` has any key (an input
 * field there is named as belonging in the input).
 * @example
 * ```ts
 * // Fader & Hardie (2007): the "regular" segment, fitted on years 1–7, projected to year 12.
 * const projection = projectShiftedBetaGeometric({ alpha: 0.704, beta: 1.182, periods: 12 });
 * projection.survival[0]; // ≈ 0.6267
 * projection.retention[11]; // ≈ 0.9454
 * projectShiftedBetaGeometric({ alpha: 1, beta: 1, periods: 3 }).survival; // ≈ [0.5, 0.3333, 0.25]
 * ```
 * @category Models
 */
export function projectShiftedBetaGeometric(
  input: ProjectShiftedBetaGeometricInput,
  options?: NoOptions,
): ProjectShiftedBetaGeometricResult {
  noOptions(METRIC, options, ['alpha', 'beta', 'periods']);
  const { alpha, beta, periods } = parse(METRIC, inputSchema, input);
  return projection(alpha, beta, periods);
}
