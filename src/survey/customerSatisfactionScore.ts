import * as z from 'zod/mini';
import { satisfactionScorer } from './_lib/surveyCores.js';
import type { SurveyResponse } from './_lib/responses.js';
import type { ScoreAttributes } from './_lib/segmentColumns.js';
import {
  type SegmentedSurveyResult,
  type SurveySegmentOptions,
  surveyResult,
  surveySegmentShape,
} from './_lib/segmentedResult.js';
import { parseForm, parseOptions } from '../internal/parse.js';
import { checkSegmentOptions } from '../internal/segmented.js';
import { confidence, integer, type Scale } from '../internal/schemas.js';
import { type Distribution, type Scores, scaledSurveyForms } from './_lib/survey.js';

const METRIC = 'customerSatisfactionScore';

/** The 1–5 scale, the default. */
const FIVE_POINT: Scale = { min: 1, max: 5 };

/** Input of {@link customerSatisfactionScore}. */
export type CustomerSatisfactionScoreInput =
  | {
      /** The answers, one per response: integers on `scale`. */
      readonly scores: Scores;
      /**
       * Attributes of the responses as columns, each as long as `scores` (segment names, or dictionary codes
       * `{ codes, names }`), read by `segmentBy`.
       */
      readonly attributes?: ScoreAttributes;
      /** The survey's rating scale. Default `{ min: 1, max: 5 }`. */
      readonly scale?: Scale;
    }
  | {
      /** The answers as records `{ score, at?, attributes?, topics? }`, `score` an integer on `scale`. */
      readonly responses: ArrayLike<SurveyResponse>;
      /** The survey's rating scale. Default `{ min: 1, max: 5 }`. */
      readonly scale?: Scale;
    }
  | {
      /**
       * Number of responses per score: an object keyed by score, or an array with one count per point of
       * `scale`, the first for its minimum.
       */
      readonly distribution: Distribution;
      /** The survey's rating scale. Default `{ min: 1, max: 5 }`. */
      readonly scale?: Scale;
    };

/** Options of {@link customerSatisfactionScore}. */
export interface CustomerSatisfactionScoreOptions {
  /**
   * The lowest score that counts as satisfied. Default: 4 on a 1–5 scale, 6 on 1–7, 7 on 1–10 (the top-box
   * rule of the source documents); any other scale must name it.
   */
  readonly satisfiedFrom?: number;
  /** Confidence level of the interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /** Absent for one figure; see {@link CustomerSatisfactionScoreSegmentOptions} for a breakdown by segment. */
  readonly segmentBy?: undefined;
}

/** Options of {@link customerSatisfactionScore} broken down by segment (`segmentBy`), on `{ scores }`. */
export interface CustomerSatisfactionScoreSegmentOptions<T = number>
  extends SurveySegmentOptions<T>,
    Omit<CustomerSatisfactionScoreOptions, 'segmentBy'> {}

/** Result of {@link customerSatisfactionScore}. */
export interface CustomerSatisfactionScoreResult {
  /** CSAT: satisfied ÷ responses, a fraction (0.6 is 60 %). */
  readonly score: number;
  /** Responses at or above `satisfiedFrom`. */
  readonly satisfied: number;
  /** Number of responses. */
  readonly responses: number;
  /** Mean score, on the survey's own scale. */
  readonly average: number;
  /** The lowest satisfied score that was applied. */
  readonly satisfiedFrom: number;
  /** Wilson score interval of `score`. */
  readonly interval: {
    /** Lower end, a fraction (exactly 0 when no response is satisfied). */
    readonly low: number;
    /** Upper end, a fraction (exactly 1 when every response is satisfied). */
    readonly high: number;
  };
  /** The confidence level of the interval. */
  readonly confidence: number;
}

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    satisfiedFrom: z.optional(integer),
    confidence: z.optional(confidence),
    ...surveySegmentShape,
  }))();

