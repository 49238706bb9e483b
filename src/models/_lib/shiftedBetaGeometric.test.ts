import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryParts } from '../../../test/support/exact.js';
import { churnAt, discountedLifetime, logLikelihood, projection, retentionAt } from './shiftedBetaGeometric.js';

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

/** 2^1100: every double at or above the smallest subnormal is a whole multiple of 2^−1100. */
const ONE = 1n << 1100n;

/** A double as an exact multiple of 2^−1100 (a BigInt), for references with exact rational arithmetic. */
function scaled(x: number): bigint {
  const { significand, power } = binaryParts(x);
  return significand << BigInt(power + 1100);
}

/** n/d (positive BigInts) to a double, to within one unit in the last place. */
function toNumber(n: bigint, d: bigint): number {
  const shift = 70 + d.toString(2).length - n.toString(2).length;
  const q = shift >= 0 ? (n << BigInt(shift)) / d : n / (d << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

/** S(t), r(t) and P(T = t) for t = 1…periods, exactly (as rationals) for the doubles α and β given. */
function exactProjection(alpha: number, beta: number, periods: number) {
  const a = scaled(alpha);
  const b = scaled(beta);
  const survival: number[] = [];
  const retention: number[] = [];
  const lost: number[] = [];
  let numerator = 1n;
  let denominator = 1n;
  for (let t = 1; t <= periods; t++) {
    const q = b + BigInt(t - 1) * ONE;
    const c = a + q;
    lost.push(toNumber(numerator * a, denominator * c));
    numerator *= q;
    denominator *= c;
    survival.push(toNumber(numerator, denominator));
    retention.push(toNumber(q, c));
  }
  return { survival, retention, lost };
}

/**
 * A number drawn log-uniformly from [low, high] (fast-check's doubles crowd near 0, which on a log scale
 * would crowd near 1, so the exponent is drawn as a whole number of steps).
 */
const logUniform = (low: number, high: number) =>
  fc
    .integer({ min: 0, max: 2 ** 30 })
    .map((step) => Math.min(high, Math.max(low, Math.exp(Math.log(low) + (Math.log(high / low) * step) / 2 ** 30))));

describe('sBG projection at the edges of the parameters', () => {
  it('keeps a tiny β: at α = β = 1e-10 half the cohort leaves at once and half stays', () => {
    // (β + t) − 1 rounded β away: r(1) was 0.50000004 and P(T = 1) 0.49999996, so S + lost ≠ 1.
    expect(retentionAt(1e-10, 1e-10, 1)).toBe(0.5);
    expect(churnAt(1e-10, 1e-10, 1)).toBe(0.5);
    const { survival, lost } = projection(1e-10, 1e-10, 3);
    expect([survival[0], lost[0]]).toEqual([0.5, 0.5]);
  });

  it('matches exact rational arithmetic to a few units in the last place', () => {
    for (const [alpha, beta] of [
      [1e-10, 1e-10],
      [1e-12, 1e12],
      [1e12, 1e-12],
      [1e-12, 1e-12],
      [1e12, 1e12],
      [0.704, 1.182],
      [3.5e-7, 2.25],
    ] as const) {
      const periods = 40;
      const got = projection(alpha, beta, periods);
      const exact = exactProjection(alpha, beta, periods);
      for (let t = 1; t <= periods; t++) {
        const close = (x: number | undefined, y: number | undefined, units: number) => {
          // Relative, or absolute beside the smallest normal double (a share that underflowed).
          expect(Math.abs((x as number) - (y as number))).toBeLessThanOrEqual(
            units * 1.12e-16 * Math.abs(y as number) + 1e-300,
          );
        };
        close(got.retention[t - 1], exact.retention[t - 1], 3);
        close(got.survival[t - 1], exact.survival[t - 1], 5 * t);
        close(got.lost[t - 1], exact.lost[t - 1], 5 * t);
      }
    }
  });

  it('keeps S(t) + P(T ≤ t) = 1 within 1e-12 for α, β in [1e-12, 1e12] over hundreds of periods', () => {
    fc.assert(
      fc.property(
        logUniform(1e-12, 1e12),
        logUniform(1e-12, 1e12),
        fc.integer({ min: 1, max: 400 }),
        (alpha, beta, periods) => {
          const { survival, retention, lost } = projection(alpha, beta, periods);
          // The largest departures over the horizon, checked once (an expect per period is slow).
          let gone = 0;
          let before = 1;
          let sumError = 0;
          let stepError = 0;
          let splitError = 0;
          let rises = 0;
          for (let t = 1; t <= periods; t++) {
            const s = survival[t - 1] as number;
            const p = lost[t - 1] as number;
            gone += p;
            sumError = Math.max(sumError, Math.abs(s + gone - 1));
            stepError = Math.max(stepError, Math.abs(before - s - p));
            splitError = Math.max(splitError, Math.abs((retention[t - 1] as number) + churnAt(alpha, beta, t) - 1));
            if (s > before || !(p >= 0)) rises++;
            before = s;
          }
          expect(sumError).toBeLessThan(1e-12);
          expect(stepError).toBeLessThan(1e-12);
          expect(splitError).toBeLessThan(4e-16);
          expect(rises).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sBG log-likelihood at the edges of the parameters', () => {
  it('stays finite and accurate when α dwarfs β + t, where 1 − α/c cancels', () => {
    // α = 1e10, β = 1e-10: S(1) = β/(α + β) ≈ 1e-20, and 1 − α/c rounded to 0 (ln S = −Infinity).
    const lost = Float64Array.from([1, 0]);
    const value = logLikelihood(lost, 1, Math.log(1e10), Math.log(1e-10)).value;
    const a = scaled(Math.exp(Math.log(1e10)));
    const b = scaled(Math.exp(Math.log(1e-10)));
    // ln P(T = 1) + ln S(2) = ln(a/(a + b)) + ln(b(b + 1)/((a + b)(a + b + 1))).
    const first = Math.log(toNumber(a, a + b));
    const survivors = Math.log(toNumber(b * (b + ONE), (a + b) * (a + b + ONE)));
    expect(Math.abs(value - (first + survivors))).toBeLessThan(1e-13 * Math.abs(first + survivors));
  });

  it('is finite across the box the fit searches', () => {
    fc.assert(
      fc.property(
        logUniform(1e-10, 1e10),
        logUniform(1e-10, 1e10),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (alpha, beta, counts, remaining) => {
          const at = logLikelihood(Float64Array.from(counts), remaining, Math.log(alpha), Math.log(beta));
          expect(Number.isFinite(at.value)).toBe(true);
          expect(at.value).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('sBG lifetimes at the edges of the parameters', () => {
  it('keeps a tiny β in the undiscounted lifetime when α is close to 1', () => {
    // (α + β − 1)/(α − 1) = 1 + β/(α − 1); (α + β) − 1 rounded most of β away (an error of 1e-6).
    const alpha = 1 + 2 ** -52;
    const exact = 1 + 1e-10 / 2 ** -52;
    expect(Math.abs(discountedLifetime(alpha, 1e-10, 0, undefined) / exact - 1)).toBeLessThan(3e-16);
  });
});
