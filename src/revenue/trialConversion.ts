import * as z from 'zod/mini';
import { DAY_MS, toEpoch } from '../internal/dates.js';
import { invalid, noData, parse, parseOptions, rejectElement } from '../internal/parse.js';
import { confidence, date } from '../internal/schemas.js';
import { wilson } from '../internal/wilson.js';

const METRIC = 'trialConversion';

/** One free trial: who, when it began and, when known, when it ended and when the customer started paying. */
export interface TrialRecord {
  /** The customer's id, a non-empty string. A customer may have several trials: each record counts. */
  readonly customerId: string;
  /** When the trial began: an ISO date or date-time, a `Date`, or epoch milliseconds. */
  readonly start: string | Date | number;
  /** When the trial ended (expired or was cancelled); absent or `null` while it runs. Not before `start`. */
  readonly end?: string | Date | number | null | undefined;
  /** When the customer started paying; absent or `null` if it has not. Not before `start`; may be after `end`. */
  readonly convertedAt?: string | Date | number | null | undefined;
}

/** Input of {@link trialConversion}. */
export interface TrialConversionInput {
  /** The trials, `{ customerId, start, end?, convertedAt? }`. An array of any length. */
  readonly trials: readonly TrialRecord[];
}

/** Options of {@link trialConversion}. */
export interface TrialConversionOptions {
  /** Start of the period in which the trials started, included. */
  readonly from: string | Date | number;
  /** End of that period, excluded; after `from`. */
  readonly to: string | Date | number;
  /** Days after its start within which a trial must convert to count (a closed window); absent: no limit. */
  readonly within?: number;
  /** The instant the figure is taken at: what happened after it is not known yet. Default `to`; not before `from`. */
  readonly asOf?: string | Date | number;
  /** Confidence level of the interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** Result of {@link trialConversion}: counts of trials, the conversion rate and its Wilson interval. */
export interface TrialConversionResult {
  /** Trials that started in `[from, to)` (and by `asOf`). */
  readonly started: number;
  /** Of those, trials that converted by `asOf` (and within `within` days of their start, when given). */
  readonly converted: number;
  /** Of those, trials not converted by `asOf` that still can: not ended by `asOf`, and inside their window. */
  readonly pending: number;
  /** converted ÷ started, a fraction. */
  readonly rate: number;
  /** The Wilson score interval of the rate at the confidence level asked for. */
  readonly interval: {
    /** Lower end, a fraction (exactly 0 when no trial converted). */
    readonly low: number;
    /** Upper end, a fraction (exactly 1 when every trial converted). */
    readonly high: number;
  };
}

/** The schema of one trial, run only to describe a record that failed the fast check. */
export const trialSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    customerId: z.string().check(z.minLength(1)),
    start: date,
    end: z.optional(z.nullable(date)),
    convertedAt: z.optional(z.nullable(date)),
  }))();

const trialsField = /* @__PURE__ */ (() =>
  z.custom<readonly TrialRecord[]>((value) => Array.isArray(value), {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : 'must be an array of trials { customerId, start, end?, convertedAt? }',
  }))();

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ trials: trialsField }))();

const checkedDates = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

const optionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      from: date,
      to: date,
      within: z.optional(z.number().check(z.gt(0))),
      asOf: z.optional(date),
      confidence: z.optional(confidence),
    })
    .check(
      z.refine((o) => toEpoch(o.to) > toEpoch(o.from), {
        error: 'must be after from',
        path: ['to'],
        when: checkedDates,
      }),
      z.refine((o) => o.asOf === undefined || toEpoch(o.asOf) >= toEpoch(o.from), {
        error: 'must not be before from',
        path: ['asOf'],
        when: checkedDates,
      }),
    ))();

/** The instants that decide each count, in epoch milliseconds. */
interface Window {
  readonly from: number;
  readonly to: number;
  readonly asOf: number;
  /** Length of the conversion window; +Infinity without `within`. */
  readonly within: number;
}

interface Counts {
  readonly started: number;
  readonly converted: number;
  readonly pending: number;
}

