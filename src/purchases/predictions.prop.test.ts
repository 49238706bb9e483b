// Properties of the BG/NBD predictions over random parameters and histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './expectedPurchases.js';
import { probabilityAlive } from './probabilityAlive.js';
import { purchaseCountProbability } from './purchaseCountProbability.js';

const parameter = fc.double({ min: 0.05, max: 20, noNaN: true });
const model = fc
  .record({ r: parameter, alpha: parameter, a: parameter, b: parameter })
  .map((p) => ({ model: 'bg-nbd', ...p }));
const history = fc
  .record({
    frequency: fc.integer({ min: 0, max: 300 }),
    last: fc.double({ min: 0.01, max: 1, noNaN: true }),
    age: fc.double({ min: 0.1, max: 2000, noNaN: true }),
  })
  .map(({ frequency, last, age }) => ({ frequency, recency: frequency === 0 ? 0 : last * age, age }));

describe('BG/NBD predictions', () => {
  it('P(alive) is in [0, 1], and 1 without repeat purchases', () => {
    fc.assert(
      fc.property(model, history, (m, customer) => {
        const p = probabilityAlive({ model: m, customer });
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        if (customer.frequency === 0) expect(p).toBe(1);
        else if (customer.recency === customer.age) expect(p).toBeGreaterThan(0);
      }),
    );
  });

  it('E[Y(t)] is finite, ≥ 0 and does not fall as t grows', () => {
    fc.assert(
      fc.property(model, history, fc.double({ min: 0.01, max: 100, noNaN: true }), (m, customer, t) => {
        const shorter = expectedPurchases({ model: m, periods: t, customer });
        const longer = expectedPurchases({ model: m, periods: 2 * t, customer });
        expect(Number.isFinite(longer)).toBe(true);
        expect(shorter).toBeGreaterThanOrEqual(0);
        expect(longer).toBeGreaterThanOrEqual(shorter * (1 - 1e-9));
        const start = expectedPurchases({ model: m, periods: t });
        expect(expectedPurchases({ model: m, periods: 2 * t })).toBeGreaterThanOrEqual(start * (1 - 1e-9));
      }),
    );
  });

  it('Σ_n P(X(t) = n) tends to 1, and E[X(t)] = Σ_n n P(X(t) = n)', () => {
    fc.assert(
      fc.property(model, fc.double({ min: 0.1, max: 20, noNaN: true }), (m, t) => {
        // The count's tail falls like n^(r−1) (t/(α + t))^n: with the ratio at most 0.9 and r at most 20 the
        // count's mean is at most 180 and its standard deviation about 42, so 1 000 terms leave nothing out.
        fc.pre(t / (m.alpha + t) <= 0.9);
        let total = 0;
        let mean = 0;
        let n = 0;
        const terms = 1000;
        for (; n < terms; n++) {
          const p = purchaseCountProbability({ model: m, purchases: n, periods: t });
          total += p;
          mean += n * p;
        }
        expect(total).toBeGreaterThan(1 - 1e-6);
        expect(total).toBeLessThan(1 + 1e-9);
        if (m.a > 1.5) expect(mean / expectedPurchases({ model: m, periods: t })).toBeCloseTo(1, 4);
      }),
      { numRuns: 60 },
    );
  });
});
