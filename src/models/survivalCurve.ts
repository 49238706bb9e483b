import * as z from 'zod/mini';
import { invalid, noData, parseForm, parseOptions } from '../internal/parse.js';
import { confidence } from '../internal/schemas.js';
import {
  checkSegmentOptions,
  type Segmented,
  type SegmentedOptions,
  segmentCollector,
  segmentedShape,
  segmentEntries,
} from '../internal/segmented.js';
import { compareSamples, weightsSchema } from './_lib/compareSamples.js';
import { CurveBuilder } from './_lib/kaplanMeier.js';
import { readSegmentedObservations, type Sample, sampleSize, walk } from './_lib/observations.js';
import { fromColumns, fromObservations, fromTable, survivalForms } from './_lib/survivalInput.js';
import type { CompareSurvivalCurvesOptions, CompareSurvivalCurvesResult } from './compareSurvivalCurves.js';

const METRIC = 'survivalCurve';

/**
 * The default `minimumSegmentSize`: 30 observations, the customary smallest sample of the library's segments
 * (below it one churn moves a segment's curve by more than 3 points).
 */
const MINIMUM_SEGMENT_SIZE = 30;

export type { MissingSegment, SegmentBy } from '../internal/segments.js';
export type { SegmentEntry, Segmented } from '../internal/segmented.js';

