import * as z from 'zod/mini';
import type { SurveyResponse } from './_lib/responses.js';
import type { ScoreAttributes } from './_lib/segmentColumns.js';
import { npsResult } from './_lib/surveyCores.js';
import {
  needsScores,
  type SegmentedSurveyResult,
  type SurveySegmentOptions,
  surveyResult,
  surveySegmentShape,
} from './_lib/segmentedResult.js';
import { parseForm, parseOptions } from '../internal/parse.js';
import { checkSegmentOptions } from '../internal/segmented.js';
import { confidence } from '../internal/schemas.js';
import { type Distribution, NPS_SCALE, npsGroupsOf, npsResponseForms, type Scores } from './_lib/survey.js';

const METRIC = 'netPromoterScore';

/**
 * Input of {@link netPromoterScore}: raw 0–10 answers (as scores or as response records), a distribution of
 * them, or the three group counts.
 */
export type NetPromoterScoreInput =
  | {
      /** The answers, one per response: integers from 0 to 10. */
      readonly scores: Scores;
      /**
       * Attributes of the responses as columns, each as long as `scores` (`{ plan: ['pro', 'free', …] }` or
       * dictionary codes `{ plan: { codes: Uint8Array, names: ['free', 'pro'] } }`), read by `segmentBy`.
       */
      readonly attributes?: ScoreAttributes;
    }
  | {
      /** The answers as records `{ score, at?, attributes?, topics? }`, `score` an integer from 0 to 10. */
      readonly responses: ArrayLike<SurveyResponse>;
    }
  | {
      /** Number of responses per score from 0 to 10: an object keyed by score, or an 11-long array (first for 0). */
      readonly distribution: Distribution;
    }
  | {
      /** Number of promoters (answers of 9 or 10), a non-negative integer. */
      readonly promoters: number;
      /** Number of passives (answers of 7 or 8), a non-negative integer. */
      readonly passives: number;
      /** Number of detractors (answers from 0 to 6), a non-negative integer. */
      readonly detractors: number;
    };

/** Options of {@link netPromoterScore}. */
export interface NetPromoterScoreOptions {
  /** Confidence level of the interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /**
   * How the interval is computed: `'adjusted-wald'` (default; Rocks 2016, ¾ of a promoter and of a
   * detractor added, n + 3) or `'wald'` (score ± z × SE of the plain score, the first edition's interval).
   */
  readonly interval?: 'adjusted-wald' | 'wald';
  /** Absent for one figure; see {@link NetPromoterScoreSegmentOptions} for a breakdown by segment. */
  readonly segmentBy?: undefined;
}

/**
 * Options of {@link netPromoterScore} broken down by segment (`segmentBy`), on `{ scores }` (`T` = `number`)
 * or on `{ responses }` (`T` = {@link SurveyResponse}).
 */
export interface NetPromoterScoreSegmentOptions<T = number> extends SurveySegmentOptions<T> {
  /** Confidence level of every interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /** How every interval is computed, as in {@link NetPromoterScoreOptions.interval}. Default `'adjusted-wald'`. */
  readonly interval?: 'adjusted-wald' | 'wald';
}

/** Result of {@link netPromoterScore}. */
export interface NetPromoterScoreResult {
  /** The Net Promoter Score, from −100 to +100 (percentage of promoters minus percentage of detractors). */
  readonly score: number;
  /** Number of responses. */
  readonly responses: number;
  /** Responses of 9 or 10. */
  readonly promoters: number;
  /** Responses of 7 or 8. */
  readonly passives: number;
  /** Responses from 0 to 6. */
  readonly detractors: number;
  /** Promoters ÷ responses, a fraction. */
  readonly promoterShare: number;
  /** Passives ÷ responses, a fraction. */
  readonly passiveShare: number;
  /** Detractors ÷ responses, a fraction. */
  readonly detractorShare: number;
  /**
   * Standard error of the interval's centre, in NPS points: of the adjusted estimate under
   * `'adjusted-wald'`, of the score under `'wald'`.
   */
  readonly standardError: number;
  /** z × standard error, in NPS points. */
  readonly marginOfError: number;
  /**
   * Centre of the interval, in NPS points: the adjusted estimate 100 × (P − D) ÷ (n + 3) under
   * `'adjusted-wald'` (nearer 0 than the score), the score itself under `'wald'`.
   */
  readonly center: number;
  /** center ± margin of error, clipped to [−100, 100]. */
  readonly interval: {
    /** Lower end: center − margin of error, at least −100, in NPS points. */
    readonly low: number;
    /** Upper end: center + margin of error, at most 100, in NPS points. */
    readonly high: number;
  };
  /** How the interval was computed: `'adjusted-wald'` (the default) or `'wald'`. */
  readonly intervalMethod: 'adjusted-wald' | 'wald';
  /** The confidence level of the interval. */
  readonly confidence: number;
}

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    confidence: z.optional(confidence),
    interval: z.optional(z.enum(['adjusted-wald', 'wald'])),
    ...surveySegmentShape,
  }))();

