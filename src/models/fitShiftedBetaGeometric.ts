import * as z from 'zod/mini';
import { maximize } from './_lib/optimize.js';
import { bulkArray, invalid, type NoOptions, noData, noOptions, parseForm, rejectElement } from '../internal/parse.js';
import { count, isCount } from '../internal/schemas.js';
import { logLikelihood, MAX_PARAMETER, MIN_PARAMETER } from './_lib/shiftedBetaGeometric.js';

const METRIC = 'fitShiftedBetaGeometric';

/**
 * Input of {@link fitShiftedBetaGeometric}: one cohort, as the customers still active at the start of each
 * period, or as its size and the customers lost in each period.
 */
export type FitShiftedBetaGeometricInput =
  | {
      /**
       * Customers active at period boundaries: `survivors[0]` is the cohort's size when it was acquired,
       * `survivors[t]` the customers still active after t renewal opportunities. Counts that never increase;
       * an array or a typed array.
       */
      readonly survivors: ArrayLike<number>;
    }
  | {
      /** The cohort's size when it was acquired (a count above 0). */
      readonly initial: number;
      /** Customers lost at the end of period 1, 2, …: counts totalling at most `initial`. */
      readonly lost: ArrayLike<number>;
    };

/** Result of {@link fitShiftedBetaGeometric}. */
export interface FitShiftedBetaGeometricResult {
  /** α of the Beta distribution of churn probabilities (maximum-likelihood estimate). */
  readonly alpha: number;
  /** β of the Beta distribution of churn probabilities (maximum-likelihood estimate). */
  readonly beta: number;
  /** The maximised log-likelihood, Σ lost_t·ln P(T = t) + survivors_T·ln S(T), in nats. */
  readonly logLikelihood: number;
  /** Newton steps the optimiser took. */
  readonly iterations: number;
  /**
   * Whether the search ended at an interior maximum (negative-definite Hessian, negligible Newton step).
   * False when the likelihood keeps rising towards a limit of the model (see the remarks) or the iterations
   * ran out: α and β are then where the search stopped.
   */
  readonly converged: boolean;
}

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'survivors', schema: z.strictObject({ survivors: bulkArray<number>('an array or typed array of counts') }) },
    {
      key: 'lost',
      schema: z.strictObject({ initial: count, lost: bulkArray<number>('an array or typed array of counts') }),
    },
  ] as const)();

/** Iterations of the optimiser before it gives up (a 12-period cohort takes fewer than 10). */
const MAX_ITERATIONS = 200;

/**
 * Fits the shifted-beta-geometric (sBG) model of customer retention to a cohort, by maximum likelihood.
 *
 * @remarks
 * The sBG model (Fader & Hardie 2007): each customer renews at the end of every period with a fixed
 * probability 1 − θ, and θ varies across customers as Beta(α, β). Then P(T = 1) = α/(α + β),
 * P(T = t) = P(T = t − 1)·(β + t − 2)/(α + β + t − 1), and the survival S(t) = B(α, β + t)/B(α, β). The
 * cohort's retention rate (β + t − 1)/(α + β + t − 1) rises over time as the customers most likely to leave
 * do so: the pattern that simple churn ÷ base figures cannot project.
 *
 * The fit maximises LL(α, β) = Σ_t lost_t·ln P(T = t) + n_T·ln S(T), the customers still active after the
 * last period being right-censored (Fader & Hardie 2007, appendix B), over ln α and ln β with Newton's
 * method damped in the Levenberg–Marquardt way, started from the likeliest of a coarse grid of (α, β) and a
 * moment-matching point (the first period's churn and the second period's retention). Gradient and Hessian
 * are analytic.
 *
 * Limits of the model: when the cohort's retention does not rise (constant or falling churn), the likelihood
 * keeps rising as α and β grow together, towards a single churn rate for everyone; when a share of the cohort
 * never leaves, as α and β shrink together. The search then stops at the bound of 1e10 (or 1e-10) and
 * reports `converged: false`; the parameters still describe that limit well for projection.
 *
 * Double precision throughout: the search stops when a Newton step would move ln α and ln β by less than
 * 1e-10, so α and β are found to about 1e-10 relative (tested against 40-digit references to 1e-8) and the
 * log-likelihood to about 1e-12 relative.
 *
 * Source: P. S. Fader and B. G. S. Hardie, "How to Project Customer Retention", Journal of Interactive
 * Marketing 21(1), 2007, 76–90 (equations 1–4 and appendix B).
 *
 * Unit: α and β are dimensionless; the period is whatever the counts are counted in (a year, a month).
 *
 * @param input - `{ survivors }` (counts at each period boundary, the first the cohort's size) or
 * `{ initial, lost }` (the cohort's size and the customers lost in each period).
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative safe integer (the issue
 * names its index), the first survivor count (or `initial`) is 0, a survivor count exceeds the one before
 * it, the customers lost total more than `initial`, a key is unknown, or `options` has any key (an input
 * field there is named as belonging in the input).
 * @throws {@link MetricError} `NO_DATA` when there are fewer than two periods (one period's churn fixes only
 * α/(α + β)), when no customer was lost, or when every customer was lost in the first period: the
 * likelihood then has no maximum with α, β > 0.
 * @example
 * ```ts
 * // The "high end" cohort of Fader & Hardie (2007), years 0–7.
 * const fit = fitShiftedBetaGeometric({ survivors: [1000, 869, 743, 653, 593, 551, 517, 491] });
 * fit.alpha; // ≈ 0.668
 * fit.beta; // ≈ 3.806
 * fit.logLikelihood; // ≈ -1611.158
 * fit.converged; // => true
 * ```
 * @category Models
 */
