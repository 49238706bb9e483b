import { describe, expect, it } from 'vitest';
import { PAIR_CAPACITY, PairIndex } from './pairIndex.js';

describe('PairIndex', () => {
  it('numbers distinct pairs in order of first appearance, equal when both members are', () => {
    const index = new PairIndex();
    const pairs: [number, number][] = [
      [0, 38.86],
      [1, 38.86],
      [0, 38.86],
      [0, 0.1],
      [2 ** 32, 38.86],
      [1, 38.86],
      [-0, 0.1],
      [2 ** 53 - 1, 1e300],
    ];
    expect(pairs.map(([a, b]) => index.slot(a, b))).toEqual([0, 1, 0, 2, 3, 1, 2, 4]);
    expect(index.size).toBe(5);
  });

  it('keeps every pair as its table grows, and answers −1 for new pairs once full', () => {
    const index = new PairIndex();
    for (let i = 0; i < PAIR_CAPACITY; i++) expect(index.slot(i % 97, 1 + i / 7)).toBe(i);
    expect(index.slot(5, 1e9)).toBe(-1);
    expect(index.size).toBe(PAIR_CAPACITY);
    for (let i = 0; i < PAIR_CAPACITY; i += 641) expect(index.slot(i % 97, 1 + i / 7)).toBe(i);
  });
});
