// The table of the MRR series: the figures every series has, and those that can only be non-zero with what
// the input holds (dated rates, trials, failed payments, invoice lines), shown only then.
import type { RecurringRevenueSeriesRow } from '../../revenue/index.js';
import type { Column } from '../output.js';
import type { Period } from '../periods.js';

/** A row of the series from subscriptions or invoice lines; the fields of either may be read. */
type Row = RecurringRevenueSeriesRow & {
  readonly usageRevenue?: number;
  readonly oneOffRevenue?: number;
};

/** Which optional figures the input can make non-zero. */
export interface Shown {
  readonly fx: boolean;
  readonly delinquent: boolean;
  readonly trials: boolean;
  readonly invoices: boolean;
}

interface Field {
  readonly column: Omit<Column, 'currency'> & { readonly money?: true };
  readonly value: (row: Row) => unknown;
  readonly when?: keyof Shown;
}

const FIELDS: readonly Field[] = [
  { column: { name: 'MRR', money: true }, value: (row) => row.mrr },
  { column: { name: 'customers', kind: 'integer' }, value: (row) => row.customers },
  { column: { name: 'new', money: true }, value: (row) => row.newMrr },
  { column: { name: 'expansion', money: true }, value: (row) => row.expansionMrr },
  { column: { name: 'contraction', money: true }, value: (row) => row.contractionMrr },
  { column: { name: 'churned', money: true }, value: (row) => row.churnedMrr },
  {
    column: { name: 'delinquent churn', money: true },
    value: (row) => row.delinquentChurnedMrr,
    when: 'delinquent',
  },
  { column: { name: 'reactivation', money: true }, value: (row) => row.reactivationMrr },
  { column: { name: 'net new', money: true }, value: (row) => row.netNewMrr },
  { column: { name: 'FX impact', money: true }, value: (row) => row.fxImpactMrr, when: 'fx' },
  { column: { name: 'logo churn', kind: 'percent' }, value: (row) => row.customerChurnRate },
  { column: { name: 'ARPA', money: true }, value: (row) => row.averageRevenuePerAccount },
  { column: { name: 'NRR', kind: 'percent' }, value: (row) => row.netRevenueRetention },
  { column: { name: 'GRR', kind: 'percent' }, value: (row) => row.grossRevenueRetention },
  { column: { name: 'trials', kind: 'integer' }, value: (row) => row.trialsStarted, when: 'trials' },
  { column: { name: 'converted', kind: 'integer' }, value: (row) => row.trialsConverted, when: 'trials' },
  { column: { name: 'usage', money: true }, value: (row) => row.usageRevenue ?? 0, when: 'invoices' },
  { column: { name: 'one-off', money: true }, value: (row) => row.oneOffRevenue ?? 0, when: 'invoices' },
];

/** The columns and rows of the series' table. */
export function seriesTable(
  series: readonly RecurringRevenueSeriesRow[],
  by: Period,
  currency: string | undefined,
  shown: Shown,
): { columns: Column[]; rows: unknown[][] } {
  const fields = FIELDS.filter((field) => field.when === undefined || shown[field.when]);
  return {
    columns: [
      { name: by },
      ...fields.map(
        ({ column: { money, ...column } }): Column => (money ? { ...column, kind: 'money', currency } : column),
      ),
    ],
    rows: series.map((row) => [row.period, ...fields.map((field) => field.value(row))]),
  };
}
