// Score distributions: the one pass over raw survey scores (validated and counted together) and the reading
// of pre-aggregated distributions. Counts are kept in a Float64Array indexed from the scale's minimum; they
// are integers, exact up to 2^53.
import { MetricError } from '../../errors.js';
import { invalid, isArrayInput, issue, rejectElement } from '../../internal/parse.js';
import { count, isCount, scoreOn, type Scale } from '../../internal/schemas.js';

type Path = readonly (string | number)[];

/**
 * A score distribution: score → number of responses. Either an object keyed by score
 * (`{ 0: 3, 9: 40, 10: 12 }`; absent scores count 0) or an array (or typed array) with one count per
 * point of the scale, the first for the scale's minimum (an 11-long array for NPS's 0–10).
 */
export type Distribution = Readonly<Record<number, number>> | ArrayLike<number>;

/**
 * Whether a value is a score on the scale: a number that is an integer from `min` to `max`. The fast
 * predicate of `scoreOn(range)`, which names the problem once this says no.
 */
export function isScoreOn(value: unknown, range: Scale): value is number {
  // The typeof test comes first: arithmetic on an object would call its valueOf. A scale's points are any
  // safe integers (a scale of 2^40 to 2^40 + 10 is one), so the test is on the value, not on 32 bits.
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/**
 * Reports the first of four elements (at `index` to `index + 3`) that is not a score on the scale, from the
 * values already read: an element is never read twice, so a getter cannot answer one value to the check
 * and another to the report.
 */
function rejectFirstOf(
  metric: string,
  range: Scale,
  path: Path,
  index: number,
  values: readonly [unknown, unknown, unknown, unknown],
): never {
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (!isScoreOn(value, range)) rejectElement(metric, scoreOn(range), value, [...path, index + k]);
  }
  // Not reached: a value that fails the fast check is not a score. Should it be, say so as a MetricError.
  return invalid(metric, [...path, index], 'has a value that is not a score on the scale');
}

/**
 * Counts the scores of a bulk array, checking each one; a bad element is reported at `[...path, index]`,
 * the first one in array order. One loop per shape of input, so each stays compiled for the one kind of
 * elements it reads: bytes, a plain array, or any other typed array or array-like.
 */
export function tallyValues(metric: string, values: ArrayLike<unknown>, range: Scale, path: Path): Float64Array {
  if ((values instanceof Uint8Array || values instanceof Uint8ClampedArray) && range.min >= 0 && range.max <= 255) {
    return tallyBytes(metric, values, range, path);
  }
  // The four-at-a-time loop tests integers with `| 0`, which holds for 32-bit points only; a scale of larger
  // points (2^40 to 2^40 + 10) is read one element at a time.
  if (Array.isArray(values) && fitsInt32(range)) return tallyArray(metric, values, range, path);
  return tallyArrayLike(metric, values, range, path);
}

/** Whether every point of the scale is a 32-bit integer. */
function fitsInt32(range: Scale): boolean {
  return (range.min | 0) === range.min && (range.max | 0) === range.max;
}

/**
 * Counts in four interleaved tables (element i in table i mod 4), so that runs of equal scores do not wait on
 * each other's increment; summed at the end. Each table counts at most a quarter of the elements of one
 * chunk, so an Int32 count never overflows.
 */
const LANES = 4;

/** Elements counted into the Int32 tables before they are added to the exact totals (well below 2^31). */
const CHUNK = 1 << 30;

function addLanes(lanes: Int32Array, stride: number, counts: Float64Array): void {
  for (let lane = 0; lane < LANES; lane++) {
    for (let slot = 0; slot < counts.length; slot++) {
      counts[slot] = (counts[slot] as number) + (lanes[lane * stride + slot] as number);
    }
  }
}

/**
 * A plain array: each element checked (a number, an integer, on the scale) and counted, four per step. The
 * checks of a step are combined without branches; a step with a bad element reports the first bad one of
 * the four values it read. Each element is read once.
 */
