import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerRetentionCost } from './customerRetentionCost.js';

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

const cents = fc.bigInt({ min: 0n, max: 10n ** 15n });
const customers = fc.integer({ min: 1, max: 10_000_000 });

const perCustomerCost = (cost: string, n: number): number =>
  customerRetentionCost({ retentionCost: cost, customersRetained: n });

describe('customerRetentionCost properties', () => {
  it('is the correctly rounded exact cost per customer', () => {
    fc.assert(
      fc.property(cents, customers, (cost, n) => {
        const expected = nearest(cost, 100n * BigInt(n));
        fc.pre(expected !== undefined);
        expect(perCustomerCost(fixed(cost, 2), n)).toBe(expected);
      }),
    );
  });

  it('spending exactly c per customer gives c', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), customers, (each, n) => {
        expect(perCustomerCost(fixed(each * BigInt(n), 2), n)).toBe(Number(fixed(each, 2)));
      }),
    );
  });

  it('is unchanged when the cost and the customers are both multiplied by k', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), (cost, n, k) => {
        expect(perCustomerCost(fixed(cost * BigInt(k), 2), n * k)).toBe(perCustomerCost(fixed(cost, 2), n));
      }),
    );
  });
});
