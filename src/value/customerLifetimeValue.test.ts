import { describe, expect, it } from 'vitest';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { customerLifetimeValue } from './customerLifetimeValue.js';

describe('customerLifetimeValue', () => {
  describe('worked examples', () => {
    it('$100 a purchase, 4 purchases a month, a lifespan of 3 years is 14 400 (document 000)', () => {
      // Document 000 prints "$100 x 4 x 72 months = $21,600". Three years are 36 months, not 72, and its line
      // does not even agree with itself: 100 × 4 × 72 is 28 800, and 21 600 would be 54 months. The value
      // of the example as stated is 100 × 4 × 36 = 14 400.
      const input = { averagePurchaseValue: 100, purchaseFrequency: 4, customerLifespan: 3 } as const;
      expect(customerLifetimeValue({ ...input, lifespanPeriod: 'year' })).toBe(14_400);
      expect(customerLifetimeValue({ ...input, customerLifespan: 36 })).toBe(14_400);
      // Multiplying the lifespan in years by a monthly frequency, the mistake the periods prevent:
      expect(customerLifetimeValue(input)).toBe(1200);
    });

    it('$50 a month for 1 year is 600 (document 001)', () => {
      // Document 001: "($50 X12 = $600)".
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 50,
          purchaseFrequency: 1,
          customerLifespan: 1,
          lifespanPeriod: 'year',
        }),
      ).toBe(600);
      expect(customerLifetimeValue({ averagePurchaseValue: 50, purchaseFrequency: 1, customerLifespan: 12 })).toBe(600);
    });

    it('$50 a visit, 3 visits a month, 24 months is 3 600 (document 003)', () => {
      // Document 003: "$50 x 3 visits x 24 months=$3,600".
      expect(customerLifetimeValue({ averagePurchaseValue: 50, purchaseFrequency: 3, customerLifespan: 24 })).toBe(
        3600,
      );
      expect(
        customerLifetimeValue({
          averagePurchaseValue: '50',
          purchaseFrequency: '3',
          customerLifespan: '2',
          lifespanPeriod: 'year',
        }),
      ).toBe(3600);
    });
  });

  describe('periods', () => {
    const base = { averagePurchaseValue: 10, purchaseFrequency: 1 } as const;

    it('converts the lifespan into frequency periods with a year of 12 months, 4 quarters, 52 weeks, 365 days', () => {
      // Once a month for a year: 12 purchases.
      expect(customerLifetimeValue({ ...base, customerLifespan: 1, lifespanPeriod: 'year' })).toBe(120);
      // Once a week for a year: 52; once a day for a year: 365; once a quarter for a year: 4.
      expect(
        customerLifetimeValue({ ...base, frequencyPeriod: 'week', customerLifespan: 1, lifespanPeriod: 'year' }),
      ).toBe(520);
      expect(
        customerLifetimeValue({ ...base, frequencyPeriod: 'day', customerLifespan: 1, lifespanPeriod: 'year' }),
      ).toBe(3650);
      expect(
        customerLifetimeValue({ ...base, frequencyPeriod: 'quarter', customerLifespan: 1, lifespanPeriod: 'year' }),
      ).toBe(40);
      // Once a year for 24 months: 2; once a month for 6 quarters: 18.
      expect(
        customerLifetimeValue({ ...base, frequencyPeriod: 'year', customerLifespan: 24, lifespanPeriod: 'month' }),
      ).toBe(20);
      expect(customerLifetimeValue({ ...base, customerLifespan: 6, lifespanPeriod: 'quarter' })).toBe(180);
      // Once a year for 365 days: 1; once a month for 52 weeks: 12.
      expect(
        customerLifetimeValue({ ...base, frequencyPeriod: 'year', customerLifespan: 365, lifespanPeriod: 'day' }),
      ).toBe(10);
      expect(customerLifetimeValue({ ...base, customerLifespan: 52, lifespanPeriod: 'week' })).toBe(120);
    });

    it('defaults the lifespan period to the frequency period, and the frequency period to a month', () => {
      expect(customerLifetimeValue({ ...base, frequencyPeriod: 'week', customerLifespan: 10 })).toBe(
        customerLifetimeValue({ ...base, frequencyPeriod: 'week', customerLifespan: 10, lifespanPeriod: 'week' }),
      );
      expect(customerLifetimeValue({ ...base, customerLifespan: 10 })).toBe(
        customerLifetimeValue({ ...base, customerLifespan: 10, frequencyPeriod: 'month', lifespanPeriod: 'month' }),
      );
      expect(customerLifetimeValue({ ...base, customerLifespan: 10 })).toBe(100);
    });

    it('a month is 365/12 days and 52/12 weeks', () => {
      // Daily for one month: 365/12 = 30.416… purchases of 12 → exactly 365.
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 12,
          purchaseFrequency: 1,
          frequencyPeriod: 'day',
          customerLifespan: 1,
          lifespanPeriod: 'month',
        }),
      ).toBe(365);
      // Weekly for one month: 52/12 purchases of 1.
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 1,
          purchaseFrequency: 1,
          frequencyPeriod: 'week',
          customerLifespan: 1,
          lifespanPeriod: 'month',
        }),
      ).toBe(52 / 12);
    });
  });

  describe('edge cases', () => {
    it('is exact for decimal inputs (no binary rounding)', () => {
      // 0.1 × 3 is 0.30000000000000004 in binary floating point.
      expect(customerLifetimeValue({ averagePurchaseValue: 0.1, purchaseFrequency: 3, customerLifespan: 1 })).toBe(0.3);
      expect(customerLifetimeValue({ averagePurchaseValue: '19.99', purchaseFrequency: 3, customerLifespan: 1 })).toBe(
        59.97,
      );
      // 19.99 × 3 × 7 = 419.79 (binary: 419.78999999999996).
      expect(customerLifetimeValue({ averagePurchaseValue: 19.99, purchaseFrequency: 3, customerLifespan: 7 })).toBe(
        419.79,
      );
      // 0.1 twice a week for half a year (26 weeks) = 5.2.
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 0.1,
          purchaseFrequency: 2,
          frequencyPeriod: 'week',
          customerLifespan: 0.5,
          lifespanPeriod: 'year',
        }),
      ).toBe(5.2);
    });

    it('keeps digits beyond double precision in strings until the end', () => {
      // 0.10000000000000000001 × 10 × 1 is 1.0000000000000000001, whose nearest double is 1.
      expect(
        customerLifetimeValue({
          averagePurchaseValue: '0.10000000000000000001',
          purchaseFrequency: 10,
          customerLifespan: 1,
        }),
      ).toBe(1);
      expect(
        customerLifetimeValue({
          averagePurchaseValue: '12345678901234567.89',
          purchaseFrequency: 1,
          customerLifespan: 1,
        }),
      ).toBe(12345678901234568);
    });

    it('accepts fractional frequencies and lifespans', () => {
      // Every other month for 2.5 years: 15 purchases.
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 80,
          purchaseFrequency: 0.5,
          customerLifespan: 2.5,
          lifespanPeriod: 'year',
        }),
      ).toBe(1200);
    });

    it('is 0 when any factor is 0', () => {
      expect(customerLifetimeValue({ averagePurchaseValue: 0, purchaseFrequency: 4, customerLifespan: 3 })).toBe(0);
      expect(customerLifetimeValue({ averagePurchaseValue: 100, purchaseFrequency: 0, customerLifespan: 3 })).toBe(0);
      expect(customerLifetimeValue({ averagePurchaseValue: 100, purchaseFrequency: 4, customerLifespan: '0.00' })).toBe(
        0,
      );
      expect(
        Object.is(customerLifetimeValue({ averagePurchaseValue: -0, purchaseFrequency: 4, customerLifespan: 3 }), 0),
      ).toBe(true);
    });

    it('rejects a result too large for a number rather than returning Infinity', () => {
      const error = catchMetricError(() =>
        customerLifetimeValue({ averagePurchaseValue: 1e308, purchaseFrequency: 10, customerLifespan: 1 }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual([]);
      expect(error.message).toBe(
        'customerLifetimeValue: the lifetime value is too large to represent as a number; the inputs are out of range',
      );
    });

    it('stays finite at the largest inputs that fit', () => {
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 1e300,
          purchaseFrequency: 1,
          customerLifespan: 1,
          lifespanPeriod: 'year',
        }),
      ).toBe(1.2e301);
      expect(
        customerLifetimeValue({
          averagePurchaseValue: 5e-324,
          purchaseFrequency: 1,
          customerLifespan: 1,
          lifespanPeriod: 'day',
          frequencyPeriod: 'year',
        }),
      ).toBe(0);
    });
  });

  describe('validation', () => {
    const valid = { averagePurchaseValue: 100, purchaseFrequency: 4, customerLifespan: 3 };
    it.each([
      [
        'a negative purchase value',
        { ...valid, averagePurchaseValue: -1 },
        ['averagePurchaseValue'],
        'must not be negative',
      ],
      [
        'a negative string value',
        { ...valid, averagePurchaseValue: '-0.01' },
        ['averagePurchaseValue'],
        'must not be negative',
      ],
      ['a negative frequency', { ...valid, purchaseFrequency: -4 }, ['purchaseFrequency'], 'must not be negative'],
      ['a negative lifespan', { ...valid, customerLifespan: -3 }, ['customerLifespan'], 'must not be negative'],
      ['NaN', { ...valid, purchaseFrequency: Number.NaN }, ['purchaseFrequency'], 'must be a finite number'],
      [
        'Infinity',
        { ...valid, customerLifespan: Number.POSITIVE_INFINITY },
        ['customerLifespan'],
        'must be a finite number',
      ],
      ['an exponent string', { ...valid, averagePurchaseValue: '1e3' }, ['averagePurchaseValue'], 'decimal string'],
      ['a currency string', { ...valid, averagePurchaseValue: '$100' }, ['averagePurchaseValue'], 'decimal string'],
      ['a missing value', { purchaseFrequency: 4, customerLifespan: 3 }, ['averagePurchaseValue'], 'is required'],
      ['a missing lifespan', { averagePurchaseValue: 1, purchaseFrequency: 4 }, ['customerLifespan'], 'is required'],
      ['an unknown period', { ...valid, frequencyPeriod: 'months' }, ['frequencyPeriod'], "must be one of 'day'"],
      [
        'an unknown lifespan period',
        { ...valid, lifespanPeriod: 'decade' },
        ['lifespanPeriod'],
        "must be one of 'day'",
      ],
      ['an unknown key', { ...valid, grossMargin: 0.8 }, [], "unknown key 'grossMargin'"],
    ])('%s', (_name, input, path, phrase) => {
      const error = catchMetricError(() => customerLifetimeValue(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('customerLifetimeValue');
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.message).toContain(phrase);
    });

    it.each([null, undefined, 42, 'input', []])('a non-object input: %s', (input) => {
      const error = catchMetricError(() => customerLifetimeValue(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual([]);
    });

    it('names the field in the message', () => {
      expect(catchMetricError(() => customerLifetimeValue({ ...valid, purchaseFrequency: -4 })).message).toBe(
        'customerLifetimeValue: purchaseFrequency must not be negative',
      );
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { averagePurchaseValue: 100, purchaseFrequency: 4, customerLifespan: 36 };
      expectNoOptions(
        'customerLifetimeValue',
        (options) => customerLifetimeValue(input, options),
        14_400,
        'lifespanPeriod',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({
        averagePurchaseValue: '100',
        purchaseFrequency: 4,
        customerLifespan: 3,
        lifespanPeriod: 'year' as const,
      });
      const copy = structuredClone(input);
      expect(customerLifetimeValue(input)).toBe(14_400);
      expect(input).toEqual(copy);
      expect(Object.keys(input)).toEqual(Object.keys(copy));
    });
  });
});
