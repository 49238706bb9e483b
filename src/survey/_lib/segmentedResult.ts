// The `{ total, segments }` result of a survey metric called with `segmentBy`: the total and every segment's
// result come from one function of a slot of counts, the same one the unsegmented call ends with, so the
// total equals the unsegmented call exactly and each segment equals the unsegmented call on its responses.
import * as z from 'zod/mini';
import { type ScoreAttributes, countSegments, type SurveySegmentation } from './segmentColumns.js';
import { countResponseSegments, type SurveyResponse } from './responses.js';
import { type Distribution, type Scores, surveyCounts } from './survey.js';
import { invalid, noData } from '../../internal/parse.js';
import { count, type Scale } from '../../internal/schemas.js';
import { type MissingSegment, SegmentIds, segmentShape } from '../../internal/segments.js';

/** One segment of a survey metric's breakdown. */
export interface SurveySegment<R> {
  /** The segment's name (`'(none)'` for responses without the attribute under `missingSegment: 'group'`). */
  readonly segment: string;
  /** Number of the segment's responses. */
  readonly size: number;
  /** The metric on the segment's responses alone, or `null` when it has none (a declared name unused). */
  readonly result: R | null;
  /** Whether `size` is below `minimumSegmentSize`: too few responses to read much into the result. */
  readonly smallSample: boolean;
}

/** A survey metric broken down by segment. */
export interface SegmentedSurveyResult<R> {
  /** The metric on every response: exactly the call without `segmentBy`. */
  readonly total: R;
  /** One entry per segment, by name (code-unit order), `'(none)'` last. */
  readonly segments: readonly SurveySegment<R>[];
}

/**
 * Options of a survey metric's breakdown by segment: on raw scores `T` is `number`, on `{ responses }` it is
 * {@link SurveyResponse}.
 */
export interface SurveySegmentOptions<T = number> {
  /**
   * How each answer finds its segment: on `{ scores }`, the name of a column of the input's `attributes`
   * (one segment per score) or a function of the score and its index; on `{ responses }`, the name of an
   * attribute of each response's `attributes` or a function of the response and its index. A function
   * returns a non-empty string.
   */
  readonly segmentBy: string | ((answer: T, index: number) => string);
  /**
   * What a response without the attribute does: `'error'` (default) throws a `MetricError` naming it;
   * `'group'` counts it in the segment `'(none)'`.
   */
  readonly missingSegment?: 'error' | 'group' | undefined;
  /** Segments with fewer responses are flagged `smallSample`. Default 30 (see each metric). */
  readonly minimumSegmentSize?: number | undefined;
}

/** The zod shape of the segment options, to spread into a survey metric's options schema. */
export const surveySegmentShape = /* @__PURE__ */ (() => ({
  ...segmentShape,
  minimumSegmentSize: z.optional(count),
}))();

/** The default `minimumSegmentSize` of the survey metrics. */
export const MINIMUM_SEGMENT_SIZE = 30;

/** Refuses `segmentBy` on a pre-aggregated input, which has no responses to segment. */
export function needsScores(metric: string, form: string): never {
  return invalid(
    metric,
    ['segmentBy'],
    `needs raw responses ({ responses }, or { scores } with their attributes), not the ${form} form, which has none to segment`,
    'options',
  );
}

/**
 * Counts the scores (or the responses) per segment and gives each segment, and the total, the result of
 * `resultOf` on its counts (`stride` of them, from the scale's minimum). `NO_DATA` at `['scores']` (or
 * `['responses']`) when there are none.
 */
export function segmentedSurvey<R>(
  metric: string,
  input:
    | { readonly scores: ArrayLike<unknown>; readonly attributes?: ScoreAttributes | undefined }
    | { readonly responses: ArrayLike<unknown> },
  range: Scale,
  options: SurveySegmentation & { readonly minimumSegmentSize?: number | undefined },
  resultOf: (counts: Float64Array, responses: number) => R,
): SegmentedSurveyResult<R> {
  const fromScores = 'scores' in input;
  const tally = fromScores
    ? countSegments(metric, input.scores, input.attributes, range, options)
    : countResponseSegments(metric, input.responses, range, options);
  const stride = range.max - range.min + 1;
  const total = new Float64Array(stride);
  const ids = new SegmentIds();
  const merged: Float64Array[] = [];
  for (let slot = 0; slot < tally.names.length; slot++) {
    const counts = tally.counts.subarray(slot * stride, (slot + 1) * stride);
    let size = 0;
    for (let k = 0; k < stride; k++) size += counts[k] as number;
    if (size === 0 && tally.declared[slot] !== true) continue;
    const id = ids.id(tally.names[slot] as string);
    const into = merged[id] ?? new Float64Array(stride);
    merged[id] = into;
    for (let k = 0; k < stride; k++) {
      into[k] = (into[k] as number) + (counts[k] as number);
      total[k] = (total[k] as number) + (counts[k] as number);
    }
  }
  let responses = 0;
  for (let k = 0; k < stride; k++) responses += total[k] as number;
  if (responses === 0) noData(metric, [fromScores ? 'scores' : 'responses'], 'has no responses');
  const minimum = options.minimumSegmentSize ?? MINIMUM_SEGMENT_SIZE;
  const segments = ids.order().map((id): SurveySegment<R> => {
    const counts = merged[id] as Float64Array;
    let size = 0;
    for (let k = 0; k < stride; k++) size += counts[k] as number;
    return {
      segment: ids.names[id] as string,
      size,
      result: size === 0 ? null : resultOf(counts, size),
      smallSample: size < minimum,
    };
  });
  return { total: resultOf(total, responses), segments };
}

/** The options a survey metric reads here: its segment options, as parsed. */
interface ParsedSegmentOptions {
  readonly segmentBy?: SurveySegmentation['segmentBy'] | undefined;
  readonly missingSegment?: MissingSegment | undefined;
  readonly minimumSegmentSize?: number | undefined;
}

/**
 * A survey metric's last step on `{ scores }`, `{ responses }` or `{ distribution }`: without `segmentBy`, `resultOf` on
 * all the counts (the unsegmented call); with it, the breakdown by segment, refused on a distribution.
 */
export function surveyResult<R>(
  metric: string,
  parsed:
    | {
        readonly form: 'scores';
        readonly value: { readonly scores: Scores; readonly attributes?: ScoreAttributes | undefined };
      }
    | { readonly form: 'responses'; readonly value: { readonly responses: ArrayLike<SurveyResponse> } }
    | { readonly form: 'distribution'; readonly value: { readonly distribution: Distribution } },
  range: Scale,
  options: ParsedSegmentOptions,
  resultOf: (counts: Float64Array, responses: number) => R,
): R | SegmentedSurveyResult<R> {
  const segmentBy = options.segmentBy;
  if (segmentBy === undefined) {
    const { counts, responses } = surveyCounts(metric, parsed.value, range);
    return resultOf(counts, responses);
  }
  if (parsed.form === 'distribution') return needsScores(metric, parsed.form);
  return segmentedSurvey(metric, parsed.value, range, { ...options, segmentBy }, resultOf);
}
