import { describe, expect, it } from 'vitest';
import { compareCounts } from './proportions.js';

describe('compareCounts', () => {
  it('gives Newcombe method 10 and the pooled test (Newcombe 1998, Table II, example a)', () => {
    const result = compareCounts(56, 70, 48, 80, 0.95);
    expect(result.difference).toBe(0.2);
    expect(result.low).toBeCloseTo(0.0524, 4);
    expect(result.high).toBeCloseTo(0.3339, 4);
    expect(result.pValue).toBeCloseTo(0.008045, 6);
  });

  it('has no test when the pooled share is 0 or 1', () => {
    expect(compareCounts(0, 3, 0, 4, 0.95)).toMatchObject({ z: null, pValue: null, difference: 0 });
    expect(compareCounts(3, 3, 4, 4, 0.95)).toMatchObject({ z: null, pValue: null, difference: 0 });
  });
});
