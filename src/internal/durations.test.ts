import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasOnlyKeys, meanDuration, quotient, summarizeDurations } from './durations.js';

/** The correctly rounded value of a/b, by an independent route: 200-digit decimals, then one conversion. */
const Wide = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN });
function nearest(a: bigint, b: bigint): number {
  return new Wide(a.toString()).div(b.toString()).toNumber();
}

const HOUR = 3_600_000;

describe('quotient', () => {
  it('divides safe integers with one IEEE division', () => {
    expect(quotient(1, 3)).toBe(1 / 3);
    expect(quotient(0, 7)).toBe(0);
    expect(quotient(90 * 60_000, HOUR)).toBe(1.5);
  });

  it('is correctly rounded beyond 2^53, in BigInt', () => {
    const cases: [bigint, bigint][] = [
      [2n ** 60n + 1n, 3n],
      [2n ** 53n + 1n, 1n],
      [2n ** 54n + 3n, 2n], // a tie between two doubles: ties go to even
      [10n ** 30n, 7n * 10n ** 12n],
      [1n, 2n ** 70n + 1n],
      [0n, 2n ** 70n],
      [123456789012345678901234567890n, 98765432109876543210n],
    ];
    for (const [a, b] of cases) expect(quotient(a, b), `${a} / ${b}`).toBe(nearest(a, b));
    expect(quotient(2 ** 60, 3)).toBe(nearest(2n ** 60n, 3n));
    expect(quotient(6, 2 ** 60)).toBe(nearest(6n, 2n ** 60n));
  });

  it('is correctly rounded for random large integers (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 90n }), fc.bigInt({ min: 1n, max: 2n ** 80n }), (a, b) => {
        expect(quotient(a, b)).toBe(nearest(a, b));
      }),
    );
  });
});

describe('summarizeDurations', () => {
  it('reports null statistics for no durations', () => {
    expect(summarizeDurations(new Float64Array(3), 0, HOUR)).toEqual({ count: 0, mean: null, median: null, p90: null });
  });

  it('uses only the first `count` durations', () => {
    const durations = Float64Array.from([HOUR, 3 * HOUR, 999 * HOUR]);
    expect(summarizeDurations(durations, 2, HOUR)).toEqual({ count: 2, mean: 2, median: 2, p90: 2.8 });
  });

  it('is exact: each statistic is the correctly rounded ratio of integers', () => {
    // 1 ms, 2 ms, 4 ms in hours: mean 7/3 ms, median 2 ms, p90 = (2·10 + 8·2)/10 ms = 3.6 ms.
    const result = summarizeDurations(Float64Array.from([4, 1, 2]), 3, HOUR);
    expect(result.mean).toBe(nearest(7n, 3n * 3_600_000n));
    expect(result.median).toBe(nearest(2n, 3_600_000n));
    expect(result.p90).toBe(nearest(36n, 10n * 3_600_000n));
  });

  it('sums in BigInt once the total passes 2^53', () => {
    const big = 2 ** 52; // two of them sum to 2^53; three pass it
    const durations = Float64Array.from([big, big + 2, big + 4]);
    const result = summarizeDurations(durations, 3, 1);
    expect(result.mean).toBe(big + 2);
    expect(result.median).toBe(big + 2);
    // p90 = x1 + 0.8 · 2 = 2^52 + 3.6; its numerator (x1·10 + 8·2) is beyond 2^53, so it is done in BigInt.
    expect(result.p90).toBe(nearest(10n * (2n ** 52n + 2n) + 16n, 10n));
    expect(meanDuration(Float64Array.from([2 ** 53, 2 ** 53, 2]), 3, 3)).toBe(nearest(2n ** 54n + 2n, 9n));
    // A denominator count × unit beyond 2^53 is formed in BigInt too.
    expect(meanDuration(Float64Array.from([3, 4]), 2, 2 ** 53)).toBe(nearest(7n, 2n ** 54n));
  });

  it('handles durations with fractions of a millisecond in double precision', () => {
    const result = summarizeDurations(Float64Array.from([0.5, 1.5, 2.5]), 3, 1);
    expect(result).toEqual({ count: 3, mean: 1.5, median: 1.5, p90: 2.3 });
    expect(meanDuration(Float64Array.from([0.1, 0.2, 0.3]), 3, 1)).toBeCloseTo(0.2, 15);
    // Compensation keeps the small terms that a plain sum of a large first term would lose.
    // (2^53 + 4 × 0.5) ÷ 5: a plain sum would drop each 0.5 against 2^53.
    expect(meanDuration(Float64Array.from([2 ** 53, 0.5, 0.5, 0.5, 0.5]), 5, 1)).toBe((2 ** 53 + 2) / 5);
  });
});

describe('hasOnlyKeys', () => {
  it('accepts records with only the named keys, any subset of them', () => {
    expect(hasOnlyKeys({ a: 1, b: 2 }, 'a', 'b')).toBe(true);
    expect(hasOnlyKeys({ b: 2 }, 'a', 'b', 'c')).toBe(true);
    expect(hasOnlyKeys({}, 'a', 'b')).toBe(true);
    expect(hasOnlyKeys({ a: 1, x: 2 }, 'a', 'b', 'c')).toBe(false);
    expect(hasOnlyKeys({ c: 1 }, 'a', 'b')).toBe(false);
  });
});
