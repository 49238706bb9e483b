import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { monthlyAmount } from './monthlyAmount.js';

describe('monthlyAmount', () => {
  describe('worked examples', () => {
    it('normalises a quarterly $90 plan to $30 a month (published case)', () => {
      expect(monthlyAmount({ amount: 90, interval: 'quarter' })).toBe(30);
      expect(monthlyAmount({ amount: 90, interval: 'month', intervalCount: 3 })).toBe(30);
    });

    it("gives ChartMogul's $2,000 yearly plan as $166.67 when rounding to cents, 2000/12 otherwise", () => {
      // ChartMogul, "MRR movements": four Gold yearly plans billed $2,000 are $166.67 of MRR.
      expect(monthlyAmount({ amount: 2000, interval: 'year' }, { rounding: { places: 2 } })).toBe(166.67);
      expect(
        monthlyAmount({ amount: 500, quantity: 4, interval: 'year' }, { rounding: { places: 2, mode: 'halfUp' } }),
      ).toBe(166.67);
      // Without rounding the exact 2000/12, one correctly rounded division.
      expect(monthlyAmount({ amount: '2000', interval: 'year' })).toBe(2000 / 12);
    });

    it('takes 10 % off $120 a year as $9 a month (ProfitWell/Paddle, "Discounts and Credits")', () => {
      expect(monthlyAmount({ amount: 120, interval: 'year', discount: { percent: 0.1 } })).toBe(9);
      expect(monthlyAmount({ amount: '120', interval: 'year', discount: { percent: '0.10' } })).toBe(9);
    });

    it('halves a $10 plan with a 50 % coupon to $5 (Baremetrics, "Monthly Recurring Revenue")', () => {
      expect(monthlyAmount({ amount: 10, discount: { percent: 0.5 } })).toBe(5);
    });

    it('counts a $120 annual plan as $10 a month (Baremetrics) and a $1,200 one as $100 (Stripe)', () => {
      expect(monthlyAmount({ amount: 120, interval: 'year' })).toBe(10);
      expect(monthlyAmount({ amount: 1200, interval: 'year' })).toBe(100);
    });

    it("adds ChartMogul's two Silver monthly plans as $60", () => {
      expect(monthlyAmount({ amount: 30, quantity: 2 })).toBe(60);
    });
  });

  describe('policies', () => {
    it('uses 52/12 weeks a month by default, 4.33 and 4 on request', () => {
      expect(monthlyAmount({ amount: 12, interval: 'week' })).toBe(52);
      expect(monthlyAmount({ amount: 10, interval: 'week' })).toBe(520 / 12);
      expect(monthlyAmount({ amount: 100, interval: 'week' }, { weeklyFactor: '4.33' })).toBe(433);
      expect(monthlyAmount({ amount: 12, interval: 'week' }, { weeklyFactor: '4' })).toBe(48);
      expect(monthlyAmount({ amount: 12, interval: 'week' }, { weeklyFactor: '52/12' })).toBe(52);
    });

    it('uses 365/12 days a month by default and 30 on request', () => {
      expect(monthlyAmount({ amount: 12, interval: 'day' })).toBe(365);
      expect(monthlyAmount({ amount: 1, interval: 'day' }, { dailyFactor: '30' })).toBe(30);
    });

    it('ignores discounts with discounts: "ignore" (list price, as Zuora)', () => {
      expect(monthlyAmount({ amount: 10, discount: { percent: 0.5 } }, { discounts: 'ignore' })).toBe(10);
      expect(monthlyAmount({ amount: 10, discount: { amount: 4 } }, { discounts: 'ignore' })).toBe(10);
      expect(monthlyAmount({ amount: 10, discount: { amount: 4 } }, { discounts: 'apply' })).toBe(6);
    });

    it('takes an amount discount off the whole line (amount × quantity) per billing interval', () => {
      // 3 seats at $20 a quarter, $6 off each quarter: (60 − 6) ÷ 3 = 18.
      expect(monthlyAmount({ amount: 20, quantity: 3, interval: 'quarter', discount: { amount: 6 } })).toBe(18);
    });

    it('rounds ties to even by default and up with mode halfUp', () => {
      // 0.125 a month: $1.50 a year.
      expect(monthlyAmount({ amount: 1.5, interval: 'year' })).toBe(0.125);
      expect(monthlyAmount({ amount: 1.5, interval: 'year' }, { rounding: { places: 2 } })).toBe(0.12);
      expect(monthlyAmount({ amount: 1.5, interval: 'year' }, { rounding: { places: 2, mode: 'halfUp' } })).toBe(0.13);
      expect(monthlyAmount({ amount: 1.5, interval: 'year' }, { rounding: { places: 0 } })).toBe(0);
      expect(monthlyAmount({ amount: 100, interval: 'year' }, { rounding: { places: 4 } })).toBe(8.3333);
    });
  });

  describe('edge cases', () => {
    it('is exact where floats are not', () => {
      // 0.1 × 3 is 0.30000000000000004 in floats.
      expect(monthlyAmount({ amount: 0.1, quantity: 3 })).toBe(0.3);
      expect(monthlyAmount({ amount: '19.99', quantity: 3, discount: { percent: '0.15' } })).toBe(50.9745);
    });

    it('reads long decimal strings exactly', () => {
      expect(monthlyAmount({ amount: '12345678901234567890.12', interval: 'year' })).toBe(
        Number('1028806575102880657.51'),
      );
      expect(monthlyAmount({ amount: '0.000000000000000001', interval: 'month' })).toBe(1e-18);
    });

    it('gives 0 for a free or fully discounted price and for zero seats', () => {
      expect(monthlyAmount({ amount: 0 })).toBe(0);
      expect(monthlyAmount({ amount: 10, discount: { percent: 1 } })).toBe(0);
      expect(monthlyAmount({ amount: 10, quantity: 2, discount: { amount: 20 } })).toBe(0);
      expect(monthlyAmount({ amount: 10, quantity: 0 })).toBe(0);
    });

    it('divides by the interval count', () => {
      expect(monthlyAmount({ amount: 60, intervalCount: 2 })).toBe(30);
      expect(monthlyAmount({ amount: 240, interval: 'year', intervalCount: 2 })).toBe(10);
      expect(monthlyAmount({ amount: 1, interval: 'year', intervalCount: 3 })).toBe(1 / 36);
    });

    it('handles amounts beyond 2^53 exactly', () => {
      expect(monthlyAmount({ amount: 2 ** 53, quantity: 12, interval: 'year' })).toBe(2 ** 53);
      expect(monthlyAmount({ amount: '9007199254740993', interval: 'month', quantity: 3 })).toBe(27021597764222980);
    });
  });

  describe('exact arithmetic beyond doubles', () => {
    it('aligns the scales of an amount and its discount', () => {
      expect(monthlyAmount({ amount: 10, discount: { amount: '0.001' } })).toBe(9.999);
      expect(monthlyAmount({ amount: '10.005', discount: { amount: 1 } })).toBe(9.005);
    });

    it('continues in BigInt when a line, a discount or a rounding leaves the safe range', () => {
      const big = '123456789012345678901234';
      expect(monthlyAmount({ amount: `${big}.5`, discount: { amount: '0.5' } })).toBe(Number(big));
      expect(monthlyAmount({ amount: big, discount: { percent: '0.5' } })).toBe(Number('61728394506172839450617'));
      expect(monthlyAmount({ amount: big, discount: { percent: '0.5' } }, { discounts: 'ignore' })).toBe(Number(big));
      expect(monthlyAmount({ amount: big, discount: { amount: '1' } }, { discounts: 'ignore' })).toBe(Number(big));
      expect(monthlyAmount({ amount: `${big}.567`, interval: 'year' }, { rounding: { places: 2 } })).toBe(
        Number('10288065751028806575102.88'),
      );
      // Safe amounts whose line, discount or rounding overflows 2^53 on the way.
      expect(monthlyAmount({ amount: 1e12, quantity: 1000 })).toBe(1e15);
      expect(monthlyAmount({ amount: 1e10, discount: { percent: '0.123456789' } })).toBe(8_765_432_110);
      expect(monthlyAmount({ amount: 1, discount: { percent: '0.12345678901234567' } })).toBe(
        Number('0.87654321098765433'),
      );
      expect(monthlyAmount({ amount: 1, discount: { amount: '0.0000000000000000001' } })).toBe(
        Number('0.9999999999999999999'),
      );
      expect(monthlyAmount({ amount: 9e12, discount: { amount: '0.000001' } })).toBe(Number('8999999999999.999999'));
      expect(monthlyAmount({ amount: 5, discount: { amount: '1.00000000000000001' } })).toBe(
        Number('3.99999999999999999'),
      );
      expect(monthlyAmount({ amount: '1234567890123456', interval: 'year' }, { rounding: { places: 0 } })).toBe(
        102_880_657_510_288,
      );
      expect(monthlyAmount({ amount: 1e12, interval: 'year' }, { rounding: { places: 10, mode: 'halfUp' } })).toBe(
        Number('83333333333.3333333333'),
      );
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'monthlyAmount',
        () => monthlyAmount({ amount: 10 }, { notAnOption: 1 } as never),
        'notAnOption',
      );
    });

    it.each([
      [{ amount: -1 }, ['amount']],
      [{ amount: 'abc' }, ['amount']],
      [{ amount: Number.NaN }, ['amount']],
      [{ amount: 10, interval: 'fortnight' }, ['interval']],
      [{ amount: 10, intervalCount: 0 }, ['intervalCount']],
      [{ amount: 10, intervalCount: 1.5 }, ['intervalCount']],
      [{ amount: 10, quantity: -1 }, ['quantity']],
      [{ amount: 10, discount: { percent: 1.5 } }, ['discount', 'percent']],
      [{ amount: 10, discount: { percent: 50 } }, ['discount', 'percent']],
      [{ amount: 10, discount: { amount: -1 } }, ['discount', 'amount']],
      [{ amount: 10, discount: { amount: 11 } }, ['discount', 'amount']],
      [{ amount: 10, quantity: 2, discount: { amount: '20.01' } }, ['discount', 'amount']],
      [{ amount: 10, customerId: 'a' }, []],
      [{ amount: '12345678901234567890', discount: { amount: '12345678901234567891' } }, ['discount', 'amount']],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => monthlyAmount(input as never), 'INVALID_INPUT', path);
    });

    it('names the problem in the message', () => {
      expectMetricError(
        () => monthlyAmount({ amount: 10, discount: { amount: 11 } }),
        'INVALID_INPUT',
        ['discount', 'amount'],
        'monthlyAmount: discount.amount must not exceed the price',
      );
    });

    it('rejects bad options', () => {
      expectMetricError(() => monthlyAmount({ amount: 1 }, { weeklyFactor: '4.345' as never }), 'INVALID_INPUT', [
        'weeklyFactor',
      ]);
      expectMetricError(() => monthlyAmount({ amount: 1 }, { rounding: { places: 11 } }), 'INVALID_INPUT', [
        'rounding',
        'places',
      ]);
      expectMetricError(() => monthlyAmount({ amount: 1 }, { asOf: '2024-01-01' } as never), 'INVALID_INPUT', []);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the price and options unchanged', () => {
      const input = Object.freeze({
        amount: 120,
        interval: 'year' as const,
        discount: Object.freeze({ percent: 0.1 }),
      });
      const options = Object.freeze({ rounding: Object.freeze({ places: 2 }) });
      expect(monthlyAmount(input, options)).toBe(9);
      expect(input).toEqual({ amount: 120, interval: 'year', discount: { percent: 0.1 } });
    });
  });
});
