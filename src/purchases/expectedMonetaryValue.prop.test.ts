import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedMonetaryValue } from './expectedMonetaryValue.js';

const model = fc.record({
  model: fc.constant('gamma-gamma' as const),
  p: fc.double({ min: 0.1, max: 50, noNaN: true }),
  q: fc.double({ min: 1.01, max: 50, noNaN: true }),
  v: fc.double({ min: 0.1, max: 1000, noNaN: true }),
});

describe('expectedMonetaryValue properties', () => {
  it('lies between the population’s mean and the customer’s own mean spend, nearer to it with more purchases', () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        (m, x, z) => {
          const population = (m.p * m.v) / (m.q - 1);
          const value = expectedMonetaryValue({ model: m, customer: { frequency: x, monetaryValue: z } });
          const tolerance = 1e-9 * Math.max(population, z);
          expect(value).toBeGreaterThanOrEqual(Math.min(population, z) - tolerance);
          expect(value).toBeLessThanOrEqual(Math.max(population, z) + tolerance);
          const more = expectedMonetaryValue({ model: m, customer: { frequency: x + 1, monetaryValue: z } });
          expect(Math.abs(more - z)).toBeLessThanOrEqual(Math.abs(value - z) + tolerance);
        },
      ),
    );
  });

  it('rises with the customer’s own mean spend', () => {
    fc.assert(
      fc.property(
        model,
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        (m, x, z) => {
          const low = expectedMonetaryValue({ model: m, customer: { frequency: x, monetaryValue: z } });
          const high = expectedMonetaryValue({ model: m, customer: { frequency: x, monetaryValue: z * 1.5 } });
          expect(high).toBeGreaterThan(low);
        },
      ),
    );
  });
});
