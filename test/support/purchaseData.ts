// The purchase fixtures of test/fixtures/purchases (source and licence in its README), read for tests.
import { readFileSync } from 'node:fs';

function rows(file: string): number[][] {
  return readFileSync(new URL(`../fixtures/purchases/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** A donation pattern of Fader, Hardie & Shang (2010): x, t_x, n = 6 and the supporters sharing it. */
export interface DonationPattern {
  readonly frequency: number;
  readonly recency: number;
  readonly opportunities: number;
  readonly count: number;
}

/** The 22 donation patterns (11 104 supporters). */
export function donations(): DonationPattern[] {
  return rows('donations.csv').map(([frequency, recency, opportunities, count]) => ({
    frequency: frequency as number,
    recency: recency as number,
    opportunities: opportunities as number,
    count: count as number,
  }));
}

/** A CDNOW customer's 39-week calibration summary: x, t_x, T (weeks) and zbar (mean repeat spend, $). */
export interface CdnowCustomer {
  readonly frequency: number;
  readonly recency: number;
  readonly age: number;
  readonly monetaryValue: number;
}

/** The 2 357 CDNOW customers, in the file's order (customer 1 first). */
export function cdnowSummary(): CdnowCustomer[] {
  return rows('cdnow-summary.csv').map(([, frequency, recency, age, monetaryValue]) => ({
    frequency: frequency as number,
    recency: recency as number,
    age: age as number,
    monetaryValue: monetaryValue as number,
  }));
}
