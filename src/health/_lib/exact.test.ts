import { describe, expect, it } from 'vitest';
import {
  compareExact,
  exactInteger,
  exactOf,
  FIFTY,
  gcd,
  HUNDRED,
  integerWeights,
  lcm,
  linearScore,
  lowestTerms,
  over,
  plus,
  pow10,
  ratioToDouble,
  times,
  toDouble,
  ZERO,
} from './exact.js';

describe('exact (the health family’s exact arithmetic)', () => {
  it('reads numbers as the decimals they print as, and decimal strings as written', () => {
    expect(compareExact(exactOf(0.1), exactOf('0.1'))).toBe(0);
    expect(compareExact(exactOf('0.10000000000000000001'), exactOf(0.1))).toBe(1);
    expect(compareExact(exactOf(-2.5), exactInteger(-2))).toBe(-1);
    expect(compareExact(exactOf(1e21), exactInteger(10n ** 21n))).toBe(0);
  });

  it('computes a weighted mean exactly and rounds it once: Gainsight’s 2287/57', () => {
    const sum = [
      [20n, 47],
      [15n, 59],
      [22n, 21],
    ].reduce((acc, [w, s]) => plus(acc, times(w as bigint, exactOf(s as number))), ZERO);
    expect(toDouble(over(sum, 57n))).toBe(2287 / 57);
    // (0.1 + 0.2) ÷ 3 × 10 is exactly 1, which floating point misses.
    expect(toDouble(over(times(10n, plus(exactOf(0.1), exactOf(0.2))), 3n))).toBe(1);
  });

  it('scores a linear scale, clamped at both ends, in either direction', () => {
    expect(toDouble(linearScore(exactOf(0.6), ZERO, exactOf(0.8)))).toBe(75);
    expect(linearScore(exactOf(-1), ZERO, HUNDRED)).toBe(ZERO);
    expect(linearScore(exactOf(101), ZERO, HUNDRED)).toBe(HUNDRED);
    expect(toDouble(linearScore(exactOf(33.5), exactOf(60), exactOf(7)))).toBe(50);
    expect(compareExact(linearScore(exactOf(5), exactOf(10), ZERO), FIFTY)).toBe(0);
  });

  it('reduces, and converts ratios of integers to the nearest double', () => {
    expect(lowestTerms({ num: 10n, den: 100n })).toEqual({ num: 1n, den: 10n });
    expect(ratioToDouble(1n, 3n)).toBe(1 / 3);
    expect(ratioToDouble(2n ** 60n + 1n, 2n ** 60n)).toBe(1);
    expect(gcd(12n, 18n)).toBe(6n);
    expect(lcm(4n, 6n)).toBe(12n);
    expect(pow10(15)).toBe(10n ** 15n);
  });

  it('turns weights into integers in the same proportions, with no common factor', () => {
    expect(integerWeights([exactOf(0.1), exactOf('0.2'), exactOf(30)])).toEqual([1n, 2n, 300n]);
    expect(integerWeights([exactOf(40), exactOf(20), exactOf(0)])).toEqual([2n, 1n, 0n]);
    expect(integerWeights([exactOf(0), exactOf('0.00')])).toEqual([0n, 0n]);
  });
});
