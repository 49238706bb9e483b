// trials: trial-to-paid conversion from a file of subscription records, the trials read from the records
// themselves (a `trialing` record, or a record with a `trialStart`).
import { type TrialRecord, trialConversion } from '../../revenue/index.js';
import {
  type Command,
  FILE_OPTIONS,
  type LoadedRecords,
  loadRecords,
  inputFile,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { DAY_MS, epochOf, formatDay } from '../dates.js';
import { InputError, UsageError } from '../errors.js';
import type { Output } from '../output.js';
import { dateWindow } from '../periods.js';
import { SUBSCRIPTION_FIELDS, type SubscriptionRow } from './revenue.js';
import { confidenceOption } from './survey.js';

/** A trial and the record it was read from. */
interface Trial {
  readonly trial: TrialRecord;
  readonly source: number;
  /** The column the trial's start was read from. */
  readonly startColumn: 'start' | 'trialStart';
}

/** Statuses that do not make a record a paid one. */
const UNPAID = new Set(['trialing', 'paused']);

/**
 * The trials of a file of subscription records: a `trialing` record is a trial from its `start` to its `end`,
 * converted at the `start` of the customer's first paid record (any status but `trialing` and `paused`, with a
 * span that is not empty) starting at or after the trial's start; a record with a `trialStart` is a trial from
 * then, converted at its `start` unless its paid span is empty (`end` equal to `start`).
 */
export function trialsOf(loaded: LoadedRecords<SubscriptionRow>): Trial[] {
  const time = (field: 'start' | 'end' | 'trialStart', i: number, required: boolean): number | undefined => {
    const value = loaded.value(field, i);
    if (value === undefined && !required) return undefined;
    const epoch = epochOf(value);
    if (Number.isNaN(epoch)) {
      const column = loaded.columns[field] ?? field;
      const problem =
        value === undefined ? 'is required for a trial' : `must be a date such as 2024-01-31, not '${String(value)}'`;
      throw new InputError(loaded.file, loaded.locations.at(i), column, `${column} ${problem}`);
    }
    return epoch;
  };
  // Each customer's paid starts, to find the first one at or after a trial's start.
  const paid = new Map<string, number[]>();
  const trials: Trial[] = [];
  for (let i = 0; i < loaded.length; i++) {
    const customerId = String(loaded.value('customerId', i) ?? '');
    const status = loaded.value('status', i);
    const trialStart = time('trialStart', i, false);
    if (status === 'trialing') {
      const start = time('start', i, true) as number;
      const end = time('end', i, false);
      trials.push({
        trial: { customerId, start, ...(end === undefined ? {} : { end }) },
        source: i,
        startColumn: 'start',
      });
      continue;
    }
    const start = time('start', i, trialStart !== undefined);
    const end = time('end', i, false);
    if (trialStart !== undefined && trialStart > (start as number)) {
      const column = loaded.columns.trialStart ?? 'trialStart';
      throw new InputError(loaded.file, loaded.locations.at(i), column, `${column} must not be after start`);
    }
    if (start === undefined || UNPAID.has(String(status)) || (end !== undefined && end <= start)) {
      if (trialStart !== undefined) trials.push(trialFromStart(customerId, trialStart, start as number, i));
      continue;
    }
    const starts = paid.get(customerId) ?? [];
    starts.push(start);
    paid.set(customerId, starts);
    if (trialStart !== undefined) {
      trials.push({
        trial: { customerId, start: trialStart, end: start, convertedAt: start },
        source: i,
        startColumn: 'trialStart',
      });
    }
  }
  return trials.map((entry) => {
    if (entry.startColumn !== 'start' || entry.trial.convertedAt !== undefined) return entry;
    const begin = entry.trial.start as number;
    let convertedAt = Number.POSITIVE_INFINITY;
    for (const start of paid.get(entry.trial.customerId) ?? [])
      if (start >= begin) convertedAt = Math.min(convertedAt, start);
    return Number.isFinite(convertedAt) ? { ...entry, trial: { ...entry.trial, convertedAt } } : entry;
  });
}

/** A trial read from a `trialStart` whose paid span is empty: it ended at `start` without converting. */
function trialFromStart(customerId: string, trialStart: number, start: number, source: number): Trial {
  return { trial: { customerId, start: trialStart, end: start }, source, startColumn: 'trialStart' };
}

/** Midnight UTC of the last day on which a record of the file starts or ends. */
function latestDay(loaded: LoadedRecords<SubscriptionRow>): number {
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < loaded.length; i++) {
    for (const field of ['start', 'end'] as const) {
      const time = epochOf(loaded.value(field, i));
      if (!Number.isNaN(time)) last = Math.max(last, time);
    }
  }
  return Math.floor(last / DAY_MS) * DAY_MS;
}

