import * as z from 'zod/mini';
import { toEpoch } from '../internal/dates.js';
import { type CustomerLifetime, lifetimesField, withLifetimes } from '../internal/lifetimes.js';
import { invalid, noData, parse, parseOptions } from '../internal/parse.js';
import { date, positiveCount } from '../internal/schemas.js';
import { LIFETIME_UNIT_MS, type LifetimeUnit, lifetimeUnit } from '../internal/lifetimeUnit.js';

const METRIC = 'survivorsByPeriod';

/** Input of {@link survivorsByPeriod}. */
export interface SurvivorsByPeriodInput {
  /** One lifetime per customer, `{ id, start, end? }`; ids are unique. An array of any length. */
  readonly customers: readonly CustomerLifetime[];
}

/** Options of {@link survivorsByPeriod}. */
export interface SurvivorsByPeriodOptions {
  /** The cohort: customers who started at or after `from` … (a date, required). */
  readonly from: string | Date | number;
  /** … and before `to` (a date after `from`, required). */
  readonly to: string | Date | number;
  /** The date of the data (required, not before `to`): only periods every member has completed by then count. */
  readonly asOf: string | Date | number;
  /** The length of a period: `'day'`, `'week'` or `'month'` (default; 365/12 days). */
  readonly unit?: LifetimeUnit;
  /** The most periods to count (a count of at least 1); by default every period observed, up to 5000. */
  readonly periods?: number;
}

/** Result of {@link survivorsByPeriod}: the `{ survivors }` input of {@link fitShiftedBetaGeometric}. */
export interface SurvivorsByPeriodResult {
  /**
   * `survivors[0]`: the customers in the cohort; `survivors[k]`: those still active k periods after their
   * own start. Never increasing.
   */
  readonly survivors: number[];
}

/** The most periods counted when `periods` is not given. */
const MAX_PERIODS = 5000;

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: lifetimesField }))();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    from: date,
    to: date,
    asOf: date,
    unit: z.optional(lifetimeUnit),
    periods: z.optional(positiveCount),
  }))();

/**
 * Survivors of a cohort at the end of each period since its members started: the counts the
 * shifted-beta-geometric model is fitted to.
 *
 * @remarks
 * The cohort is the customers whose lifetime starts in [from, to). Each member is followed from their own
 * start: survivors[k] = #{ members with end − start > k·unit } (still active at start + k·unit; a lifetime
 * is half-open, [start, end), and one still running counts as active). survivors[0] is the cohort's size.
 * Period k is counted only when every member, however late in the window they started, has completed it by
 * `asOf`: to + k·unit ≤ asOf, so k runs from 0 to ⌊(asOf − to)/unit⌋, at most `periods`. Ends after `asOf`
 * are therefore never used: the counts are fully observed, not censored. A month is 365/12 days; a
 * zero-length lifetime (end = start) was never active and is not in the cohort (as in
 * {@link cohortRetention}).
 *
 * This is how Fader and Hardie's cohorts are counted ("How to Project Customer Retention", Journal of
 * Interactive Marketing 21(1), 2007): customers acquired together, active at each renewal opportunity. Feed
 * the result to {@link fitShiftedBetaGeometric}.
 *
 * Unit: counts of customers.
 *
 * @param input - `{ customers: [{ id, start, end? }] }`.
 * @param options - `{ from, to, asOf, unit = 'month', periods? }`; `from`, `to` and `asOf` are required.
 * @throws {@link MetricError} `INVALID_INPUT` when a customer is not `{ id, start, end? }` with valid dates
 * (the issue names it), an end is before its start, an id repeats, a date option is missing or not a date,
 * `to` is not after `from`, `asOf` is before `to`, `unit` is not `'day'`, `'week'` or `'month'`, `periods`
 * is not a count of at least 1, more than 5000 periods would be counted without `periods`, or a key
 * of the input or the options is unknown (`options has unknown key …` at the path `[]`).
 * @throws {@link MetricError} `NO_DATA` when no customer started in [from, to).
 * @example
 * ```ts
 * const counts = survivorsByPeriod(
 *   {
 *     customers: [
 *       { id: 1, start: '2024-01-01', end: '2024-01-20' },
 *       { id: 2, start: '2024-01-03', end: '2024-03-01' },
 *       { id: 3, start: '2024-01-10' },
 *       { id: 4, start: '2024-01-15', end: '2024-05-01' },
 *       { id: 5, start: '2024-02-10' },
 *     ],
 *   },
 *   { from: '2024-01-01', to: '2024-02-01', asOf: '2024-05-01', unit: 'month' },
 * );
 * counts; // => { survivors: [4, 3, 2] }
 * ```
 * @category Models
 */
export function survivorsByPeriod(
  input: SurvivorsByPeriodInput,
  options: SurvivorsByPeriodOptions,
): SurvivorsByPeriodResult {
  const { customers } = parse(METRIC, inputSchema, input);
  const parsedOptions = parseOptions(METRIC, optionsSchema, options);
  const from = toEpoch(parsedOptions.from);
  const to = toEpoch(parsedOptions.to);
  const asOf = toEpoch(parsedOptions.asOf);
  const unit = LIFETIME_UNIT_MS[parsedOptions.unit ?? 'month'];
  if (!(to > from)) invalid(METRIC, ['to'], 'must be after from', 'options');
  if (asOf < to) invalid(METRIC, ['asOf'], 'must not be before to: no period of the cohort is complete', 'options');
  const reached = periodsWithin(asOf - to, unit);
  const last = parsedOptions.periods === undefined ? reached : Math.min(reached, parsedOptions.periods);
  if (last > MAX_PERIODS) {
    invalid(
      METRIC,
      ['asOf'],
      `is ${reached} periods after to; at most ${MAX_PERIODS} are counted unless periods says how many`,
      'options',
    );
  }
  return withLifetimes(METRIC, customers, ['customers'], ({ count, start, end }) => {
    // lasted[m]: members active at the end of exactly m periods (m ≤ last), then summed from the top.
    const lasted = new Float64Array(last + 1);
    let size = 0;
    for (let i = 0; i < count; i++) {
      const s = start[i] as number;
      const length = (end[i] as number) - s;
      if (s < from || s >= to || length === 0) continue;
      size++;
      const m = length > last * unit ? last : periodsBefore(length, unit);
      lasted[m] = (lasted[m] as number) + 1;
    }
    if (size === 0) noData(METRIC, ['customers'], 'has no customer who started from options.from to options.to');
    const survivors = new Array<number>(last + 1);
    let active = 0;
    for (let k = last; k >= 0; k--) {
      active += lasted[k] as number;
      survivors[k] = active;
    }
    return { survivors };
  });
}

/** The largest k with k·unit ≤ span (span ≥ 0). The quotient may round across a whole number; k·unit is exact. */
function periodsWithin(span: number, unit: number): number {
  const k = Math.floor(span / unit);
  if ((k + 1) * unit <= span) return k + 1;
  return k * unit > span ? k - 1 : k;
}

/** The largest k with k·unit < length (length > 0): the periods a lifetime of that length outlasted. */
function periodsBefore(length: number, unit: number): number {
  const k = periodsWithin(length, unit);
  return k * unit === length ? k - 1 : k;
}
