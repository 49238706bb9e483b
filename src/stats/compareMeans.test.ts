import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { compareMeans } from './compareMeans.js';

// R's `sleep` data set (package datasets, from Cushny & Peebles 1905 as used by Student 1908): extra hours
// of sleep of 10 patients under each of two drugs.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('compareMeans', () => {
  describe('worked examples', () => {
    it("reproduces R's t.test(extra ~ group, data = sleep) (Welch Two Sample t-test)", () => {
      // R prints: t = -1.8608, df = 17.776, p-value = 0.07939; 95 percent confidence interval:
      // -3.3654832 0.2054832; mean in group 1 0.75, mean in group 2 2.33.
      const result = compareMeans({ a: { values: drug1 }, b: { values: drug2 } });
      expect(result.difference).toBeCloseTo(-1.58, 12);
      expect(result.t).toBeCloseTo(-1.8608, 4);
      expect(result.degreesOfFreedom).toBeCloseTo(17.776, 3);
      expect(result.pValue).toBeCloseTo(0.07939, 5);
      expect(result.interval.low).toBeCloseTo(-3.3654832, 7);
      expect(result.interval.high).toBeCloseTo(0.2054832, 7);
      expect(result.significant).toBe(false);
      expect(result.confidence).toBe(0.95);
      // At 90 % the interval narrows but still holds 0; p is above 0.05 and below 0.1.
      const at90 = compareMeans({ a: { values: drug1 }, b: { values: drug2 } }, { confidence: 0.9 });
      expect(at90.significant).toBe(true);
      expect(at90.interval.high).toBeLessThan(0);
    });

    it('gives the same test from summaries, as a warehouse query returns them', () => {
      // SciPy 1.17: scipy.stats.ttest_ind_from_stats(4.2, 1.1, 120, 3.9, 1.3, 150, equal_var=False) →
      // statistic 2.0531577324874664, p-value 0.04103107090308139; Welch–Satterthwaite df 267.13596 and the
      // interval from scipy.stats.t.ppf(0.975, df).
      const result = compareMeans({
        a: { count: 120, mean: 4.2, standardDeviation: 1.1 },
        b: { count: 150, mean: 3.9, standardDeviation: 1.3 },
      });
      expect(result.t).toBeCloseTo(2.0531577324874664, 12);
      expect(result.pValue).toBeCloseTo(0.04103107090308139, 13);
      expect(result.degreesOfFreedom).toBeCloseTo(267.1359599497856, 9);
      expect(result.interval.low).toBeCloseTo(0.01231376496995229, 12);
      expect(result.interval.high).toBeCloseTo(0.5876862350300477, 12);
      expect(result.significant).toBe(true);
    });

    it('reads a Float64Array as it reads an array', () => {
      const fromArray = compareMeans({ a: { values: drug1 }, b: { values: drug2 } });
      const fromTyped = compareMeans({
        a: { values: new Float64Array(drug1) },
        b: { values: new Float64Array(drug2) },
      });
      expect(fromTyped).toEqual(fromArray);
    });
  });

  describe('edge cases', () => {
    it('reports an undefined test, never NaN, when neither group varies', () => {
      const result = compareMeans({ a: { values: [3, 3, 3] }, b: { count: 5, mean: 2, standardDeviation: 0 } });
      expect(result).toEqual({
        difference: 1,
        standardError: 0,
        t: null,
        degreesOfFreedom: null,
        pValue: null,
        interval: { low: 1, high: 1 },
        significant: false,
        confidence: 0.95,
      });
    });

    it('takes the degrees of freedom of the only group that varies', () => {
      const result = compareMeans({ a: { values: [1, 2, 3, 4] }, b: { values: [2, 2] } });
      expect(result.degreesOfFreedom).toBe(3);
      expect(result.difference).toBe(0.5);
    });

    it('keeps its precision for values far from zero (no cancellation in the variance)', () => {
      const shift = 1e9;
      const base = compareMeans({ a: { values: drug1 }, b: { values: drug2 } });
      const shifted = compareMeans({
        a: { values: drug1.map((x) => x + shift) },
        b: { values: drug2.map((x) => x + shift) },
      });
      expect(shifted.standardError).toBeCloseTo(base.standardError, 6);
      expect(shifted.degreesOfFreedom).toBeCloseTo(base.degreesOfFreedom ?? 0, 5);
    });

    it('handles tiny and huge spreads without over- or underflow', () => {
      const scale = 1e-150;
      const tiny = compareMeans({
        a: { values: drug1.map((x) => x * scale) },
        b: { values: drug2.map((x) => x * scale) },
      });
      const base = compareMeans({ a: { values: drug1 }, b: { values: drug2 } });
      expect(tiny.degreesOfFreedom).toBeCloseTo(base.degreesOfFreedom ?? 0, 10);
      expect(tiny.t).toBeCloseTo(base.t ?? 0, 10);
      const huge = compareMeans({
        a: { count: 10, mean: 1e150, standardDeviation: 1e150 },
        b: { count: 10, mean: 0, standardDeviation: 1e150 },
      });
      expect(huge.degreesOfFreedom).toBeCloseTo(18, 10);
    });

    it('gives p-values of 1 for equal means', () => {
      const result = compareMeans({ a: { values: [1, 2, 3] }, b: { values: [0, 2, 4] } });
      expect(result.t).toBe(0);
      expect(result.pValue).toBe(1);
    });
  });

  describe('validation', () => {
    it('names a value that is not a finite number', () => {
      expectMetricError(
        () => compareMeans({ a: { values: [1, 2, 3, Number.NaN] }, b: { values: [1, 2] } }),
        'INVALID_INPUT',
        ['a', 'values', 3],
        'a.values[3] must be a finite number, not NaN',
      );
      expectMetricError(
        () => compareMeans({ a: { values: [1, 2] }, b: { values: [1, '2'] as never } }),
        'INVALID_INPUT',
        ['b', 'values', 1],
      );
      expectMetricError(
        () => compareMeans({ a: { values: [1, 2] }, b: { values: new Float64Array([1, Number.POSITIVE_INFINITY]) } }),
        'INVALID_INPUT',
        ['b', 'values', 1],
      );
    });

    it('names a bad summary field', () => {
      const a = { values: [1, 2] };
      expectMetricError(
        () => compareMeans({ a, b: { count: 3, mean: 1, standardDeviation: -1 } }),
        'INVALID_INPUT',
        ['b', 'standardDeviation'],
        'must be at least 0',
      );
      expectMetricError(
        () => compareMeans({ a, b: { count: 1, mean: 1, standardDeviation: 1 } }),
        'INVALID_INPUT',
        ['b', 'count'],
        'must be at least 2',
      );
      expectMetricError(() => compareMeans({ a, b: { count: 2.5, mean: 1, standardDeviation: 1 } }), 'INVALID_INPUT', [
        'b',
        'count',
      ]);
      expectMetricError(
        () => compareMeans({ a, b: { count: 3, mean: Number.NaN, standardDeviation: 1 } }),
        'INVALID_INPUT',
        ['b', 'mean'],
      );
      expectMetricError(() => compareMeans({ a, b: { count: 3, mean: 1 } as never }), 'INVALID_INPUT', [
        'b',
        'standardDeviation',
      ]);
    });

    it('refuses a missing group, an unknown shape and extra keys', () => {
      expectMetricError(() => compareMeans({ a: { values: [1, 2] } } as never), 'INVALID_INPUT', ['b']);
      expectMetricError(() => compareMeans({ a: { values: [1, 2] }, b: { mean: 1 } } as never), 'INVALID_INPUT', ['b']);
      expectMetricError(() => compareMeans({ a: { values: 'x' } as never, b: { values: [1, 2] } }), 'INVALID_INPUT', [
        'a',
        'values',
      ]);
      expectMetricError(
        () => compareMeans({ a: { values: [1, 2] }, b: { values: [1, 2] }, c: 1 } as never),
        'INVALID_INPUT',
        [],
      );
    });

    it('reports a group of fewer than 2 values as NO_DATA', () => {
      expectMetricError(
        () => compareMeans({ a: { values: [1] }, b: { values: [1, 2] } }),
        'NO_DATA',
        ['a', 'values'],
        'must have at least 2 values',
      );
      expectMetricError(() => compareMeans({ a: { values: [1, 2] }, b: { values: [] } }), 'NO_DATA', ['b', 'values']);
    });

    it('refuses values too large for double precision', () => {
      // Found by the library-wide fuzz test: a finite difference over a small standard error overflows t.
      expectMetricError(
        () =>
          compareMeans(
            {
              a: { count: 120, mean: 1e308, standardDeviation: 1.1 },
              b: { values: Float64Array.from([3, 4, 5, 4.5]) },
            },
            { confidence: 0.9 },
          ),
        'INVALID_INPUT',
        [],
      );
      expectMetricError(
        () => compareMeans({ a: { values: [1e200, -1e200] }, b: { values: [1, 2] } }),
        'INVALID_INPUT',
        ['a', 'values'],
      );
      expectMetricError(
        () =>
          compareMeans({
            a: { count: 2, mean: 1.5e308, standardDeviation: 1 },
            b: { count: 2, mean: -1.5e308, standardDeviation: 1 },
          }),
        'INVALID_INPUT',
        [],
      );
      expectMetricError(
        () => compareMeans({ a: { count: 2, mean: 1, standardDeviation: 1e200 }, b: { values: [1, 2] } }),
        'INVALID_INPUT',
        ['a', 'standardDeviation'],
      );
    });

    it('checks the confidence and refuses an unknown option', () => {
      const input = { a: { values: [1, 2] }, b: { values: [3, 5] } };
      expectMetricError(() => compareMeans(input, { confidence: 1 }), 'INVALID_INPUT', ['confidence']);
      expectUnknownOptionRefused(
        'compareMeans',
        () => compareMeans(input, { equalVariances: true } as never),
        'equalVariances',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen input unchanged', () => {
      const values = Object.freeze([...drug1]);
      const input = Object.freeze({
        a: Object.freeze({ values }),
        b: Object.freeze({ values: Object.freeze([...drug2]) }),
      });
      compareMeans(input);
      expect(values).toEqual(drug1);
    });
  });
});
