import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalValue } from './normal.js';
import { wilson } from './wilson.js';

/** The same interval in its other closed form: (2np + z² ± z√(z² + 4np(1 − p))) ÷ (2(n + z²)). */
function closedForm(successes: number, trials: number, confidence: number) {
  const z = criticalValue(confidence);
  const root = z * Math.sqrt(z * z + (4 * successes * (trials - successes)) / trials);
  const denominator = 2 * (trials + z * z);
  return { low: (2 * successes + z * z - root) / denominator, high: (2 * successes + z * z + root) / denominator };
}

describe('wilson (score interval of a proportion)', () => {
  it("matches Newcombe's published intervals (Statistics in Medicine 17, 1998, Table II, method 3)", () => {
    const round = ({ low, high }: { low: number; high: number }) => [Number(low.toFixed(4)), Number(high.toFixed(4))];
    expect(round(wilson(81, 263, 0.95))).toEqual([0.2553, 0.3662]);
    expect(round(wilson(15, 148, 0.95))).toEqual([0.0624, 0.1605]);
    expect(round(wilson(0, 20, 0.95))).toEqual([0, 0.1611]);
    expect(round(wilson(1, 29, 0.95))).toEqual([0.0061, 0.1718]);
  });

  it('is exactly 0 at no successes and exactly 1 at all successes', () => {
    expect(wilson(0, 7, 0.95).low).toBe(0);
    expect(wilson(7, 7, 0.95).high).toBe(1);
    expect(wilson(0, 1, 0.99)).toEqual({ low: 0, high: expect.any(Number) });
  });

  it('widens with the confidence level', () => {
    const narrow = wilson(30, 50, 0.8);
    const wide = wilson(30, 50, 0.99);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('agrees with the other closed form, contains the proportion and stays in [0, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (trials, share, confidence) => {
          const successes = Math.round(share * trials);
          const interval = wilson(successes, trials, confidence);
          const other = closedForm(successes, trials, confidence);
          expect(interval.low).toBeCloseTo(Math.max(0, other.low), 12);
          expect(interval.high).toBeCloseTo(Math.min(1, other.high), 12);
          expect(interval.low).toBeGreaterThanOrEqual(0);
          expect(interval.high).toBeLessThanOrEqual(1);
          expect(interval.low).toBeLessThanOrEqual(successes / trials);
          expect(interval.high).toBeGreaterThanOrEqual(successes / trials);
        },
      ),
    );
  });

  it('is symmetric: successes and failures swap the ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), (trials, seed) => {
        const successes = seed % (trials + 1);
        const a = wilson(successes, trials, 0.95);
        const b = wilson(trials - successes, trials, 0.95);
        expect(a.low).toBeCloseTo(1 - b.high, 12);
        expect(a.high).toBeCloseTo(1 - b.low, 12);
      }),
    );
  });
});
