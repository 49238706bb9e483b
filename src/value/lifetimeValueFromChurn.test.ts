import { describe, expect, it } from 'vitest';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { lifetimeValueFromChurn } from './lifetimeValueFromChurn.js';

describe('lifetimeValueFromChurn', () => {
  describe('worked examples', () => {
    it('ARPA 100 at 5 % monthly churn is 2 000 (ChartMogul)', () => {
      // ChartMogul, "Customer Lifetime Value (LTV)": "with an ARPA of $100 and a 5% ... churn rate, LTV is $2,000".
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.05 })).toBe(2000);
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: '100.00', churnRate: '0.050' })).toBe(2000);
    });

    it('ARPU 10 at 4 % monthly churn is 250 (ProfitWell)', () => {
      // ProfitWell (Paddle), "Lifetime Value": ARPU of $10 and churn stable at 4 % a month "makes your LTV $250".
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 10, churnRate: 0.04 })).toBe(250);
      // The same thought exercise: churn rising to 6 % gives 166.67, the "40 % decrease" it discusses.
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 10, churnRate: 0.06 })).toBe(500 / 3);
    });

    it('applies the gross margin (D. Skok, SaaS Metrics 2.0)', () => {
      // ARPA 100, 80 % gross margin, 2 % monthly churn: 100 × 0.8 ÷ 0.02 = 4 000.
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.02, grossMargin: 0.8 })).toBe(4000);
      // ARPU 20 with costs of goods at 10 % of revenue (margin 90 %) and 15 % churn: 20 × 0.9 ÷ 0.15 = 120.
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 20, churnRate: 0.15, grossMargin: 0.9 })).toBe(120);
    });
  });

  describe('edge cases', () => {
    it('is exact where binary floating point is not', () => {
      // In doubles 0.7 × 0.3 ÷ 0.1 is 2.0999999999999996 and 1.1 × 0.9 ÷ 0.3 is 3.3000000000000003.
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 0.7, churnRate: 0.1, grossMargin: 0.3 })).toBe(2.1);
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 1.1, churnRate: 0.3, grossMargin: 0.9 })).toBe(3.3);
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: '0.3', churnRate: '0.1' })).toBe(3);
      // 29.99 ÷ 0.03 = 999.666…, correctly rounded.
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: '29.99', churnRate: '0.03' })).toBe(2999 / 3);
    });

    it('defaults the gross margin to 1 (lifetime revenue)', () => {
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.05, grossMargin: 1 })).toBe(
        lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.05 }),
      );
    });

    it('is ARPA × margin when every customer churns each period', () => {
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 1, grossMargin: '0.75' })).toBe(75);
    });

    it('is 0 when the ARPA or the margin is 0', () => {
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 0, churnRate: 0.05 })).toBe(0);
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.05, grossMargin: 0 })).toBe(0);
    });

    it('handles very small churn rates without overflow', () => {
      expect(lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: '0.000001' })).toBe(100_000_000);
    });

    it.each([0, -0, '0', '0.000', '-0', '+0.0'])('churn rate %s is NO_DATA, not Infinity', (churnRate) => {
      const error = catchMetricError(() => lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate }));
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['churnRate']);
      expect(error.message).toBe(
        'lifetimeValueFromChurn: churnRate must be greater than 0 (with no churn the lifetime is unbounded)',
      );
    });

    it('rejects a result too large for a number', () => {
      const error = catchMetricError(() =>
        lifetimeValueFromChurn({ averageRevenuePerAccount: 1e308, churnRate: 0.01 }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual([]);
    });
  });

  describe('validation', () => {
    const valid = { averageRevenuePerAccount: 100, churnRate: 0.05 };
    it.each([
      ['a churn rate above 1', { ...valid, churnRate: 1.5 }, ['churnRate'], 'must be at most 1'],
      ['a churn rate of 5 (a percentage)', { ...valid, churnRate: 5 }, ['churnRate'], 'must be at most 1'],
      [
        'a churn rate just above 1',
        { ...valid, churnRate: '1.0000000000000000001' },
        ['churnRate'],
        'must be at most 1',
      ],
      ['a negative churn rate', { ...valid, churnRate: -0.05 }, ['churnRate'], 'must not be negative'],
      [
        'a negative ARPA',
        { ...valid, averageRevenuePerAccount: -100 },
        ['averageRevenuePerAccount'],
        'must not be negative',
      ],
      ['a margin above 1', { ...valid, grossMargin: 80 }, ['grossMargin'], 'must be at most 1'],
      ['a negative margin', { ...valid, grossMargin: '-0.1' }, ['grossMargin'], 'must not be negative'],
      ['a NaN churn', { ...valid, churnRate: Number.NaN }, ['churnRate'], 'must be a finite number'],
      ['a percent string', { ...valid, churnRate: '5%' }, ['churnRate'], 'decimal string'],
      ['a boolean', { ...valid, grossMargin: true }, ['grossMargin'], 'decimal string'],
      ['a missing churn rate', { averageRevenuePerAccount: 100 }, ['churnRate'], 'is required'],
      ['a missing ARPA', { churnRate: 0.05 }, ['averageRevenuePerAccount'], 'is required'],
      ['an unknown key', { ...valid, arpa: 100 }, [], "unknown key 'arpa'"],
    ])('%s', (_name, input, path, phrase) => {
      const error = catchMetricError(() => lifetimeValueFromChurn(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('lifetimeValueFromChurn');
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.message).toContain(phrase);
    });

    it('checks the churn rate bounds before reporting NO_DATA', () => {
      expect(catchMetricError(() => lifetimeValueFromChurn({ averageRevenuePerAccount: -1, churnRate: 0 })).code).toBe(
        'INVALID_INPUT',
      );
    });

    it.each([null, undefined, 3, 'x', []])('a non-object input: %s', (input) => {
      expect(catchMetricError(() => lifetimeValueFromChurn(input as never)).code).toBe('INVALID_INPUT');
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { averageRevenuePerAccount: 100, churnRate: 0.05 };
      expectNoOptions(
        'lifetimeValueFromChurn',
        (options) => lifetimeValueFromChurn(input, options),
        2000,
        'grossMargin',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({ averageRevenuePerAccount: '100', churnRate: 0.05, grossMargin: '0.8' });
      const copy = structuredClone(input);
      expect(lifetimeValueFromChurn(input)).toBe(1600);
      expect(input).toEqual(copy);
    });
  });
});
