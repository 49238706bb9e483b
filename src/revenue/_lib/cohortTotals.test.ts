import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../internal/dates.js';
import { cohortRows } from './cohortRows.js';
import { cohortTotals, earliestFirstPaid } from './cohortTotals.js';
import { keep } from './seriesTotals.js';

const low = parseMonth('2024-01');
const window = { low, size: 3, lookback: 1 };
const trials = () => ({ started: new Float64Array(3), converted: new Float64Array(3) });

describe('cohortTotals and cohortRows', () => {
  it('adds each customer’s month-end MRR to its cohort’s cells, with the starting MRR and the caps', () => {
    const records = [
      { customerId: 'a', amount: 30, start: '2023-11-05' },
      { customerId: 'b', amount: 10, start: '2024-01-05', end: '2024-02-10' },
      { customerId: 'b', amount: 25, start: '2024-02-10' },
      { customerId: 'c', amount: 20, start: '2024-02-01', end: '2024-03-01' },
      { customerId: 'd', amount: 7, start: '2024-04-01' },
    ];
    const kept = keep('m', records, {}, window, trials());
    expect(earliestFirstPaid(kept, low + 2)).toBe(parseMonth('2023-11'));
    const layout = { low, size: 3, length: 1 };
    const totals = cohortTotals(kept, layout);
    if (totals === undefined) throw new Error('expected totals');
    // a paid before the window and d after it: left out. Cohorts: January (b), February (c).
    expect(Array.from(totals.customers)).toEqual([1, 1]);
    expect(Array.from(totals.offsets)).toEqual([0, 3, 5]);
    // Exact integers in units of 1/den.
    const money = (value: number | bigint) => Number(value) / Number(totals.den);
    expect([0, 1, 2, 3, 4].map((cell) => money(totals.mrr.get(cell)))).toEqual([10, 25, 25, 20, 0]);
    expect([0, 1, 2, 3, 4].map((cell) => money(totals.capped.get(cell)))).toEqual([10, 10, 10, 20, 0]);
    expect([0, 1].map((slot) => money(totals.starting.get(slot)))).toEqual([10, 20]);
    expect(Array.from(totals.active)).toEqual([1, 1, 1, 1, 0]);
    const { cohorts, average } = cohortRows('m', totals, layout, 'month');
    expect(cohorts.map((row) => row.netRetention)).toEqual([
      [1, 2.5, 2.5],
      [1, 0],
    ]);
    expect(average.netRetention).toEqual([1, 25 / 30, 2.5]);
    expect(average.grossRetention).toEqual([1, 1 / 3, 1]);
  });

  it('is undefined when nobody first paid in the window', () => {
    const kept = keep('m', [{ customerId: 'a', amount: 30, start: '2023-11-05' }], {}, window, trials());
    expect(cohortTotals(kept, { low, size: 3, length: 1 })).toBeUndefined();
  });
});
