import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { grossRevenueRetention } from './grossRevenueRetention.js';
import { netRevenueRetention } from './netRevenueRetention.js';

describe('grossRevenueRetention', () => {
  describe('worked examples', () => {
    it('leaves upgrades out (doc 004, row 26): $100 start, 10 churned, 10 contraction, 10 expansion is 80 %', () => {
      // The published MRR-churn case: gross MRR churn 20 % (ChartMogul), so GRR is 0.8.
      expect(grossRevenueRetention({ startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 })).toBe(
        0.8,
      );
    });

    it('ignores reactivation in the period form', () => {
      expect(
        grossRevenueRetention({
          startingMrr: 200,
          expansionMrr: 50,
          contractionMrr: 20,
          churnedMrr: 10,
          reactivationMrr: 30,
        }),
      ).toBe(0.85);
    });

    it("caps each customer at its starting MRR in the cohort form: one's expansion never hides another's loss", () => {
      const cohort = [
        { customerId: 'a', startingMrr: 100, endingMrr: 150 },
        { customerId: 'b', startingMrr: 100, endingMrr: 60 },
      ];
      expect(grossRevenueRetention({ cohort })).toBe(0.8);
      // Uncapped, the expansion would hide the contraction: NRR is 1.05.
      expect(netRevenueRetention({ cohort })).toBe(1.05);
    });
  });

  describe('edge cases', () => {
    it('is 1 when nothing was lost', () => {
      expect(grossRevenueRetention({ startingMrr: 10, expansionMrr: 99, contractionMrr: 0, churnedMrr: 0 })).toBe(1);
      expect(grossRevenueRetention({ cohort: [{ customerId: 'a', startingMrr: 3, endingMrr: 30 }] })).toBe(1);
    });

    it("caps after summing a customer's rows", () => {
      const cohort = [
        { customerId: 'a', startingMrr: 50, endingMrr: 0 },
        { customerId: 'a', startingMrr: 50, endingMrr: 120 },
        { customerId: 'b', startingMrr: 100, endingMrr: 50 },
      ];
      expect(grossRevenueRetention({ cohort })).toBe(0.75);
    });

    it('is exact with non-cent amounts', () => {
      const cohort = [
        { customerId: 'a', startingMrr: '0.125', endingMrr: '0.0625' },
        { customerId: 'b', startingMrr: '0.375', endingMrr: 1 },
      ];
      expect(grossRevenueRetention({ cohort })).toBe(0.875);
    });
  });

  describe('validation', () => {
    it('takes no options: refuses any key rather than ignore it, and says where an input field belongs', () => {
      const input = { startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 };
      expectNoOptions(
        'grossRevenueRetention',
        (options) => grossRevenueRetention(input, options),
        0.8,
        'reactivationMrr',
      );
    });

    it('reports NO_DATA for a zero starting MRR', () => {
      expectMetricError(
        () => grossRevenueRetention({ startingMrr: '0.00', expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 }),
        'NO_DATA',
        ['startingMrr'],
        'grossRevenueRetention: startingMrr must be greater than 0',
      );
      expectMetricError(() => grossRevenueRetention({ cohort: [] }), 'NO_DATA', ['cohort']);
    });

    it('rejects losses above the start and bad rows', () => {
      expectMetricError(
        () => grossRevenueRetention({ startingMrr: 10, expansionMrr: 0, contractionMrr: 5, churnedMrr: '5.01' }),
        'INVALID_INPUT',
        ['churnedMrr'],
      );
      expectMetricError(
        () => grossRevenueRetention({ cohort: [{ customerId: 1, startingMrr: 1, endingMrr: 1 }] } as never),
        'INVALID_INPUT',
        ['cohort', 0, 'customerId'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 };
      const before = structuredClone(input);
      grossRevenueRetention(input);
      expect(input).toEqual(before);
    });
  });
});
