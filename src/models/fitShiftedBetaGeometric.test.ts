import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';

// Fader & Hardie (2007), "How to Project Customer Retention", Table 1 / Figure 1: two cohorts of 1 000
// customers acquired in year 0, still active at the start of years 1–7.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('fitShiftedBetaGeometric', () => {
  describe('worked examples', () => {
    it('recovers the published estimates for the regular segment: α = 0.704, β = 1.182', () => {
      // The paper's estimates. (Some secondary sources print 0.668 and 3.806 against this segment: those are
      // the high-end segment's, as the fit of these counts shows.)
      const fit = fitShiftedBetaGeometric({ survivors: REGULAR });
      expect(fit.alpha).toBeCloseTo(0.704, 3);
      expect(fit.beta).toBeCloseTo(1.182, 3);
      expect(fit.converged).toBe(true);
      // The same maximum found with mpmath at 40 digits (findroot on the gradient of the likelihood written
      // with Beta functions): α = 0.704077298473516, β = 1.18204302620948, LL = −1680.265188463287.
      expect(relative(fit.alpha, 0.704077298473516)).toBeLessThan(1e-8);
      expect(relative(fit.beta, 1.18204302620948)).toBeLessThan(1e-8);
      expect(relative(fit.logLikelihood, -1680.265188463287)).toBeLessThan(1e-12);
    });

    it('recovers the published estimates for the high-end segment: α = 0.668, β = 3.806', () => {
      const fit = fitShiftedBetaGeometric({ survivors: HIGH_END });
      expect(fit.alpha).toBeCloseTo(0.668, 3);
      expect(fit.beta).toBeCloseTo(3.806, 3);
      expect(fit.converged).toBe(true);
      // mpmath at 40 digits: α = 0.668088351106446, β = 3.80609496405827, LL = −1611.158147391156.
      expect(relative(fit.alpha, 0.668088351106446)).toBeLessThan(1e-8);
      expect(relative(fit.beta, 3.80609496405827)).toBeLessThan(1e-8);
      expect(relative(fit.logLikelihood, -1611.158147391156)).toBeLessThan(1e-12);
      expect(fit.iterations).toBeGreaterThan(0);
      expect(fit.iterations).toBeLessThan(50);
    });

    it('fits the paper’s figures as well from the lost counts and from typed arrays', () => {
      const lost = REGULAR.slice(1).map((n, t) => (REGULAR[t] as number) - n);
      expect(lost).toEqual([369, 163, 86, 56, 37, 27, 21]);
      const expected = fitShiftedBetaGeometric({ survivors: REGULAR });
      expect(fitShiftedBetaGeometric({ initial: 1000, lost })).toEqual(expected);
      expect(fitShiftedBetaGeometric({ initial: 1000, lost: Uint16Array.from(lost) })).toEqual(expected);
      expect(fitShiftedBetaGeometric({ survivors: Float64Array.from(REGULAR) })).toEqual(expected);
    });

    it('reproduces the survival it was fitted on closely (the paper’s Figure 2)', () => {
      const { alpha, beta } = fitShiftedBetaGeometric({ survivors: REGULAR });
      let survival = 1;
      for (let t = 1; t < REGULAR.length; t++) {
        survival *= (beta + t - 1) / (alpha + beta + t - 1);
        expect(Math.abs(1000 * survival - (REGULAR[t] as number))).toBeLessThan(12);
      }
    });

    it('is invariant to the cohort’s scale: ten times the customers, the same α and β', () => {
      const small = fitShiftedBetaGeometric({ survivors: HIGH_END });
      const large = fitShiftedBetaGeometric({ survivors: HIGH_END.map((n) => n * 10) });
      expect(relative(large.alpha, small.alpha)).toBeLessThan(1e-8);
      expect(relative(large.beta, small.beta)).toBeLessThan(1e-8);
      expect(relative(large.logLikelihood, 10 * small.logLikelihood)).toBeLessThan(1e-12);
    });
  });

  describe('edge cases', () => {
    it('reports converged: false, with α, β at the bound, when churn does not fall (no heterogeneity)', () => {
      // Halving every period (slightly more at the end) is one churn rate for all: the likelihood rises as
      // α, β → ∞ with α/(α + β) near 0.5, the retention of the sBG model being unable to fall.
      const fit = fitShiftedBetaGeometric({ survivors: [1000, 500, 250, 125, 62] });
      expect(fit.converged).toBe(false);
      expect(Math.max(fit.alpha, fit.beta)).toBeGreaterThan(1e9);
      expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(0.5, 2);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    });

    it('reports converged: false, with α, β near 0, when a share of the cohort never leaves', () => {
      // Half leave at once, the other half never: θ is 1 or 0, the limit α, β → 0 with α = β.
      const fit = fitShiftedBetaGeometric({ survivors: [1000, 500, 500, 500, 500] });
      expect(fit.converged).toBe(false);
      expect(Math.max(fit.alpha, fit.beta)).toBeLessThan(1e-6);
      expect(fit.alpha / (fit.alpha + fit.beta)).toBeCloseTo(0.5, 6);
      // The supremum: 500 ln ½ + 500 ln ½.
      expect(fit.logLikelihood).toBeCloseTo(1000 * Math.log(0.5), 4);
    });

    it('fits a cohort that ends with no one left', () => {
      const fit = fitShiftedBetaGeometric({ survivors: [100, 50, 0] });
      expect(Number.isFinite(fit.alpha) && Number.isFinite(fit.beta)).toBe(true);
      // The limit: one churn rate θ = 2/3 maximises 50 ln θ + 50 ln((1 − θ)θ).
      expect(fit.logLikelihood).toBeCloseTo(50 * Math.log(2 / 3) + 50 * Math.log(2 / 9), 6);
    });

    it('fits a long cohort: 60 monthly periods', () => {
      const survivors = [100_000];
      let survival = 1;
      for (let t = 1; t <= 60; t++) {
        survival *= (2.5 + t - 1) / (0.8 + 2.5 + t - 1);
        survivors.push(Math.round(100_000 * survival));
      }
      const fit = fitShiftedBetaGeometric({ survivors });
      expect(fit.converged).toBe(true);
      expect(fit.alpha).toBeCloseTo(0.8, 2);
      expect(fit.beta).toBeCloseTo(2.5, 1);
    });
  });

  describe('validation', () => {
    it('refuses any option, saying where an input field belongs', () => {
      const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
      expectNoOptions(
        'fitShiftedBetaGeometric',
        (options) => fitShiftedBetaGeometric({ survivors }, options),
        fitShiftedBetaGeometric({ survivors }),
        'initial',
        'maxIterations',
      );
    });

    it.each([
      [[1000, -1, 3], ['survivors', 1], 'must be at least 0'],
      [[1000, 500.5, 3], ['survivors', 1], 'must be an integer'],
      [[1000, '500', 3], ['survivors', 1], 'must be a number'],
      [[1000, Number.NaN, 3], ['survivors', 1], 'must be a finite number, not NaN'],
      [[1000, 800, 900], ['survivors', 2], 'must not exceed the count before it (800): survivors cannot increase'],
      [[0, 0, 0], ['survivors', 0], 'must be greater than 0'],
    ])('rejects survivors %j', (survivors, path, message) => {
      expectMetricError(
        () => fitShiftedBetaGeometric({ survivors: survivors as number[] }),
        'INVALID_INPUT',
        path,
        message,
      );
    });

    it('rejects bad lost counts and an empty cohort', () => {
      expectMetricError(
        () => fitShiftedBetaGeometric({ initial: 100, lost: [50, 40, 20] }),
        'INVALID_INPUT',
        ['lost', 2],
        'must not exceed the 10 customers still active',
      );
      expectMetricError(() => fitShiftedBetaGeometric({ initial: 0, lost: [0, 0] }), 'INVALID_INPUT', ['initial']);
      expectMetricError(() => fitShiftedBetaGeometric({ initial: 10, lost: [1, -1] }), 'INVALID_INPUT', ['lost', 1]);
      expectMetricError(() => fitShiftedBetaGeometric({ initial: 1.5, lost: [1] }), 'INVALID_INPUT', ['initial']);
      expectMetricError(() => fitShiftedBetaGeometric({ lost: [1, 2] } as never), 'INVALID_INPUT', ['initial']);
    });

    it('rejects inputs of no known form and unknown keys', () => {
      expectMetricError(() => fitShiftedBetaGeometric([1, 2] as never), 'INVALID_INPUT', []);
      expectMetricError(() => fitShiftedBetaGeometric({} as never), 'INVALID_INPUT', [], 'must have one of the keys');
      expectMetricError(() => fitShiftedBetaGeometric({ survivors: 'abc' } as never), 'INVALID_INPUT', ['survivors']);
      expectMetricError(
        () => fitShiftedBetaGeometric({ survivors: REGULAR, periods: 7 } as never),
        'INVALID_INPUT',
        [],
        "has unknown key 'periods'",
      );
    });

    it('reports NO_DATA when the cohort cannot be fitted', () => {
      expectMetricError(() => fitShiftedBetaGeometric({ survivors: [] }), 'NO_DATA', ['survivors']);
      expectMetricError(() => fitShiftedBetaGeometric({ survivors: [1000] }), 'NO_DATA', ['survivors']);
      expectMetricError(
        () => fitShiftedBetaGeometric({ survivors: [1000, 600] }),
        'NO_DATA',
        ['survivors'],
        'one period fixes only alpha/(alpha + beta)',
      );
      expectMetricError(
        () => fitShiftedBetaGeometric({ survivors: [1000, 1000, 1000] }),
        'NO_DATA',
        ['survivors'],
        'no customer lost',
      );
      expectMetricError(
        () => fitShiftedBetaGeometric({ survivors: [1000, 0, 0, 0] }),
        'NO_DATA',
        ['survivors'],
        'every customer lost in the first period',
      );
      expectMetricError(() => fitShiftedBetaGeometric({ initial: 10, lost: [] }), 'NO_DATA', ['lost']);
      expectMetricError(() => fitShiftedBetaGeometric({ initial: 10, lost: [0, 0, 0] }), 'NO_DATA', ['lost']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the counts as they were', () => {
      const survivors = [...REGULAR];
      fitShiftedBetaGeometric({ survivors });
      expect(survivors).toEqual(REGULAR);
      const lost = new Uint32Array([369, 163, 86]);
      fitShiftedBetaGeometric({ initial: 1000, lost });
      expect(Array.from(lost)).toEqual([369, 163, 86]);
    });
  });
});
