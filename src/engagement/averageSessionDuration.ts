import * as z from 'zod/mini';
import { type DurationUnit, toEpoch } from '../internal/dates.js';
import { hasOnlyKeys, meanDuration, unitMilliseconds, unitOptions } from '../internal/durations.js';
import { bulkArray, invalid, noData, parseForm, parseOptions, rejectElement } from '../internal/parse.js';
import { count, date, nonNegativeNumber } from '../internal/schemas.js';
import { nextElement, ownIterator } from '../internal/elements.js';

const METRIC = 'averageSessionDuration';

/** One session: when it started and ended. */
export interface Session {
  /** Start of the session: an ISO string, a `Date` or epoch milliseconds. */
  readonly start: string | Date | number;
  /** End of the session; not before `start`. */
  readonly end: string | Date | number;
}

/**
 * Input of {@link averageSessionDuration}: the sessions, or their total duration and count (aggregated
 * elsewhere, `totalDuration` in the result's `unit`).
 */
export type AverageSessionDurationInput =
  | {
      /** The sessions, each counted once, including those of zero length. */
      readonly sessions: ArrayLike<Session>;
    }
  | {
      /** Sum of the sessions' durations, in the result's `unit` (≥ 0, finite). */
      readonly totalDuration: number;
      /** Number of sessions, a non-negative integer. */
      readonly sessionCount: number;
    };

/** Options of {@link averageSessionDuration}. */
export interface AverageSessionDurationOptions {
  /**
   * Unit of the result (and of `totalDuration` in the totals form):
   * `'ms' | 'second' | 'minute' | 'hour' | 'day' | 'week'`. Default `'minute'`.
   */
  readonly unit?: DurationUnit;
}

const sessionSchema = /* @__PURE__ */ (() => z.strictObject({ start: date, end: date }))();

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'sessions', schema: z.strictObject({ sessions: bulkArray<Session>('an array of sessions') }) },
    {
      key: 'totalDuration',
      schema: z.strictObject({ totalDuration: nonNegativeNumber, sessionCount: count }),
    },
  ] as const)();

function reject(session: unknown, index: number): never {
  return rejectElement(METRIC, sessionSchema, session, ['sessions', index]);
}

/**
 * Average session duration: the mean length of a set of sessions.
 *
 * @remarks
 * Average = Σ (end − start) ÷ number of sessions, in `unit` (default minutes). Every session counts,
 * including sessions of zero length (a single event, as Amplitude measures a session from its first to its
 * last event). How sessions are cut (an inactivity timeout of 30 minutes on the web and 5 on mobile in
 * Amplitude, for example) is up to the source of the sessions.
 *
 * Totals form `{ totalDuration, sessionCount }`: for sums and counts aggregated where the data lives (a
 * warehouse `SUM(end − start)` and `COUNT(*)`), with `totalDuration` in the result's `unit`; the result is
 * `totalDuration ÷ sessionCount`.
 *
 * Exact: durations are whole milliseconds and the mean is one ratio of integers converted once (in the
 * totals form, one division of the given number).
 *
 * Source: "average session time" among the source documents' engagement metrics (`docs/sources.md`
 * row 29); session length as Amplitude defines it (last event time − first event time).
 *
 * Unit: `unit`, default minutes.
 *
 * @param input - `{ sessions: [{ start, end }] }` with ISO strings, `Date`s or epoch milliseconds, or
 * `{ totalDuration, sessionCount }`.
 * @param options - `{ unit = 'minute' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `sessions` is not an array, a session is not an object,
 * has an unknown key or a date that is not valid (`['sessions', 4, 'start']`), a session ends before it
 * starts (`['sessions', 4, 'end']`), `totalDuration` is negative or not finite, `sessionCount` is not a
 * count, or `unit` is not one of the units.
 * @throws {@link MetricError} `NO_DATA` when there are no sessions.
 * @example
 * ```ts
 * const sessions = [
 *   { start: '2024-03-04T09:00:00Z', end: '2024-03-04T09:12:00Z' },
 *   { start: '2024-03-04T13:00:00Z', end: '2024-03-04T13:03:30Z' },
 * ];
 * averageSessionDuration({ sessions }); // => 7.75
 * averageSessionDuration({ sessions }, { unit: 'second' }); // => 465
 * averageSessionDuration({ totalDuration: 5400, sessionCount: 90 }, { unit: 'second' }); // => 60
 * ```
 * @category Engagement
 */
export function averageSessionDuration(
  input: AverageSessionDurationInput,
  options?: AverageSessionDurationOptions,
): number {
  const parsed = parseForm(METRIC, forms, input);
  const unit = parseOptions(METRIC, unitOptions, options).unit ?? 'minute';
  if (parsed.form === 'totalDuration') {
    const { totalDuration, sessionCount } = parsed.value;
    if (sessionCount === 0) noData(METRIC, ['sessionCount'], 'must be greater than 0');
    return totalDuration / sessionCount;
  }
  const { sessions } = parsed.value;
  const length = sessions.length;
  if (length === 0) noData(METRIC, ['sessions'], 'has no sessions');
  const durations = new Float64Array(length);
  const iterator = ownIterator(sessions);
  for (let i = 0; i < length; i++) {
    const session = (iterator === undefined ? sessions[i] : nextElement(iterator)) as Session;
    if (typeof session !== 'object' || session === null) reject(session, i);
    const startedAt = session.start;
    const endedAt = session.end;
    const start = toEpoch(startedAt);
    const end = toEpoch(endedAt);
    if (Number.isNaN(start) || Number.isNaN(end) || !hasOnlyKeys(session, 'start', 'end')) {
      // The values as read here are reported, not the session read again.
      reject(hasOnlyKeys(session, 'start', 'end') ? { start: startedAt, end: endedAt } : session, i);
    }
    if (end < start) invalid(METRIC, ['sessions', i, 'end'], 'must not be before start');
    durations[i] = end - start;
  }
  return meanDuration(durations, length, unitMilliseconds(unit));
}
