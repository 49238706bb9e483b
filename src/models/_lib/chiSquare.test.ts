import { describe, expect, it } from 'vitest';
import { normalUpperTail } from '../../internal/normal.js';
import { chiSquareUpperTail, upperRegularizedGamma } from './chiSquare.js';

describe('chiSquareUpperTail', () => {
  it('gives the textbook critical values', () => {
    expect(chiSquareUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(5.991464547107979, 2)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(7.814727903251178, 3)).toBeCloseTo(0.05, 13);
    expect(chiSquareUpperTail(6.634896601021214, 1)).toBeCloseTo(0.01, 13);
  });

  it('agrees with the closed forms: 2Q(√x) for 1 df and e^(−x/2) for 2 df, far into the tail', () => {
    for (const x of [0.001, 0.5, 1, 2, 3, 10, 50, 200]) {
      const one = 2 * normalUpperTail(Math.sqrt(x));
      expect(Math.abs(chiSquareUpperTail(x, 1) - one) / one).toBeLessThan(1e-12);
      const two = Math.exp(-x / 2);
      expect(Math.abs(chiSquareUpperTail(x, 2) - two) / two).toBeLessThan(1e-12);
    }
  });

  it('is 1 at 0 and within [0, 1]', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(upperRegularizedGamma(2, 0)).toBe(1);
    expect(chiSquareUpperTail(1e6, 2)).toBe(0);
  });
});
