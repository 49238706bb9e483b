import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifetimeValueFromChurn } from './lifetimeValueFromChurn.js';

// Decimal inputs are built from integers (`units` at `places` decimals) so that the exact value of every
// result is a known fraction N/D of integers. When N and D are safe integers, one double division N/D is the
// correctly rounded exact value, which is what the metric must return.

/** `units / 10^places` written as a plain decimal string. */
function fixed(units: bigint, places: number): string {
  const digits = units.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The double nearest to n/d, or undefined when n/d (in lowest terms) is beyond exact integer division. */
function nearest(n: bigint, d: bigint): number | undefined {
  const g = gcd(n, d) || 1n;
  const [a, b] = [n / g, d / g];
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return a <= safe && b <= safe ? Number(a) / Number(b) : undefined;
}

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
