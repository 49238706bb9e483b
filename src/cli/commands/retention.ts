// churn and cohorts: from a file of customer lifetimes (id, start, end).
import { cohortRetention } from '../../cohort/index.js';
import { type CustomerLifetime, customerChurn } from '../../retention/index.js';
import {
  type Command,
  type CommandContext,
  choiceOption,
  FILE_OPTIONS,
  type FieldSpecs,
  inputFile,
  type LoadedRecords,
  locate,
  MAP_OPTION,
  type OptionSpec,
  stringOption,
} from '../command.js';
import { addMonths, DAY_MS, epochOf, formatDay, formatMonth, latestOf, monthStart } from '../dates.js';
import { UsageError } from '../errors.js';
import { cell, type Output } from '../output.js';
import { CHURN_MINIMUM_SEGMENT_SIZE, churnSegmentOutput } from './churnSegments.js';
import { COHORT_MINIMUM_SEGMENT_SIZE, cohortSegmentTables, cohortTable, refuseRevenueBy } from './cohortSegments.js';
import { columnByOption, columnSegment } from './columnSegments.js';
import { isRevenueCohorts, REVENUE_COHORT_FLAGS, REVENUE_COHORT_OPTIONS, runRevenueCohorts } from './revenueCohorts.js';
import {
  type DayPeriod,
  dateWindow,
  halfOpenPeriod,
  hasWindow,
  includedDays,
  mappedColumn,
  nothingLeft,
  type WindowFilter,
  windowDays,
  windowFilter,
} from '../periods.js';
import {
  loadSegmentRecords,
  locateSegmented,
  MISSING_SEGMENT_OPTION,
  minimumSegmentSize,
  minimumSegmentSizeOption,
  segmentOptions,
} from './segments.js';

/** The columns of a customer file and the lifetime fields they fill. */
export const LIFETIME_FIELDS: FieldSpecs<CustomerLifetime> = {
  id: { column: 'id', required: true },
  start: { column: 'start', kind: 'date', required: true },
  end: { column: 'end', kind: 'date' },
};

/** The dates of a file of lifetimes, starts and ends. */
export function* lifetimeDates(loaded: LoadedRecords<CustomerLifetime>): Generator<unknown> {
  for (let i = 0; i < loaded.length; i++) {
    yield loaded.value('start', i);
    yield loaded.value('end', i);
  }
}

/** The latest start or end in a file of lifetimes, as epoch milliseconds. */
export function latestDate(loaded: LoadedRecords<CustomerLifetime>): number {
  const latest = latestOf(lifetimeDates(loaded));
  if (Number.isNaN(latest)) throw new UsageError(`${loaded.file} has no dates`);
  return latest;
}

/** The calendar month (UTC) that starts at `start`, as whole days. */
function monthPeriod(start: number): DayPeriod {
  return { start, end: addMonths(start, 1) };
}

/**
 * The period `churn` was asked for, checked before the file is read: `--month`, or the days from `--from` to
 * `--to`, both included; undefined when neither is given (the last month with data).
 */
function askedPeriod(context: CommandContext): DayPeriod | undefined {
  const month = stringOption(context, 'month');
  const window = dateWindow(context);
  if (month !== undefined) {
    if (hasWindow(window)) throw new UsageError('give --month, or --from and --to, not both');
    const start = monthStart(month);
    if (Number.isNaN(start)) throw new UsageError(`--month must be written YYYY-MM, not '${month}'`);
    return monthPeriod(start);
  }
  if (!hasWindow(window)) return undefined;
  if (window.start === Number.NEGATIVE_INFINITY || window.end === Number.POSITIVE_INFINITY) {
    throw new UsageError('give both --from and --to, or --month');
  }
  return window;
}

