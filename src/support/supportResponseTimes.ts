import * as z from 'zod/mini';
import { type DurationUnit, toEpoch } from '../internal/dates.js';
import {
  type DurationSummary,
  hasOnlyKeys,
  optionalDate,
  summarizeDurations,
  unitMilliseconds,
  unitOptions,
} from '../internal/durations.js';
import { bulkArray, invalid, noData, parse, parseOptions, rejectElement } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import { nextElement, ownIterator } from '../internal/elements.js';

const METRIC = 'supportResponseTimes';

/** One support ticket: when it was created, first answered and resolved. */
export interface SupportTicket {
  /** When the ticket was created: an ISO string, a `Date` or epoch milliseconds. */
  readonly createdAt: string | Date | number;
  /** The first reply by an agent; absent or `null` while the ticket has had none. Not before `createdAt`. */
  readonly firstResponseAt?: string | Date | number | null | undefined;
  /** When the ticket was resolved; absent or `null` while it is open. Not before `createdAt`. */
  readonly resolvedAt?: string | Date | number | null | undefined;
}

/** Input of {@link supportResponseTimes}. */
export interface SupportResponseTimesInput {
  /** The tickets: an array of records (it may be millions long). */
  readonly tickets: ArrayLike<SupportTicket>;
}

/** Options of {@link supportResponseTimes}. */
export interface SupportResponseTimesOptions {
  /** Unit of every duration in the result: `'ms' | 'second' | 'minute' | 'hour' | 'day' | 'week'`. Default `'hour'`. */
  readonly unit?: DurationUnit;
}

/** Count, mean, median and p90 of one kind of duration; the statistics are `null` when `count` is 0. */
export type SupportDurationSummary = DurationSummary;

/** Result of {@link supportResponseTimes}. */
export interface SupportResponseTimesResult {
  /** Number of tickets. */
  readonly tickets: number;
  /** Time from creation to first response, over the tickets that have a first response. */
  readonly firstResponse: SupportDurationSummary;
  /** Time from creation to resolution, over the resolved tickets. */
  readonly resolution: SupportDurationSummary;
  /** Tickets with neither a response nor a resolution: still waiting for an answer. */
  readonly awaitingResponse: number;
  /** Tickets resolved without a recorded first response (they have no first response time). */
  readonly resolvedWithoutResponse: number;
  /** Tickets not resolved yet. */
  readonly unresolved: number;
  /** The unit of every duration. */
  readonly unit: DurationUnit;
}

const ticketSchema = /* @__PURE__ */ (() =>
  z.strictObject({ createdAt: date, firstResponseAt: optionalDate, resolvedAt: optionalDate }))();

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ tickets: bulkArray<SupportTicket>('an array of tickets') }))();

function reject(ticket: unknown, index: number): never {
  return rejectElement(METRIC, ticketSchema, ticket, ['tickets', index]);
}

