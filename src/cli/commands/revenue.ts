// mrr: the MRR series with its movements, month by month (or by quarter or year), from a file of
// subscription records or of invoice lines.
import {
  invoiceRevenueSeries,
  type RecurringRevenueSeriesRow,
  recurringRevenueSeries,
  type SegmentedRevenueSeriesResult,
  type SubscriptionRecord,
  segmentedRevenueSeries,
} from '../../revenue/index.js';
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
  monthOption,
  stringOption,
} from '../command.js';
import { addMonths, epochOf, formatMonth } from '../dates.js';
import { lazyArray } from '../columns.js';
import { UsageError } from '../errors.js';
import { loadInvoiceLines } from '../invoiceLines.js';
import type { Output } from '../output.js';
import { BY_SEGMENT_OPTION, byChoice, type Period } from '../periods.js';
import { customersBehind, DETAIL_MONEY, DETAILS_OPTION, detailsChoice, detailsNote } from './mrrDetails.js';
import { SEGMENT_MONEY, segmentMrrNotes, segmentMrrTable } from './mrrSegments.js';
import { type Shown, seriesTable } from './mrrTable.js';
import {
  currencyOptions,
  locateRates,
  lookbackOption,
  moneyText,
  REVENUE_FLAGS,
  REVENUE_OPTIONS,
  revenuePolicies,
} from './revenueOptions.js';
import {
  loadSegmentRecords,
  locateSegmented,
  MISSING_SEGMENT_OPTION,
  type SegmentColumn,
  segmentColumn,
  segmentOptions,
} from './segments.js';

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
  trialStart: { column: 'trialStart', kind: 'date' },
  cancelAt: { column: 'cancelAt', kind: 'date' },
  pastDueSince: { column: 'pastDueSince', kind: 'date' },
  endReason: { column: 'endReason' },
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

/** The money fields of a row of the MRR series (from invoice lines too). */
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
  'averageSalePrice',
  'fxImpactMrr',
  'usageRevenue',
  'oneOffRevenue',
  'voluntaryChurnedMrr',
  'delinquentChurnedMrr',
];

