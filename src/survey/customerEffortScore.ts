import * as z from 'zod/mini';
import { effortScorer } from './_lib/surveyCores.js';
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

const METRIC = 'customerEffortScore';

/** CES 2.0's 1–7 agreement scale, the default. */
const SEVEN_POINT: Scale = { min: 1, max: 7 };

/** Input of {@link customerEffortScore}. */
export type CustomerEffortScoreInput =
  | {
      /** The answers, one per response: integers on `scale`. */
      readonly scores: Scores;
      /**
       * Attributes of the responses as columns, each as long as `scores` (segment names, or dictionary codes
       * `{ codes, names }`), read by `segmentBy`.
       */
      readonly attributes?: ScoreAttributes;
      /** The survey's rating scale. Default `{ min: 1, max: 7 }`. */
      readonly scale?: Scale;
    }
  | {
      /** The answers as records `{ score, at?, attributes?, topics? }`, `score` an integer on `scale`. */
      readonly responses: ArrayLike<SurveyResponse>;
      /** The survey's rating scale. Default `{ min: 1, max: 7 }`. */
      readonly scale?: Scale;
    }
  | {
      /**
       * Number of responses per score: an object keyed by score, or an array with one count per point of
       * `scale`, the first for its minimum.
       */
      readonly distribution: Distribution;
      /** The survey's rating scale. Default `{ min: 1, max: 7 }`. */
      readonly scale?: Scale;
    };

/** Options of {@link customerEffortScore}. */
export interface CustomerEffortScoreOptions {
  /**
   * `true` (default) for an agreement scale where a higher answer means easier (CES 2.0: "The company made
   * it easy for me to handle my issue", 1 = strongly disagree … 7 = strongly agree); `false` for an effort
   * scale where a lower answer means less effort (CES 1.0: "How much effort did you personally have to put
   * forth?", 1 = very low … 5 = very high).
   */
  readonly higherIsEasier?: boolean;
  /**
   * The score from which an answer counts as easy: easy answers are `easyFrom` and above when
   * `higherIsEasier`, `easyFrom` and below otherwise. Defaults: 5 on 1–7 and 4 on 1–5 when higher is easier;
   * 2 on 1–5 and 3 on 1–7 when lower is easier. Other scales must name it.
   */
  readonly easyFrom?: number;
  /** Confidence level of the interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /** Absent for one figure; see {@link CustomerEffortScoreSegmentOptions} for a breakdown by segment. */
  readonly segmentBy?: undefined;
}

/** Options of {@link customerEffortScore} broken down by segment (`segmentBy`), on `{ scores }`. */
export interface CustomerEffortScoreSegmentOptions<T = number>
  extends SurveySegmentOptions<T>,
    Omit<CustomerEffortScoreOptions, 'segmentBy'> {}

/** Result of {@link customerEffortScore}. */
export interface CustomerEffortScoreResult {
  /** Mean answer on the survey's own scale (the classic CES figure). */
  readonly average: number;
  /** Easy answers ÷ responses, a fraction. */
  readonly easyShare: number;
  /** Number of easy answers. */
  readonly easy: number;
  /** Number of responses. */
  readonly responses: number;
  /** The threshold that was applied (see {@link CustomerEffortScoreOptions.easyFrom}). */
  readonly easyFrom: number;
  /** Whether a higher answer means easier. */
  readonly higherIsEasier: boolean;
  /** Wilson score interval of `easyShare`. */
  readonly interval: {
    /** Lower end, a fraction (exactly 0 when no answer is easy). */
    readonly low: number;
    /** Upper end, a fraction (exactly 1 when every answer is easy). */
    readonly high: number;
  };
  /** The confidence level of the interval. */
  readonly confidence: number;
}

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    higherIsEasier: z.optional(z.boolean()),
    easyFrom: z.optional(integer),
    confidence: z.optional(confidence),
    ...surveySegmentShape,
  }))();