/** One customer: how long they were observed and whether the observation ended with their churn. */
export interface SurvivalObservation {
  /** Time from the start (acquisition) to churn, or to the end of observation: a finite number ≥ 0. */
  readonly duration: number;
  /** `true` if the customer churned at `duration`; `false` if still active then (a censored observation). */
  readonly churned: boolean;
  /**
   * Late entry (left truncation): the time from the start at which the customer came under observation, a
   * finite number from 0 to `duration`. The customer is at risk only at times t with entry < t ≤ duration
   * (R's `Surv(entry, duration, churned)`). Absent or 0: at risk from the start.
   */
  readonly entry?: number | undefined;
  /** Named attributes of the customer (`{ plan: 'pro' }`), strings: what `segmentBy` names. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/** Pre-aggregated counts at one time: what a `GROUP BY duration` over the observations gives. */
export interface SurvivalTableRow {
  /** A duration, a finite number ≥ 0. Rows may come in any order and may repeat a time (they are summed). */
  readonly time: number;
  /** Customers who churned at `time` (a count). */
  readonly events: number;
  /** Customers last observed, still active, at `time` (a count). */
  readonly censored: number;
}

/**
 * Input of {@link survivalCurve}: one record per customer, the same as two columns (typed arrays welcome),
 * or counts per time.
 */
export type SurvivalCurveInput =
  | {
      /** One observation per customer, in any order. */
      readonly observations: ArrayLike<SurvivalObservation>;
    }
  | {
      /** Durations, one per customer: an array or typed array of finite numbers ≥ 0. */
      readonly durations: ArrayLike<number>;
      /** Whether each customer churned: booleans, or 1 and 0 (a `Uint8Array` works), as long as `durations`. */
      readonly churned: ArrayLike<boolean | number>;
    }
  | {
      /** Counts of churned and censored customers per time, in any order; rows of the same time are summed. */
      readonly table: ArrayLike<SurvivalTableRow>;
    };

/** The confidence band of the curve. */
export type SurvivalInterval = 'log-log' | 'log' | 'linear';

/** Options of {@link survivalCurve}. */
export interface SurvivalCurveOptions {
  /** Confidence level of the band, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /**
   * The band: `'log-log'` (default; Kalbfleisch–Prentice, as lifelines, SAS and Stata compute it), `'log'`
   * (R survival's default) or `'linear'` (the plain Greenwood band: R's `'plain'`, SciPy's default).
   */
  readonly interval?: SurvivalInterval;
  /**
   * When the curve sits exactly at 0.5 from time t until the next churn at t′: `'midpoint'` (default, as
   * R survival and SAS) gives the median (t + t′)/2; `'first'` (as lifelines) gives t.
   */
  readonly medianRule?: 'midpoint' | 'first';
}

/**
 * Options of {@link survivalCurve} broken down by segment (observations only): `segmentBy` (an attribute
 * name, read from each observation's `attributes`, or a function of the observation), `missingSegment`,
 * `minimumSegmentSize` (observations; default 30) and `compare`.
 */
export interface SurvivalCurveSegmentOptions extends SurvivalCurveOptions, SegmentedOptions<SurvivalObservation> {
  /**
   * Adds `comparison`, the log-rank test of the segments' curves (what {@link compareSurvivalCurves} gives
   * on the segments as groups): `true` with its default weights, or its options (`{ weights: 'wilcoxon' }`).
   */
  readonly compare?: boolean | CompareSurvivalCurvesOptions | undefined;
}

/** Result of {@link survivalCurve} by segment: the curve of all observations and of each segment. */
export interface SurvivalCurveSegments extends Segmented<SurvivalCurveResult> {
  /**
   * With `compare`: the log-rank test of the segments that have observations, by segment name, or `null`
   * when fewer than two have any. Absent without `compare`.
   */
  readonly comparison?: CompareSurvivalCurvesResult | null | undefined;
}

/** Result of {@link survivalCurve} by segment with `compare`: the curves and their log-rank test. */
export interface ComparedSurvivalCurves extends SurvivalCurveSegments {
  /** The log-rank test of the segments that have observations, or `null` when fewer than two have any. */
  readonly comparison: CompareSurvivalCurvesResult | null;
}

/** One step of the Kaplan–Meier curve: a time at which some customer churned or was censored. */
export interface SurvivalPoint {
  /** The time. */
  readonly time: number;
  /** Customers at risk just before `time`: observed for at least this long (censored ones included). */
  readonly atRisk: number;
  /** Customers who churned at `time`. */
  readonly events: number;
  /** Customers censored at `time` (counted at risk at `time`: churn first, then censoring). */
  readonly censored: number;
  /** Ŝ(time): the estimated share still active after `time`. */
  readonly survival: number;
  /** Greenwood standard error of Ŝ(time). */
  readonly standardError: number;
  /** Lower end of the confidence band at `time`. */
  readonly low: number;
  /** Upper end of the confidence band at `time`. */
  readonly high: number;
}

/** The median lifetime: the time at which the curve reaches 0.5, or a flag that it never does. */
export type SurvivalMedian =
  | {
      /** The curve falls to 0.5 or below within the observed times. */
      readonly reached: true;
      /**
       * The median lifetime, in the unit of the durations: the first time at which Ŝ ≤ 0.5. Where Ŝ is
       * exactly 0.5 from that time until the next churn, the middle of that stretch under
       * `medianRule: 'midpoint'` (default), the time itself under `'first'`.
       */
      readonly time: number;
    }
  | {
      /** The curve stays above 0.5 up to the last observation: the median is later than any time seen. */
      readonly reached: false;
    };

/** Result of {@link survivalCurve}. */
export interface SurvivalCurveResult {
  /** Customers observed. */
  readonly observations: number;
  /** Customers who churned. */
  readonly events: number;
  /** Customers censored (still active at the end of their observation). */
  readonly censored: number;
  /** The steps of the curve, by increasing time. */
  readonly points: SurvivalPoint[];
  /** The median lifetime, `{ reached: true, time }`, or `{ reached: false }` if the curve never falls to 0.5. */
  readonly median: SurvivalMedian;
  /** The confidence level of the band. */
  readonly confidence: number;
}

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    confidence: z.optional(confidence),
    interval: z.optional(z.enum(['log-log', 'log', 'linear'])),
    medianRule: z.optional(z.enum(['midpoint', 'first'])),
    ...segmentedShape,
    compare: z.optional(z.union([z.boolean(), z.strictObject({ weights: z.optional(weightsSchema) })])),
  }))();

