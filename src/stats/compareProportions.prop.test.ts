import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareProportions } from './compareProportions.js';

const group = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([trials, share]) => ({ successes: Math.round(trials * share), trials }));

describe('compareProportions properties', () => {
  it('holds the difference inside its interval, within [−1, 1], and a p-value in [0, 1]', () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const result = compareProportions({ a, b });
        expect(result.interval.low).toBeGreaterThanOrEqual(-1);
        expect(result.interval.high).toBeLessThanOrEqual(1);
        expect(result.interval.low).toBeLessThanOrEqual(result.difference + 1e-12);
        expect(result.interval.high).toBeGreaterThanOrEqual(result.difference - 1e-12);
        if (result.pValue !== null) {
          expect(result.pValue).toBeGreaterThanOrEqual(0);
          expect(result.pValue).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('is antisymmetric: swapping the groups negates the difference and mirrors the interval', () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const forward = compareProportions({ a, b });
        const backward = compareProportions({ a: b, b: a });
        expect(forward.difference).toBe(-backward.difference || 0);
        expect(forward.interval.low).toBeCloseTo(-backward.interval.high, 9);
        expect(forward.pValue === null).toBe(backward.pValue === null);
      }),
    );
  });

  it('has a null test exactly when the pooled share is 0 or 1', () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const pooled = a.successes + b.successes;
        const flat = pooled === 0 || pooled === a.trials + b.trials;
        expect(compareProportions({ a, b }).pValue === null).toBe(flat);
      }),
    );
  });
});
