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
  loadRecords,
  locate,
  MAP_OPTION,
  stringOption,
} from '../command.js';
import { addMonths, DAY_MS, formatDay, formatMonth, latestOf, monthStart } from '../dates.js';
import { UsageError } from '../errors.js';
import { cell, type Output } from '../output.js';

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

/** The calendar month (UTC) that starts at `start`, as a half-open period of days. */
function monthPeriod(start: number): { from: string; to: string } {
  return { from: formatDay(start), to: formatDay(addMonths(start, 1)) };
}

/** The period of `churn`: `--month`, or `--from` and `--to`, or the last month with data. */
function churnPeriod(context: CommandContext, loaded: LoadedRecords<CustomerLifetime>): { from: string; to: string } {
  const month = stringOption(context, 'month');
  const from = stringOption(context, 'from');
  const to = stringOption(context, 'to');
  if (month !== undefined) {
    const start = monthStart(month);
    if (Number.isNaN(start)) throw new UsageError(`--month must be written YYYY-MM, not '${month}'`);
    return monthPeriod(start);
  }
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new UsageError('give both --from and --to, or --month');
    return { from, to };
  }
  // The month of the day before the latest date: an end on the 1st closes the month before.
  return monthPeriod(monthStart(formatMonth(latestDate(loaded) - DAY_MS)));
}

export const churn: Command = {
  name: 'churn',
  summary: 'customer churn and retention over a period, from customer lifetimes',
  usage: 'cs-metrics churn <customers file> [--month 2024-12 | --from 2024-10-01 --to 2025-01-01]',
  description:
    'Reads customer lifetimes (id, start, end; an empty end means still a customer) and counts the customers at the start of the period, those lost, the new ones and those at the end, with the churn rate (lost ÷ at start) and the retention rate. New customers who left inside the period count as lost by default (--new-customer-churn exclude leaves them out, as ChartMogul does). Lifetimes are half-open: a customer whose end is the first day of the period was already gone.',
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
      description: 'the day after the period, excluded (UTC): --to 2025-01-01 ends the period on 2024-12-31',
    },
    'new-customer-churn': {
      type: 'string',
      value: 'include|exclude',
      default: 'include',
      description: 'whether new customers who left inside the period count as lost',
    },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { newCustomerChurn: '--new-customer-churn' },
  examples: [
    'cs-metrics churn examples/data/customers.csv --month 2024-12',
    'cs-metrics churn customers.csv --from 2024-10-01 --to 2025-01-01 --new-customer-churn exclude --json',
  ],
  async run(context) {
    const file = inputFile(context);
    const loaded = await loadRecords(context, file, LIFETIME_FIELDS);
    const period = churnPeriod(context, loaded);
    const policy = choiceOption(context, 'new-customer-churn', ['include', 'exclude']);
    const result = locate(file, loaded.locations, loaded.columns, () =>
      customerChurn({ customers: loaded.records, period }, policy === undefined ? {} : { newCustomerChurn: policy }),
    );
    return {
      json: { period, ...result },
      tables: [
        {
          title: `Customer churn, ${period.from} to ${period.to} (excluded) — ${file}`,
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

export const cohorts: Command = {
  name: 'cohorts',
  summary: 'retention of customers grouped by the month (week, quarter) they started',
  usage: 'cs-metrics cohorts <customers file> [--period month] [--as-of 2024-12-31]',
  description:
    'Groups customers by the period they started in and reports, for each cohort and each period since, the share still a customer at the end of that period, with a size-weighted average row. Periods that have not ended by --as-of are not reported.',
  options: {
    period: { type: 'string', value: 'month|week|quarter', default: 'month', description: 'cohort period' },
    'as-of': {
      type: 'string',
      value: 'date',
      description: 'the date of the analysis (default: the last date in the file)',
    },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { period: '--period', asOf: '--as-of' },
  examples: [
    'cs-metrics cohorts examples/data/customers.csv --period quarter',
    'cs-metrics cohorts customers.csv --as-of 2024-12-31 --csv > cohorts.csv',
  ],
  async run(context) {
    const file = inputFile(context);
    const loaded = await loadRecords(context, file, LIFETIME_FIELDS);
    const period = choiceOption(context, 'period', ['month', 'week', 'quarter']) ?? 'month';
    const asOf = stringOption(context, 'as-of') ?? formatDay(latestDate(loaded));
    const result = locate(file, loaded.locations, loaded.columns, () =>
      cohortRetention({ customers: loaded.records }, { period, asOf }),
    );
    const width = result.cohorts.reduce((widest, row) => Math.max(widest, row.retention.length), 0);
    const periods = Array.from({ length: width }, (_, k) => k);
    return {
      json: { asOf, period, ...result },
      tables: [
        {
          title: `Cohort retention by ${period}, as of ${asOf} — ${file}`,
          columns: [
            { name: 'cohort' },
            { name: 'size', kind: 'integer' },
            ...periods.map((k) => ({ name: String(k), kind: 'percent' as const })),
          ],
          rows: [
            ...result.cohorts.map((row) => [row.cohort, row.size, ...periods.map((k) => row.retention[k] ?? null)]),
            [
              'average',
              result.cohorts.reduce((total, row) => total + row.size, 0),
              ...periods.map((k) => result.average[k] ?? null),
            ],
          ],
        },
      ],
      notes: [
        `Column k: the share of a cohort still a customer at the end of the k-th ${period} after it started (0 is its own ${period}).`,
      ],
    } satisfies Output;
  },
};
