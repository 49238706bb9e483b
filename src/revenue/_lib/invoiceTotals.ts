// Invoice lines into the series engine: validates every line, keeps the lines that enter MRR as spans of
// months with exact monthly amounts, and sums the usage and one-off revenue invoiced in each month.
import { monthOf } from '../../internal/dates.js';
import { nextElement, ownIterator } from '../../internal/elements.js';
import { DecimalSum } from '../../internal/exact/scaled.js';
import { StringIds } from '../../internal/hash.js';
import { InvoiceLineReader, KIND_ONE_OFF, KIND_RECURRING, KIND_USAGE } from './invoiceLineReader.js';
import { LineAmounts } from './lineAmounts.js';
import type { CurrencyPolicies } from './lineCurrencies.js';
import { KeptRecords, type SeriesTotals, type SeriesWindow, totalsOfKept } from './seriesEngine.js';
import type { LineRounding } from './subscriptionSchema.js';

/** How usage lines enter MRR. */
export type UsagePolicy = 'exclude' | 'invoice-month' | 'service-period';

/** The policies of the invoice series. */
export interface InvoicePolicies extends CurrencyPolicies {
  readonly rounding?: LineRounding | undefined;
  readonly usage?: UsagePolicy | undefined;
}

/** The exact monthly totals of the lines, and the usage and one-off revenue by month offset. */
export interface InvoiceTotals {
  readonly totals: SeriesTotals;
  readonly usage: readonly DecimalSum[];
  readonly oneOff: readonly DecimalSum[];
}

const sums = (size: number): DecimalSum[] => Array.from({ length: size }, () => new DecimalSum());

/**
 * Validates the lines and computes the exact monthly totals of the window. Customer grain: each
 * customer's lines are summed month by month before its movements are classified.
 */
export function invoiceTotals(
  metric: string,
  lines: ArrayLike<unknown>,
  policies: InvoicePolicies,
  window: SeriesWindow,
): InvoiceTotals {
  const { low, size } = window;
  const reader = new InvoiceLineReader(metric, 'lines', policies);
  const amounts = new LineAmounts(policies.rounding);
  const usagePolicy = policies.usage ?? 'exclude';
  const length = lines.length;
  const kept = new KeptRecords(length, window);
  const customers = new StringIds();
  const usage = sums(size);
  const oneOff = sums(size);
  const iterator = ownIterator(lines);
  for (let i = 0; i < length; i++) {
    reader.read(iterator === undefined ? lines[i] : nextElement(iterator), i);
    const { kind, net, scale } = reader;
    if (kind !== KIND_RECURRING) {
      const invoiced = monthOf(reader.invoicedAt) - low;
      const revenue = kind === KIND_USAGE ? usage : oneOff;
      if (invoiced >= 0 && invoiced < size) (revenue[invoiced] as DecimalSum).add(net, scale);
      if (kind === KIND_ONE_OFF || usagePolicy === 'exclude' || net === 0) continue;
      if (usagePolicy === 'invoice-month') {
        amounts.whole(net, scale);
        if (amounts.num === 0) continue;
        const month = invoiced + low;
        kept.add(customers.idOf(reader.customerId), month, month, amounts.num, amounts.den);
        continue;
      }
    }
    if (net === 0) continue;
    // Months at whose end the line is in service: from the month of its start to the month before its end.
    const a = monthOf(reader.start);
    const b = monthOf(reader.end) - 1;
    if (a > b) continue;
    amounts.spread(net, scale, reader.start, reader.end, reader.fullInterval, reader.fullCount);
    if (amounts.num === 0) continue;
    kept.add(customers.idOf(reader.customerId), a, b, amounts.num, amounts.den);
  }
  const trials = { started: new Float64Array(size), converted: new Float64Array(size) };
  return { totals: totalsOfKept(kept, window, trials), usage, oneOff };
}
