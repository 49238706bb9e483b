// mrr --details MOVEMENT: the customers behind a movement of the series, every period of the window, with
// the amounts that add up to the series' figure.
import type { CustomerMovementDetail, RecurringRevenueSeriesRow } from '../../revenue/index.js';
import type { CommandContext, OptionSpec } from '../command.js';
import { UsageError } from '../errors.js';
import type { Column, Table } from '../output.js';

/** The movements a series row lists customers for. */
export const DETAIL_MOVEMENTS = ['new', 'expansion', 'contraction', 'churned', 'reactivation'] as const;

type Movement = CustomerMovementDetail['movement'];

/** The money fields of a detail, for `--json`. */
export const DETAIL_MONEY: readonly string[] = ['previousMrr', 'amount'];

export const DETAILS_OPTION: Readonly<Record<string, OptionSpec>> = {
  details: {
    type: 'string',
    multiple: true,
    value: 'movement',
    description: `list the customers behind a movement (${DETAIL_MOVEMENTS.join(', ')} or all; repeat or separate with commas)`,
  },
};

/**
 * The movements named by `--details` (repeated or comma-separated; `all` for every one), or undefined
 * without it.
 */
export function detailsChoice(context: CommandContext): ReadonlySet<Movement> | undefined {
  const raw = context.values.details;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  if (values.length === 0) return undefined;
  const chosen = new Set<Movement>();
  for (const name of values.flatMap((value) => value.split(',')).map((name) => name.trim())) {
    if (name === 'all') for (const each of DETAIL_MOVEMENTS) chosen.add(each);
    else if ((DETAIL_MOVEMENTS as readonly string[]).includes(name)) chosen.add(name as Movement);
    else throw new UsageError(`--details must be one of ${DETAIL_MOVEMENTS.join(', ')}, all, not '${name}'`);
  }
  return chosen;
}

/** The chosen movements' customers over the window: by month, then amount descending, then customer. */
export function detailsTable(
  series: readonly RecurringRevenueSeriesRow[],
  chosen: ReadonlySet<Movement>,
  file: string,
  currency: string | undefined,
): Table {
  const entries = series
    .flatMap((row) => row.details ?? [])
    .filter((entry) => chosen.has(entry.movement))
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        b.amount - a.amount ||
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    );
  const reasons = entries.some((entry) => entry.movement === 'churned');
  const money = (name: string): Column => ({ name, kind: 'money', currency });
  const first = series[0]?.period ?? '';
  const last = series.at(-1)?.period ?? '';
  const names = DETAIL_MOVEMENTS.filter((name) => chosen.has(name)).join(', ');
  return {
    title: `Customers behind ${names} ${first === last ? `in ${first}` : `from ${first} to ${last}`} — ${file}`,
    columns: [
      { name: 'customer' },
      { name: 'month' },
      { name: 'movement' },
      money('previous MRR'),
      money('MRR'),
      money('amount'),
      ...(reasons ? [{ name: 'churn reason' }] : []),
    ],
    rows: entries.map((entry) => [
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
export function detailsNote(): string {
  return "Customers: one line per customer and month with a chosen movement; a movement's amounts over a month add up to its figure in the series, before rounding to the cent (previous MRR at this month's rates).";
}
