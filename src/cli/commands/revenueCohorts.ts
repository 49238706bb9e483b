// cohorts --revenue: revenue cohorts from a file of subscription records (read as mrr reads it), by the
// month (quarter, year) of each customer's first payment: net or gross MRR retention, realized value per
// customer or active customers, with the average row.
import { isMetricError } from '../../index.js';
import { type RevenueCohort, type RevenueCohortsResult, revenueCohorts } from '../../revenue/index.js';
import {
  type CommandContext,
  choiceOption,
  inputFile,
  loadRecords,
  locate,
  monthOption,
  type OptionSpec,
  stringOption,
} from '../command.js';
import { UsageError } from '../errors.js';
import type { Column, Output } from '../output.js';
import { dataMonths, SUBSCRIPTION_FIELDS, subscriptionRecords } from './revenue.js';
import { currencyOptions, locateRates, REVENUE_FLAGS, REVENUE_OPTIONS, revenuePolicies } from './revenueOptions.js';

/** What the table shows in its period columns. */
const SHOWN = ['net', 'gross', 'ltv', 'customers'] as const;
type Shown = (typeof SHOWN)[number];

/** The options the revenue cohorts add to `cohorts` (its `--from`, `--to`, `--period` and `--as-of` are shared). */
export const REVENUE_COHORT_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  revenue: {
    type: 'boolean',
    description:
      'revenue cohorts from a subscriptions file (as mrr reads it): MRR retention by month since the first payment',
  },
  show: {
    type: 'string',
    value: 'net|gross|ltv|customers',
    default: 'net',
    description: 'with --revenue: net or gross MRR retention, realized value per customer, or customers still paying',
  },
  ...REVENUE_OPTIONS,
};

/** The library's option names and the flags that set them, in revenue cohorts. */
export const REVENUE_COHORT_FLAGS: Readonly<Record<string, string>> = {
  ...REVENUE_FLAGS,
  from: '--from',
  to: '--to',
  asOf: '--as-of',
  period: '--period',
};

/** Options that only revenue cohorts read. */
const REVENUE_ONLY = ['show', ...Object.keys(REVENUE_OPTIONS)];

/**
 * Whether `cohorts` runs on revenue (`--revenue`); a revenue option given without it is a usage error, so
 * that it is never ignored.
 */
export function isRevenueCohorts(context: CommandContext): boolean {
  if (context.values.revenue === true) return true;
  const given = REVENUE_ONLY.find((name) => context.values[name] !== undefined);
  if (given !== undefined) throw new UsageError(`--${given} applies to revenue cohorts: add --revenue`);
  return false;
}

interface View {
  readonly title: string;
  readonly kind: 'percent' | 'money' | 'integer';
  readonly values: (row: RevenueCohort) => readonly number[];
  readonly average?: (result: RevenueCohortsResult) => readonly number[];
  readonly note: string;
}

const VIEWS: Readonly<Record<Shown, View>> = {
  net: {
    title: 'Net MRR retention',
    kind: 'percent',
    values: (row) => row.netRetention,
    average: (result) => result.average.netRetention,
    note: "the cohort's MRR at the end of period k ÷ its MRR when its customers first paid (expansion and reactivation included)",
  },
  gross: {
    title: 'Gross MRR retention',
    kind: 'percent',
    values: (row) => row.grossRetention,
    average: (result) => result.average.grossRetention,
    note: "the cohort's MRR at the end of period k, each customer capped at its first MRR, ÷ its starting MRR",
  },
  ltv: {
    title: 'Realized value per customer',
    kind: 'money',
    values: (row) => row.realizedValuePerCustomer,
    average: (result) => result.average.realizedValuePerCustomer,
    note: "the cohort's month-end MRR summed up to the end of period k ÷ its customers (realized LTV)",
  },
  customers: {
    title: 'Customers still paying',
    kind: 'integer',
    values: (row) => row.activeCustomers,
    note: "the cohort's customers paying at the end of period k",
  },
};

/** The months of the table: `--as-of` or `--to` (default: the month of the file's last start or end). */
function tableEnd(context: CommandContext): { asOf?: string; to?: string } {
  const asOf = stringOption(context, 'as-of');
  const to = monthOption(context, 'to');
  if (asOf !== undefined && to !== undefined) throw new UsageError('give --as-of or --to, not both');
  return { ...(asOf === undefined ? {} : { asOf }), ...(to === undefined ? {} : { to }) };
}

