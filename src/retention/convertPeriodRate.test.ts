import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { convertPeriodRate } from './convertPeriodRate.js';

/**
 * 1 − (1 − rate)^power for a rate with `places` decimals, computed exactly with integers and written as a
 * decimal string, so that `Number()` of it is the correctly rounded result.
 */
function exactCompounded(rate: string, power: number): number {
  const places = rate.split('.')[1]?.length ?? 0;
  const scale = 10n ** BigInt(places);
  const survival = scale - BigInt(rate.replace('.', ''));
  const denominator = scale ** BigInt(power);
  const numerator = denominator - survival ** BigInt(power);
  const digits = numerator.toString().padStart(places * power + 1, '0');
  const point = digits.length - places * power;
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

describe('convertPeriodRate', () => {
  describe('worked examples', () => {
    it('1 % a month is 11.36 % a year and 5 % a month is 45.96 % (Churnkey’s published table)', () => {
      const one = convertPeriodRate({ rate: 0.01, from: 'month', to: 'year' });
      const five = convertPeriodRate({ rate: 0.05, from: 'month', to: 'year' });
      expect(Math.round(one * 10_000) / 100).toBe(11.36);
      expect(Math.round(five * 10_000) / 100).toBe(45.96);
      // Exactly 1 − 0.99^12 and 1 − 0.95^12, correctly rounded.
      expect(one).toBe(exactCompounded('0.01', 12));
      expect(five).toBe(exactCompounded('0.05', 12));
    });

    it('never multiplies: 5 % a month is not 60 % a year', () => {
      const yearly = convertPeriodRate({ rate: 0.05, from: 'month', to: 'year' });
      expect(yearly).toBeLessThan(0.6);
    });

    it('converts back: 45.96 % a year is about 5 % a month (a twelfth root)', () => {
      const monthly = convertPeriodRate({ rate: exactCompounded('0.05', 12), from: 'year', to: 'month' });
      expect(monthly).toBeCloseTo(0.05, 15);
    });
  });

  describe('periods', () => {
    it('compounds whole numbers of periods exactly: month → quarter, quarter → year, week → year', () => {
      expect(convertPeriodRate({ rate: '0.1', from: 'month', to: 'quarter' })).toBe(0.271);
      expect(convertPeriodRate({ rate: 0.5, from: 'quarter', to: 'year' })).toBe(0.9375);
      expect(convertPeriodRate({ rate: '0.02', from: 'week', to: 'year' })).toBe(exactCompounded('0.02', 52));
      expect(convertPeriodRate({ rate: '0.001', from: 'day', to: 'year' })).toBe(exactCompounded('0.001', 365));
    });

    it('uses a year of 12 months, 4 quarters, 52 weeks and 365 days for fractional periods', () => {
      // A week is 12/52 of a month, a day 12/365 of a month, a month 52/12 weeks.
      const cases = [
        { from: 'week', to: 'month', t: 52 / 12 },
        { from: 'month', to: 'week', t: 12 / 52 },
        { from: 'day', to: 'month', t: 365 / 12 },
        { from: 'year', to: 'day', t: 1 / 365 },
        { from: 'quarter', to: 'month', t: 1 / 3 },
        { from: 'day', to: 'week', t: 365 / 52 },
      ] as const;
      for (const { from, to, t } of cases) {
        const rate = convertPeriodRate({ rate: 0.03, from, to });
        expect(rate, `${from} → ${to}`).toBeCloseTo(1 - 0.97 ** t, 14);
      }
    });

    it('leaves a rate unchanged between equal periods, to the last digit of a decimal string', () => {
      expect(convertPeriodRate({ rate: 0.05, from: 'month', to: 'month' })).toBe(0.05);
      expect(convertPeriodRate({ rate: '0.123456789012345678', from: 'week', to: 'week' })).toBe(
        Number('0.123456789012345678'),
      );
    });
  });

  describe('edge cases', () => {
    it('keeps 0 at 0 and 1 at 1 for every pair of periods', () => {
      const periods = ['day', 'week', 'month', 'quarter', 'year'] as const;
      for (const from of periods) {
        for (const to of periods) {
          expect(convertPeriodRate({ rate: 0, from, to })).toBe(0);
          expect(convertPeriodRate({ rate: '1', from, to })).toBe(1);
        }
      }
    });

    it('keeps tiny rates exact instead of losing them to 1 − (1 − r) in floating point', () => {
      // 1 − (1 − 1e-20)^12 is 1.2e-19 to 34 digits; in doubles 1 − 1e-20 is exactly 1.
      expect(convertPeriodRate({ rate: '0.00000000000000000001', from: 'month', to: 'year' })).toBeCloseTo(1.2e-19, 30);
      expect(convertPeriodRate({ rate: '0.00000000000000000001', from: 'month', to: 'year' })).toBeGreaterThan(0);
    });
  });

  describe('validation', () => {
    it('rejects rates outside [0, 1] and non-numbers', () => {
      expectMetricError(() => convertPeriodRate({ rate: 1.5, from: 'month', to: 'year' }), 'INVALID_INPUT', ['rate']);
      expectMetricError(() => convertPeriodRate({ rate: '-0.1', from: 'month', to: 'year' }), 'INVALID_INPUT', [
        'rate',
      ]);
      expectMetricError(() => convertPeriodRate({ rate: '5%', from: 'month', to: 'year' }), 'INVALID_INPUT', ['rate']);
      expectMetricError(() => convertPeriodRate({ rate: Number.NaN, from: 'month', to: 'year' }), 'INVALID_INPUT', [
        'rate',
      ]);
    });

    it('rejects unknown periods, missing fields and unknown keys', () => {
      expectMetricError(
        () => convertPeriodRate({ rate: 0.1, from: 'decade' as never, to: 'year' }),
        'INVALID_INPUT',
        ['from'],
        "from must be one of 'day', 'week', 'month', 'quarter', 'year'",
      );
      expectMetricError(() => convertPeriodRate({ rate: 0.1, from: 'month' } as never), 'INVALID_INPUT', ['to']);
      expectMetricError(
        () => convertPeriodRate({ rate: 0.1, from: 'month', to: 'year', kind: 'churn' } as never),
        'INVALID_INPUT',
        [],
      );
      expectMetricError(() => convertPeriodRate(undefined as never), 'INVALID_INPUT', []);
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { rate: 0.05, from: 'month', to: 'year' } as const;
      expectNoOptions('convertPeriodRate', (options) => convertPeriodRate(input, options), 0.459639912337363, 'from');
    });
  });

  describe('does not mutate input', () => {
    it('accepts a frozen input', () => {
      const input = deepFreeze({ rate: '0.1', from: 'month', to: 'quarter' } as const);
      expect(convertPeriodRate(input)).toBe(0.271);
      expect(input).toEqual({ rate: '0.1', from: 'month', to: 'quarter' });
    });
  });
});
