// The counting pass of a survey trend over columns: each response's score counted in its period and segment,
// in one Float64Array of periods × segment slots × scale points (24 months × 21 slots × 11 points is 5 544
// counts, which stay in cache). Dates are epoch milliseconds placed by a day table (see trendPeriods.ts): a
// division, a floor and a lookup per response.
import { rejectScore } from './codedColumns.js';
import { isScoreOn } from './distribution.js';
import { countByDay, countByDay16, countByTime, type Guess, guessDays, guessTable, type Loop } from './trendLoops.js';
import { dayTable, periodOfDay, periodOfTime, periodStart, type TrendPeriod } from './trendPeriods.js';
import { DAY_MS, toEpoch } from '../../internal/dates.js';
import { invalid, noData, rejectElement } from '../../internal/parse.js';
import { date, type Scale } from '../../internal/schemas.js';

type Path = readonly (string | number)[];

/** The counts of a trend: `counts[(p × slots + s) × stride + k]` is score `min + k` of slot s in period p. */
export interface TrendTally {
  /** The number of the first period (see trendPeriods.ts). */
  readonly first: number;
  /** The number of periods, consecutive from `first`. */
  readonly length: number;
  /** The segment name of each slot; a single unnamed slot when the trend is not segmented. */
  readonly names: readonly string[] | null;
  /** Whether each slot is listed even without responses (a declared dictionary name). */
  readonly declared: readonly boolean[];
  readonly counts: Float64Array;
}

/** `[from, to)` in epoch milliseconds; an open end is infinite. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

/** The largest time a Date can hold. */
const MAX_TIME = 8.64e15;

/**
 * The dates of a column as epoch milliseconds, each checked (`[...path, i]` names the first bad one): a
 * Float64Array of epoch milliseconds is read as it is (and checked by the counting pass), anything else
 * converted element by element.
 */
export function readTimes(metric: string, at: ArrayLike<unknown>, path: Path): Float64Array {
  // Checked by the counting pass's first loop (see `dayRange`), not here: one read of 80 MB less.
  if (at instanceof Float64Array) return at;
  const length = at.length;
  const times = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const value = at[i];
    const time = toEpoch(value);
    if (Number.isNaN(time)) rejectElement(metric, date, value, [...path, i]);
    times[i] = time;
  }
  return times;
}

/** The periods a trend lists: those of the window's ends where given, else of the earliest and latest date. */
export function periodSpan(
  first: number,
  last: number,
  window: Window,
  period: TrendPeriod,
): { first: number; length: number } {
  const from = Number.isFinite(window.from) ? periodOfTime(window.from, period) : first;
  let to = Number.isFinite(window.to) ? periodOfTime(window.to, period) : last;
  // `to` is excluded: a window ending on a period's first instant ends with the period before.
  if (Number.isFinite(window.to) && periodStart(to, period) === window.to) to -= 1;
  return { first: from, length: Math.max(0, to - from + 1) };
}

/** How each response finds its segment slot: dictionary codes, checked as they are read. */
export interface SlotColumn {
  readonly codes: ArrayLike<unknown>;
  /** Number of names: codes from 0 to size − 1 go to slots 1 to size; −1 to slot 0 when allowed. */
  readonly size: number;
  /** Whether code −1 (no segment) is accepted. */
  readonly grouped: boolean;
  /** Where a bad code is reported: `[...path, i]`. */
  readonly path: Path;
  /** The phrase for code −1 when it is not accepted. */
  readonly missing: string;
}

/** The dates of the responses: epoch milliseconds, or whole days from 1970-01-01 (UTC). */
export type TrendDates =
  | { readonly unit: 'ms'; readonly values: Float64Array }
  | { readonly unit: 'day'; readonly values: ArrayLike<unknown> };

/** Everything the counting pass reads. */
export interface TrendColumns {
  readonly metric: string;
  readonly scores: ArrayLike<unknown>;
  readonly dates: TrendDates;
  /** Where a bad date is reported: `[...datePath, i]`. */
  readonly datePath: Path;
  readonly slots: SlotColumn | null;
  readonly range: Scale;
  readonly period: TrendPeriod;
  readonly window: Window;
  /** The field the whole input is reported at when nothing is in the window (`['scores']`). */
  readonly field: Path;
}

function rejectCode(metric: string, slots: SlotColumn, code: unknown, index: number): never {
  if (code === -1) return invalid(metric, [...slots.path, index], slots.missing);
  return invalid(
    metric,
    [...slots.path, index],
    `must be an integer from 0 to ${slots.size - 1} (an index into names), or −1 for none`,
  );
}

