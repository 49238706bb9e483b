import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readSample } from './sampleSummary.js';

describe('readSample', () => {
  it('reduces values to their count, mean and sample variance', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32 ÷ 7.
    expect(readSample('m', { values: [2, 4, 4, 4, 5, 5, 7, 9] }, 'a')).toEqual({ count: 8, mean: 5, variance: 32 / 7 });
    expect(readSample('m', { values: new Float64Array([1, 3]) }, 'b')).toEqual({ count: 2, mean: 2, variance: 2 });
  });

  it('squares the standard deviation of a summary and folds −0', () => {
    const summary = readSample('m', { count: 4, mean: -0, standardDeviation: 1.5 }, 'a');
    expect(summary).toEqual({ count: 4, mean: 0, variance: 2.25 });
    expect(Object.is(summary.mean, -0)).toBe(false);
  });

  it('never returns a negative variance for equal values', () => {
    const same = Array.from({ length: 1001 }, () => 0.1);
    expect(readSample('m', { values: same }, 'a').variance).toBeGreaterThanOrEqual(0);
    expect(readSample('m', { values: same }, 'a').variance).toBeLessThan(1e-30);
  });

  it('names the side and the element', () => {
    expectMetricError(() => readSample('m', { values: [1, null] }, 'b'), 'INVALID_INPUT', ['b', 'values', 1]);
    expectMetricError(() => readSample('m', 5, 'a'), 'INVALID_INPUT', ['a']);
    expectMetricError(() => readSample('m', { values: [Number.MAX_VALUE, -Number.MAX_VALUE] }, 'a'), 'INVALID_INPUT', [
      'a',
      'values',
    ]);
  });
});
