// Invoice lines into the series engine: validates every line, keeps the lines that enter MRR as spans of
// months with exact monthly amounts, and sums the usage and one-off revenue invoiced in each month.
//
// A line in a currency with dated rates: its MRR is left in that currency and valued at each month end's
// rate by the engine (`rateDate: 'month-end'`), or converted at the rate in force on its `periodStart` day
// (`'record-start'`); its revenue invoiced (usage, one-off, and usage counted in its invoice month) at the
// rate in force on its `invoicedAt` day.
import { DAY_MS, monthOf } from '../../internal/dates.js';
import { nextElement, ownIterator } from '../../internal/elements.js';
import { type Int, multiplyInt } from '../../internal/exact/integer.js';
import { DecimalSum } from '../../internal/exact/scaled.js';
import { StringIds } from '../../internal/hash.js';
import { InvoiceLineReader, KIND_ONE_OFF, KIND_RECURRING, KIND_USAGE } from './invoiceLineReader.js';
import { LineAmounts } from './lineAmounts.js';
import type { CurrencyPolicies } from './currencyRule.js';
import type { RateBook } from './exchangeRates.js';
import type { DetailSink } from './movementDetails.js';
import { KeptRecords, type SeriesTotals, type SeriesWindow, totalsOfKept } from './seriesEngine.js';
import { MonthRateNeeds } from './seriesFx.js';
import type { LineRounding } from './subscriptionSchema.js';

/** How usage lines enter MRR. */
export type UsagePolicy = 'exclude' | 'invoice-month' | 'service-period';

/** The policies of the invoice series. */
export interface InvoicePolicies extends CurrencyPolicies {
  readonly rounding?: LineRounding | undefined;
  readonly usage?: UsagePolicy | undefined;
  readonly rateDate?: 'month-end' | 'record-start' | undefined;
}

/** The exact monthly totals of the lines, and the usage and one-off revenue by month offset. */
export interface InvoiceTotals {
  readonly totals: SeriesTotals;
  readonly usage: readonly DecimalSum[];
  readonly oneOff: readonly DecimalSum[];
}

const sums = (size: number): DecimalSum[] => Array.from({ length: size }, () => new DecimalSum());

/** The last line's net amount converted from its dated currency at the rate in force on `instant`'s day. */
class DatedNet {
  net: Int = 0;
  scale = 0;

  convert(reader: InvoiceLineReader, instant: number, index: number): void {
    const rate = (reader.book as RateBook).at(reader.datedCurrency, Math.floor(instant / DAY_MS), `lines[${index}]`);
    this.net = multiplyInt(reader.net, rate.int);
    this.scale = reader.scale + rate.scale;
  }
}

/**
 * Validates the lines and computes the exact monthly totals of the window. Customer grain: each
 * customer's lines are summed month by month before its movements are classified. With `details`, also
 * lists each customer's movements.
 */
export function invoiceTotals(
  metric: string,
  lines: ArrayLike<unknown>,
  policies: InvoicePolicies,
  window: SeriesWindow,
  details?: DetailSink,
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
  const atStart = policies.rateDate === 'record-start';
  const dated = new DatedNet();
  let needs: MonthRateNeeds | undefined;
  const iterator = ownIterator(lines);
  for (let i = 0; i < length; i++) {
    reader.read(iterator === undefined ? lines[i] : nextElement(iterator), i);
    const kind = reader.kind;
    let { net, scale } = reader;
    if (kind !== KIND_RECURRING) {
      const invoiced = monthOf(reader.invoicedAt) - low;
      const inWindow = invoiced >= 0 && invoiced < size;
      // The revenue invoiced, converted at its invoice day's rate. Only the days of lines the window shows
      // are looked up (outside it, only whether a line pays counts).
      let billed = net;
      let billedScale = scale;
      if (reader.datedCurrency >= 0 && inWindow) {
        dated.convert(reader, reader.invoicedAt, i);
        billed = dated.net;
        billedScale = dated.scale;
      }
      const revenue = kind === KIND_USAGE ? usage : oneOff;
      if (inWindow) (revenue[invoiced] as DecimalSum).add(billed, billedScale);
      if (kind === KIND_ONE_OFF || usagePolicy === 'exclude' || net === 0) continue;
      if (usagePolicy === 'invoice-month') {
        amounts.whole(billed, billedScale);
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
    let currency = reader.datedCurrency;
    if (currency >= 0 && atStart && kept.covers(a, b)) {
      // Frozen at its start day's rate; a line the window does not show is not looked up.
      dated.convert(reader, reader.start, i);
      net = dated.net;
      scale = dated.scale;
      currency = -1;
    }
    amounts.spread(net, scale, reader.start, reader.end, reader.fullInterval, reader.fullCount);
    if (amounts.num === 0) continue;
    const k = kept.add(customers.idOf(reader.customerId), a, b, amounts.num, amounts.den);
    if (k >= 0 && currency >= 0) {
      kept.setCurrency(k, currency + 1);
      needs ??= new MonthRateNeeds(size);
      needs.note(currency, kept.first[k] as number, kept.last[k] as number, i);
    }
  }
  if (needs !== undefined && reader.book !== undefined) kept.rates = needs.rates(reader.book, low, 'lines');
  kept.names = customers.strings;
  const trials = { started: new Float64Array(size), converted: new Float64Array(size) };
  return { totals: totalsOfKept(kept, window, trials, undefined, details), usage, oneOff };
}
