import * as z from 'zod/mini';
import type { NetPromoterScoreResult } from './netPromoterScore.js';
import { compareNpsGroups, effortScorer, npsResult, satisfactionScorer } from './_lib/surveyCores.js';
import type { ScoreAttributeColumn } from './_lib/segmentColumns.js';
import { npsGroupsOf, scoresField } from './_lib/survey.js';
import type { Window } from './_lib/trendCounts.js';
import {
  columnsTally,
  responsesTally,
  type TalliedPeriod,
  talliedTally,
  type TrendResponse,
} from './_lib/trendForms.js';
import { type SurveyTrendRow, type TrendChange, type TrendMetric, trendRows } from './_lib/trendRows.js';
import type { TrendPeriod } from './_lib/trendPeriods.js';
import { isMetricError, MetricError } from '../errors.js';
import { toEpoch } from '../internal/dates.js';
import { bulkArray, invalid, parseForm, parseOptions } from '../internal/parse.js';
import { compareCounts } from '../internal/proportions.js';
import { confidence, date, integer, type Scale, scale } from '../internal/schemas.js';
import { segmentShape } from '../internal/segments.js';

const METRIC = 'surveyTrend';

export type { SurveyTrendRow, TalliedPeriod, TrendChange, TrendResponse };

/**
 * Input of {@link surveyTrend}: dated response records, bulk columns, or distributions already tallied per
 * period.
 */
export type SurveyTrendInput =
  | {
      /** The responses, each `{ at, score, segment?, attributes? }`. */
      readonly responses: readonly TrendResponse[];
    }
  | {
      /** The answers, one per response (an array or typed array of points of the scale). */
      readonly scores: ArrayLike<number>;
      /**
       * The date of each answer, as long as `scores`: epoch milliseconds (a `Float64Array` is read without a
       * copy), ISO strings or Dates.
       */
      readonly at?: ArrayLike<number | string | Date>;
      /**
       * Instead of `at`: the day of each answer, in whole days from 1970-01-01 (UTC), the most compact form
       * (a `Uint16Array` reaches 2149, an `Int32Array` any date).
       */
      readonly days?: ArrayLike<number>;
      /** The segment of each answer: names, or dictionary codes `{ codes, names }` (−1 for none). */
      readonly segments?: ScoreAttributeColumn;
    }
  | {
      /** One distribution per period (and segment); entries of the same period and segment are added up. */
      readonly periods: readonly TalliedPeriod[];
    };

/** Options of {@link surveyTrend}. */
export interface SurveyTrendOptions {
  /** The survey metric: `'nps'`, `'csat'` or `'ces'`. Required. */
  readonly metric: 'nps' | 'csat' | 'ces';
  /** The calendar period of a row, in UTC. Default `'month'`. */
  readonly period?: TrendPeriod;
  /** First instant counted (included); the first row is its period. Default: the earliest response. */
  readonly from?: string | Date | number;
  /** End of the window (excluded); the last row is the period of the instant before it. Default: the latest. */
  readonly to?: string | Date | number;
  /** The answer scale of CSAT (default 1–5) or CES (default 1–7); NPS is always 0–10. */
  readonly scale?: Scale;
  /** Confidence level of every interval and test, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /** CSAT's lowest satisfied answer, as in `customerSatisfactionScore` (default by scale). */
  readonly satisfiedFrom?: number;
  /** CES's threshold of an easy answer, as in `customerEffortScore` (default by scale). */
  readonly easyFrom?: number;
  /** CES's direction, as in `customerEffortScore`. Default `true`. */
  readonly higherIsEasier?: boolean;
  /** On `{ responses }`: an attribute name or a function of the response giving its segment. */
  readonly segmentBy?: string | ((response: TrendResponse, index: number) => string);
  /** What a response without a segment does: `'error'` (default) or `'group'` (in `'(none)'`). */
  readonly missingSegment?: 'error' | 'group';
}

/** Result of {@link surveyTrend}. */
export interface SurveyTrendResult {
  /** The metric of the rows. */
  readonly metric: 'nps' | 'csat' | 'ces';
  /** The period of a row. */
  readonly period: TrendPeriod;
  /** The confidence level of the intervals and tests. */
  readonly confidence: number;
  /**
   * One row per period, in calendar order, without gaps (a period without responses has `responses: 0` and
   * `score: null`); with segments, each period's row of all responses first, then one per segment by name,
   * `'(none)'` last.
   */
  readonly periods: readonly SurveyTrendRow[];
}

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'responses', schema: z.strictObject({ responses: bulkArray('an array of responses') }) },
    {
      key: 'scores',
      schema: z.strictObject({
        scores: scoresField,
        at: z.optional(bulkArray('an array or typed array of dates, one per score')),
        days: z.optional(bulkArray('an array or typed array of day numbers, one per score')),
        segments: z.optional(
          z.custom<ScoreAttributeColumn>((value) => typeof value === 'object' && value !== null, {
            error: 'must be an array with one segment name per score, or dictionary codes { codes, names }',
          }),
        ),
      }),
    },
    { key: 'periods', schema: z.strictObject({ periods: bulkArray('an array of tallied periods') }) },
  ] as const)();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    metric: z.enum(['nps', 'csat', 'ces']),
    period: z.optional(z.enum(['month', 'quarter', 'year'])),
    from: z.optional(date),
    to: z.optional(date),
    scale: z.optional(scale),
    confidence: z.optional(confidence),
    satisfiedFrom: z.optional(integer),
    easyFrom: z.optional(integer),
    higherIsEasier: z.optional(z.boolean()),
    ...segmentShape,
  }))();

