import { describe, expect, it } from 'vitest';
import { adjust } from './adjust.js';

describe('adjust', () => {
  it('adjusts as R p.adjust does, in input order, capped at 1', () => {
    const holm = adjust([0.01, 0.04, 0.03, 0.02, 0.05], 'holm');
    [0.05, 0.09, 0.09, 0.08, 0.09].forEach((value, i) => {
      expect(holm[i]).toBeCloseTo(value, 12);
    });
    expect(adjust([0.5, 0.6], 'bonferroni')).toEqual([1, 1]);
    expect(adjust([], 'holm')).toEqual([]);
  });
});
