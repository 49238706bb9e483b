// mrr: the MRR series with its movements, month by month (or by quarter or year), from a file of
// subscription records.
import {
  type RecurringRevenueSeriesRow,
  recurringRevenueSeries,
  type SubscriptionRecord,
} from '../../revenue/index.js';
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
  monthOption,
  numberOption,
  stringOption,
} from '../command.js';
import { addMonths, epochOf, formatMonth } from '../dates.js';
import { lazyArray } from '../columns.js';
import { UsageError } from '../errors.js';
import { DEFAULT_ROUNDING, type Output, ROUNDINGS } from '../output.js';
import { roundMoney } from '../output/money.js';
import { BY_OPTION, byOption, type Period } from '../periods.js';
import { readRatesObject } from '../rates.js';

/** A row of a subscription file: a subscription record whose discount is one of two columns. */
export type SubscriptionRow = Omit<SubscriptionRecord, 'discount'> & {
  readonly discountPercent?: number | string | undefined;
  readonly discountAmount?: number | string | undefined;
};

/** The columns of a subscription file and the record fields they fill. */
export const SUBSCRIPTION_FIELDS: FieldSpecs<SubscriptionRow> = {
  customerId: { column: 'customerId', required: true },
  amount: { column: 'amount', kind: 'money', required: true },
  currency: { column: 'currency' },
  interval: { column: 'interval' },
  intervalCount: { column: 'intervalCount', kind: 'number' },
  quantity: { column: 'quantity', kind: 'number' },
  discountPercent: { column: 'discountPercent', kind: 'money' },
  discountAmount: { column: 'discountAmount', kind: 'money' },
  start: { column: 'start', kind: 'date' },
  end: { column: 'end', kind: 'date' },
  status: { column: 'status' },
};

const DISCOUNT_COLUMNS: ReadonlySet<string> = new Set(['discountPercent', 'discountAmount']);

/**
 * The subscription records of a file as the library takes them, built when read: the two discount columns
 * become one `discount` (written field by field: a rest pattern costs microseconds a record).
 */
export function subscriptionRecords(loaded: LoadedRecords<SubscriptionRow>): readonly SubscriptionRecord[] {
  return lazyArray(loaded.length, (i) => {
    const record: { -readonly [K in keyof SubscriptionRecord]: SubscriptionRecord[K] } = loaded.record(
      i,
      DISCOUNT_COLUMNS,
    );
    const percent = loaded.value('discountPercent', i) as number | string | undefined;
    const amount = loaded.value('discountAmount', i) as number | string | undefined;
    if (percent !== undefined) record.discount = { percent };
    else if (amount !== undefined) record.discount = { amount };
    return record;
  });
}

/** The target currency and exchange rates from `--rates file.json`, or `--currency` and `--rate`. */
export function currencyOptions(context: CommandContext): {
  currency?: string;
  exchangeRates?: Record<string, string>;
} {
  const file = stringOption(context, 'rates');
  let currency = stringOption(context, 'currency');
  let exchangeRates: Record<string, string> | undefined;
  if (file !== undefined) {
    const rates = readRatesObject(file);
    exchangeRates = rates.exchangeRates as Record<string, string>;
    currency ??= rates.currency;
  }
  const raw = context.values.rate;
  for (const text of Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []) {
    const [code, rate] = text.split('=');
    if (!code || rate === undefined) throw new UsageError(`--rate must be CODE=rate, such as EUR=1.08, not '${text}'`);
    exchangeRates = { ...exchangeRates, [code]: rate };
  }
  return { ...(currency === undefined ? {} : { currency }), ...(exchangeRates === undefined ? {} : { exchangeRates }) };
}

export const REVENUE_OPTIONS = {
  currency: { type: 'string', value: 'code', description: 'currency of the results (ISO 4217)' },
  rates: {
    type: 'string',
    value: 'file.json',
    description: 'exchange rates: { "currency": "USD", "exchangeRates": { "EUR": "1.08" } }',
  },
  rate: {
    type: 'string',
    multiple: true,
    value: 'CODE=rate',
    description: 'one exchange rate to --currency (repeatable)',
  },
  'weekly-factor': { type: 'string', value: '52/12|4.33|4', default: '52/12', description: 'weeks in a month' },
  discounts: { type: 'string', value: 'apply|ignore', default: 'apply', description: 'whether discounts reduce MRR' },
  'count-trialing': { type: 'boolean', description: 'count trialing subscriptions in MRR' },
  'count-paused': { type: 'boolean', description: 'count paused subscriptions in MRR' },
  'exclude-past-due': { type: 'boolean', description: 'leave past-due subscriptions out of MRR' },
} as const;

