import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoNbd } from './_lib/paretoNbd.js';
import { fitParetoNbd } from './fitParetoNbd.js';

/** A history: x repeat purchases, the last at tₓ ≤ T (0 without repeat purchases). */
const history = fc
  .record({ frequency: fc.integer({ min: 0, max: 12 }), age: fc.double({ min: 1, max: 60, noNaN: true }) })
  .chain(({ frequency, age }) =>
    (frequency === 0 ? fc.constant(0) : fc.double({ min: 0.01, max: 1, noNaN: true }).map((share) => share * age)).map(
      (recency) => ({ frequency, recency, age }),
    ),
  );
const base = fc.array(history, { minLength: 5, maxLength: 60 }).filter((list) => list.some((c) => c.frequency > 0));
const parameter = fc.double({ min: 0.05, max: 50, noNaN: true });
const parameters = fc.tuple(parameter, parameter, parameter, parameter).map((p) => Float64Array.from(p));

describe('fitParetoNbd properties', () => {
  it('returns finite positive parameters, and α and β scale with the time unit', () => {
    fc.assert(
      fc.property(base, fc.double({ min: 0.1, max: 30, noNaN: true }), (customers, k) => {
        const fit = fitParetoNbd({ customers });
        for (const value of [fit.r, fit.alpha, fit.s, fit.beta]) expect(value > 0 && value < Infinity).toBe(true);
        expect(Number.isFinite(fit.logLikelihood)).toBe(true);
        const scaled = fitParetoNbd({
          customers: customers.map((c) => ({ frequency: c.frequency, recency: c.recency * k, age: c.age * k })),
        });
        if (fit.converged && scaled.converged) {
          // A maximum is unique up to the flatness of the likelihood: compare the log-likelihoods, which are
          // shifted by −Σx ln k (a density in time), rather than parameters on a flat ridge.
          const purchases = customers.reduce((sum, c) => sum + c.frequency, 0);
          expect(scaled.logLikelihood).toBeCloseTo(fit.logLikelihood - purchases * Math.log(k), 5);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('paretoNbd properties', () => {
  it('gives probabilities in [0, 1] and expectations that grow with time', () => {
    fc.assert(
      fc.property(parameters, history, fc.double({ min: 0.1, max: 100, noNaN: true }), (p, customer, t) => {
        const alive = paretoNbd.probabilityAlive(p, customer);
        expect(alive >= 0 && alive <= 1).toBe(true);
        const soon = paretoNbd.conditionalExpected(p, t, customer);
        const later = paretoNbd.conditionalExpected(p, 2 * t, customer);
        // Both saturate when lifetimes are short (s/β large): equal up to rounding there.
        expect(soon >= 0 && later >= soon * (1 - 1e-12) && later < Infinity).toBe(true);
        expect(paretoNbd.expected(p, 2 * t)).toBeGreaterThanOrEqual(paretoNbd.expected(p, t) * (1 - 1e-12));
        const count = paretoNbd.countProbability(p, customer.frequency, t);
        expect(count >= 0 && count <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a lower P(alive) to a customer observed longer since the last purchase', () => {
    fc.assert(
      fc.property(parameters, history, fc.double({ min: 0.1, max: 50, noNaN: true }), (p, customer, extra) => {
        const now = paretoNbd.probabilityAlive(p, customer);
        const later = paretoNbd.probabilityAlive(p, { ...customer, age: customer.age + extra });
        expect(later).toBeLessThanOrEqual(now * (1 + 1e-12));
      }),
      { numRuns: 300 },
    );
  });
});
