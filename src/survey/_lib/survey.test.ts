import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { adjustedNpsEstimate, meanScore, npsCore, npsGroups, surveyCounts, thresholdOnScale } from './survey.js';

describe('surveyCounts', () => {
  it('counts scores or reads a distribution, and totals the responses', () => {
    const fromScores = surveyCounts('test', { scores: [1, 5, 5] }, { min: 1, max: 5 });
    expect([...fromScores.counts]).toEqual([1, 0, 0, 0, 2]);
    expect(fromScores.responses).toBe(3);
    const fromDistribution = surveyCounts('test', { distribution: { 2: 4 } }, { min: 1, max: 5 }, ['a']);
    expect([...fromDistribution.counts]).toEqual([0, 4, 0, 0, 0]);
    expect(fromDistribution.responses).toBe(4);
  });

  it('names the field that has no responses, under its prefix', () => {
    expectMetricError(() => surveyCounts('test', { scores: [] }, { min: 1, max: 5 }, ['a', 0]), 'NO_DATA', [
      'a',
      0,
      'scores',
    ]);
    expectMetricError(() => surveyCounts('test', { distribution: [0, 0] }, { min: 1, max: 2 }), 'NO_DATA', [
      'distribution',
    ]);
  });
});

describe('meanScore', () => {
  it('divides the exact sum once, in BigInt past 2^53', () => {
    expect(meanScore(Float64Array.from([1, 1]), { min: 1, max: 2 }, 2)).toBe(1.5);
    // 2^52 responses of 3 and one of 1: the sum passes 2^53, the mean is just under 3.
    const big = Float64Array.from([1, 0, 2 ** 52]);
    expect(meanScore(big, { min: 1, max: 3 }, 2 ** 52 + 1)).toBe(3 - 2 / (2 ** 52 + 1));
  });
});

describe('npsCore and npsGroups', () => {
  it('reduces every form to the three groups', () => {
    const groups = { promoters: 2, passives: 2, detractors: 7 };
    expect(npsGroups('test', { scores: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toEqual(groups);
    expect(npsGroups('test', { distribution: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] })).toEqual(groups);
    expect(npsGroups('test', groups)).toEqual(groups);
  });

  it('computes the score exactly and the standard error of a mean of ±1 values', () => {
    const core = npsCore('test', { promoters: 3, passives: 2, detractors: 1 });
    expect(core.score).toBe(100 / 3);
    expect(core.responses).toBe(6);
    expect(core.standardError).toBeCloseTo(100 * Math.sqrt(5 / 9 / 6), 12);
  });

  it('refuses no responses and totals past 2^53 − 1', () => {
    expectMetricError(() => npsCore('test', { promoters: 0, passives: 0, detractors: 0 }, ['x']), 'NO_DATA', ['x']);
    expectMetricError(() => npsCore('test', { promoters: 2 ** 53, passives: 0, detractors: 1 }), 'INVALID_INPUT', []);
  });
});

describe('adjustedNpsEstimate', () => {
  it('adds ¾ of a promoter, ¾ of a detractor and 3 responses', () => {
    // 6 / 2 / 2: p̂ = 6.75 / 13, d̂ = 2.75 / 13, centre 100 · 4 / 13, SE 100 · √((9.5/13 − (4/13)²) / 13).
    const estimate = adjustedNpsEstimate({ promoters: 6, passives: 2, detractors: 2 });
    expect(estimate.center).toBe(400 / 13);
    const [p, d] = [6.75 / 13, 2.75 / 13];
    expect(estimate.standardError).toBeCloseTo(100 * Math.sqrt((p + d - (p - d) ** 2) / 13), 12);
  });

  it('keeps a positive standard error when every response is in one group', () => {
    for (const groups of [
      { promoters: 10, passives: 0, detractors: 0 },
      { promoters: 0, passives: 10, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 10 },
    ]) {
      expect(adjustedNpsEstimate(groups).standardError).toBeGreaterThan(0);
    }
    // All passives: p̂ = d̂ = 0.75 / 13, centre 0, SE 100 · √(1.5 / 13 / 13).
    expect(adjustedNpsEstimate({ promoters: 0, passives: 10, detractors: 0 }).standardError).toBeCloseTo(
      (100 * Math.sqrt(1.5)) / 13,
      12,
    );
  });

  it('gives the formula on both sides of 2^25 responses, where it moves from doubles to BigInt', () => {
    for (const passives of [2 ** 24 - 8, 2 ** 24 - 2]) {
      const groups = { promoters: 2 ** 24, passives, detractors: 4 };
      const m = 2 ** 24 + passives + 4 + 3;
      const [p, d] = [(2 ** 24 + 0.75) / m, 4.75 / m];
      const expected = 100 * Math.sqrt((p + d - (p - d) ** 2) / m);
      expect(Math.abs(adjustedNpsEstimate(groups).standardError / expected - 1)).toBeLessThan(1e-12);
    }
  });

  it('stays exact past 2^53 in the variance', () => {
    const half = 2 ** 51;
    const estimate = adjustedNpsEstimate({ promoters: half, passives: 0, detractors: half });
    expect(estimate.center).toBe(0);
    // p̂ + d̂ ≈ 1, so SE ≈ 100 / √(n + 3).
    expect(estimate.standardError).toBeCloseTo(100 / Math.sqrt(2 ** 52 + 3), 15);
  });
});

describe('thresholdOnScale', () => {
  const scale = { min: 1, max: 5 };
  it('takes the given threshold, else the default for the scale', () => {
    expect(thresholdOnScale('test', 'from', 3, {}, '1-5', scale, '')).toBe(3);
    expect(thresholdOnScale('test', 'from', undefined, { '1-5': 4 }, '1-5', scale, '')).toBe(4);
  });

  it('names the option when there is no default or it is off the scale', () => {
    expectMetricError(() => thresholdOnScale('test', 'from', undefined, {}, '1-5', scale, ''), 'INVALID_INPUT', [
      'from',
    ]);
    expectMetricError(() => thresholdOnScale('test', 'from', 6, {}, '1-5', scale, ''), 'INVALID_INPUT', ['from']);
  });
});
