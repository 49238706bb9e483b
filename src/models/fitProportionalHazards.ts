import * as z from 'zod/mini';
import { MetricError } from '../errors.js';
import { criticalValue, normalUpperTail } from '../internal/normal.js';
import { invalid, issue, noData, parseForm, parseOptions } from '../internal/parse.js';
import { confidence } from '../internal/schemas.js';
import { chiSquareUpperTail } from './_lib/chiSquare.js';
import { concordance } from './_lib/concordance.js';
import { type CoxDesign, cholesky, inverseDiagonal, maximizePartialLikelihood } from './_lib/coxFit.js';
import { atRiskOnly, type CoxData, coxForms, covariatePath, fromColumns, fromRecords } from './_lib/coxInput.js';
import { decreasingOrder } from './_lib/ranks.js';

const METRIC = 'fitProportionalHazards';

/** One customer: how long they were observed, whether that ended in churn, and their traits. */
export interface ProportionalHazardsObservation {
  /** Time from the start to churn or to the end of observation: a finite number ≥ 0. */
  readonly duration: number;
  /** `true` if the customer churned at `duration`, `false` if still active then (censored). */
  readonly churned: boolean;
  /** The customer's covariates by name: finite numbers; every observation has the same names. */
  readonly covariates: Readonly<Record<string, number>>;
  /**
   * Late entry: the customer is at risk only after `entry` (≤ `duration`; equal to it above 0, at risk at no
   * time, the customer is left out); absent or 0 means from time 0 included.
   */
  readonly entry?: number;
}

/** Input of {@link fitProportionalHazards}: one record per customer, or columns of equal length. */
export type FitProportionalHazardsInput =
  | {
      /** One record per customer: its duration, whether it churned, its covariates, and its late entry. */
      readonly observations: ArrayLike<ProportionalHazardsObservation>;
    }
  | {
      /** Each customer's time to churn or to the end of observation, at least 0. */
      readonly duration: ArrayLike<number>;
      /** Booleans, or 1 and 0 (a `Uint8Array`). */
      readonly churned: ArrayLike<boolean | number>;
      /** One column of finite numbers per covariate, each as long as `duration`. */
      readonly covariates: Readonly<Record<string, ArrayLike<number>>>;
      /** Each customer's late entry (at risk after it), at most its duration; absent: from time 0. */
      readonly entry?: ArrayLike<number>;
    };

/** Options of {@link fitProportionalHazards}. */
export interface FitProportionalHazardsOptions {
  /** How churns at the same time share the risk set: `'efron'` (default, as lifelines and R) or `'breslow'`. */
  readonly ties?: 'efron' | 'breslow';
  /** Confidence level of the hazard ratios' intervals; default 0.95. */
  readonly confidence?: number;
  /** Newton iterations before giving up (1 to 1000); default 50. */
  readonly maxIterations?: number;
  /** Convergence: relative change of the log-likelihood; default 1e-9 (R's coxph). */
  readonly tolerance?: number;
}

/** One covariate's estimate. */
export interface ProportionalHazardsCoefficient {
  /** The covariate's name, as given. */
  readonly name: string;
  /** β: the change in the log of the hazard per unit of the covariate. */
  readonly coefficient: number;
  /** exp(β): the factor on the hazard (the churn rate) per unit of the covariate. */
  readonly hazardRatio: number;
  /** Standard error of β, from the inverse of the observed information. */
  readonly standardError: number;
  /** Wald statistic β / standardError. */
  readonly z: number;
  /** Two-sided p-value of the Wald test of β = 0. */
  readonly pValue: number;
  /** Lower bound of the hazard ratio's interval, exp(β − z·se). */
  readonly low: number;
  /** Upper bound of the hazard ratio's interval, exp(β + z·se). */
  readonly high: number;
}

/** Result of {@link fitProportionalHazards}. */
export interface FitProportionalHazardsResult {
  /** One estimate per covariate, in the order of the first record's covariates (or of the columns). */
  readonly coefficients: readonly ProportionalHazardsCoefficient[];
  /** The maximised partial log-likelihood. */
  readonly logLikelihood: number;
  /** The partial log-likelihood with every coefficient 0. */
  readonly nullLogLikelihood: number;
  /** Harrell's C of the fitted risk scores (0.5 when no pair of customers is comparable). */
  readonly concordance: number;
  /** Likelihood-ratio test of all coefficients being 0: 2 (logLikelihood − nullLogLikelihood), χ². */
  readonly likelihoodRatio: {
    /** 2 × (log-likelihood − null log-likelihood). */
    readonly statistic: number;
    /** The number of covariates. */
    readonly degreesOfFreedom: number;
    /** Upper tail of the chi-square distribution at the statistic. */
    readonly pValue: number;
  };
  /** Newton steps taken. */
  readonly iterations: number;
  /** False when the iterations ran out first: the estimates are then where the search stopped. */
  readonly converged: boolean;
  /** Observations fitted (those at risk at some time). */
  readonly observations: number;
  /** Churns observed. */
  readonly events: number;
}

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    ties: z.optional(z.enum(['efron', 'breslow'])),
    confidence: z.optional(confidence),
    maxIterations: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    tolerance: z.optional(z.number().check(z.gt(0), z.lt(1))),
  }))();

