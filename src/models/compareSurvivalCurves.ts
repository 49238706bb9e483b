import * as z from 'zod/mini';
import { bulkArray, invalid, parse, parseOptions } from '../internal/parse.js';
import { compareSamples, weightsSchema } from './_lib/compareSamples.js';
import type { LogRankWeights } from './_lib/logRank.js';
import { readObservations, type Sample, sampleSize } from './_lib/observations.js';
import type { SurvivalObservation } from './survivalCurve.js';

const METRIC = 'compareSurvivalCurves';

export type { LogRankWeights } from './_lib/logRank.js';

/** Input of {@link compareSurvivalCurves}: the observations of each group, by the group's name. */
export interface CompareSurvivalCurvesInput {
  /** At least two groups, each a non-empty array of observations `{ duration, churned, entry? }`. */
  readonly groups: Readonly<Record<string, ArrayLike<SurvivalObservation>>>;
}

/** Options of {@link compareSurvivalCurves}. */
export interface CompareSurvivalCurvesOptions {
  /**
   * The weight of each churn time: `'logrank'` (default, 1), `'wilcoxon'` (Gehan–Breslow: the customers at
   * risk), `'tarone-ware'` (their square root) or `{ flemingHarrington: [p, q] }` (Ŝ(t−)^p (1 − Ŝ(t−))^q,
   * Ŝ the Kaplan–Meier curve of all groups together).
   */
  readonly weights?: LogRankWeights;
}

/** One group of the comparison. */
export interface SurvivalGroupComparison {
  /** The group's name, as given. */
  readonly name: string;
  /** Customers of the group who churned. */
  readonly observed: number;
  /** Churns expected in the group if every group had the same hazard: Σ d·Y_g/Y over the churn times. */
  readonly expected: number;
}

/** Result of {@link compareSurvivalCurves}. */
export interface CompareSurvivalCurvesResult {
  /** The chi-square statistic (≥ 0). */
  readonly statistic: number;
  /** Its degrees of freedom: the groups less one (fewer where groups never share a risk set). */
  readonly degreesOfFreedom: number;
  /** P(χ² ≥ statistic) if the curves were the same: a fraction in [0, 1]. */
  readonly pValue: number;
  /** Each group's churns, observed and expected, in the order of the keys of `groups` (`Object.keys`). */
  readonly groups: SurvivalGroupComparison[];
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    groups: z.record(z.string(), bulkArray<unknown>('an array of { duration, churned, entry? }')),
  }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ weights: z.optional(weightsSchema) }))();

/**
 * Compares the survival curves of two or more groups of customers with the (weighted) log-rank test: is the
 * churn of the accounts that got onboarding different from the others'?
 *
 * @remarks
 * At each distinct churn time t of all groups together, with Y customers at risk (Y_g in group g) and d
 * churns (d_g in group g), and a weight w(t): the score of group g is U_g = Σ w (d_g − d·Y_g/Y), and the
 * covariance V_gh = Σ w² d (Y − d)/(Y − 1) · (Y_g/Y)(δ_gh − Y_h/Y) (the hypergeometric variance, ties
 * included). The statistic is χ² = Uᵀ V⁻ U with V⁻ a generalized inverse (a Cholesky decomposition that drops
 * the pivots at zero, as R's `survdiff` solves it), on rank(V) degrees of freedom: k − 1 for k groups that
 * share their risk sets. The p-value is the chi-square upper tail (the regularized incomplete gamma
 * function).
 *
 * Weights: `'logrank'` w = 1 (Mantel 1966; Peto & Peto 1972; R `survdiff`, lifelines `logrank_test`),
 * `'wilcoxon'` w = Y (Gehan 1965, Breslow 1970: the generalized Wilcoxon test), `'tarone-ware'` w = √Y
 * (Tarone & Ware 1977), `{ flemingHarrington: [p, q] }` w = Ŝ(t−)^p (1 − Ŝ(t−))^q with Ŝ the Kaplan–Meier
 * curve of the groups pooled, just before t (Harrington & Fleming 1982; R's `survdiff(rho = p)` is
 * `[p, 0]`, the Peto–Peto test at p = 1).
 *
 * `observed` and `expected` are churn counts, Σ d_g and Σ d·Y_g/Y, whatever the weights (R's `survdiff`
 * weighs them under `rho`): the table a reader compares. They add up to the same total.
 *
 * Late entry: a customer with `entry` is in the risk sets only at times t with entry < t ≤ duration, as in
 * R's `Surv(entry, duration, churned)`.
 *
 * Where no time has a risk set shared by customers who did and did not churn (no churn at all, or every
 * customer at risk churning at once), the data cannot tell the groups apart: the statistic is 0 on 0
 * degrees of freedom and the p-value 1.
 *
 * Freireich's 6-MP against placebo (Gehan 1965): log-rank χ² = 16.79, Gehan–Breslow 13.46, Tarone–Ware 15.12.
 *
 * Source: N. Mantel, "Evaluation of survival data and two new rank order statistics arising in its
 * consideration", Cancer Chemotherapy Reports 50 (1966); E. A. Gehan, Biometrika 52 (1965); R. E. Tarone and
 * J. Ware, Biometrika 64 (1977); D. P. Harrington and T. R. Fleming, Biometrika 69 (1982); R's survival
 * package (`survdiff`).
 *
 * Unit: the statistic is a chi-square value; the p-value a fraction; observed and expected are customers.
 *
 * @param input - `{ groups: { [name]: [{ duration, churned, entry? }] } }`, two groups or more.
 * @param options - `{ weights = 'logrank' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when there are fewer than two groups (`['groups']`), a group is
 * empty (`['groups', name]`), an observation is invalid (`['groups', name, 3, 'duration']`), an `entry` is
 * after its `duration`, a key is unknown, or `weights` is not one of the four.
 * @example
 * ```ts
 * const result = compareSurvivalCurves({
 *   groups: {
 *     onboarded: [
 *       { duration: 6, churned: true },
 *       { duration: 9, churned: false },
 *       { duration: 12, churned: true },
 *     ],
 *     'self-serve': [
 *       { duration: 2, churned: true },
 *       { duration: 3, churned: true },
 *       { duration: 5, churned: true },
 *     ],
 *   },
 * });
 * result.groups; // ≈ [{ name: 'onboarded', observed: 2, expected: 3.85 }, { name: 'self-serve', observed: 3, expected: 1.15 }]
 * result.degreesOfFreedom; // => 1
 * result.statistic; // ≈ 5.0517
 * result.pValue; // ≈ 0.0246
 * ```
 * @category Models
 */
export function compareSurvivalCurves(
  input: CompareSurvivalCurvesInput,
  options?: CompareSurvivalCurvesOptions,
): CompareSurvivalCurvesResult {
  const { groups } = parse(METRIC, inputSchema, input);
  const { weights = 'logrank' } = parseOptions(METRIC, optionsSchema, options);
  const names = Object.keys(groups);
  if (names.length < 2) invalid(METRIC, ['groups'], `must have at least two groups to compare, not ${names.length}`);
  const samples: Sample[] = names.map((name) => {
    const observations = groups[name] as ArrayLike<unknown>;
    if (observations.length === 0) invalid(METRIC, ['groups', name], 'has no observations');
    return readObservations(METRIC, observations, ['groups', name]);
  });
  samples.forEach((sample, g) => {
    if (sampleSize(sample) === 0) {
      invalid(
        METRIC,
        ['groups', names[g] as string],
        'has no observation at risk at any time (each entry equals its duration)',
      );
    }
  });
  return compareSamples(names, samples, weights);
}
