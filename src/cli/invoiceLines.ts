// Invoice lines from a file (CSV, JSON Lines or a JSON array): one line of an invoice a row, the way billing
// systems export them. The full period of a prorated line is written in its own columns
// (`fullPeriodInterval`, `fullPeriodIntervalCount`) and becomes one `fullPeriod` object.
import type { BillingInterval, InvoiceLine } from '../revenue/index.js';
import { type CommandContext, type FieldSpecs, type LoadedRecords, loadRecords } from './command.js';
import { lazyArray } from './columns.js';

/** A row of an invoice-lines file: a line whose full period is two columns. */
export type InvoiceLineRow = Omit<InvoiceLine, 'fullPeriod'> & {
  readonly fullPeriodInterval?: BillingInterval | undefined;
  readonly fullPeriodIntervalCount?: number | undefined;
};

/** The columns of an invoice-lines file and the fields they fill. */
export const INVOICE_LINE_FIELDS: FieldSpecs<InvoiceLineRow> = {
  customerId: { column: 'customerId', required: true },
  amount: { column: 'amount', kind: 'money', required: true },
  tax: { column: 'tax', kind: 'money' },
  currency: { column: 'currency' },
  kind: { column: 'kind' },
  periodStart: { column: 'periodStart', kind: 'date', required: true },
  periodEnd: { column: 'periodEnd', kind: 'date', required: true },
  fullPeriodInterval: { column: 'fullPeriodInterval' },
  fullPeriodIntervalCount: { column: 'fullPeriodIntervalCount', kind: 'number' },
  invoicedAt: { column: 'invoicedAt', kind: 'date' },
};

const FULL_PERIOD_COLUMNS: ReadonlySet<string> = new Set(['fullPeriodInterval', 'fullPeriodIntervalCount']);

/**
 * The invoice lines of a file as records, built when read: a line with a full-period interval or count gets
 * `fullPeriod` (a count without an interval too, for the library to name the missing interval).
 */
export function invoiceLines(loaded: LoadedRecords<InvoiceLineRow>): readonly InvoiceLine[] {
  return lazyArray(loaded.length, (i) => {
    const line: { -readonly [K in keyof InvoiceLine]: InvoiceLine[K] } = loaded.record(i, FULL_PERIOD_COLUMNS);
    const interval = loaded.value('fullPeriodInterval', i) as BillingInterval | undefined;
    const intervalCount = loaded.value('fullPeriodIntervalCount', i) as number | undefined;
    if (interval !== undefined || intervalCount !== undefined) {
      line.fullPeriod = {
        interval: interval as BillingInterval,
        ...(intervalCount === undefined ? {} : { intervalCount }),
      };
    }
    return line;
  });
}

/** Record fields → the file's columns, for `locate`: `fullPeriod` is read from its two columns. */
export function invoiceLineColumns(loaded: LoadedRecords<InvoiceLineRow>): Record<string, string> {
  const { fullPeriodInterval, fullPeriodIntervalCount } = loaded.columns;
  return { ...loaded.columns, fullPeriod: `${fullPeriodInterval} or ${fullPeriodIntervalCount}` };
}

/** Reads a file of invoice lines (columns renamed with `--map`, filtered with `--where`, as other inputs). */
export async function loadInvoiceLines(
  context: CommandContext,
  file: string,
): Promise<{ lines: readonly InvoiceLine[]; loaded: LoadedRecords<InvoiceLineRow>; columns: Record<string, string> }> {
  const loaded = await loadRecords(context, file, INVOICE_LINE_FIELDS);
  return { lines: invoiceLines(loaded), loaded, columns: invoiceLineColumns(loaded) };
}
