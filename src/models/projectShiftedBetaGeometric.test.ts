import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { projectShiftedBetaGeometric } from './projectShiftedBetaGeometric.js';

describe('projectShiftedBetaGeometric', () => {
  describe('worked examples', () => {
    it('projects the regular segment of Fader & Hardie (2007) close to its observed years 1–7', () => {
      // Observed survivors per 1 000 (the paper's Table 1) against the sBG model with the paper's estimates
      // α = 0.704, β = 1.182: the fitted curve stays within about 1 percentage point (the paper's Figure 2).
      const observed = [631, 468, 382, 326, 289, 262, 241];
      const { survival, retention, lost } = projectShiftedBetaGeometric({ alpha: 0.704, beta: 1.182, periods: 12 });
      observed.forEach((count, index) => {
        expect(Math.abs(1000 * (survival[index] as number) - count)).toBeLessThan(12);
      });
      // r(1) = β/(α + β), r(12) = (β + 11)/(α + β + 11), P(T = 1) = α/(α + β).
      expect(retention[0]).toBeCloseTo(1.182 / 1.886, 15);
      expect(retention[11]).toBeCloseTo(12.182 / 12.886, 15);
      expect(lost[0]).toBeCloseTo(0.704 / 1.886, 15);
      expect(survival).toHaveLength(12);
    });

    it('gives S(t) = 1/(t + 1) and r(t) = t/(t + 1) for α = β = 1 (a uniform churn probability)', () => {
      const { survival, retention, lost } = projectShiftedBetaGeometric({ alpha: 1, beta: 1, periods: 50 });
      for (let t = 1; t <= 50; t++) {
        expect(survival[t - 1]).toBeCloseTo(1 / (t + 1), 14);
        expect(retention[t - 1]).toBe(t / (t + 1));
        // P(T = t) = 1/(t(t + 1))
        expect(lost[t - 1]).toBeCloseTo(1 / (t * (t + 1)), 14);
      }
    });
  });

  describe('edge cases', () => {
    it('keeps a tiny β: S(t) and the shares lost add up to 1 at α = β = 1e-10', () => {
      // β + t − 1 summed as (β + t) − 1 lost β: the share lost in period 1 came out 0.49999995862981794.
      const { survival, lost } = projectShiftedBetaGeometric({ alpha: 1e-10, beta: 1e-10, periods: 200 });
      expect([survival[0], lost[0]]).toEqual([0.5, 0.5]);
      let gone = 0;
      for (let t = 0; t < 200; t++) {
        gone += lost[t] as number;
        expect(Math.abs((survival[t] as number) + gone - 1)).toBeLessThan(1e-12);
      }
    });

    it('approaches a constant retention when α and β are large (no heterogeneity)', () => {
      const { retention } = projectShiftedBetaGeometric({ alpha: 1e9, beta: 3e9, periods: 24 });
      for (const r of retention) expect(r).toBeCloseTo(0.75, 8);
    });

    it('keeps nearly everyone when α is tiny, and loses nearly everyone at once when β is', () => {
      const loyal = projectShiftedBetaGeometric({ alpha: 1e-10, beta: 1, periods: 5 });
      expect(loyal.survival[4]).toBeCloseTo(1, 9);
      const fleeting = projectShiftedBetaGeometric({ alpha: 1, beta: 1e-10, periods: 5 });
      expect(fleeting.lost[0]).toBeCloseTo(1, 9);
      expect(fleeting.survival[4]).toBeLessThan(1e-9);
    });

    it('projects a million periods', () => {
      const { survival } = projectShiftedBetaGeometric({ alpha: 0.5, beta: 2, periods: 1_000_000 });
      expect(survival).toHaveLength(1_000_000);
      // S(t) ~ Γ(α + β)/Γ(β) · t^(−α) for large t: Γ(2.5)/Γ(2) = 1.329340388179137.
      expect((survival[999_999] as number) * Math.sqrt(1_000_000)).toBeCloseTo(1.329340388179137, 5);
    });
  });

  describe('validation', () => {
    it('refuses any option, saying where an input field belongs', () => {
      expectNoOptions(
        'projectShiftedBetaGeometric',
        (options) => projectShiftedBetaGeometric({ alpha: 1, beta: 1, periods: 1 }, options).survival,
        [0.5],
        'periods',
        'cohort',
      );
    });

    it.each([
      [{ alpha: 0, beta: 1, periods: 3 }, ['alpha'], 'must be at least 1e-10'],
      [{ alpha: -1, beta: 1, periods: 3 }, ['alpha'], 'must be at least'],
      [{ alpha: 2e10, beta: 1, periods: 3 }, ['alpha'], 'must be at most 10000000000'],
      [{ alpha: '1', beta: 1, periods: 3 }, ['alpha'], 'must be a number'],
      [{ alpha: 1, beta: Number.NaN, periods: 3 }, ['beta'], 'must be a finite number, not NaN'],
      [{ alpha: 1, beta: 1, periods: 0 }, ['periods'], 'must be at least 1'],
      [{ alpha: 1, beta: 1, periods: 2.5 }, ['periods'], 'must be an integer'],
      [{ alpha: 1, beta: 1, periods: 1_000_001 }, ['periods'], 'must be at most 1000000'],
      [{ alpha: 1, beta: 1 }, ['periods'], 'is required'],
      [{ alpha: 1, beta: 1, periods: 3, cohort: 10 }, [], "has unknown key 'cohort'"],
    ])('rejects %j', (input, path, message) => {
      expectMetricError(() => projectShiftedBetaGeometric(input as never), 'INVALID_INPUT', path, message);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input as it was', () => {
      const input = Object.freeze({ alpha: 0.7, beta: 1.2, periods: 4 });
      expect(() => projectShiftedBetaGeometric(input)).not.toThrow();
      expect(input).toEqual({ alpha: 0.7, beta: 1.2, periods: 4 });
    });
  });
});
