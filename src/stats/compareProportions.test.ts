import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { compareProportions } from './compareProportions.js';

describe('compareProportions', () => {
  describe('worked examples', () => {
    // R. G. Newcombe, "Interval estimation for the difference between independent proportions: comparison
    // of eleven methods", Statistics in Medicine 17 (1998), Table II, method 10 (hybrid score), 95 %, four
    // decimals; the eight examples (a)–(h) as tabulated in DeepPSP/DBCI test/test-data/newcombee.csv (row
    // "wilson").
    it.each([
      [56, 70, 48, 80, 0.0524, 0.3339],
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [0, 10, 0, 10, -0.2775, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
      [10, 10, 0, 10, 0.6075, 1],
    ])('%i/%i − %i/%i → [%f, %f]', (s1, n1, s2, n2, low, high) => {
      const result = compareProportions({ a: { successes: s1, trials: n1 }, b: { successes: s2, trials: n2 } });
      expect(result.interval.low).toBeCloseTo(low, 4);
      expect(result.interval.high).toBeCloseTo(high, 4);
    });

    it('gives the exact difference and the pooled z test of R prop.test(correct = FALSE)', () => {
      // 56/70 vs 48/80: p̄ = 104/150, z = 0.2 / √(p̄(1 − p̄)(1/70 + 1/80)) = 2.6502; z² = 7.0234 is the
      // X-squared of prop.test(c(56, 48), c(70, 80), correct = FALSE), p-value 0.008045.
      const result = compareProportions({ a: { successes: 56, trials: 70 }, b: { successes: 48, trials: 80 } });
      expect(result.difference).toBe(0.2);
      const pooled = 104 / 150;
      expect(result.z).toBeCloseTo(0.2 / Math.sqrt(pooled * (1 - pooled) * (1 / 70 + 1 / 80)), 12);
      expect((result.z ?? 0) ** 2).toBeCloseTo(7.0234, 4);
      expect(result.pValue).toBeCloseTo(0.008045, 6);
      expect(result.significant).toBe(true);
      expect(result.confidence).toBe(0.95);
    });
  });

  describe('edge cases', () => {
    it('has no test when neither group varies, but still an interval', () => {
      const none = compareProportions({ a: { successes: 0, trials: 10 }, b: { successes: 0, trials: 20 } });
      expect(none.z).toBeNull();
      expect(none.pValue).toBeNull();
      expect(none.significant).toBe(false);
      expect(none.difference).toBe(0);
      const all = compareProportions({ a: { successes: 5, trials: 5 }, b: { successes: 8, trials: 8 } });
      expect(all.pValue).toBeNull();
      expect(all.interval.high).toBeGreaterThan(0);
    });

    it('is antisymmetric and exact for large counts', () => {
      const a = { successes: 2 ** 40 + 1, trials: 2 ** 41 };
      const b = { successes: 1, trials: 3 };
      const forward = compareProportions({ a, b });
      const backward = compareProportions({ a: b, b: a });
      expect(forward.difference).toBe(-backward.difference);
      // (2^40 + 1)/2^41 − 1/3 = (2^40 + 3)/(3 · 2^41), one correctly rounded division (not the float subtraction).
      expect(forward.difference).toBe((2 ** 40 + 3) / (3 * 2 ** 41));
      expect(forward.interval.low).toBeCloseTo(-backward.interval.high, 12);
      expect(forward.pValue).toBeCloseTo(backward.pValue ?? 0, 12);
    });

    it('is not significant at p = 1 and widens with confidence', () => {
      const same = compareProportions({ a: { successes: 3, trials: 6 }, b: { successes: 5, trials: 10 } });
      expect(same.z).toBe(0);
      expect(same.pValue).toBe(1);
      const wide = compareProportions(
        { a: { successes: 3, trials: 6 }, b: { successes: 5, trials: 10 } },
        { confidence: 0.99 },
      );
      expect(wide.interval.high - wide.interval.low).toBeGreaterThan(same.interval.high - same.interval.low);
    });
  });

  describe('validation', () => {
    const good = { successes: 1, trials: 2 };
    it.each([
      [{ a: { successes: 3, trials: 2 }, b: good }, ['a', 'successes']],
      [{ a: good, b: { successes: -1, trials: 2 } }, ['b', 'successes']],
      [{ a: { successes: 1.5, trials: 2 }, b: good }, ['a', 'successes']],
      [{ a: good, b: { successes: 1, trials: Number.NaN } }, ['b', 'trials']],
      [{ a: good }, ['b']],
      [{ a: good, b: good, c: good }, []],
    ])('refuses %j at %j', (input, path) => {
      expectMetricError(() => compareProportions(input as never), 'INVALID_INPUT', path);
    });

    it('reports a group without trials as NO_DATA, naming it', () => {
      expectMetricError(() => compareProportions({ a: { successes: 0, trials: 0 }, b: good }), 'NO_DATA', [
        'a',
        'trials',
      ]);
      expectMetricError(() => compareProportions({ a: good, b: { successes: 0, trials: 0 } }), 'NO_DATA', [
        'b',
        'trials',
      ]);
    });

    it('refuses a bad confidence and an unknown option', () => {
      expectMetricError(() => compareProportions({ a: good, b: good }, { confidence: 1 }), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectUnknownOptionRefused(
        'compareProportions',
        () => compareProportions({ a: good, b: good }, { method: 'wald' } as never),
        'method',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({ a: Object.freeze({ successes: 1, trials: 2 }), b: Object.freeze(good()) });
      expect(compareProportions(input).difference).toBe(0);
    });
  });
});

function good() {
  return { successes: 2, trials: 4 };
}