/** The months a file spans, from its first start to its last start or end (the last start without `endKey`). */
export function dataMonths<T>(
  loaded: LoadedRecords<T>,
  startKey: keyof T & string,
  endKey?: keyof T & string,
): { from: string; to: string } | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < loaded.length; i++) {
    for (const key of endKey === undefined ? [startKey] : [startKey, endKey]) {
      const time = epochOf(loaded.value(key, i));
      if (Number.isNaN(time)) continue;
      if (key === startKey) first = Math.min(first, time);
      last = Math.max(last, key === endKey ? time - 1 : time);
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

/** Subscription policies that invoice lines do not have. */
const SUBSCRIPTION_ONLY = [
  'grace-days',
  'weekly-factor',
  'discounts',
  'count-trialing',
  'count-paused',
  'exclude-past-due',
];

/** The series and what it was computed from, for the table. */
interface Computed {
  readonly series: readonly RecurringRevenueSeriesRow[];
  readonly span: { from: string; to: string } | undefined;
  readonly currency: string | undefined;
  readonly shown: Shown;
  /** With `--by COLUMN`: the library's segmented series, whose `total` is `series`. */
  readonly segmented?: SegmentedRevenueSeriesResult;
}

type Range = { from: string | undefined; to: string | undefined };

function checkedRange(from: string | undefined, to: string | undefined, span: Computed['span'], file: string) {
  const range = { from: from ?? span?.from, to: to ?? span?.to };
  if (range.from === undefined || range.to === undefined)
    throw new UsageError(`${file} has no start dates: give --from and --to`);
  return range as { from: string; to: string };
}

async function fromSubscriptions(
  context: CommandContext,
  file: string,
  range: Range,
  by: Period,
  segment: SegmentColumn | undefined,
): Promise<Computed> {
  const loaded = await loadSegmentRecords(context, file, SUBSCRIPTION_FIELDS, segment);
  const subscriptions = subscriptionRecords(loaded);
  const span = dataMonths(loaded, 'start', 'end');
  const { from, to } = checkedRange(range.from, range.to, span, file);
  const currencies = await currencyOptions(context);
  const policies = revenuePolicies(context, currencies);
  const columns = {
    ...loaded.columns,
    discount: `${loaded.columns.discountPercent} or ${loaded.columns.discountAmount}`,
  };
  const details = context.values.details === undefined ? {} : { details: true };
  const options = {
    from,
    to,
    ...policies,
    ...details,
    ...lookbackOption(context),
    ...(by === 'month' ? {} : { period: by }),
  };
  const segmented =
    segment === undefined
      ? undefined
      : locateRates(loaded, currencies.datedRates, () =>
          locateSegmented({ ...loaded, columns }, segment, 'subscription', () =>
            segmentedRevenueSeries({ subscriptions }, { ...options, ...segmentOptions(segment) }),
          ),
        );
  const series =
    segmented?.total ??
    locateRates(loaded, currencies.datedRates, () =>
      locate(file, loaded.locations, columns, () => recurringRevenueSeries({ subscriptions }, options)),
    );
  let trials = false;
  let failed = false;
  for (let i = 0; i < loaded.length && !(trials && failed); i++) {
    trials ||= loaded.value('trialStart', i) !== undefined;
    failed ||= loaded.value('pastDueSince', i) !== undefined || loaded.value('endReason', i) === 'delinquent';
  }
  return {
    series,
    span: { from, to },
    currency: currencies.currency ?? subscriptions.find((record) => record.currency)?.currency,
    shown: {
      fx: currencies.datedRates !== undefined && policies.rateDate !== 'record-start',
      trials,
      delinquent: failed,
      invoices: false,
    },
    ...(segmented === undefined ? {} : { segmented }),
  };
}

async function fromInvoices(context: CommandContext, file: string, range: Range, by: Period): Promise<Computed> {
  const given = SUBSCRIPTION_ONLY.find((name) => context.values[name] !== undefined);
  if (given !== undefined)
    throw new UsageError(`--${given} applies to subscriptions, not to the invoice lines of --invoices`);
  const usage = choiceOption(context, 'usage', ['exclude', 'invoice-month', 'service-period']);
  const currencies = await currencyOptions(context);
  const rateDate = choiceOption(context, 'rate-date', ['month-end', 'record-start']);
  const { lines, loaded, columns } = await loadInvoiceLines(context, file);
  // Annual lines run long past the last invoice: the series ends with the last service period's first month.
  const span = dataMonths(loaded, 'periodStart');
  const { from, to } = checkedRange(range.from, range.to, span, file);
  const { datedRates: _dated, ...money } = currencies;
  const series = locateRates(loaded, currencies.datedRates, () =>
    locate(file, loaded.locations, columns, () =>
      invoiceRevenueSeries(
        { lines },
        {
          from,
          to,
          ...money,
          ...(rateDate === undefined ? {} : { rateDate }),
          ...(usage === undefined ? {} : { usage }),
          ...(context.values.details === undefined ? {} : { details: true }),
          ...lookbackOption(context),
          ...(by === 'month' ? {} : { period: by }),
        },
      ),
    ),
  );
  return {
    series,
    span: { from, to },
    currency: currencies.currency ?? lines.find((line) => line.currency)?.currency,
    shown: {
      fx: currencies.datedRates !== undefined && rateDate !== 'record-start',
      trials: false,
      delinquent: false,
      invoices: true,
    },
  };
}

export const mrr: Command = {
  name: 'mrr',
  summary: 'MRR and ARR month by month, with new, expansion, contraction, churned and reactivation MRR',
  usage:
    'cs-metrics mrr <subscriptions file> [--from 2024-01] [--to 2024-12] [--by quarter] [--by plan] [--rates rates.json|rates.csv --currency USD]\n       cs-metrics mrr --invoices <invoices file> [--usage exclude|invoice-month|service-period] [--from 2024-01] [--to 2024-12]',
  description:
    "Reads subscription records (customerId, amount, currency, interval, intervalCount, quantity, discountPercent or discountAmount, start, end, status, trialStart, cancelAt, pastDueSince, endReason) and reports, for each month, MRR measured at the end of its last day, ARR, paying customers, the five MRR movements, customer and revenue churn, ARPA and trailing net and gross revenue retention. With a table of dated rates (--rates rates.csv, currency,from,rate, with --currency), each month is converted at the rate of its last day (--rate-date month-end) or each record at the rate of its start (--rate-date record-start), and the FX impact column shows how the rates moved MRR. Records with a trialStart add the trials started and converted; records with failed payments (pastDueSince, endReason delinquent) add the delinquent churn, with --grace-days N ending a past-due record N days after its pastDueSince. With --invoices, MRR comes from invoice lines instead (amount − tax spread over each service period, prorated lines scaled to their full period), with the usage and one-off revenue invoiced. With --by quarter or year, one row per calendar period: its movements summed over its months, MRR at the end of its last month, the first and last periods clipped to --from and --to. With --by COLUMN (plan, region …), one line more per value of that column for the last period: its MRR, share and customers, and its movements, a customer who moves between values leaving one and entering the other rather than churning. With --details MOVEMENT (new, expansion, contraction, churned, reactivation or all), the customers behind that movement in each month of the window, with their MRR before and after and the amounts, which add up to the movement's figure. Amounts stay exact to the cent.",
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
    ...BY_SEGMENT_OPTION,
    ...DETAILS_OPTION,
    ...MISSING_SEGMENT_OPTION,
    ...REVENUE_OPTIONS,
    invoices: {
      type: 'string',
      value: 'file',
      description:
        'read invoice lines (customerId, amount, tax, currency, kind, periodStart, periodEnd, …) instead of subscriptions',
    },
    usage: {
      type: 'string',
      value: 'exclude|invoice-month|service-period',
      default: 'exclude',
      description: 'with --invoices: how usage lines enter MRR',
    },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { ...REVENUE_FLAGS, from: '--from', to: '--to', lookback: '--lookback', period: '--by', usage: '--usage' },
  examples: [
    'cs-metrics mrr examples/data/subscriptions.csv --rates examples/data/exchange-rates.json',
    'cs-metrics mrr subscriptions.csv --from 2024-01 --to 2024-12 --csv > mrr.csv',
    'cs-metrics mrr subscriptions.csv --from 2024-01 --to 2024-12 --by quarter',
    'cs-metrics mrr examples/data/subscriptions.csv --rates examples/data/exchange-rates.json --by plan --by quarter',
    'cs-metrics mrr subscriptions.jsonl --currency USD --rate EUR=1.08 --weekly-factor 4.33',
    'cs-metrics mrr examples/data/subscriptions.csv --rates examples/data/exchange-rates.csv --currency USD',
    'cs-metrics mrr --invoices examples/data/invoices.csv --usage invoice-month --rates examples/data/exchange-rates.json',
  ],
  async run(context) {
    const by = byChoice(context).period ?? 'month';
    const segment = segmentColumn(context);
    const invoices = stringOption(context, 'invoices');
    const chosen = detailsChoice(context, segment !== undefined);
    if (invoices !== undefined && segment !== undefined)
      throw new UsageError(`${segment.flag} breaks down subscriptions: invoice lines have no ${segment.column}`);
    if (invoices === undefined && context.values.usage !== undefined)
      throw new UsageError('--usage applies to invoice lines: give them with --invoices invoices.csv');
    if (invoices !== undefined && context.positionals.length > 0)
      throw new UsageError(`give a subscriptions file or --invoices ${invoices}, not both`);
    const file = invoices ?? inputFile(context);
    const fromOption = monthOption(context, 'from');
    const toOption = monthOption(context, 'to');
    if (fromOption !== undefined && toOption !== undefined && toOption < fromOption)
      throw new UsageError(`--to ${toOption} is before --from ${fromOption}`);
    const range = { from: fromOption, to: toOption };
    const { series, span, currency, shown, segmented } =
      invoices === undefined
        ? await fromSubscriptions(context, file, range, by, segment)
        : await fromInvoices(context, file, range, by);
    const to = span?.to ?? toOption;
    const last = series.at(-1)?.period;
    return {
      json: segmented ?? series,
      money: [
        { currency, fields: [...SERIES_MONEY, ...DETAIL_MONEY, ...(segmented === undefined ? [] : SEGMENT_MONEY)] },
      ],
      tables: [
        { title: `MRR by ${by} — ${file}`, ...seriesTable(series, by, currency, shown) },
        ...(segmented === undefined || segment === undefined
          ? []
          : [segmentMrrTable(segmented, segment, file, currency)]),
        ...customersBehind(chosen, series, segmented, segment?.column, file, currency),
      ],
      notes: [
        `MRR is measured at the end of each ${by === 'month' ? 'month' : `${by}'s last month; the movements are summed over its months`}; ARR is 12 × MRR: ${moneyText(series.at(-1)?.arr ?? 0, currency, context)} at the end of ${to}.`,
        `NRR and GRR are trailing: ${by === 'month' ? 'this month' : `the last month of each ${by}`} against the same customers ${lookbackOption(context).lookback ?? 12} months earlier (— before enough history).`,
        ...(shown.fx
          ? [
              'FX impact is how the month-end exchange rates moved the MRR of the customers who paid in both months; net new includes it (new + expansion + reactivation − contraction − churned + FX impact).',
            ]
          : []),
        ...(shown.delinquent
          ? [
              `Delinquent churn is the part of churned lost to failed payments (a record ended with endReason delinquent${context.values['grace-days'] === undefined ? '' : ', or past due for more than --grace-days'}).`,
            ]
          : []),
        ...(shown.invoices
          ? [
              `MRR is spread from the recurring invoice lines${usageNote(stringOption(context, 'usage'))}; usage and one-off are the amounts, tax excluded, of the usage and one-off lines invoiced in the ${by}.`,
            ]
          : []),
        ...clippedNotes(series, by),
        ...(segment === undefined ? [] : segmentMrrNotes(segment, last, shown.fx)),
        ...(chosen === undefined ? [] : [detailsNote(segment?.column)]),
      ],
    } satisfies Output;
  },
};

/** How usage lines enter MRR, for the note. */
function usageNote(usage: string | undefined): string {
  if (usage === 'invoice-month') return ' and the usage lines, in the month they were invoiced';
  if (usage === 'service-period') return ' and the usage lines, over their service periods';
  return '';
}
