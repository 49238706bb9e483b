import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { churnRate } from './churnRate.js';

describe('churnRate', () => {
  describe('worked examples', () => {
    it('2 000 customers at the start of the month, 100 left: 0.05 (doc 001, row 6)', () => {
      // Doc 001 prints "your churn ratio for May will be 0.05% (100/2000 = 0.05 =5%)": the ratio is 0.05,
      // that is 5 %, not 0.05 % (and the month of its example is July, not May).
      const rate = churnRate({ customersAtStart: 2000, customersLost: 100 });
      expect(rate).toBe(0.05);
      expect(rate).not.toBe(0.0005);
    });

    it('1 000 at the start, 50 lost: 5 % (doc 002, row 9)', () => {
      expect(churnRate({ customersAtStart: 1000, customersLost: 50 })).toBe(0.05);
    });

    it('1 000 at the start of May, 64 churned: 6.4 % (doc 003, row 20)', () => {
      expect(churnRate({ customersAtStart: 1000, customersLost: 64 })).toBe(0.064);
    });

    it('100 at the start, 10 churned after leaving out a same-month signup: 10 % (ChartMogul)', () => {
      // ChartMogul's B2B example: 11 cancel, one of whom joined that month and is left out.
      expect(churnRate({ customersAtStart: 100, customersLost: 11 - 1 })).toBe(0.1);
    });
  });

  describe('edge cases', () => {
    it('is 0 when nobody left and 1 when everybody did', () => {
      expect(churnRate({ customersAtStart: 7, customersLost: 0 })).toBe(0);
      expect(churnRate({ customersAtStart: 7, customersLost: 7 })).toBe(1);
    });

    it('can exceed 1 when new customers who also left are counted (the source documents’ rule)', () => {
      expect(churnRate({ customersAtStart: 2, customersLost: 3 })).toBe(1.5);
    });

    it('divides once: the correctly rounded ratio, even for large counts', () => {
      expect(churnRate({ customersAtStart: 3, customersLost: 1 })).toBe(1 / 3);
      const big = Number.MAX_SAFE_INTEGER;
      expect(churnRate({ customersAtStart: big, customersLost: big - 1 })).toBe((big - 1) / big);
    });
  });

  describe('validation', () => {
    it('rejects counts that are not non-negative safe integers', () => {
      expectMetricError(() => churnRate({ customersAtStart: -1, customersLost: 0 }), 'INVALID_INPUT', [
        'customersAtStart',
      ]);
      expectMetricError(() => churnRate({ customersAtStart: 10, customersLost: 1.5 }), 'INVALID_INPUT', [
        'customersLost',
      ]);
      expectMetricError(
        () => churnRate({ customersAtStart: '10' as unknown as number, customersLost: 1 }),
        'INVALID_INPUT',
        ['customersAtStart'],
      );
      expectMetricError(() => churnRate({ customersAtStart: 2 ** 53, customersLost: 1 }), 'INVALID_INPUT', [
        'customersAtStart',
      ]);
      expectMetricError(() => churnRate({ customersAtStart: Number.NaN, customersLost: 1 }), 'INVALID_INPUT', [
        'customersAtStart',
      ]);
    });

    it('rejects missing and unknown keys, and a non-object', () => {
      expectMetricError(
        () => churnRate({ customersAtStart: 10 } as unknown as Parameters<typeof churnRate>[0]),
        'INVALID_INPUT',
        ['customersLost'],
        'customersLost is required',
      );
      expectMetricError(
        () => churnRate({ customersAtStart: 10, customersLost: 1, period: 'month' } as never),
        'INVALID_INPUT',
        [],
        "unknown key 'period'",
      );
      expectMetricError(() => churnRate(null as never), 'INVALID_INPUT', []);
    });

    it('is NO_DATA without customers at the start', () => {
      const error = expectMetricError(() => churnRate({ customersAtStart: 0, customersLost: 0 }), 'NO_DATA', [
        'customersAtStart',
      ]);
      expect(error.message).toBe('churnRate: customersAtStart must be greater than 0');
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { customersAtStart: 2000, customersLost: 100 };
      expectNoOptions('churnRate', (options) => churnRate(input, options), 0.05, 'customersAtStart');
    });
  });

  describe('does not mutate input', () => {
    it('accepts a frozen input and leaves it as it was', () => {
      const input = deepFreeze({ customersAtStart: 40, customersLost: 2 });
      expect(churnRate(input)).toBe(0.05);
      expect(input).toEqual({ customersAtStart: 40, customersLost: 2 });
    });
  });
});
