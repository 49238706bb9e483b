import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnRateFromSurvival } from './churnRateFromSurvival.js';

describe('churnRateFromSurvival properties', () => {
  it('is a fraction, and applying it for t periods gives back S(t)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 120, noNaN: true }),
        (survival, periods) => {
          const churn = churnRateFromSurvival({ survival, periods });
          expect(churn).toBeGreaterThanOrEqual(0);
          expect(churn).toBeLessThanOrEqual(1);
          expect(Math.exp(periods * Math.log1p(-churn))).toBeCloseTo(survival, 9);
        },
      ),
    );
  });

  it('is higher for a lower survival over the same periods', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 120, noNaN: true }),
        (a, b, periods) => {
          const [low, high] = a < b ? [a, b] : [b, a];
          expect(churnRateFromSurvival({ survival: low, periods })).toBeGreaterThanOrEqual(
            churnRateFromSurvival({ survival: high, periods }),
          );
        },
      ),
    );
  });
});
