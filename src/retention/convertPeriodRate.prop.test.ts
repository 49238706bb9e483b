import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertPeriodRate } from './convertPeriodRate.js';

const periods = ['day', 'week', 'month', 'quarter', 'year'] as const;
const period = fc.constantFrom(...periods);
const rate = fc.double({ min: 0, max: 0.999, noNaN: true });
const MONTHS = { day: 12 / 365, week: 12 / 52, month: 1, quarter: 3, year: 12 } as const;

/**
 * How far a round trip may drift: the converted rate is rounded to a double (an error ε of at most 2^−53
 * near 1), and converting back multiplies that error by the derivative (1/t)·q^(1−t), with q = 1 − rate and
 * t the exponent of the first conversion. Twice that, plus the final rounding.
 */
function roundTripTolerance(r: number, t: number): number {
  const epsilon = 2 ** -53;
  return 2 * epsilon * (1 / t) * (1 - r) ** (1 - t) + 2 * epsilon;
}

describe('convertPeriodRate properties', () => {
  it('round-trips month → year → month', () => {
    fc.assert(
      fc.property(rate, (monthly) => {
        const yearly = convertPeriodRate({ rate: monthly, from: 'month', to: 'year' });
        const back = convertPeriodRate({ rate: yearly, from: 'year', to: 'month' });
        expect(Math.abs(back - monthly)).toBeLessThanOrEqual(roundTripTolerance(monthly, 12));
        if (monthly <= 0.1) expect(back).toBeCloseTo(monthly, 15);
      }),
    );
  });

  it('round-trips between any two periods', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), period, period, (r, from, to) => {
        const there = convertPeriodRate({ rate: r, from, to });
        const back = convertPeriodRate({ rate: there, from: to, to: from });
        expect(Math.abs(back - r)).toBeLessThanOrEqual(roundTripTolerance(r, MONTHS[to] / MONTHS[from]));
      }),
    );
  });

  it('stays in [0, 1] and grows with the length of the target period', () => {
    fc.assert(
      fc.property(rate, period, (r, from) => {
        let previous = -1;
        for (const to of periods) {
          const converted = convertPeriodRate({ rate: r, from, to });
          expect(converted).toBeGreaterThanOrEqual(0);
          expect(converted).toBeLessThanOrEqual(1);
          expect(converted).toBeGreaterThanOrEqual(previous);
          previous = converted;
        }
      }),
    );
  });

  it('composes: month → quarter → year equals month → year', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), (monthly) => {
        const quarterly = convertPeriodRate({ rate: monthly, from: 'month', to: 'quarter' });
        const viaQuarter = convertPeriodRate({ rate: quarterly, from: 'quarter', to: 'year' });
        expect(viaQuarter).toBeCloseTo(convertPeriodRate({ rate: monthly, from: 'month', to: 'year' }), 14);
      }),
    );
  });

  it('never exceeds the linear shortcut of multiplying by the number of periods', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.08, noNaN: true }), (monthly) => {
        expect(convertPeriodRate({ rate: monthly, from: 'month', to: 'year' })).toBeLessThanOrEqual(
          12 * monthly + 1e-15,
        );
      }),
    );
  });
});
