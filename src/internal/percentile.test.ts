import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolate, MEDIAN, P90, percentileBrackets, percentileRank, selectInPlace } from './percentile.js';

/** The definition, on a fully sorted copy: x_l + (h − l)(x_{l+1} − x_l), h = (n − 1)p. */
function byDefinition(values: readonly number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) * p;
  const l = Math.floor(h);
  const lower = sorted[l] as number;
  return l + 1 < sorted.length ? lower + (h - l) * ((sorted[l + 1] as number) - lower) : lower;
}

function brackets(values: readonly number[], ps = [MEDIAN, P90]) {
  return percentileBrackets(Float64Array.from(values), values.length, ps).map(interpolate);
}

describe('percentile (linear interpolation between closest ranks)', () => {
  it('matches values computed by hand (numpy.percentile and Excel PERCENTILE.INC agree)', () => {
    // 1…10: h = 4.5 → 5 + 0.5·1 = 5.5; h = 8.1 → 9 + 0.1·1 = 9.1.
    expect(brackets([10, 3, 7, 1, 9, 2, 8, 4, 6, 5])).toEqual([5.5, 9.1]);
    // 15, 20, 35, 40, 50: h = 2 → 35; h = 3.6 → 40 + 0.6·10 = 46.
    expect(brackets([50, 15, 40, 20, 35])).toEqual([35, 46]);
    // Two values: h = 0.5 → midpoint; h = 0.9 → 1 + 0.9·(3 − 1) = 2.8.
    expect(brackets([3, 1])).toEqual([2, 2.8]);
    // One value: every percentile is that value.
    expect(brackets([42])).toEqual([42, 42]);
  });

  it('splits the rank exactly, without rounding (n − 1)·p', () => {
    // (11 − 1) · 9/10 = 9 exactly, while 10 * 0.9 is 9 in doubles too but 0.9 itself is not exact.
    expect(percentileRank(11, P90)).toEqual({ index: 9, weight: 0 });
    expect(percentileRank(4, P90)).toEqual({ index: 2, weight: 7 });
    expect(percentileRank(4, MEDIAN)).toEqual({ index: 1, weight: 1 });
    expect(percentileRank(1, P90)).toEqual({ index: 0, weight: 0 });
  });

  it('handles ranks in any order, repeated ranks and p = 0 and 1', () => {
    const values = [5, 1, 4, 2, 3];
    const result = percentileBrackets(Float64Array.from(values), 5, [[1, 1], [0, 1], P90, MEDIAN, [1, 2]]);
    expect(result.map(interpolate)).toEqual([5, 1, 4.6, 3, 3]);
  });

  it('selects correctly on large, sorted, reversed, constant and few-valued inputs', () => {
    const n = 20_001;
    const shapes: Record<string, (i: number) => number> = {
      sorted: (i) => i,
      reversed: (i) => n - i,
      constant: () => 7,
      twoValues: (i) => i % 2,
      sawtooth: (i) => i % 100,
      organPipe: (i) => (i < n / 2 ? i : n - i),
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const values = Array.from({ length: n }, (_, i) => shape(i));
      expect(brackets(values), name).toEqual([byDefinition(values, 0.5), byDefinition(values, 0.9)]);
    }
  });

  it('agrees with a full sort on random inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (values, percent) => {
          const [p, median, p90] = brackets(values, [[percent, 100], MEDIAN, P90]);
          expect(p).toBeCloseTo(byDefinition(values, percent / 100), 9);
          expect(median).toBe(byDefinition(values, 0.5));
          expect(p90).toBeCloseTo(byDefinition(values, 0.9), 9);
        },
      ),
    );
  });

  it('selectInPlace puts the k-th smallest at k, smaller before and larger after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 3000 }),
        fc.nat(),
        (values, seed) => {
          const array = Float64Array.from(values);
          const k = seed % array.length;
          selectInPlace(array, k);
          const sorted = Float64Array.from(values).sort();
          // Selection orders by < and >, under which −0 and 0 are one value; Float64Array's sort puts −0 first.
          // Either zero is the k-th smallest, so compare as numbers (===), not with Object.is.
          expect(array[k] === sorted[k], `${array[k]} at ${k}, sorted ${sorted[k]}`).toBe(true);
          for (let i = 0; i < k; i++) expect(array[i]).toBeLessThanOrEqual(array[k] as number);
          for (let i = k + 1; i < array.length; i++) expect(array[i]).toBeGreaterThanOrEqual(array[k] as number);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('treats −0 and 0 as the same value', () => {
    for (const values of [
      [-0, 0],
      [0, -0],
      [0, -0, -1, 0, -0],
    ]) {
      for (let k = 0; k < values.length; k++) {
        const array = Float64Array.from(values);
        selectInPlace(array, k);
        expect(array[k] === Float64Array.from(values).sort()[k], `${values} k=${k}`).toBe(true);
      }
    }
  });

  it('sorts a range that keeps failing to shrink', () => {
    const n = 5000;
    const values = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
    for (const [k, rounds] of [
      [0, 1],
      [n >> 1, 1],
      [n - 1, 2],
      [1234, 96],
    ] as const) {
      const copy = values.slice();
      selectInPlace(copy, k, 0, n - 1, rounds);
      expect(copy[k]).toBe(k);
      for (let i = 0; i < k; i++) expect(copy[i]).toBeLessThan(k);
    }
  });
});
