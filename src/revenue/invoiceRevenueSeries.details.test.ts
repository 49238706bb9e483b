import { describe, expect, it } from 'vitest';
import { MetricError } from '../errors.js';
import { invoiceRevenueSeries } from './invoiceRevenueSeries.js';

const lines = [
  { customerId: 'a', amount: 100, periodStart: '2024-01-01', periodEnd: '2024-02-01' },
  { customerId: 'a', amount: 150, periodStart: '2024-02-01', periodEnd: '2024-03-01' },
  { customerId: 'b', amount: 300, periodStart: '2024-01-01', periodEnd: '2024-04-01' },
  { customerId: 'a', amount: 90, periodStart: '2024-04-01', periodEnd: '2024-05-01' },
];
const options = { from: '2024-01', to: '2024-04', lookback: 1 };

describe('invoiceRevenueSeries details', () => {
  it('lists who moved, and the entries add up to the row figures', () => {
    const rows = invoiceRevenueSeries({ lines }, { ...options, details: true });
    expect(
      rows.map((row) => row.details?.map((d) => `${d.customerId} ${d.movement} ${d.previousMrr}→${d.mrr}`)),
    ).toEqual([
      ['a new 0→100', 'b new 0→100'],
      ['a expansion 100→150'],
      ['a churned 150→0'],
      // Customer order of first appearance: a before b.
      ['a reactivation 0→90', 'b churned 100→0'],
    ]);
    for (const row of rows) {
      const churned = (row.details ?? []).filter((d) => d.movement === 'churned');
      expect(churned.reduce((sum, d) => sum + d.amount, 0)).toBe(row.churnedMrr);
      expect(churned.every((d) => d.churnReason === 'voluntary')).toBe(true);
    }
    const quarters = invoiceRevenueSeries({ lines }, { ...options, period: 'quarter', details: true });
    expect(quarters.map((row) => row.details?.length)).toEqual([4, 2]);
  });

  it('keeps rows as they were without the option, and refuses a details that is not a boolean', () => {
    const rows = invoiceRevenueSeries({ lines }, options);
    expect(rows.some((row) => 'details' in row)).toBe(false);
    expect(invoiceRevenueSeries({ lines }, { ...options, details: true }).map(({ details: _, ...row }) => row)).toEqual(
      rows,
    );
    expect(() => invoiceRevenueSeries({ lines }, { ...options, details: 1 as unknown as boolean })).toThrow(
      MetricError,
    );
  });
});