/**
 * Fits a Cox proportional-hazards model: which customer traits shorten or lengthen a customer's life.
 *
 * @remarks
 * The hazard of customer i is h₀(t)·exp(β·xᵢ); β maximises the partial likelihood
 * Π over churn times t of exp(Σ_{churned at t} β·xᵢ) / Π_{l<d} (Σ_{R(t)} e^{β·x} − (l/d)·Σ_{D(t)} e^{β·x})
 * (Efron 1977; Breslow's form drops the (l/d) term), where R(t) holds the customers at risk at t
 * (entry < t ≤ duration) and D(t) the d who churned at t. Newton–Raphson from β = 0 with step halving, on
 * covariates centered and scaled internally (the coefficients are reported per unit of the original
 * covariate), as R's `coxph`; converged when the log-likelihood changes by at most `tolerance` relative.
 * Standard errors come from the inverse of the observed information; p-values from the normal (Wald) and the
 * χ² distribution (likelihood ratio, one degree of freedom per covariate). `concordance` is Harrell's C
 * counted as lifelines and R's `survival` count it: a pair is comparable when the shorter duration ends in
 * churn (a churn and a censoring at the same time are comparable), a tie in risk counts ½.
 *
 * Matches lifelines' `CoxPHFitter` and R's `coxph` (Efron) and statsmodels' `PHReg` (both ties) on the Rossi
 * recidivism data to their printed precision.
 *
 * Sources: D. R. Cox, "Regression Models and Life-Tables", JRSS B 34(2), 1972; B. Efron, "The Efficiency of
 * Cox's Likelihood Function for Censored Data", JASA 72, 1977; F. E. Harrell et al., Statistics in Medicine
 * 15, 1996 (concordance); T. Therneau and P. Grambsch, Modeling Survival Data, 2000 (§3.3, step halving).
 *
 * Unit: coefficients per unit of each covariate; hazard ratios dimensionless.
 *
 * @param input - `{ observations: [{ duration, churned, covariates, entry? }] }` or columns
 * `{ duration, churned, covariates: { name: column }, entry? }`.
 * @param options - `ties`, `confidence`, `maxIterations`, `tolerance`.
 * @throws {@link MetricError} `INVALID_INPUT` when a duration or entry is not a finite number ≥ 0, an entry is
 * after its duration, a churn flag is not a boolean (or 1/0 in columns), a covariate is not a finite number
 * or is missing, columns differ in length, there is no covariate, a covariate is the same for everyone or
 * cannot be estimated (no variation among the customers at risk at churn times, or a linear combination of
 * the covariates before it), or a covariate separates the churners perfectly (its coefficient grows without
 * bound: the issue names it), or a hazard ratio per unit is beyond the range of a double (rescale the
 * covariate).
 * @throws {@link MetricError} `NO_DATA` when there are no observations or no churn.
 * @example
 * ```ts
 * const fit = fitProportionalHazards({
 *   observations: [
 *     { duration: 2, churned: true, covariates: { seats: 1 } },
 *     { duration: 3, churned: true, covariates: { seats: 3 } },
 *     { duration: 5, churned: false, covariates: { seats: 2 } },
 *     { duration: 6, churned: true, covariates: { seats: 4 } },
 *     { duration: 8, churned: false, covariates: { seats: 5 } },
 *     { duration: 9, churned: true, covariates: { seats: 2 } },
 *   ],
 * });
 * // Each extra seat multiplies the churn rate by 0.68 (statsmodels PHReg: β = −0.3875).
 * fit.coefficients[0]?.hazardRatio; // ≈ 0.679
 * fit.converged; // => true
 * ```
 * @category Models
 */
