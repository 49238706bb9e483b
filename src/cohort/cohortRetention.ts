import * as z from 'zod/mini';
import { civilFromDays, DAY_MS, daysFromCivil, monthStart, toEpoch } from '../internal/dates.js';
import { type CustomerLifetime, type Lifetimes, lifetimesField, withLifetimes } from '../internal/lifetimes.js';
import { invalid, parse, parseOptions } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import {
  checkSegmentOptions,
  segmentCollector,
  type Segmented,
  type SegmentedOptions,
  segmentedShape,
  segmentEntries,
  segmentIndexes,
} from '../internal/segmented.js';
import { customersIn, segmentLifetimes } from './_lib/segmentLifetimes.js';

const METRIC = 'cohortRetention';

export type { CustomerLifetime } from '../internal/lifetimes.js';
export type { MissingSegment, SegmentBy } from '../internal/segments.js';
export type { SegmentEntry, Segmented } from '../internal/segmented.js';

/** The length of a cohort and of each step after it: a calendar month, an ISO week or a calendar quarter (UTC). */
export type CohortPeriod = 'month' | 'week' | 'quarter';

/** Input of {@link cohortRetention}. */
export interface CohortRetentionInput {
  /** One lifetime per customer, `{ id, start, end? }`; ids are unique. An array of any length. */
  readonly customers: readonly CustomerLifetime[];
}

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions {
  /** Cohort and step length: `'month'` (default), `'week'` (ISO weeks, from Monday) or `'quarter'`. */
  readonly period?: CohortPeriod;
  /**
   * The date of the data (required): periods that end after it are not reported, and customers who start
   * after it are left out. An ISO date or date-time, a `Date`, or epoch milliseconds.
   */
  readonly asOf: string | Date | number;
}

/**
 * Options of {@link cohortRetention} broken down by segment: `segmentBy` (an attribute name, read from each
 * customer's `attributes`, or a function of the customer), `missingSegment`, and `minimumSegmentSize`
 * (customers in the segment's table; default 30).
 */
export interface CohortRetentionSegmentOptions extends CohortRetentionOptions, SegmentedOptions<CustomerLifetime> {}

/** One cohort: the customers whose lifetime started in the same period. */
export interface CohortRow {
  /** The cohort's period: `2024-03` for a month, `2024-W09` for an ISO week, `2024-Q1` for a quarter. */
  readonly cohort: string;
  /** The first day of the cohort's period, `YYYY-MM-DD` (UTC). */
  readonly start: string;
  /** Customers in the cohort. */
  readonly size: number;
  /** `active[k]`: members still active at the end of period k (period 0 is the cohort's own). */
  readonly active: number[];
  /** `retention[k] = active[k] ÷ size`, a fraction. */
  readonly retention: number[];
}

/** Result of {@link cohortRetention}. */
export interface CohortRetentionResult {
  /** Cohorts with at least one customer, oldest first; younger cohorts have shorter arrays. */
  readonly cohorts: CohortRow[];
  /** `average[k]`: retention at the end of period k over the cohorts that have reached it, weighted by size. */
  readonly average: number[];
}

/** The most periods from the oldest cohort to `asOf`: the table has at most this many columns. */
const MAX_PERIODS = 5000;

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: lifetimesField }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ period: z.optional(z.enum(['month', 'week', 'quarter'])), asOf: date, ...segmentedShape }))();

/**
 * The default `minimumSegmentSize`: 30 customers, the customary smallest sample for a proportion read with
 * the normal approximation; a segment's cohorts are smaller still, so below it the table says little.
 */
const MINIMUM_SEGMENT_SIZE = 30;

/**
 * The day (counted from 1970-01-01, UTC) that contains the instant `time`. `Math.floor(time / DAY_MS)` is
 * exact for normal doubles (the rounded quotient cannot reach a whole k while time < k·DAY_MS: time would have
 * to lie closer to k·DAY_MS than doubles are spaced there, since DAY_MS < 2²⁷), but a time a few
 * subnormals before 1970 (−5e-324) divides to −0: the check puts it back on 1969-12-31.
 */
function dayOf(time: number): number {
  const day = Math.floor(time / DAY_MS);
  return day * DAY_MS > time ? day - 1 : day;
}