/**
 * Net Promoter Score (NPS), with its standard error and a confidence interval.
 *
 * @remarks
 * Answers to "How likely are you to recommend us?" on 0–10: 9–10 are promoters, 7–8 passives, 0–6
 * detractors. NPS = 100 × (promoters − detractors) ÷ responses, from −100 to +100.
 *
 * The interval is by default the adjusted Wald interval of Rocks (2016), which MeasuringU recommends: add
 * ¾ of a promoter, ¾ of a detractor and 3 responses, so p̂ = (P + ¾) ÷ (n + 3) and d̂ = (D + ¾) ÷ (n + 3);
 * the interval is centred on `center` = 100 × (p̂ − d̂) = 100 × (P − D) ÷ (n + 3), with standard error
 * 100 × √((p̂ + d̂ − (p̂ − d̂)²) ÷ (n + 3)), margin z × SE (z the two-sided normal critical value), clipped to
 * [−100, 100]. `score` stays the plain NPS; `standardError` and `marginOfError` are those of the adjusted
 * estimate. Why not the plain Wald interval (score ± z × 100 × √((p + d − (p − d)²) ÷ n), each response
 * counting +1, 0 or −1): it under-covers in small samples (a 95 % interval misses the true score more
 * than 5 % of the time), and when every response falls in one group (all promoters, all passives or all
 * detractors) its variance is 0, so it reports a zero-width interval, 100…100 for ten promoters out of
 * ten. The adjusted interval always has a positive width (ten promoters of ten give 47.5…100), and of the
 * intervals Rocks compared it came closest to its stated coverage, as MeasuringU found on real data. It is
 * centred nearer 0 than the score, so with very few responses it can leave out the score itself (one
 * promoter: score 100, interval −48.5…98.5); read it as what the sample allows, not a band around the
 * score. `interval: 'wald'` gives the first edition's Wald interval (centred on the score), which is also
 * the variance {@link compareNetPromoterScores} tests with.
 *
 * Score and shares are exact: one correctly rounded division of integer counts. The standard error,
 * margin and interval are irrational and computed in double precision (about 15 significant digits).
 *
 * With `segmentBy` the result is `{ total, segments: [{ segment, size, result, smallSample }] }`: `total`
 * is exactly the call without it, and each segment's `result` is the call on that segment's scores alone,
 * interval included. A segment reaches each score through a column of `attributes` (segment names, or
 * dictionary codes into `names`, the fastest form for millions of responses) or through a function of the
 * score and its index. Segments are listed by name, `'(none)'` last; a declared name no score uses is
 * listed with `size` 0 and `result: null`. `smallSample` flags a segment of fewer than
 * `minimumSegmentSize` responses, by default 30: below 30 a segment's interval is wide, and the 95 % margin
 * of error can reach ±36 points (1.96 × 100 ÷ √30, the worst case p = d = ½), more than a sixth of the
 * scale. `interval` and `confidence` apply to every segment and to the total.
 *
 * Source: F. Reichheld, "The One Number You Need to Grow", Harvard Business Review (2003) and Bain &
 * Company's NPS definition; the groups as in the source documents (`docs/sources.md` rows 15 and 25). The
 * interval: B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American Statistician 70
 * (2016); J. Lewis and J. Sauro, "Evaluating NPS Confidence Intervals with Real-World Data",
 * MeasuringU (2021), https://measuringu.com/nps-three-confidence-intervals/.
 *
 * Unit: NPS points (−100…100) for score, standard error, margin and interval; fractions for the shares.
 *
 * @param input - `{ scores }` (an array or typed array of integers 0–10), `{ responses }` (records `{ score,
 * at?, attributes?, topics? }`, segmented by an attribute or a function of the response), `{ distribution }`
 * (score → count, or an 11-long array of counts), or `{ promoters, passives, detractors }`.
 * @param options - `{ confidence = 0.95, interval = 'adjusted-wald' }`, and for a breakdown `{ segmentBy,
 * missingSegment = 'error', minimumSegmentSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a score is not an integer from 0 to 10 (the issue names
 * its index, `['scores', 41]` or `['responses', 41, 'score']`), a response has an unknown key, an `at` that
 * is not a date or `attributes` that are not strings, a count is not a non-negative integer, a key is
 * unknown, `confidence` is not strictly between 0 and 1, or `interval` is neither `'adjusted-wald'` nor
 * `'wald'`; with `segmentBy`, when the input is neither `{ scores }` nor `{ responses }`, the column is
 * absent or not as long as the scores (`['attributes', 'plan']`), an entry names no segment
 * (`['attributes', 'plan', 7]`, `[…, 'codes', 7]`; a missing one unless `missingSegment: 'group'`), or the
 * function throws or returns anything but a non-empty string (`['scores', 7]`); `missingSegment` or
 * `minimumSegmentSize` without `segmentBy`.
 * @throws {@link MetricError} `NO_DATA` when there are no responses.
 * @example
 * ```ts
 * const nps = netPromoterScore({ promoters: 50, passives: 30, detractors: 20 });
 * nps.score; // => 30
 * nps.center; // ≈ 29.1262
 * nps.standardError; // ≈ 7.6915
 * nps.interval; // ≈ { low: 14.0511, high: 44.2013 }
 * netPromoterScore({ promoters: 50, passives: 30, detractors: 20 }, { interval: 'wald' }).interval; // ≈ { low: 14.6922, high: 45.3078 }
 * netPromoterScore({ promoters: 10, passives: 0, detractors: 0 }).interval; // ≈ { low: 47.5036, high: 100 }
 * netPromoterScore({ scores: [10, 9, 8, 6, 10, 3] }).score; // ≈ 16.6667
 * const byPlan = netPromoterScore(
 *   { scores: [10, 9, 8, 6, 10, 3], attributes: { plan: ['pro', 'pro', 'free', 'free', 'pro', 'free'] } },
 *   { segmentBy: 'plan' },
 * );
 * byPlan.segments.map((s) => [s.segment, s.size, s.result?.score, s.smallSample]); // ≈ [['free', 3, -66.6667, true], ['pro', 3, 100, true]]
 * ```
 * @category Survey
 */
