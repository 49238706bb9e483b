import { describe, expect, it } from 'vitest';
import { donations } from '../../../test/support/purchaseData.js';
import { logGamma } from '../../internal/special.js';
import { fitBetaGeometricBetaBinomial } from '../fitBetaGeometricBetaBinomial.js';
import { bgBb, survivalSum } from './bgBb.js';

const fit = fitBetaGeometricBetaBinomial({ customers: donations() });
const parameters = Float64Array.of(fit.alpha, fit.beta, fit.gamma, fit.delta);
const history = (frequency: number, recency: number, age: number) => ({ frequency, recency, age });

describe('bgBb', () => {
  describe('published figures for the donations (Fader, Hardie & Shang 2010)', () => {
    it('P(alive in 2002): 0.11 with no repeat donation, 0.59 for (x 2, t_x 4), 0.93 for (6, 6)', () => {
      // The paper's Table 6, as lifetimes' test_prob_alive_is_close_to_Hardie_paper_table_6 asserts it.
      expect(bgBb.probabilityAlive(parameters, history(0, 0, 6))).toBeCloseTo(0.11, 2);
      expect(bgBb.probabilityAlive(parameters, history(2, 4, 6))).toBeCloseTo(0.59, 2);
      expect(bgBb.probabilityAlive(parameters, history(6, 6, 6))).toBeCloseTo(0.93, 2);
    });

    it('expects 12 884.2 donations from the cohort in the five years 2002–2006', () => {
      // Hardie's BG/BB workbook (brucehardie.com/notes/010, sheet "Conditional Expectations (II)", total of
      // column F), asserted by lifetimes' test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet.
      let total = 0;
      for (const row of donations()) {
        total += row.count * bgBb.conditionalExpected(parameters, 5, history(row.frequency, row.recency, 6));
      }
      expect(total).toBeCloseTo(12884.2, 0);
    });

    it('expects 3 454.9 supporters with no repeat donation in 1996–2001 and 1 253.1 with six', () => {
      // The workbook's in-sample fit sheet (cells C18 and C24), as lifetimes'
      // test_expected_purchases_in_n_periods_returns_same_value_as_Hardie_excel_sheet asserts them.
      expect(11104 * bgBb.countProbability(parameters, 0, 6)).toBeCloseTo(3454.9, 0);
      expect(11104 * bgBb.countProbability(parameters, 6, 6)).toBeCloseTo(1253.1, 0);
    });
  });

  describe('identities', () => {
    it('P(X(n) = x) sums to 1 over x and has the mean E[X(n)]', () => {
      for (const n of [1, 6, 25]) {
        let sum = 0;
        let mean = 0;
        for (let x = 0; x <= n; x++) {
          const p = bgBb.countProbability(parameters, x, n);
          sum += p;
          mean += x * p;
        }
        expect(sum).toBeCloseTo(1, 12);
        expect(mean).toBeCloseTo(bgBb.expected(parameters, n), 12);
        expect(bgBb.countProbability(parameters, n + 1, n)).toBe(0);
      }
    });

    it('matches equation 13 in its closed form (lifetimes’ conditional_expected_number_of_purchases_up_to_time)', () => {
      const [a, b, g, d] = [fit.alpha, fit.beta, fit.gamma, fit.delta];
      for (const [x, t, n, k] of [
        [0, 0, 6, 5],
        [2, 4, 6, 10],
        [6, 6, 6, 1],
        [3, 20, 30, 100],
      ] as const) {
        // 1/L · B(α + x + 1, β + n − x)/B(α, β) · δ/(γ − 1) · Γ(γ + δ)/Γ(1 + δ) · (Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + k)/Γ(γ + δ + n + k)),
        // with 1/L from the likelihood written out.
        const lb = (p: number, q: number) => logGamma(p) + logGamma(q) - logGamma(p + q);
        let likelihood = Math.exp(lb(a + x, b + n - x) - lb(a, b) + lb(g, d + n) - lb(g, d));
        for (let i = 0; i < n - t; i++) {
          likelihood += Math.exp(lb(a + x, b + t - x + i) - lb(a, b) + lb(g + 1, d + t + i) - lb(g, d));
        }
        const closed =
          (1 / likelihood) *
          Math.exp(lb(a + x + 1, b + n - x) - lb(a, b)) *
          (d / (g - 1)) *
          Math.exp(logGamma(g + d) - logGamma(1 + d)) *
          (Math.exp(logGamma(1 + d + n) - logGamma(g + d + n)) -
            Math.exp(logGamma(1 + d + n + k) - logGamma(g + d + n + k)));
        expect(bgBb.conditionalExpected(parameters, k, history(x, t, n))).toBeCloseTo(closed, 10);
      }
    });

    it('counts whole opportunities only: ⌊t⌋ of them', () => {
      expect(bgBb.expected(parameters, 5.99)).toBe(bgBb.expected(parameters, 5));
      expect(bgBb.conditionalExpected(parameters, 0.5, history(2, 4, 6))).toBe(0);
      expect(bgBb.countProbability(parameters, 2, 6.5)).toBe(bgBb.countProbability(parameters, 2, 6));
      expect(bgBb.expected(parameters, 0)).toBe(0);
    });

    it('P(alive) falls with recency for a given frequency, and lies in (0, 1]', () => {
      let previous = 0;
      for (let t = 1; t <= 6; t++) {
        const p = bgBb.probabilityAlive(parameters, history(1, t, 6));
        expect(p).toBeGreaterThan(previous);
        expect(p).toBeLessThanOrEqual(1);
        previous = p;
      }
    });
  });

  describe('survivalSum', () => {
    const direct = (g: number, d: number, k: number) => {
      let term = 1;
      let sum = 0;
      for (let i = 0; i < k; i++) {
        term *= (d + i) / (g + d + i);
        sum += term;
      }
      return sum;
    };

    it('agrees with the direct sum across γ, near 1 and far from it', () => {
      for (const g of [0.05, 0.657, 0.98, 0.995, 1, 1.005, 1.02, 3, 40]) {
        for (const k of [1, 10, 64, 65, 500, 5000]) {
          const reference = direct(g, 2.783, k);
          expect(Math.abs(survivalSum(g, 2.783, k) / reference - 1)).toBeLessThan(1e-10);
        }
      }
    });

    it('is 0 for no opportunity and d·ψ-like without bound when γ ≤ 1', () => {
      expect(survivalSum(0.5, 1, 0)).toBe(0);
      // γ = 1: Σ d/(d + i) grows like d ln k.
      expect(survivalSum(1, 1, 1_000_000)).toBeGreaterThan(13);
    });
  });
});
