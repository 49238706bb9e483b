import * as z from 'zod/mini';
import { noData, parse, parseOptions } from '../internal/parse.js';
import { compareCounts } from '../internal/proportions.js';
import { confidence } from '../internal/schemas.js';
import { proportionCountsSchema } from './_lib/proportionCounts.js';

const METRIC = 'compareProportions';

/** One group of {@link compareProportions}: its successes out of its trials. */
export interface ProportionCounts {
  /** Number of successes (satisfied answers, renewals, …), a non-negative integer at most `trials`. */
  readonly successes: number;
  /** Number of trials, a positive integer. */
  readonly trials: number;
}

/** Input of {@link compareProportions}: the two independent groups, compared as `a − b`. */
export interface CompareProportionsInput {
  /** The group whose proportion comes first in the difference (this period, the variant). */
  readonly a: ProportionCounts;
  /** The group compared against (the previous period, the control). */
  readonly b: ProportionCounts;
}

/** Options of {@link compareProportions}. */
export interface CompareProportionsOptions {
  /** Confidence level of the interval and of the test, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** Result of {@link compareProportions}. */
export interface CompareProportionsResult {
  /** `a.successes / a.trials − b.successes / b.trials`, a fraction from −1 to 1, correctly rounded. */
  readonly difference: number;
  /** Newcombe's hybrid score interval of the difference (method 10), within [−1, 1]. */
  readonly interval: {
    /** Lower end, a fraction. */
    readonly low: number;
    /** Upper end, a fraction. */
    readonly high: number;
  };
  /** The pooled two-proportion z statistic, or `null` when neither group varies (all successes or none). */
  readonly z: number | null;
  /** Two-sided p-value of "the two proportions are equal", or `null` when `z` is. */
  readonly pValue: number | null;
  /** Whether `pValue` is below 1 − confidence (`false` when it is `null`). */
  readonly significant: boolean;
  /** The confidence level used. */
  readonly confidence: number;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ a: proportionCountsSchema, b: proportionCountsSchema }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ confidence: z.optional(confidence) }))();

/**
 * Compares two proportions from independent samples: difference, Newcombe's interval and the pooled z test.
 *
 * @remarks
 * With p₁ = s₁/n₁, p₂ = s₂/n₂ and D = p₁ − p₂, the interval is Newcombe's hybrid score interval (method 10
 * of his 1998 comparison of eleven methods), built from the Wilson interval (l, u) of each proportion:
 * D − √((p₁ − l₁)² + (u₂ − p₂)²) to D + √((u₁ − p₁)² + (p₂ − l₂)²). Unlike the Wald interval it stays
 * within [−1, 1], does not collapse to a point when a proportion is 0 or 1, and keeps close to its nominal
 * coverage with small samples.
 *
 * The test is the pooled two-proportion z test (the χ² test of a 2 × 2 table without continuity
 * correction, as R's `prop.test(correct = FALSE)`): p̄ = (s₁ + s₂)/(n₁ + n₂),
 * z = D ÷ √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p-value = 2(1 − Φ(|z|)). When neither group varies (p̄ is 0 or 1) the
 * pooled variance is 0 and the test is undefined: `z` and `pValue` are `null` and `significant` is false;
 * the interval is still given.
 *
 * The difference is exact (one correctly rounded division of integers); the interval and the test are
 * computed in double precision.
 *
 * Source: R. G. Newcombe, "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890; E. B. Wilson, JASA 22 (1927).
 *
 * Unit: fractions for the difference and the interval; the p-value is a probability.
 *
 * @param input - `{ a: { successes, trials }, b: { successes, trials } }`, counts.
 * @param options - `{ confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative integer (`['a',
 * 'successes']`), successes exceed trials, a key is unknown, or `confidence` is not strictly between 0 and 1.
 * @throws {@link MetricError} `NO_DATA` when a group has no trials (`['b', 'trials']`).
 * @example
 * ```ts
 * const result = compareProportions({ a: { successes: 56, trials: 70 }, b: { successes: 48, trials: 80 } });
 * result.difference; // => 0.2
 * result.interval; // ≈ { low: 0.0524, high: 0.3339 }
 * result.pValue; // ≈ 0.0080
 * result.significant; // => true
 * ```
 * @category Stats
 */
export function compareProportions(
  input: CompareProportionsInput,
  options?: CompareProportionsOptions,
): CompareProportionsResult {
  const { a, b } = parse(METRIC, inputSchema, input);
  const level = parseOptions(METRIC, optionsSchema, options).confidence ?? 0.95;
  if (a.trials === 0) noData(METRIC, ['a', 'trials'], 'must be greater than 0');
  if (b.trials === 0) noData(METRIC, ['b', 'trials'], 'must be greater than 0');
  const {
    difference,
    low,
    high,
    z: statistic,
    pValue,
  } = compareCounts(a.successes, a.trials, b.successes, b.trials, level);
  return {
    difference,
    interval: { low, high },
    z: statistic,
    pValue,
    significant: pValue !== null && pValue < 1 - level,
    confidence: level,
  };
}
