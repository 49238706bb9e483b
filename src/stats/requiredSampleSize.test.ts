import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { requiredSampleSize } from './requiredSampleSize.js';

describe('requiredSampleSize', () => {
  describe('worked examples', () => {
    it('needs 385 responses for ±5 points at 95 %, 278 of a population of 1 000', () => {
      // Cochran (1977) eq. 4.2: 1.96² × 0.25 ÷ 0.05² = 384.16 → 385 (the figure of the usual survey
      // calculators, e.g. SurveyMonkey's and Qualtrics'); with the correction 4.3 for N = 1 000: 277.7 → 278.
      expect(requiredSampleSize({ marginOfError: 0.05 })).toEqual({ sampleSize: 385 });
      expect(requiredSampleSize({ marginOfError: 0.05, population: 1000 })).toEqual({ sampleSize: 278 });
    });

    it('follows the usual table for other margins, shares and levels', () => {
      // z² p(1 − p) ÷ e²: ±3 points at 95 % → 1 067.1 → 1 068; ±1 point → 9 603.6 → 9 604; ±5 at 99 %
      // (z = 2.5758) → 663.49 → 664; p = 0.8 at ±3 points, 99 % → 1 179.5 → 1 180.
      expect(requiredSampleSize({ marginOfError: 0.03 }).sampleSize).toBe(1068);
      expect(requiredSampleSize({ marginOfError: 0.01 }).sampleSize).toBe(9604);
      expect(requiredSampleSize({ marginOfError: 0.05 }, { confidence: 0.99 }).sampleSize).toBe(664);
      expect(requiredSampleSize({ marginOfError: 0.03, proportion: 0.8 }, { confidence: 0.99 }).sampleSize).toBe(1180);
      // Population 10 000 at ±5 points: 384.146 ÷ (1 + 383.146/10 000) = 369.9 → 370.
      expect(requiredSampleSize({ marginOfError: 0.05, population: 10000 }).sampleSize).toBe(370);
    });

    it('accepts decimal strings for the fractions', () => {
      expect(requiredSampleSize({ marginOfError: '0.05', proportion: '0.5' })).toEqual({ sampleSize: 385 });
    });
  });

  describe('edge cases', () => {
    it('never asks for more than the population, nor one more through rounding', () => {
      expect(requiredSampleSize({ marginOfError: 0.001, population: 1 })).toEqual({ sampleSize: 1 });
      expect(requiredSampleSize({ marginOfError: 0.001, population: 50 })).toEqual({ sampleSize: 50 });
      expect(requiredSampleSize({ marginOfError: 5e-324, population: 50 })).toEqual({ sampleSize: 50 });
      // n₀ huge against N: n₀N ÷ (N + n₀ − 1) is N − a hair, or N + a hair in double arithmetic.
      for (const population of [7, 99, 1234, 99991]) {
        expect(requiredSampleSize({ marginOfError: 1e-9, population }).sampleSize).toBe(population);
      }
    });

    it('rounds up small sizes and asks for at least one response', () => {
      // A share of 0.5 at a margin of 0.5: z² p(1 − p) ÷ e² = z² ≈ 3.84 → 4.
      expect(requiredSampleSize({ marginOfError: 0.5 }).sampleSize).toBe(4);
      // Far below 1 (a share near 0): at least one response.
      expect(requiredSampleSize({ marginOfError: 0.5, proportion: 0 }).sampleSize).toBe(1);
      expect(requiredSampleSize({ marginOfError: 0.9, proportion: 0.01, population: 5 }).sampleSize).toBe(1);
    });
  });

  describe('validation', () => {
    it('names a margin, share or population out of range', () => {
      expectMetricError(() => requiredSampleSize({ marginOfError: 0 }), 'INVALID_INPUT', ['marginOfError']);
      expectMetricError(() => requiredSampleSize({ marginOfError: 1 }), 'INVALID_INPUT', ['marginOfError']);
      expectMetricError(
        () => requiredSampleSize({ marginOfError: 5 }),
        'INVALID_INPUT',
        ['marginOfError'],
        'marginOfError must be less than 1 (a fraction: 0.05 is ±5 points)',
      );
      expectMetricError(() => requiredSampleSize({ marginOfError: Number.NaN }), 'INVALID_INPUT', ['marginOfError']);
      expectMetricError(() => requiredSampleSize({ marginOfError: 0.05, proportion: 1.2 }), 'INVALID_INPUT', [
        'proportion',
      ]);
      expectMetricError(() => requiredSampleSize({ marginOfError: 0.05, proportion: -0.1 }), 'INVALID_INPUT', [
        'proportion',
      ]);
      expectMetricError(() => requiredSampleSize({ marginOfError: 0.05, population: 0 }), 'INVALID_INPUT', [
        'population',
      ]);
      expectMetricError(() => requiredSampleSize({ marginOfError: 0.05, population: 10.5 }), 'INVALID_INPUT', [
        'population',
      ]);
      expectMetricError(() => requiredSampleSize({ marginOfError: 5e-324 }), 'INVALID_INPUT', ['marginOfError']);
      expectMetricError(() => requiredSampleSize({} as never), 'INVALID_INPUT', ['marginOfError']);
      expectMetricError(() => requiredSampleSize({ marginOfError: 0.05, metric: 'nps' } as never), 'INVALID_INPUT', []);
    });

    it('checks the confidence and refuses an unknown option', () => {
      expectMetricError(() => requiredSampleSize({ marginOfError: 0.05 }, { confidence: 0 }), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectUnknownOptionRefused(
        'requiredSampleSize',
        () => requiredSampleSize({ marginOfError: 0.05 }, { power: 0.8 } as never),
        'power',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen input unchanged', () => {
      const input = Object.freeze({ marginOfError: 0.05, population: 1000 });
      expect(requiredSampleSize(input).sampleSize).toBe(278);
      expect(input).toEqual({ marginOfError: 0.05, population: 1000 });
    });
  });
});
