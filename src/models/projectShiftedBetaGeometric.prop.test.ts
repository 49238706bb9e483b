import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectShiftedBetaGeometric } from './projectShiftedBetaGeometric.js';

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; about 15 digits), for the closed form B(α, β + t)/B(α, β). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = g[0] as number;
  for (let i = 1; i < 9; i++) sum += (g[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const parameter = fc.double({ min: 0.05, max: 50, noNaN: true });
const periods = fc.integer({ min: 1, max: 60 });

describe('projectShiftedBetaGeometric properties', () => {
  it('S(t) equals the closed form B(α, β + t)/B(α, β)', () => {
    fc.assert(
      fc.property(parameter, parameter, periods, (alpha, beta, count) => {
        const { survival } = projectShiftedBetaGeometric({ alpha, beta, periods: count });
        for (let t = 1; t <= count; t++) {
          const closed = Math.exp(
            logGamma(beta + t) - logGamma(beta) + logGamma(alpha + beta) - logGamma(alpha + beta + t),
          );
          expect(Math.abs((survival[t - 1] as number) / closed - 1)).toBeLessThan(1e-10);
        }
      }),
    );
  });

  it('S(t) is exactly the rational B(α, β + t)/B(α, β) for whole α and β, to the last bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), periods, (alpha, beta, count) => {
        const { survival } = projectShiftedBetaGeometric({ alpha, beta, periods: count });
        let numerator = 1n;
        let denominator = 1n;
        for (let t = 1; t <= count; t++) {
          numerator *= BigInt(beta + t - 1);
          denominator *= BigInt(alpha + beta + t - 1);
          // The exact ratio to 64 significant bits, against the double.
          const shift = BigInt(64 + denominator.toString(2).length - numerator.toString(2).length);
          const exact = Number((numerator << shift) / denominator) / 2 ** Number(shift);
          expect(Math.abs((survival[t - 1] as number) / exact - 1)).toBeLessThan(t * 2.3e-16 + 1e-17);
        }
      }),
    );
  });

  it('follows the recursion P(T = 1) = α/(α + β), P(T = t) = P(T = t − 1)(β + t − 2)/(α + β + t − 1)', () => {
    fc.assert(
      fc.property(parameter, parameter, periods, (alpha, beta, count) => {
        const { survival, lost } = projectShiftedBetaGeometric({ alpha, beta, periods: count });
        let p = alpha / (alpha + beta);
        let remaining = 1;
        for (let t = 1; t <= count; t++) {
          if (t > 1) p *= (beta + t - 2) / (alpha + beta + t - 1);
          expect(Math.abs((lost[t - 1] as number) / p - 1)).toBeLessThan(1e-12);
          remaining -= p;
          // S(t) = 1 − Σ P(T = i): checked against the scale of 1, where the subtraction loses digits.
          expect(Math.abs((survival[t - 1] as number) - remaining)).toBeLessThan(1e-13);
        }
      }),
    );
  });

  it('retention r(t) = (β + t − 1)/(α + β + t − 1) rises with t; survival falls; the shares add to 1', () => {
    fc.assert(
      fc.property(parameter, parameter, periods, (alpha, beta, count) => {
        const { survival, retention, lost } = projectShiftedBetaGeometric({ alpha, beta, periods: count });
        let total = 0;
        for (let t = 1; t <= count; t++) {
          const r = retention[t - 1] as number;
          // q = β + (t − 1), rounded once (not (β + t) − 1, which loses a tiny β), and r = q/(α + q).
          const q = beta + (t - 1);
          expect(r).toBe(q / (alpha + q));
          expect(r).toBeGreaterThan(0);
          expect(r).toBeLessThan(1);
          if (t > 1) {
            expect(r).toBeGreaterThan(retention[t - 2] as number);
            expect(survival[t - 1]).toBeLessThan(survival[t - 2] as number);
            expect((survival[t - 1] as number) / (survival[t - 2] as number)).toBeCloseTo(r, 13);
          }
          total += lost[t - 1] as number;
        }
        expect(total + (survival[count - 1] as number)).toBeCloseTo(1, 13);
      }),
    );
  });

  it('keeps S(t) + P(T ≤ t) = 1 within 1e-12 across the whole range of α and β (log-uniform)', () => {
    const exponent = fc.integer({ min: -10_000, max: 10_000 }).map((k) => 10 ** (k / 1000));
    fc.assert(
      fc.property(exponent, exponent, fc.integer({ min: 1, max: 300 }), (alpha, beta, count) => {
        const { survival, lost } = projectShiftedBetaGeometric({ alpha, beta, periods: count });
        let gone = 0;
        let worst = 0;
        for (let t = 0; t < count; t++) {
          gone += lost[t] as number;
          worst = Math.max(worst, Math.abs((survival[t] as number) + gone - 1));
        }
        expect(worst).toBeLessThan(1e-12);
      }),
      { numRuns: 300 },
    );
  });
});
