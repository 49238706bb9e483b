import * as z from 'zod/mini';
import { type NoOptions, noOptions, parseForm } from '../internal/parse.js';
import { finiteResult } from '../internal/exact/result.js';
import { type CurvePoint, pointsField, survivalAtTime } from './_lib/survivalPoints.js';

const METRIC = 'churnRateFromSurvival';

/**
 * Input of {@link churnRateFromSurvival}: the share still active after a number of periods, or a survival
 * curve to read it from.
 */
export type ChurnRateFromSurvivalInput =
  | {
      /** The share of customers still active after `periods` periods: a fraction in [0, 1]. */
      readonly survival: number;
      /** How many periods that share is over: a finite number above 0 (12 for a year in months). */
      readonly periods: number;
    }
  | {
      /** The points of a survival curve whose times are in periods, such as `survivalCurve(…).points`. */
      readonly points: ArrayLike<CurvePoint>;
      /** The time to read the curve at, in periods: a finite number above 0. */
      readonly periods: number;
    };

const periods = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'survival', schema: z.strictObject({ survival: z.number().check(z.gte(0), z.lte(1)), periods }) },
    { key: 'points', schema: z.strictObject({ points: pointsField, periods }) },
  ] as const)();

/**
 * The constant churn rate per period implied by the share of customers still active after a number of
 * periods: c = 1 − S(t)^(1/t).
 *
 * @remarks
 * If every customer churned with the same probability c in each period, the share still active after t
 * periods would be S(t) = (1 − c)^t; the rate that reproduces an observed S(t) is c = 1 − S(t)^(1/t), the
 * geometric mean of the per-period retention, as an annual churn rate becomes a monthly one: 1 − (1 − 0.3)^(1/12).
 * It is the geometric (constant-churn) model that underlies ARPA ÷ churn lifetime values (the shifted-beta-
 * geometric model of Fader & Hardie 2007 without heterogeneity), read off a Kaplan–Meier estimate of S(t),
 * which, unlike lost ÷ customers at start, accounts for customers who are still active (censored). Where
 * churn falls with tenure, the rate depends on t: it is the average over the first t periods, not a
 * forecast. Computed as −expm1(ln S / t), accurate where S is close to 1.
 *
 * With `points`, S(t) is read from the curve as {@link survivalAt} reads it (a step function, 1 before the
 * first point); the curve's times must be in periods (durations in months give a monthly rate).
 *
 * Source: P. S. Fader and B. G. S. Hardie, "How to Project Customer Retention", Journal of Interactive
 * Marketing 21(1), 2007 (the geometric model and its constant churn); E. L. Kaplan and P. Meier (1958) for S(t).
 *
 * Unit: a fraction per period (0.05 is 5 % a period). 0 when S(t) = 1, 1 when S(t) = 0.
 *
 * @param input - `{ survival, periods }` or `{ points, periods }`.
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `survival` is not a fraction in [0, 1], `periods` is not a
 * finite number above 0, a point is invalid, times do not increase, survival rises along the points (the
 * issue names the point), a key is unknown, or `options` has any key (an input field there is named as
 * belonging in the input).
 * @throws {@link MetricError} `NO_DATA` when `points` is empty.
 * @example
 * ```ts
 * churnRateFromSurvival({ survival: 0.7, periods: 12 }); // ≈ 0.029286
 * churnRateFromSurvival({ survival: 0.25, periods: 2 }); // => 0.5
 * const points = [
 *   { time: 3, survival: 0.9 },
 *   { time: 10, survival: 0.7 },
 *   { time: 14, survival: 0.6 },
 * ];
 * churnRateFromSurvival({ points, periods: 12 }); // ≈ 0.029286
 * ```
 * @category Models
 */
export function churnRateFromSurvival(input: ChurnRateFromSurvivalInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['survival', 'points', 'periods']);
  const parsed = parseForm(METRIC, forms, input);
  const t = parsed.value.periods;
  const survival =
    parsed.form === 'survival' ? parsed.value.survival : survivalAtTime(METRIC, parsed.value.points, t, ['points']);
  return finiteResult(METRIC, -Math.expm1(Math.log(survival) / t), METRIC);
}