/** Calls one of the survey functions, its errors reported as this function's. */
function own<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (isMetricError(error)) throw new MetricError(METRIC, error.code, error.issues);
    throw error;
  }
}

type Settings = z.infer<typeof optionsSchema>;

/** The sum of a distribution's counts, in order (as the public functions add them). */
function responsesOf(counts: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += counts[k] as number;
  return sum;
}

/**
 * The metric's scoring and comparison, on counts of its scale: the public functions' own result builders
 * (see surveyCores.ts) with the options parsed once, so a row is what the public function returns.
 */
function trendMetric(settings: Settings, range: Scale, level: number): TrendMetric<unknown> {
  if (settings.metric === 'nps') {
    const metric: TrendMetric<NetPromoterScoreResult> = {
      score: (counts) => own(() => npsResult(npsGroupsOf(counts), level, 'adjusted-wald')),
      read: (result) => result,
      compare(current, previous) {
        // Both samples in one group each: no variance, no test (compareNetPromoterScores refuses it).
        if (flat(current) && flat(previous)) return { difference: current.score - previous.score, pValue: null };
        return own(() => compareNpsGroups(current, previous, level));
      },
    };
    return metric as TrendMetric<unknown>;
  }
  if (settings.metric === 'csat') {
    const scorer = own(() => satisfactionScorer(range, settings.satisfiedFrom, level));
    return shareMetric(
      (counts) => scorer(counts, responsesOf(counts)),
      (result) => [result.score, result.satisfied],
      level,
    );
  }
  const scorer = own(() => effortScorer(range, settings.easyFrom, settings.higherIsEasier, level));
  return shareMetric(
    (counts) => scorer(counts, responsesOf(counts)),
    (result) => [result.easyShare, result.easy],
    level,
  );
}

/**
 * A metric whose row is a share with its Wilson interval (CSAT's satisfied, CES's easy): compared by the
 * pooled two-proportion z test on the counts behind the share.
 */
function shareMetric<R extends { readonly responses: number; readonly interval: { low: number; high: number } }>(
  score: (counts: Float64Array) => R,
  shareOf: (result: R) => readonly [share: number, successes: number],
  level: number,
): TrendMetric<unknown> {
  const metric: TrendMetric<R> = {
    score: (counts) => own(() => score(counts)),
    read: (result) => ({
      score: shareOf(result)[0],
      interval: { low: result.interval.low, high: result.interval.high },
    }),
    compare: (current, previous) =>
      compareCounts(shareOf(current)[1], current.responses, shareOf(previous)[1], previous.responses, level),
  };
  return metric as TrendMetric<unknown>;
}

/** Whether every response of an NPS sample is in one group (promoters, passives or detractors). */
function flat(result: { responses: number; promoters: number; passives: number; detractors: number }): boolean {
  const { responses } = result;
  return result.promoters === responses || result.passives === responses || result.detractors === responses;
}

const SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } } as const;