/** Days a Date can reach either side of 1970. */
const MAX_DAY = 100_000_000;

function rejectDay(metric: string, path: Path): never {
  return invalid(metric, path, 'must be a whole number of days from 1970-01-01 (UTC)');
}

/**
 * Checks every date (the first bad one is reported) and finds the first and last day inside the window, in
 * one pass; NO_DATA when none is inside.
 */
function dayRange(columns: TrendColumns): { low: number; high: number } {
  const { dates, window, metric, datePath } = columns;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const values = dates.values;
  const length = values.length;
  if (dates.unit === 'ms') {
    const times = dates.values;
    for (let i = 0; i < length; i++) {
      const time = times[i] as number;
      if (!(time >= -MAX_TIME && time <= MAX_TIME)) rejectElement(metric, date, time, [...datePath, i]);
      if (time < window.from || time >= window.to) continue;
      if (time < low) low = time;
      if (time > high) high = time;
    }
    low = Math.floor(low / DAY_MS);
    high = Math.floor(high / DAY_MS);
  } else if (values instanceof Uint16Array || values instanceof Int32Array) {
    // Whole numbers by type: only the range is checked (never out of it for 16 bits), in a loop of one type.
    const range = values instanceof Uint16Array ? dayBounds16(values, window) : dayBounds32(values, window);
    if (range.bad >= 0) rejectDay(metric, [...datePath, range.bad]);
    low = range.low;
    high = range.high;
  } else {
    for (let i = 0; i < length; i++) {
      const day = values[i];
      if (!(typeof day === 'number' && Number.isInteger(day) && day >= -MAX_DAY && day <= MAX_DAY)) {
        rejectDay(metric, [...datePath, i]);
      }
      const time = day * DAY_MS;
      if (time < window.from || time >= window.to) continue;
      if (day < low) low = day;
      if (day > high) high = day;
    }
  }
  if (low > high) {
    const inside = Number.isFinite(window.from) || Number.isFinite(window.to) ? ' between from and to' : '';
    noData(metric, columns.field, `has no responses${inside}`);
  }
  return { low, high };
}

interface DayBounds {
  readonly low: number;
  readonly high: number;
  /** The index of the first day out of range, or −1. */
  readonly bad: number;
}

/** The first and last day of a Uint16Array inside the window (every value is a valid day). */
function dayBounds16(days: Uint16Array, window: Window): DayBounds {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const length = days.length;
  if (window.from === Number.NEGATIVE_INFINITY && window.to === Number.POSITIVE_INFINITY) {
    let min = 65_535;
    let max = 0;
    for (let i = 0; i < length; i++) {
      const day = days[i] as number;
      min = Math.min(day, min);
      max = Math.max(day, max);
    }
    return length === 0 ? { low, high, bad: -1 } : { low: min, high: max, bad: -1 };
  }
  for (let i = 0; i < length; i++) {
    const day = days[i] as number;
    const time = day * DAY_MS;
    if (time < window.from || time >= window.to) continue;
    if (day < low) low = day;
    if (day > high) high = day;
  }
  return { low, high, bad: -1 };
}

/** The first and last day of an Int32Array inside the window, and the first value out of range. */
function dayBounds32(days: Int32Array, window: Window): DayBounds {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const length = days.length;
  for (let i = 0; i < length; i++) {
    const day = days[i] as number;
    if (day < -MAX_DAY || day > MAX_DAY) return { low, high, bad: i };
    const time = day * DAY_MS;
    if (time < window.from || time >= window.to) continue;
    if (day < low) low = day;
    if (day > high) high = day;
  }
  return { low, high, bad: -1 };
}

/** What the counting loops share once the span is known. */
interface Plan {
  readonly firstDay: number;
  readonly first: number;
  readonly table: Int32Array | null;
  readonly slotCount: number;
  readonly stride: number;
  readonly counts: Float64Array;
}

/**
 * Counts every response in its period and slot, checking each score (`['scores', i]`) and code; responses
 * outside the window are checked, not counted.
 */