export function fitShiftedBetaGeometric(
  input: FitShiftedBetaGeometricInput,
  options?: NoOptions,
): FitShiftedBetaGeometricResult {
  noOptions(METRIC, options, ['survivors', 'initial', 'lost']);
  const parsed = parseForm(METRIC, forms, input);
  const { lost, remaining } =
    parsed.form === 'survivors'
      ? fromSurvivors(parsed.value.survivors)
      : fromLost(parsed.value.initial, parsed.value.lost);
  const initial = remaining + sum(lost);
  const field = parsed.form === 'survivors' ? 'survivors' : 'lost';
  if (lost.length < 2) {
    // One period fixes only α/(α + β), the first period's churn: α and β themselves are not identified.
    noData(
      METRIC,
      [field],
      parsed.form === 'survivors'
        ? 'needs at least three counts (two periods): one period fixes only alpha/(alpha + beta)'
        : 'needs at least two periods: one period fixes only alpha/(alpha + beta)',
    );
  }
  if (remaining === initial) noData(METRIC, [field], 'shows no customer lost, so the model cannot be fitted');
  if (lost[0] === initial) {
    noData(METRIC, [field], 'shows every customer lost in the first period, so the model cannot be fitted');
  }

  const f = (u: number, v: number) => logLikelihood(lost, remaining, u, v);
  const best = maximize(f, startingPoint(lost, initial, f), {
    lower: Math.log(MIN_PARAMETER),
    upper: Math.log(MAX_PARAMETER),
    maxIterations: MAX_ITERATIONS,
  });
  const [u, v] = best.point;
  // exp(ln 1e10) may round just above 1e10: keep the result inside the range the other functions accept.
  const inRange = (x: number) => Math.min(MAX_PARAMETER, Math.max(MIN_PARAMETER, x));
  return {
    alpha: inRange(Math.exp(u)),
    beta: inRange(Math.exp(v)),
    logLikelihood: best.value,
    iterations: best.iterations,
    converged: best.converged,
  };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

/** Lost per period and the customers remaining after the last one, from counts at period boundaries. */
function fromSurvivors(survivors: ArrayLike<unknown>): { lost: Float64Array; remaining: number } {
  const length = survivors.length;
  const lost = new Float64Array(Math.max(0, length - 1));
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const n = survivors[i];
    if (!isCount(n)) rejectElement(METRIC, count, n, ['survivors', i]);
    if (i === 0) {
      if (n === 0) invalid(METRIC, ['survivors', 0], 'must be greater than 0 (the cohort’s size)');
    } else {
      if (n > previous) {
        invalid(
          METRIC,
          ['survivors', i],
          `must not exceed the count before it (${previous}): survivors cannot increase`,
        );
      }
      lost[i - 1] = previous - n;
    }
    previous = n;
  }
  return { lost, remaining: previous };
}

/** Lost per period and the customers remaining, from the cohort's size and the customers lost. */
function fromLost(initial: number, lostInput: ArrayLike<unknown>): { lost: Float64Array; remaining: number } {
  if (initial === 0) invalid(METRIC, ['initial'], 'must be greater than 0 (the cohort’s size)');
  const length = lostInput.length;
  const lost = new Float64Array(length);
  let remaining = initial;
  for (let i = 0; i < length; i++) {
    const n = lostInput[i];
    if (!isCount(n)) rejectElement(METRIC, count, n, ['lost', i]);
    if (n > remaining) {
      invalid(
        METRIC,
        ['lost', i],
        `must not exceed the ${remaining} customers still active: the counts total more than initial`,
      );
    }
    lost[i] = n;
    remaining -= n;
  }
  return { lost, remaining };
}

/**
 * The start: whichever has the highest likelihood of a coarse grid, α and β in {e^−2, e^−1, …, e^3}, and a
 * moment-matching point where α/(α + β) is the first period's churn p and (β + 1)/(α + β + 1) the second
 * period's retention r, that is α + β = (1 − r)/(r − 1 + p) when r > 1 − p.
 */
function startingPoint(
  lost: Float64Array,
  initial: number,
  f: (u: number, v: number) => { value: number },
): [number, number] {
  const candidates: [number, number][] = [];
  for (let u = -2; u <= 3; u++) for (let v = -2; v <= 3; v++) candidates.push([u, v]);
  const p = (lost[0] as number) / initial;
  const r = 1 - (lost[1] as number) / (initial - (lost[0] as number));
  const total = (1 - r) / (r - 1 + p);
  if (total > 0 && Number.isFinite(total)) {
    const inside = (x: number) =>
      Math.min(Math.log(MAX_PARAMETER) - 1, Math.max(Math.log(MIN_PARAMETER) + 1, Math.log(x)));
    candidates.push([inside(p * total), inside((1 - p) * total)]);
  }
  let best = candidates[0] as [number, number];
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const value = f(candidate[0], candidate[1]).value;
    if (value > bestValue) {
      best = candidate;
      bestValue = value;
    }
  }
  return best;
}
