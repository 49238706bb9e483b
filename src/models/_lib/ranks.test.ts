import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decreasingOrder, denseRanks, orderByKeys } from './ranks.js';

describe('denseRanks', () => {
  it('ranks among the distinct values', () => {
    const { ranks, distinct } = denseRanks(Float64Array.of(3, 1, 3, 2, 0.5, 0.5));
    expect(Array.from(distinct)).toEqual([0.5, 1, 2, 3]);
    expect(Array.from(ranks)).toEqual([3, 1, 3, 2, 0, 0]);
  });
});

describe('orderByKeys and decreasingOrder', () => {
  it('sort as a stable comparator sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 50 }), (list) => {
        const values = Float64Array.from(list);
        const expected = list.map((_, i) => i).sort((a, b) => (list[b] as number) - (list[a] as number) || a - b);
        expect(Array.from(decreasingOrder(values))).toEqual(expected);
        const keys = Uint32Array.from(list, (v) => v + 5);
        const increasing = list.map((_, i) => i).sort((a, b) => (list[a] as number) - (list[b] as number) || a - b);
        expect(Array.from(orderByKeys(keys, 11))).toEqual(increasing);
      }),
    );
  });
});
