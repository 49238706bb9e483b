import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricError } from '../errors.js';
import { type FitProportionalHazardsResult, fitProportionalHazards } from './fitProportionalHazards.js';

type Row = { duration: number; churned: boolean; covariates: { a: number; b: number } };

const rows = fc.array(
  fc.record({
    duration: fc.integer({ min: 1, max: 12 }),
    churned: fc.boolean(),
    covariates: fc.record({
      a: fc.double({ min: -5, max: 5, noNaN: true }),
      b: fc.integer({ min: 0, max: 3 }),
    }),
  }),
  { minLength: 8, maxLength: 60 },
);

/** The fit, or null where the data hold none (no churn, a constant or separating covariate). */
function fit(observations: Row[], options = {}): FitProportionalHazardsResult | null {
  try {
    return fitProportionalHazards({ observations }, options);
  } catch (error) {
    if (isMetricError(error)) return null;
    throw error;
  }
}

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

describe('fitProportionalHazards properties', () => {
  it('does not depend on the order of the observations', () => {
    fc.assert(
      fc.property(rows, fc.integer(), (data, seed) => {
        const shuffled = [...data].sort(
          (x, y) => ((x.covariates.a * 7919 + seed) % 13) - ((y.covariates.a * 7919 + seed) % 13),
        );
        const one = fit(data);
        const two = fit(shuffled);
        expect(two === null).toBe(one === null);
        if (one === null || two === null || !one.converged) return;
        // Only rounding differs: the estimates agree far within their standard errors (the search may stop one
        // step apart where the likelihood is flat). The concordance's invariance is the helper's own property:
        // here a near-tie of two risk scores could flip with the last bits of β.
        one.coefficients.forEach((c, j) => {
          const other = two.coefficients[j]?.coefficient ?? Number.NaN;
          expect(Math.abs(other - c.coefficient)).toBeLessThanOrEqual(
            1e-6 * Math.max(1, Math.abs(c.coefficient)) + 1e-4 * c.standardError,
          );
        });
        close(two.logLikelihood, one.logLikelihood);
      }),
      { numRuns: 60 },
    );
  });

  it('divides a coefficient by k when its covariate is multiplied by k', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(0.001, 0.5, 3, 1000), (data, k) => {
        const scaled = data.map((row) => ({ ...row, covariates: { ...row.covariates, a: row.covariates.a * k } }));
        const one = fit(data);
        const two = fit(scaled);
        if (one === null || two === null || !one.converged) return;
        close((two.coefficients[0]?.coefficient ?? Number.NaN) * k, one.coefficients[0]?.coefficient ?? Number.NaN);
        close(two.coefficients[1]?.coefficient ?? Number.NaN, one.coefficients[1]?.coefficient ?? Number.NaN);
        close(two.logLikelihood, one.logLikelihood);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps hazard ratios positive, the concordance and every p-value in [0, 1]', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom('efron', 'breslow') as fc.Arbitrary<'efron' | 'breslow'>, (data, ties) => {
        const result = fit(data, { ties });
        if (result === null) return;
        expect(result.concordance).toBeGreaterThanOrEqual(0);
        expect(result.concordance).toBeLessThanOrEqual(1);
        expect(result.likelihoodRatio.pValue).toBeGreaterThanOrEqual(0);
        expect(result.likelihoodRatio.pValue).toBeLessThanOrEqual(1);
        expect(result.logLikelihood).toBeGreaterThanOrEqual(result.nullLogLikelihood);
        for (const c of result.coefficients) {
          expect(c.hazardRatio).toBeGreaterThan(0);
          expect(c.low).toBeLessThanOrEqual(c.hazardRatio);
          expect(c.high).toBeGreaterThanOrEqual(c.hazardRatio);
          expect(c.pValue).toBeGreaterThanOrEqual(0);
          expect(c.pValue).toBeLessThanOrEqual(1);
          expect(Number.isFinite(c.standardError)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