export function netPromoterScore(
  input: NetPromoterScoreInput,
  options?: NetPromoterScoreOptions,
): NetPromoterScoreResult;
export function netPromoterScore(
  input: { readonly scores: Scores; readonly attributes?: ScoreAttributes },
  options: NetPromoterScoreSegmentOptions,
): SegmentedSurveyResult<NetPromoterScoreResult>;
export function netPromoterScore(
  input: { readonly scores: Scores; readonly attributes?: ScoreAttributes },
  options?: NetPromoterScoreOptions | NetPromoterScoreSegmentOptions,
): NetPromoterScoreResult | SegmentedSurveyResult<NetPromoterScoreResult>;
export function netPromoterScore(
  input: { readonly responses: ArrayLike<SurveyResponse> },
  options: NetPromoterScoreSegmentOptions<SurveyResponse>,
): SegmentedSurveyResult<NetPromoterScoreResult>;
export function netPromoterScore(
  input: { readonly responses: ArrayLike<SurveyResponse> },
  options?: NetPromoterScoreOptions | NetPromoterScoreSegmentOptions<SurveyResponse>,
): NetPromoterScoreResult | SegmentedSurveyResult<NetPromoterScoreResult>;
export function netPromoterScore(
  input: NetPromoterScoreInput,
  options?: NetPromoterScoreOptions | NetPromoterScoreSegmentOptions | NetPromoterScoreSegmentOptions<SurveyResponse>,
): NetPromoterScoreResult | SegmentedSurveyResult<NetPromoterScoreResult> {
  const settings = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, settings);
  const level = settings.confidence ?? 0.95;
  const method = settings.interval ?? 'adjusted-wald';
  const parsed = parseForm(METRIC, npsResponseForms, input);
  if (parsed.form === 'promoters') {
    return settings.segmentBy === undefined ? npsResult(parsed.value, level, method) : needsScores(METRIC, parsed.form);
  }
  return surveyResult(METRIC, parsed, NPS_SCALE, settings, (counts) => npsResult(npsGroupsOf(counts), level, method));
}
