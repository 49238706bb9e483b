import { describe, expect, it } from 'vitest';
import { logRankSums, quadraticForm } from './logRank.js';
import { readObservations } from './observations.js';

const read = (durations: number[]) =>
  readObservations(
    'm',
    durations.map((d) => ({ duration: Math.abs(d), churned: d > 0 })),
    [],
  );

describe('logRankSums', () => {
  it('adds the hypergeometric terms at each churn time', () => {
    // t = 1: Y = (2, 2), d = (1, 0): expected 1/2 each, variance 1·3/3 · 1/2 · 1/2 = 1/4.
    // t = 2: Y = (1, 2), d = (0, 1): expected (1/3, 2/3), variance 1·2/2 · 1/3 · 2/3 = 2/9.
    const sums = logRankSums([read([1, -3]), read([2, -4])], 'logrank');
    expect([...sums.observed]).toEqual([1, 1]);
    expect(sums.expected[0]).toBeCloseTo(1 / 2 + 1 / 3, 15);
    expect(sums.score[0]).toBeCloseTo(1 - 1 / 2 - 1 / 3, 15);
    expect(sums.covariance[0]).toBeCloseTo(1 / 4 + 2 / 9, 15);
    expect(sums.covariance[1]).toBeCloseTo(-(1 / 4 + 2 / 9), 15);
  });

  it('weighs by the risk set, its root, or the pooled curve just before the time', () => {
    const samples = [read([1, -3]), read([2, -4])];
    expect(logRankSums(samples, 'wilcoxon').score[0]).toBeCloseTo(4 * (1 / 2) + 3 * (-1 / 3), 15);
    expect(logRankSums(samples, 'tarone-ware').score[0]).toBeCloseTo(2 * (1 / 2) + Math.sqrt(3) * (-1 / 3), 15);
    // Ŝ(1−) = 1, Ŝ(2−) = 3/4: FH(1, 1) weighs the first time 0.
    expect(logRankSums(samples, { flemingHarrington: [1, 1] }).score[0]).toBeCloseTo((3 / 4) * (1 / 4) * (-1 / 3), 15);
  });
});

describe('quadraticForm', () => {
  it('inverts a regular matrix', () => {
    const { value, rank } = quadraticForm(new Float64Array([1, 2]), new Float64Array([2, 1, 1, 2]));
    // [1 2] · (1/3)[2 −1; −1 2] · [1 2]ᵀ = (2 − 4 + 8)/3 = 2.
    expect(value).toBeCloseTo(2, 14);
    expect(rank).toBe(2);
  });

  it('drops the zero pivots of a singular matrix: rows summing to 0, or a zero row', () => {
    const u = new Float64Array([1.5, -1.5]);
    const v = new Float64Array([0.5, -0.5, -0.5, 0.5]);
    expect(quadraticForm(u, v)).toEqual({ value: 4.5, rank: 1 });
    const zero = quadraticForm(new Float64Array([0, 0]), new Float64Array(4));
    expect(zero).toEqual({ value: 0, rank: 0 });
  });
});