/** The library's revenue options and the flags that set them. */
export const REVENUE_FLAGS: Readonly<Record<string, string>> = {
  currency: '--currency',
  exchangeRates: '--rates or --rate',
  weeklyFactor: '--weekly-factor',
  discounts: '--discounts',
  countTrialing: '--count-trialing',
  countPaused: '--count-paused',
  countPastDue: '--exclude-past-due',
};

/** The money fields of a row of the MRR series. */
export const SERIES_MONEY: readonly string[] = [
  'mrr',
  'arr',
  'startingMrr',
  'newMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
  'netNewMrr',
  'averageRevenuePerAccount',
  'voluntaryChurnedMrr',
  'delinquentChurnedMrr',
];

/** The revenue policies from the command's options. */
export function revenuePolicies(context: CommandContext) {
  const weeklyFactor = choiceOption(context, 'weekly-factor', ['52/12', '4.33', '4']);
  const discounts = choiceOption(context, 'discounts', ['apply', 'ignore']);
  return {
    ...currencyOptions(context),
    ...(weeklyFactor === undefined ? {} : { weeklyFactor }),
    ...(discounts === undefined ? {} : { discounts }),
    ...(context.values['count-trialing'] === true ? { countTrialing: true } : {}),
    ...(context.values['count-paused'] === true ? { countPaused: true } : {}),
    ...(context.values['exclude-past-due'] === true ? { countPastDue: false } : {}),
  };
}

/** The months a file of subscriptions spans, from its first start to its last start or end. */
function dataMonths(loaded: LoadedRecords<SubscriptionRow>): { from: string; to: string } | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < loaded.length; i++) {
    for (const key of ['start', 'end'] as const) {
      const time = epochOf(loaded.value(key, i));
      if (Number.isNaN(time)) continue;
      if (key === 'start') first = Math.min(first, time);
      last = Math.max(last, key === 'end' ? time - 1 : time);
    }
  }
  if (!Number.isFinite(first)) return undefined;
  return { from: formatMonth(first), to: formatMonth(Math.max(first, last)) };
}

/** Months in each period of the series. */
const PERIOD_MONTHS: Readonly<Record<Period, number>> = { month: 1, quarter: 3, year: 12 };

/** `2024-Q4 covers 2024-10 to 2024-11 only (2 of its 3 months).` for each period clipped to --from or --to. */
function clippedNotes(series: readonly RecurringRevenueSeriesRow[], by: Period): string[] {
  const size = PERIOD_MONTHS[by];
  return series
    .filter((row) => row.months < size)
    .map((row) => {
      const start = formatMonth(addMonths(epochOf(`${row.month}-01`), 1 - row.months));
      const span = row.months === 1 ? row.month : `${start} to ${row.month}`;
      return `${row.period} covers ${span} only (${row.months} of its ${size} months).`;
    });
}

/**
 * An amount as the table shows it: rounded to the currency's minor unit as `--rounding` says, grouped by
 * thousands.
 */
