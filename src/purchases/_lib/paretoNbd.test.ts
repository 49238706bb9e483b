import { describe, expect, it } from 'vitest';
import { paretoNbd } from './paretoNbd.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

// BTYD's CDNOW estimates, weeks (BTYD walkthrough, "Buy 'Til You Die - A Walkthrough", McCarthy & Wadsworth).
const CDNOW = Float64Array.of(0.5533971, 10.5801985, 0.6060625, 11.6562237);
const DAYS = Float64Array.of(0.5533971, 10.5801985 * 7, 0.6060625, 11.6562237 * 7);

describe('paretoNbd', () => {
  it('names its parameters as a fitted model does', () => {
    expect(paretoNbd.name).toBe('pareto-nbd');
    expect(paretoNbd.parameters).toEqual(['r', 'alpha', 's', 'beta']);
    expect(paretoNbd.ageField).toBe('age');
    expect(paretoNbd.discrete).toBe(false);
  });

  describe('probabilityAlive', () => {
    it('matches BTYD: 0.2941633 for a customer without repeat purchases after 39 weeks', () => {
      // BTYD's pnbd.PAlive documentation: pnbd.PAlive(params, x = 0, t.x = 0, T.cal = 39) # 0.2941633.
      expect(paretoNbd.probabilityAlive(CDNOW, { frequency: 0, recency: 0, age: 39 })).toBeCloseTo(0.2941633, 7);
      // ... and 1 for x = 23, t.x = 39, T.cal = 39 (same page): the last purchase ends the observation.
      expect(paretoNbd.probabilityAlive(CDNOW, { frequency: 23, recency: 39, age: 39 })).toBe(1);
    });

    it('matches 30-digit quadrature, also for 500 purchases over 5 000 days', () => {
      // mpmath: P(alive) = (α + T)^−(r+x)(β + T)^−s ÷ [that + s ∫ₜₓ^T (α + τ)^−(r+x)(β + τ)^−(s+1) dτ].
      const customer1516 = { frequency: 26, recency: 30.86, age: 31 };
      expect(relative(paretoNbd.probabilityAlive(CDNOW, customer1516), 0.997917896407938)).toBeLessThan(1e-12);
      const loyal = { frequency: 500, recency: 4990, age: 5000 };
      expect(relative(paretoNbd.probabilityAlive(DAYS, loyal), 0.9979662769743289)).toBeLessThan(1e-12);
      const lapsed = { frequency: 500, recency: 2000, age: 5000 };
      expect(relative(paretoNbd.probabilityAlive(DAYS, lapsed), 1.5923798361662834e-192)).toBeLessThan(1e-10);
    });
  });

  describe('expected', () => {
    it('matches BTYD: 1.473 purchases in 52 weeks for a new customer', () => {
      // BTYD walkthrough: pnbd.Expectation(params, t = 52) # 1.473.
      expect(paretoNbd.expected(CDNOW, 52)).toBeCloseTo(1.473, 3);
      expect(relative(paretoNbd.expected(CDNOW, 52), 1.4731125776616352)).toBeLessThan(1e-14);
    });

    it('is (rβ/α) ln(1 + t/β) at s = 1, and continuous there', () => {
      const at = (s: number) => paretoNbd.expected(Float64Array.of(0.5, 10, s, 12), 39);
      expect(at(1)).toBeCloseTo(0.05 * 12 * Math.log1p(39 / 12), 14);
      expect(Math.abs(at(1 + 1e-9) - at(1))).toBeLessThan(1e-9);
      expect(paretoNbd.expected(CDNOW, 0)).toBe(0);
    });
  });

  describe('conditionalExpected', () => {
    it('matches 30-digit quadrature for customer 1516 of CDNOW (BTYD walkthrough), over 52 weeks', () => {
      const value = paretoNbd.conditionalExpected(CDNOW, 52, { frequency: 26, recency: 30.86, age: 31 });
      expect(relative(value, 25.45531805542377)).toBeLessThan(1e-12);
    });

    it('stays finite for 500 purchases over 5 000 days', () => {
      const value = paretoNbd.conditionalExpected(DAYS, 364, { frequency: 500, recency: 4990, age: 5000 });
      expect(relative(value, 35.086020850444704)).toBeLessThan(1e-12);
    });
  });

  describe('countProbability', () => {
    it.each([
      // [n, t, mpmath P(X(t) = n), by quadrature of the two parts of Fader & Hardie (2006)]
      [0, 39, 0.5935692398528403],
      [1, 39, 0.16558528465416736],
      [2, 39, 0.08249923712676695],
      [5, 78, 0.02525161470769823],
      [10, 10, 8.04932552683367e-5],
      [0, 1, 0.9524342533120698],
    ])('P(X(%d weeks) = %d) matches 30-digit quadrature with CDNOW parameters', (n, t, reference) => {
      expect(relative(paretoNbd.countProbability(CDNOW, n, t), reference)).toBeLessThan(1e-11);
    });

    it('matches with α < β too, and sums to 1 over n', () => {
      const other = Float64Array.of(0.3, 40, 2, 5);
      expect(relative(paretoNbd.countProbability(other, 0, 39), 0.9722501536598953)).toBeLessThan(1e-12);
      expect(relative(paretoNbd.countProbability(other, 3, 39), 0.0006743396722299383)).toBeLessThan(1e-10);
      expect(relative(paretoNbd.countProbability(other, 20, 100), 1.0807018205792253e-7)).toBeLessThan(1e-7);
      let total = 0;
      for (let n = 0; n < 200; n++) total += paretoNbd.countProbability(CDNOW, n, 39);
      expect(total).toBeCloseTo(1, 12);
    });

    it('is 1 for no purchase in no time', () => {
      expect(paretoNbd.countProbability(CDNOW, 0, 0)).toBe(1);
      expect(paretoNbd.countProbability(CDNOW, 3, 0)).toBe(0);
    });
  });
});
