import { describe, expect, it } from 'vitest';
import { trendRows, type TrendMetric } from './trendRows.js';

// A toy metric: the share of the top score, compared by plain difference with a fixed p-value.
const share: TrendMetric<{ top: number; n: number }> = {
  score: (counts) => ({ top: counts[1] as number, n: (counts[0] as number) + (counts[1] as number) }),
  read: (result) => ({ score: result.top / result.n, interval: { low: 0, high: 1 } }),
  compare: (current, previous) => ({ difference: current.top / current.n - previous.top / previous.n, pValue: 0.02 }),
};

describe('trendRows', () => {
  it('lists declared segments, merges slots of one name and adjusts the segments of a period', () => {
    const counts = new Float64Array([
      // period 0: slot 0 (none) empty, slot 1 'a', slot 2 'b', slot 3 'a' again
      0, 0, 1, 1, 0, 2, 0, 1,
      // period 1
      0, 0, 0, 2, 1, 1, 0, 0,
    ]);
    const rows = trendRows(
      { first: 24_288, length: 2, names: ['(none)', 'a', 'b', 'a'], declared: [false, false, true, false], counts },
      2,
      'month',
      0.95,
      share,
    );
    expect(rows.map((row) => [row.period, row.segment, row.responses])).toEqual([
      ['2024-01', undefined, 5],
      ['2024-01', 'a', 3],
      ['2024-01', 'b', 2],
      ['2024-02', undefined, 4],
      ['2024-02', 'a', 2],
      ['2024-02', 'b', 2],
    ]);
    expect(rows[4]?.change).toEqual({ difference: 1 - 2 / 3, pValue: 0.04, rawPValue: 0.02, significant: true });
    expect(rows[3]?.change?.pValue).toBe(0.02);
  });
});
