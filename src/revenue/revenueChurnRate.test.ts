import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { revenueChurnRate } from './revenueChurnRate.js';

describe('revenueChurnRate', () => {
  describe('worked examples', () => {
    it("gives ChartMogul's published case: $100 start, churn 10, contraction 10, expansion 10 → gross 20 %, net 10 %", () => {
      // ChartMogul, "MRR Churn Rate" (standard formula).
      const period = { startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 };
      expect(revenueChurnRate(period)).toBe(0.2);
      expect(revenueChurnRate(period, { net: false })).toBe(0.2);
      expect(revenueChurnRate(period, { net: true })).toBe(0.1);
    });
  });

  describe('edge cases', () => {
    it('goes negative net when expansion and reactivation outweigh losses', () => {
      expect(
        revenueChurnRate({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 15 }, { net: true }),
      ).toBe(-0.1);
      expect(
        revenueChurnRate(
          { startingMrr: 100, churnedMrr: 5, contractionMrr: 5, expansionMrr: 5, reactivationMrr: 10 },
          { net: true },
        ),
      ).toBe(-0.05);
    });

    it('ignores expansion and reactivation in the gross rate', () => {
      expect(
        revenueChurnRate({ startingMrr: 80, churnedMrr: 8, contractionMrr: 0, expansionMrr: 50, reactivationMrr: 9 }),
      ).toBe(0.1);
    });

    it('is exact: 0.1 + 0.2 over 3 is 0.1', () => {
      expect(revenueChurnRate({ startingMrr: 3, churnedMrr: 0.1, contractionMrr: 0.2 })).toBe(0.1);
    });

    it('takes missing expansion and reactivation as 0 in the net rate', () => {
      expect(revenueChurnRate({ startingMrr: 50, churnedMrr: 5, contractionMrr: 0 }, { net: true })).toBe(0.1);
    });

    it('is 1 when everything is lost and 0 when nothing is', () => {
      expect(revenueChurnRate({ startingMrr: 10, churnedMrr: 7, contractionMrr: 3 })).toBe(1);
      expect(revenueChurnRate({ startingMrr: 10, churnedMrr: 0, contractionMrr: 0 })).toBe(0);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'revenueChurnRate',
        () => revenueChurnRate({ startingMrr: 100, churnedMrr: 10, contractionMrr: 10 }, { notAnOption: 1 } as never),
        'notAnOption',
      );
    });

    it('reports NO_DATA for a zero starting MRR', () => {
      expectMetricError(() => revenueChurnRate({ startingMrr: 0, churnedMrr: 0, contractionMrr: 0 }), 'NO_DATA', [
        'startingMrr',
      ]);
    });

    it.each([
      [{ startingMrr: 10, churnedMrr: 6, contractionMrr: 5 }, ['churnedMrr']],
      [{ startingMrr: 10, churnedMrr: -1, contractionMrr: 0 }, ['churnedMrr']],
      [{ startingMrr: 10, churnedMrr: 1 }, ['contractionMrr']],
      [{ startingMrr: 10, churnedMrr: 1, contractionMrr: 0, expansionMrr: '1,5' }, ['expansionMrr']],
      [{ startingMrr: 10, churnedMrr: 1, contractionMrr: 0, newMrr: 3 }, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => revenueChurnRate(input as never), 'INVALID_INPUT', path);
    });

    it('rejects bad options', () => {
      expectMetricError(
        () => revenueChurnRate({ startingMrr: 1, churnedMrr: 0, contractionMrr: 0 }, { net: 'yes' } as never),
        'INVALID_INPUT',
        ['net'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { startingMrr: '100', churnedMrr: 1, contractionMrr: 2 };
      const before = structuredClone(input);
      expect(revenueChurnRate(input)).toBe(0.03);
      expect(input).toEqual(before);
    });
  });
});
