import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredSampleSize } from './requiredSampleSize.js';

const margin = fc.double({ min: 1e-4, max: 0.999, noNaN: true });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const population = fc.integer({ min: 1, max: 10_000_000 });
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('requiredSampleSize properties', () => {
  it('needs at least as many responses for a smaller margin', () => {
    fc.assert(
      fc.property(margin, margin, share, level, (e1, e2, proportion, confidence) => {
        const [small, large] = e1 < e2 ? [e1, e2] : [e2, e1];
        const options = { confidence };
        expect(requiredSampleSize({ marginOfError: small, proportion }, options).sampleSize).toBeGreaterThanOrEqual(
          requiredSampleSize({ marginOfError: large, proportion }, options).sampleSize,
        );
      }),
    );
  });

  it('grows with the population, never above it nor above the infinite-population size', () => {
    fc.assert(
      fc.property(margin, share, population, population, (marginOfError, proportion, n1, n2) => {
        const [small, large] = n1 < n2 ? [n1, n2] : [n2, n1];
        const infinite = requiredSampleSize({ marginOfError, proportion }).sampleSize;
        const fromSmall = requiredSampleSize({ marginOfError, proportion, population: small }).sampleSize;
        const fromLarge = requiredSampleSize({ marginOfError, proportion, population: large }).sampleSize;
        expect(fromSmall).toBeLessThanOrEqual(fromLarge);
        expect(fromLarge).toBeLessThanOrEqual(infinite);
        expect(fromSmall).toBeLessThanOrEqual(small);
        expect(fromSmall).toBeGreaterThanOrEqual(1);
        expect(Number.isInteger(fromSmall)).toBe(true);
      }),
    );
  });

  it('is the smallest whole number whose margin is within the one asked', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.5, noNaN: true }), share, (marginOfError, proportion) => {
        const { sampleSize } = requiredSampleSize({ marginOfError, proportion });
        const z2 = 1.959963984540054 ** 2;
        const variance = proportion * (1 - proportion);
        // z²p(1 − p)/n ≤ e² at n (to rounding), and above it at n − 1 unless n is the minimum of 1.
        expect((z2 * variance) / sampleSize).toBeLessThanOrEqual(marginOfError ** 2 * (1 + 1e-9));
        if (sampleSize > 1) expect((z2 * variance) / (sampleSize - 1)).toBeGreaterThan(marginOfError ** 2 * (1 - 1e-9));
      }),
    );
  });
});
