import { describe, expect, it } from 'vitest';
import { CAPACITY, DoubleIndex } from './doubleIndex.js';

describe('DoubleIndex', () => {
  it('numbers distinct doubles in order of first appearance', () => {
    const index = new DoubleIndex();
    expect([38.86, 0.1, 38.86, 1e300, 0.1, 7].map((key) => index.slot(key))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(index.size).toBe(4);
  });

  it('answers −1 for new keys once 4 096 are numbered, and still finds the old ones', () => {
    const index = new DoubleIndex();
    for (let i = 0; i < CAPACITY; i++) expect(index.slot(i / 7)).toBe(i);
    expect(index.slot(1e9)).toBe(-1);
    expect(index.slot(4095 / 7)).toBe(4095);
  });

  it('forgets every key when cleared, and numbers from 0 again', () => {
    const index = new DoubleIndex();
    for (let i = 0; i < CAPACITY; i++) index.slot(i + 0.5);
    index.clear();
    expect(index.size).toBe(0);
    expect([7, 0.5, 7, 1.5].map((key) => index.slot(key))).toEqual([0, 1, 0, 2]);
    for (let i = 3; i < CAPACITY; i++) expect(index.slot(-i)).toBe(i);
    expect(index.slot(2.5)).toBe(-1);
  });
});
