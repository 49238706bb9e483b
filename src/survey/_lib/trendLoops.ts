// The fast counting loops of a survey trend over bulk columns: bytes of scores and segment codes, with day
// numbers (a Uint16Array or Int32Array) or epoch milliseconds (a Float64Array). They run before the dates
// are checked and before their range is known, on a guess: a table of the days around those of a sample,
// each day's entry the offset of its period's counts (a Uint16Array's table covers all its days, −1 outside
// the guess). A day, score or code the loop cannot place ends it (false), and the caller counts again the
// checked way, which reports the first bad value as it always did; a clean run was exactly that count, so the
// result is the same either way. One loop per kind of date column, each compiled for the one it reads (the
// earlier loops found one shared body slower on epoch milliseconds).
import { dayTable, periodOfDay, type TrendPeriod } from './trendPeriods.js';
import { DAY_MS } from '../../internal/dates.js';

/**
 * Responses counted into 32-bit counters between flushes: fewer than 2^31 additions never overflow one (and
 * 32-bit counters take half the cache of 64-bit ones).
 */
const CHUNK = 2 ** 30;

/** Adds the 32-bit counts into the exact totals and clears them. */
function flush(small: Int32Array, counts: Float64Array): void {
  for (let k = 0; k < small.length; k++) counts[k] = (counts[k] as number) + (small[k] as number);
  small.fill(0);
}

/**
 * Days a date can reach either side of 1970 (a Date's range); every instant of days −MAX_DAY to MAX_DAY − 1
 * is a valid time, and day MAX_DAY only at its first instant.
 */
const MAX_DAY = 100_000_000;

/** Days of a sample's range added either side of it: a year. */
const MARGIN_DAYS = 366;

/** Elements read to guess the range of the dates. */
const SAMPLE = 4096;

/** Days beyond which no guess is made (the checked way builds its own table or none). */
const MAX_GUESS_DAYS = 1 << 16;

/** A guessed day table and the counts it places responses in. */
export interface Guess {
  /** The day of `table[0]`. */
  readonly firstDay: number;
  /** For each day, the offset of its period's counts, `(p × slots + shift) × stride`. */
  readonly table: Int32Array;
  /** The number of the first period of the counts. */
  readonly first: number;
  /** Periods in the counts. */
  readonly length: number;
  readonly counts: Float64Array;
}

/**
 * The days of a sample of the dates (the first, the last and evenly spaced ones), widened by a margin; null
 * when the sample holds no valid day or the guess would be too wide.
 */
export function guessDays(
  dates: Uint16Array | Int32Array | Float64Array,
  unit: 'ms' | 'day',
): { low: number; high: number } | null {
  const length = dates.length;
  if (length === 0) return null;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const step = Math.max(1, Math.floor(length / SAMPLE));
  for (let i = 0; i < length; i += step) {
    const at = i + step >= length ? length - 1 : i;
    const value = dates[at] as number;
    const day = unit === 'ms' ? Math.floor(value / DAY_MS) : value;
    if (day < low) low = day;
    if (day > high) high = day;
  }
  if (!(low <= high) || high - low > MAX_GUESS_DAYS) return null;
  // Only valid days in the table: a day outside it ends the loop, and the checked way reports it.
  const floor = dates instanceof Uint16Array ? 0 : -MAX_DAY;
  const ceiling = dates instanceof Uint16Array ? 65_535 : unit === 'ms' ? MAX_DAY - 1 : MAX_DAY;
  return { low: Math.max(floor, low - MARGIN_DAYS), high: Math.min(ceiling, high + MARGIN_DAYS) };
}

/**
 * The table and counts of a guess of days from `low` to `high`, for `slots` slots (shifted by `shift`). With
 * `everyDay` the table covers days 0 to 65 535 (those of a Uint16Array), −1 outside the guess, so that a day
 * is looked up as it is, without a subtraction or a bounds check.
 */
export function guessTable(
  low: number,
  high: number,
  period: TrendPeriod,
  slots: number,
  shift: number,
  stride: number,
  everyDay = false,
): Guess {
  const first = periodOfDay(low, period);
  const length = periodOfDay(high, period) - first + 1;
  const guessed = dayTable(low, high, period, first) as Int32Array;
  for (let d = 0; d < guessed.length; d++) guessed[d] = ((guessed[d] as number) * slots + shift) * stride;
  const counts = new Float64Array(length * slots * stride);
  if (!everyDay) return { firstDay: low, table: guessed, first, length, counts };
  const table = new Int32Array(65_536).fill(-1);
  table.set(guessed, low);
  return { firstDay: 0, table, first, length, counts };
}

