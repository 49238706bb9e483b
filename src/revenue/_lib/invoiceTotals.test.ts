import { describe, expect, it } from 'vitest';
import { monthStart, parseMonth } from '../../internal/dates.js';
import { invoiceTotals } from './invoiceTotals.js';

const low = parseMonth('2024-01');
const window = { low, size: 3, lookback: 1 };
const lines = [
  { customerId: 'a', amount: 30, periodStart: '2024-01-01', periodEnd: '2024-04-01' },
  { customerId: 'a', amount: 5, kind: 'usage', periodStart: '2024-01-01', periodEnd: '2024-02-01' },
  { customerId: 'b', amount: '2.5', kind: 'one-off', periodStart: monthStart(low + 2), periodEnd: monthStart(low + 2) },
  { customerId: 'c', amount: 7, kind: 'usage', periodStart: '2023-11-01', periodEnd: '2023-12-01' },
];

describe('invoiceTotals', () => {
  it('keeps the recurring lines, and sums usage and one-off revenue by invoice month', () => {
    const { totals, usage, oneOff } = invoiceTotals('m', lines, {}, window);
    const mrr = [0, 1, 2].map((m) => Number(totals.mrr.get(m)) / Number(totals.den));
    expect(mrr).toEqual([10, 10, 10]);
    expect(usage.map((sum) => [sum.total, sum.scale])).toEqual([
      [0, 2],
      [500, 2],
      [0, 2],
    ]);
    expect(oneOff.map((sum) => sum.total)).toEqual([0, 0, 250]);
  });

  it("adds usage to its invoice month's MRR, or spreads it, as the policy says", () => {
    const month = (usage: 'invoice-month' | 'service-period') => {
      const { totals } = invoiceTotals('m', lines, { usage }, window);
      return [0, 1, 2].map((m) => Number(totals.mrr.get(m)) / Number(totals.den));
    };
    expect(month('invoice-month')).toEqual([10, 15, 10]);
    expect(month('service-period')).toEqual([15, 10, 10]);
  });
});
