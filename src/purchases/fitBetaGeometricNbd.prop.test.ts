import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gamma, uniform } from '../../test/support/draws.js';
import { bgNbdLogLikelihood, prepareBgNbd } from './_lib/bgNbdLikelihood.js';
import { readCustomers } from './_lib/customers.js';
import { maximize } from './_lib/maximize.js';
import { fitBetaGeometricNbd } from './fitBetaGeometricNbd.js';

// Bases drawn from the BG/NBD model itself (a few hundred customers, observed 20 to 52 weeks), so that most
// have an interior maximum: arbitrary histories mostly send the likelihood towards a limit of the model.

/** n customers of the BG/NBD model (r, α, a, b): purchases while alive, a lapse after each with probability p. */
function simulate(seed: number, r: number, alpha: number, a: number, b: number, n: number) {
  const next = uniform(seed);
  return Array.from({ length: n }, () => {
    const lambda = gamma(r, next) / alpha;
    const ga = gamma(a, next);
    const p = ga / (ga + gamma(b, next));
    const age = 20 + 32 * next();
    let x = 0;
    let last = 0;
    let t = 0;
    for (;;) {
      t += -Math.log(next()) / lambda;
      if (t > age) break;
      x++;
      last = t;
      if (next() < p) break;
    }
    return { frequency: x, recency: last, age };
  });
}
const base = fc
  .record({
    seed: fc.integer(),
    r: fc.double({ min: 0.2, max: 3, noNaN: true }),
    alpha: fc.double({ min: 1, max: 20, noNaN: true }),
    a: fc.double({ min: 0.3, max: 3, noNaN: true }),
    b: fc.double({ min: 1, max: 10, noNaN: true }),
    n: fc.integer({ min: 200, max: 600 }),
  })
  .map(({ seed, r, alpha, a, b, n }) => simulate(seed, r, alpha, a, b, n))
  .filter((list) => list.some((c) => c.frequency > 0));

type Customer = { frequency: number; recency: number; age: number };

/** The same likelihood maximised by BFGS alone from the fit's start: what Newton's steps must at least match. */
function quasiNewton(customers: Customer[]): { value: number; interior: boolean } {
  const columns = readCustomers('test', customers);
  let repeat = 0;
  let time = 0;
  for (const c of customers) {
    repeat += c.frequency;
    time += c.age;
  }
  const scale = time / customers.length;
  const data = prepareBgNbd(columns, scale);
  const start = [1, time / (customers.length + repeat) / scale, 1, 1].map(Math.log);
  const best = maximize((point, gradient) => bgNbdLogLikelihood(data, point, gradient), start);
  // A stationary point within the fit's bounds (r, α ÷ mean age, a, b in [1e-6, 1e6]): an interior maximum,
  // not a drift towards a limit of the model, where the two searches may stop at different heights.
  const interior = Array.from(best.point, Math.exp).every((value) => value > 1e-6 && value < 1e6);
  return { value: best.value, interior: best.converged && interior };
}

describe('fitBetaGeometricNbd properties', () => {
  it('reaches at least the maximum BFGS reaches from the same start, and says so only at a stationary point', () => {
    fc.assert(
      fc.property(base, (customers) => {
        const fit = fitBetaGeometricNbd({ customers });
        for (const value of [fit.r, fit.alpha, fit.a, fit.b]) expect(value > 0 && value < Infinity).toBe(true);
        expect(Number.isFinite(fit.logLikelihood)).toBe(true);
        const reference = quasiNewton(customers);
        // Both searches stop within rounding of a maximum (1e-10 of the gradient relative to |ln L|); where
        // BFGS finds an interior maximum, Newton's steps must not stop lower.
        if (reference.interior) {
          expect(fit.logLikelihood).toBeGreaterThanOrEqual(
            reference.value - 1e-8 * Math.max(1, Math.abs(reference.value)),
          );
        }
        if (fit.converged) {
          const data = prepareBgNbd(readCustomers('test', customers), 1);
          const gradient = new Float64Array(4);
          const value = bgNbdLogLikelihood(
            data,
            Float64Array.from([fit.r, fit.alpha, fit.a, fit.b], Math.log),
            gradient,
          );
          expect(value).toBeCloseTo(fit.logLikelihood, 6);
          for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6 * Math.max(1, Math.abs(value)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reaches the interior maximum on two drawn bases where Newton’s steps alone did not', () => {
    // Found by the property above: on the first, Newton's first long steps went to the limit a, b → ∞ (ln L
    // −1375.943) past an interior maximum (−1375.789); on the second, its shifted steps crawled along a ridge
    // for 500 iterations. (Fixed seeds of fast-check's generator, pinned by the lockfile.)
    for (const [seed, index, expected] of [
      [12345, 354, -1375.7889330930052],
      [2, 14, -525.9983456744588],
    ] as const) {
      const customers = fc.sample(base, { seed, numRuns: index + 1 })[index] as Customer[];
      const fit = fitBetaGeometricNbd({ customers });
      expect(fit.converged).toBe(true);
      expect(fit.logLikelihood).toBeCloseTo(expected, 6);
    }
  });

  it('shifts the log-likelihood by −Σx ln k when the time unit is divided by k', () => {
    fc.assert(
      fc.property(base, fc.double({ min: 0.1, max: 30, noNaN: true }), (customers, k) => {
        const fit = fitBetaGeometricNbd({ customers });
        const scaled = fitBetaGeometricNbd({
          customers: customers.map((c) => ({ frequency: c.frequency, recency: c.recency * k, age: c.age * k })),
        });
        if (fit.converged && scaled.converged) {
          const purchases = customers.reduce((sum, c) => sum + c.frequency, 0);
          expect(scaled.logLikelihood).toBeCloseTo(fit.logLikelihood - purchases * Math.log(k), 5);
          expect(scaled.r).toBeCloseTo(fit.r, 2);
          expect(scaled.alpha / k / fit.alpha).toBeCloseTo(1, 2);
        }
      }),
      { numRuns: 20 },
    );
  });
});
