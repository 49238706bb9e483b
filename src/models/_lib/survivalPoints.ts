// Reading a survival curve given as its points (what survivalCurve returns, or points written by hand):
// a step function, 1 before the first point, that takes the survival of the last point at or before a time.
import * as z from 'zod/mini';
import { bulkArray, invalid, noData, rejectElement } from '../../internal/parse.js';
import { count, isCount } from '../../internal/schemas.js';

type Path = readonly (string | number)[];

/** One step of a survival curve: a time and the share still active after it. */
export interface CurvePoint {
  /** The time, a finite number ≥ 0, later than the time of the point before. */
  readonly time: number;
  /** The share still active after `time`, a fraction no higher than the point before's. */
  readonly survival: number;
}

/** A proportion in [0, 1] as a double. */
const proportion = /* @__PURE__ */ (() => z.number().check(z.gte(0), z.lte(1)))();

/** A point: time and survival, and the other fields of a {@link survivalCurve} point, which are not read. */
export const pointSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    time: z.number().check(z.gte(0)),
    survival: proportion,
    atRisk: z.optional(count),
    events: z.optional(count),
    censored: z.optional(count),
    standardError: z.optional(z.number().check(z.gte(0))),
    low: z.optional(proportion),
    high: z.optional(proportion),
  }))();

/** The `points` field: an array, its elements checked by {@link survivalAtTime}. */
export const pointsField = /* @__PURE__ */ (() => bulkArray<CurvePoint>('an array of { time, survival }'))();

/** Whether every enumerable key of a point is one of a survivalCurve point's (what `z.strictObject` allows). */
function hasOnlyPointKeys(point: object): boolean {
  for (const key in point) {
    switch (key) {
      case 'time':
      case 'survival':
      case 'atRisk':
      case 'events':
      case 'censored':
      case 'standardError':
      case 'low':
      case 'high':
        continue;
      default:
        return false;
    }
  }
  return true;
}

function isProportion(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

function isOptionalCount(value: unknown): boolean {
  return value === undefined || isCount(value);
}

function isOptionalProportion(value: unknown): boolean {
  return value === undefined || isProportion(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY;
}

/**
 * The fast twin of {@link pointSchema} for the fields not used (each read once), given the time and survival
 * the caller has already read and checked.
 */
function hasValidExtras(point: Record<string, unknown>): boolean {
  const standardError = point.standardError;
  return (
    isOptionalCount(point.atRisk) &&
    isOptionalCount(point.events) &&
    isOptionalCount(point.censored) &&
    (standardError === undefined || isTime(standardError)) &&
    isOptionalProportion(point.low) &&
    isOptionalProportion(point.high) &&
    hasOnlyPointKeys(point)
  );
}

/**
 * Ŝ(time) of a curve given by its points, checked in one pass: times strictly increasing, survival never
 * rising. Each point, and each of its fields, is read once: the checks and the result use the same values.
 */
export function survivalAtTime(metric: string, points: ArrayLike<unknown>, time: number, path: Path): number {
  const n = points.length;
  if (n === 0) noData(metric, path, 'has no points');
  let survival = 1;
  let previousTime = Number.NEGATIVE_INFINITY;
  let previousSurvival = 1;
  for (let i = 0; i < n; i++) {
    const point = points[i];
    if (typeof point !== 'object' || point === null) return rejectElement(metric, pointSchema, point, [...path, i]);
    const record = point as Record<string, unknown>;
    const pointTime = record.time;
    const pointSurvival = record.survival;
    if (!isTime(pointTime) || !isProportion(pointSurvival) || !hasValidExtras(record)) {
      return rejectElement(metric, pointSchema, point, [...path, i]);
    }
    if (!(pointTime > previousTime)) {
      invalid(metric, [...path, i, 'time'], `must be later than the time of the point before (${previousTime})`);
    }
    if (pointSurvival > previousSurvival) {
      invalid(
        metric,
        [...path, i, 'survival'],
        `must not be above the survival of the point before (${previousSurvival})`,
      );
    }
    previousTime = pointTime;
    previousSurvival = pointSurvival;
    if (pointTime <= time) survival = pointSurvival;
  }
  // A survival of −0 is a valid proportion; it comes back as 0.
  return survival + 0;
}
