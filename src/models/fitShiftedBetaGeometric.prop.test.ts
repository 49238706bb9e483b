import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gamma, uniform } from '../../test/support/draws.js';
import { logLikelihood, projection } from './_lib/shiftedBetaGeometric.js';
import { discountedExpectedLifetime } from './discountedExpectedLifetime.js';
import { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
import { projectShiftedBetaGeometric } from './projectShiftedBetaGeometric.js';

/**
 * A cohort simulated from the sBG model: each customer draws θ ~ Beta(α, β), then renews each period with
 * probability 1 − θ. Returns the customers active at the start of periods 0…periods.
 */
function simulate(alpha: number, beta: number, size: number, periods: number, seed: number): number[] {
  const next = uniform(seed);
  const survivors = new Array<number>(periods + 1).fill(0);
  for (let i = 0; i < size; i++) {
    const x = gamma(alpha, next);
    const theta = x / (x + gamma(beta, next));
    // T = the first period at whose end the customer leaves (geometric on 1, 2, …).
    const lifetime = theta >= 1 ? 1 : Math.ceil(Math.log(next()) / Math.log1p(-theta));
    for (let t = 0; t <= periods && t < lifetime; t++) survivors[t] = (survivors[t] as number) + 1;
  }
  return survivors;
}

/**
 * Asymptotic standard errors of ln α̂ and ln β̂ for a cohort of `size` over `periods` periods, from the
 * expected (Fisher) information at the true α and β. The log-likelihood is linear in the counts, so its
 * Hessian at the expected counts, size·P(T = t) and size·S(T), is minus that information (the score term of
 * the chain rule vanishes there). Unlike the observed information at the fitted α̂ and β̂, it does not depend
 * on the draw, and it scales exactly as 1/√size.
 */
function standardErrors(alpha: number, beta: number, size: number, periods: number): [number, number] {
  const { survival, lost } = projection(alpha, beta, periods);
  const expectedLost = Float64Array.from(lost, (share) => share * size);
  const remaining = (survival[periods - 1] as number) * size;
  const { hessian } = logLikelihood(expectedLost, remaining, Math.log(alpha), Math.log(beta));
  const [huu, huv, hvv] = hessian;
  const det = huu * hvv - huv * huv;
  return [Math.sqrt(-hvv / det), Math.sqrt(-huu / det)];
}

describe('fitShiftedBetaGeometric properties', () => {
  it('recovers α and β from simulated cohorts within a tolerance that shrinks with the cohort size', () => {
    // The tolerance is 5 standard errors of the maximum-likelihood estimate (asymptotically normal): a false
    // alarm below 1.2e-6 a fit. Over 3 054 fits drawn as here (1 018 runs, other seeds), the largest error
    // was 3.85 standard errors and 15 exceeded 3, as normal errors would. The standard errors come from the
    // expected information at the true α and β (above): estimated from each draw's own fit instead, at
    // 2 000 customers in the corner of small α and large β, they varied enough that the tolerance sometimes
    // failed to shrink by the 2.5 this test once demanded from 2 000 to 20 000 customers (about one run in
    // 120), and fast-check's shrinking of that failure, refitting 200 000-customer cohorts, ran past the
    // timeout. The seed is fixed so that every run checks the same cohorts, the bounds included.
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (alpha, beta, seed) => {
          let previous = Number.POSITIVE_INFINITY;
          for (const size of [2_000, 20_000, 200_000]) {
            const survivors = simulate(alpha, beta, size, 10, seed + size);
            const fit = fitShiftedBetaGeometric({ survivors });
            expect(fit.converged).toBe(true);
            const [seAlpha, seBeta] = standardErrors(alpha, beta, size, 10);
            expect(Math.abs(Math.log(fit.alpha / alpha))).toBeLessThan(5 * seAlpha);
            expect(Math.abs(Math.log(fit.beta / beta))).toBeLessThan(5 * seBeta);
            // Errors of order 1/√size: the tolerance shrinks by √10 with each tenfold cohort.
            if (size > 2_000) expect(previous / seAlpha).toBeCloseTo(Math.sqrt(10), 6);
            previous = seAlpha;
          }
        },
      ),
      { numRuns: 12, seed: 20_261_206 },
    );
  });

  it('finds a maximum: no nearby α, β has a higher likelihood', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (alpha, beta, seed) => {
          const survivors = simulate(alpha, beta, 5_000, 8, seed);
          const fit = fitShiftedBetaGeometric({ survivors });
          const lost = new Float64Array(survivors.length - 1);
          for (let t = 1; t < survivors.length; t++) {
            lost[t - 1] = (survivors[t - 1] as number) - (survivors[t] as number);
          }
          const remaining = survivors.at(-1) as number;
          const u = Math.log(fit.alpha);
          const v = Math.log(fit.beta);
          expect(logLikelihood(lost, remaining, u, v).value).toBeCloseTo(fit.logLikelihood, 9);
          for (const [du, dv] of [
            [1e-3, 0],
            [-1e-3, 0],
            [0, 1e-3],
            [0, -1e-3],
            [0.1, 0.1],
            [-0.1, -0.1],
          ] as const) {
            expect(logLikelihood(lost, remaining, u + du, v + dv).value).toBeLessThanOrEqual(fit.logLikelihood + 1e-9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives the same fit from survivors and from lost counts, and is scale-free', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 500 }),
        (lost, extra) => {
          const initial = lost.reduce((a, b) => a + b, 0) + extra;
          fc.pre(lost[0] !== initial && lost.some((n) => n > 0));
          const survivors = [initial];
          for (const n of lost) survivors.push((survivors.at(-1) as number) - n);
          const fromLost = fitShiftedBetaGeometric({ initial, lost });
          expect(fitShiftedBetaGeometric({ survivors })).toEqual(fromLost);
          expect(Number.isFinite(fromLost.alpha) && Number.isFinite(fromLost.beta)).toBe(true);
          expect(fromLost.logLikelihood).toBeLessThanOrEqual(0);
          // Whatever the fit returns, even at a limit of the model, the other functions accept.
          const { alpha, beta } = fromLost;
          expect(projectShiftedBetaGeometric({ alpha, beta, periods: 3 }).survival).toHaveLength(3);
          expect(discountedExpectedLifetime({ alpha, beta, discountRate: 0.1 })).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
