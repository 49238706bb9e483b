import * as z from 'zod/mini';
import { invalid, parseOptions } from '../internal/parse.js';
import { BgBbWorkspace, bgBbLogLikelihood } from './_lib/bgBbLikelihood.js';
import { readPatterns } from './_lib/bgBbPatterns.js';
import { interior } from './_lib/interior.js';
import { maximize } from './_lib/maximize.js';

const METRIC = 'fitBetaGeometricBetaBinomial';

/** One purchase pattern of the BG/BB model: a customer, or `count` customers who share it. */
export interface BetaGeometricBetaBinomialCustomer {
  /** x: the opportunities after the first purchase at which the customer bought (a whole number ≥ 0). */
  readonly frequency: number;
  /** t_x: the opportunity of the last purchase, counted from the first (0 without repeat purchase). */
  readonly recency: number;
  /** n: the purchase opportunities observed since the first purchase (a whole number from 1 to 100 000). */
  readonly opportunities: number;
  /** Customers who share this pattern (a whole number ≥ 1). Default 1. */
  readonly count?: number | undefined;
}

/** Input of {@link fitBetaGeometricBetaBinomial}: the customers (or patterns), as records or parallel columns. */
export interface FitBetaGeometricBetaBinomialInput {
  /** One record per customer or per pattern, or columns of equal length (arrays or typed arrays). */
  readonly customers:
    | ArrayLike<BetaGeometricBetaBinomialCustomer>
    | {
        /** Repeat purchases of each pattern. */
        readonly frequency: ArrayLike<number>;
        /** The opportunity of each pattern's last purchase. */
        readonly recency: ArrayLike<number>;
        /** Each pattern's purchase opportunities after the first purchase. */
        readonly opportunities: ArrayLike<number>;
        /** Customers with each pattern (default 1 each). */
        readonly count?: ArrayLike<number> | undefined;
      };
}

/** The parameters of a BG/BB model. */
export interface BetaGeometricBetaBinomialParameters {
  /** α of the Beta distribution of the probability p of buying at an opportunity while alive. */
  readonly alpha: number;
  /** β of the Beta distribution of p. */
  readonly beta: number;
  /** γ of the Beta distribution of the probability θ of lapsing before an opportunity. */
  readonly gamma: number;
  /** δ of the Beta distribution of θ. */
  readonly delta: number;
}

/** Options of {@link fitBetaGeometricBetaBinomial}. */
export interface FitBetaGeometricBetaBinomialOptions {
  /** Where the search starts. Default: every parameter 1. */
  readonly start?: BetaGeometricBetaBinomialParameters | undefined;
  /** Quasi-Newton iterations before the search gives up (`converged: false`). Default 500. */
  readonly maxIterations?: number | undefined;
}

/** Result of {@link fitBetaGeometricBetaBinomial}: a fitted model the prediction functions accept. */
export interface FitBetaGeometricBetaBinomialResult extends BetaGeometricBetaBinomialParameters {
  /** The model's name, which the prediction functions read. */
  readonly model: 'bg-bb';
  /** The maximised log-likelihood, Σ count · ln L(x, t_x, n), in nats. */
  readonly logLikelihood: number;
  /**
   * Whether the search reached an interior maximum (gradient ≈ 0, every parameter from 1e-8 to 1e8); false
   * when the iterations ran out or a parameter drifted towards 0 or ∞ (the likelihood has no maximum: a
   * base with no heterogeneity, or too few patterns).
   */
  readonly converged: boolean;
  /** Quasi-Newton iterations taken. */
  readonly iterations: number;
  /** Customers fitted: the sum of the counts. */
  readonly customers: number;
}

const positiveParameter = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();
const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    start: z.optional(
      z.strictObject({
        alpha: positiveParameter,
        beta: positiveParameter,
        gamma: positiveParameter,
        delta: positiveParameter,
      }),
    ),
    maxIterations: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  }))();