/** `as of 2025-01-01` or `to 2024-12`: where the table ends, for titles and messages. */
function ending(bounds: { asOf?: string; to?: string }): string {
  return bounds.asOf === undefined ? `to ${bounds.to}` : `as of ${bounds.asOf}`;
}

/** `cohorts --revenue subscriptions.csv`. */
export async function runRevenueCohorts(context: CommandContext): Promise<Output> {
  const file = inputFile(context);
  const period = choiceOption(context, 'period', ['month', 'quarter', 'year'] as const) ?? 'month';
  const shown = choiceOption(context, 'show', SHOWN) ?? 'net';
  const from = monthOption(context, 'from');
  const end = tableEnd(context);
  const loaded = await loadRecords(context, file, SUBSCRIPTION_FIELDS);
  const subscriptions = subscriptionRecords(loaded);
  const last = end.asOf ?? end.to ?? dataMonths(loaded, 'start', 'end')?.to;
  if (last === undefined) throw new UsageError(`${file} has no start dates: give --to or --as-of`);
  const bounds = end.asOf === undefined ? { to: end.to ?? last } : { asOf: end.asOf };
  const currencies = await currencyOptions(context);
  const policies = revenuePolicies(context, currencies);
  const columns = {
    ...loaded.columns,
    discount: `${loaded.columns.discountPercent} or ${loaded.columns.discountAmount}`,
  };
  const options = { ...bounds, ...(from === undefined ? {} : { from }), ...(period === 'month' ? {} : { period }) };
  let result: RevenueCohortsResult;
  try {
    result = locateRates(loaded, currencies.datedRates, () =>
      locate(file, loaded.locations, columns, () => revenueCohorts({ subscriptions }, { ...options, ...policies })),
    );
  } catch (error) {
    if (!isMetricError(error) || error.code !== 'NO_DATA') throw error;
    const since = from === undefined ? '' : `from ${from} `;
    const until = bounds.asOf === undefined ? `to ${bounds.to}` : `before the month of --as-of ${bounds.asOf}`;
    throw new UsageError(`${file} has no customer who first paid ${since}${until}`);
  }
  const currency = currencies.currency ?? subscriptions.find((record) => record.currency)?.currency;
  const view = VIEWS[shown];
  const width = result.cohorts.reduce((widest, row) => Math.max(widest, row.mrr.length), 0);
  const periods = Array.from({ length: width }, (_, k) => k);
  const money = (name: string): Column => ({ name, kind: 'money', currency });
  const average = view.average?.(result);
  const size = result.cohorts.reduce((total, row) => total + row.customers, 0);
  const starting = result.cohorts.reduce((total, row) => total + row.startingMrr, 0);
  return {
    json: { ...bounds, period, ...(currency === undefined ? {} : { currency }), ...result },
    tables: [
      {
        title: `${view.title} by ${period} since the first payment, ${ending(bounds)} — ${file}`,
        columns: [
          { name: 'cohort' },
          { name: 'customers', kind: 'integer' },
          money('starting MRR'),
          ...periods.map(
            (k): Column => (view.kind === 'money' ? money(String(k)) : { name: String(k), kind: view.kind }),
          ),
        ],
        rows: [
          ...result.cohorts.map((row) => [
            row.cohort,
            row.customers,
            row.startingMrr,
            ...periods.map((k) => view.values(row)[k] ?? null),
          ]),
          ...(average === undefined ? [] : [['average', size, starting, ...periods.map((k) => average[k] ?? null)]]),
        ],
      },
    ],
    notes: [
      `Column k: ${view.note}; 0 is the ${period} of the first payment, and a customer who comes back counts in its first cohort.`,
      ...(period === 'month'
        ? []
        : [
            `Each ${period} is measured at the end of its last month, and only whole ${period}s are shown: a customer who left or grew within its first ${period} moves column 0 away from 100 %.`,
          ]),
      ...(average === undefined
        ? []
        : [
            `The average row is over the cohorts that reached period k, weighted by ${shown === 'ltv' ? 'customers' : 'starting MRR'}; cohorts that fell to 0 stay in it.`,
          ]),
    ],
  } satisfies Output;
}
