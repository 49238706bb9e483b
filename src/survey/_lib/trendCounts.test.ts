import { describe, expect, it } from 'vitest';
import { countTrend, periodSpan, readTimes } from './trendCounts.js';
import { expectMetricError } from '../../../test/support/errors.js';

const open = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };

describe('trend counts', () => {
  it('reads a Float64Array without a copy and converts other dates', () => {
    const times = new Float64Array([0, 1]);
    expect(readTimes('m', times, ['at'])).toBe(times);
    expect([...readTimes('m', ['1970-01-02', new Date(5)], ['at'])]).toEqual([86_400_000, 5]);
    expectMetricError(() => readTimes('m', [0, 9e15], ['at']), 'INVALID_INPUT', ['at', 1]);
  });

  it('ends the span with the period before an excluded first instant', () => {
    const to = Date.UTC(2024, 3, 1);
    expect(periodSpan(0, 0, { from: Date.UTC(2024, 0, 5), to }, 'month').length).toBe(3);
    expect(periodSpan(5, 7, open, 'month')).toEqual({ first: 5, length: 3 });
  });

  it('counts each score in its period and slot, and checks responses outside the window too', () => {
    const jan = Date.UTC(2024, 0, 3);
    const mar = Date.UTC(2024, 2, 3);
    const { length, counts } = countTrend({
      metric: 'm',
      scores: [1, 2, 2],
      dates: { unit: 'ms', values: new Float64Array([jan, mar, mar]) },
      datePath: ['at'],
      slots: { codes: [0, -1, 0], size: 1, grouped: true, path: ['c'], missing: '' },
      range: { min: 1, max: 2 },
      period: 'month',
      window: open,
      field: ['scores'],
    });
    expect(length).toBe(3);
    // Period 0: slot 1 score 1; period 2: slot 0 score 2 and slot 1 score 2.
    expect([...counts]).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    expectMetricError(
      () =>
        countTrend({
          metric: 'm',
          scores: [1, 3],
          dates: { unit: 'ms', values: new Float64Array([jan, 0]) },
          datePath: ['at'],
          slots: null,
          range: { min: 1, max: 2 },
          period: 'month',
          window: { from: jan, to: Number.POSITIVE_INFINITY },
          field: ['scores'],
        }),
      'INVALID_INPUT',
      ['scores', 1],
    );
  });
});
