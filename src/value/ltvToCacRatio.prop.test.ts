import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed, nearest } from '../../test/support/exact.js';
import { ltvToCacRatio } from './ltvToCacRatio.js';

const cents = fc.bigInt({ min: 0n, max: 10_000_000_000n });
const positiveCents = fc.bigInt({ min: 1n, max: 10_000_000_000n });

describe('ltvToCacRatio properties', () => {
  it('is the correctly rounded exact ratio', () => {
    fc.assert(
      fc.property(cents, positiveCents, (ltv, cac) => {
        const expected = nearest(ltv, cac);
        fc.pre(expected !== undefined);
        expect(ltvToCacRatio({ lifetimeValue: fixed(ltv, 2), customerAcquisitionCost: fixed(cac, 2) })).toBe(expected);
      }),
    );
  });

  it('is unchanged, exactly, when both amounts are scaled by the same k', () => {
    fc.assert(
      fc.property(
        cents,
        positiveCents,
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.nat({ max: 6 }),
        (ltv, cac, k, places) => {
          const ratio = ltvToCacRatio({ lifetimeValue: fixed(ltv, 2), customerAcquisitionCost: fixed(cac, 2) });
          // k may be fractional: scaling by k / 10^places, e.g. dollars to cents or to thousands.
          const scaled = ltvToCacRatio({
            lifetimeValue: fixed(ltv * k, 2 + places),
            customerAcquisitionCost: fixed(cac * k, 2 + places),
          });
          expect(scaled).toBe(ratio);
        },
      ),
    );
  });

  it('is the reciprocal of the swapped ratio, to rounding', () => {
    fc.assert(
      fc.property(positiveCents, positiveCents, (a, b) => {
        const forward = ltvToCacRatio({ lifetimeValue: fixed(a, 2), customerAcquisitionCost: fixed(b, 2) });
        const backward = ltvToCacRatio({ lifetimeValue: fixed(b, 2), customerAcquisitionCost: fixed(a, 2) });
        expect(Math.abs(forward * backward - 1)).toBeLessThanOrEqual(2 ** -51);
      }),
    );
  });
});
