// The CDNOW sample's transactions (test/fixtures/purchases/cdnow-sample.txt; README beside it).
import { readFileSync } from 'node:fs';

/** The transactions: `<master id> <sample id> <YYYYMMDD> <CDs> <dollars>` per line. */
export function cdnowTransactions(): { customerId: number; at: string; amount: string }[] {
  return readFileSync(new URL('../fixtures/purchases/cdnow-sample.txt', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, id = '', day = '', , dollars = ''] = line.trim().split(/\s+/);
      return {
        customerId: Number(id),
        at: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
        amount: dollars,
      };
    });
}
