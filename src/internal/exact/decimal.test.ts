import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareExact, Exact, exact, HUNDRED, ONE, ratio, roundTo, sum, toResult, ZERO } from './decimal.js';

describe('exact decimals', () => {
  it('sums money without binary rounding', () => {
    expect(sum([19.99, 29.99, 9.99, 0.01, 100.1]).toNumber()).toBe(160.08);
    expect(sum([]).eq(ZERO)).toBe(true);
    expect(exact(10n ** 30n).toString()).toBe('1e+30');
    expect(ratio(ONE, 3).toString()).toBe('0.3333333333333333333333333333333333');
    expect(HUNDRED.toNumber()).toBe(100);
    expect(compareExact(exact('1.10'), exact(1.1))).toBe(0);
  });

  it('ignores the host configuration of decimal.js', () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 5, rounding: Decimal.ROUND_DOWN });
    try {
      expect(ratio(exact(2), exact(3)).toString()).toBe('0.6666666666666666666666666666666667');
      expect(exact(new Decimal('1.23456789')).toString()).toBe('1.23456789');
    } finally {
      Decimal.set({ precision: saved, rounding: Decimal.ROUND_HALF_UP });
    }
  });

  it('rounds with the named mode', () => {
    expect(roundTo(exact('2.345'), 2, 'halfEven').toString()).toBe('2.34');
    expect(roundTo(exact('2.345'), 2, 'halfUp').toString()).toBe('2.35');
    expect(roundTo(exact('-2.345'), 2, 'halfUp').toString()).toBe('-2.35');
    expect(roundTo(exact('2.355'), 2, 'halfEven').toString()).toBe('2.36');
  });

  it('rounds as an integer reference does', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (n, drop, halfUp) => {
          // n × 10^-8 rounded to 8 − drop places.
          const places = 8 - drop;
          const unit = 10n ** BigInt(drop);
          let q = n / unit;
          if (q * unit > n) q -= 1n;
          const twice = (n - q * unit) * 2n;
          if (twice > unit || (twice === unit && (halfUp ? q >= 0n : q % 2n !== 0n))) q += 1n;
          const expected = new Exact(q.toString()).div(new Exact(10).pow(places));
          const value = new Exact(n.toString()).div(new Exact(10).pow(8));
          expect(roundTo(value, places, halfUp ? 'halfUp' : 'halfEven').eq(expected)).toBe(true);
        },
      ),
    );
  });

  it('converts to a finite number once', () => {
    expect(toResult('m', exact('0.1').plus('0.2'), 'x')).toBe(0.3);
    expect(Object.is(toResult('m', exact('-0'), 'x'), 0)).toBe(true);
    expect(() => toResult('m', exact('1e400'), 'the total')).toThrow('the total is too large');
  });
});
