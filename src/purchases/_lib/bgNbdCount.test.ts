import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byLogarithms, countProbability } from './bgNbdCount.js';

const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

describe('countProbability', () => {
  it('agrees with mpmath, small tails included', () => {
    // Eq. 8 at 40 digits (mpmath.beta, gamma and betainc for the tail): [r, α, a, b, n, t, P(X(t) = n)].
    const cases = [
      [0.243, 4.414, 0.793, 2.426, 1, 39, 0.19939528083591146],
      [0.243, 4.414, 0.793, 2.426, 20, 39, 0.0003986920941422094],
      [0.243, 4.414, 0.793, 2.426, 49, 39, 4.126018405622776e-6],
      [0.243, 4.414, 0.793, 2.426, 150, 39, 1.3651289203258712e-11],
      [3.5, 2.0, 1.5, 4.0, 2, 1.0, 0.19828425476653525],
      [3.5, 2.0, 1.5, 4.0, 40, 1.0, 2.1058714643258958e-18],
      [0.01, 1.0, 0.5, 0.5, 5, 100, 0.0011524178875076808],
    ] as const;
    for (const [r, alpha, a, b, n, t, expected] of cases) {
      expect(relative(countProbability(r, alpha, a, b, n, t), expected), `n = ${n}`).toBeLessThan(5e-14);
    }
  });

  it('stays within 1e-12 of ln B, ln Γ and the summed tail, over a wide range', () => {
    const parameter = (min: number, max: number) =>
      fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(
        parameter(0.01, 30),
        parameter(0.1, 100),
        parameter(0.05, 30),
        parameter(0.05, 50),
        fc.integer({ min: 1, max: 260 }),
        parameter(1e-3, 1e3),
        (r, alpha, a, b, n, horizon) => {
          const t = horizon * alpha;
          const expected = byLogarithms(r, alpha, a, b, n, t);
          fc.pre(expected > 1e-250);
          const value = countProbability(r, alpha, a, b, n, t);
          expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('sums to 1 over n', () => {
    let total = 0;
    for (let n = 0; n < 3000; n++) total += countProbability(0.243, 4.414, 0.793, 2.426, n, 39);
    expect(total).toBeCloseTo(1, 3);
    expect(countProbability(0.243, 4.414, 0.793, 2.426, 0, 0)).toBe(1);
    expect(countProbability(0.243, 4.414, 0.793, 2.426, 3, 0)).toBe(0);
  });
});