export const trials: Command = {
  name: 'trials',
  summary: 'trial-to-paid conversion: the share of the trials started in a period that became paying',
  usage:
    'cs-metrics trials <subscriptions file> [--from 2024-01-01] [--to 2024-12-31] [--within 30] [--as-of 2025-01-31]',
  description:
    'Reads subscription records (customerId, start, end, status, trialStart) and reports, of the trials started from --from to --to (UTC days, both included), how many converted, how many may still convert, the conversion rate and its Wilson interval. A record with status trialing is a trial from its start to its end; it converted at the start of the same customer’s first paid record (any status but trialing and paused, with a span that is not empty) that starts on or after the trial’s start. A record with a trialStart is a trial from that day, converted at its start unless its span is empty (end equal to start). --within N counts only conversions within N days of the trial’s start; --as-of dates the figure (default: the end of --to, or without --to the file’s last start or end): later conversions are not known yet.',
  options: {
    from: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'first UTC day on which trials started, included (default: the day of the first trial)',
    },
    to: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'last UTC day on which trials started, included (default: the day of the last trial)',
    },
    within: {
      type: 'string',
      value: 'days',
      description: 'count a conversion only within this many days of the trial’s start',
    },
    'as-of': {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'the day the figure is taken at, included (default: --to, else the file’s last date)',
    },
    confidence: { type: 'string', value: 'level', default: '0.95', description: 'confidence level of the interval' },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { from: '--from', to: '--to', within: '--within', asOf: '--as-of', confidence: '--confidence' },
  examples: [
    'cs-metrics trials examples/data/subscriptions.csv --from 2024-01-01 --to 2024-06-30 --within 30',
    'cs-metrics trials subscriptions.csv --from 2024-01-01 --to 2024-12-31 --as-of 2025-01-31 --json',
  ],
  async run(context) {
    const file = inputFile(context);
    const window = dateWindow(context);
    const within = numberOption(context, 'within');
    if (within !== undefined && !(within > 0))
      throw new UsageError(
        `--within must be a number of days greater than 0, not '${stringOption(context, 'within')}'`,
      );
    const confidence = confidenceOption(context);
    const asOfText = stringOption(context, 'as-of');
    const asOfDay = asOfText === undefined ? undefined : epochOf(/^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? asOfText : '');
    if (asOfDay !== undefined && Number.isNaN(asOfDay))
      throw new UsageError(`--as-of must be a day written YYYY-MM-DD, not '${asOfText}'`);
    const loaded = await loadRecords(context, file, SUBSCRIPTION_FIELDS);
    const found = trialsOf(loaded);
    if (found.length === 0)
      throw new UsageError(`${file} holds no trials: no record has status trialing or a trialStart`);
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const { trial } of found) {
      first = Math.min(first, trial.start as number);
      last = Math.max(last, trial.start as number);
    }
    const from = Number.isFinite(window.start) ? window.start : Math.floor(first / DAY_MS) * DAY_MS;
    const end = Number.isFinite(window.end) ? window.end : Math.floor(last / DAY_MS) * DAY_MS + DAY_MS;
    // Without --to, the figure is as the file knows it: at the end of its last day.
    const known = Number.isFinite(window.end) ? end : Math.max(end, latestDay(loaded) + DAY_MS);
    const asOf = asOfDay === undefined ? known : asOfDay + DAY_MS;
    if (asOf <= from)
      throw new UsageError(`--as-of ${asOfText} is before the first day of the trials, ${formatDay(from)}`);
    const list = found.map(({ trial }) => trial);
    const columns = {
      customerId: loaded.columns.customerId ?? 'customerId',
      start: loaded.columns.start ?? 'start',
      end: loaded.columns.end ?? 'end',
      convertedAt: loaded.columns.start ?? 'start',
    };
    const result = locate(file, { at: (i) => loaded.locations.at(found[i]?.source ?? -1) }, columns, () =>
      trialConversion(
        { trials: list },
        {
          from: formatDay(from),
          to: formatDay(end),
          asOf: formatDay(asOf),
          ...(within === undefined ? {} : { within }),
          ...(confidence === undefined ? {} : { confidence }),
        },
      ),
    );
    const days = `${formatDay(from)} to ${formatDay(end - DAY_MS)}`;
    return {
      json: {
        from: formatDay(from),
        to: formatDay(end - DAY_MS),
        asOf: formatDay(asOf - DAY_MS),
        ...(within === undefined ? {} : { within }),
        ...result,
      },
      tables: [
        {
          title: `Trial conversion — ${file}`,
          columns: [
            { name: 'trials started' },
            { name: 'started', kind: 'integer' },
            { name: 'converted', kind: 'integer' },
            { name: 'pending', kind: 'integer' },
            { name: 'conversion', kind: 'percent' },
            { name: 'low', kind: 'percent' },
            { name: 'high', kind: 'percent' },
          ],
          rows: [
            [
              days,
              result.started,
              result.converted,
              result.pending,
              result.rate,
              result.interval.low,
              result.interval.high,
            ],
          ],
        },
      ],
      notes: [
        `Conversions known by the end of ${formatDay(asOf - DAY_MS)}${within === undefined ? '' : `, within ${within} days of the trial’s start`}; pending trials may still convert. low and high: the ${Math.round((confidence ?? 0.95) * 100)} % Wilson interval.`,
      ],
    } satisfies Output;
  },
};
