import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { firstContactResolutionRate } from './firstContactResolutionRate.js';

describe('firstContactResolutionRate', () => {
  describe('worked examples', () => {
    // Document 003 names the first contact resolution rate without figures. Vendor examples:
    // zapscale's glossary: 100 tickets, 70 resolved on the first interaction → 70 %.
    it('70 of 100 resolved tickets → 0.7', () => {
      expect(firstContactResolutionRate({ resolvedOnFirstContact: 70, resolved: 100 })).toBe(0.7);
    });

    // customerfacing.io's glossary: 13 tickets in December, 8 resolved on first contact, 5 still in
    // progress; it divides by all 13 received (61.54 %). Over the 8 tickets that were resolved, all of
    // which were resolved on first contact, FCR is 1; passing the received count reproduces their figure.
    it('divides by resolved tickets; passing all received tickets reproduces the other convention', () => {
      expect(firstContactResolutionRate({ resolvedOnFirstContact: 8, resolved: 8 })).toBe(1);
      expect(firstContactResolutionRate({ resolvedOnFirstContact: 8, resolved: 13 })).toBe(8 / 13);
      expect(firstContactResolutionRate({ resolvedOnFirstContact: 8, resolved: 13 })).toBeCloseTo(0.6154, 4);
    });
  });

  describe('edge cases', () => {
    it('is 0 with no first-contact resolutions and 1 when all are', () => {
      expect(firstContactResolutionRate({ resolvedOnFirstContact: 0, resolved: 5 })).toBe(0);
      expect(firstContactResolutionRate({ resolvedOnFirstContact: 5, resolved: 5 })).toBe(1);
    });

    it('is the correctly rounded ratio for large counts', () => {
      const resolved = 2 ** 53 - 1;
      expect(firstContactResolutionRate({ resolvedOnFirstContact: resolved - 1, resolved })).toBe(
        (resolved - 1) / resolved,
      );
    });

    it('stays within [0, 1] (property)', () => {
      fc.assert(
        fc.property(fc.nat(), fc.nat(), (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          fc.pre(high > 0);
          const rate = firstContactResolutionRate({ resolvedOnFirstContact: low, resolved: high });
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
          expect(rate).toBe(low / high);
        }),
      );
    });
  });

  describe('validation', () => {
    it('takes no options, and says where a field of the input given there belongs', () => {
      const input = { resolvedOnFirstContact: 7, resolved: 10 };
      expectNoOptions(
        'firstContactResolutionRate',
        (options) => firstContactResolutionRate(input, options),
        0.7,
        'resolved',
      );
      // The options are read before the input: a field moved there is named even though the input now lacks it.
      expectMetricError(
        () => firstContactResolutionRate({ resolvedOnFirstContact: 7 } as never, { resolved: 10 } as never),
        'INVALID_INPUT',
        [],
        "options has unknown key 'resolved': firstContactResolutionRate takes no options; 'resolved' belongs in the input",
      );
      expectMetricError(
        () => firstContactResolutionRate(input, 'all' as never),
        'INVALID_INPUT',
        [],
        'takes no options',
      );
    });

    it('rejects more first-contact resolutions than resolutions', () => {
      expectMetricError(
        () => firstContactResolutionRate({ resolvedOnFirstContact: 6, resolved: 5 }),
        'INVALID_INPUT',
        ['resolvedOnFirstContact'],
        'firstContactResolutionRate: resolvedOnFirstContact must not exceed resolved',
      );
    });

    it('rejects counts that are not non-negative integers, and unknown or missing keys', () => {
      expectMetricError(
        () => firstContactResolutionRate({ resolvedOnFirstContact: -1, resolved: 5 }),
        'INVALID_INPUT',
        ['resolvedOnFirstContact'],
      );
      expectMetricError(
        () => firstContactResolutionRate({ resolvedOnFirstContact: 1, resolved: 2.5 }),
        'INVALID_INPUT',
        ['resolved'],
      );
      expectMetricError(
        () => firstContactResolutionRate({ resolvedOnFirstContact: 1, resolved: Number.NaN }),
        'INVALID_INPUT',
        ['resolved'],
      );
      expectMetricError(() => firstContactResolutionRate({ resolvedOnFirstContact: 1 } as never), 'INVALID_INPUT', [
        'resolved',
      ]);
      expectMetricError(
        () => firstContactResolutionRate({ resolvedOnFirstContact: 1, resolved: 2, tickets: 3 } as never),
        'INVALID_INPUT',
        [],
      );
    });

    it('reports no resolved tickets as NO_DATA', () => {
      expectMetricError(() => firstContactResolutionRate({ resolvedOnFirstContact: 0, resolved: 0 }), 'NO_DATA', [
        'resolved',
      ]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = Object.freeze({ resolvedOnFirstContact: 3, resolved: 4 });
      expect(firstContactResolutionRate(input)).toBe(0.75);
      expect(input).toEqual({ resolvedOnFirstContact: 3, resolved: 4 });
    });
  });
});
