import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitGammaGamma } from './fitGammaGamma.js';

const customer = fc.record({
  frequency: fc.integer({ min: 0, max: 40 }),
  monetaryValue: fc.double({ min: 0.5, max: 5000, noNaN: true }),
});
const relative = (a: number, b: number) => Math.abs(a / b - 1);

describe('fitGammaGamma properties', () => {
  it('returns finite parameters and a correlation in [−1, 1] (or null)', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 40 }), (rows) => {
        const customers = [...rows, { frequency: 1, monetaryValue: 10 }];
        const fit = fitGammaGamma({ customers });
        for (const value of [fit.p, fit.q, fit.v, fit.logLikelihood]) expect(Number.isFinite(value)).toBe(true);
        expect(fit.customers + fit.withoutRepeatPurchases).toBe(customers.length);
        const r = fit.frequencyValueCorrelation;
        if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });

  it('scales v with the currency and leaves p and q unchanged (where the data identify them)', () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 8, maxLength: 40 }), fc.constantFrom(0.01, 7, 1000), (rows, k) => {
        const customers = [...rows, { frequency: 1, monetaryValue: 10 }, { frequency: 3, monetaryValue: 45 }];
        const fit = fitGammaGamma({ customers });
        // Only where the data identify the model: wild spends can leave p → ∞ along a flat ridge (p·v fixed).
        if (!fit.converged || fit.p > 100 || fit.q > 100) return;
        const scaled = fitGammaGamma({
          customers: customers.map((row) => ({ ...row, monetaryValue: row.monetaryValue * k })),
        });
        // The spends are rescaled to mean 1 before fitting, so both searches see the same numbers up to
        // rounding; where the likelihood is flat that rounding can still decide whether the gradient test passes.
        if (!scaled.converged) return;
        expect(relative(scaled.p, fit.p)).toBeLessThan(1e-4);
        expect(relative(scaled.q, fit.q)).toBeLessThan(1e-4);
        expect(relative(scaled.v, k * fit.v)).toBeLessThan(1e-4);
      }),
      { numRuns: 25 },
    );
  });
});