/**
 * Fits the beta-geometric/beta-binomial (BG/BB) model of repeat purchases at discrete opportunities, by
 * maximum likelihood.
 *
 * @remarks
 * The BG/BB model (Fader, Hardie & Shang 2010) is the discrete-time "buy till you die" model: purchases can
 * only happen at regular opportunities (a yearly donation, a weekly market, an annual event). While alive, a
 * customer buys at each opportunity with probability p; before each opportunity they lapse for good with
 * probability θ; p ~ Beta(α, β) and θ ~ Beta(γ, δ) across customers. A customer with x repeat purchases in
 * n opportunities, the last at opportunity t_x, has the likelihood
 *
 * L = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
 *   + Σ_{i=0}^{n−t_x−1} B(α + x, β + t_x − x + i)/B(α, β) · B(γ + 1, δ + t_x + i)/B(γ, δ)
 *
 * (the paper's equation 5). The fit maximises Σ count · ln L over ln α, ln β, ln γ, ln δ with BFGS and the
 * analytic gradient, every term in log space (a log-sum-exp), so that thousands of opportunities never
 * underflow. Identical patterns are merged first: a base of any size costs one evaluation per distinct
 * (x, t_x, n).
 *
 * Double precision: the search stops when every derivative of the log-likelihood with respect to the log
 * parameters is below 1e-10 × |LL|, which places the parameters within about 1e-6 relative of the optimum.
 *
 * Unit: the parameters are dimensionless; an opportunity is whatever period the data counts (a year for the
 * donations of the paper).
 *
 * Source: P. S. Fader, B. G. S. Hardie and J. Shang, "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), 2010, 1086–1108; lifetimes' `BetaGeoBetaBinomFitter`
 * fits the same likelihood.
 *
 * @param input - `{ customers: [{ frequency, recency, opportunities, count? }] }` or the columns
 * `{ frequency, recency, opportunities, count? }` (arrays or typed arrays of one length).
 * @param options - `{ start?, maxIterations? }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a frequency or recency is not a whole number ≥ 0,
 * opportunities are not a whole number from 1 to 100 000, a count is not a whole number ≥ 1, recency exceeds
 * opportunities, frequency exceeds recency, recency is above 0 without repeat purchase, columns differ in
 * length, a key is unknown, or an option is invalid; the issue names the field and the customer's index.
 * @throws {@link MetricError} `NO_DATA` when there is no customer.
 * @example
 * ```ts
 * // The donations of Fader, Hardie & Shang (2010): 11 104 first-time supporters over six yearly
 * // opportunities, as 22 patterns (x, t_x) and the supporters sharing each.
 * const fit = fitBetaGeometricBetaBinomial({
 *   customers: {
 *     frequency: [0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6],
 *     recency: [0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 3, 4, 5, 6, 4, 5, 6, 5, 6, 6],
 *     opportunities: new Array(22).fill(6),
 *     count: [3464, 1091, 277, 129, 78, 119, 129, 613, 255, 155, 173, 234, 322, 181, 225, 357, 240, 284, 512, 335, 728, 1203],
 *   },
 * });
 * fit.alpha; // ≈ 1.204
 * fit.beta; // ≈ 0.750
 * fit.gamma; // ≈ 0.657
 * fit.delta; // ≈ 2.783
 * fit.logLikelihood; // ≈ -33225.6
 * fit.customers; // => 11104
 * fit.converged; // => true
 * ```
 * @category Purchases
 */
export function fitBetaGeometricBetaBinomial(
  input: FitBetaGeometricBetaBinomialInput,
  options?: FitBetaGeometricBetaBinomialOptions,
): FitBetaGeometricBetaBinomialResult {
  const { start, maxIterations } = parseOptions(METRIC, optionsSchema, options);
  const patterns = readPatterns(METRIC, input);
  const work = new BgBbWorkspace(patterns.longest);
  const first = start === undefined ? [0, 0, 0, 0] : [start.alpha, start.beta, start.gamma, start.delta].map(Math.log);
  const best = maximize((point, gradient) => bgBbLogLikelihood(patterns, work, point, gradient), first, {
    maxIterations: maxIterations ?? 500,
  });
  if (!Number.isFinite(best.value)) {
    invalid(METRIC, ['start'], 'gives a log-likelihood beyond the double range: start nearer the data', 'options');
  }
  const [alpha, beta, gamma, delta] = Array.from(best.point, Math.exp) as [number, number, number, number];
  return {
    model: 'bg-bb',
    alpha,
    beta,
    gamma,
    delta,
    logLikelihood: best.value,
    converged: best.converged && interior(alpha) && interior(beta) && interior(gamma) && interior(delta),
    iterations: best.iterations,
    customers: patterns.customers,
  };
}
