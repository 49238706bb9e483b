import { describe, expect, it } from 'vitest';
import {
  bigDecimal,
  decimalRegister,
  IntegerSums,
  MoneySum,
  RationalSum,
  rationalToNumber,
  readDecimal,
  roundDivide,
  roundDivideBig,
} from './money.js';

describe('money', () => {
  it('reads decimals as an integer and a scale of at least 2', () => {
    const read = (value: number | string) =>
      readDecimal(value) ? [decimalRegister.int, decimalRegister.scale] : undefined;
    expect(read(19.99)).toEqual([1999, 2]);
    expect(read('-12.5')).toEqual([-1250, 2]);
    expect(read('+.5')).toEqual([50, 2]);
    expect(read('0.0001230')).toEqual([123, 6]);
    expect(read(1e-7)).toEqual([1, 7]);
    expect(read('-0.00')).toEqual([0, 2]);
    expect(read(0.1 + 0.2)).toBeUndefined();
    expect(read('1234567890123456')).toBeUndefined();
    expect(read(1.5e21)).toBeUndefined();
    expect(bigDecimal(1.5e21)).toEqual({ int: 1500000000000000000000n, scale: 0 });
    expect(bigDecimal('-0.30000000000000004')).toEqual({ int: -30000000000000004n, scale: 17 });
  });

  it('converts rationals to the nearest double with one rounding', () => {
    expect(rationalToNumber(1, 3)).toBe(1 / 3);
    expect(rationalToNumber(-2n, 3n)).toBe(-2 / 3);
    expect(rationalToNumber(0n, 7n)).toBe(0);
    expect(rationalToNumber(10n ** 400n, 3n * 10n ** 399n)).toBe(10 / 3);
    expect(rationalToNumber(1n, 10n ** 320n)).toBe(1e-320);
    expect(rationalToNumber(10n ** 320n, 7n)).toBe(Number.POSITIVE_INFINITY);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: ties go to even; one more unit breaks the tie upwards.
    expect(rationalToNumber(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
    expect(rationalToNumber(2n * (2n ** 53n + 1n) + 1n, 2n)).toBe(2 ** 53 + 2);
  });

  it('rounds integer divisions half to even or half up', () => {
    expect(roundDivide(5, 2, 'halfEven')).toBe(2);
    expect(roundDivide(7, 2, 'halfEven')).toBe(4);
    expect(roundDivide(5, 2, 'halfUp')).toBe(3);
    expect(roundDivide(9_007_199_254_740_990, 3, 'halfEven')).toBe(3_002_399_751_580_330);
    expect(roundDivide(9_007_199_254_740_991, 9_007_199_254_740_990, 'halfEven')).toBe(1);
    expect(roundDivideBig(-5n, 2n, 'halfEven')).toBe(-2n);
    expect(roundDivideBig(-7n, 2n, 'halfUp')).toBe(-3n);
    expect(roundDivideBig(25n, 10n, 'halfUp')).toBe(3n);
  });

  it('keeps integer sums exact past 2^53', () => {
    const sums = new IntegerSums(1);
    sums.add(0, Number.MAX_SAFE_INTEGER);
    sums.add(0, 2);
    sums.addBig(0, 3n);
    expect(sums.get(0)).toBe(2n ** 53n + 4n);
    sums.add(0, -Number.MAX_SAFE_INTEGER);
    expect(sums.get(0)).toBe(5);

    const money = new MoneySum();
    money.addCents(Number.MAX_SAFE_INTEGER);
    money.addCents(1);
    expect(money.exact()).toEqual({ int: 2n ** 53n, scale: 2 });
    expect(money.toNumber()).toBe(2 ** 53 / 100);
  });

  it('sums rationals over several denominators exactly', () => {
    const sum = new RationalSum();
    sum.add(Number.MAX_SAFE_INTEGER, 3);
    sum.add(2, 3);
    sum.add(1, 7);
    sum.add(1, 7);
    sum.addBig(1n, 21n);
    sum.addBig(2n, 21n);
    expect(sum.fraction()).toEqual([(2n ** 53n + 1n) * 7n + 6n + 3n, 21n]);
    expect(new RationalSum().toNumber()).toBe(0);
  });
});
