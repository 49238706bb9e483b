// The three input forms of survivalCurve (one record per customer, two columns, counts per time), each
// checked in one pass and handed to the curve as distinct times in increasing order.
import * as z from 'zod/mini';
import { MetricError } from '../../errors.js';
import { bulkArray, invalid, issue, rejectElement } from '../../internal/parse.js';
import { count, isCount } from '../../internal/schemas.js';

/** What receives the distinct times, in increasing order (the Kaplan–Meier builder). */
export interface CurveSteps {
  start(observations: number): void;
  step(time: number, events: number, censored: number): void;
}

const observationSchema = /* @__PURE__ */ (() =>
  z.strictObject({ duration: z.number().check(z.gte(0)), churned: z.boolean() }))();

const durationSchema = /* @__PURE__ */ (() => z.number().check(z.gte(0)))();

const churnedSchema = /* @__PURE__ */ (() =>
  z.custom<boolean | number>((value) => value === true || value === false || value === 0 || value === 1, {
    error: 'must be true, false, 1 or 0',
  }))();

const rowSchema = /* @__PURE__ */ (() =>
  z.strictObject({ time: z.number().check(z.gte(0)), events: count, censored: count }))();

/** The accepted forms of the input, chosen by their key. */
export const survivalForms = /* @__PURE__ */ (() =>
  [
    { key: 'observations', schema: z.strictObject({ observations: bulkArray('an array of { duration, churned }') }) },
    {
      key: 'durations',
      schema: z.strictObject({
        durations: bulkArray('an array or typed array of durations'),
        churned: bulkArray('an array of booleans or a typed array of 1 and 0'),
      }),
    },
    { key: 'table', schema: z.strictObject({ table: bulkArray('an array of { time, events, censored }') }) },
  ] as const)();

/** Whether a value is a valid duration: a finite number ≥ 0 (NaN fails both comparisons). */
function isDuration(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY;
}

/** Whether every enumerable key of an observation is `duration` or `churned` (what `z.strictObject` allows). */
function hasOnlyObservationKeys(record: object): boolean {
  for (const key in record) {
    if (key !== 'duration' && key !== 'churned') return false;
  }
  return true;
}

/** Whether every enumerable key of a table row is `time`, `events` or `censored`. */
function hasOnlyRowKeys(row: object): boolean {
  for (const key in row) {
    if (key !== 'time' && key !== 'events' && key !== 'censored') return false;
  }
  return true;
}

/**
 * One checked pass: churn times fill `times` from the front, censoring times from the back (`+ 0` turns −0
 * into 0); then both parts are sorted and merged into the curve.
 */
export function fromObservations(metric: string, observations: ArrayLike<unknown>, builder: CurveSteps): void {
  const n = observations.length;
  const times = new Float64Array(n);
  let churned = 0;
  let censored = n;
  for (let i = 0; i < n; i++) {
    const record = observations[i] as { duration?: unknown; churned?: unknown } | null;
    if (typeof record !== 'object' || record === null || !hasOnlyObservationKeys(record)) {
      rejectElement(metric, observationSchema, record, ['observations', i]);
    }
    const duration = record.duration;
    const flag = record.churned;
    if (!isDuration(duration)) rejectElement(metric, durationSchema, duration, ['observations', i, 'duration']);
    if (flag === true) times[churned++] = duration + 0;
    else if (flag === false) times[--censored] = duration + 0;
    else rejectElement(metric, z.boolean(), flag, ['observations', i, 'churned']);
  }
  merge(times, churned, censored, builder);
}

/** The column form: the same pass over two parallel arrays. */
export function fromColumns(
  metric: string,
  durations: ArrayLike<unknown>,
  flags: ArrayLike<unknown>,
  builder: CurveSteps,
): void {
  const n = durations.length;
  const flagCount = flags.length;
  if (flagCount !== n) {
    invalid(metric, ['churned'], `must have as many elements as durations (${n}), not ${flagCount}`);
  }
  const times = new Float64Array(n);
  let churned = 0;
  let censored = n;
  for (let i = 0; i < n; i++) {
    const duration = durations[i];
    const flag = flags[i];
    if (!isDuration(duration)) rejectElement(metric, durationSchema, duration, ['durations', i]);
    if (flag === true || flag === 1) times[churned++] = duration + 0;
    else if (flag === false || flag === 0) times[--censored] = duration + 0;
    else rejectElement(metric, churnedSchema, flag, ['churned', i]);
  }
  merge(times, churned, censored, builder);
}

/**
 * Sorts the churn times `times[0, churned)` and the censoring times `times[censoredFrom, n)` (numeric typed
 * array sorts, in place in the scratch array), then walks both in step, one curve point per distinct time.
 */
function merge(times: Float64Array, churned: number, censoredFrom: number, builder: CurveSteps): void {
  const n = times.length;
  const churnTimes = times.subarray(0, churned).sort();
  const censorTimes = times.subarray(censoredFrom, n).sort();
  const censoredCount = n - censoredFrom;
  builder.start(n);
  let i = 0;
  let j = 0;
  while (i < churned || j < censoredCount) {
    const a = i < churned ? (churnTimes[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < censoredCount ? (censorTimes[j] as number) : Number.POSITIVE_INFINITY;
    const time = Math.min(a, b);
    const firstChurn = i;
    while (i < churned && churnTimes[i] === time) i++;
    const firstCensored = j;
    while (j < censoredCount && censorTimes[j] === time) j++;
    builder.step(time, i - firstChurn, j - firstCensored);
  }
}

/** Counts per time, in any order: sorted by time, rows of the same time summed. */
export function fromTable(metric: string, table: ArrayLike<unknown>, builder: CurveSteps): void {
  const n = table.length;
  const rowTimes = new Float64Array(n);
  const rowEvents = new Float64Array(n);
  const rowCensored = new Float64Array(n);
  let observations = 0;
  for (let i = 0; i < n; i++) {
    const row = table[i] as { time?: unknown; events?: unknown; censored?: unknown } | null;
    if (typeof row !== 'object' || row === null) rejectElement(metric, rowSchema, row, ['table', i]);
    // Each field read once, into the locals that are both checked and stored (a getter read twice could
    // pass the check with one value and be stored with another, a NaN that the merge below never passes).
    const time = row.time;
    const events = row.events;
    const censored = row.censored;
    if (!isDuration(time) || !isCount(events) || !isCount(censored) || !hasOnlyRowKeys(row)) {
      rejectElement(metric, rowSchema, row, ['table', i]);
    }
    rowTimes[i] = time + 0;
    rowEvents[i] = events;
    rowCensored[i] = censored;
    observations += events + censored;
  }
  if (!Number.isSafeInteger(observations)) {
    throw new MetricError(metric, 'INVALID_INPUT', [
      issue(['table'], 'totals more than 2^53 − 1 observations', 'too_big'),
    ]);
  }
  const order = Array.from({ length: n }, (_, index) => index).sort(
    (p, q) => (rowTimes[p] as number) - (rowTimes[q] as number),
  );
  builder.start(observations);
  let k = 0;
  while (k < n) {
    const time = rowTimes[order[k] as number] as number;
    let events = 0;
    let censored = 0;
    for (; k < n && rowTimes[order[k] as number] === time; k++) {
      events += rowEvents[order[k] as number] as number;
      censored += rowCensored[order[k] as number] as number;
    }
    // A time with no one churned or censored carries no information.
    if (events + censored > 0) builder.step(time, events, censored);
  }
}
