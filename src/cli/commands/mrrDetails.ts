// mrr --details MOVEMENT: the customers behind a movement of the series, every period of the window, with
// the amounts that add up to the series' figure.
import type {
  CustomerMovementDetail,
  RecurringRevenueSeriesRow,
  SegmentedRevenueSeriesResult,
} from '../../revenue/index.js';
import type { CommandContext, OptionSpec } from '../command.js';
import { UsageError } from '../errors.js';
import type { Column, Table } from '../output.js';

/** The movements a series row lists customers for. */
export const DETAIL_MOVEMENTS = ['new', 'expansion', 'contraction', 'churned', 'reactivation'] as const;

/** A segment's row adds the customers who moved in from, or out to, another segment. */
const SEGMENT_MOVEMENTS = ['entering', 'leaving'] as const;

type Movement = CustomerMovementDetail['movement'];

/** The money fields of a detail, for `--json`. */
export const DETAIL_MONEY: readonly string[] = ['previousMrr', 'amount'];

export const DETAILS_OPTION: Readonly<Record<string, OptionSpec>> = {
  details: {
    type: 'string',
    multiple: true,
    value: 'movement',
    description: `list the customers behind a movement (${DETAIL_MOVEMENTS.join(', ')} or all; with --by COLUMN also ${SEGMENT_MOVEMENTS.join(', ')}; repeat or separate with commas)`,
  },
};

/**
 * The movements named by `--details` (repeated or comma-separated; `all` for every one), or undefined
 * without it. `bySegment`: whether the lists are a segment's, which also have entering and leaving.
 */
export function detailsChoice(context: CommandContext, bySegment: boolean): ReadonlySet<Movement> | undefined {
  const raw = context.values.details;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  if (values.length === 0) return undefined;
  const known: readonly Movement[] = bySegment ? [...DETAIL_MOVEMENTS, ...SEGMENT_MOVEMENTS] : DETAIL_MOVEMENTS;
  const chosen = new Set<Movement>();
  for (const name of values.flatMap((value) => value.split(',')).map((name) => name.trim())) {
    if (name === 'all') for (const each of known) chosen.add(each);
    else if ((known as readonly string[]).includes(name)) chosen.add(name as Movement);
    else if ((SEGMENT_MOVEMENTS as readonly string[]).includes(name))
      throw new UsageError(
        `--details ${name} lists the customers who changed segment: add --by COLUMN, such as --by plan`,
      );
    else throw new UsageError(`--details must be one of ${known.join(', ')}, all, not '${name}'`);
  }
  return chosen;
}

/**
 * The customers' table of `--details` (none without it): the segments' lists with `--by COLUMN`, else the
 * series'.
 */
export function customersBehind(
  chosen: ReadonlySet<Movement> | undefined,
  series: readonly RecurringRevenueSeriesRow[],
  segmented: SegmentedRevenueSeriesResult | undefined,
  segment: string | undefined,
  file: string,
  currency: string | undefined,
): Table[] {
  if (chosen === undefined) return [];
  if (segmented === undefined || segment === undefined) return [detailsTable(series, chosen, file, currency)];
  return [segmentDetailsTable(segmented, chosen, segment, file, currency)];
}

/** The chosen movements' customers over the window: by month, then amount descending, then customer. */
export function detailsTable(
  series: readonly RecurringRevenueSeriesRow[],
  chosen: ReadonlySet<Movement>,
  file: string,
  currency: string | undefined,
): Table {
  const entries = series.flatMap((row) => row.details ?? []).map((entry) => ({ entry, segment: undefined, rank: 0 }));
  return customersTable(entries, series, chosen, file, currency);
}

/**
 * The chosen movements' customers in each segment over the window (`--by plan --details …`): by segment in
 * the library's order, then as {@link detailsTable}. A customer who changed segment is leaving one and
 * entering the other.
 */
export function segmentDetailsTable(
  result: SegmentedRevenueSeriesResult,
  chosen: ReadonlySet<Movement>,
  segment: string,
  file: string,
  currency: string | undefined,
): Table {
  const entries = result.segments.flatMap((each, rank) =>
    each.rows.flatMap((row) => row.details ?? []).map((entry) => ({ entry, segment: each.segment, rank })),
  );
  return customersTable(entries, result.total, chosen, file, currency, segment);
}

interface Listed {
  readonly entry: CustomerMovementDetail;
  readonly segment: string | undefined;
  /** The segment's place in the library's order (0 for the series' own lists). */
  readonly rank: number;
}

function customersTable(
  listed: readonly Listed[],
  series: readonly RecurringRevenueSeriesRow[],
  chosen: ReadonlySet<Movement>,
  file: string,
  currency: string | undefined,
  segment?: string,
): Table {
  // The segments in the library's order, each segment's entries by month, amount and customer.
  const entries = listed
    .filter(({ entry }) => chosen.has(entry.movement))
    .sort(
      (x, y) =>
        x.rank - y.rank ||
        x.entry.month.localeCompare(y.entry.month) ||
        y.entry.amount - x.entry.amount ||
        (x.entry.customerId < y.entry.customerId ? -1 : x.entry.customerId > y.entry.customerId ? 1 : 0),
    );
  const reasons = entries.some(({ entry }) => entry.movement === 'churned');
  const money = (name: string): Column => ({ name, kind: 'money', currency });
  const first = series[0]?.period ?? '';
  const last = series.at(-1)?.period ?? '';
  const names = [...DETAIL_MOVEMENTS, ...SEGMENT_MOVEMENTS].filter((name) => chosen.has(name)).join(', ');
  const where = segment === undefined ? '' : ` by ${segment}`;
  return {
    title: `Customers behind ${names}${where} ${first === last ? `in ${first}` : `from ${first} to ${last}`} — ${file}`,
    columns: [
      ...(segment === undefined ? [] : [{ name: segment }]),
      { name: 'customer' },
      { name: 'month' },
      { name: 'movement' },
      money('previous MRR'),
      money('MRR'),
      money('amount'),
      ...(reasons ? [{ name: 'churn reason' }] : []),
    ],
    rows: entries.map(({ entry, segment: name }) => [
      ...(segment === undefined ? [] : [name]),
      entry.customerId,
      entry.month,
      entry.movement,
      entry.previousMrr,
      entry.mrr,
      entry.amount,
      ...(reasons ? [entry.churnReason ?? ''] : []),
    ]),
  };
}

/** The note under the customers' table. */
export function detailsNote(segment?: string): string {
  const lists =
    segment === undefined
      ? 'one line per customer and month with a chosen movement'
      : `one line per ${segment}, customer and month with a chosen movement in that ${segment} (a customer who changed ${segment} is leaving one and entering the other)`;
  return `Customers: ${lists}; a movement's amounts over a month add up to its figure in the series${segment === undefined ? '' : ` of its ${segment}`}, before rounding to the cent (previous MRR at this month's rates).`;
}