/**
 * Customer Satisfaction Score (CSAT): the share of satisfied responses, with a Wilson interval.
 *
 * @remarks
 * CSAT = responses at or above `satisfiedFrom` ÷ all responses ("top-box" scoring). On the default 1–5
 * scale the satisfied answers are 4 and 5 (the top two boxes); on 1–7 they are 6 and 7; on 1–10, 7 to 10 —
 * the rules of the source documents (`docs/sources.md` rows 5, 13 and 24). Other scales have no
 * conventional threshold and must name `satisfiedFrom`. The average score is reported too, since some
 * teams quote CSAT as a mean rating; it is not the score.
 *
 * The interval is the Wilson score interval of the satisfied share (see {@link wilsonInterval}), which stays
 * within [0, 1] and keeps a sensible width for small samples and for shares of 0 or 1.
 *
 * Score and average are exact (ratios of integers, correctly rounded); the interval is computed in double
 * precision.
 *
 * With `segmentBy` the result is `{ total, segments: [{ segment, size, result, smallSample }] }`: `total`
 * is exactly the call without it, and each segment's `result` is the call on that segment's scores alone
 * (same threshold, Wilson interval included). A segment reaches each score through a column of
 * `attributes` (segment names, or dictionary codes into `names`) or a function of the score and its index;
 * see {@link netPromoterScore} for the listing rules. `smallSample` flags a segment of fewer than
 * `minimumSegmentSize` responses, by default 30: the worst-case 95 % margin of error of a share is
 * 1.96 × √(0.25 ÷ n) (the sample-size formula n = z²p(1 − p) ÷ e² of Qualtrics' and SurveyMonkey's
 * calculators), ±18 points at 30 responses, and wider below.
 *
 * Source: the documents' definition (percentage of positive ratings: 4–5 on a 5-point scale, 7–10 on a
 * 10-point scale); Qualtrics and SurveyMonkey describe the same top-two-box calculation on 1–5.
 *
 * Unit: fractions for score and interval; the scale's own unit for the average.
 *
 * @param input - `{ scores }` (array or typed array of integer scores), `{ responses }` (records `{ score,
 * at?, attributes?, topics? }`) or `{ distribution }` (score → count, or one count per point of the scale),
 * with `scale` (default `{ min: 1, max: 5 }`).
 * @param options - `{ satisfiedFrom, confidence = 0.95 }`, and for a breakdown `{ segmentBy, missingSegment
 * = 'error', minimumSegmentSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a score is not an integer on the scale (the issue names
 * its index, `['scores', 41]` or `['responses', 41, 'score']`), a response has an unknown key, an `at` that is
 * not a date or `attributes` that are not strings, the scale is not `min < max` integers spanning at most 101 points, `satisfiedFrom` is outside
 * the scale or missing for a scale without a default, or `confidence` is not strictly between 0 and 1;
 * with `segmentBy`, when the input is a distribution, or a segment column or key is bad (as for
 * {@link netPromoterScore}); `missingSegment` or `minimumSegmentSize` without `segmentBy`.
 * @throws {@link MetricError} `NO_DATA` when there are no responses.
 * @example
 * ```ts
 * // 5:10, 4:20, 3:10, 2:5, 1:5 → 30 of 50 satisfied
 * const csat = customerSatisfactionScore({ distribution: { 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 } });
 * csat.score; // => 0.6
 * csat.average; // => 3.5
 * csat.interval; // ≈ { low: 0.4618, high: 0.7239 }
 * customerSatisfactionScore({ scores: [9, 7, 3, 10], scale: { min: 1, max: 10 } }).score; // => 0.75
 * const byRegion = customerSatisfactionScore(
 *   { scores: [5, 4, 2, 5, 1], attributes: { region: { codes: [0, 0, 0, 1, 1], names: ['EU', 'US'] } } },
 *   { segmentBy: 'region' },
 * );
 * byRegion.segments.map((s) => [s.segment, s.size, s.result?.score]); // ≈ [['EU', 3, 0.6667], ['US', 2, 0.5]]
 * byRegion.total.score; // => 0.6
 * const responses = [
 *   { score: 5, attributes: { region: 'EU' } },
 *   { score: 2, attributes: { region: 'EU' } },
 *   { score: 4, attributes: { region: 'US' } },
 * ];
 * customerSatisfactionScore({ responses }).score; // ≈ 0.6667
 * customerSatisfactionScore({ responses }, { segmentBy: 'region' }).segments.map((s) => [s.segment, s.result?.score]); // => [['EU', 0.5], ['US', 1]]
 * ```
 * @category Survey
 */
export function customerSatisfactionScore(
  input: CustomerSatisfactionScoreInput,
  options?: CustomerSatisfactionScoreOptions,
): CustomerSatisfactionScoreResult;
export function customerSatisfactionScore(
  input: { readonly scores: Scores; readonly scale?: Scale; readonly attributes?: ScoreAttributes },
  options: CustomerSatisfactionScoreSegmentOptions,
): SegmentedSurveyResult<CustomerSatisfactionScoreResult>;
export function customerSatisfactionScore(
  input: { readonly scores: Scores; readonly scale?: Scale; readonly attributes?: ScoreAttributes },
  options?: CustomerSatisfactionScoreOptions | CustomerSatisfactionScoreSegmentOptions,
): CustomerSatisfactionScoreResult | SegmentedSurveyResult<CustomerSatisfactionScoreResult>;
export function customerSatisfactionScore(
  input: { readonly responses: ArrayLike<SurveyResponse>; readonly scale?: Scale },
  options: CustomerSatisfactionScoreSegmentOptions<SurveyResponse>,
): SegmentedSurveyResult<CustomerSatisfactionScoreResult>;
export function customerSatisfactionScore(
  input: { readonly responses: ArrayLike<SurveyResponse>; readonly scale?: Scale },
  options?: CustomerSatisfactionScoreOptions | CustomerSatisfactionScoreSegmentOptions<SurveyResponse>,
): CustomerSatisfactionScoreResult | SegmentedSurveyResult<CustomerSatisfactionScoreResult>;
export function customerSatisfactionScore(
  input: CustomerSatisfactionScoreInput,
  options?:
    | CustomerSatisfactionScoreOptions
    | CustomerSatisfactionScoreSegmentOptions
    | CustomerSatisfactionScoreSegmentOptions<SurveyResponse>,
): CustomerSatisfactionScoreResult | SegmentedSurveyResult<CustomerSatisfactionScoreResult> {
  const parsed = parseForm(METRIC, scaledSurveyForms, input);
  const settings = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, settings);
  const range = parsed.value.scale ?? FIVE_POINT;
  const resultOf = satisfactionScorer(range, settings.satisfiedFrom, settings.confidence ?? 0.95);
  return surveyResult(METRIC, parsed, range, settings, resultOf);
}
