import * as z from 'zod/mini';
import { criticalValue } from '../internal/normal.js';
import { bulkArray, noData, parse, parseOptions } from '../internal/parse.js';
import { confidence } from '../internal/schemas.js';
import { nelsonAalenColumns, nelsonAalenPoints } from './_lib/nelsonAalen.js';
import { readObservations, sampleSize } from './_lib/observations.js';
import type { SurvivalObservation } from './survivalCurve.js';

const METRIC = 'cumulativeHazard';

/** Input of {@link cumulativeHazard}. */
export interface CumulativeHazardInput {
  /** One observation per customer, `{ duration, churned, entry? }`, in any order. */
  readonly observations: ArrayLike<SurvivalObservation>;
}

/** Options of {@link cumulativeHazard}. */
export interface CumulativeHazardOptions {
  /** Confidence level of the band, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /**
   * `true`: the points as columns, one `Float64Array` per field (`points.time[i]`, `points.atRisk[i]`, …),
   * the same numbers as the records of the default `false`, without an object per point.
   */
  readonly columns?: boolean;
}

/** One step of the Nelson–Aalen estimate: a time at which some customer churned or was censored. */
export interface CumulativeHazardPoint {
  /** The time. */
  readonly time: number;
  /** Customers at risk just before `time` (entry < time ≤ duration). */
  readonly atRisk: number;
  /** Customers who churned at `time`. */
  readonly events: number;
  /** Ĥ(time) = Σ d/Y over the churn times up to `time`. */
  readonly cumulativeHazard: number;
  /** √(Σ d/Y²) over the churn times up to `time`. */
  readonly standardError: number;
  /** Lower end of the log-transformed band. */
  readonly low: number;
  /** Upper end of the log-transformed band. */
  readonly high: number;
}

/** Result of {@link cumulativeHazard}. */
export interface CumulativeHazardResult {
  /** The steps, by increasing time. */
  readonly points: CumulativeHazardPoint[];
}

/**
 * The steps of {@link cumulativeHazard} as columns (option `columns: true`): entry i of each array is the
 * field of the i-th point of the record result, by increasing time.
 */
export interface CumulativeHazardColumns {
  /** The times, increasing. */
  readonly time: Float64Array;
  /** Customers at risk just before each time. */
  readonly atRisk: Float64Array;
  /** Customers who churned at each time. */
  readonly events: Float64Array;
  /** Ĥ at each time. */
  readonly cumulativeHazard: Float64Array;
  /** The standard error of Ĥ at each time. */
  readonly standardError: Float64Array;
  /** Lower end of the band at each time. */
  readonly low: Float64Array;
  /** Upper end of the band at each time. */
  readonly high: Float64Array;
}

/** Result of {@link cumulativeHazard} with `columns: true`. */
export interface CumulativeHazardColumnsResult {
  /** The steps, by increasing time, one array per field of {@link CumulativeHazardPoint}. */
  readonly points: CumulativeHazardColumns;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ observations: bulkArray<unknown>('an array of { duration, churned, entry? }') }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ confidence: z.optional(confidence), columns: z.optional(z.boolean()) }))();

