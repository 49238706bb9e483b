import * as z from 'zod/mini';
import { parse, parseOptions } from '../internal/parse.js';
import { confidence, count } from '../internal/schemas.js';
import { compareNpsGroups } from './_lib/surveyCores.js';
import { type NpsCounts, npsGroups } from './_lib/survey.js';
import type { NetPromoterScoreInput, NetPromoterScoreResult } from './netPromoterScore.js';

const METRIC = 'compareNetPromoterScores';

/** Options of {@link compareNetPromoterScores}. */
export interface CompareNetPromoterScoresOptions {
  /** Confidence level of the interval and of the test, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** Result of {@link compareNetPromoterScores}. */
export interface CompareNetPromoterScoresResult {
  /** NPS of `a` minus NPS of `b`, in NPS points (−200…200). */
  readonly difference: number;
  /** Standard error of the difference, in NPS points. */
  readonly standardError: number;
  /** The test statistic: difference ÷ standard error. */
  readonly z: number;
  /** Two-sided p-value of "the two scores are equal". */
  readonly pValue: number;
  /** difference ± z × standard error, clipped to [−200, 200]. */
  readonly interval: {
    /** Lower end: difference − z × standard error, at least −200, in NPS points. */
    readonly low: number;
    /** Upper end: difference + z × standard error, at most 200, in NPS points. */
    readonly high: number;
  };
  /** Whether `pValue` is below 1 − confidence. */
  readonly significant: boolean;
  /** The confidence level used. */
  readonly confidence: number;
}

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ confidence: z.optional(confidence) }))();

/** A result of `netPromoterScore`: its counts are read, everything else is recomputed from them. */
const resultSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    promoters: count,
    passives: count,
    detractors: count,
  }))();

function groupsOf(side: 'a' | 'b', value: unknown): NpsCounts {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'standardError')) {
    return parse(METRIC, resultSchema, value, 'input', [side]);
  }
  return npsGroups(METRIC, value, [side]);
}

/** NPS(a) − NPS(b) from the counts, as one correctly rounded division of integers. */
/**
 * Compares two Net Promoter Scores from independent samples: difference, standard error, z test and
 * confidence interval.
 *
 * @remarks
 * difference = NPS(a) − NPS(b); SE = √(SE(a)² + SE(b)²) with each SE as in {@link netPromoterScore}
 * (100 × √((p + d − (p − d)²) ÷ n)); z = difference ÷ SE; p-value = 2 × (1 − Φ(|z|)); interval =
 * difference ± z(confidence) × SE, clipped to [−200, 200]. This is the two-sample Wald test on the mean of
 * the +1 / 0 / −1 response values; it assumes the samples are independent (two periods with different
 * respondents, two segments), and like every normal approximation it is unreliable for small samples.
 *
 * When both samples have zero variance (each falls entirely in one group) the standard error is 0 and the
 * test is undefined: `NO_DATA`, rather than an infinite z.
 *
 * Source: the variance of NPS as a mean of +1/0/−1 scores, as in B. Rocks, "Interval Estimation for the
 * 'Net Promoter Score'", The American Statistician 70 (2016), and the usual two-sample z test.
 *
 * Unit: NPS points for difference, standard error and interval; the p-value is a probability.
 *
 * @param a - An NPS input (`{ scores }`, `{ responses }`, `{ distribution }` or the three counts) or a result of
 * {@link netPromoterScore}.
 * @param b - The same, for the sample compared against.
 * @param options - `{ confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` for bad inputs (paths start with `'a'` or `'b'`) or a
 * confidence outside (0, 1).
 * @throws {@link MetricError} `NO_DATA` when a sample has no responses, or both have zero variance.
 * @example
 * ```ts
 * const thisQuarter = { promoters: 300, passives: 120, detractors: 80 };
 * const lastQuarter = { promoters: 250, passives: 150, detractors: 100 };
 * const result = compareNetPromoterScores(thisQuarter, lastQuarter);
 * result.difference; // => 14
 * result.significant; // => true
 * result.pValue; // ≈ 0.0039
 * ```
 * @category Survey
 */
export function compareNetPromoterScores(
  a: NetPromoterScoreInput | NetPromoterScoreResult,
  b: NetPromoterScoreInput | NetPromoterScoreResult,
  options?: CompareNetPromoterScoresOptions,
): CompareNetPromoterScoresResult {
  const level = parseOptions(METRIC, optionsSchema, options).confidence ?? 0.95;
  const groupsA = groupsOf('a', a);
  const groupsB = groupsOf('b', b);
  return compareNpsGroups(groupsA, groupsB, level);
}
