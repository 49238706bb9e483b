import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBetaGeometricBetaBinomial } from './fitBetaGeometricBetaBinomial.js';

/** A valid pattern: x ≤ t_x ≤ n, t_x = 0 exactly when x = 0, and a count. */
const pattern = fc
  .record({ n: fc.integer({ min: 1, max: 8 }), t: fc.nat(), x: fc.nat(), count: fc.integer({ min: 1, max: 60 }) })
  .map(({ n, t, x, count }) => {
    const recency = t % (n + 1);
    const frequency = recency === 0 ? 0 : 1 + (x % recency);
    return { frequency, recency, opportunities: n, count };
  });

describe('fitBetaGeometricBetaBinomial properties', () => {
  it('returns finite parameters and a log-likelihood of at most 0; records and columns agree', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 12 }), (customers) => {
        const fit = fitBetaGeometricBetaBinomial({ customers });
        for (const value of [fit.alpha, fit.beta, fit.gamma, fit.delta]) {
          expect(value).toBeGreaterThan(0);
          expect(Number.isFinite(value)).toBe(true);
        }
        // A probability: at most 0 (up to rounding), approached when no customer ever bought again.
        expect(fit.logLikelihood).toBeLessThanOrEqual(1e-9);
        expect(fit.customers).toBe(customers.reduce((sum, row) => sum + row.count, 0));
        const columns = fitBetaGeometricBetaBinomial({
          customers: {
            frequency: customers.map((row) => row.frequency),
            recency: customers.map((row) => row.recency),
            opportunities: customers.map((row) => row.opportunities),
            count: customers.map((row) => row.count),
          },
        });
        expect(columns).toEqual(fit);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same optimum for the customers in reverse order and for every count doubled', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 3, maxLength: 12 }), (customers) => {
        const fit = fitBetaGeometricBetaBinomial({ customers });
        if (!fit.converged) return;
        const reversed = fitBetaGeometricBetaBinomial({ customers: [...customers].reverse() });
        // The optimiser stops when the gradient is below 1e-10 · max(1, |LL|): compare on that scale.
        const scale = Math.max(1, Math.abs(fit.logLikelihood));
        expect(Math.abs(reversed.logLikelihood - fit.logLikelihood)).toBeLessThan(1e-8 * scale);
        const doubled = fitBetaGeometricBetaBinomial({
          customers: customers.map((row) => ({ ...row, count: 2 * row.count })),
        });
        expect(Math.abs(doubled.logLikelihood - 2 * fit.logLikelihood)).toBeLessThan(1e-8 * scale);
      }),
      { numRuns: 25 },
    );
  });
});
