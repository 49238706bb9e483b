// Score distributions: the one pass over raw survey scores (validated and counted together) and the reading
// of pre-aggregated distributions. Counts are kept in a Float64Array indexed from the scale's minimum; they
// are integers, exact up to 2^53.
import { MetricError } from '../errors.js';
import { invalid, isArrayInput, issue, rejectElement } from './parse.js';
import { count, isCount, scoreOn, type Scale } from './schemas.js';

type Path = readonly (string | number)[];

/**
 * A score distribution: score → number of responses. Either an object keyed by score
 * (`{ 0: 3, 9: 40, 10: 12 }`; absent scores count 0) or an array (or typed array) with one count per
 * point of the scale, the first for the scale's minimum (an 11-long array for NPS's 0–10).
 */
export type Distribution = Readonly<Record<number, number>> | ArrayLike<number>;

/** Counts the scores of a bulk array, checking each one; a bad element is reported at `[...path, index]`. */
export function tallyValues(metric: string, values: ArrayLike<unknown>, range: Scale, path: Path): Float64Array {
  const { min, max } = range;
  const counts = new Float64Array(max - min + 1);
  if ((values instanceof Uint8Array || values instanceof Uint8ClampedArray) && min >= 0 && max <= 255) {
    return tallyBytes(metric, values, range, path, counts);
  }
  const length = values.length;
  for (let i = 0; i < length; i++) {
    const value = values[i] as number;
    // The typeof test comes first: `| 0` on an object would call its valueOf. (value | 0) === value then
    // holds only for 32-bit integers, so NaN, ±Infinity and fractions fail.
    if (typeof value !== 'number' || (value | 0) !== value || value < min || value > max) {
      rejectElement(metric, scoreOn(range), value, [...path, i]);
    }
    const slot = value - min;
    counts[slot] = (counts[slot] as number) + 1;
  }
  return counts;
}

/** A byte array needs no per-element check: count all 256 values, then look for any outside the scale. */
function tallyBytes(
  metric: string,
  values: Uint8Array | Uint8ClampedArray,
  range: Scale,
  path: Path,
  counts: Float64Array,
): Float64Array {
  const bins = new Float64Array(256);
  const length = values.length;
  for (let i = 0; i < length; i++) {
    const value = values[i] as number;
    bins[value] = (bins[value] as number) + 1;
  }
  for (let score = 0; score < 256; score++) {
    const n = bins[score] as number;
    if (score >= range.min && score <= range.max) counts[score - range.min] = n;
    else if (n > 0) {
      const index = values.indexOf(score);
      rejectElement(metric, scoreOn(range), score, [...path, index]);
    }
  }
  return counts;
}

/** Reads a pre-aggregated distribution into counts indexed from the scale's minimum. */
export function readDistribution(metric: string, distribution: unknown, range: Scale, path: Path): Float64Array {
  const size = range.max - range.min + 1;
  const counts = new Float64Array(size);
  if (isArrayInput(distribution)) {
    if (distribution.length !== size) {
      invalid(
        metric,
        path,
        `must have ${size} counts, one per point of the ${range.min}–${range.max} scale (the first for ${range.min}), not ${distribution.length}`,
      );
    }
    for (let i = 0; i < size; i++) {
      const n = distribution[i];
      if (!isCount(n)) rejectElement(metric, count, n, [...path, i]);
      counts[i] = n;
    }
  } else if (typeof distribution === 'object' && distribution !== null) {
    for (const key of Object.keys(distribution)) {
      const score = Number(key);
      if (!Number.isInteger(score) || String(score) !== key || score < range.min || score > range.max) {
        invalid(metric, [...path, key], `is not a score on the ${range.min}–${range.max} scale`);
      }
      const n = (distribution as Record<string, unknown>)[key];
      if (!isCount(n)) rejectElement(metric, count, n, [...path, key]);
      counts[score - range.min] = n;
    }
  } else {
    invalid(metric, path, 'must be an object of counts keyed by score, or an array of counts');
  }
  totalOf(metric, counts, path);
  return counts;
}

/** Total of the counts; beyond 2^53 the counts could no longer be exact. */
export function totalOf(metric: string, counts: Float64Array, path: Path = []): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] as number;
  if (!Number.isSafeInteger(total)) {
    throw new MetricError(metric, 'INVALID_INPUT', [issue(path, 'totals more than 2^53 − 1 responses', 'too_big')]);
  }
  return total;
}

/** Sum of the counts from `from` to `to` (scores, both included). */
export function countBetween(counts: Float64Array, range: Scale, from: number, to: number): number {
  let total = 0;
  const first = Math.max(from, range.min) - range.min;
  const last = Math.min(to, range.max) - range.min;
  for (let i = first; i <= last; i++) total += counts[i] as number;
  return total;
}