/** The month index (year × 12 + month − 1) of a day; H. Hinnant's `civil_from_days` without an object. */
function monthOfDay(day: number): number {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const doe = shifted - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  // Months counted from March: mp + 2 months after January of the March-based year (era·400 + yoe).
  return (era * 400 + yoe) * 12 + Math.floor((5 * doy + 2) / 153) + 2;
}

/** The index of the period that contains a day. ISO weeks start on Monday; 1970-01-01 was a Thursday. */
function periodOfDay(day: number, period: CohortPeriod): number {
  if (period === 'month') return monthOfDay(day);
  if (period === 'quarter') return Math.floor(monthOfDay(day) / 3);
  return Math.floor((day + 3) / 7);
}

/** The first day of a period. */
function firstDayOf(index: number, period: CohortPeriod): number {
  if (period === 'week') return index * 7 - 3;
  return monthStart(period === 'month' ? index : index * 3) / DAY_MS;
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

function formatDay(day: number): string {
  const { year, month, day: date } = civilFromDays(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(date, 2)}`;
}

/** `2024-03`, `2024-Q1`, or the ISO week `2024-W09` (its year is the year of the week's Thursday). */
function labelOf(index: number, period: CohortPeriod): string {
  if (period === 'month') {
    const year = Math.floor(index / 12);
    return `${pad(year, 4)}-${pad(index - year * 12 + 1, 2)}`;
  }
  if (period === 'quarter') {
    const year = Math.floor(index / 4);
    return `${pad(year, 4)}-Q${index - year * 4 + 1}`;
  }
  const thursday = index * 7;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/**
 * Cohort retention: customers grouped by the period they started in, and the share of each cohort still
 * active at the end of each period since.
 *
 * @remarks
 * A customer's cohort is the calendar period (UTC) that contains the start of its lifetime. Lifetimes are
 * half-open, `[start, end)`: a customer is active at instant t when start ≤ t < end. A member counts as active
 * in period k of its cohort (period 0 is the cohort's own) when it is active at the end of that period,
 * that is at the instant the next period begins: a customer who leaves during period k, or exactly at its end,
 * is not active in it. This is the retention Baremetrics shows ("still customers at the end of" each period),
 * and it is the same instant `customerChurn` uses for the customers at the end of a period. Because each
 * customer has one lifetime, a cohort's retention never rises from one period to the next.
 *
 * - `retention[k] = active[k] ÷ size`.
 * - `average[k]` = Σ active[k] ÷ Σ size over the cohorts that have reached period k: cohorts are weighted by
 *   their size, and a cohort that fell to 0 still counts (with 0 active), while a cohort too young to have
 *   reached period k does not.
 * - Only periods that have ended by `asOf` are reported, so younger cohorts have shorter arrays (never zeros
 *   for the future) and the cohort of `asOf`'s own period has empty arrays.
 * - Customers who start after `asOf` are left out; a zero-length lifetime (end = start) is never active and
 *   is left out too. Cohorts with no customers are not listed.
 *
 * Periods are UTC calendar months, ISO weeks (Monday to Sunday) or calendar quarters. The table spans at most
 * 5000 periods from the oldest cohort to `asOf`. Every ratio is one correctly rounded division of two
 * integers.
 *
 * Segments: with `segmentBy` (an attribute name, read from each customer's `attributes`, or a function
 * `(customer, index) => string`) the result is `{ total, segments: [{ segment, size, result, smallSample }] }`:
 * `total` is exactly the call without `segmentBy`, each `result` is the call on the segment's customers
 * alone (its own cohorts, from its own oldest one), `size` is the customers in the segment's table (Σ of its
 * cohorts' sizes: those who started by `asOf`, with a lifetime that is not empty), and `smallSample` flags a
 * size below `minimumSegmentSize` (default 30 customers, the customary smallest sample for a proportion).
 * Segments are listed by name, `'(none)'` last.
 *
 * Unit: `size` and `active` are customers; `retention` and `average` are fractions of the cohort.
 *
 * Source: cohort analysis as ChartMogul (a cohort is the customers who started in the same interval, followed
 * over their lifespan) and Baremetrics (the share of a signup cohort still customers at the end of each
 * later period) define it.
 *
 * @param input - `{ customers: [{ id, start, end?, attributes? }] }`. `end` may be absent or `null`;
 * `attributes` is a plain object of strings.
 * @param options - `{ period = 'month', asOf, segmentBy?, missingSegment = 'error', minimumSegmentSize = 30 }`;
 * `asOf` is required.
 * @throws {@link MetricError} `INVALID_INPUT` when `customers` is not an array, a record is not
 * `{ id, start, end? }` with a non-empty string or safe integer id and valid dates (`issues[0].path` names it:
 * `['customers', 7, 'end']`), an end is before its start, an id repeats (the later record is named), `asOf`
 * is missing or not a date, `period` is not `'month'`, `'week'` or `'quarter'`, a key of the input or the
 * options is unknown (`options has unknown key …` at the path `[]`), or the table would span more than 5000
 * periods; with `segmentBy`, when a customer lacks the attribute (`['customers', 3, 'attributes', 'plan']`,
 * unless `missingSegment: 'group'`) or the function throws or returns anything but a non-empty string
 * (`['customers', 3]`); `missingSegment` or `minimumSegmentSize` without `segmentBy`.
 * @example
 * ```ts
 * const { cohorts, average } = cohortRetention(
 *   {
 *     customers: [
 *       { id: 1, start: '2024-01-05', end: '2024-02-10' },
 *       { id: 2, start: '2024-01-20' },
 *       { id: 3, start: '2024-01-31', end: '2024-03-15' },
 *       { id: 4, start: '2024-02-03', end: '2024-02-20' },
 *       { id: 5, start: '2024-02-14' },
 *       { id: 6, start: '2024-03-09' },
 *     ],
 *   },
 *   { asOf: '2024-04-01' },
 * );
 * cohorts[0]; // => { cohort: '2024-01', start: '2024-01-01', size: 3, active: [3, 2, 1], retention: [1, 2 / 3, 1 / 3] }
 * cohorts[1]; // => { cohort: '2024-02', start: '2024-02-01', size: 2, active: [1, 1], retention: [0.5, 0.5] }
 * cohorts[2].retention; // => [1]
 * average; // ≈ [0.8333, 0.6, 0.3333]
 *
 * const byChannel = cohortRetention(
 *   {
 *     customers: [
 *       { id: 1, start: '2024-01-05', end: '2024-02-10', attributes: { channel: 'ads' } },
 *       { id: 2, start: '2024-01-20', attributes: { channel: 'sales' } },
 *       { id: 3, start: '2024-02-14', attributes: { channel: 'ads' } },
 *     ],
 *   },
 *   { asOf: '2024-04-01', segmentBy: 'channel' },
 * );
 * byChannel.segments.map((entry) => [entry.segment, entry.size, entry.result?.average]); // => [['ads', 2, [1, 0.5, 0]], ['sales', 1, [1, 1, 1]]]
 * ```
 * @category Cohort
 */
export function cohortRetention(
  input: CohortRetentionInput,
  options: CohortRetentionSegmentOptions,
): Segmented<CohortRetentionResult>;
export function cohortRetention(input: CohortRetentionInput, options: CohortRetentionOptions): CohortRetentionResult;
export function cohortRetention(
  input: CohortRetentionInput,
  options: CohortRetentionOptions | CohortRetentionSegmentOptions,
): CohortRetentionResult | Segmented<CohortRetentionResult> {
  const { customers } = parse(METRIC, inputSchema, input);
  const parsedOptions = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, parsedOptions);
  const period: CohortPeriod = parsedOptions.period ?? 'month';
  const asOf = toEpoch(parsedOptions.asOf);
  const collector = segmentCollector(METRIC, 'customers', customers.length, parsedOptions);
  return withLifetimes(
    METRIC,
    customers,
    ['customers'],
    (lifetimes) => {
      const total = tabulate(lifetimes, period, asOf);
      if (collector === undefined) return total;
      const groups = collector.groups();
      const indexes = segmentIndexes(groups);
      const results = groups.ids.names.map((_, s) =>
        tabulate(segmentLifetimes(lifetimes, groups, indexes, s), period, asOf),
      );
      const segments = segmentEntries(
        groups.ids,
        parsedOptions.minimumSegmentSize ?? MINIMUM_SEGMENT_SIZE,
        (s) => customersIn(results[s] as CohortRetentionResult),
        (s) => results[s] as CohortRetentionResult,
      );
      return { total, segments };
    },
    collector,
  );
}

/** The cohort table of checked lifetimes. */
function tabulate(lifetimes: Lifetimes, period: CohortPeriod, asOf: number): CohortRetentionResult {
  const { count, start, end } = lifetimes;
  const lastDay = dayOf(asOf);
  const last = periodOfDay(lastDay, period);

  // Pass 1: the earliest start among the customers counted (started by asOf, lifetime not empty).
  let earliest = Number.POSITIVE_INFINITY;
  let oldest = -1;
  for (let i = 0; i < count; i++) {
    const s = start[i] as number;
    if (s < earliest && s <= asOf && (end[i] as number) !== s) {
      earliest = s;
      oldest = i;
    }
  }
  if (oldest < 0) return { cohorts: [], average: [] };
  const firstDay = dayOf(earliest);
  const first = periodOfDay(firstDay, period);
  const span = last - first + 1;
  if (span > MAX_PERIODS) {
    invalid(
      METRIC,
      ['asOf'],
      `is ${span - 1} ${period}s after the cohort of customers[${oldest}]; a cohort table spans at most ${MAX_PERIODS} periods (use a longer period, or leave out older customers)`,
      'options',
    );
  }

  // The column (period − first) of every day from the earliest start to asOf: a lookup per date instead of
  // calendar arithmetic. At most 5000 quarters, some 460 000 days.
  const days = lastDay - firstDay + 1;
  const columnOfDay = new Int32Array(days);
  let column = 0;
  let nextPeriod = firstDayOf(first + 1, period) - firstDay;
  for (let d = 0; d < days; d++) {
    if (d === nextPeriod) {
      column++;
      nextPeriod = firstDayOf(first + column + 1, period) - firstDay;
    }
    columnOfDay[d] = column;
  }

  // Pass 2: each customer's cohort column (−1 when left out) and the cohort sizes; then, for each cohort with
  // customers, room for a histogram of how many reported periods its members stayed active (0 … R, R being the
  // number of periods the cohort has reached).
  const cohortOf = lifetimes.spare;
  const sizes = new Float64Array(span);
  for (let i = 0; i < count; i++) {
    const s = start[i] as number;
    if (s > asOf || (end[i] as number) === s) {
      cohortOf[i] = -1;
      continue;
    }
    const slot = columnOfDay[dayOf(s) - firstDay] as number;
    cohortOf[i] = slot;
    sizes[slot] = (sizes[slot] as number) + 1;
  }
  const offsets = new Int32Array(span);
  let cells = 0;
  for (let slot = 0; slot < span; slot++) {
    offsets[slot] = cells;
    if ((sizes[slot] as number) > 0) cells += span - slot;
  }
  const stayed = new Float64Array(cells);

  // Pass 3: a member whose lifetime ends at e is active at the end of period k when the next period begins
  // before e, i.e. up to the period that holds the last instant before e (its day is the day before e when e
  // is a midnight).
  for (let i = 0; i < count; i++) {
    const slot = cohortOf[i] as number;
    if (slot < 0) continue;
    const reached = span - 1 - slot;
    const e = end[i] as number;
    let periods = reached;
    if (e !== Number.POSITIVE_INFINITY) {
      let day = dayOf(e);
      if (day * DAY_MS === e) day--;
      if (day <= lastDay) periods = Math.min(reached, (columnOfDay[day - firstDay] as number) - slot);
    }
    const cell = (offsets[slot] as number) + periods;
    stayed[cell] = (stayed[cell] as number) + 1;
  }

  const cohorts: CohortRow[] = [];
  const averageActive = new Float64Array(span - 1);
  const averageSize = new Float64Array(span - 1);
  for (let slot = 0; slot < span; slot++) {
    const size = sizes[slot] as number;
    if (size === 0) continue;
    const index = first + slot;
    const reached = last - index;
    const offset = offsets[slot] as number;
    const active: number[] = new Array(reached);
    const retention: number[] = new Array(reached);
    let still = 0;
    for (let k = reached - 1; k >= 0; k--) {
      still += stayed[offset + k + 1] as number;
      active[k] = still;
      // One division of two exact integers: correctly rounded.
      retention[k] = still / size;
      averageActive[k] = (averageActive[k] as number) + still;
      averageSize[k] = (averageSize[k] as number) + size;
    }
    cohorts.push({
      cohort: labelOf(index, period),
      start: formatDay(firstDayOf(index, period)),
      size,
      active,
      retention,
    });
  }
  const average: number[] = new Array(span - 1);
  for (let k = 0; k < span - 1; k++) average[k] = (averageActive[k] as number) / (averageSize[k] as number);
  return { cohorts, average };
}
