import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { retentionRate } from './retentionRate.js';

describe('retentionRate', () => {
  describe('worked examples', () => {
    it('((CE − CN) ÷ CS): 200 at the start, 210 at the end of whom 30 new is 0.9 (doc 002, row 11)', () => {
      // Doc 002 gives ((CE − CN) / CS) × 100; as a fraction (210 − 30) ÷ 200 = 0.9.
      expect(retentionRate({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 })).toBe(0.9);
    });

    it('100 active of 150 customers is 2/3 (doc 000, row 4)', () => {
      // Doc 000 prints 67 %, which rounds 2/3; the result is the exact ratio.
      const rate = retentionRate({ activeCustomers: 100, totalCustomers: 150 });
      expect(rate).toBe(2 / 3);
      expect(Math.round(rate * 100)).toBe(67);
    });
  });

  describe('edge cases', () => {
    it('is 1 when every customer of the start stayed, 0 when none did', () => {
      expect(retentionRate({ customersAtStart: 50, customersAtEnd: 50, newCustomers: 0 })).toBe(1);
      expect(retentionRate({ customersAtStart: 50, customersAtEnd: 12, newCustomers: 12 })).toBe(0);
      expect(retentionRate({ customersAtStart: 5, customersAtEnd: 0, newCustomers: 0 })).toBe(0);
      expect(retentionRate({ activeCustomers: 0, totalCustomers: 4 })).toBe(0);
      expect(retentionRate({ activeCustomers: 4, totalCustomers: 4 })).toBe(1);
    });

    it('is 1 − the churn rate of the customers at the start', () => {
      const customersAtStart = 1000;
      const lost = 64;
      const rate = retentionRate({ customersAtStart, customersAtEnd: customersAtStart - lost + 80, newCustomers: 80 });
      expect(rate).toBe(0.936);
      expect(rate).toBe((customersAtStart - lost) / customersAtStart);
      // One division of integers, not 1 − 0.064 in floating point (0.9359999999999999).
      expect(rate).not.toBe(1 - lost / customersAtStart);
    });
  });

  describe('validation', () => {
    it('rejects more new customers than customers at the end', () => {
      expectMetricError(
        () => retentionRate({ customersAtStart: 10, customersAtEnd: 5, newCustomers: 6 }),
        'INVALID_INPUT',
        ['newCustomers'],
        'newCustomers must not exceed customersAtEnd',
      );
    });

    it('rejects more customers kept than there were at the start', () => {
      expectMetricError(
        () => retentionRate({ customersAtStart: 10, customersAtEnd: 15, newCustomers: 4 }),
        'INVALID_INPUT',
        ['customersAtEnd'],
        'customersAtEnd minus newCustomers must not exceed customersAtStart',
      );
    });

    it('rejects more active customers than customers', () => {
      expectMetricError(() => retentionRate({ activeCustomers: 3, totalCustomers: 2 }), 'INVALID_INPUT', [
        'activeCustomers',
      ]);
    });

    it('rejects bad counts, mixed forms, unknown forms and non-objects', () => {
      expectMetricError(
        () => retentionRate({ customersAtStart: 10, customersAtEnd: -1, newCustomers: 0 }),
        'INVALID_INPUT',
        ['customersAtEnd'],
      );
      expectMetricError(() => retentionRate({ activeCustomers: 1.5, totalCustomers: 2 }), 'INVALID_INPUT', [
        'activeCustomers',
      ]);
      expectMetricError(
        () => retentionRate({ customersAtStart: 10, customersAtEnd: 9, newCustomers: 0, activeCustomers: 9 } as never),
        'INVALID_INPUT',
        [],
        "unknown key 'activeCustomers'",
      );
      expectMetricError(() => retentionRate({ customers: 3 } as never), 'INVALID_INPUT', []);
      expectMetricError(() => retentionRate({ customersAtStart: 3 } as never), 'INVALID_INPUT', ['customersAtEnd']);
      expectMetricError(() => retentionRate('0.9' as never), 'INVALID_INPUT', []);
    });

    it('is NO_DATA without customers at the start or without customers', () => {
      expectMetricError(() => retentionRate({ customersAtStart: 0, customersAtEnd: 4, newCustomers: 4 }), 'NO_DATA', [
        'customersAtStart',
      ]);
      expectMetricError(() => retentionRate({ activeCustomers: 0, totalCustomers: 0 }), 'NO_DATA', ['totalCustomers']);
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 };
      expectNoOptions('retentionRate', (options) => retentionRate(input, options), 0.9, 'newCustomers');
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen inputs of both forms', () => {
      const period = deepFreeze({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 });
      const snapshot = deepFreeze({ activeCustomers: 1, totalCustomers: 4 });
      expect(retentionRate(period)).toBe(0.9);
      expect(retentionRate(snapshot)).toBe(0.25);
      expect(period).toEqual({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 });
    });
  });
});