export function countTrend(columns: TrendColumns): { first: number; length: number; counts: Float64Array } {
  const { metric, scores, dates, slots, range, period, window } = columns;
  const length = scores.length;
  if (dates.values.length !== length) {
    invalid(metric, columns.datePath, `must have one date per score: ${length} scores, ${dates.values.length} dates`);
  }
  const codes = slots === null ? null : slots.codes;
  const open = window.from === Number.NEGATIVE_INFINITY && window.to === Number.POSITIVE_INFINITY;
  const stride = range.max - range.min + 1;
  const slotCount = slots === null ? 1 : slots.size + 1;
  const bytes =
    scores instanceof Uint8Array && (codes === null || codes instanceof Uint8Array) && open && range.min >= 0;
  const loop: Loop = { min: range.min, points: range.max - range.min, codes: slots === null ? 1 : slots.size, stride };
  const shift = slots === null ? 0 : 1;
  if (bytes) {
    // Counted first on a guess of the days; checked only when the guess fails (see trendLoops.ts).
    const values = dates.values;
    const typed =
      dates.unit === 'ms'
        ? dates.values
        : values instanceof Uint16Array || values instanceof Int32Array
          ? values
          : null;
    const days = typed === null ? null : guessDays(typed, dates.unit);
    if (typed !== null && days !== null) {
      const everyDay = typed instanceof Uint16Array;
      const guess = guessTable(days.low, days.high, period, slotCount, shift, stride, everyDay);
      const bytesOfCodes = codes as Uint8Array | null;
      const counted =
        typed instanceof Float64Array
          ? countByTime(scores, bytesOfCodes, typed, loop, guess)
          : everyDay
            ? countByDay16(scores, bytesOfCodes, typed, loop, guess)
            : countByDay(scores, bytesOfCodes, typed, loop, guess);
      if (counted) return trimmed(guess, slotCount * stride);
    }
  }
  const { low, high } = dayRange(columns);
  const span = periodSpan(periodOfDay(low, period), periodOfDay(high, period), window, period);
  const table = dayTable(low, high, period, span.first);
  const plan: Plan = {
    firstDay: low,
    first: span.first,
    table,
    slotCount,
    stride,
    counts: new Float64Array(span.length * slotCount * stride),
  };
  if (bytes && table !== null) {
    // The dates are checked: the loops only meet a bad score or code, which the checked count reports.
    const guess = guessTable(low, high, period, slotCount, shift, stride);
    const counted =
      dates.unit === 'ms'
        ? countByTime(scores, codes as Uint8Array | null, dates.values, loop, guess)
        : countByDay(scores, codes as Uint8Array | null, dates.values as ArrayLike<number>, loop, guess);
    if (counted) return { first: guess.first, length: guess.length, counts: guess.counts };
  }
  countEach(columns, plan.counts, plan);
  return { first: span.first, length: span.length, counts: plan.counts };
}

/** The periods of a guess from the first to the last holding a response (the span of an open window). */
function trimmed(guess: Guess, size: number): { first: number; length: number; counts: Float64Array } {
  const { counts } = guess;
  const held = (p: number): boolean => {
    for (let k = p * size; k < (p + 1) * size; k++) if ((counts[k] as number) > 0) return true;
    return false;
  };
  let low = 0;
  while (!held(low)) low += 1;
  let high = guess.length - 1;
  while (!held(high)) high -= 1;
  return { first: guess.first + low, length: high - low + 1, counts: counts.slice(low * size, (high + 1) * size) };
}

/** Any columns, one checked element at a time. */
function countEach(columns: TrendColumns, counts: Float64Array, plan: Plan): void {
  const { metric, scores, dates, slots, range, period, window } = columns;
  const { firstDay, first, table, slotCount, stride } = plan;
  const codes = slots?.codes;
  const lowest = slots?.grouped === true ? -1 : 0;
  const top = slots === null ? 0 : slots.size;
  const min = range.min;
  const values = dates.values;
  const byTime = dates.unit === 'ms';
  const length = scores.length;
  for (let i = 0; i < length; i++) {
    const score = scores[i];
    if (!isScoreOn(score, range)) rejectScore(metric, range, score, i);
    let slot = 0;
    if (codes !== undefined) {
      const code = codes[i];
      if (!(typeof code === 'number' && Number.isInteger(code) && code >= lowest && code < top)) {
        rejectCode(metric, slots as SlotColumn, code, i);
      }
      slot = code + 1;
    }
    const time = byTime ? (values[i] as number) : (values[i] as number) * DAY_MS;
    if (time < window.from || time >= window.to) continue;
    const day = Math.floor(time / DAY_MS);
    const p = table === null ? periodOfDay(day, period) - first : (table[day - firstDay] as number);
    const at = (p * slotCount + slot) * stride + score - min;
    counts[at] = (counts[at] as number) + 1;
  }
}