/**
 * Kaplan–Meier survival curve of customer lifetimes, with Greenwood standard errors, a confidence band and
 * the median lifetime.
 *
 * @remarks
 * At each time tᵢ with dᵢ churns among the nᵢ customers at risk (observed for at least tᵢ):
 * Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) (Kaplan & Meier 1958). Customers still active at the end of their observation
 * (`churned: false`) are censored: they count at risk up to and including their last time, then leave the
 * risk set. At a time with both churns and censorings, the churns come first (the standard convention), so
 * the censored customers are at risk at that time.
 *
 * Greenwood's variance: Var Ŝ(t) = Ŝ(t)²·Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)); `standardError` is its square root.
 * The band, with z the normal critical value and v the Greenwood sum:
 * - `'log-log'` (default): Ŝ^exp(±z·√v/ln Ŝ), from the normal approximation of ln(−ln Ŝ) (Kalbfleisch &
 *   Prentice; the "exponential Greenwood" band); it stays within [0, 1]. As lifelines, SAS (`CONFTYPE=LOGLOG`)
 *   and Stata compute it by default, and scikit-survival and SciPy with `'log-log'`.
 * - `'log'`: Ŝ·exp(±z·√v), capped at 1; R survival's default (`conf.type = "log"`).
 * - `'linear'`: Ŝ ± z·SE, clipped to [0, 1]; R's `conf.type = "plain"`, SciPy's default.
 *
 * Where Ŝ = 1 (no churn yet) the standard error is 0 and the band is [1, 1]; once Ŝ = 0 (everyone at risk
 * churned) it is 0 and the band [0, 0]: the Greenwood formula gives no width there, and none is invented.
 *
 * Late entry: an observation with `entry` (customers who came under observation after their start, such as
 * those acquired before the data begins) is at risk only at times t with entry < t ≤ duration, the
 * counting-process convention of R's `Surv(entry, duration, churned)`: a customer entering at t is not at
 * risk of the churns at t (lifelines' `entry` counts it there; the two agree when no entry ties a churn). One
 * whose entry equals its duration (after 0) is at risk at no time and is left out, as R leaves out such an
 * interval. Without late entry every customer is at risk from time 0, time 0 included, which is what
 * `entry: 0` means too.
 *
 * Median: the first time Ŝ ≤ 0.5. If Ŝ is exactly 0.5 (within √ε, as R checks it) from a time t until the
 * next churn at t′, the median is (t + t′)/2 by default (R survival, SAS) or t with `medianRule: 'first'`
 * (lifelines). If the curve never falls to 0.5 the result says so (`{ reached: false }`): the median is later
 * than the data can tell, and no number is made up.
 *
 * Segments: with `segmentBy` (observations only; an attribute name, read from each observation's
 * `attributes`, or a function `(observation, index) => string`) the result is `{ total, segments: [{ segment,
 * size, result, smallSample }] }`: `total` is exactly the call without `segmentBy`, each `result` the curve
 * of the segment's observations alone (`null` if every one of them is left out), `size` its observations
 * counted in that curve, and `smallSample` flags a size below `minimumSegmentSize` (default 30). Segments are
 * listed by name, `'(none)'` (observations without the attribute, under `missingSegment: 'group'`) last. Each
 * observation is read once, its segment in the same pass that checks it. With `compare` the result adds
 * `comparison`: the log-rank test of the segments' curves, exactly what {@link compareSurvivalCurves} gives
 * with the segments as groups (those with observations, by name), or `null` when fewer than two segments
 * have any; `compare: { weights }` chooses its weights.
 *
 * Performance: the observations are checked in one pass into one typed array (churn times from the front,
 * censoring times from the back), each part is sorted numerically, and one merging pass builds the curve; a
 * million observations take about as long as a hand-written loop with the same sort. Pre-aggregated counts
 * (`table`) can come from several shards or a SQL `GROUP BY`: rows of the same time are summed.
 *
 * Double precision: Ŝ is a product of correctly rounded ratios (relative error below k × 1.2e-16 after k
 * steps), the standard errors and bands are accurate to about 1e-14.
 *
 * Source: E. L. Kaplan and P. Meier, "Nonparametric estimation from incomplete observations", JASA 53
 * (1958); M. Greenwood, "The natural duration of cancer" (1926); J. D. Kalbfleisch and R. L. Prentice, The
 * Statistical Analysis of Failure Time Data (1980), for the log-log band; R's survival package
 * (`survfit`, `print.survfit`) for the median rule.
 *
 * Unit: times in the unit of the durations (days, months, …); survival and band as fractions.
 *
 * @param input - `{ observations: [{ duration, churned, entry?, attributes? }] }`, `{ durations, churned }` (columns, typed arrays
 * accepted) or `{ table: [{ time, events, censored }] }`.
 * @param options - `{ confidence = 0.95, interval = 'log-log', medianRule = 'midpoint' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a duration or time is negative or not a finite number, a
 * `churned` flag is not a boolean (or 1 or 0 in the column form), a count is not a non-negative safe integer
 * (each names its index, `['observations', 41, 'duration']`), an `entry` is after its `duration`, the
 * columns differ in length, a key is unknown,
 * or an option is invalid.
 * With `segmentBy`: `INVALID_INPUT` when the input is not observations, an observation lacks the attribute
 * (`['observations', 4, 'attributes', 'plan']`, unless `missingSegment: 'group'`), or the function throws or
 * returns anything but a non-empty string (`['observations', 4]`); `missingSegment`, `minimumSegmentSize` or
 * `compare` without `segmentBy`.
 * @throws {@link MetricError} `NO_DATA` when there are no observations (with `segmentBy`: none in all).
 * @example
 * ```ts
 * const curve = survivalCurve({
 *   observations: [
 *     { duration: 1, churned: true },
 *     { duration: 2, churned: false },
 *     { duration: 3, churned: true },
 *     { duration: 3, churned: true },
 *     { duration: 5, churned: false },
 *   ],
 * });
 * curve.points.map((point) => point.survival); // ≈ [0.8, 0.8, 0.2667, 0.2667]
 * curve.points[2]; // ≈ { time: 3, atRisk: 3, events: 2, censored: 0, survival: 0.2667, standardError: 0.2257, low: 0.0097, high: 0.6861 }
 * curve.median; // => { reached: true, time: 3 }
 *
 * const byPlan = survivalCurve(
 *   {
 *     observations: [
 *       { duration: 2, churned: true, attributes: { plan: 'basic' } },
 *       { duration: 6, churned: false, attributes: { plan: 'pro' } },
 *       { duration: 4, churned: true, attributes: { plan: 'basic' } },
 *       { duration: 8, churned: true, attributes: { plan: 'pro' } },
 *     ],
 *   },
 *   { segmentBy: 'plan', compare: true },
 * );
 * byPlan.segments.map((entry) => [entry.segment, entry.size, entry.result?.median]); // => [['basic', 2, { reached: true, time: 3 }], ['pro', 2, { reached: true, time: 8 }]]
 * byPlan.comparison?.groups; // ≈ [{ name: 'basic', observed: 2, expected: 0.8333 }, { name: 'pro', observed: 1, expected: 2.1667 }]
 * byPlan.comparison?.pValue; // ≈ 0.0896
 * ```
 * @category Models
 */
