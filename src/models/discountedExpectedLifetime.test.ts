import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { discountedExpectedLifetime } from './discountedExpectedLifetime.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

// The maximum-likelihood estimates for Fader & Hardie (2007)'s high-end cohort (fitShiftedBetaGeometric).
const HIGH_END = { alpha: 0.668088351106446, beta: 3.80609496405827 };

/** Σ_{t>r} S(t)/S(r)/(1 + d)^{t−r−1} summed directly from the recursion S(t) = S(t − 1)(β + t − 1)/(α + β + t − 1). */
function residualByDefinition(alpha: number, beta: number, d: number, renewals: number, terms = 20_000): number {
  let ratio = 1;
  let discount = 1;
  let total = 0;
  for (let t = renewals + 1; t <= renewals + terms; t++) {
    ratio *= (beta + t - 1) / (alpha + beta + t - 1);
    total += ratio * discount;
    discount /= 1 + d;
  }
  return total;
}

describe('discountedExpectedLifetime', () => {
  describe('worked examples', () => {
    it('gives DERL ≈ 7.530 for a high-end customer after 7 renewals at 10 % (published sBG implementation)', () => {
      // jdmaturen/shifted_beta_geometric_py (README): fitted on the high-end cohort, "derl(alpha, beta, 0.1, 7)"
      // = 7.530, its DERL being r(n)·2F1(1, β + n + 1; α + β + n + 1; 1/(1 + d)) with n renewals.
      const derl = discountedExpectedLifetime({ ...HIGH_END, discountRate: 0.1, renewals: 7 });
      expect(derl).toBeCloseTo(7.53, 2);
      expect(relative(derl, residualByDefinition(HIGH_END.alpha, HIGH_END.beta, 0.1, 7))).toBeLessThan(1e-12);
    });

    it('gives DEL = Σ_{t≥0} S(t)/(1 + d)^t for a new customer (Fader & Hardie 2010, eq. 5)', () => {
      const del = discountedExpectedLifetime({ ...HIGH_END, discountRate: 0.1 });
      // 2F1(1, β; α + β; 1/1.1) at the high-end estimates, by mpmath at 30 digits: 5.92225349578328.
      expect(relative(del, 5.92225349578328)).toBeLessThan(1e-13);
      // The first period counts in full: DEL = 1 + DERL(0 renewals)/(1 + d).
      const derl0 = discountedExpectedLifetime({ ...HIGH_END, discountRate: 0.1, renewals: 0 });
      expect(relative(del, 1 + derl0 / 1.1)).toBeLessThan(1e-14);
    });

    it('is the undiscounted expected lifetime (α + β − 1)/(α − 1) at a discount rate of 0 when α > 1', () => {
      expect(discountedExpectedLifetime({ alpha: 2, beta: 3, discountRate: 0 })).toBe(4);
      expect(discountedExpectedLifetime({ alpha: 2, beta: 3, discountRate: '0.000' })).toBe(4);
      // Residual: (β + r)/(α − 1).
      expect(discountedExpectedLifetime({ alpha: 3, beta: 5, discountRate: 0, renewals: 7 })).toBe(6);
      // Continuous in the discount rate.
      expect(
        relative(discountedExpectedLifetime({ alpha: 3, beta: 5, discountRate: 1e-12, renewals: 7 }), 6),
      ).toBeLessThan(1e-9);
    });

    it('accepts the discount rate as a decimal string', () => {
      expect(discountedExpectedLifetime({ ...HIGH_END, discountRate: '0.1' })).toBe(
        discountedExpectedLifetime({ ...HIGH_END, discountRate: 0.1 }),
      );
    });
  });

  describe('edge cases', () => {
    it('matches the sum by definition for residual lifetimes at many renewals and rates', () => {
      for (const renewals of [0, 1, 3, 12, 100]) {
        for (const d of [0.01, 0.05, 0.25, 1]) {
          const terms = Math.ceil(45 / Math.log1p(d));
          const value = discountedExpectedLifetime({ alpha: 0.704, beta: 1.182, discountRate: d, renewals });
          expect(relative(value, residualByDefinition(0.704, 1.182, d, renewals, terms))).toBeLessThan(1e-12);
        }
      }
    });

    it('rises with the renewals already made (the loyal remain) and falls with the discount rate', () => {
      let previous = 0;
      for (const renewals of [0, 1, 2, 5, 10, 50]) {
        const value = discountedExpectedLifetime({ alpha: 0.704, beta: 1.182, discountRate: 0.1, renewals });
        expect(value).toBeGreaterThan(previous);
        previous = value;
      }
      expect(discountedExpectedLifetime({ alpha: 0.704, beta: 1.182, discountRate: 0.2 })).toBeLessThan(
        discountedExpectedLifetime({ alpha: 0.704, beta: 1.182, discountRate: 0.1 }),
      );
    });

    it('stays finite for a small discount rate with α ≤ 1, where the undiscounted lifetime is infinite', () => {
      const small = discountedExpectedLifetime({ alpha: 0.5, beta: 1, discountRate: 1e-9 });
      // Beta(½, 1): DEL ≈ (1 + d)·π/(2√d) as d → 0.
      expect(relative(small, Math.PI / 2 / Math.sqrt(1e-9))).toBeLessThan(1e-3);
      const tiny = discountedExpectedLifetime({ alpha: 0.5, beta: 1, discountRate: 1e-300 });
      expect(relative(tiny, Math.PI / 2 / 1e-150)).toBeLessThan(1e-12);
    });

    it('reports a result beyond the double range as INVALID_INPUT, not Infinity', () => {
      expectMetricError(
        () => discountedExpectedLifetime({ alpha: 1e-10, beta: 1e10, discountRate: 5e-324 }),
        'INVALID_INPUT',
        [],
        'discountedExpectedLifetime is too large to represent as a number',
      );
    });

    it('handles the extremes of the parameters and of the renewals', () => {
      expect(discountedExpectedLifetime({ alpha: 1e10, beta: 1e-10, discountRate: 0.1 })).toBeCloseTo(1, 9);
      const residual = discountedExpectedLifetime({
        alpha: 1e10,
        beta: 1e10,
        discountRate: 1e-12,
        renewals: 2 ** 53 - 1,
      });
      // θ is concentrated at about 1e10/2^53 ≈ 1.1e-6: the residual lifetime is about 1/θ.
      expect(relative(residual, (2 ** 53 + 1e10) / 1e10)).toBeLessThan(1e-3);
    });
  });

  describe('validation', () => {
    it('refuses any option, saying where an input field belongs', () => {
      expectNoOptions(
        'discountedExpectedLifetime',
        (options) => discountedExpectedLifetime({ alpha: 2, beta: 1, discountRate: 0 }, options),
        2,
        'renewals',
        'margin',
      );
    });

    it.each([
      [{ alpha: 0, beta: 1, discountRate: 0.1 }, ['alpha'], 'must be at least 1e-10'],
      [{ alpha: 1, beta: 1e11, discountRate: 0.1 }, ['beta'], 'must be at most 10000000000'],
      [{ alpha: '1', beta: 1, discountRate: 0.1 }, ['alpha'], 'must be a number'],
      [{ alpha: 1, beta: 1, discountRate: -0.1 }, ['discountRate'], 'must not be negative'],
      [{ alpha: 1, beta: 1, discountRate: 'ten' }, ['discountRate'], 'must be a finite number or a decimal string'],
      [{ alpha: 1, beta: 1, discountRate: Number.POSITIVE_INFINITY }, ['discountRate'], 'must be a finite number'],
      [{ alpha: 1, beta: 1 }, ['discountRate'], 'is required'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, renewals: 1.5 }, ['renewals'], 'must be an integer'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, renewals: -1 }, ['renewals'], 'must be at least 0'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, margin: 5 }, [], "has unknown key 'margin'"],
    ])('rejects %j', (input, path, message) => {
      expectMetricError(() => discountedExpectedLifetime(input as never), 'INVALID_INPUT', path, message);
    });

    it('reports NO_DATA for an undiscounted lifetime with α ≤ 1, which is infinite', () => {
      for (const alpha of [1, 0.5, 1e-10]) {
        expectMetricError(
          () => discountedExpectedLifetime({ alpha, beta: 2, discountRate: 0 }),
          'NO_DATA',
          ['discountRate'],
          'discountRate must be greater than 0 when alpha is at most 1',
        );
        expectMetricError(
          () => discountedExpectedLifetime({ alpha, beta: 2, discountRate: '0', renewals: 3 }),
          'NO_DATA',
          ['discountRate'],
        );
      }
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input as it was', () => {
      const input = Object.freeze({ alpha: 0.7, beta: 1.2, discountRate: '0.1', renewals: 2 });
      discountedExpectedLifetime(input);
      expect(input).toEqual({ alpha: 0.7, beta: 1.2, discountRate: '0.1', renewals: 2 });
    });
  });
});
