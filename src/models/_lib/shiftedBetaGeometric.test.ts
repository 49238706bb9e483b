import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnAt, discountedLifetime, logLikelihood, retentionAt } from './shiftedBetaGeometric.js';

/** The log-likelihood written directly from P(T = t) and S(t) by their recursions, without derivatives. */
function direct(lost: readonly number[], remaining: number, alpha: number, beta: number): number {
  let value = 0;
  let survival = 1;
  lost.forEach((n, index) => {
    const t = index + 1;
    const p = (survival * alpha) / (alpha + beta + t - 1);
    value += n * Math.log(p);
    survival -= p;
  });
  return value + remaining * Math.log(survival);
}

describe('sBG log-likelihood', () => {
  it('is −2115.5 for the high-end cohort at α = β = 1 (the start of the paper’s Excel Solver run)', () => {
    // Survivors 1000, 869, 743, 653, 593, 551, 517, 491 (Fader & Hardie 2007); jdmaturen's implementation
    // checks −2.115 for the same data as fractions of the cohort.
    const lost = Float64Array.from([131, 126, 90, 60, 42, 34, 26]);
    expect(logLikelihood(lost, 491, 0, 0).value).toBeCloseTo(-2115.5455066456, 9);
  });

  it('agrees with the direct formula, and its derivatives with finite differences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (lostCounts, remaining, u, v) => {
          const lost = Float64Array.from(lostCounts);
          const at = logLikelihood(lost, remaining, u, v);
          const scale = 1 + Math.abs(at.value);
          expect(Math.abs(at.value - direct(lostCounts, remaining, Math.exp(u), Math.exp(v))) / scale).toBeLessThan(
            1e-10,
          );
          const h = 1e-5;
          const du =
            (logLikelihood(lost, remaining, u + h, v).value - logLikelihood(lost, remaining, u - h, v).value) / (2 * h);
          const dv =
            (logLikelihood(lost, remaining, u, v + h).value - logLikelihood(lost, remaining, u, v - h).value) / (2 * h);
          expect(Math.abs(at.gradient[0] - du) / scale).toBeLessThan(1e-6);
          expect(Math.abs(at.gradient[1] - dv) / scale).toBeLessThan(1e-6);
          const plusU = logLikelihood(lost, remaining, u + h, v);
          const minusU = logLikelihood(lost, remaining, u - h, v);
          const plusV = logLikelihood(lost, remaining, u, v + h);
          const minusV = logLikelihood(lost, remaining, u, v - h);
          expect(Math.abs(at.hessian[0] - (plusU.gradient[0] - minusU.gradient[0]) / (2 * h)) / scale).toBeLessThan(
            1e-6,
          );
          expect(Math.abs(at.hessian[1] - (plusV.gradient[0] - minusV.gradient[0]) / (2 * h)) / scale).toBeLessThan(
            1e-6,
          );
          expect(Math.abs(at.hessian[2] - (plusV.gradient[1] - minusV.gradient[1]) / (2 * h)) / scale).toBeLessThan(
            1e-6,
          );
        },
      ),
    );
  });
});

describe('sBG rates and lifetimes', () => {
  it('retention and churn at t add to 1', () => {
    expect(retentionAt(1, 1, 1)).toBe(0.5);
    expect(churnAt(0.704, 1.182, 1)).toBeCloseTo(0.704 / 1.886, 15);
    expect(retentionAt(0.704, 1.182, 3) + churnAt(0.704, 1.182, 3)).toBeCloseTo(1, 15);
  });

  it('uses the closed forms without discounting', () => {
    expect(discountedLifetime(3, 2, 0, undefined)).toBe(2);
    expect(discountedLifetime(3, 2, 0, 4)).toBe(3);
  });
});
