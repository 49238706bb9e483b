// The three input forms of survivalCurve (one record per customer, two columns, counts per time), each
// checked in one pass and handed to the curve as distinct times in increasing order.
import * as z from 'zod/mini';
import { MetricError } from '../../errors.js';
import { bulkArray, invalid, issue, rejectElement } from '../../internal/parse.js';
import { count, isCount } from '../../internal/schemas.js';
import { type CurveSteps, isTime, readObservations, sampleOf, walk } from './observations.js';

export type { CurveSteps } from './observations.js';

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

/** Whether every enumerable key of a table row is `time`, `events` or `censored`. */
function hasOnlyRowKeys(row: object): boolean {
  for (const key in row) {
    if (key !== 'time' && key !== 'events' && key !== 'censored') return false;
  }
  return true;
}

/** The observations form: late entries honoured (see {@link readObservations}). */
export function fromObservations(metric: string, observations: ArrayLike<unknown>, builder: CurveSteps): void {
  walk(readObservations(metric, observations, ['observations']), builder);
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
    if (!isTime(duration)) rejectElement(metric, durationSchema, duration, ['durations', i]);
    if (flag === true || flag === 1) times[churned++] = duration + 0;
    else if (flag === false || flag === 0) times[--censored] = duration + 0;
    else rejectElement(metric, churnedSchema, flag, ['churned', i]);
  }
  walk(sampleOf(times, churned, censored), builder);
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
    if (!isTime(time) || !isCount(events) || !isCount(censored) || !hasOnlyRowKeys(row)) {
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
  builder.start(observations, observations);
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
