import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { netRevenueRetention } from './netRevenueRetention.js';

describe('netRevenueRetention', () => {
  describe('worked examples', () => {
    it('counts churn and upgrades (doc 004, row 26): $100 start, 10 churned, 10 contraction, 10 expansion is 90 %', () => {
      // The published MRR-churn case (ChartMogul): gross churn 20 %, net churn 10 %, so NRR is 1 − 0.1.
      expect(netRevenueRetention({ startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 })).toBe(0.9);
    });

    it('exceeds 1 when expansion outweighs losses', () => {
      expect(netRevenueRetention({ startingMrr: 1000, expansionMrr: 250, contractionMrr: 30, churnedMrr: 20 })).toBe(
        1.2,
      );
    });

    it('counts reactivation as a gain when given (ChartMogul net MRR retention)', () => {
      expect(
        netRevenueRetention({
          startingMrr: 100,
          expansionMrr: 0,
          contractionMrr: 0,
          churnedMrr: 10,
          reactivationMrr: 5,
        }),
      ).toBe(0.95);
    });

    it("computes the cohort form from each customer's starting and ending MRR", () => {
      const cohort = [
        { customerId: 'a', startingMrr: 100, endingMrr: 150 },
        { customerId: 'b', startingMrr: 100, endingMrr: 0 },
        { customerId: 'c', startingMrr: 50, endingMrr: 40 },
      ];
      expect(netRevenueRetention({ cohort })).toBe(0.76);
    });
  });

  describe('edge cases', () => {
    it('leaves customers who paid nothing at the start out of the cohort', () => {
      const cohort = [
        { customerId: 'a', startingMrr: 100, endingMrr: 100 },
        { customerId: 'new', startingMrr: 0, endingMrr: 500 },
      ];
      expect(netRevenueRetention({ cohort })).toBe(1);
    });

    it('leaves a customer at 0 out of the cohort whatever its ending amount', () => {
      const cohort = [
        { customerId: 'a', startingMrr: 8, endingMrr: 4 },
        { customerId: 'new', startingMrr: '0.000', endingMrr: '0.001' },
      ];
      expect(netRevenueRetention({ cohort })).toBe(0.5);
    });

    it('sums several rows of one customer first', () => {
      const cohort = [
        { customerId: 'a', startingMrr: 60, endingMrr: 0 },
        { customerId: 'a', startingMrr: 40, endingMrr: 110 },
      ];
      expect(netRevenueRetention({ cohort })).toBe(1.1);
    });

    it('is exact with decimal strings and non-cent amounts', () => {
      expect(
        netRevenueRetention({ startingMrr: '0.3', expansionMrr: '0.1', contractionMrr: 0, churnedMrr: '0.1' }),
      ).toBe(1);
      const cohort = [
        { customerId: 'a', startingMrr: 100 / 12, endingMrr: '0.125' },
        { customerId: 'b', startingMrr: '0.001', endingMrr: 1e-3 },
      ];
      // Exactly 0.126 ÷ 8.334333333333334 = 0.0151181858177018745655…: a float division of the two sums (each
      // already rounded to a double) lands one unit in the last place away.
      expect(netRevenueRetention({ cohort })).toBe(0.015118185817701874);
      expect(0.126 / (100 / 12 + 0.001)).not.toBe(0.015118185817701874);
    });

    it('is 0 when everything churned', () => {
      expect(netRevenueRetention({ startingMrr: 5, expansionMrr: 0, contractionMrr: 2, churnedMrr: 3 })).toBe(0);
    });

    it('handles cohorts beyond 2^53 cents exactly', () => {
      const cohort = [
        { customerId: 'a', startingMrr: 90_000_000_000_000, endingMrr: 45_000_000_000_000 },
        { customerId: 'b', startingMrr: 90_000_000_000_000, endingMrr: 90_000_000_000_000 },
      ];
      expect(netRevenueRetention({ cohort })).toBe(0.75);
    });
  });

  describe('validation', () => {
    it('takes no options: refuses any key rather than ignore it, and says where an input field belongs', () => {
      const input = { startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 };
      expectNoOptions('netRevenueRetention', (options) => netRevenueRetention(input, options), 0.9, 'reactivationMrr');
    });

    it('reports NO_DATA for a zero starting MRR with the documented message', () => {
      const error = expectMetricError(
        () => netRevenueRetention({ startingMrr: 0, expansionMrr: 5, contractionMrr: 0, churnedMrr: 0 }),
        'NO_DATA',
        ['startingMrr'],
      );
      expect(error.message).toBe('netRevenueRetention: startingMrr must be greater than 0');
      expectMetricError(() => netRevenueRetention({ cohort: [] }), 'NO_DATA', ['cohort']);
      expectMetricError(
        () => netRevenueRetention({ cohort: [{ customerId: 'a', startingMrr: 0, endingMrr: 9 }] }),
        'NO_DATA',
        ['cohort'],
      );
    });

    it.each([
      [{ startingMrr: 100, expansionMrr: 0, contractionMrr: 60, churnedMrr: 50 }, ['churnedMrr']],
      [{ startingMrr: -1, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 }, ['startingMrr']],
      [{ startingMrr: 1, expansionMrr: 'x', contractionMrr: 0, churnedMrr: 0 }, ['expansionMrr']],
      [{ startingMrr: 1, contractionMrr: 0, churnedMrr: 0 }, ['expansionMrr']],
      [{ startingMrr: 1, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0, upsell: 1 }, []],
      [{ cohort: [{ customerId: 'a', startingMrr: 1, endingMrr: -1 }] }, ['cohort', 0, 'endingMrr']],
      [{ cohort: [{ customerId: 'a', startingMrr: 1 }] }, ['cohort', 0, 'endingMrr']],
      [{ cohort: [{ customerId: 'a', startingMrr: 1, endingMrr: 1, plan: 'x' }] }, ['cohort', 0]],
      [{ cohort: [7] }, ['cohort', 0]],
      [{ cohort: 'all' }, ['cohort']],
      [{}, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => netRevenueRetention(input as never), 'INVALID_INPUT', path);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the cohort unchanged', () => {
      const input = { cohort: [{ customerId: 'a', startingMrr: 1, endingMrr: '2' }] };
      const before = structuredClone(input);
      expect(netRevenueRetention(input)).toBe(2);
      expect(input).toEqual(before);
    });
  });
});
