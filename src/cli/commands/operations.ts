// support and engagement: ticket times, first contact resolution, stickiness, adoption, session length and
// time to first value.
import {
  type ActivityEvent,
  adoptionRate,
  averageSessionDuration,
  type Session,
  stickiness,
  type TimeToFirstValueCustomer,
  timeToFirstValue,
} from '../../engagement/index.js';
import { firstContactResolutionRate, type SupportTicket, supportResponseTimes } from '../../support/index.js';
import {
  type Command,
  choiceOption,
  FILE_OPTIONS,
  type FieldSpecs,
  inputFile,
  type LoadedRecords,
  loadRecords,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { lazyArray } from '../columns.js';
import { DAY_MS, epochOf, formatDay } from '../dates.js';
import { UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';
import { type DateWindow, dateWindow, hasWindow, mappedColumn, WINDOW_OPTIONS, windowFilter } from '../periods.js';

import { columnByOption, columnSegment } from './columnSegments.js';
import {
  loadSegmentRecords,
  locateSegmented,
  MISSING_SEGMENT_OPTION,
  minimumSegmentSize,
  minimumSegmentSizeOption,
  segmentOptions,
} from './segments.js';
import { SUPPORT_MINIMUM_SEGMENT_SIZE, supportSegmentOutput } from './supportSegments.js';

const UNITS = ['ms', 'second', 'minute', 'hour', 'day', 'week'] as const;

/** Columns read for the command but not passed to the library. */
const CONTACTS: ReadonlySet<string> = new Set(['contacts']);
const FEATURE: ReadonlySet<string> = new Set(['feature']);

export const TICKET_FIELDS: FieldSpecs<SupportTicket & { readonly contacts?: number }> = {
  createdAt: { column: 'createdAt', kind: 'date', required: true },
  firstResponseAt: { column: 'firstResponseAt', kind: 'date' },
  resolvedAt: { column: 'resolvedAt', kind: 'date' },
  contacts: { column: 'contacts', kind: 'number' },
};

function summaryRows(
  name: string,
  summary: { count: number; mean: number | null; median: number | null; p90: number | null },
) {
  return [name, summary.count, summary.mean, summary.median, summary.p90];
}

export const support: Command = {
  name: 'support',
  summary: 'first response and resolution times, and first contact resolution',
  usage: 'cs-metrics support <tickets file> [--unit hour]',
  description:
    'Reads tickets (createdAt, firstResponseAt, resolvedAt; blank while pending) and reports count, mean, median and 90th percentile of first response and resolution times, the tickets still waiting, and, when a contacts column is present, the first contact resolution rate (resolved in one contact ÷ resolved). Percentiles interpolate linearly between closest ranks.',
  options: {
    unit: {
      type: 'string',
      value: 'ms|second|minute|hour|day|week',
      default: 'hour',
      description: 'unit of the times',
    },
    ...WINDOW_OPTIONS,
    ...columnByOption('tickets'),
    ...MISSING_SEGMENT_OPTION,
    ...minimumSegmentSizeOption(SUPPORT_MINIMUM_SEGMENT_SIZE),
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { unit: '--unit' },
  examples: [
    'cs-metrics support examples/data/tickets.csv',
    'cs-metrics support tickets.csv --unit minute --json',
    'cs-metrics support examples/data/tickets.csv --by region',
  ],
  async run(context) {
    const file = inputFile(context);
    const unit = choiceOption(context, 'unit', UNITS) ?? 'hour';
    // --from and --to keep the tickets created on those days (UTC).
    const window = windowFilter(context, file, mappedColumn(context, 'createdAt'), 'tickets');
    const segment = columnSegment(context, 'support', '--from and --to');
    const minimum = minimumSegmentSize(context, SUPPORT_MINIMUM_SEGMENT_SIZE);
    const loaded = await loadSegmentRecords(context, file, TICKET_FIELDS, segment, window.keep);
    if (loaded.length === 0) throw window.nothingLeft();
    const tickets = lazyArray(loaded.length, (i) => loaded.record(i, CONTACTS));
    const segmented =
      segment === undefined
        ? undefined
        : locateSegmented(loaded, segment, 'ticket', () =>
            supportResponseTimes({ tickets }, { unit, ...segmentOptions(segment), minimumSegmentSize: minimum }),
          );
    const times =
      segmented?.total ??
      locate(file, loaded.locations, loaded.columns, () => supportResponseTimes({ tickets }, { unit }));
    let resolved = 0;
    let resolvedOnFirstContact = 0;
    for (let i = 0; i < loaded.length; i++) {
      const contacts = loaded.value('contacts', i);
      if (loaded.value('resolvedAt', i) === undefined || contacts === undefined) continue;
      resolved++;
      if (contacts === 1) resolvedOnFirstContact++;
    }
    const fcr = resolved > 0 ? firstContactResolutionRate({ resolvedOnFirstContact, resolved }) : null;
    const tables: Table[] = [
      {
        title: `Support times in ${unit}s — ${file}`,
        columns: [
          { name: 'time to' },
          { name: 'tickets', kind: 'integer' },
          { name: 'mean', kind: 'number' },
          { name: 'median', kind: 'number' },
          { name: 'p90', kind: 'number' },
        ],
        rows: [summaryRows('first response', times.firstResponse), summaryRows('resolution', times.resolution)],
      },
      {
        title: 'Tickets',
        columns: [{ name: 'measure' }, { name: 'value', kind: 'integer' }],
        rows: [
          ['tickets', times.tickets],
          ['awaiting a first response', times.awaitingResponse],
          ['resolved without a response', times.resolvedWithoutResponse],
          ['unresolved', times.unresolved],
          ['first contact resolution', fcr === null ? null : cell(fcr, 'percent')],
        ],
      },
    ];
    const json = { ...times, firstContactResolutionRate: fcr };
    if (segmented === undefined || segment === undefined) return { json, tables, warnings: window.warnings() };
    const { table, notes } = supportSegmentOutput(
      segmented,
      segment,
      `Support times in ${unit}s by ${segment.column} — ${file}`,
      minimum,
    );
    return {
      json: { total: json, segments: segmented.segments },
      tables: [table, ...tables],
      notes,
      warnings: window.warnings(),
    } satisfies Output;
  },
};

export const EVENT_FIELDS: FieldSpecs<ActivityEvent & { readonly feature?: string }> = {
  userId: { column: 'userId', required: true },
  at: { column: 'at', kind: 'date', required: true },
  feature: { column: 'feature' },
};

/** The most days stickiness is measured over (the library's bound on `windowDays`). */
const MAX_WINDOW_DAYS = 366;

/**
 * The days `--from` and `--to` measure, as the library's `asOf` and `windowDays`: `--to` defaults to the day
 * of the last event kept, `--from` to 30 days before `--to`, as without them.
 */
function measuredDays(days: DateWindow, loaded: LoadedRecords<ActivityEvent>): { asOf: string; windowDays: number } {
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < loaded.length; i++) {
    const time = epochOf(loaded.value('at', i));
    if (time > last) last = time;
  }
  const end = Number.isFinite(days.end) ? days.end : Math.floor(last / DAY_MS + 1) * DAY_MS;
  return { asOf: formatDay(end - DAY_MS), windowDays: spanDays(days, end) };
}

/** The days from `--from` (default: 30 days before `end`) to `end`, checked against the library's bound. */
function spanDays(days: DateWindow, end: number): number {
  const start = Number.isFinite(days.start) ? days.start : end - 30 * DAY_MS;
  const windowDays = Math.round((end - start) / DAY_MS);
  if (windowDays > MAX_WINDOW_DAYS) {
    throw new UsageError(
      `${days.flags.join(' ')} spans ${windowDays} days; stickiness is measured over at most ${MAX_WINDOW_DAYS}`,
    );
  }
  return windowDays;
}

export const engagement: Command = {
  name: 'engagement',
  summary: 'stickiness (DAU ÷ MAU), feature adoption, session length and time to first value',
  usage:
    'cs-metrics engagement <events file> [--feature reports] [--from 2024-10-01] [--to 2024-12-31] [--sessions file] [--customers file]',
  description:
    'Reads product events (userId, at, and optionally feature) and reports stickiness: average daily active users over a trailing window ÷ distinct active users in it, as of the last event (or --as-of); with --from and --to, over those days (inclusive UTC days), the events of other days being left out. With --feature, the share of the window’s active users who used that feature in it. With --sessions (userId, start, end), the average session length; with --customers (signedUpAt, firstValueAt), the time to first value.',
  options: {
    'as-of': {
      type: 'string',
      value: 'date',
      description: 'last day of the window (default: the day of the last event)',
    },
    'window-days': { type: 'string', value: 'days', default: '30', description: 'length of the trailing window' },
    feature: { type: 'string', value: 'name', description: 'report the adoption of this feature' },
    sessions: { type: 'string', value: 'file', description: 'a file of sessions: userId, start, end' },
    customers: { type: 'string', value: 'file', description: 'a file of customers: signedUpAt, firstValueAt' },
    unit: { type: 'string', value: 'unit', description: 'unit of session length (minute) and time to value (day)' },
    from: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'first day of the window, included (UTC): events are kept and measured from this day',
    },
    to: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'last day of the window, included (UTC), instead of --as-of (default with --from: the last event)',
    },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { asOf: '--as-of', windowDays: '--window-days', unit: '--unit' },
  examples: [
    'cs-metrics engagement examples/data/events.csv --feature reports --sessions examples/data/sessions.csv --customers examples/data/customers.csv',
    'cs-metrics engagement events.jsonl --window-days 7 --json',
  ],
  async run(context) {
    const file = inputFile(context);
    const days = dateWindow(context);
    if (hasWindow(days) && (context.values['as-of'] !== undefined || context.values['window-days'] !== undefined))
      throw new UsageError('choose --from and --to, or --as-of and --window-days');
    if (Number.isFinite(days.end)) spanDays(days, days.end);
    const filter = windowFilter(context, file, mappedColumn(context, 'at'), 'events');
    const loaded = await loadRecords(context, file, EVENT_FIELDS, filter.keep);
    if (hasWindow(days) && loaded.length === 0) throw filter.nothingLeft();
    const { asOf, windowDays } = hasWindow(days)
      ? measuredDays(days, loaded)
      : { asOf: stringOption(context, 'as-of'), windowDays: numberOption(context, 'window-days') };
    const events = lazyArray(loaded.length, (i) => loaded.record(i, FEATURE));
    const options = { ...(asOf === undefined ? {} : { asOf }), ...(windowDays === undefined ? {} : { windowDays }) };
    const sticky = locate(file, loaded.locations, loaded.columns, () => stickiness({ events }, options));
    const rows: unknown[][] = [['stickiness (DAU ÷ MAU)', cell(sticky, 'percent')]];
    const json: Record<string, unknown> = { stickiness: sticky };
    const feature = stringOption(context, 'feature');
    if (feature !== undefined) {
      // The same window as stickiness: `windowDays` UTC days ending with the day of `asOf` (default: the
      // day of the last event).
      const times = Float64Array.from({ length: loaded.length }, (_, i) => epochOf(loaded.value('at', i)));
      let last = Number.NEGATIVE_INFINITY;
      for (const time of times) if (time > last) last = time;
      const end = Math.floor((asOf === undefined ? last : epochOf(asOf)) / DAY_MS + 1) * DAY_MS;
      const start = end - (windowDays ?? 30) * DAY_MS;
      const users = new Set<string>();
      const adopters = new Set<string>();
      for (let i = 0; i < loaded.length; i++) {
        if (!((times[i] as number) >= start && (times[i] as number) < end)) continue;
        const user = String(loaded.value('userId', i));
        users.add(user);
        if (loaded.value('feature', i) === feature) adopters.add(user);
      }
      const rate = adoptionRate({ adopters: adopters.size, eligibleUsers: users.size });
      json.adoption = { feature, adopters: adopters.size, eligibleUsers: users.size, rate };
      rows.push([`adoption of ${feature}`, cell(rate, 'percent')]);
    }
    const sessionsFile = stringOption(context, 'sessions');
    if (sessionsFile !== undefined) {
      const sessions = await loadRecords<Session>(context, sessionsFile, {
        start: { column: 'start', kind: 'date', required: true },
        end: { column: 'end', kind: 'date', required: true },
      });
      const unit = choiceOption(context, 'unit', UNITS) ?? 'minute';
      const length = locate(sessionsFile, sessions.locations, sessions.columns, () =>
        averageSessionDuration({ sessions: sessions.records }, { unit }),
      );
      json.averageSessionDuration = { value: length, unit, sessions: sessions.length };
      rows.push([`average session (${unit}s)`, cell(length, 'number')]);
    }
    const customersFile = stringOption(context, 'customers');
    if (customersFile !== undefined) {
      const customers = await loadRecords<TimeToFirstValueCustomer>(context, customersFile, {
        startedAt: { column: 'signedUpAt', kind: 'date', required: true },
        firstValueAt: { column: 'firstValueAt', kind: 'date' },
      });
      const unit = choiceOption(context, 'unit', UNITS) ?? 'day';
      const value = locate(customersFile, customers.locations, customers.columns, () =>
        timeToFirstValue({ customers: customers.records }, { unit }),
      );
      json.timeToFirstValue = value;
      rows.push(
        [`time to first value, median (${unit}s)`, cell(value.median, 'number')],
        [`time to first value, p90 (${unit}s)`, cell(value.p90, 'number')],
        ['customers who reached first value', cell(value.reached, 'integer')],
        ['customers still on their way', cell(value.pending, 'integer')],
      );
    }
    return {
      json,
      tables: [{ title: `Engagement — ${file}`, columns: [{ name: 'measure' }, { name: 'value' }], rows }],
      warnings: filter.warnings(),
    } satisfies Output;
  },
};
