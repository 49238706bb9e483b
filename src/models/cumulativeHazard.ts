import * as z from 'zod/mini';
import { criticalValue } from '../internal/normal.js';
import { bulkArray, noData, parse, parseOptions } from '../internal/parse.js';
import { confidence } from '../internal/schemas.js';
import { RiskSetSteps, readObservations, walk } from './_lib/observations.js';
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

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ observations: bulkArray<unknown>('an array of { duration, churned, entry? }') }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ confidence: z.optional(confidence) }))();

/** Sums d/Y and d/Y² one distinct time at a time. */
class NelsonAalen extends RiskSetSteps {
  readonly points: CumulativeHazardPoint[] = [];
  private hazard = 0;
  private variance = 0;

  constructor(private readonly z: number) {
    super();
  }

  step(time: number, events: number, censored: number): void {
    const atRisk = this.atRisk;
    if (events > 0) {
      this.hazard += events / atRisk;
      this.variance += events / (atRisk * atRisk);
    }
    const hazard = this.hazard;
    const standardError = Math.sqrt(this.variance);
    let low = hazard;
    let high = hazard;
    if (hazard > 0) {
      const widen = Math.exp((this.z * standardError) / hazard);
      low = hazard / widen;
      high = hazard * widen;
    }
    this.points.push({ time, atRisk, events, cumulativeHazard: hazard, standardError, low, high });
    this.atRisk = atRisk - events - censored;
  }
}

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
 * Source: W. Nelson, "Hazard plotting for incomplete failure data", J. Quality Technology 1 (1969); O. Aalen,
 * "Nonparametric inference for a family of counting processes", Annals of Statistics 6 (1978); R's survival
 * package (`survfit`, `std.chaz`); lifelines (`NelsonAalenFitter`, `nelson_aalen_smoothing = False`) for the
 * band.
 *
 * Unit: the cumulative hazard is expected churns per customer (no unit); times in the unit of the durations.
 *
 * @param input - `{ observations: [{ duration, churned, entry? }] }`.
 * @param options - `{ confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when an observation is invalid (the issue names it,
 * `['observations', 3, 'duration']`), an `entry` is after its `duration`, a key is unknown, or `confidence`
 * is not strictly between 0 and 1.
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
 * @category Models
 */
export function cumulativeHazard(
  input: CumulativeHazardInput,
  options?: CumulativeHazardOptions,
): CumulativeHazardResult {
  const { observations } = parse(METRIC, inputSchema, input);
  const chosen = parseOptions(METRIC, optionsSchema, options);
  const estimate = new NelsonAalen(criticalValue(chosen.confidence ?? 0.95));
  walk(readObservations(METRIC, observations, ['observations']), estimate);
  if (estimate.points.length === 0) noData(METRIC, ['observations'], 'has no observations');
  return { points: estimate.points };
}
