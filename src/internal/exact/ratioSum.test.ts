import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAFE, toInt } from './integer.js';
import { add, compare, toNumber } from './rational.js';
import { RatioSum } from './ratioSum.js';

describe('RatioSum', () => {
  it('sums rationals over several denominators exactly', () => {
    const sum = new RatioSum();
    sum.add(MAX_SAFE, 3);
    sum.add(2, 3);
    sum.add(1, 7);
    sum.add(1, 7);
    sum.add(1n * 10n ** 20n, 21);
    expect(sum.fraction()).toEqual([(2n ** 53n + 1n) * 7n + 6n + 10n ** 20n, 21n]);
    expect(new RatioSum().toNumber()).toBe(0);
    expect(new RatioSum().fraction()).toEqual([0, 1]);
  });

  it('sums as exact rationals do and converts once', () => {
    const term = fc.tuple(
      fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 30n })),
      fc.oneof(fc.constantFrom(30000n, 90000n, 300n), fc.bigInt({ min: 1n, max: 10n ** 20n })),
    );
    fc.assert(
      fc.property(fc.array(term, { maxLength: 30 }), (terms) => {
        const sum = new RatioSum();
        let expected = { num: 0n, den: 1n };
        for (const [num, den] of terms) {
          sum.add(toInt(num), toInt(den));
          expected = add(expected, { num, den });
        }
        const [num, den] = sum.fraction();
        expect(compare({ num: BigInt(num), den: BigInt(den) }, expected)).toBe(0);
        expect(sum.toNumber()).toBe(toNumber(expected));
      }),
      { numRuns: 500 },
    );
  });
});