/**
 * Nelson–Aalen estimate of the cumulative hazard of churn, with its standard error and a log-transformed
 * confidence band.
 *
 * @remarks
 * At each time tᵢ with dᵢ churns among the Yᵢ customers at risk: Ĥ(t) = Σ_{tᵢ ≤ t} dᵢ/Yᵢ (Nelson 1969,
 * Aalen 1978), with variance Σ_{tᵢ ≤ t} dᵢ/Yᵢ² (R survival's `std.chaz` of `survfit`). The band is
 * log-transformed, Ĥ·exp(±z·σ/Ĥ), so it stays above 0 (lifelines' `NelsonAalenFitter` documents the same
 * band); where Ĥ = 0 (no churn yet) it is [0, 0]. exp(−Ĥ) is the Fleming–Harrington (Breslow) estimate of
 * survival, a little above Kaplan–Meier's.
 *
 * The points are every distinct time of a churn or a censoring, as in {@link survivalCurve}. Ties count
 * whole (d/Y, not lifelines' default smoothing Σ 1/(Y − j)). Late entry: a customer with `entry` is at
 * risk at times t with entry < t ≤ duration.
 *
 * `columns: true` returns the same points as columns, one `Float64Array` per field (`points.time[i]`,
 * `points.cumulativeHazard[i]`, …), each as long as there are points: the same numbers, bit for bit, without
 * an object per point, which is what most of the time goes to when there are a million distinct times (for
 * a chart, a typed array is what a plotting library takes anyway).
 *
 * Source: W. Nelson, "Hazard plotting for incomplete failure data", J. Quality Technology 1 (1969); O. Aalen,
 * "Nonparametric inference for a family of counting processes", Annals of Statistics 6 (1978); R's survival
 * package (`survfit`, `std.chaz`); lifelines (`NelsonAalenFitter`, `nelson_aalen_smoothing = False`) for the
 * band.
 *
 * Unit: the cumulative hazard is expected churns per customer (no unit); times in the unit of the durations.
 *
 * @param input - `{ observations: [{ duration, churned, entry? }] }`.
 * @param options - `{ confidence = 0.95, columns = false }`.
 * @throws {@link MetricError} `INVALID_INPUT` when an observation is invalid (the issue names it,
 * `['observations', 3, 'duration']`), an `entry` is after its `duration`, a key is unknown, `confidence` is
 * not strictly between 0 and 1, or `columns` is not a boolean.
 * @throws {@link MetricError} `NO_DATA` when there are no observations at risk.
 * @example
 * ```ts
 * const { points } = cumulativeHazard({
 *   observations: [
 *     { duration: 1, churned: true },
 *     { duration: 2, churned: false },
 *     { duration: 3, churned: true },
 *     { duration: 3, churned: true },
 *     { duration: 5, churned: false },
 *   ],
 * });
 * points.map((point) => point.cumulativeHazard); // ≈ [0.2, 0.2, 0.8667, 0.8667]
 * points[2]; // ≈ { time: 3, atRisk: 3, events: 2, cumulativeHazard: 0.8667, standardError: 0.5121, low: 0.2722, high: 2.7592 }
 * ```
 * @example
 * ```ts
 * const { points } = cumulativeHazard(
 *   {
 *     observations: [
 *       { duration: 1, churned: true },
 *       { duration: 2, churned: false },
 *       { duration: 3, churned: true },
 *       { duration: 3, churned: true },
 *     ],
 *   },
 *   { columns: true },
 * );
 * points.time; // => new Float64Array([1, 2, 3])
 * points.atRisk; // => new Float64Array([4, 3, 2])
 * points.cumulativeHazard; // => new Float64Array([0.25, 0.25, 1.25])
 * ```
 * @category Models
 */
export function cumulativeHazard(
  input: CumulativeHazardInput,
  options: CumulativeHazardOptions & { readonly columns: true },
): CumulativeHazardColumnsResult;
/** The Nelson–Aalen estimate as point records: `columns` absent or `false` (the default). */
export function cumulativeHazard(
  input: CumulativeHazardInput,
  options?: CumulativeHazardOptions & { readonly columns?: false },
): CumulativeHazardResult;
/** The Nelson–Aalen estimate as records or as columns, as `options.columns` says when its type does not fix it. */
export function cumulativeHazard(
  input: CumulativeHazardInput,
  options?: CumulativeHazardOptions,
): CumulativeHazardResult | CumulativeHazardColumnsResult;
export function cumulativeHazard(
  input: CumulativeHazardInput,
  options?: CumulativeHazardOptions,
): CumulativeHazardResult | CumulativeHazardColumnsResult {
  const { observations } = parse(METRIC, inputSchema, input);
  const chosen = parseOptions(METRIC, optionsSchema, options);
  const sample = readObservations(METRIC, observations, ['observations']);
  if (sampleSize(sample) === 0) noData(METRIC, ['observations'], 'has no observations');
  const z = criticalValue(chosen.confidence ?? 0.95);
  return chosen.columns === true ? { points: nelsonAalenColumns(sample, z) } : { points: nelsonAalenPoints(sample, z) };
}