/**
 * Trial-to-paid conversion rate: of the free trials started in a period, the share that became paying
 * customers, with its Wilson score interval.
 *
 * @remarks
 * rate = converted ÷ started, over the trials whose `start` falls in `[from, to)`:
 *
 * - converted: `convertedAt` is known by `asOf` (convertedAt ≤ asOf) and, with `within`, no more than that many
 *   days after the trial's start (convertedAt ≤ start + within days: a 30-day trial that converts
 *   automatically when it ends, 30 days after its start, counts with `within: 30`);
 * - pending: not converted by `asOf` but still able to: not ended by `asOf` (no `end`, or end > asOf) and,
 *   with `within`, still inside its window at `asOf` (asOf < start + within days). A conversion recorded
 *   after `asOf` is not known yet at `asOf`: the trial is not converted there, and pending if it still can be;
 * - trials that start after `asOf` (when `asOf` is before `to`) are not known yet either and are not counted.
 *
 * Without `within` a past period's rate keeps rising as late trials convert (ChartMogul's chart changes
 * retroactively for that reason); with `within` it stops changing `within` days after the period, which makes
 * periods comparable (ChartMogul's "Trial-to-paid in days" filter). A conversion after the trial ended (a
 * lapsed trial that later subscribes) is a conversion, as ChartMogul counts it, but an ended trial is never
 * pending. converted + pending ≤ started, and the two never overlap.
 *
 * Each record is one trial. A customer may have several (a second trial on another plan): each counts, as a
 * billing system that keeps trials on subscriptions records them (Stripe's `trial_start` and `trial_end` are
 * fields of a subscription); pass one record per customer for ChartMogul's per-customer figure.
 *
 * The interval is Wilson's score interval (Wilson 1927), in double precision; the rate is one correctly
 * rounded division of two integers. Dates are ISO strings (a date alone is midnight UTC), `Date`s or epoch
 * milliseconds; a day is 86 400 000 ms.
 *
 * Unit: trials (counts); the rate and the interval are fractions of the trials started.
 *
 * Source: ChartMogul, "Trial-to-paid conversion rate" (10 trials started in May, 5 became paying customers:
 * 50 %) and "Make trial-to-paid conversion rates more meaningful with cohorts" (conversion within a number of
 * days); E. B. Wilson, JASA 22 (1927).
 *
 * @param input - `{ trials: [{ customerId, start, end?, convertedAt? }] }`; `end` and `convertedAt` may be
 * absent or `null`.
 * @param options - `{ from, to, within?, asOf = to, confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `trials` is not an array, a record is not
 * `{ customerId, start, end?, convertedAt? }` with a non-empty string id and valid dates (`issues[0].path`
 * names it: `['trials', 7, 'start']`), an `end` or a `convertedAt` is before its `start`, `from` or `to` is
 * missing or not a date, `to` is not after `from`, `asOf` is before `from`, `within` is not a number greater
 * than 0, `confidence` is not strictly between 0 and 1, or a key of the input or the options is unknown.
 * @throws {@link MetricError} `NO_DATA` when no trial started in `[from, to)` by `asOf`.
 * @example
 * ```ts
 * const trials = [
 *   { customerId: 'a', start: '2024-05-02', end: '2024-05-16', convertedAt: '2024-05-16' },
 *   { customerId: 'b', start: '2024-05-10', end: '2024-05-24' },
 *   { customerId: 'c', start: '2024-05-20', convertedAt: '2024-07-15' },
 *   { customerId: 'd', start: '2024-05-28' },
 *   { customerId: 'e', start: '2024-06-03', convertedAt: '2024-06-10' },
 * ];
 * const may = { from: '2024-05-01', to: '2024-06-01' };
 * const result = trialConversion({ trials }, may);
 * result.started; // => 4
 * result.converted; // => 1
 * result.pending; // => 2
 * result.rate; // => 0.25
 * result.interval.low; // ≈ 0.0456
 * result.interval.high; // ≈ 0.6994
 * // Two months on, c has converted, but not within 30 days of its trial's start.
 * trialConversion({ trials }, { ...may, asOf: '2024-08-01' }).converted; // => 2
 * trialConversion({ trials }, { ...may, asOf: '2024-08-01', within: 30 }).converted; // => 1
 * ```
 * @category Revenue
 */
export function trialConversion(input: TrialConversionInput, options: TrialConversionOptions): TrialConversionResult {
  const { trials } = parse(METRIC, inputSchema, input);
  const parsed = parseOptions(METRIC, optionsSchema, options);
  const to = toEpoch(parsed.to);
  const window: Window = {
    from: toEpoch(parsed.from),
    to,
    asOf: parsed.asOf === undefined ? to : toEpoch(parsed.asOf),
    within: parsed.within === undefined ? Number.POSITIVE_INFINITY : parsed.within * DAY_MS,
  };
  const { started, converted, pending } = count(trials, window);
  if (started === 0) noData(METRIC, ['trials'], 'has no trial started in [from, to) by asOf');
  return {
    started,
    converted,
    pending,
    rate: converted / started,
    interval: wilson(converted, started, parsed.confidence ?? 0.95),
  };
}

/** Whether every own and inherited enumerable key is a trial's (what `z.strictObject` allows). */
function hasOnlyTrialKeys(record: object): boolean {
  for (const key in record) {
    if (key !== 'customerId' && key !== 'start' && key !== 'end' && key !== 'convertedAt') return false;
  }
  return true;
}

/**
 * The one checked pass: each record and each of its fields is read once (a getter that changes between reads
 * cannot pass one value to the check and another to the count), checked, and counted, with no allocation.
 */
function count(trials: readonly unknown[], window: Window): Counts {
  const { from, to, asOf, within } = window;
  let started = 0;
  let converted = 0;
  let pending = 0;
  for (let i = 0; i < trials.length; i++) {
    const record = trials[i] as { customerId?: unknown; start?: unknown; end?: unknown; convertedAt?: unknown } | null;
    if (typeof record !== 'object' || record === null || !hasOnlyTrialKeys(record)) {
      rejectElement(METRIC, trialSchema, record, ['trials', i]);
    }
    const id = record.customerId;
    const startValue = record.start;
    const endValue = record.end;
    const convertedValue = record.convertedAt;
    const start = toEpoch(startValue);
    const end = endValue === undefined || endValue === null ? Number.POSITIVE_INFINITY : toEpoch(endValue);
    const convertedAt =
      convertedValue === undefined || convertedValue === null ? Number.POSITIVE_INFINITY : toEpoch(convertedValue);
    if (
      typeof id !== 'string' ||
      id.length === 0 ||
      Number.isNaN(start) ||
      Number.isNaN(end) ||
      Number.isNaN(convertedAt)
    ) {
      rejectElement(
        METRIC,
        trialSchema,
        { customerId: id, start: startValue, end: endValue, convertedAt: convertedValue },
        ['trials', i],
      );
    }
    if (end < start) invalid(METRIC, ['trials', i, 'end'], 'must not be before start');
    if (convertedAt < start) invalid(METRIC, ['trials', i, 'convertedAt'], 'must not be before start');
    if (start < from || start >= to || start > asOf) continue;
    started++;
    const deadline = start + within;
    if (convertedAt <= asOf) {
      if (convertedAt <= deadline) converted++;
    } else if (end > asOf && asOf < deadline) pending++;
  }
  return { started, converted, pending };
}
