// The properties every "money ÷ customers" metric has (customer acquisition cost, customer retention cost).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, nearest } from './exact.js';

const cents = fc.bigInt({ min: 0n, max: 10n ** 15n });
const customers = fc.integer({ min: 1, max: 10_000_000 });

/** Declares the properties of a cost-per-customer metric, called as `perCustomer(cost, customers)`. */
export function costPerCustomerProperties(
  name: string,
  perCustomer: (cost: string, customers: number) => number,
): void {
  describe(`${name} properties`, () => {
    it('is the correctly rounded exact cost per customer', () => {
      fc.assert(
        fc.property(cents, customers, (cost, n) => {
          const expected = nearest(cost, 100n * BigInt(n));
          fc.pre(expected !== undefined);
          expect(perCustomer(fixed(cost, 2), n)).toBe(expected);
        }),
      );
    });

    it('spending exactly c per customer gives c', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), customers, (each, n) => {
          expect(perCustomer(fixed(each * BigInt(n), 2), n)).toBe(Number(fixed(each, 2)));
        }),
      );
    });

    it('is unchanged when the cost and the customers are both multiplied by k', () => {
      fc.assert(
        fc.property(cents, fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), (cost, n, k) => {
          expect(perCustomer(fixed(cost * BigInt(k), 2), n * k)).toBe(perCustomer(fixed(cost, 2), n));
        }),
      );
    });
  });
}
