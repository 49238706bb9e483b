import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, nearest } from '../../test/support/exact.js';
import type { Period } from '../internal/periods.js';
import { customerLifetimeValue } from './customerLifetimeValue.js';

/** Months in each period, as an exact fraction (a year is 12 months, 4 quarters, 52 weeks, 365 days). */
const MONTHS: Record<Period, [bigint, bigint]> = {
  day: [12n, 365n],
  week: [12n, 52n],
  month: [1n, 1n],
  quarter: [3n, 1n],
  year: [12n, 1n],
};

const periodArb = fc.constantFrom<Period>('day', 'week', 'month', 'quarter', 'year');
const cents = fc.bigInt({ min: 0n, max: 10_000_000n });
const thousandths = fc.bigInt({ min: 0n, max: 100_000n });

describe('customerLifetimeValue properties', () => {
  it('is the correctly rounded exact value of value × frequency × lifespan in frequency periods', () => {
    fc.assert(
      fc.property(cents, thousandths, thousandths, periodArb, periodArb, (value, frequency, lifespan, fp, lp) => {
        // lifespan (lp) in fp periods = lifespan × months(lp) / months(fp).
        const [a, b] = MONTHS[lp];
        const [c, d] = MONTHS[fp];
        const expected = nearest(value * frequency * lifespan * a * d, 100n * 1000n * 1000n * b * c);
        fc.pre(expected !== undefined);
        const result = customerLifetimeValue({
          averagePurchaseValue: fixed(value, 2),
          purchaseFrequency: fixed(frequency, 3),
          customerLifespan: fixed(lifespan, 3),
          frequencyPeriod: fp,
          lifespanPeriod: lp,
        });
        expect(result).toBe(expected);
      }),
    );
  });

  it('does not depend on the unit the lifespan is written in', () => {
    fc.assert(
      fc.property(cents, thousandths, thousandths, periodArb, (value, frequency, years, fp) => {
        const base = {
          averagePurchaseValue: fixed(value, 2),
          purchaseFrequency: fixed(frequency, 3),
          frequencyPeriod: fp,
        };
        const inYears = customerLifetimeValue({ ...base, customerLifespan: fixed(years, 3), lifespanPeriod: 'year' });
        const same: [bigint, Period][] = [
          [12n, 'month'],
          [4n, 'quarter'],
          [52n, 'week'],
          [365n, 'day'],
        ];
        for (const [per, unit] of same) {
          expect(
            customerLifetimeValue({ ...base, customerLifespan: fixed(years * per, 3), lifespanPeriod: unit }),
          ).toBe(inYears);
        }
      }),
    );
  });

  it('does not depend on the unit the frequency is counted in', () => {
    // 1 purchase a week is 52 a year: the same lifetime value over the same lifespan.
    fc.assert(
      fc.property(cents, thousandths, thousandths, periodArb, (value, weekly, lifespan, lp) => {
        const base = {
          averagePurchaseValue: fixed(value, 2),
          customerLifespan: fixed(lifespan, 3),
          lifespanPeriod: lp,
        };
        expect(customerLifetimeValue({ ...base, purchaseFrequency: fixed(weekly, 3), frequencyPeriod: 'week' })).toBe(
          customerLifetimeValue({ ...base, purchaseFrequency: fixed(weekly * 52n, 3), frequencyPeriod: 'year' }),
        );
      }),
    );
  });

  it('scaling the purchase value by k scales the lifetime value by k', () => {
    fc.assert(
      fc.property(
        cents,
        thousandths,
        thousandths,
        periodArb,
        periodArb,
        fc.integer({ min: 1, max: 1000 }),
        (value, frequency, lifespan, fp, lp, k) => {
          const input = {
            purchaseFrequency: fixed(frequency, 3),
            customerLifespan: fixed(lifespan, 3),
            frequencyPeriod: fp,
            lifespanPeriod: lp,
          };
          const one = customerLifetimeValue({ ...input, averagePurchaseValue: fixed(value, 2) });
          const scaled = customerLifetimeValue({ ...input, averagePurchaseValue: fixed(value * BigInt(k), 2) });
          // Both are correctly rounded, so they differ from exact scaling by at most an ulp or so.
          expect(Math.abs(scaled - k * one)).toBeLessThanOrEqual(k * one * 2 ** -51);
          // Exactly, when the unscaled value is an integer and the scaled one is safe.
          if (Number.isInteger(one) && Number.isSafeInteger(k * one)) expect(scaled).toBe(k * one);
        },
      ),
    );
  });

  it('is finite, non-negative and monotone in each input', () => {
    const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(amount, amount, amount, amount, periodArb, periodArb, (value, frequency, lifespan, extra, fp, lp) => {
        const input = {
          averagePurchaseValue: value,
          purchaseFrequency: frequency,
          customerLifespan: lifespan,
          frequencyPeriod: fp,
          lifespanPeriod: lp,
        };
        const result = customerLifetimeValue(input);
        expect(Number.isFinite(result)).toBe(true);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(customerLifetimeValue({ ...input, averagePurchaseValue: value + extra })).toBeGreaterThanOrEqual(result);
        expect(customerLifetimeValue({ ...input, purchaseFrequency: frequency + extra })).toBeGreaterThanOrEqual(
          result,
        );
        expect(customerLifetimeValue({ ...input, customerLifespan: lifespan + extra })).toBeGreaterThanOrEqual(result);
      }),
    );
  });
});