export const churn: Command = {
  name: 'churn',
  summary: 'customer churn and retention over a period, from customer lifetimes',
  usage: 'cs-metrics churn <customers file> [--month 2024-12 | --from 2024-10-01 --to 2024-12-31]',
  description:
    'Reads customer lifetimes (id, start, end; an empty end means still a customer) and counts the customers at the start of the period, those lost, the new ones and those at the end, with the churn rate (lost ÷ at start) and the retention rate. The period is a calendar month (--month), or the days from --from to --to, both included (UTC), or by default the last month with data. New customers who left inside the period count as lost by default (--new-customer-churn exclude leaves them out, as ChartMogul does; both also adds every new customer to the denominator, lost ÷ (at start + new), as Stripe does). Lifetimes are half-open: a customer whose end is the first day of the period was already gone.',
  options: {
    month: {
      type: 'string',
      value: 'YYYY-MM',
      description: 'the period is this calendar month (default: the last month with data)',
    },
    from: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'first day of the period, included (UTC); needs --to',
    },
    to: {
      type: 'string',
      value: 'YYYY-MM-DD',
      description:
        'last day of the period, included (UTC): --to 2024-12-31 ends the period with that day; needs --from',
    },
    'new-customer-churn': {
      type: 'string',
      value: 'include|exclude|both',
      default: 'include',
      description:
        'whether new customers who left inside the period count as lost (both: and new customers join the denominator)',
    },
    ...columnByOption('customers'),
    ...MISSING_SEGMENT_OPTION,
    ...minimumSegmentSizeOption(CHURN_MINIMUM_SEGMENT_SIZE),
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { newCustomerChurn: '--new-customer-churn' },
  examples: [
    'cs-metrics churn examples/data/customers.csv --month 2024-12',
    'cs-metrics churn customers.csv --from 2024-10-01 --to 2024-12-31 --new-customer-churn exclude --json',
    'cs-metrics churn examples/data/customers.csv --month 2024-12 --by plan',
  ],
  async run(context) {
    const file = inputFile(context);
    const asked = askedPeriod(context);
    const policy = choiceOption(context, 'new-customer-churn', ['include', 'exclude', 'both']);
    const segment = columnSegment(context, 'churn', '--month, or --from and --to');
    const minimum = minimumSegmentSize(context, CHURN_MINIMUM_SEGMENT_SIZE);
    const loaded = await loadSegmentRecords(context, file, LIFETIME_FIELDS, segment);
    if (loaded.length === 0) throw new UsageError(nothingLeft(context, file, 'customers', []));
    // By default the month of the day before the latest date: an end on the 1st closes the month before.
    const days = asked ?? monthPeriod(monthStart(formatMonth(latestDate(loaded) - DAY_MS)));
    const period = halfOpenPeriod(days);
    const options = policy === undefined ? {} : { newCustomerChurn: policy };
    const included = includedDays(days);
    const title = `Customer churn, ${included.from} to ${included.to} — ${file}`;
    if (segment !== undefined) {
      const segmented = locateSegmented(loaded, segment, 'customer', () =>
        customerChurn(
          { customers: loaded.records, period },
          { ...options, ...segmentOptions(segment), minimumSegmentSize: minimum },
        ),
      );
      const { table, notes } = churnSegmentOutput(segmented, segment, `${title}, by ${segment.column}`, minimum);
      return { json: { period: included, ...segmented }, tables: [table], notes } satisfies Output;
    }
    const result = locate(file, loaded.locations, loaded.columns, () =>
      customerChurn({ customers: loaded.records, period }, options),
    );
    return {
      json: { period: included, ...result },
      tables: [
        {
          title,
          columns: [{ name: 'measure' }, { name: 'value', kind: 'integer' }],
          rows: [
            ['customers at start', result.customersAtStart],
            ['new customers', result.newCustomers],
            ['customers lost', result.customersLost],
            ['  of them new in the period', result.newCustomersLost],
            ['customers at end', result.customersAtEnd],
            ['churn rate', cell(result.churnRate, 'percent')],
            ['retention rate', cell(result.retentionRate, 'percent')],
          ],
        },
      ],
    } satisfies Output;
  },
};

/** `--from` and `--to` of the commands that group customers by the day they started. */
export const START_WINDOW_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  from: {
    type: 'string',
    value: 'YYYY-MM-DD',
    description: 'keep the customers who started on or after this day (UTC)',
  },
  to: {
    type: 'string',
    value: 'YYYY-MM-DD',
    description: 'keep the customers who started on or before this day (UTC)',
  },
};

/** `--from` and `--to` on the customers' starts, and the latest date of the file for a default `--as-of`. */
export interface StartWindow extends WindowFilter {
  /** The latest start or end of the file (after `--where`), the customers left out by the window included. */
  latest(loaded: LoadedRecords<CustomerLifetime>): number;
  /** ` of the customers who started 2024-01-01 to 2024-06-30`, or nothing without a window: for titles. */
  readonly title: string;
}

/**
 * The customers who started from `--from` to `--to` (inclusive UTC days), checked before the file is read. The
 * others are left out, but their dates still count for the last date of the file, which dates the analysis
 * by default: a customer still active is followed up to the end of the data, not to the last end of a cohort.
 */
export function startWindow(context: CommandContext, file: string): StartWindow {
  const startColumn = mappedColumn(context, 'start');
  const filter = windowFilter(context, file, startColumn, 'customers', 'started from');
  if (!hasWindow(filter.window)) return { ...filter, latest: latestDate, title: '' };
  const columns = [startColumn, mappedColumn(context, 'end')];
  let latest = Number.NaN;
  return {
    ...filter,
    keep(record) {
      for (const column of columns) {
        const time = epochOf(record.fields[column]);
        if (!(time <= latest) && !Number.isNaN(time)) latest = time;
      }
      return filter.keep(record);
    },
    latest: (loaded) => (Number.isNaN(latest) ? latestDate(loaded) : latest),
    title: ` of the customers who started ${windowDays(filter.window)}`,
  };
}

