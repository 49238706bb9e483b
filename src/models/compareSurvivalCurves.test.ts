import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { compareSurvivalCurves } from './compareSurvivalCurves.js';
import type { SurvivalObservation } from './survivalCurve.js';

/** Durations in weeks, a negative number for a censored one. */
function observations(durations: readonly number[]): SurvivalObservation[] {
  return durations.map((d) => ({ duration: Math.abs(d), churned: d > 0 }));
}

// Freireich et al. (1963), Blood 21: 699–716, remission times in weeks as Gehan (1965, Biometrika 52) lists
// them (R: MASS::gehan, survival's leukemia data).
const sixMp = observations([6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35]);
const placebo = observations([1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]);
const freireich = { groups: { '6-MP': sixMp, placebo } };

describe('compareSurvivalCurves', () => {
  describe('worked examples', () => {
    it('gives the log-rank χ² 16.79 of R survdiff on Freireich 6-MP against placebo, with its table', () => {
      // R: survdiff(Surv(time, cens) ~ treat, data = MASS::gehan) prints Observed 9 / 21, Expected 19.3 / 10.7,
      // "Chisq= 16.8 on 1 degrees of freedom, p= 4e-05"; Kleinbaum & Klein, Survival Analysis: A Self-Learning
      // Text (3rd ed., 2012), ch. 2, print 16.79 for these remission data.
      const result = compareSurvivalCurves(freireich);
      expect(result.statistic).toBeCloseTo(16.793, 3);
      expect(result.degreesOfFreedom).toBe(1);
      expect(result.pValue).toBeCloseTo(4.17e-5, 7);
      expect(result.groups.map((g) => g.name)).toEqual(['6-MP', 'placebo']);
      expect(result.groups.map((g) => g.observed)).toEqual([9, 21]);
      expect(result.groups[0]?.expected).toBeCloseTo(19.25, 2);
      expect(result.groups[1]?.expected).toBeCloseTo(10.75, 2);
    });

    it('gives the Gehan–Breslow 13.46 and Tarone–Ware 15.12 published for the same data', () => {
      // Kleinbaum & Klein (2012), ch. 2, Stata's sts test on the remission data: Wilcoxon (Breslow) 13.46,
      // Tarone–Ware 15.12 (log-rank 16.79). Gehan's own 1965 test is this statistic with his permutational
      // variance; the risk-set weights reproduce the textbook figures. An independent implementation agrees to
      // every digit it prints: statsmodels 0.13.5 `survdiff(time, status, group, weight_type='gb')` gives
      // 13.457852049631066 and `weight_type='tw'` 15.123575301872693 on the same 42 remissions.
      expect(compareSurvivalCurves(freireich, { weights: 'wilcoxon' }).statistic).toBeCloseTo(13.457852049631, 10);
      expect(compareSurvivalCurves(freireich, { weights: 'tarone-ware' }).statistic).toBeCloseTo(15.123575301873, 10);
    });

    it('gives R survdiff(rho = 1), the Peto–Peto test, as Fleming–Harrington [1, 0]', () => {
      // survdiff(..., rho = 1) weighs by the pooled Kaplan–Meier Ŝ(t−): "Chisq= 14.5" on the gehan data.
      const result = compareSurvivalCurves(freireich, { weights: { flemingHarrington: [1, 0] } });
      expect(result.statistic).toBeCloseTo(14.457, 3);
      // FH(0, 0) is the log-rank test.
      expect(compareSurvivalCurves(freireich, { weights: { flemingHarrington: [0, 0] } }).statistic).toBeCloseTo(
        compareSurvivalCurves(freireich).statistic,
        12,
      );
    });

    it('matches R survdiff on statsmodels’ reference data (χ² 2.14673, p 0.14287)', () => {
      // statsmodels/duration/tests/test_survfunc.py, test_survdiff_basic: survdiff(Surv(ti, st) ~ ix) in R.
      const result = compareSurvivalCurves({
        groups: {
          1: [3, 1, 2, 3, 2, 1, 5, 3].map((duration, i) => ({ duration, churned: [0, 1, 1, 1, 0, 0, 1, 0][i] === 1 })),
          2: [1, 1, 2, 3, 7, 1, 5, 3, 9].map((duration, i) => ({
            duration,
            churned: [0, 1, 0, 0, 1, 0, 1, 0, 1][i] === 1,
          })),
        },
      });
      expect(result.statistic).toBeCloseTo(2.14673, 4);
      expect(result.pValue).toBeCloseTo(0.14287, 4);
    });

    it('compares three groups on two degrees of freedom, whatever their order', () => {
      const groups = {
        a: observations([1, 2, 3, 4, -5]),
        b: observations([2, 4, 6, 8, -10]),
        c: observations([5, 10, 15, -20, -20]),
      };
      const result = compareSurvivalCurves({ groups });
      expect(result.degreesOfFreedom).toBe(2);
      const reordered = compareSurvivalCurves({ groups: { c: groups.c, a: groups.a, b: groups.b } });
      expect(reordered.statistic).toBeCloseTo(result.statistic, 12);
      expect(reordered.groups.map((g) => g.name)).toEqual(['c', 'a', 'b']);
      const total = (r: typeof result, key: 'observed' | 'expected') => r.groups.reduce((s, g) => s + g[key], 0);
      expect(total(result, 'expected')).toBeCloseTo(total(result, 'observed'), 12);
    });
  });

  describe('late entry', () => {
    it('counts each group’s risk set from its entries', () => {
      // Group b's second customer enters at 3: it is not at risk of the churn at 2, so at t = 2 the
      // risk set is a: 2, b: 1 and the expected churns there are 1 × 2/3 for a.
      const result = compareSurvivalCurves({
        groups: {
          a: [
            { duration: 2, churned: true },
            { duration: 6, churned: false },
          ],
          b: [
            { duration: 5, churned: true },
            { duration: 4, churned: true, entry: 3 },
          ],
        },
      });
      // t = 2: Y = 3 (a 2, b 1), d = 1 in a. t = 4: Y = 3 (a 1, b 2), d = 1 in b. t = 5: Y = 2 (a 1, b 1), d = 1 in b.
      expect(result.groups[0]?.expected).toBeCloseTo(2 / 3 + 1 / 3 + 1 / 2, 12);
      expect(result.groups[1]?.expected).toBeCloseTo(1 / 3 + 2 / 3 + 1 / 2, 12);
    });
  });

  describe('edge cases', () => {
    it('gives χ² 0 on 0 degrees of freedom, p 1, when nobody churned', () => {
      const result = compareSurvivalCurves({ groups: { a: observations([-1, -2]), b: observations([-3]) } });
      expect(result).toEqual({
        statistic: 0,
        degreesOfFreedom: 0,
        pValue: 1,
        groups: [
          { name: 'a', observed: 0, expected: 0 },
          { name: 'b', observed: 0, expected: 0 },
        ],
      });
    });

    it('gives χ² 0, p 1 when everyone at risk churns at one time', () => {
      const result = compareSurvivalCurves({ groups: { a: observations([4, 4]), b: observations([4]) } });
      expect([result.statistic, result.degreesOfFreedom, result.pValue]).toEqual([0, 0, 1]);
      expect(result.groups.map((g) => g.expected)).toEqual([2, 1]);
    });

    it('stays finite when all churns fall at one time among others at risk', () => {
      const result = compareSurvivalCurves({ groups: { a: observations([4, 4, -9]), b: observations([-9, -9]) } });
      expect(result.degreesOfFreedom).toBe(1);
      expect(Number.isFinite(result.statistic)).toBe(true);
      expect(result.pValue).toBeGreaterThan(0);
      expect(result.pValue).toBeLessThanOrEqual(1);
    });

    it('drops a group that never shares a risk set with a churn from the degrees of freedom', () => {
      // c's customers all leave before the first churn: V has a zero row and column.
      const result = compareSurvivalCurves({
        groups: { a: observations([5, 6, -9]), b: observations([7, -9]), c: observations([-1, -2]) },
      });
      expect(result.degreesOfFreedom).toBe(1);
    });
  });

  describe('validation', () => {
    it('refuses one group only, or none', () => {
      expectMetricError(
        () => compareSurvivalCurves({ groups: { a: sixMp } }),
        'INVALID_INPUT',
        ['groups'],
        'at least two',
      );
      expectMetricError(() => compareSurvivalCurves({ groups: {} }), 'INVALID_INPUT', ['groups']);
    });

    it('refuses an empty group, naming it', () => {
      expectMetricError(() => compareSurvivalCurves({ groups: { a: sixMp, b: [] } }), 'INVALID_INPUT', ['groups', 'b']);
      expectMetricError(
        () => compareSurvivalCurves({ groups: { a: sixMp, b: [{ duration: 3, churned: true, entry: 3 }] } }),
        'INVALID_INPUT',
        ['groups', 'b'],
      );
    });

    it('names the observation that fails, inside its group', () => {
      expectMetricError(
        () => compareSurvivalCurves({ groups: { a: sixMp, b: [{ duration: -1, churned: true }] } }),
        'INVALID_INPUT',
        ['groups', 'b', 0, 'duration'],
      );
      expectMetricError(
        () => compareSurvivalCurves({ groups: { a: sixMp, b: [{ duration: 1, churned: true, entry: 2 }] } }),
        'INVALID_INPUT',
        ['groups', 'b', 0, 'entry'],
      );
      expectMetricError(
        () => compareSurvivalCurves({ groups: { a: sixMp, b: 'x' as unknown as SurvivalObservation[] } }),
        'INVALID_INPUT',
        ['groups', 'b'],
      );
      expectMetricError(
        () => compareSurvivalCurves({ groups: { a: sixMp, b: placebo }, extra: 1 } as never),
        'INVALID_INPUT',
        [],
      );
    });

    it('refuses an unknown weight, naming the option', () => {
      for (const weights of ['gehan', { flemingHarrington: [1] }, { flemingHarrington: [-1, 0] }, 3]) {
        expectMetricError(
          () => compareSurvivalCurves(freireich, { weights: weights as never }),
          'INVALID_INPUT',
          expect.arrayContaining(['weights']) as never,
        );
      }
      expectMetricError(() => compareSurvivalCurves(freireich, { other: 1 } as never), 'INVALID_INPUT', []);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the groups as they were', () => {
      const input = { groups: { a: observations([1, -2, 3]), b: observations([2, 2, -5]) } };
      const copy = structuredClone(input);
      compareSurvivalCurves(input, { weights: 'wilcoxon' });
      expect(input).toEqual(copy);
    });
  });
});
