// The CDNOW calibration summary (test/fixtures/purchases/README.md) as records and as columns, in weeks.
import { readFileSync } from 'node:fs';

export interface CdnowCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
}

/** The 2 357 customers of the CDNOW sample over the 39-week calibration period. */
export function cdnowCustomers(): CdnowCustomer[] {
  const text = readFileSync(new URL('../fixtures/purchases/cdnow-summary.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, x, recency, age] = line.split(',').map(Number);
      return { frequency: x as number, recency: recency as number, age: age as number };
    });
}

/** The same customers as Float64Array columns. */
export function cdnowColumns(): { frequency: Float64Array; recency: Float64Array; age: Float64Array } {
  const customers = cdnowCustomers();
  return {
    frequency: Float64Array.from(customers, (c) => c.frequency),
    recency: Float64Array.from(customers, (c) => c.recency),
    age: Float64Array.from(customers, (c) => c.age),
  };
}