export const cohorts: Command = {
  name: 'cohorts',
  summary: 'retention of customers (or of their MRR, --revenue) grouped by the month (week, quarter) they started',
  usage:
    'cs-metrics cohorts <customers file> [--period month] [--as-of 2024-12-31] [--from 2024-01-01 --to 2024-06-30]\n       cs-metrics cohorts --revenue <subscriptions file> [--show net|gross|ltv|customers] [--period month|quarter|year] [--from 2024-01] [--to 2024-12 | --as-of 2025-01-01]',
  description:
    'Groups customers by the period they started in and reports, for each cohort and each period since, the share still a customer at the end of that period, with a size-weighted average row. Periods that have not ended by --as-of are not reported. --from and --to (inclusive UTC days) keep the customers who started on those days, cohorts being by start: a customer who started before --from is left out even if still a customer in the window. With --revenue, reads subscription records as mrr does and groups customers by the month (--period quarter or year) of their first payment: net MRR retention for each period since (--show gross, ltv for the realized value per customer, customers for those still paying), with the average row weighted by starting MRR; --from is the first cohort month, --to the last month (default: the month of the last start or end in the file), or --as-of a date whose month is not reported.',
  options: {
    period: {
      type: 'string',
      value: 'month|week|quarter|year',
      default: 'month',
      description: 'cohort period (week: customers only; year: --revenue only)',
    },
    'as-of': {
      type: 'string',
      value: 'date',
      description: 'the date of the analysis (default: the last date in the file)',
    },
    ...START_WINDOW_OPTIONS,
    ...columnByOption('customers'),
    ...MISSING_SEGMENT_OPTION,
    ...minimumSegmentSizeOption(COHORT_MINIMUM_SEGMENT_SIZE),
    ...REVENUE_COHORT_OPTIONS,
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { period: '--period', asOf: '--as-of', ...REVENUE_COHORT_FLAGS },
  examples: [
    'cs-metrics cohorts examples/data/customers.csv --period quarter',
    'cs-metrics cohorts customers.csv --from 2024-01-01 --to 2024-06-30 --as-of 2024-12-31 --csv > cohorts.csv',
    'cs-metrics cohorts --revenue examples/data/subscriptions.csv --rates examples/data/exchange-rates.json --period quarter',
    'cs-metrics cohorts --revenue subscriptions.csv --from 2024-01 --to 2024-12 --show ltv --json',
  ],
  async run(context) {
    if (isRevenueCohorts(context)) {
      refuseRevenueBy(context.values.by);
      return runRevenueCohorts(context);
    }
    const file = inputFile(context);
    const period = choiceOption(context, 'period', ['month', 'week', 'quarter']) ?? 'month';
    const segment = columnSegment(context, 'cohorts', '--period');
    const minimum = minimumSegmentSize(context, COHORT_MINIMUM_SEGMENT_SIZE);
    const window = startWindow(context, file);
    const loaded = await loadSegmentRecords(context, file, LIFETIME_FIELDS, segment, window.keep);
    if (loaded.length === 0) throw window.nothingLeft();
    const asOf = stringOption(context, 'as-of') ?? formatDay(window.latest(loaded));
    const title = `Cohort retention by ${period}${window.title}, as of ${asOf} — ${file}`;
    const columnNote = `Column k: the share of a cohort still a customer at the end of the k-th ${period} after it started (0 is its own ${period}).`;
    if (segment !== undefined) {
      const segmented = locateSegmented(loaded, segment, 'customer', () =>
        cohortRetention(
          { customers: loaded.records },
          { period, asOf, ...segmentOptions(segment), minimumSegmentSize: minimum },
        ),
      );
      const { tables, notes } = cohortSegmentTables(segmented, segment, title, minimum);
      return {
        json: { asOf, period, ...startedJson(window), ...segmented },
        tables,
        notes: [columnNote, ...notes],
        warnings: window.warnings(),
      } satisfies Output;
    }
    const result = locate(file, loaded.locations, loaded.columns, () =>
      cohortRetention({ customers: loaded.records }, { period, asOf }),
    );
    return {
      json: { asOf, period, ...startedJson(window), ...result },
      tables: [cohortTable(title, result)],
      notes: [columnNote],
      warnings: window.warnings(),
    } satisfies Output;
  },
};

/** `started: { from, to }` in the JSON of a command given `--from` or `--to` (the days given, both included). */
export function startedJson(window: StartWindow): { started?: { from?: string; to?: string } } {
  if (!hasWindow(window.window)) return {};
  const { start, end } = window.window;
  return {
    started: {
      ...(start === Number.NEGATIVE_INFINITY ? {} : { from: formatDay(start) }),
      ...(end === Number.POSITIVE_INFINITY ? {} : { to: formatDay(end - DAY_MS) }),
    },
  };
}
