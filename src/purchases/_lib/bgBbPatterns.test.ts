import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readPatterns } from './bgBbPatterns.js';

describe('readPatterns', () => {
  it('merges identical patterns, adding their counts, in order of first appearance', () => {
    const patterns = readPatterns('test', {
      customers: [
        { frequency: 1, recency: 2, opportunities: 6 },
        { frequency: 0, recency: 0, opportunities: 6, count: 5 },
        { frequency: 1, recency: 2, opportunities: 6, count: 3 },
        { frequency: 1, recency: 2, opportunities: 7 },
      ],
    });
    expect(Array.from(patterns.frequency)).toEqual([1, 0, 1]);
    expect(Array.from(patterns.recency)).toEqual([2, 0, 2]);
    expect(Array.from(patterns.opportunities)).toEqual([6, 6, 7]);
    expect(Array.from(patterns.count)).toEqual([4, 5, 1]);
    expect(patterns.longest).toBe(7);
    expect(patterns.customers).toBe(10);
  });

  it('reads columns as records', () => {
    const columns = readPatterns('test', {
      customers: { frequency: [1, 0, 1], recency: [2, 0, 2], opportunities: Uint16Array.of(6, 6, 6) },
    });
    expect(Array.from(columns.count)).toEqual([2, 1]);
    expect(columns.customers).toBe(3);
  });

  it('accepts the largest number of opportunities and refuses one more', () => {
    expect(readPatterns('test', { customers: [{ frequency: 0, recency: 0, opportunities: 100_000 }] }).longest).toBe(
      100_000,
    );
    expectMetricError(
      () => readPatterns('test', { customers: { frequency: [0], recency: [0], opportunities: [100_001] } }),
      'INVALID_INPUT',
      ['customers', 'opportunities', 0],
    );
  });

  it('names the field at fault', () => {
    expectMetricError(
      () => readPatterns('test', { customers: [{ frequency: 2, recency: 1, opportunities: 3 }] }),
      'INVALID_INPUT',
      ['customers', 0, 'frequency'],
    );
    expectMetricError(
      () => readPatterns('test', { customers: { frequency: [0, 0], recency: [0, 4], opportunities: [3, 3] } }),
      'INVALID_INPUT',
      ['customers', 'recency', 1],
      'must not exceed opportunities (3)',
    );
    expectMetricError(
      () =>
        readPatterns('test', { customers: { frequency: [0], recency: [0], opportunities: [3], count: [Number.NaN] } }),
      'INVALID_INPUT',
      ['customers', 'count', 0],
    );
    expectMetricError(
      () => readPatterns('test', { customers: [{ frequency: 0, recency: 0, opportunities: 3, extra: 1 }] }),
      'INVALID_INPUT',
      ['customers', 0],
    );
  });
});
