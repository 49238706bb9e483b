import { describe, expect, it } from 'vitest';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { cacPaybackPeriod } from './cacPaybackPeriod.js';

describe('cacPaybackPeriod', () => {
  describe('worked examples', () => {
    it('CAC $100 and ARPA $50 a month pays back in 2 months', () => {
      // The revenue payback (gross margin 1): 100 ÷ 50.
      expect(cacPaybackPeriod({ customerAcquisitionCost: 100, averageRevenuePerAccount: 50 })).toBe(2);
    });

    it('with a gross margin: CAC $200, ARPU $50 a month at 75 % is 5.33 months', () => {
      // 200 ÷ (50 × 0.75) = 200 ÷ 37.5 = 16/3.
      expect(cacPaybackPeriod({ customerAcquisitionCost: 200, averageRevenuePerAccount: 50, grossMargin: 0.75 })).toBe(
        16 / 3,
      );
    });

    it('document 002’s CAC of $100 at ARPA $20 and 80 % margin pays back in 6.25 months', () => {
      expect(
        cacPaybackPeriod({ customerAcquisitionCost: 100, averageRevenuePerAccount: '20.00', grossMargin: '0.8' }),
      ).toBe(6.25);
    });
  });

  describe('edge cases', () => {
    it('is in the ARPA’s period: an annual ARPA gives years', () => {
      // $1,200 a year at 100 % margin repays a $1,800 CAC in 1.5 years; $100 a month in 18 months.
      expect(cacPaybackPeriod({ customerAcquisitionCost: 1800, averageRevenuePerAccount: 1200 })).toBe(1.5);
      expect(cacPaybackPeriod({ customerAcquisitionCost: 1800, averageRevenuePerAccount: 100 })).toBe(18);
    });

    it('is exact for decimal amounts', () => {
      // 0.3 ÷ (0.5 × 0.2) is 2.9999999999999996 in doubles.
      expect(cacPaybackPeriod({ customerAcquisitionCost: 0.3, averageRevenuePerAccount: 0.5, grossMargin: 0.2 })).toBe(
        3,
      );
      expect(
        cacPaybackPeriod({ customerAcquisitionCost: '0.3', averageRevenuePerAccount: '0.5', grossMargin: '0.2' }),
      ).toBe(3);
    });

    it('is 0 for a CAC of 0', () => {
      expect(cacPaybackPeriod({ customerAcquisitionCost: 0, averageRevenuePerAccount: 50 })).toBe(0);
    });

    it('defaults the gross margin to 1', () => {
      expect(cacPaybackPeriod({ customerAcquisitionCost: 90, averageRevenuePerAccount: 30, grossMargin: 1 })).toBe(
        cacPaybackPeriod({ customerAcquisitionCost: 90, averageRevenuePerAccount: 30 }),
      );
    });

    it.each([0, '0.0', -0])('an ARPA of %s never pays back: NO_DATA', (arpa) => {
      const error = catchMetricError(() =>
        cacPaybackPeriod({ customerAcquisitionCost: 100, averageRevenuePerAccount: arpa }),
      );
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['averageRevenuePerAccount']);
      expect(error.message).toBe('cacPaybackPeriod: averageRevenuePerAccount must be greater than 0');
    });

    it('a gross margin of 0 never pays back: NO_DATA', () => {
      const error = catchMetricError(() =>
        cacPaybackPeriod({ customerAcquisitionCost: 100, averageRevenuePerAccount: 50, grossMargin: '0' }),
      );
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['grossMargin']);
    });

    it('rejects a result too large for a number', () => {
      const error = catchMetricError(() =>
        cacPaybackPeriod({ customerAcquisitionCost: 1e300, averageRevenuePerAccount: 1e-300, grossMargin: 0.5 }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual([]);
    });
  });

  describe('validation', () => {
    const valid = { customerAcquisitionCost: 900, averageRevenuePerAccount: 100, grossMargin: 0.75 };
    it.each([
      [
        'a negative CAC',
        { ...valid, customerAcquisitionCost: -900 },
        ['customerAcquisitionCost'],
        'must not be negative',
      ],
      [
        'a negative ARPA',
        { ...valid, averageRevenuePerAccount: '-1' },
        ['averageRevenuePerAccount'],
        'must not be negative',
      ],
      ['a margin as a percentage', { ...valid, grossMargin: 75 }, ['grossMargin'], 'must be at most 1'],
      ['a negative margin', { ...valid, grossMargin: -0.5 }, ['grossMargin'], 'must not be negative'],
      ['a null margin', { ...valid, grossMargin: null }, ['grossMargin'], 'decimal string'],
      ['a missing ARPA', { customerAcquisitionCost: 900 }, ['averageRevenuePerAccount'], 'is required'],
      ['an unknown key', { ...valid, period: 'month' }, [], "unknown key 'period'"],
    ])('%s', (_name, input, path, phrase) => {
      const error = catchMetricError(() => cacPaybackPeriod(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('cacPaybackPeriod');
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.message).toContain(phrase);
    });

    it.each([null, undefined, 12, []])('a non-object input: %s', (input) => {
      expect(catchMetricError(() => cacPaybackPeriod(input as never)).code).toBe('INVALID_INPUT');
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { customerAcquisitionCost: 900, averageRevenuePerAccount: 100 };
      expectNoOptions('cacPaybackPeriod', (options) => cacPaybackPeriod(input, options), 9, 'grossMargin');
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({
        customerAcquisitionCost: '900',
        averageRevenuePerAccount: 100,
        grossMargin: '0.75',
      });
      const copy = structuredClone(input);
      expect(cacPaybackPeriod(input)).toBe(12);
      expect(input).toEqual(copy);
    });
  });
});
