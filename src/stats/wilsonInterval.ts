import * as z from 'zod/mini';
import { noData, parse, parseOptions } from '../internal/parse.js';
import { confidence } from '../internal/schemas.js';
import { proportionCountsSchema } from './_lib/proportionCounts.js';
import { wilson } from '../internal/wilson.js';

const METRIC = 'wilsonInterval';

/** Input of {@link wilsonInterval}. */
export interface WilsonIntervalInput {
  /** Number of successes (satisfied responses, churned accounts, …). */
  readonly successes: number;
  /** Number of trials; at least `successes`. */
  readonly trials: number;
}

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** Confidence level, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** Result of {@link wilsonInterval}: the observed proportion and its interval, all fractions. */
export interface WilsonIntervalResult {
  /** `successes ÷ trials`, exact (correctly rounded). */
  readonly estimate: number;
  /** Lower end of the interval (exactly 0 when there are no successes). */
  readonly low: number;
  /** Upper end of the interval (exactly 1 when every trial succeeded). */
  readonly high: number;
  /** The confidence level used. */
  readonly confidence: number;
}

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ confidence: z.optional(confidence) }))();

/**
 * Wilson score interval for a proportion.
 *
 * @remarks
 * With p̂ = s ÷ n and z the two-sided normal critical value for the confidence level:
 * centre = (p̂ + z²/2n) ÷ (1 + z²/n), half-width = z ÷ (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * Unlike the normal (Wald) interval it stays within [0, 1] and keeps a sensible width when p̂ is 0 or 1, which
 * is why it is the interval for CSAT, CES and churn-rate estimates here. The estimate is exact; the bounds
 * are computed in double precision.
 *
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22
 * (1927); recommended by Agresti & Coull, "Approximate is better than 'exact'", The American Statistician
 * 52 (1998).
 *
 * Unit: fractions (0.6 is 60 %).
 *
 * @param input - `{ successes, trials }`, counts.
 * @param options - `{ confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative integer, `successes`
 * exceeds `trials`, or `confidence` is not strictly between 0 and 1.
 * @throws {@link MetricError} `NO_DATA` when `trials` is 0.
 * @example
 * ```ts
 * const interval = wilsonInterval({ successes: 30, trials: 50 });
 * interval.estimate; // => 0.6
 * interval.low; // ≈ 0.4618
 * interval.high; // ≈ 0.7239
 * ```
 * @category Stats
 */
export function wilsonInterval(input: WilsonIntervalInput, options?: WilsonIntervalOptions): WilsonIntervalResult {
  const { successes, trials } = parse(METRIC, proportionCountsSchema, input);
  const level = parseOptions(METRIC, optionsSchema, options).confidence ?? 0.95;
  if (trials === 0) noData(METRIC, ['trials'], 'must be greater than 0');
  const { low, high } = wilson(successes, trials, level);
  return {
    // One division of two exact integers: the correctly rounded ratio.
    estimate: successes / trials,
    low,
    high,
    confidence: level,
  };
}
