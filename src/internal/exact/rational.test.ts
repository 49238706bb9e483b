import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcd, lcm } from './integer.js';
import { add, compare, divide, integer, multiply, rationalOf, reduce, subtract, toNumber } from './rational.js';

describe('rational', () => {
  it('reads numbers through their shortest form and decimal strings as written', () => {
    expect(rationalOf(0.1)).toEqual({ num: 1n, den: 10n });
    expect(rationalOf('-12.50')).toEqual({ num: -1250n, den: 100n });
    expect(rationalOf('.5')).toEqual({ num: 5n, den: 10n });
    expect(rationalOf('+7')).toEqual({ num: 7n, den: 1n });
    expect(rationalOf(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(rationalOf(1.5e-7)).toEqual({ num: 15n, den: 10n ** 8n });
    expect(rationalOf(-0)).toEqual({ num: 0n, den: 1n });
    expect(() => rationalOf('abc')).toThrow(RangeError);
    expect(() => rationalOf('.')).toThrow(RangeError);
    expect(() => rationalOf('')).toThrow(RangeError);
    expect(rationalOf('5.')).toEqual({ num: 5n, den: 1n });
  });

  it('does arithmetic and comparison exactly', () => {
    const third = divide(integer(1), integer(3));
    expect(compare(add(third, add(third, third)), integer(1))).toBe(0);
    expect(compare(add(rationalOf(0.1), rationalOf(0.2)), rationalOf(0.3))).toBe(0);
    expect(compare(subtract(integer(1), third), third)).toBe(1);
    expect(compare(multiply(third, integer(-3)), integer(-1))).toBe(0);
    expect(divide(integer(1), integer(-4))).toEqual({ num: -1n, den: 4n });
    expect(reduce({ num: 6n, den: 8n })).toEqual({ num: 3n, den: 4n });
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(lcm(4n, 6n)).toBe(12n);
  });

  it('converts to the nearest double, ties to even, once', () => {
    expect(toNumber(divide(integer(2287), integer(57)))).toBe(2287 / 57);
    expect(toNumber(rationalOf('0.1'))).toBe(0.1);
    // The literal -123456789.987654321 parses to the same double.
    expect(toNumber(rationalOf('-123456789.987654321'))).toBe(Number('-123456789.987654321'));
    expect(toNumber(integer(0))).toBe(0);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even wins. 2^53 + 3 rounds up to 2^53 + 4.
    expect(toNumber(integer(2n ** 53n + 1n))).toBe(2 ** 53);
    expect(toNumber(integer(2n ** 53n + 3n))).toBe(2 ** 53 + 4);
    // Just above the tie: the sticky bit rounds up.
    expect(toNumber({ num: 2n ** 54n + 2n * 1n + 1n, den: 2n })).toBe(2 ** 53 + 2);
    // A decimal far below 2^-1022 (subnormal) and one between the smallest doubles.
    expect(toNumber(rationalOf('5e-324'))).toBe(5e-324);
    expect(toNumber(rationalOf('7.5e-324'))).toBe(1e-323);
    expect(toNumber(rationalOf('2.4e-324'))).toBe(0);
    expect(toNumber(rationalOf('1e-400'))).toBe(0);
    expect(toNumber(rationalOf('1.9201288666314723e-308'))).toBe(1.9201288666314723e-308);
    expect(toNumber(rationalOf('-2.2250738585072014e-308'))).toBe(-2.2250738585072014e-308);
    expect(toNumber(rationalOf('1e300'))).toBe(1e300);
    // Just above the subnormal range, and exact ties between subnormals (1.5 and 2.5 units of 2^-1074).
    expect(toNumber(rationalOf('3e-308'))).toBe(3e-308);
    expect(toNumber({ num: 3n, den: 2n << 1074n })).toBe(2 * 5e-324);
    expect(toNumber({ num: 5n, den: 2n << 1074n })).toBe(2 * 5e-324);
    // Integers with more than 53 bits, just below a power of two.
    expect(toNumber(integer(2n ** 60n - 1n))).toBe(2 ** 60);
    expect(toNumber(integer(2n ** 1100n))).toBe(Number.POSITIVE_INFINITY);
  });

  it('round-trips every double through its decimal form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(toNumber(rationalOf(x)), x === 0 ? 0 : x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a quotient of safe integers converts as the division of doubles does', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.maxSafeInteger().filter((d) => d !== 0),
        (n, d) => {
          expect(toNumber(divide(integer(n), integer(d)))).toBe(n / d === 0 ? 0 : n / d);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
