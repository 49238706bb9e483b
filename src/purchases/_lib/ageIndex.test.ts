import { describe, expect, it } from 'vitest';
import { AgeIndex } from './ageIndex.js';

describe('AgeIndex', () => {
  it('numbers distinct doubles in order of first appearance', () => {
    const index = new AgeIndex();
    expect([38.86, 0.1, 38.86, 1e300, 0.1, 7].map((key) => index.slot(key))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(index.size).toBe(4);
  });

  it('answers −1 for new keys once 4 096 are numbered, and still finds the old ones', () => {
    const index = new AgeIndex();
    for (let i = 0; i < 4096; i++) expect(index.slot(i / 7)).toBe(i);
    expect(index.slot(1e9)).toBe(-1);
    expect(index.slot(4095 / 7)).toBe(4095);
  });
});
