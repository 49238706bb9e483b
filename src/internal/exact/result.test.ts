import { describe, expect, it } from 'vitest';
import { isMetricError } from '../../errors.js';
import { finiteResult, ratioResult } from './result.js';

describe('finiteResult', () => {
  it('rejects results beyond the double range', () => {
    expect(finiteResult('m', -0, 'x')).toBe(0);
    try {
      finiteResult('m', Number.POSITIVE_INFINITY, 'the total');
      expect.unreachable();
    } catch (error) {
      expect(isMetricError(error) && error.message).toBe(
        'm: the total is too large to represent as a number; the inputs are out of range',
      );
    }
  });

  it('converts an exact ratio once, guarded', () => {
    expect(ratioResult('m', 1, 3, 'x')).toBe(1 / 3);
    expect(ratioResult('m', -0, 3, 'x')).toBe(0);
    expect(() => ratioResult('m', 10n ** 400n, 1, 'x')).toThrow('x is too large');
  });
});
