import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { adjustPValues } from './adjustPValues.js';

const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(value).toBeCloseTo(expected[i] as number, 12);
  });
};

describe('adjustPValues', () => {
  describe('worked examples', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.02, 0.05), "holm") is 0.05 0.09 0.09 0.08 0.09, and with
    // "bonferroni" 0.05 0.20 0.15 0.10 0.25 (R's formula, pmin(1, cummax((n − i + 1) · p[o]))[ro]).
    it('matches R p.adjust, holm and bonferroni, in input order', () => {
      const p = [0.01, 0.04, 0.03, 0.02, 0.05];
      close(adjustPValues(p), [0.05, 0.09, 0.09, 0.08, 0.09]);
      close(adjustPValues(p, { method: 'holm' }), [0.05, 0.09, 0.09, 0.08, 0.09]);
      close(adjustPValues(p, { method: 'bonferroni' }), [0.05, 0.2, 0.15, 0.1, 0.25]);
    });

    // Holm (1979) step-down by hand: 4 tests, sorted 0.005 × 4, 0.011 × 3 = 0.033, 0.02 × 2 = 0.04, 0.6;
    // R: p.adjust(c(0.6, 0.02, 0.005, 0.011), "holm") = 0.6 0.04 0.02 0.033.
    it('follows the step-down with a running maximum', () => {
      close(adjustPValues([0.6, 0.02, 0.005, 0.011]), [0.6, 0.04, 0.02, 0.033]);
      // Sorted 0.01 × 3 = 0.03, 0.02 × 2 = 0.04, then 0.03 × 1 raised to the running maximum 0.04.
      close(adjustPValues([0.03, 0.01, 0.02]), [0.04, 0.03, 0.04]);
    });
  });

  describe('edge cases', () => {
    it('caps at 1, keeps one p-value as it is and accepts an empty list and typed arrays', () => {
      close(adjustPValues([0.4, 0.5, 0.9]), [1, 1, 1]);
      close(adjustPValues([0.3]), [0.3]);
      expect(adjustPValues([])).toEqual([]);
      close(adjustPValues(new Float64Array([0.01, 0.02])), [0.02, 0.02]);
      expect(Object.is(adjustPValues([-0])[0], 0)).toBe(true);
    });

    it('is never below the raw p-value nor above Bonferroni', () => {
      const p = [0.001, 0.2, 0.04, 0.04, 0.5, 0.03];
      const holm = adjustPValues(p);
      const bonferroni = adjustPValues(p, { method: 'bonferroni' });
      p.forEach((value, i) => {
        expect(holm[i]).toBeGreaterThanOrEqual(value);
        expect(holm[i]).toBeLessThanOrEqual(bonferroni[i] as number);
      });
    });
  });

  describe('validation', () => {
    it('names the bad element, refuses a non-array and an unknown method', () => {
      expectMetricError(() => adjustPValues([0.1, 1.5]), 'INVALID_INPUT', [1]);
      expectMetricError(() => adjustPValues([0.1, Number.NaN]), 'INVALID_INPUT', [1]);
      expectMetricError(() => adjustPValues([0.1, '0.2'] as never), 'INVALID_INPUT', [1]);
      expectMetricError(() => adjustPValues(0.1 as never), 'INVALID_INPUT', []);
      expectMetricError(() => adjustPValues([0.1], { method: 'hochberg' } as never), 'INVALID_INPUT', ['method']);
      expectUnknownOptionRefused('adjustPValues', () => adjustPValues([0.1], { alpha: 0.05 } as never), 'alpha');
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze([0.04, 0.01]);
      close(adjustPValues(input), [0.04, 0.02]);
      expect(input).toEqual([0.04, 0.01]);
    });
  });
});
