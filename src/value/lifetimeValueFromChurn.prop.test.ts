import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, nearest } from '../../test/support/exact.js';
import { lifetimeValueFromChurn } from './lifetimeValueFromChurn.js';

const cents = fc.bigInt({ min: 0n, max: 100_000_000n });
/** A fraction in (0, 1] in ten-thousandths. */
const positiveFraction = fc.bigInt({ min: 1n, max: 10_000n });
/** A fraction in [0, 1] in ten-thousandths. */
const anyFraction = fc.bigInt({ min: 0n, max: 10_000n });

describe('lifetimeValueFromChurn properties', () => {
  it('is the correctly rounded exact value of ARPA × margin ÷ churn', () => {
    fc.assert(
      fc.property(cents, positiveFraction, anyFraction, (arpa, churn, margin) => {
        const expected = nearest(arpa * margin, 100n * churn);
        fc.pre(expected !== undefined);
        const result = lifetimeValueFromChurn({
          averageRevenuePerAccount: fixed(arpa, 2),
          churnRate: fixed(churn, 4),
          grossMargin: fixed(margin, 4),
        });
        expect(result).toBe(expected);
      }),
    );
  });

  it('is at least ARPA × margin (churn is at most 1) and LTV × churn recovers ARPA × margin', () => {
    // Amounts and margins stay out of the subnormal range, where the test's own double product loses precision.
    const amount = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e9, noNaN: true }));
    const rate = fc.double({ min: 1e-6, max: 1, noNaN: true });
    const margin = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true }));
    fc.assert(
      fc.property(amount, rate, margin, (arpa, churnRate, grossMargin) => {
        const result = lifetimeValueFromChurn({ averageRevenuePerAccount: arpa, churnRate, grossMargin });
        const perPeriod = arpa * grossMargin;
        expect(Number.isFinite(result)).toBe(true);
        expect(result).toBeGreaterThanOrEqual(perPeriod * (1 - 2 ** -52));
        expect(Math.abs(result * churnRate - perPeriod)).toBeLessThanOrEqual(perPeriod * 2 ** -50);
      }),
    );
  });

  it('scaling the ARPA by k scales the lifetime value by k', () => {
    fc.assert(
      fc.property(
        cents,
        positiveFraction,
        anyFraction,
        fc.integer({ min: 1, max: 10_000 }),
        (arpa, churn, margin, k) => {
          const input = { churnRate: fixed(churn, 4), grossMargin: fixed(margin, 4) };
          const one = lifetimeValueFromChurn({ ...input, averageRevenuePerAccount: fixed(arpa, 2) });
          const scaled = lifetimeValueFromChurn({ ...input, averageRevenuePerAccount: fixed(arpa * BigInt(k), 2) });
          expect(Math.abs(scaled - k * one)).toBeLessThanOrEqual(k * one * 2 ** -51);
          const expected = nearest(BigInt(k) * arpa * margin, 100n * churn);
          if (expected !== undefined) expect(scaled).toBe(expected);
        },
      ),
    );
  });

  it('falls as churn rises, and rises with the margin', () => {
    fc.assert(
      fc.property(cents, positiveFraction, positiveFraction, anyFraction, anyFraction, (arpa, c1, c2, m1, m2) => {
        const at = (churn: bigint, margin: bigint) =>
          lifetimeValueFromChurn({
            averageRevenuePerAccount: fixed(arpa, 2),
            churnRate: fixed(churn, 4),
            grossMargin: fixed(margin, 4),
          });
        const [low, high] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(at(high, m1)).toBeLessThanOrEqual(at(low, m1));
        const [small, large] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(at(c1, small)).toBeLessThanOrEqual(at(c1, large));
      }),
    );
  });
});
