// The counting pass of a survey trend over columns: each response's score counted in its period and segment,
// in one Float64Array of periods × segment slots × scale points (24 months × 21 slots × 11 points is 5 544
// counts, which stay in cache). Dates are epoch milliseconds placed by a day table (see trendPeriods.ts): a
// division, a floor and a lookup per response.
import { rejectScore } from './codedColumns.js';
import { isScoreOn } from './distribution.js';
import { dayTable, periodOfTime, type TrendPeriod } from './trendPeriods.js';
import { DAY_MS, monthStart, toEpoch } from '../../internal/dates.js';
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
 * Float64Array of epoch milliseconds is read as it is, anything else converted element by element.
 */
export function readTimes(metric: string, at: ArrayLike<unknown>, path: Path): Float64Array {
  if (at instanceof Float64Array) {
    const length = at.length;
    for (let i = 0; i < length; i++) {
      const time = at[i] as number;
      if (!(time >= -MAX_TIME && time <= MAX_TIME)) rejectElement(metric, date, time, [...path, i]);
    }
    return at;
  }
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

/** The start (epoch milliseconds) of period number `index`. */
function periodStart(index: number, period: TrendPeriod): number {
  return monthStart(index * (period === 'month' ? 1 : period === 'quarter' ? 3 : 12));
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

/** Everything the counting pass reads. */
export interface TrendColumns {
  readonly metric: string;
  readonly scores: ArrayLike<unknown>;
  readonly times: Float64Array;
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

/** The earliest and latest dates inside the window; NO_DATA when none is. */
function dateRange(columns: TrendColumns): { low: number; high: number } {
  const { times, window } = columns;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const length = times.length;
  for (let i = 0; i < length; i++) {
    const time = times[i] as number;
    if (time < window.from || time >= window.to) continue;
    if (time < low) low = time;
    if (time > high) high = time;
  }
  if (low > high) {
    const inside = Number.isFinite(window.from) || Number.isFinite(window.to) ? ' between from and to' : '';
    noData(columns.metric, columns.field, `has no responses${inside}`);
  }
  return { low, high };
}

/**
 * Counts every response in its period and slot, checking each score (`['scores', i]`) and code; responses
 * outside the window are checked, not counted.
 */
export function countTrend(columns: TrendColumns): { first: number; length: number; counts: Float64Array } {
  const { metric, scores, times, slots, range, period, window } = columns;
  const { low, high } = dateRange(columns);
  const span = periodSpan(periodOfTime(low, period), periodOfTime(high, period), window, period);
  const firstDay = Math.floor(low / DAY_MS);
  const table = dayTable(firstDay, Math.floor(high / DAY_MS), period, span.first);
  const min = range.min;
  const stride = range.max - min + 1;
  const slotCount = slots === null ? 1 : slots.size + 1;
  const counts = new Float64Array(span.length * slotCount * stride);
  const codes = slots?.codes;
  const lowest = slots?.grouped === true ? -1 : 0;
  const top = slots === null ? 0 : slots.size;
  const length = scores.length;
  if (times.length !== length) {
    invalid(metric, ['at'], `must have one date per score: ${length} scores, ${times.length} dates`);
  }
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
    const time = times[i] as number;
    if (time < window.from || time >= window.to) continue;
    const p =
      table === null
        ? periodOfTime(time, period) - span.first
        : (table[Math.floor(time / DAY_MS) - firstDay] as number);
    const at = (p * slotCount + slot) * stride + score - min;
    counts[at] = (counts[at] as number) + 1;
  }
  return { first: span.first, length: span.length, counts };
}
