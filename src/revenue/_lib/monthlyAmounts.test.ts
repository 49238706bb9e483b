import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioToNumber } from '../../internal/exact/integer.js';
import { add, compare, divide, integer, multiply, rationalOf, subtract } from '../../internal/exact/rational.js';
import { DISCOUNT_AMOUNT, DISCOUNT_NONE, DISCOUNT_PERCENT, intervalIndex, MonthlyAmounts } from './monthlyAmounts.js';

const value = (amounts: MonthlyAmounts) => ratioToNumber(amounts.num, amounts.den);

describe('MonthlyAmounts', () => {
  it('turns prices into exact monthly amounts', () => {
    const amounts = new MonthlyAmounts({});
    amounts.price({ amount: 90, interval: 'quarter' });
    expect(value(amounts)).toBe(30);
    amounts.price({ amount: '120.00', interval: 'year', discount: { percent: 0.1 } });
    expect(value(amounts)).toBe(9);
    amounts.price({ amount: 12, interval: 'week' });
    expect(value(amounts)).toBe(52);
    amounts.price({ amount: 10, interval: 'month', intervalCount: 2, quantity: 3, discount: { amount: 6 } });
    expect(value(amounts)).toBe(12);
    amounts.price({ amount: '1e20', interval: 'day' });
    expect(value(amounts)).toBe((1e20 * 365) / 12);
    expect(typeof amounts.num).toBe('bigint');
  });

  it('applies the policies', () => {
    const paddle = new MonthlyAmounts({ weeklyFactor: '4.33', dailyFactor: '30', discounts: 'ignore' });
    paddle.price({ amount: 100, interval: 'week', discount: { percent: 0.5 } });
    expect(value(paddle)).toBe(433);
    paddle.price({ amount: 1, interval: 'day' });
    expect(value(paddle)).toBe(30);
    const rounded = new MonthlyAmounts({ rounding: { places: 2, mode: 'halfUp' } });
    rounded.price({ amount: 2000, interval: 'year' });
    expect([rounded.num, rounded.den]).toEqual([16667, 100]);
    rounded.price({ amount: '0.3', interval: 'year', quantity: 5 }); // 0.125 a month
    expect(value(rounded)).toBe(0.13);
    const even = new MonthlyAmounts({ rounding: { places: 2 } });
    even.price({ amount: '0.3', interval: 'year', quantity: 5 });
    expect(value(even)).toBe(0.12);
  });

  it('refuses an amount discount above the price', () => {
    const amounts = new MonthlyAmounts({});
    const fields = {
      amount: 10,
      interval: intervalIndex('month'),
      intervalCount: 1,
      quantity: 1,
      discountKind: DISCOUNT_AMOUNT,
      discountValue: '10.01',
    };
    expect(amounts.compute(fields, undefined)).toBe(false);
    expect(amounts.compute({ ...fields, discountValue: 10 }, undefined)).toBe(true);
    expect(amounts.num).toBe(0);
  });

  it('maps intervals to their factors', () => {
    expect(['day', 'week', 'month', 'quarter', 'year', undefined, 'fortnight'].map(intervalIndex)).toEqual([
      0, 1, 2, 3, 4, 2, -1,
    ]);
  });

  it('equals the formula in exact rationals', () => {
    const months = { day: integer(365), week: integer(52), month: integer(12), quarter: integer(4), year: integer(1) };
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
      fc.stringMatching(/^\d{1,25}(\.\d{1,12})?$/),
    );
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const),
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.stringMatching(/^0\.\d{1,6}$/)),
        fc.option(fc.stringMatching(/^\d\.\d{1,8}$/)),
        (price, interval, intervalCount, quantity, percent, rate) => {
          const amounts = new MonthlyAmounts({});
          const converted = rate === null ? undefined : { int: BigInt(rate.replace('.', '')), scale: rate.length - 2 };
          amounts.compute(
            {
              amount: price,
              interval: intervalIndex(interval),
              intervalCount,
              quantity,
              discountKind: percent === null ? DISCOUNT_NONE : DISCOUNT_PERCENT,
              discountValue: percent ?? 0,
            },
            converted === undefined ? undefined : { int: Number(converted.int), scale: converted.scale },
          );
          let expected = multiply(rationalOf(price), integer(quantity));
          if (percent !== null) expected = multiply(expected, subtract(integer(1), rationalOf(percent)));
          expected = divide(multiply(expected, months[interval]), multiply(integer(12), integer(intervalCount)));
          if (rate !== null) expected = multiply(expected, rationalOf(rate));
          expect(compare({ num: BigInt(amounts.num), den: BigInt(amounts.den) }, add(expected, integer(0)))).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
