// The bundled sample company's subscription file as records of the library, built from its columns the way
// a reader of the CSV would (blank cells left out, counts as numbers, the discount as one object).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** The records of `examples/data/subscriptions.csv`. */
export function sampleSubscriptions(): Record<string, unknown>[] {
  const rows = parse(readFileSync('examples/data/subscriptions.csv'), { columns: true }) as Record<string, string>[];
  return rows.map((row) => {
    const present = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
    // pastDueSince and endReason: columns of the failed payments that the subscription records do not take yet.
    const {
      id: _id,
      plan: _plan,
      pastDueSince: _due,
      endReason: _reason,
      discountPercent,
      discountAmount,
      intervalCount,
      quantity,
      ...rest
    } = present;
    return {
      ...rest,
      intervalCount: Number(intervalCount),
      quantity: Number(quantity),
      ...(discountPercent ? { discount: { percent: discountPercent } } : {}),
      ...(discountAmount ? { discount: { amount: discountAmount } } : {}),
    };
  });
}
