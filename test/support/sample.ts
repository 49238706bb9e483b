// The bundled sample company's subscription file as records of the library, built from its columns the way
// a reader of the CSV would (blank cells left out, counts as numbers, the discount as one object).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { type DerivedTrial, type TrialSource, trialsOf } from '../../examples/dashboard/trials.js';

const rows = (file: string) =>
  parse(readFileSync(`examples/data/${file}`), { columns: true }) as Record<string, string>[];

/** The records of `examples/data/subscriptions.csv`, as the library takes them. */
export function sampleSubscriptions(): Record<string, unknown>[] {
  return rows('subscriptions.csv').map((row) => {
    const present = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
    const { id: _id, plan: _plan, discountPercent, discountAmount, intervalCount, quantity, ...rest } = present;
    return {
      ...rest,
      intervalCount: Number(intervalCount),
      quantity: Number(quantity),
      ...(discountPercent ? { discount: { percent: discountPercent } } : {}),
      ...(discountAmount ? { discount: { amount: discountAmount } } : {}),
    };
  });
}

/** The free trials of the sample's subscription records, by the dashboard's own rule (`trialsOf`). */
export function sampleTrials(): DerivedTrial[] {
  return trialsOf(sampleSubscriptions() as unknown as TrialSource[]);
}

/** The monthly rates of `examples/data/exchange-rates.csv`, `{ EUR: [{ from, rate }, …] }`. */
export function sampleDatedRates(): Record<string, { from: string; rate: string }[]> {
  const rates: Record<string, { from: string; rate: string }[]> = {};
  for (const { currency, from, rate } of rows('exchange-rates.csv')) {
    rates[currency!] ??= [];
    rates[currency!]!.push({ from: from!, rate: rate! });
  }
  return rates;
}

/** The lines of `examples/data/invoices.csv`, blank cells left out, the full period's interval as `fullPeriod`. */
export function sampleInvoiceLines(): Record<string, unknown>[] {
  return rows('invoices.csv').map((row) => {
    const { fullPeriodInterval, ...line } = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
    return { ...line, ...(fullPeriodInterval ? { fullPeriod: { interval: fullPeriodInterval } } : {}) };
  });
}
