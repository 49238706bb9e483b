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
import {
  attributesField,
  checkSegmentOptions,
  SegmentCollector,
  isAttributes,
  type SegmentGroups,
  type Segmented,
  type SegmentedOptions,
  segmentedShape,
  segmentEntries,
} from '../internal/segmented.js';

export type { MissingSegment, SegmentBy } from '../internal/segments.js';
export type { SegmentEntry, Segmented } from '../internal/segmented.js';

const METRIC = 'supportResponseTimes';

/** One support ticket: when it was created, first answered and resolved. */
export interface SupportTicket {
  /** When the ticket was created: an ISO string, a `Date` or epoch milliseconds. */
  readonly createdAt: string | Date | number;
  /** The first reply by an agent; absent or `null` while the ticket has had none. Not before `createdAt`. */
  readonly firstResponseAt?: string | Date | number | null | undefined;
  /** When the ticket was resolved; absent or `null` while it is open. Not before `createdAt`. */
  readonly resolvedAt?: string | Date | number | null | undefined;
  /** Segment keys of the ticket, such as `{ channel: 'email', tier: 'enterprise' }`: a plain object of strings. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
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

/**
 * Options of {@link supportResponseTimes} broken down by segment: `segmentBy` (an attribute name, read from
 * each ticket's `attributes`, or a function of the ticket), `missingSegment`, and `minimumSegmentSize`
 * (tickets; default 30).
 */
export interface SupportResponseTimesSegmentOptions
  extends SupportResponseTimesOptions,
    SegmentedOptions<SupportTicket> {}

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
  z.strictObject({
    createdAt: date,
    firstResponseAt: optionalDate,
    resolvedAt: optionalDate,
    attributes: attributesField,
  }))();

const optionsSchema = /* @__PURE__ */ (() => z.extend(unitOptions, segmentedShape))();

/**
 * The default `minimumSegmentSize`: 30 tickets. The p90 of fewer than 30 durations rests on the two or three
 * slowest tickets, and 30 is the customary smallest sample for a mean read with the normal approximation.
 */
const MINIMUM_SEGMENT_SIZE = 30;

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
 * Segments: with `segmentBy` (an attribute name, read from each ticket's `attributes`, or a function
 * `(ticket, index) => string`) the result is `{ total, segments: [{ segment, size, result, smallSample }] }`:
 * `total` is exactly the call without `segmentBy`, each `result` is the call on the segment's tickets alone,
 * `size` is the segment's tickets, and `smallSample` flags a size below `minimumSegmentSize` (default 30
 * tickets: below it the p90 rests on the two or three slowest). Segments are listed by name, `'(none)'` last.
 *
 * Unit: `unit` (default hours) for every duration; counts for the rest. Linear in the number of tickets:
 * the percentiles are found by selection, not by sorting.
 *
 * @param input - `{ tickets: [{ createdAt, firstResponseAt?, resolvedAt?, attributes? }] }`; dates are ISO
 * strings, `Date`s or epoch milliseconds; `attributes` is a plain object of strings.
 * @param options - `{ unit = 'hour', segmentBy?, missingSegment = 'error', minimumSegmentSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `tickets` is not an array, a ticket is not an object,
 * has an unknown key or a date that is not valid (the issue names it: `['tickets', 12, 'createdAt']`), a
 * response or resolution comes before the ticket's creation (`['tickets', 12, 'firstResponseAt']`), or
 * `unit` is not one of the units; with `segmentBy`, when a ticket lacks the attribute
 * (`['tickets', 3, 'attributes', 'channel']`, unless `missingSegment: 'group'`) or the function throws or
 * returns anything but a non-empty string (`['tickets', 3]`); `missingSegment` or `minimumSegmentSize`
 * without `segmentBy`.
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
 *
 * const byChannel = supportResponseTimes(
 *   {
 *     tickets: [
 *       { createdAt: '2024-03-04T09:00:00Z', firstResponseAt: '2024-03-04T09:30:00Z', attributes: { channel: 'chat' } },
 *       { createdAt: '2024-03-04T10:00:00Z', firstResponseAt: '2024-03-04T12:00:00Z', attributes: { channel: 'email' } },
 *       { createdAt: '2024-03-04T11:00:00Z', firstResponseAt: '2024-03-04T15:00:00Z', attributes: { channel: 'email' } },
 *     ],
 *   },
 *   { segmentBy: 'channel' },
 * );
 * byChannel.total.firstResponse.mean; // => 2.1666666666666665
 * byChannel.segments.map((entry) => [entry.segment, entry.size, entry.result?.firstResponse.median]); // => [['chat', 1, 0.5], ['email', 2, 3]]
 * ```
 * @category Support
 */
