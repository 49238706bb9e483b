import * as z from 'zod/mini';
import { criticalValue } from '../internal/normal.js';
import { invalid, parse, parseOptions } from '../internal/parse.js';
import { confidence, decimal, fraction, positiveCount } from '../internal/schemas.js';

const METRIC = 'requiredSampleSize';

/** Input of {@link requiredSampleSize}. */
export interface RequiredSampleSizeInput {
  /** The half-width wanted for the interval of a share, a fraction strictly between 0 and 1 (`0.05` is ±5 points). */
  readonly marginOfError: number | string;
  /** The share expected, a fraction in [0, 1]. Default `0.5`, the worst case. */
  readonly proportion?: number | string;
  /** The number of customers who could answer, when it is finite and known: a positive integer. */
  readonly population?: number;
}

/** Options of {@link requiredSampleSize}. */
export interface RequiredSampleSizeOptions {
  /** Confidence level of the margin, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** Result of {@link requiredSampleSize}. */
export interface RequiredSampleSizeResult {
  /** The number of responses needed, a whole number of at least 1 (at most `population` when it is given). */
  readonly sampleSize: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    marginOfError: decimal({ greaterThan: 0, lessThan: 1 }, ' (a fraction: 0.05 is ±5 points)'),
    proportion: z.optional(fraction),
    population: z.optional(positiveCount),
  }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ confidence: z.optional(confidence) }))();

/**
 * A computed size within this relative distance of a whole number is that number: double rounding (of z², of
 * p(1 − p), of the division) is far below it, and no real plan depends on a billionth of a response.
 */
const WHOLE_TOLERANCE = 1e-9;

/** ⌈x⌉, except that x within WHOLE_TOLERANCE (relative) of a whole number is that number. */
function roundUp(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= WHOLE_TOLERANCE * Math.max(1, nearest) ? nearest : Math.ceil(x);
}

/**
 * Required sample size: how many responses a survey needs to estimate a share (a CSAT or churn rate, the
 * share of promoters) within a margin of error.
 *
 * @remarks
 * n₀ = z² p(1 − p) ÷ e², with z the two-sided normal critical value for the confidence level, p the share
 * expected (0.5 when unknown, which needs the most responses) and e the margin; with a finite population N
 * (every customer who could answer), the finite-population correction n = n₀ ÷ (1 + (n₀ − 1) ÷ N); the
 * result is n rounded up, at least 1 and never above N. ±5 points at 95 % needs 385 responses (n₀ = 384.15);
 * from 1 000 customers, 278.
 *
 * Rounding: z is irrational, so n₀ is a whole number only in the rarest cases, but double arithmetic can put
 * a whole number a hair above itself, and rounding that up would ask for one response too many (under the
 * correction, a population far smaller than n₀ gives N up to rounding, and the result is also capped at N). A value within 1e-9 (relative) of a whole number is therefore taken as that
 * number before rounding up.
 *
 * `marginOfError` is a fraction of the scale of a share (0.05 for ±5 points), never in NPS points: the
 * margin of an NPS depends on the shares of promoters and detractors, not on one proportion (the worst case,
 * half promoters and half detractors, has four times the variance of a share at 0.5, so ±5 NPS points needs
 * as many responses as ±2.5 points of a share).
 *
 * Source: W. G. Cochran, "Sampling Techniques", 3rd ed. (1977), §4.4 (eq. 4.2 and the correction 4.3).
 *
 * Unit: responses.
 *
 * @param input - `{ marginOfError, proportion = 0.5, population? }`, fractions and a count.
 * @param options - `{ confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `marginOfError` is not strictly between 0 and 1 (or so
 * small, without a population, that the size would exceed 2^53), `proportion` is outside [0, 1],
 * `population` is not a positive integer, or `confidence` is not strictly between 0 and 1.
 * @example
 * ```ts
 * requiredSampleSize({ marginOfError: 0.05 }); // => { sampleSize: 385 }
 * requiredSampleSize({ marginOfError: 0.05, population: 1000 }); // => { sampleSize: 278 }
 * requiredSampleSize({ marginOfError: 0.03, proportion: 0.8 }, { confidence: 0.99 }); // => { sampleSize: 1180 }
 * ```
 * @category Stats
 */
export function requiredSampleSize(
  input: RequiredSampleSizeInput,
  options?: RequiredSampleSizeOptions,
): RequiredSampleSizeResult {
  const parsed = parse(METRIC, inputSchema, input);
  const level = parseOptions(METRIC, optionsSchema, options).confidence ?? 0.95;
  const margin = Number(parsed.marginOfError);
  const p = parsed.proportion === undefined ? 0.5 : Number(parsed.proportion);
  const z = criticalValue(level);
  const infinite = (z * z * p * (1 - p)) / (margin * margin);
  const population = parsed.population;
  if (population === undefined) {
    const size = roundUp(infinite);
    if (!(size <= Number.MAX_SAFE_INTEGER)) {
      invalid(METRIC, ['marginOfError'], 'is too small: the sample size would exceed 2^53 responses');
    }
    return { sampleSize: Math.max(1, size) };
  }
  // A margin so small that n₀ overflows: the whole population must answer.
  if (!Number.isFinite(infinite)) return { sampleSize: population };
  // n₀ ÷ (1 + (n₀ − 1)/N) = n₀N ÷ (N + n₀ − 1): at most N for N ≥ 1 (n₀ ≤ N + n₀ − 1), at least 1 for n₀ ≥ 1.
  const corrected = (infinite * population) / (population + infinite - 1);
  const size = infinite < 1 ? roundUp(infinite) : roundUp(corrected);
  return { sampleSize: Math.min(population, Math.max(1, size)) };
}