/** What the loops check and where they count. */
export interface Loop {
  /** The scale's minimum, and the number of points above it. */
  readonly min: number;
  readonly points: number;
  /** Codes accepted: from 0 to `codes` − 1. */
  readonly codes: number;
  readonly stride: number;
}

/**
 * Bytes of scores and codes with day numbers (integers: an Int32Array, or days already checked): four responses a step, each a table lookup and
 * an increment. False at the first day, score or code it cannot place.
 */
export function countByDay(
  scores: Uint8Array,
  codes: Uint8Array | null,
  days: ArrayLike<number>,
  loop: Loop,
  guess: Guess,
): boolean {
  const { table, firstDay, counts } = guess;
  const { min, points, stride } = loop;
  const codeCount = loop.codes;
  const size = table.length;
  const length = scores.length;
  const small = new Int32Array(counts.length);
  for (let from = 0; from < length; from += CHUNK) {
    const end = Math.min(length, from + CHUNK);
    const steps = end - ((end - from) % 4);
    let i = from;
    for (; i < steps; i += 4) {
      const s0 = (scores[i] as number) - min;
      const s1 = (scores[i + 1] as number) - min;
      const s2 = (scores[i + 2] as number) - min;
      const s3 = (scores[i + 3] as number) - min;
      const c0 = codes === null ? 0 : (codes[i] as number);
      const c1 = codes === null ? 0 : (codes[i + 1] as number);
      const c2 = codes === null ? 0 : (codes[i + 2] as number);
      const c3 = codes === null ? 0 : (codes[i + 3] as number);
      // `>>> 0` makes a day before the table huge: one comparison checks both ends.
      const d0 = (days[i] as number) - firstDay;
      const d1 = (days[i + 1] as number) - firstDay;
      const d2 = (days[i + 2] as number) - firstDay;
      const d3 = (days[i + 3] as number) - firstDay;
      const inside = +(d0 >>> 0 < size) & +(d1 >>> 0 < size) & +(d2 >>> 0 < size) & +(d3 >>> 0 < size);
      if (inside === 0) return false;
      const p0 = table[d0] as number;
      const p1 = table[d1] as number;
      const p2 = table[d2] as number;
      const p3 = table[d3] as number;
      const scored = +(s0 >>> 0 > points) | +(s1 >>> 0 > points) | +(s2 >>> 0 > points) | +(s3 >>> 0 > points);
      const coded = +(c0 >= codeCount) | +(c1 >= codeCount) | +(c2 >= codeCount) | +(c3 >= codeCount);
      if ((scored | coded) !== 0) return false;
      const a0 = p0 + c0 * stride + s0;
      const a1 = p1 + c1 * stride + s1;
      const a2 = p2 + c2 * stride + s2;
      const a3 = p3 + c3 * stride + s3;
      small[a0] = (small[a0] as number) + 1;
      small[a1] = (small[a1] as number) + 1;
      small[a2] = (small[a2] as number) + 1;
      small[a3] = (small[a3] as number) + 1;
    }
    for (; i < end; i++) {
      const score = (scores[i] as number) - min;
      const code = codes === null ? 0 : (codes[i] as number);
      const d = (days[i] as number) - firstDay;
      if (!(d >>> 0 < size) || score >>> 0 > points || code >= codeCount) return false;
      const at = (table[d] as number) + code * stride + score;
      small[at] = (small[at] as number) + 1;
    }
    flush(small, counts);
  }
  return true;
}

/**
 * Bytes of scores and codes with days of a Uint16Array, on a table of every such day: four responses a step,
 * each a table lookup and an increment. False at the first day outside the guess, score or code.
 */
