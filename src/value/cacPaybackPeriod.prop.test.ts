import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, nearest } from '../../test/support/exact.js';
import { cacPaybackPeriod } from './cacPaybackPeriod.js';

const cents = fc.bigInt({ min: 0n, max: 100_000_000n });
const positiveCents = fc.bigInt({ min: 1n, max: 100_000_000n });
/** A gross margin in (0, 1], in ten-thousandths. */
const margin = fc.bigInt({ min: 1n, max: 10_000n });

describe('cacPaybackPeriod properties', () => {
  it('is the correctly rounded exact value of CAC ÷ (ARPA × margin)', () => {
    fc.assert(
      fc.property(cents, positiveCents, margin, (cac, arpa, gm) => {
        const expected = nearest(cac * 10_000n, arpa * gm);
        fc.pre(expected !== undefined);
        const result = cacPaybackPeriod({
          customerAcquisitionCost: fixed(cac, 2),
          averageRevenuePerAccount: fixed(arpa, 2),
          grossMargin: fixed(gm, 4),
        });
        expect(result).toBe(expected);
      }),
    );
  });

  it('payback × ARPA × margin = CAC: a CAC of p periods of gross profit pays back in exactly p', () => {
    // p in thousandths of a period; CAC = p × ARPA × margin, written exactly.
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1_000_000n }), positiveCents, margin, (p, arpa, gm) => {
        const cac = fixed(p * arpa * gm, 3 + 2 + 4);
        const result = cacPaybackPeriod({
          customerAcquisitionCost: cac,
          averageRevenuePerAccount: fixed(arpa, 2),
          grossMargin: fixed(gm, 4),
        });
        expect(result).toBe(Number(fixed(p, 3)));
      }),
    );
  });

  it('scales with the CAC and inversely with the ARPA', () => {
    fc.assert(
      fc.property(cents, positiveCents, margin, fc.integer({ min: 1, max: 1000 }), (cac, arpa, gm, k) => {
        const at = (c: bigint, a: bigint) =>
          cacPaybackPeriod({
            customerAcquisitionCost: fixed(c, 2),
            averageRevenuePerAccount: fixed(a, 2),
            grossMargin: fixed(gm, 4),
          });
        const base = at(cac, arpa);
        expect(Math.abs(at(cac * BigInt(k), arpa) - k * base)).toBeLessThanOrEqual(k * base * 2 ** -51);
        // The same CAC against k times the ARPA, and k times both: unchanged.
        expect(at(cac * BigInt(k), arpa * BigInt(k))).toBe(base);
        expect(at(cac, arpa * BigInt(k))).toBeLessThanOrEqual(base);
      }),
    );
  });
});
