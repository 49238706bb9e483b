import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { gcd, lcm, pow10, ratioToNumber } from '../../internal/exact/integer.js';
import {
  add,
  compare,
  divide,
  integer,
  multiply,
  type Rational,
  rationalOf,
  reduce,
  toNumber,
} from '../../internal/exact/rational.js';
import { linearScore, type Measure, readMeasure, scaleScore, shownValue, valueScore } from './scale.js';

const measure = (scale: Record<string, unknown>): Measure => ({ ...readMeasure('m', rationalOf(2), scale), units: 1n });

describe('scale', () => {
  it('reads a linear scale and scores values on it exactly, clamped', () => {
    const usage = measure({ kind: 'linear', worst: 0, best: '0.8' });
    expect(usage.weight).toBe(2);
    expect(toNumber(scaleScore(usage, rationalOf(0.6)))).toBe(75);
    expect(toNumber(scaleScore(usage, rationalOf(2)))).toBe(100);
    expect(toNumber(valueScore(usage, '0.2', ['m']))).toBe(25);
  });

  it('scores steps by the last threshold reached, and `below` under the first', () => {
    const steps = measure({
      kind: 'steps',
      steps: [
        { from: 1, score: 20 },
        { from: 5, score: 70 },
      ],
      below: 10,
    });
    expect([0, 1, 4.99, 5, 1e9].map((v) => toNumber(scaleScore(steps, rationalOf(v))))).toEqual([10, 20, 20, 70, 70]);
  });

  it('scores booleans and scores as given, and rejects values of the wrong kind by the schema', () => {
    const paying = measure({ kind: 'boolean' });
    expect(toNumber(valueScore(paying, true, ['paying']))).toBe(100);
    expect(catchMetricError(() => valueScore(paying, 1, ['paying'])).message).toBe(
      'createHealthScore: paying must be a boolean, not the number 1',
    );
    const rating = measure({ kind: 'score' });
    expect(toNumber(valueScore(rating, '12.5', ['csm']))).toBe(12.5);
    expect(catchMetricError(() => valueScore(rating, 100.5, ['csm'])).message).toBe(
      'createHealthScore: csm must be at most 100',
    );
  });

  it('rejects a scale whose bounds meet or whose steps do not ascend, naming the field', () => {
    const path = (scale: Record<string, unknown>) => catchMetricError(() => measure(scale)).issues[0]?.path;
    expect(path({ kind: 'linear', worst: 1, best: '1.0' })).toEqual(['measures', 'm', 'scale', 'best']);
    expect(
      path({
        kind: 'steps',
        steps: [
          { from: 2, score: 1 },
          { from: 1, score: 2 },
        ],
      }),
    ).toEqual(['measures', 'm', 'scale', 'steps', 1, 'from']);
    expect(path({ kind: 'log' })).toEqual(['measures', 'm', 'scale', 'kind']);
  });
});

describe('the exact core, as the health family uses it', () => {
  const ZERO = integer(0);
  const FIFTY = integer(50);
  const HUNDRED = integer(100);
  const times = (units: bigint, value: Rational) => multiply(integer(units), value);
  const over = (value: Rational, units: bigint) => divide(value, integer(units));

  it('reads numbers as the decimals they print as, and decimal strings as written', () => {
    expect(compare(rationalOf(0.1), rationalOf('0.1'))).toBe(0);
    expect(compare(rationalOf('0.10000000000000000001'), rationalOf(0.1))).toBe(1);
    expect(compare(rationalOf(-2.5), integer(-2))).toBe(-1);
    expect(compare(rationalOf(1e21), integer(10n ** 21n))).toBe(0);
  });

  it('computes a weighted mean exactly and rounds it once: Gainsight’s 2287/57', () => {
    const sum = [
      [20n, 47],
      [15n, 59],
      [22n, 21],
    ].reduce((acc, [w, s]) => add(acc, times(w as bigint, rationalOf(s as number))), ZERO);
    expect(toNumber(over(sum, 57n))).toBe(2287 / 57);
    // (0.1 + 0.2) ÷ 3 × 10 is exactly 1, which floating point misses.
    expect(toNumber(over(times(10n, add(rationalOf(0.1), rationalOf(0.2))), 3n))).toBe(1);
  });

  it('scores a linear scale, clamped at both ends, in either direction', () => {
    expect(toNumber(linearScore(rationalOf(0.6), ZERO, rationalOf(0.8)))).toBe(75);
    expect(linearScore(rationalOf(-1), ZERO, HUNDRED)).toEqual(ZERO);
    expect(linearScore(rationalOf(101), ZERO, HUNDRED)).toEqual(HUNDRED);
    expect(toNumber(linearScore(rationalOf(33.5), rationalOf(60), rationalOf(7)))).toBe(50);
    expect(compare(linearScore(rationalOf(5), rationalOf(10), ZERO), FIFTY)).toBe(0);
  });

  it('reduces, and converts ratios of integers to the nearest double', () => {
    expect(reduce({ num: 10n, den: 100n })).toEqual({ num: 1n, den: 10n });
    expect(ratioToNumber(1n, 3n)).toBe(1 / 3);
    expect(ratioToNumber(2n ** 60n + 1n, 2n ** 60n)).toBe(1);
    expect(gcd(12n, 18n)).toBe(6n);
    expect(lcm(4n, 6n)).toBe(12n);
    expect(pow10(15)).toBe(10n ** 15n);
  });
});

describe('shownValue', () => {
  it('shows −0 as 0 and every other value as given', () => {
    expect(Object.is(shownValue(-0), 0)).toBe(true);
    expect(shownValue(0.25)).toBe(0.25);
    expect(shownValue('0.5')).toBe('0.5');
    expect(shownValue(false)).toBe(false);
  });
});