function tallyArray(metric: string, values: readonly unknown[], range: Scale, path: Path): Float64Array {
  const { min } = range;
  const span = range.max - min;
  const stride = span + 1;
  const lanes = new Int32Array(LANES * stride);
  const length = values.length;
  const fast = length - (length % LANES);
  let i = 0;
  for (; i < fast; i += LANES) {
    const a = values[i];
    const b = values[i + 1];
    const c = values[i + 2];
    const d = values[i + 3];
    if (typeof a !== 'number' || typeof b !== 'number' || typeof c !== 'number' || typeof d !== 'number') {
      rejectFirstOf(metric, range, path, i, [a, b, c, d]);
    }
    // Slots from the scale's minimum; `>>> 0` makes a negative slot huge, so one comparison checks both ends.
    const sa = (a | 0) - min;
    const sb = (b | 0) - min;
    const sc = (c | 0) - min;
    const sd = (d | 0) - min;
    const integers = +((a | 0) === a) & +((b | 0) === b) & +((c | 0) === c) & +((d | 0) === d);
    const onScale = +(sa >>> 0 <= span) & +(sb >>> 0 <= span) & +(sc >>> 0 <= span) & +(sd >>> 0 <= span);
    if ((integers & onScale) === 0) rejectFirstOf(metric, range, path, i, [a, b, c, d]);
    lanes[sa] = (lanes[sa] as number) + 1;
    lanes[stride + sb] = (lanes[stride + sb] as number) + 1;
    lanes[2 * stride + sc] = (lanes[2 * stride + sc] as number) + 1;
    lanes[3 * stride + sd] = (lanes[3 * stride + sd] as number) + 1;
  }
  for (; i < length; i++) {
    const value = values[i];
    if (!isScoreOn(value, range)) rejectElement(metric, scoreOn(range), value, [...path, i]);
    lanes[value - min] = (lanes[value - min] as number) + 1;
  }
  const counts = new Float64Array(stride);
  addLanes(lanes, stride, counts);
  return counts;
}

/** Any other array-like (typed arrays but bytes): the same checks, one element at a time. */
function tallyArrayLike(metric: string, values: ArrayLike<unknown>, range: Scale, path: Path): Float64Array {
  const counts = new Float64Array(range.max - range.min + 1);
  const length = values.length;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (!isScoreOn(value, range)) rejectElement(metric, scoreOn(range), value, [...path, i]);
    const slot = value - range.min;
    counts[slot] = (counts[slot] as number) + 1;
  }
  return counts;
}

/**
 * A byte array needs no per-element check: count all 256 values (four interleaved tables, in chunks), then
 * look for any outside the scale.
 */
function tallyBytes(metric: string, values: Uint8Array | Uint8ClampedArray, range: Scale, path: Path): Float64Array {
  const lanes = new Int32Array(LANES * 256);
  const bins = new Float64Array(256);
  const length = values.length;
  for (let from = 0; from < length; from += CHUNK) {
    const to = Math.min(length, from + CHUNK);
    const fast = to - ((to - from) % LANES);
    let i = from;
    for (; i < fast; i += LANES) {
      const a = values[i] as number;
      const b = (values[i + 1] as number) + 256;
      const c = (values[i + 2] as number) + 512;
      const d = (values[i + 3] as number) + 768;
      lanes[a] = (lanes[a] as number) + 1;
      lanes[b] = (lanes[b] as number) + 1;
      lanes[c] = (lanes[c] as number) + 1;
      lanes[d] = (lanes[d] as number) + 1;
    }
    for (; i < to; i++) {
      const a = values[i] as number;
      lanes[a] = (lanes[a] as number) + 1;
    }
    addLanes(lanes, 256, bins);
    lanes.fill(0);
  }
  for (let score = 0; score < 256; score++) {
    if ((bins[score] as number) > 0 && (score < range.min || score > range.max)) {
      // Found by index in our own loop: a subclass could override findIndex. Bytes cannot change between
      // reads (no getter reaches an element of a typed array).
      let index = 0;
      for (; index < length; index++) {
        const value = values[index] as number;
        if (value < range.min || value > range.max) break;
      }
      rejectElement(metric, scoreOn(range), values[index], [...path, index]);
    }
  }
  return bins.slice(range.min, range.max + 1);
}

/** Reads a pre-aggregated distribution into counts indexed from the scale's minimum. */
export function readDistribution(metric: string, distribution: unknown, range: Scale, path: Path): Float64Array {
  const size = range.max - range.min + 1;
  const counts = new Float64Array(size);
  if (isArrayInput(distribution)) {
    const length = distribution.length;
    if (length !== size) {
      invalid(
        metric,
        path,
        `must have ${size} counts, one per point of the ${range.min}–${range.max} scale (the first for ${range.min}), not ${length}`,
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
