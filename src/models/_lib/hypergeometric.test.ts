import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedSurvivalSum, expectedInverse, expectedInverseByMoments, seriesSum } from './hypergeometric.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

// 2F1(1, b; a + b; 1/(1 + d)), computed with mpmath 1.3 (hyp2f1, 30 significant digits; where its series
// gave up, mp.quad of (1 + d)·E[1/(θ + d)] over θ ~ Beta(a, b) at 30 digits). [a, b, d, value].
const REFERENCES: readonly (readonly [number, number, number, string])[] = [
  [0.704, 1.182, 0.1, '3.6951474055745740929'],
  [0.668, 3.8, 0.01, '19.80509133429412746'],
  [0.3, 0.2, 10, '1.0392390522639058314'],
  [10000, 0.001, 1, '1.0000000500024974996'],
  [0.704, 1.182, 0.001, '21.337313275266529916'],
  [2, 30, 0.001, '28.179198327745436899'],
  [0.999999, 1e6, 0.001, '1000.0009980109393585'],
  [0.05, 1e12, 0.01, '100.99999999949499792'],
  [0.3, 30, 1e-6, '56832.860874308227456'],
  [0.999999, 3.8, 1e-6, '45.75475459853419913'],
  [1.0000001, 0.2, 1e-6, '3.7054658800136146928'],
  [2, 0.001, 1e-6, '1.0009999861723182925'],
  [3, 1000, 1e-6, '500.50217819972463703'],
  [1e-10, 1, 1e-6, '1000000.9986184475089'],
  [0.05, 1.182, 1e-12, '255482834016.56164377'],
  [1, 1.182, 1e-12, '32.346494720384271908'],
  [1.5, 3.8, 1e-12, '8.5999712446536362664'],
  [7.5, 1e6, 1e-12, '153847.12587395027202'],
  [0.001, 1e6, 1e-12, '986849743338.74103484'],
  [10000, 1e12, 1e-12, '99999999.999800020011'],
];

describe('discountedSurvivalSum', () => {
  it.each(REFERENCES)('2F1(1, b; a + b; 1/(1 + d)) at a = %f, b = %f, d = %f matches mpmath', (a, b, d, text) => {
    expect(relative(discountedSurvivalSum(a, b, d), Number(text))).toBeLessThan(1e-13);
  });

  it('uses the series where it converges quickly and the quadrature where it does not', () => {
    expect(seriesSum(0.704, 1.182, 0.1)).toBeDefined();
    expect(seriesSum(0.704, 1.182, 1e-6)).toBeUndefined();
    // For a > 1 the second bound on the remainder lets the series finish even with d near 0.
    expect(seriesSum(40, 2, 1e-12)).toBeDefined();
  });

  it('the series and the quadrature agree wherever both apply', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0.02, max: 5, noNaN: true }),
        (a, b, d) => {
          const series = seriesSum(a, b, d) as number;
          expect(series).toBeDefined();
          expect(relative((1 + d) * expectedInverse(a, b, d), series)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches a direct sum of S(t)/(1 + d)^t, and is continuous in d across the two methods', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 50, noNaN: true }),
        (a, b) => {
          // d = 0.02: 4 000 terms of the sum leave less than 1e-30 of it.
          const d = 0.02;
          let survival = 1;
          let discount = 1;
          let direct = 1;
          for (let t = 1; t < 4000; t++) {
            survival *= (b + t - 1) / (a + b + t - 1);
            discount /= 1 + d;
            direct += survival * discount;
          }
          expect(relative(discountedSurvivalSum(a, b, d), direct)).toBeLessThan(1e-12);
          // Just below and above where the series stops being used, the value moves smoothly.
          const low = discountedSurvivalSum(a, b, 1e-3);
          const high = discountedSurvivalSum(a, b, 1.0001e-3);
          expect(low).toBeGreaterThanOrEqual(high);
          expect(relative(low, high)).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('for large a, the moment expansion agrees with the quadrature where both are accurate', () => {
    for (const a of [1e5, 3e5, 1e6]) {
      for (const ratio of [100, 1e4, 1e8]) {
        for (const d of [1e-12, 1e-6, 1e-3]) {
          const b = a * ratio;
          expect(relative(expectedInverseByMoments(a, b, d), expectedInverse(a, b, d))).toBeLessThan(2e-12);
        }
      }
    }
    // And it is what a ≥ 1e6 uses when the series is too slow.
    expect(discountedSurvivalSum(1e7, 1e12, 1e-9)).toBe((1 + 1e-9) * expectedInverseByMoments(1e7, 1e12, 1e-9));
  });

  it('tends to the undiscounted mean lifetime (a + b − 1)/(a − 1) as d → 0 when a > 1', () => {
    expect(relative(discountedSurvivalSum(3, 2, 1e-12), 2)).toBeLessThan(1e-10);
    expect(relative(discountedSurvivalSum(1.5, 0.5, 1e-12), 2)).toBeLessThan(1e-5);
  });

  it('grows like d^(a − 1) as d → 0 when a < 1, and overflows only beyond the double range', () => {
    const ratio = discountedSurvivalSum(0.5, 1, 1e-10) / discountedSurvivalSum(0.5, 1, 1e-8);
    expect(ratio).toBeCloseTo(10, 2);
    // Beta(½, 1) has density ½θ^(−½): E[1/(θ + d)] → π/(2√d) as d → 0.
    expect(relative(discountedSurvivalSum(0.5, 1, 1e-300), Math.PI / 2 / 1e-150)).toBeLessThan(1e-12);
    expect(discountedSurvivalSum(1e-10, 1e10, 5e-324)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is 1 when the discount is overwhelming, and finite at the edges of the parameters', () => {
    expect(discountedSurvivalSum(0.5, 0.5, 1e300)).toBe(1);
    for (const [a, b] of [
      [1e-10, 1e-10],
      [1e-10, 1e10],
      [1e10, 1e-10],
      [1e10, 1e10],
      [1e10, 1e10 + 2 ** 53],
    ] as const) {
      for (const d of [1e-300, 1e-12, 1e-3, 0.5, 1e6]) {
        const value = discountedSurvivalSum(a, b, d);
        expect(value).toBeGreaterThanOrEqual(1);
        expect(Number.isNaN(value)).toBe(false);
      }
    }
  });
});