/**
 * First response and resolution times of support tickets (FRT and TTR): count, mean, median and p90.
 *
 * @remarks
 * For each ticket, first response time = `firstResponseAt − createdAt` and resolution time =
 * `resolvedAt − createdAt`, in calendar time (Zendesk's "first reply time" and "full resolution time" in
 * calendar hours; business-hours schedules are not applied). Each set of durations is summarised by its
 * count, mean, median and 90th percentile. Percentiles use linear interpolation between closest ranks
 * (Hyndman & Fan's definition 7; numpy's default, Excel's PERCENTILE.INC): for sorted x₀…xₙ₋₁,
 * h = (n − 1)·p and the percentile is x_l + (h − l)(x_{l+1} − x_l) with l = ⌊h⌋.
 *
 * Open tickets are counted, never dropped nor taken as zero: a ticket without `firstResponseAt` is outside
 * the first-response statistics and counted in `awaitingResponse` (or, if it was resolved anyway, in
 * `resolvedWithoutResponse`); a ticket without `resolvedAt` is counted in `unresolved`. So
 * `firstResponse.count + awaitingResponse + resolvedWithoutResponse = tickets` and
 * `resolution.count + unresolved = tickets`. When no ticket has a response (or none is resolved) that
 * summary has `count: 0` and `null` statistics, as Zendesk leaves the metric null until both events happened.
 * A resolution before the first response is accepted (a ticket solved without a reply and answered after
 * it was reopened), but neither may come before the creation.
 *
 * Exact: durations are whole milliseconds (ISO strings and Dates carry no more), and the mean and each
 * percentile are one ratio of integers converted once, so `unit: 'minute'` gives exactly 60 × the rational
 * that `unit: 'hour'` rounds.
 *
 * Source: the support metrics of the source documents ("first time to response" and "full time for
 * resolution", `docs/sources.md` row 27); definitions as Zendesk's native first reply time and full
 * resolution time (time from ticket creation to the first public agent reply, and to the last resolution).
 *
 * Unit: `unit` (default hours) for every duration; counts for the rest. Linear in the number of tickets:
 * the percentiles are found by selection, not by sorting.
 *
 * @param input - `{ tickets: [{ createdAt, firstResponseAt?, resolvedAt? }] }`; dates are ISO strings,
 * `Date`s or epoch milliseconds.
 * @param options - `{ unit = 'hour' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `tickets` is not an array, a ticket is not an object,
 * has an unknown key or a date that is not valid (the issue names it: `['tickets', 12, 'createdAt']`), a
 * response or resolution comes before the ticket's creation (`['tickets', 12, 'firstResponseAt']`), or
 * `unit` is not one of the units.
 * @throws {@link MetricError} `NO_DATA` when there are no tickets.
 * @example
 * ```ts
 * const times = supportResponseTimes({
 *   tickets: [
 *     { createdAt: '2024-03-04T09:00:00Z', firstResponseAt: '2024-03-04T09:30:00Z', resolvedAt: '2024-03-04T11:00:00Z' },
 *     { createdAt: '2024-03-04T10:00:00Z', firstResponseAt: '2024-03-04T12:00:00Z', resolvedAt: '2024-03-05T10:00:00Z' },
 *     { createdAt: '2024-03-04T11:00:00Z' },
 *   ],
 * });
 * times.firstResponse; // => { count: 2, mean: 1.25, median: 1.25, p90: 1.85 }
 * times.resolution; // => { count: 2, mean: 13, median: 13, p90: 21.8 }
 * times.awaitingResponse; // => 1
 * times.unresolved; // => 1
 * ```
 * @category Support
 */
export function supportResponseTimes(
  input: SupportResponseTimesInput,
  options?: SupportResponseTimesOptions,
): SupportResponseTimesResult {
  const { tickets } = parse(METRIC, inputSchema, input);
  const unit = parseOptions(METRIC, unitOptions, options).unit ?? 'hour';
  const count = tickets.length;
  if (count === 0) noData(METRIC, ['tickets'], 'has no tickets');
  const responses = new Float64Array(count);
  const resolutions = new Float64Array(count);
  let responded = 0;
  let resolved = 0;
  let resolvedWithoutResponse = 0;
  const iterator = ownIterator(tickets);
  for (let i = 0; i < count; i++) {
    const ticket = (iterator === undefined ? tickets[i] : nextElement(iterator)) as SupportTicket;
    if (typeof ticket !== 'object' || ticket === null) reject(ticket, i);
    const createdAt = ticket.createdAt;
    const firstResponseAt = ticket.firstResponseAt;
    const resolvedAt = ticket.resolvedAt;
    const created = toEpoch(createdAt);
    if (!hasOnlyKeys(ticket, 'createdAt', 'firstResponseAt', 'resolvedAt')) reject(ticket, i);
    // A bad value is reported as read here, not read again.
    if (Number.isNaN(created)) reject({ createdAt, firstResponseAt, resolvedAt }, i);
    const hasResponse = firstResponseAt !== undefined && firstResponseAt !== null;
    if (hasResponse) {
      const at = toEpoch(firstResponseAt);
      if (!(at >= created)) {
        if (Number.isNaN(at)) reject({ createdAt, firstResponseAt, resolvedAt }, i);
        invalid(METRIC, ['tickets', i, 'firstResponseAt'], 'must not be before createdAt');
      }
      responses[responded++] = at - created;
    }
    if (resolvedAt !== undefined && resolvedAt !== null) {
      const at = toEpoch(resolvedAt);
      if (!(at >= created)) {
        if (Number.isNaN(at)) reject({ createdAt, firstResponseAt, resolvedAt }, i);
        invalid(METRIC, ['tickets', i, 'resolvedAt'], 'must not be before createdAt');
      }
      resolutions[resolved++] = at - created;
      if (!hasResponse) resolvedWithoutResponse++;
    }
  }
  const unitMs = unitMilliseconds(unit);
  return {
    tickets: count,
    firstResponse: summarizeDurations(responses, responded, unitMs),
    resolution: summarizeDurations(resolutions, resolved, unitMs),
    awaitingResponse: count - responded - resolvedWithoutResponse,
    resolvedWithoutResponse,
    unresolved: count - resolved,
    unit,
  };
}
