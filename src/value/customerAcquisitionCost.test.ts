import { describe, expect, it } from 'vitest';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { customerAcquisitionCost } from './customerAcquisitionCost.js';

describe('customerAcquisitionCost', () => {
  describe('worked examples', () => {
    it('$100,000 of sales and marketing for 1 000 new customers is $100 (document 002)', () => {
      // Document 002: "if you spent $100,000 on sales and marketing in a month and acquired 1000 new
      // customers, your CAC would be $100".
      expect(customerAcquisitionCost({ salesAndMarketingCost: 100_000, newCustomers: 1000 })).toBe(100);
      expect(customerAcquisitionCost({ salesAndMarketingCost: '100000.00', newCustomers: 1000 })).toBe(100);
    });

    it('$200K for 100 customers is $2 000', () => {
      expect(customerAcquisitionCost({ salesAndMarketingCost: 200_000, newCustomers: 100 })).toBe(2000);
    });
  });

  describe('edge cases', () => {
    it('is exact for decimal amounts', () => {
      // 0.3 / 3 is 0.09999999999999999 in doubles.
      expect(customerAcquisitionCost({ salesAndMarketingCost: 0.3, newCustomers: 3 })).toBe(0.1);
      expect(customerAcquisitionCost({ salesAndMarketingCost: '0.30', newCustomers: 3 })).toBe(0.1);
      // 1000.10 over 3 customers: 333.3666…, the nearest double of the exact quotient.
      expect(customerAcquisitionCost({ salesAndMarketingCost: '1000.10', newCustomers: 3 })).toBe(100_010 / 300);
    });

    it('keeps amounts beyond double precision exact until the end', () => {
      // 90071992547409930 (not a double) ÷ 10 = 9007199254740993, whose nearest double is 9007199254740992.
      expect(customerAcquisitionCost({ salesAndMarketingCost: '90071992547409930', newCustomers: 10 })).toBe(
        9_007_199_254_740_992,
      );
    });

    it('is 0 when nothing was spent', () => {
      expect(customerAcquisitionCost({ salesAndMarketingCost: 0, newCustomers: 12 })).toBe(0);
      expect(customerAcquisitionCost({ salesAndMarketingCost: '-0.00', newCustomers: 12 })).toBe(0);
    });

    it('accepts the largest counts', () => {
      expect(customerAcquisitionCost({ salesAndMarketingCost: 2 ** 53 - 1, newCustomers: 2 ** 53 - 1 })).toBe(1);
    });

    it('no new customers is NO_DATA', () => {
      const error = catchMetricError(() => customerAcquisitionCost({ salesAndMarketingCost: 5000, newCustomers: 0 }));
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['newCustomers']);
      expect(error.message).toBe('customerAcquisitionCost: newCustomers must be greater than 0');
    });
  });

  describe('validation', () => {
    const valid = { salesAndMarketingCost: 1000, newCustomers: 10 };
    it.each([
      ['a negative cost', { ...valid, salesAndMarketingCost: -1 }, ['salesAndMarketingCost'], 'must not be negative'],
      ['a NaN cost', { ...valid, salesAndMarketingCost: Number.NaN }, ['salesAndMarketingCost'], 'finite'],
      [
        'a cost with a thousands separator',
        { ...valid, salesAndMarketingCost: '100,000' },
        ['salesAndMarketingCost'],
        'decimal string',
      ],
      ['a fractional count', { ...valid, newCustomers: 2.5 }, ['newCustomers'], 'must be an integer'],
      ['a negative count', { ...valid, newCustomers: -3 }, ['newCustomers'], 'must be at least 0'],
      ['a count as a string', { ...valid, newCustomers: '10' }, ['newCustomers'], 'must be a number'],
      ['an unsafe count', { ...valid, newCustomers: 2 ** 53 }, ['newCustomers'], 'must be at most 9007199254740991'],
      ['a missing count', { salesAndMarketingCost: 1000 }, ['newCustomers'], 'is required'],
      ['an unknown key', { ...valid, marketingCost: 1 }, [], "unknown key 'marketingCost'"],
    ])('%s', (_name, input, path, phrase) => {
      const error = catchMetricError(() => customerAcquisitionCost(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('customerAcquisitionCost');
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.message).toContain(phrase);
    });

    it.each([null, undefined, 0, 'cost', []])('a non-object input: %s', (input) => {
      expect(catchMetricError(() => customerAcquisitionCost(input as never)).code).toBe('INVALID_INPUT');
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { salesAndMarketingCost: 100_000, newCustomers: 1000 };
      expectNoOptions(
        'customerAcquisitionCost',
        (options) => customerAcquisitionCost(input, options),
        100,
        'newCustomers',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({ salesAndMarketingCost: '100000', newCustomers: 1000 });
      const copy = structuredClone(input);
      expect(customerAcquisitionCost(input)).toBe(100);
      expect(input).toEqual(copy);
    });
  });
});