/**
 * Customer Effort Score (CES): the mean answer and the share of easy answers, with a Wilson interval.
 *
 * @remarks
 * Average = Σ answers ÷ responses; easy share = easy answers ÷ responses, where an answer is easy when it is
 * at least `easyFrom` (higher is easier) or at most `easyFrom` (lower is easier).
 *
 * The default is CES 2.0 (CEB, now Gartner, 2013): agreement on 1–7 with "The company made it easy for me
 * to handle my issue", 5–7 (somewhat agree to strongly agree) counting as easy. The source documents ask
 * "on a scale of 1–7, how easy was it" (`docs/sources.md` row 14), the same direction. The original CES
 * (Dixon, Freeman & Toman, "Stop Trying to Delight Your Customers", Harvard Business Review, 2010) asks how
 * much effort the customer had to put in on 1–5, where lower is better: use `higherIsEasier: false` with
 * `scale: { min: 1, max: 5 }`, which counts 1–2 as easy by default.
 *
 * With `segmentBy` the result is `{ total, segments: [{ segment, size, result, smallSample }] }`: `total`
 * is exactly the call without it, and each segment's `result` is the call on that segment's scores alone
 * (same threshold and direction, Wilson interval included). A segment reaches each score through a column
 * of `attributes` or a function of the score and its index; see {@link netPromoterScore} for the listing
 * rules. `smallSample` flags a segment of fewer than `minimumSegmentSize` responses, by default 30: the
 * worst-case 95 % margin of error of the easy share is 1.96 × √(0.25 ÷ n), ±18 points at 30 responses
 * (as for {@link customerSatisfactionScore}).
 *
 * Average and share are exact (ratios of integers, correctly rounded); the interval is computed in double
 * precision.
 *
 * Unit: the scale's own unit for the average; fractions for the share and interval.
 *
 * @param input - `{ scores }`, `{ responses }` (records `{ score, at?, attributes?, topics? }`) or
 * `{ distribution }`, with `scale` (default `{ min: 1, max: 7 }`).
 * @param options - `{ higherIsEasier = true, easyFrom, confidence = 0.95 }`, and for a breakdown `{ segmentBy,
 * missingSegment = 'error', minimumSegmentSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a score is not an integer on the scale (the issue names
 * its index, `['scores', 41]` or `['responses', 41, 'score']`), a response has an unknown key, an `at` that is
 * not a date or `attributes` that are not strings, the scale is invalid, `easyFrom` is outside the scale or missing for a scale without a default,
 * or `confidence` is not strictly between 0 and 1; with `segmentBy`, when the input is a distribution, or a
 * segment column or key is bad (as for {@link netPromoterScore}); `missingSegment` or `minimumSegmentSize`
 * without `segmentBy`.
 * @throws {@link MetricError} `NO_DATA` when there are no responses.
 * @example
 * ```ts
 * const ces = customerEffortScore({ scores: [7, 6, 5, 4, 2, 7, 6, 3] });
 * ces.average; // => 5
 * ces.easyShare; // => 0.625
 * // CES 1.0: effort on 1–5, lower is better; 1–2 count as easy
 * const effort = customerEffortScore({ scores: [1, 2, 2, 4, 5], scale: { min: 1, max: 5 } }, { higherIsEasier: false });
 * effort.easyShare; // => 0.6
 * const byChannel = customerEffortScore(
 *   { scores: [7, 6, 5, 4, 2, 7, 6, 3], attributes: { channel: ['chat', 'chat', 'chat', 'phone', 'phone', 'chat', 'phone', 'phone'] } },
 *   { segmentBy: 'channel' },
 * );
 * byChannel.segments.map((s) => [s.segment, s.result?.average, s.result?.easyShare]); // => [['chat', 6.25, 1], ['phone', 3.75, 0.25]]
 * ```
 * @category Survey
 */
export function customerEffortScore(
  input: CustomerEffortScoreInput,
  options?: CustomerEffortScoreOptions,
): CustomerEffortScoreResult;
export function customerEffortScore(
  input: { readonly scores: Scores; readonly scale?: Scale; readonly attributes?: ScoreAttributes },
  options: CustomerEffortScoreSegmentOptions,
): SegmentedSurveyResult<CustomerEffortScoreResult>;
export function customerEffortScore(
  input: { readonly scores: Scores; readonly scale?: Scale; readonly attributes?: ScoreAttributes },
  options?: CustomerEffortScoreOptions | CustomerEffortScoreSegmentOptions,
): CustomerEffortScoreResult | SegmentedSurveyResult<CustomerEffortScoreResult>;
export function customerEffortScore(
  input: { readonly responses: ArrayLike<SurveyResponse>; readonly scale?: Scale },
  options: CustomerEffortScoreSegmentOptions<SurveyResponse>,
): SegmentedSurveyResult<CustomerEffortScoreResult>;
export function customerEffortScore(
  input: { readonly responses: ArrayLike<SurveyResponse>; readonly scale?: Scale },
  options?: CustomerEffortScoreOptions | CustomerEffortScoreSegmentOptions<SurveyResponse>,
): CustomerEffortScoreResult | SegmentedSurveyResult<CustomerEffortScoreResult>;
export function customerEffortScore(
  input: CustomerEffortScoreInput,
  options?:
    | CustomerEffortScoreOptions
    | CustomerEffortScoreSegmentOptions
    | CustomerEffortScoreSegmentOptions<SurveyResponse>,
): CustomerEffortScoreResult | SegmentedSurveyResult<CustomerEffortScoreResult> {
  const parsed = parseForm(METRIC, scaledSurveyForms, input);
  const settings = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, settings);
  const range = parsed.value.scale ?? SEVEN_POINT;
  const resultOf = effortScorer(range, settings.easyFrom, settings.higherIsEasier, settings.confidence ?? 0.95);
  return surveyResult(METRIC, parsed, range, settings, resultOf);
}
