// The CDNOW calibration summary (test/fixtures/purchases/cdnow-summary.csv: 2 357 customers, 39 weeks) as
// purchase histories in weeks.
import { readFileSync } from 'node:fs';

export interface WeeklyHistory {
  frequency: number;
  recency: number;
  age: number;
}

let cached: WeeklyHistory[] | undefined;

/** The 2 357 customers of the CDNOW sample: x, t_x and T in weeks (a fresh copy on every call). */
export function cdnowSummary(): WeeklyHistory[] {
  cached ??= readFileSync(new URL('../fixtures/purchases/cdnow-summary.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, x, tx, T] = line.split(',').map(Number) as [number, number, number, number];
      return { frequency: x, recency: tx, age: T };
    });
  return cached.map((customer) => ({ ...customer }));
}