export function fitProportionalHazards(
  input: FitProportionalHazardsInput,
  options?: FitProportionalHazardsOptions,
): FitProportionalHazardsResult {
  const parsed = parseForm(METRIC, coxForms, input);
  const chosen = parseOptions(METRIC, optionsSchema, options);
  const given =
    parsed.form === 'observations'
      ? fromRecords(METRIC, parsed.value.observations)
      : fromColumns(METRIC, parsed.value.duration, parsed.value.churned, parsed.value.covariates, parsed.value.entry);
  const data = atRiskOnly(given);
  const first = data.form === 'observations' ? 'observations' : 'duration';
  const n = data.durations.length;
  if (n === 0) noData(METRIC, [first], 'has no observations');
  let events = 0;
  for (let i = 0; i < n; i++) events += data.churned[i] as number;
  if (events === 0)
    noData(
      METRIC,
      [data.form === 'observations' ? 'observations' : 'churned'],
      'has no churn: the model needs at least one',
    );

  const { design, scales } = standardize(data);
  const ties = chosen.ties ?? 'efron';
  const tolerance = chosen.tolerance ?? 1e-9;
  const fit = maximizePartialLikelihood(design, ties, chosen.maxIterations ?? 50, tolerance);
  const names = data.names;
  if (fit.singularAt !== null) {
    invalid(
      METRIC,
      covariatePath(data, names[fit.singularAt] as string),
      'cannot be estimated: it does not vary among the customers at risk when churns happen, or it is a linear combination of the covariates before it',
    );
  }
  if (fit.diverging.length > 0) {
    throw new MetricError(
      METRIC,
      'INVALID_INPUT',
      fit.diverging.map((j) =>
        issue(
          covariatePath(data, names[j] as string),
          'separates churners from the others perfectly: its coefficient grows without bound (the likelihood keeps rising), so the model has no finite estimate; leave it out or group its values',
        ),
      ),
    );
  }
  const factor = cholesky(fit.at.information, design.p);
  const variances =
    'factor' in factor ? inverseDiagonal(factor.factor, design.p) : new Float64Array(design.p).fill(Number.NaN);
  const critical = criticalValue(chosen.confidence ?? 0.95);
  const coefficients = names.map((name, j) => {
    const scale = scales[j] as number;
    const coefficient = (fit.beta[j] as number) / scale;
    const standardError = Math.sqrt(variances[j] as number) / scale;
    const hazardRatio = Math.exp(coefficient);
    const high = Math.exp(coefficient + critical * standardError);
    if (!(hazardRatio > 0 && high < Number.POSITIVE_INFINITY && standardError > 0)) {
      invalid(
        METRIC,
        covariatePath(data, name),
        'has a hazard ratio per unit beyond the range of a double: express it in larger or smaller units',
      );
    }
    const zValue = coefficient / standardError;
    return {
      name,
      coefficient: coefficient + 0,
      hazardRatio,
      standardError,
      z: zValue + 0,
      pValue: Math.min(1, 2 * normalUpperTail(Math.abs(zValue))),
      low: Math.exp(coefficient - critical * standardError),
      high,
    };
  });
  const statistic = Math.max(0, 2 * (fit.at.logLikelihood - fit.nullLogLikelihood));
  return {
    coefficients,
    logLikelihood: fit.at.logLikelihood,
    nullLogLikelihood: fit.nullLogLikelihood,
    concordance: concordanceOf(data, coefficients),
    likelihoodRatio: { statistic, degreesOfFreedom: names.length, pValue: chiSquareUpperTail(statistic, names.length) },
    iterations: fit.iterations,
    converged: fit.converged,
    observations: n,
    events,
  };
}

/** Centers and scales each covariate (a constant one is refused) and sorts the rows by decreasing duration. */
function standardize(data: CoxData): { design: CoxDesign; scales: Float64Array } {
  const { x, durations, churned, entries, names } = data;
  const n = durations.length;
  const p = names.length;
  const means = new Float64Array(p);
  const scales = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j] as number;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min === max) {
      invalid(
        METRIC,
        covariatePath(data, names[j] as string),
        `is ${min} for every observation: a constant cannot explain churn`,
      );
    }
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((x[i * p + j] as number) - mean) ** 2;
    means[j] = mean;
    // A spread that underflows still leaves a usable unit: the range.
    scales[j] = Math.sqrt(squares / n) || max - min;
  }
  const order = decreasingOrder(durations);
  const z = new Float64Array(n * p);
  const sortedChurned = new Uint8Array(n);
  const position = new Uint32Array(n);
  const starts: number[] = [];
  const times: number[] = [];
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    position[i] = r;
    sortedChurned[r] = churned[i] as number;
    for (let j = 0; j < p; j++)
      z[r * p + j] = ((x[i * p + j] as number) - (means[j] as number)) / (scales[j] as number);
    const time = durations[i] as number;
    if (r === 0 || time !== times[times.length - 1]) {
      starts.push(r);
      times.push(time);
    }
  }
  starts.push(n);
  let entryOrder = new Uint32Array(0);
  let entrySorted = new Float64Array(0);
  if (entries !== null) {
    // Only entries after 0 take a customer out of risk sets: entry 0 is at risk from time 0 included.
    const byEntry = decreasingOrder(entries);
    let late = 0;
    while (late < n && (entries[byEntry[late] as number] as number) > 0) late++;
    entryOrder = new Uint32Array(late);
    entrySorted = new Float64Array(late);
    for (let k = 0; k < late; k++) {
      const i = byEntry[k] as number;
      entryOrder[k] = position[i] as number;
      entrySorted[k] = entries[i] as number;
    }
  }
  const design: CoxDesign = {
    n,
    p,
    z,
    churned: sortedChurned,
    groupStart: Uint32Array.from(starts),
    groupTime: Float64Array.from(times),
    entryOrder,
    entrySorted,
  };
  return { design, scales };
}

/**
 * Harrell's C of the fitted risk β·x, on the original covariates: customers whose covariates are equal tie
 * exactly, and the ties do not depend on rounding in the standardization.
 */
function concordanceOf(data: CoxData, beta: readonly ProportionalHazardsCoefficient[]): number {
  const { x, durations, churned } = data;
  const n = durations.length;
  const p = beta.length;
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let j = 0; j < p; j++) e += (x[i * p + j] as number) * (beta[j]?.coefficient as number);
    risk[i] = e;
  }
  return concordance(durations, churned, risk) ?? 0.5;
}