export function countByDay16(
  scores: Uint8Array,
  codes: Uint8Array | null,
  days: Uint16Array,
  loop: Loop,
  guess: Guess,
): boolean {
  const { table, counts } = guess;
  const { min, points, stride } = loop;
  const codeCount = loop.codes;
  const length = scores.length;
  const small = new Int32Array(counts.length);
  for (let from = 0; from < length; from += CHUNK) {
    const end = Math.min(length, from + CHUNK);
    const steps = end - ((end - from) % 4);
    let i = from;
    for (; i < steps; i += 4) {
      const s0 = (scores[i] as number) - min;
      const s1 = (scores[i + 1] as number) - min;
      const s2 = (scores[i + 2] as number) - min;
      const s3 = (scores[i + 3] as number) - min;
      const c0 = codes === null ? 0 : (codes[i] as number);
      const c1 = codes === null ? 0 : (codes[i + 1] as number);
      const c2 = codes === null ? 0 : (codes[i + 2] as number);
      const c3 = codes === null ? 0 : (codes[i + 3] as number);
      const p0 = table[days[i] as number] as number;
      const p1 = table[days[i + 1] as number] as number;
      const p2 = table[days[i + 2] as number] as number;
      const p3 = table[days[i + 3] as number] as number;
      const scored = +(s0 >>> 0 > points) | +(s1 >>> 0 > points) | +(s2 >>> 0 > points) | +(s3 >>> 0 > points);
      const coded = +(c0 >= codeCount) | +(c1 >= codeCount) | +(c2 >= codeCount) | +(c3 >= codeCount);
      if ((scored | coded | +((p0 | p1 | p2 | p3) < 0)) !== 0) return false;
      const a0 = p0 + c0 * stride + s0;
      const a1 = p1 + c1 * stride + s1;
      const a2 = p2 + c2 * stride + s2;
      const a3 = p3 + c3 * stride + s3;
      small[a0] = (small[a0] as number) + 1;
      small[a1] = (small[a1] as number) + 1;
      small[a2] = (small[a2] as number) + 1;
      small[a3] = (small[a3] as number) + 1;
    }
    for (; i < end; i++) {
      const score = (scores[i] as number) - min;
      const code = codes === null ? 0 : (codes[i] as number);
      const p = table[days[i] as number] as number;
      if (p < 0 || score >>> 0 > points || code >= codeCount) return false;
      const at = p + code * stride + score;
      small[at] = (small[at] as number) + 1;
    }
    flush(small, counts);
  }
  return true;
}

/**
 * Bytes of scores and codes with epoch milliseconds of a Float64Array: four responses a step, each a
 * division, a floor, a table lookup and an increment. False at the first time (NaN, out of the table),
 * score or code it cannot place.
 */
export function countByTime(
  scores: Uint8Array,
  codes: Uint8Array | null,
  times: Float64Array,
  loop: Loop,
  guess: Guess,
): boolean {
  const { table, firstDay, counts } = guess;
  const { min, points, stride } = loop;
  const codeCount = loop.codes;
  const size = table.length;
  const length = scores.length;
  const small = new Int32Array(counts.length);
  for (let from = 0; from < length; from += CHUNK) {
    const end = Math.min(length, from + CHUNK);
    const steps = end - ((end - from) % 4);
    let i = from;
    for (; i < steps; i += 4) {
      const s0 = (scores[i] as number) - min;
      const s1 = (scores[i + 1] as number) - min;
      const s2 = (scores[i + 2] as number) - min;
      const s3 = (scores[i + 3] as number) - min;
      const c0 = codes === null ? 0 : (codes[i] as number);
      const c1 = codes === null ? 0 : (codes[i + 1] as number);
      const c2 = codes === null ? 0 : (codes[i + 2] as number);
      const c3 = codes === null ? 0 : (codes[i + 3] as number);
      const d0 = Math.floor((times[i] as number) / DAY_MS) - firstDay;
      const d1 = Math.floor((times[i + 1] as number) / DAY_MS) - firstDay;
      const d2 = Math.floor((times[i + 2] as number) / DAY_MS) - firstDay;
      const d3 = Math.floor((times[i + 3] as number) / DAY_MS) - firstDay;
      // NaN fails both comparisons, as does an infinite time.
      if (!(d0 >= 0 && d0 < size && d1 >= 0 && d1 < size && d2 >= 0 && d2 < size && d3 >= 0 && d3 < size)) {
        return false;
      }
      const p0 = table[d0] as number;
      const p1 = table[d1] as number;
      const p2 = table[d2] as number;
      const p3 = table[d3] as number;
      const scored = +(s0 >>> 0 > points) | +(s1 >>> 0 > points) | +(s2 >>> 0 > points) | +(s3 >>> 0 > points);
      const coded = +(c0 >= codeCount) | +(c1 >= codeCount) | +(c2 >= codeCount) | +(c3 >= codeCount);
      if ((scored | coded) !== 0) return false;
      const a0 = p0 + c0 * stride + s0;
      const a1 = p1 + c1 * stride + s1;
      const a2 = p2 + c2 * stride + s2;
      const a3 = p3 + c3 * stride + s3;
      small[a0] = (small[a0] as number) + 1;
      small[a1] = (small[a1] as number) + 1;
      small[a2] = (small[a2] as number) + 1;
      small[a3] = (small[a3] as number) + 1;
    }
    for (; i < end; i++) {
      const score = (scores[i] as number) - min;
      const code = codes === null ? 0 : (codes[i] as number);
      const d = Math.floor((times[i] as number) / DAY_MS) - firstDay;
      if (!(d >= 0 && d < size) || score >>> 0 > points || code >= codeCount) return false;
      const at = (table[d] as number) + code * stride + score;
      small[at] = (small[at] as number) + 1;
    }
    flush(small, counts);
  }
  return true;
}
