import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { averageRevenuePerAccount } from './averageRevenuePerAccount.js';

describe('averageRevenuePerAccount', () => {
  describe('worked examples', () => {
    it('divides revenue in the period by customers (doc 003, row 22; doc 000: $100,000 over 500 is $200)', () => {
      expect(averageRevenuePerAccount({ revenue: 100000, customers: 500 })).toBe(200);
    });

    it("gives ChartMogul's examples: $15 over 5 customers is $3, $1,500 over 5 is $300", () => {
      expect(averageRevenuePerAccount({ revenue: 15, customers: 5 })).toBe(3);
      expect(averageRevenuePerAccount({ revenue: '1500', customers: 5 })).toBe(300);
    });
  });

  describe('edge cases', () => {
    it('is exact and correctly rounded', () => {
      expect(averageRevenuePerAccount({ revenue: 100, customers: 3 })).toBe(100 / 3);
      expect(averageRevenuePerAccount({ revenue: '0.3', customers: 3 })).toBe(0.1);
      expect(averageRevenuePerAccount({ revenue: 0, customers: 3 })).toBe(0);
    });
  });

  describe('validation', () => {
    it('takes no options: refuses any key rather than ignore it, and says where an input field belongs', () => {
      const input = { revenue: 100, customers: 2 };
      expectNoOptions(
        'averageRevenuePerAccount',
        (options) => averageRevenuePerAccount(input, options),
        50,
        'customers',
      );
    });

    it('reports NO_DATA for no customers', () => {
      expectMetricError(() => averageRevenuePerAccount({ revenue: 10, customers: 0 }), 'NO_DATA', ['customers']);
    });

    it.each([
      [{ revenue: -1, customers: 1 }, ['revenue']],
      [{ revenue: 1, customers: 1.5 }, ['customers']],
      [{ revenue: 1, customers: -1 }, ['customers']],
      [{ revenue: 1 }, ['customers']],
      [{ revenue: 1, customers: 1, period: 'month' }, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => averageRevenuePerAccount(input as never), 'INVALID_INPUT', path);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { revenue: '10', customers: 4 };
      const before = structuredClone(input);
      expect(averageRevenuePerAccount(input)).toBe(2.5);
      expect(input).toEqual(before);
    });
  });
});
