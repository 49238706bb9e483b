// The CDNOW sample (2 357 customers who first bought in the first quarter of 1997, followed to the end of June
// 1998; test/fixtures/purchases/README.md) summarised as the papers do, against the calibration summary that
// lifetimes ships (x, t_x, T, zbar for the 39 weeks to 1997-09-30).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cdnowTransactions as transactions } from '../../test/support/cdnowTransactions.js';
import { summarizePurchases } from './summarizePurchases.js';

const FIXTURES = 'test/fixtures/purchases';

/** The published summary, as written (two decimals). */
function publishedSummary(): { id: number; x: number; tx: string; T: string; zbar: string }[] {
  const [, ...rows] = readFileSync(`${FIXTURES}/cdnow-summary.csv`, 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [id = '', x = '', tx = '', T = '', zbar = ''] = row.split(',');
    return { id: Number(id), x: Number(x), tx, T, zbar };
  });
}

/** Hundredths of a positive number, rounded to the nearest (no ties arise for whole days ÷ 7). */
const hundredths = (value: number) => Math.round(value * 100);
const cents = (text: string) => Math.round(Number(text) * 100);

describe('summarizePurchases on CDNOW', () => {
  const all = transactions();
  const options = { asOf: '1997-09-30', unit: 'week', holdoutEnd: '1998-06-30' } as const;
  const summary = summarizePurchases({ transactions: all }, options);

  // The calibration period ends on 1997-09-30, included; times are whole days since the first purchase ÷ 7,
  // and the purchases of one day are one purchase. Those are the conventions of Fader & Hardie's note
  // "Creating an RFM Summary Using Excel" (2008) that made this summary, and lifetimes' documentation of
  // `freq_multiplier` gives the same figures for the first customer (t_x 30.43 and T 38.86 with freq 'D'
  // and a multiplier of 7, where weeks counted as periods give 30 and 39). With 1997-10-01 as the end, T
  // would be 39 for that customer, and no row would match.
  it('reproduces x, t_x, T and zbar of all 2 357 customers', () => {
    const published = publishedSummary();
    expect(published).toHaveLength(2357);
    expect(summary.customers).toHaveLength(2357);
    published.forEach((row, k) => {
      const ours = summary.customers[k];
      expect(ours?.customerId, `row ${k}`).toBe(row.id);
      expect(ours?.frequency, `x of ${row.id}`).toBe(row.x);
      expect(hundredths(ours?.recency ?? -1), `t_x of ${row.id}`).toBe(cents(row.tx));
      expect(hundredths(ours?.age ?? -1), `T of ${row.id}`).toBe(cents(row.T));
      // zbar is the mean repeat spend rounded to cents, ties up (140 customers' means end in a half cent).
      // Ours is the exact mean as a double: times x it gives back the exact repeat spend in cents.
      const x = row.x;
      const spend = Math.round((ours?.monetaryValue ?? -1) * x * 100);
      const rounded = x === 0 ? 0 : Math.floor((2 * spend + x) / (2 * x));
      expect(rounded, `zbar of ${row.id}`).toBe(cents(row.zbar));
    });
  });

  it('counts the repeat purchases of the calibration and holdout periods (39 weeks each)', () => {
    const total = (pick: (c: (typeof summary.customers)[number]) => number) =>
      summary.customers.reduce((sum, c) => sum + pick(c), 0);
    // Computed from the transactions: 2 457 repeat purchases in the 39 calibration weeks, 1 882 in the 39
    // weeks of the holdout; 1 411 of the customers made no repeat purchase by 1997-09-30.
    expect(total((c) => c.frequency)).toBe(2457);
    expect(total((c) => c.holdoutFrequency ?? 0)).toBe(1882);
    expect(summary.customers.filter((c) => c.frequency === 0)).toHaveLength(1411);
    expect(summary.holdoutDuration).toBe(39);
  });

  it('gives the same summary from columns: integer ids, epoch milliseconds and amounts as typed arrays', () => {
    const columns = summarizePurchases(
      {
        customerIds: Int32Array.from(all, (t) => t.customerId),
        at: Float64Array.from(all, (t) => Date.parse(`${t.at}T00:00:00Z`)),
        amounts: Float64Array.from(all, (t) => Number(t.amount)),
      },
      options,
    );
    expect(columns).toEqual(summary);
  });
});
