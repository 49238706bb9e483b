import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail, gammaUpperRegularized, logGamma } from './chiSquare.js';

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  });
});

describe('chiSquareUpperTail', () => {
  // Reference values: R's pchisq(x, df, lower.tail = FALSE) / scipy.stats.chi2.sf.
  it('matches published quantiles', () => {
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(5.991464547107979, 2)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(14.067140449340169, 7)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(6.634896601021214, 1)).toBeCloseTo(0.01, 13);
  });
  it('has the closed forms of 2 degrees of freedom and of 1', () => {
    for (const x of [0.1, 1, 4, 30, 200]) {
      expect(chiSquareUpperTail(x, 2)).toBeCloseTo(Math.exp(-x / 2), 14);
    }
    // k = 1: P = 2(1 − Φ(√x)) = erfc(√(x/2)); at x = 1, 0.3173105078629141.
    expect(chiSquareUpperTail(1, 1)).toBeCloseTo(0.3173105078629141, 14);
  });
  it('stays in [0, 1] at the extremes', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(1e6, 3)).toBe(0);
    expect(chiSquareUpperTail(1e-12, 50)).toBe(1);
    expect(gammaUpperRegularized(2, 1e-300)).toBe(1);
  });
});