function moneyText(value: number, currency: string | undefined, context: CommandContext): string {
  const rounding = ROUNDINGS.find((choice) => choice === context.values.rounding) ?? DEFAULT_ROUNDING;
  const [whole = '', fraction] = roundMoney(value, currency, rounding).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

export const mrr: Command = {
  name: 'mrr',
  summary: 'MRR and ARR month by month, with new, expansion, contraction, churned and reactivation MRR',
  usage: 'cs-metrics mrr <subscriptions file> [--from 2024-01] [--to 2024-12] [--by quarter] [--rates rates.json]',
  description:
    'Reads subscription records (customerId, amount, currency, interval, intervalCount, quantity, discountPercent or discountAmount, start, end, status) and reports, for each month, MRR measured at the end of its last day, ARR, paying customers, the five MRR movements, customer and revenue churn, ARPA and trailing net and gross revenue retention. With --by quarter or year, one row per calendar period: its movements summed over its months, MRR at the end of its last month, the first and last periods clipped to --from and --to. Amounts stay exact to the cent.',
  options: {
    from: {
      type: 'string',
      value: 'YYYY-MM',
      description:
        'first month of the series, included; a day stands for its month (default: the month of the first start in the file)',
    },
    to: {
      type: 'string',
      value: 'YYYY-MM',
      description:
        'last month of the series, included; a day stands for its month (default: the month of the last start or end in the file)',
    },
    lookback: { type: 'string', value: 'months', default: '12', description: 'months behind the trailing NRR and GRR' },
    ...BY_OPTION,
    ...REVENUE_OPTIONS,
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { ...REVENUE_FLAGS, from: '--from', to: '--to', lookback: '--lookback', period: '--by' },
  examples: [
    'cs-metrics mrr examples/data/subscriptions.csv --rates examples/data/exchange-rates.json',
    'cs-metrics mrr subscriptions.csv --from 2024-01 --to 2024-12 --csv > mrr.csv',
    'cs-metrics mrr subscriptions.csv --from 2024-01 --to 2024-12 --by quarter',
    'cs-metrics mrr subscriptions.jsonl --currency USD --rate EUR=1.08 --weekly-factor 4.33',
  ],
  async run(context) {
    const by = byOption(context) ?? 'month';
    const file = inputFile(context);
    const fromOption = monthOption(context, 'from');
    const toOption = monthOption(context, 'to');
    if (fromOption !== undefined && toOption !== undefined && toOption < fromOption)
      throw new UsageError(`--to ${toOption} is before --from ${fromOption}`);
    const loaded = await loadRecords(context, file, SUBSCRIPTION_FIELDS);
    const subscriptions = subscriptionRecords(loaded);
    const span = dataMonths(loaded);
    const from = fromOption ?? span?.from;
    const to = toOption ?? span?.to;
    if (from === undefined || to === undefined)
      throw new UsageError(`${file} has no start dates: give --from and --to`);
    const lookback = numberOption(context, 'lookback');
    const columns = {
      ...loaded.columns,
      discount: `${loaded.columns.discountPercent} or ${loaded.columns.discountAmount}`,
    };
    const series = locate(file, loaded.locations, columns, () =>
      recurringRevenueSeries(
        { subscriptions },
        {
          from,
          to,
          ...revenuePolicies(context),
          ...(lookback === undefined ? {} : { lookback }),
          ...(by === 'month' ? {} : { period: by }),
        },
      ),
    );
    const currency = currencyOptions(context).currency ?? subscriptions.find((record) => record.currency)?.currency;
    return {
      json: series,
      money: [{ currency, fields: SERIES_MONEY }],
      tables: [
        {
          title: `MRR by ${by} — ${file}`,
          columns: [
            { name: by },
            { name: 'MRR', kind: 'money', currency },
            { name: 'customers', kind: 'integer' },
            { name: 'new', kind: 'money', currency },
            { name: 'expansion', kind: 'money', currency },
            { name: 'contraction', kind: 'money', currency },
            { name: 'churned', kind: 'money', currency },
            { name: 'reactivation', kind: 'money', currency },
            { name: 'net new', kind: 'money', currency },
            { name: 'logo churn', kind: 'percent' },
            { name: 'ARPA', kind: 'money', currency },
            { name: 'NRR', kind: 'percent' },
            { name: 'GRR', kind: 'percent' },
          ],
          rows: series.map((row) => [
            row.period,
            row.mrr,
            row.customers,
            row.newMrr,
            row.expansionMrr,
            row.contractionMrr,
            row.churnedMrr,
            row.reactivationMrr,
            row.netNewMrr,
            row.customerChurnRate,
            row.averageRevenuePerAccount,
            row.netRevenueRetention,
            row.grossRevenueRetention,
          ]),
        },
      ],
      notes: [
        `MRR is measured at the end of each ${by === 'month' ? 'month' : `${by}'s last month; the movements are summed over its months`}; ARR is 12 × MRR: ${moneyText(series.at(-1)?.arr ?? 0, currency, context)} at the end of ${to}.`,
        `NRR and GRR are trailing: ${by === 'month' ? 'this month' : `the last month of each ${by}`} against the same customers ${lookback ?? 12} months earlier (— before enough history).`,
        ...clippedNotes(series, by),
      ],
    } satisfies Output;
  },
};
