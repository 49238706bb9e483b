import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { annualRecurringRevenuePerCsm } from './annualRecurringRevenuePerCsm.js';

describe('annualRecurringRevenuePerCsm', () => {
  describe('worked examples', () => {
    it('is the revenue each CSM oversees (doc 004, row 28: Loaded ARR/CSM)', () => {
      expect(annualRecurringRevenuePerCsm({ annualRecurringRevenue: 6_000_000, csms: 4 })).toBe(1_500_000);
    });
  });

  describe('edge cases', () => {
    it('accepts full-time equivalents', () => {
      expect(annualRecurringRevenuePerCsm({ annualRecurringRevenue: '1000000', csms: '2.5' })).toBe(400_000);
      expect(annualRecurringRevenuePerCsm({ annualRecurringRevenue: 1, csms: 3 })).toBe(1 / 3);
    });
  });

  describe('validation', () => {
    it('takes no options: refuses any key rather than ignore it, and says where an input field belongs', () => {
      const input = { annualRecurringRevenue: 100, csms: 2 };
      expectNoOptions(
        'annualRecurringRevenuePerCsm',
        (options) => annualRecurringRevenuePerCsm(input, options),
        50,
        'csms',
      );
    });

    it('reports NO_DATA for no CSMs', () => {
      expectMetricError(() => annualRecurringRevenuePerCsm({ annualRecurringRevenue: 1, csms: 0 }), 'NO_DATA', [
        'csms',
      ]);
    });

    it.each([
      [{ annualRecurringRevenue: 1, csms: -1 }, ['csms']],
      [{ annualRecurringRevenue: -1, csms: 1 }, ['annualRecurringRevenue']],
      [{ annualRecurringRevenue: 1, csms: 'two' }, ['csms']],
      [{ annualRecurringRevenue: 1, csms: 1, team: 'x' }, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => annualRecurringRevenuePerCsm(input as never), 'INVALID_INPUT', path);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { annualRecurringRevenue: 10, csms: 2 };
      expect(annualRecurringRevenuePerCsm(input)).toBe(5);
      expect(input).toEqual({ annualRecurringRevenue: 10, csms: 2 });
    });
  });
});