/**
 * Survey trend: NPS, CSAT or CES per calendar period (and segment), each period compared with the previous
 * one, with segment p-values adjusted for multiple comparisons (Holm).
 *
 * @remarks
 * Responses are placed in UTC calendar months, quarters or years. Each row's `score` and `interval` are
 * exactly what {@link netPromoterScore}, {@link customerSatisfactionScore} (the satisfied share) or
 * {@link customerEffortScore} (the easy share) returns on that period's responses, with the same options and
 * defaults (thresholds, scale, interval). `change` compares the row with the previous period of the same
 * segment when both have responses: for NPS the difference in points and the p-value of
 * {@link compareNetPromoterScores} (two-sample Wald test); for CSAT and CES the difference of the shares and
 * the pooled two-proportion z test of {@link compareProportions}. The p-value is `null` when the test is
 * undefined (neither period varies: all promoters in both, every answer satisfied in both).
 *
 * With segments, every period lists the row of all its responses (no `segment`), then one row per segment
 * by name, `'(none)'` last. Reading twenty segments at 5 % makes a false alarm likely (1 − 0.95²⁰ ≈ 64 %), so
 * the segments' p-values of a period are adjusted together by Holm's step-down (`pValue`, with `rawPValue`
 * the unadjusted value; the row of all responses is one test and keeps its own). `significant` is
 * `pValue < 1 − confidence`.
 *
 * Every period from the first to the last is listed: one without responses has `responses: 0`, `score` and
 * `interval` null and no change, and the period after it has no change either (there is nothing to compare
 * with), so a chart has no silent gaps. The first and last periods are those of `from` and of the instant
 * before `to` when given (they may be partial), else those of the earliest and latest response.
 *
 * Inputs: response records `{ at, score, segment? }` (or `attributes` read by `segmentBy`); bulk columns
 * `{ scores, at, segments? }` for millions of responses (a `Float64Array` of epoch milliseconds and dictionary
 * codes in a `Uint8Array` are read without an object per response); or distributions already tallied per
 * period `{ periods: [{ period: '2024-03', segment?, distribution }] }`, as a warehouse query or a streamed
 * read gives them.
 *
 * Source: the metrics' own definitions; S. Holm, Scandinavian Journal of Statistics 6 (1979); R. G.
 * Newcombe, Statistics in Medicine 17 (1998).
 *
 * Unit: NPS points for NPS rows and differences; fractions for CSAT and CES; p-values are probabilities.
 *
 * @param input - `{ responses }`, `{ scores, at, segments? }` or `{ periods }`.
 * @param options - `{ metric, period = 'month', from?, to?, scale?, confidence = 0.95, satisfiedFrom?,
 * easyFrom?, higherIsEasier?, segmentBy?, missingSegment = 'error' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when the metric is unknown (`['metric']`, in the options), a
 * response has no date (`['responses', 3, 'at']`) or a score off the scale (`['responses', 3, 'score']`,
 * `['scores', 3]`), a date is invalid (`['at', 3]`), a column is not as long as the scores, a segment is
 * missing (`['responses', 3, 'segment']`, unless `missingSegment: 'group'`), a tallied period is not written
 * as the period (`['periods', 0, 'period']`), `to` is not after `from`, `scale` is given for NPS, or an
 * option is refused by the metric's own function (a CSAT scale without a default threshold).
 * @throws {@link MetricError} `NO_DATA` when no response falls in the window.
 * @example
 * ```ts
 * const trend = surveyTrend(
 *   {
 *     responses: [
 *       { at: '2024-01-05', score: 10 },
 *       { at: '2024-01-09', score: 6 },
 *       { at: '2024-03-02', score: 9 },
 *       { at: '2024-03-20', score: 10 },
 *     ],
 *   },
 *   { metric: 'nps' },
 * );
 * trend.periods.map((row) => [row.period, row.responses, row.score]); // => [['2024-01', 2, 0], ['2024-02', 0, null], ['2024-03', 2, 100]]
 * trend.periods[2].change; // => undefined
 * ```
 * @category Survey
 */
export function surveyTrend(input: SurveyTrendInput, options: SurveyTrendOptions): SurveyTrendResult {
  const settings = parseOptions(METRIC, optionsSchema, options);
  const level = settings.confidence ?? 0.95;
  const period = settings.period ?? 'month';
  if (settings.metric === 'nps' && settings.scale !== undefined) {
    invalid(METRIC, ['scale'], 'applies to csat and ces: NPS is always on 0–10', 'options');
  }
  const range: Scale = settings.scale ?? SCALES[settings.metric];
  const window: Window = {
    from: settings.from === undefined ? Number.NEGATIVE_INFINITY : toEpoch(settings.from),
    to: settings.to === undefined ? Number.POSITIVE_INFINITY : toEpoch(settings.to),
  };
  if (!(window.to > window.from)) invalid(METRIC, ['to'], 'must be after from', 'options');
  const metric = trendMetric(settings, range, level);
  const stride = range.max - range.min + 1;
  // One response scored before the data is read: an option the metric refuses is reported at once.
  const probe = new Float64Array(stride);
  probe[0] = 1;
  metric.score(probe);
  const parsed = parseForm(METRIC, forms, input);
  const missing = settings.missingSegment ?? 'error';
  if (settings.segmentBy !== undefined && parsed.form !== 'responses') {
    invalid(METRIC, ['segmentBy'], 'applies to { responses }: columns bring their segments in `segments`', 'options');
  }
  const tally =
    parsed.form === 'responses'
      ? responsesTally(METRIC, parsed.value.responses, range, period, window, settings.segmentBy, missing)
      : parsed.form === 'scores'
        ? columnsTally(METRIC, parsed.value, range, period, window, missing)
        : talliedTally(METRIC, parsed.value.periods, range, period, window);
  return {
    metric: settings.metric,
    period,
    confidence: level,
    periods: trendRows(tally, stride, period, level, metric),
  };
}