export function survivalCurve(
  input: { readonly observations: ArrayLike<SurvivalObservation> },
  options: SurvivalCurveSegmentOptions & { readonly compare: true | CompareSurvivalCurvesOptions },
): ComparedSurvivalCurves;
export function survivalCurve(
  input: { readonly observations: ArrayLike<SurvivalObservation> },
  options: SurvivalCurveSegmentOptions,
): SurvivalCurveSegments;
export function survivalCurve(input: SurvivalCurveInput, options?: SurvivalCurveOptions): SurvivalCurveResult;
export function survivalCurve(
  input: SurvivalCurveInput,
  options?: SurvivalCurveOptions | SurvivalCurveSegmentOptions,
): SurvivalCurveResult | SurvivalCurveSegments {
  const parsed = parseForm(METRIC, survivalForms, input);
  const chosen = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, chosen);
  const builder = () =>
    new CurveBuilder(chosen.confidence ?? 0.95, chosen.interval ?? 'log-log', chosen.medianRule ?? 'midpoint');
  const { segmentBy, compare } = chosen;
  if (segmentBy === undefined) {
    if (compare !== undefined) invalid(METRIC, ['compare'], 'applies only with segmentBy', 'options');
    const curve = builder();
    if (parsed.form === 'observations') fromObservations(METRIC, parsed.value.observations, curve);
    else if (parsed.form === 'durations') fromColumns(METRIC, parsed.value.durations, parsed.value.churned, curve);
    else fromTable(METRIC, parsed.value.table, curve);
    if (curve.observations === 0) noData(METRIC, [parsed.form], 'has no observations');
    return curve.result();
  }
  if (parsed.form !== 'observations') {
    return invalid(METRIC, ['segmentBy'], 'applies only to observations, whose attributes name segments', 'options');
  }
  const records = parsed.value.observations;
  const collector = segmentCollector(METRIC, 'observations', records.length, chosen);
  const read = readSegmentedObservations(METRIC, records, ['observations'], collector as NonNullable<typeof collector>);
  const curveOf = (sample: Sample): SurvivalCurveResult => {
    const curve = builder();
    walk(sample, curve);
    if (curve.observations === 0) noData(METRIC, ['observations'], 'has no observations');
    return curve.result();
  };
  const total = curveOf(read.total);
  const segments = segmentEntries(
    read.ids,
    chosen.minimumSegmentSize ?? MINIMUM_SEGMENT_SIZE,
    (s) => sampleSize(read.segments[s] as Sample),
    (s) => curveOf(read.segments[s] as Sample),
  );
  if (compare === undefined || compare === false) return { total, segments };
  const compared = read.ids.order().filter((s) => sampleSize(read.segments[s] as Sample) > 0);
  const comparison =
    compared.length < 2
      ? null
      : compareSamples(
          compared.map((s) => read.ids.names[s] as string),
          compared.map((s) => read.segments[s] as Sample),
          (compare === true ? undefined : compare.weights) ?? 'logrank',
        );
  return { total, segments, comparison };
}
