import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { adoptionRate } from './adoptionRate.js';

describe('adoptionRate', () => {
  describe('worked examples', () => {
    // docs/sources.md row 29, document 004: "product adoption measures how many customers are drawn to
    // and utilize a platform's features"; no figures are given. By hand: 150 adopters of 600 eligible.
    it('150 adopters of 600 eligible users → 0.25', () => {
      expect(adoptionRate({ adopters: 150, eligibleUsers: 600 })).toBe(0.25);
    });

    // The software-engineering crate's feature adoption example: 600 of a 1 000-person target audience
    // tried the feature → 60 % initial adoption.
    it('600 of a target audience of 1 000 → 0.6', () => {
      expect(adoptionRate({ adopters: 600, eligibleUsers: 1000 })).toBe(0.6);
    });
  });

  describe('edge cases', () => {
    it('is 0 with no adopters and 1 when everyone adopted', () => {
      expect(adoptionRate({ adopters: 0, eligibleUsers: 7 })).toBe(0);
      expect(adoptionRate({ adopters: 7, eligibleUsers: 7 })).toBe(1);
    });

    it('is the correctly rounded ratio, within [0, 1] (property)', () => {
      fc.assert(
        fc.property(fc.nat(), fc.nat(), (a, b) => {
          const [adopters, eligibleUsers] = a <= b ? [a, b] : [b, a];
          fc.pre(eligibleUsers > 0);
          const rate = adoptionRate({ adopters, eligibleUsers });
          expect(rate).toBe(adopters / eligibleUsers);
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }),
      );
    });
  });

  describe('validation', () => {
    it('takes no options, and says where a field of the input given there belongs', () => {
      expectNoOptions(
        'adoptionRate',
        (options) => adoptionRate({ adopters: 150, eligibleUsers: 600 }, options),
        0.25,
        'eligibleUsers',
        'period',
      );
      // The options are read before the input: a field moved there is named even though the input now lacks it.
      expectMetricError(
        () => adoptionRate({ adopters: 150 } as never, { eligibleUsers: 600 } as never),
        'INVALID_INPUT',
        [],
        "options has unknown key 'eligibleUsers': adoptionRate takes no options; 'eligibleUsers' belongs in the input",
      );
    });

    it('rejects more adopters than eligible users', () => {
      expectMetricError(
        () => adoptionRate({ adopters: 8, eligibleUsers: 7 }),
        'INVALID_INPUT',
        ['adopters'],
        'adoptionRate: adopters must not exceed eligibleUsers',
      );
    });

    it('rejects counts that are not non-negative integers, and unknown or missing keys', () => {
      expectMetricError(() => adoptionRate({ adopters: 1.5, eligibleUsers: 7 }), 'INVALID_INPUT', ['adopters']);
      expectMetricError(() => adoptionRate({ adopters: 1, eligibleUsers: -7 }), 'INVALID_INPUT', ['eligibleUsers']);
      expectMetricError(() => adoptionRate({ adopters: '1', eligibleUsers: 7 } as never), 'INVALID_INPUT', [
        'adopters',
      ]);
      expectMetricError(() => adoptionRate({ adopters: 1 } as never), 'INVALID_INPUT', ['eligibleUsers']);
      expectMetricError(() => adoptionRate({ adopters: 1, eligibleUsers: 2, users: 3 } as never), 'INVALID_INPUT', []);
    });

    it('reports no eligible users as NO_DATA', () => {
      expectMetricError(() => adoptionRate({ adopters: 0, eligibleUsers: 0 }), 'NO_DATA', ['eligibleUsers']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = Object.freeze({ adopters: 1, eligibleUsers: 4 });
      expect(adoptionRate(input)).toBe(0.25);
      expect(input).toEqual({ adopters: 1, eligibleUsers: 4 });
    });
  });
});
