import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MONTHS_PER, PERIODS, period, periodRatio } from './periods.js';

const value = ([numerator, denominator]: readonly [number, number]) => numerator / denominator;

describe('periods', () => {
  it('lists the periods in increasing length', () => {
    expect(PERIODS).toEqual(['day', 'week', 'month', 'quarter', 'year']);
    for (let i = 1; i < PERIODS.length; i++) {
      expect(value(MONTHS_PER[PERIODS[i]!])).toBeGreaterThan(value(MONTHS_PER[PERIODS[i - 1]!]));
    }
  });

  it('gives a year 12 months, 4 quarters, 52 weeks and 365 days', () => {
    expect(value(periodRatio('year', 'month'))).toBe(12);
    expect(value(periodRatio('year', 'quarter'))).toBe(4);
    expect(value(periodRatio('year', 'week'))).toBe(52);
    expect(value(periodRatio('year', 'day'))).toBe(365);
    expect(value(periodRatio('quarter', 'month'))).toBe(3);
    expect(periodRatio('year', 'week')).toEqual([624, 12]);
    expect(periodRatio('month', 'day')).toEqual([365, 12]);
    expect(value(periodRatio('week', 'week'))).toBe(1);
  });

  it('keeps every ratio an exact fraction of integers, inverse both ways and chainable (property)', () => {
    const name = fc.constantFrom(...PERIODS);
    fc.assert(
      fc.property(name, name, name, (a, b, c) => {
        const [n, d] = periodRatio(a, b);
        const [m, e] = periodRatio(b, a);
        expect(Number.isSafeInteger(n) && Number.isSafeInteger(d) && d > 0).toBe(true);
        // a/b · b/a = 1 and a/b · b/c = a/c, compared as cross-multiplied integers (exact).
        expect(n * m).toBe(d * e);
        const [p, q] = periodRatio(b, c);
        const [r, s] = periodRatio(a, c);
        expect(n * p * s).toBe(d * q * r);
      }),
    );
  });

  it('the schema accepts the five names and nothing else', () => {
    for (const name of PERIODS) expect(z.safeParse(period, name).success).toBe(true);
    for (const bad of ['Month', 'months', 'fortnight', '', 1, null, undefined]) {
      expect(z.safeParse(period, bad).success, String(bad)).toBe(false);
    }
  });
});
