import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMeans } from './compareMeans.js';

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const group = fc.array(value, { minLength: 2, maxLength: 40 });
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

function summary(values: readonly number[]): { count: number; mean: number; standardDeviation: number } {
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  const squares = values.reduce((sum, x) => sum + (x - mean) ** 2, 0);
  return { count: values.length, mean, standardDeviation: Math.sqrt(squares / (values.length - 1)) };
}

/**
 * Whether a group's spread is so small against its values that a standard deviation computed in double
 * precision keeps fewer than six digits (each value carries a rounding error of about 1e-16 of itself).
 */
function illConditioned(values: readonly number[]): boolean {
  const { standardDeviation } = summary(values);
  const largest = values.reduce((most, x) => Math.max(most, Math.abs(x)), 0);
  return standardDeviation > 0 && standardDeviation < 1e-7 * largest;
}

describe('compareMeans properties', () => {
  it('is antisymmetric: swapping the groups negates the difference and t and keeps p', () => {
    fc.assert(
      fc.property(group, group, level, (a, b, confidence) => {
        const forward = compareMeans({ a: { values: a }, b: { values: b } }, { confidence });
        const backward = compareMeans({ a: { values: b }, b: { values: a } }, { confidence });
        expect(backward.difference).toBe(-forward.difference + 0);
        expect(backward.t).toBe(forward.t === null ? null : -forward.t + 0);
        expect(backward.pValue).toBe(forward.pValue);
        expect(backward.degreesOfFreedom).toBe(forward.degreesOfFreedom);
        expect(backward.significant).toBe(forward.significant);
      }),
    );
  });

  it('has a p-value in [0, 1], an interval around the difference, and agrees with it', () => {
    fc.assert(
      fc.property(group, group, level, (a, b, confidence) => {
        const result = compareMeans({ a: { values: a }, b: { values: b } }, { confidence });
        expect(result.interval.low).toBeLessThanOrEqual(result.difference);
        expect(result.interval.high).toBeGreaterThanOrEqual(result.difference);
        if (result.pValue === null) {
          expect(result.standardError).toBe(0);
          return;
        }
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
        const df = result.degreesOfFreedom ?? 0;
        expect(df).toBeGreaterThanOrEqual(Math.min(a.length, b.length) - 1 - 1e-9);
        expect(df).toBeLessThanOrEqual(a.length + b.length - 2 + 1e-9);
        // Significant exactly when the interval leaves out 0 (up to rounding at the boundary).
        const excludesZero = result.interval.low > 0 || result.interval.high < 0;
        const margin = Math.abs((result.pValue - (1 - confidence)) / (1 - confidence));
        if (margin > 1e-6) expect(result.significant).toBe(excludesZero);
      }),
    );
  });

  it('gives the same answer from summaries as from the values', () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const fromValues = compareMeans({ a: { values: a }, b: { values: b } });
        const fromSummaries = compareMeans({ a: summary(a), b: summary(b) });
        if (fromValues.pValue === null || fromSummaries.pValue === null) return;
        // The summaries are computed here naively: where that loses digits, only the values are exact.
        if (illConditioned(a) || illConditioned(b)) return;
        const scale = Math.max(1e-300, fromValues.standardError);
        expect(Math.abs(fromSummaries.difference - fromValues.difference) / scale).toBeLessThan(1e-6);
        expect(fromSummaries.standardError / scale).toBeCloseTo(1, 6);
        expect(fromSummaries.pValue).toBeCloseTo(fromValues.pValue, 6);
      }),
    );
  });
});
