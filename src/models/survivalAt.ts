import * as z from 'zod/mini';
import { parse, parseOptions } from '../internal/parse.js';
import { type CurvePoint, pointsField, survivalAtTime } from './_lib/survivalPoints.js';

const METRIC = 'survivalAt';

export type { CurvePoint } from './_lib/survivalPoints.js';

/** Input of {@link survivalAt}: the points of a survival curve, such as `survivalCurve(…).points`. */
export interface SurvivalAtInput {
  /** The steps of the curve by increasing time; each `{ time, survival }` (a curve point's other fields allowed). */
  readonly points: ArrayLike<CurvePoint>;
}

/** Options of {@link survivalAt}. */
export interface SurvivalAtOptions {
  /** The time to read the curve at, in the unit of its times: a finite number ≥ 0 (required). */
  readonly time: number;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ points: pointsField }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ time: z.number().check(z.gte(0)) }))();

/**
 * The share of customers still active after a time, read from a survival curve: Ŝ(t).
 *
 * @remarks
 * A Kaplan–Meier curve is a step function, right-continuous: Ŝ(t) is the survival of the last point whose
 * time is at or before t, and 1 before the first point (no churn yet). After the last point the curve is
 * taken as flat at its last value (R survival's `summary(fit, times, extend = TRUE)`, lifelines'
 * `survival_function_at_times`); beyond the longest observation that is a floor the data cannot confirm.
 *
 * Source: E. L. Kaplan and P. Meier, "Nonparametric estimation from incomplete observations", JASA 53 (1958).
 *
 * Unit: a fraction (0.8 is 80 % still active).
 *
 * @param input - `{ points: [{ time, survival }] }`, the points of {@link survivalCurve} as they are.
 * @param options - `{ time }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a point's time is negative or not a finite number, its
 * survival is not in [0, 1], another field of a curve point is invalid or unknown (the issue names the point,
 * `['points', 3, 'survival']`), times do not increase, survival rises, `time` is missing or invalid, or a key
 * is unknown.
 * @throws {@link MetricError} `NO_DATA` when there are no points.
 * @example
 * ```ts
 * const points = [
 *   { time: 1, survival: 0.8 },
 *   { time: 3, survival: 0.5 },
 * ];
 * survivalAt({ points }, { time: 0.5 }); // => 1
 * survivalAt({ points }, { time: 2 }); // => 0.8
 * survivalAt({ points }, { time: 3 }); // => 0.5
 * ```
 * @category Models
 */
export function survivalAt(input: SurvivalAtInput, options: SurvivalAtOptions): number {
  const { points } = parse(METRIC, inputSchema, input);
  const { time } = parseOptions(METRIC, optionsSchema, options);
  return survivalAtTime(METRIC, points, time, ['points']);
}
