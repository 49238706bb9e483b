import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { annualRecurringRevenue } from './annualRecurringRevenue.js';
import { monthlyRecurringRevenue } from './monthlyRecurringRevenue.js';

describe('annualRecurringRevenue', () => {
  describe('worked examples', () => {
    it('is 12 × MRR: 500 customers at $200 a month is $1,200,000 a year (doc 000, row 3)', () => {
      const mrr = monthlyRecurringRevenue({ customers: 500, averageRevenuePerAccount: 200 });
      expect(annualRecurringRevenue({ monthlyRecurringRevenue: mrr })).toBe(1_200_000);
    });
  });

  describe('edge cases', () => {
    it('is exact with cents', () => {
      expect(annualRecurringRevenue({ monthlyRecurringRevenue: '166.67' })).toBe(2000.04);
      expect(annualRecurringRevenue({ monthlyRecurringRevenue: 0.1 })).toBe(1.2);
      expect(annualRecurringRevenue({ monthlyRecurringRevenue: 0 })).toBe(0);
    });
  });

  describe('validation', () => {
    it('takes no options: refuses any key rather than ignore it, and says where an input field belongs', () => {
      const input = { monthlyRecurringRevenue: 100 };
      expectNoOptions(
        'annualRecurringRevenue',
        (options) => annualRecurringRevenue(input, options),
        1200,
        'monthlyRecurringRevenue',
      );
    });

    it.each([
      [{ monthlyRecurringRevenue: -1 }, ['monthlyRecurringRevenue']],
      [{ monthlyRecurringRevenue: '12 USD' }, ['monthlyRecurringRevenue']],
      [{}, ['monthlyRecurringRevenue']],
      [{ monthlyRecurringRevenue: 1, months: 12 }, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => annualRecurringRevenue(input as never), 'INVALID_INPUT', path);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { monthlyRecurringRevenue: 1 };
      annualRecurringRevenue(input);
      expect(input).toEqual({ monthlyRecurringRevenue: 1 });
    });
  });
});
