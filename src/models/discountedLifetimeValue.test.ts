import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { discountedExpectedLifetime } from './discountedExpectedLifetime.js';
import { discountedLifetimeValue } from './discountedLifetimeValue.js';

const HIGH_END = { alpha: 0.668088351106446, beta: 3.80609496405827 };

describe('discountedLifetimeValue', () => {
  describe('worked examples', () => {
    it('values a high-end customer who renewed 7 times at $75.30 for $10 a year at 10 % (published example)', () => {
      // jdmaturen/shifted_beta_geometric_py (README): residual lifetime 7.530 × $10 average revenue = $75.30.
      const value = discountedLifetimeValue({ ...HIGH_END, discountRate: 0.1, renewals: 7, margin: 10 });
      expect(value).toBeCloseTo(75.3, 1);
    });

    it('is the margin times the discounted expected lifetime, for new and existing customers', () => {
      for (const renewals of [undefined, 0, 4]) {
        const lifetime = discountedExpectedLifetime({ ...HIGH_END, discountRate: 0.12, renewals });
        expect(discountedLifetimeValue({ ...HIGH_END, discountRate: 0.12, renewals, margin: 49.99 })).toBe(
          49.99 * lifetime,
        );
      }
    });

    it('reads money and rates as decimal strings', () => {
      const fromNumbers = discountedLifetimeValue({ alpha: 1.5, beta: 3, discountRate: 0.1, margin: 100 });
      expect(discountedLifetimeValue({ alpha: 1.5, beta: 3, discountRate: '0.10', margin: '100.00' })).toBe(
        fromNumbers,
      );
    });
  });

  describe('edge cases', () => {
    it('is undiscounted margin × (α + β − 1)/(α − 1) at a rate of 0 when α > 1', () => {
      expect(discountedLifetimeValue({ alpha: 2, beta: 3, discountRate: 0, margin: 25 })).toBe(100);
    });

    it('keeps the sign of a negative margin and gives 0 (not −0) for a zero margin', () => {
      expect(discountedLifetimeValue({ alpha: 2, beta: 3, discountRate: 0, margin: -25 })).toBe(-100);
      expect(Object.is(discountedLifetimeValue({ alpha: 2, beta: 3, discountRate: 0, margin: '-0' }), 0)).toBe(true);
    });

    it('reports a value beyond the double range as INVALID_INPUT', () => {
      expectMetricError(
        () => discountedLifetimeValue({ alpha: 0.5, beta: 1, discountRate: 1e-300, margin: 1e300 }),
        'INVALID_INPUT',
        [],
        'discountedLifetimeValue is too large to represent as a number',
      );
    });
  });

  describe('validation', () => {
    it('refuses any option, saying where an input field belongs', () => {
      expectNoOptions(
        'discountedLifetimeValue',
        (options) => discountedLifetimeValue({ alpha: 2, beta: 1, discountRate: 0, margin: 10 }, options),
        20,
        'margin',
        'grossMargin',
      );
    });

    it.each([
      [{ alpha: 1, beta: 1, discountRate: 0.1 }, ['margin'], 'is required'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, margin: '1e3' }, ['margin'], 'must be a finite number or a decimal'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, margin: Number.NaN }, ['margin'], 'must be a finite number'],
      [{ alpha: -1, beta: 1, discountRate: 0.1, margin: 1 }, ['alpha'], 'must be at least 1e-10'],
      [{ alpha: 1, beta: 1, discountRate: -1, margin: 1 }, ['discountRate'], 'must not be negative'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, margin: 1, renewals: 'two' }, ['renewals'], 'must be a number'],
      [{ alpha: 1, beta: 1, discountRate: 0.1, margin: 1, currency: 'EUR' }, [], "has unknown key 'currency'"],
    ])('rejects %j', (input, path, message) => {
      expectMetricError(() => discountedLifetimeValue(input as never), 'INVALID_INPUT', path, message);
    });

    it('reports NO_DATA for an undiscounted value with α ≤ 1', () => {
      expectMetricError(
        () => discountedLifetimeValue({ alpha: 0.9, beta: 2, discountRate: 0, margin: 10 }),
        'NO_DATA',
        ['discountRate'],
        'the undiscounted expected lifetime is infinite',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input as it was', () => {
      const input = Object.freeze({ alpha: 0.7, beta: 1.2, discountRate: 0.1, margin: '20.00' });
      discountedLifetimeValue(input);
      expect(input).toEqual({ alpha: 0.7, beta: 1.2, discountRate: 0.1, margin: '20.00' });
    });
  });
});
