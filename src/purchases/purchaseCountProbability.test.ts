import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { purchaseCountProbability } from './purchaseCountProbability.js';

const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;

describe('purchaseCountProbability', () => {
  describe('worked examples', () => {
    it('gives R BTYD’s bgnbd.pmf figures for CDNOW', () => {
      // lifetimes, test_probability_of_n_purchases_up_to_time_same_as_R_BTYD (from BTYD's manual): with the
      // published CDNOW parameters, P(X(2) = 10) = 1.07869e-7, P(X(39) = 0) = 0.5737864, and P(X(30) = n)
      // for n = 11…20.
      expect(purchaseCountProbability({ model, purchases: 10, periods: 2 }) / 1.07869e-7).toBeCloseTo(1, 5);
      expect(purchaseCountProbability({ model, purchases: 0, periods: 39 })).toBeCloseTo(0.5737864, 7);
      const expected = [
        0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171,
        0.0002769613, 0.000222226,
      ];
      expected.forEach((p, k) => {
        expect(purchaseCountProbability({ model, purchases: 11 + k, periods: 30 })).toBeCloseTo(p, 10);
      });
    });
  });

  describe('edge cases', () => {
    it('over no time, no purchase for certain', () => {
      expect(purchaseCountProbability({ model, purchases: 0, periods: 0 })).toBe(1);
      expect(purchaseCountProbability({ model, purchases: 3, periods: 0 })).toBe(0);
    });

    it('keeps the digits of tiny probabilities: many purchases over a short time', () => {
      const p = purchaseCountProbability({ model, purchases: 200, periods: 1 });
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1e-100);
    });
  });

  describe('validation', () => {
    it('refuses a fractional or negative count, a bad horizon, an unknown model', () => {
      expectMetricError(() => purchaseCountProbability({ model, purchases: 1.5, periods: 1 }), 'INVALID_INPUT', [
        'purchases',
      ]);
      expectMetricError(() => purchaseCountProbability({ model, purchases: -1, periods: 1 }), 'INVALID_INPUT', [
        'purchases',
      ]);
      expectMetricError(() => purchaseCountProbability({ model, purchases: 1, periods: -1 }), 'INVALID_INPUT', [
        'periods',
      ]);
      expectMetricError(
        () => purchaseCountProbability({ model: { ...model, model: 'pareto' }, purchases: 1, periods: 1 }),
        'INVALID_INPUT',
        ['model', 'model'],
      );
    });
  });

  it('checks its usual input by hand exactly as the schema does', () => {
    expect(purchaseCountProbability({ model, purchases: -0, periods: 39 })).toBeCloseTo(0.5738, 4);
    expect(purchaseCountProbability({ model, purchases: 3, periods: -0 })).toBe(0);
    expect(purchaseCountProbability({ model, purchases: 10_000_000, periods: 1 })).toBeGreaterThanOrEqual(0);
    const inherited = Object.assign(Object.create({ extra: 1 }), { model, purchases: 1, periods: 1 });
    expectMetricError(() => purchaseCountProbability(inherited), 'INVALID_INPUT', [], "unknown key 'extra'");
    for (const purchases of [10_000_001, 2 ** 53, Number.NaN, '2', undefined]) {
      expectMetricError(() => purchaseCountProbability({ model, purchases, periods: 1 } as never), 'INVALID_INPUT', [
        'purchases',
      ]);
    }
    for (const periods of [Number.POSITIVE_INFINITY, Number.NaN, '1']) {
      expectMetricError(() => purchaseCountProbability({ model, purchases: 1, periods } as never), 'INVALID_INPUT', [
        'periods',
      ]);
    }
    expectMetricError(
      () => purchaseCountProbability({ model, purchases: 1, periods: 1 }, { x: 1 } as never),
      'INVALID_INPUT',
      [],
    );
  });

  it('does not mutate input', () => {
    const input = Object.freeze({ model: Object.freeze({ ...model }), purchases: 2, periods: 5 });
    purchaseCountProbability(input);
    expect(input).toEqual({ model, purchases: 2, periods: 5 });
  });
});