export function supportResponseTimes(
  input: SupportResponseTimesInput,
  options: SupportResponseTimesSegmentOptions,
): Segmented<SupportResponseTimesResult>;
export function supportResponseTimes(
  input: SupportResponseTimesInput,
  options?: SupportResponseTimesOptions,
): SupportResponseTimesResult;
export function supportResponseTimes(
  input: SupportResponseTimesInput,
  options?: SupportResponseTimesOptions | SupportResponseTimesSegmentOptions,
): SupportResponseTimesResult | Segmented<SupportResponseTimesResult> {
  const { tickets } = parse(METRIC, inputSchema, input);
  const parsed = parseOptions(METRIC, optionsSchema, options);
  checkSegmentOptions(METRIC, parsed);
  const unit = parsed.unit ?? 'hour';
  const count = tickets.length;
  if (count === 0) noData(METRIC, ['tickets'], 'has no tickets');
  const { segmentBy } = parsed;
  if (segmentBy === undefined) return summarize(readTickets(tickets, undefined), unit);
  // Each ticket's durations (NaN where it has none), to be gathered by segment once the keys are read.
  const columns: Columns = { response: new Float64Array(count), resolution: new Float64Array(count) };
  const collector = new SegmentCollector(METRIC, 'tickets', count, { ...parsed, segmentBy });
  const all = readTickets(tickets, columns, collector);
  const total = summarize(all, unit);
  const groups = collector.groups();
  // The total's arrays are free again once it is summarised: the segments' durations go there.
  const tallies = segmentTallies(columns, groups, all.responses, all.resolutions);
  const segments = segmentEntries(
    groups.ids,
    parsed.minimumSegmentSize ?? MINIMUM_SEGMENT_SIZE,
    (s) => (tallies[s] as Tally).count,
    (s) => summarize(tallies[s] as Tally, unit),
  );
  return { total, segments };
}

/** Each ticket's first response and resolution times, NaN where the ticket has none. */
interface Columns {
  readonly response: Float64Array;
  readonly resolution: Float64Array;
}

/** The durations of some tickets (the first `responded` and `resolved` of each array), and their counts. */
interface Tally {
  readonly count: number;
  readonly responses: Float64Array;
  readonly resolutions: Float64Array;
  readonly responded: number;
  readonly resolved: number;
  readonly resolvedWithoutResponse: number;
}

/**
 * The checked pass over the tickets; fills `columns`, when given, with each ticket's durations, and reads
 * each ticket's segment into `segments`, when given.
 */
function readTickets(
  tickets: ArrayLike<SupportTicket>,
  columns: Columns | undefined,
  segments?: SegmentCollector,
): Tally {
  const count = tickets.length;
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
    const attributes = ticket.attributes;
    const created = toEpoch(createdAt);
    if (!hasOnlyKeys(ticket, 'createdAt', 'firstResponseAt', 'resolvedAt', 'attributes')) reject(ticket, i);
    // A bad value is reported as read here, not read again.
    if (Number.isNaN(created) || (attributes !== undefined && !isAttributes(attributes, segments?.seen))) {
      reject({ createdAt, firstResponseAt, resolvedAt, attributes }, i);
    }
    const hasResponse = firstResponseAt !== undefined && firstResponseAt !== null;
    if (hasResponse) {
      const at = toEpoch(firstResponseAt);
      if (!(at >= created)) {
        if (Number.isNaN(at)) reject({ createdAt, firstResponseAt, resolvedAt, attributes }, i);
        invalid(METRIC, ['tickets', i, 'firstResponseAt'], 'must not be before createdAt');
      }
      responses[responded++] = at - created;
      if (columns !== undefined) columns.response[i] = at - created;
    } else if (columns !== undefined) columns.response[i] = Number.NaN;
    if (resolvedAt !== undefined && resolvedAt !== null) {
      const at = toEpoch(resolvedAt);
      if (!(at >= created)) {
        if (Number.isNaN(at)) reject({ createdAt, firstResponseAt, resolvedAt, attributes }, i);
        invalid(METRIC, ['tickets', i, 'resolvedAt'], 'must not be before createdAt');
      }
      resolutions[resolved++] = at - created;
      if (!hasResponse) resolvedWithoutResponse++;
      if (columns !== undefined) columns.resolution[i] = at - created;
    } else if (columns !== undefined) columns.resolution[i] = Number.NaN;
    segments?.add(ticket, i);
  }
  return { count, responses, resolutions, responded, resolved, resolvedWithoutResponse };
}

/**
 * The tallies of every segment, in one pass in ticket order: each segment's durations are gathered into its
 * own stretch (`offsets[s]` on) of two shared arrays, so the reads are sequential and the writes go to one
 * place per segment.
 */
function segmentTallies(
  columns: Columns,
  groups: SegmentGroups,
  responses: Float64Array,
  resolutions: Float64Array,
): Tally[] {
  const { segmentOf, offsets } = groups;
  const count = segmentOf.length;
  const segments = offsets.length - 1;
  const responseAt = offsets.slice(0, segments);
  const resolutionAt = offsets.slice(0, segments);
  const unanswered = new Int32Array(segments);
  for (let i = 0; i < count; i++) {
    const s = segmentOf[i] as number;
    const response = columns.response[i] as number;
    const resolution = columns.resolution[i] as number;
    // NaN (no such event) fails both comparisons.
    if (response >= 0) {
      responses[responseAt[s] as number] = response;
      responseAt[s] = (responseAt[s] as number) + 1;
    }
    if (resolution >= 0) {
      resolutions[resolutionAt[s] as number] = resolution;
      resolutionAt[s] = (resolutionAt[s] as number) + 1;
      if (!(response >= 0)) unanswered[s] = (unanswered[s] as number) + 1;
    }
  }
  const tallies: Tally[] = [];
  for (let s = 0; s < segments; s++) {
    const first = offsets[s] as number;
    const last = offsets[s + 1] as number;
    tallies.push({
      count: last - first,
      responses: responses.subarray(first, last),
      resolutions: resolutions.subarray(first, last),
      responded: (responseAt[s] as number) - first,
      resolved: (resolutionAt[s] as number) - first,
      resolvedWithoutResponse: unanswered[s] as number,
    });
  }
  return tallies;
}

/** The result of a tally; reorders its durations. */
function summarize(tally: Tally, unit: DurationUnit): SupportResponseTimesResult {
  const { count, responses, resolutions, responded, resolved, resolvedWithoutResponse } = tally;
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
