import * as z from 'zod/mini';
import { type NoOptions, noOptions, parse } from '../internal/parse.js';
import { churnAt, parameter, retentionAt } from './_lib/shiftedBetaGeometric.js';

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
 * Double precision: each value is a product of at most t correctly rounded ratios, so its relative error is
 * below t × 1.2e-16 (1e-10 over a million periods).
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
  const survival = new Array<number>(periods);
  const retention = new Array<number>(periods);
  const lost = new Array<number>(periods);
  let alive = 1;
  for (let t = 1; t <= periods; t++) {
    const renew = retentionAt(alpha, beta, t);
    lost[t - 1] = alive * churnAt(alpha, beta, t);
    alive *= renew;
    survival[t - 1] = alive;
    retention[t - 1] = renew;
  }
  return { survival, retention, lost };
}
