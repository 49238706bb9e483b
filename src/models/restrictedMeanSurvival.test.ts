import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { restrictedMeanSurvival } from './restrictedMeanSurvival.js';

const five = [
  { duration: 1, churned: true },
  { duration: 2, churned: false },
  { duration: 3, churned: true },
  { duration: 3, churned: true },
  { duration: 5, churned: false },
];

describe('restrictedMeanSurvival', () => {
  describe('worked examples', () => {
    it('integrates the Kaplan–Meier curve to the horizon, with R’s rmean variance, by hand', () => {
      // Ŝ = 1 on [0, 1), 0.8 on [1, 3), 4/15 on [3, 4]: area 1 + 1.6 + 4/15 = 43/15.
      // A(1) = 1.6 + 4/15 = 28/15, term 1/(5·4); A(3) = 4/15, term 2/(3·1).
      const result = restrictedMeanSurvival({ observations: five }, { horizon: 4 });
      expect(result.mean).toBeCloseTo(43 / 15, 14);
      const variance = (28 / 15) ** 2 / 20 + ((4 / 15) ** 2 * 2) / 3;
      expect(result.standardError).toBeCloseTo(Math.sqrt(variance), 14);
      const z = 1.959963984540054;
      expect(result.interval.low).toBeCloseTo(43 / 15 - z * Math.sqrt(variance), 12);
      expect(result.interval.high).toBeCloseTo(43 / 15 + z * Math.sqrt(variance), 12);
      expect(result.confidence).toBe(0.95);
    });

    it('matches R print.survfit(rmean = 730) on the lung data’s single ph.ecog = 3 patient: 118, se 0', () => {
      // survival package, tests/Examples/survival-Ex.Rout.save: "ph.ecog=3   1   1   118   0.0".
      const result = restrictedMeanSurvival({ observations: [{ duration: 118, churned: true }] }, { horizon: 730 });
      expect(result).toEqual({ mean: 118, standardError: 0, interval: { low: 118, high: 118 }, confidence: 0.95 });
    });

    it('extends the curve flat after the last observation', () => {
      const result = restrictedMeanSurvival({ observations: five }, { horizon: 10 });
      expect(result.mean).toBeCloseTo(1 + 1.6 + (4 / 15) * 7, 14);
    });

    it('honours late entry', () => {
      // At t = 2 only the first customer is at risk (the second enters at 3): Ŝ falls to 0 at 2.
      const result = restrictedMeanSurvival(
        {
          observations: [
            { duration: 2, churned: true },
            { duration: 5, churned: true, entry: 3 },
          ],
        },
        { horizon: 6 },
      );
      expect(result.mean).toBe(2);
    });
  });

  describe('edge cases', () => {
    it('is the horizon, with no spread, when nobody churned before it', () => {
      const result = restrictedMeanSurvival({ observations: five }, { horizon: 0.5 });
      expect(result).toEqual({ mean: 0.5, standardError: 0, interval: { low: 0.5, high: 0.5 }, confidence: 0.95 });
      const none = restrictedMeanSurvival({ observations: [{ duration: 3, churned: false }] }, { horizon: 12 });
      expect(none.mean).toBe(12);
    });

    it('is the common time when everyone churns at once', () => {
      const result = restrictedMeanSurvival(
        {
          observations: [
            { duration: 3, churned: true },
            { duration: 3, churned: true },
          ],
        },
        { horizon: 5 },
      );
      expect(result).toEqual({ mean: 3, standardError: 0, interval: { low: 3, high: 3 }, confidence: 0.95 });
    });

    it('keeps the interval within [0, horizon]', () => {
      const result = restrictedMeanSurvival(
        {
          observations: [
            { duration: 0.1, churned: true },
            { duration: 9, churned: false },
          ],
        },
        { horizon: 10, confidence: 0.999 },
      );
      expect(result.interval.low).toBeGreaterThanOrEqual(0);
      expect(result.interval.high).toBeLessThanOrEqual(10);
    });
  });

  describe('validation', () => {
    it('refuses a horizon ≤ 0, missing or not finite, naming it', () => {
      for (const horizon of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '4']) {
        expectMetricError(
          () => restrictedMeanSurvival({ observations: five }, { horizon: horizon as number }),
          'INVALID_INPUT',
          ['horizon'],
        );
      }
      expectMetricError(() => restrictedMeanSurvival({ observations: five }, {} as never), 'INVALID_INPUT', [
        'horizon',
      ]);
      expectMetricError(() => restrictedMeanSurvival({ observations: five }, undefined as never), 'INVALID_INPUT', [
        'horizon',
      ]);
    });

    it('names the observation that fails, and refuses a bad confidence', () => {
      expectMetricError(
        () => restrictedMeanSurvival({ observations: [{ duration: 1, churned: 'yes' }] } as never, { horizon: 1 }),
        'INVALID_INPUT',
        ['observations', 0, 'churned'],
      );
      expectMetricError(
        () => restrictedMeanSurvival({ observations: five }, { horizon: 1, confidence: 0 }),
        'INVALID_INPUT',
        ['confidence'],
      );
    });

    it('reports NO_DATA without observations', () => {
      expectMetricError(() => restrictedMeanSurvival({ observations: [] }, { horizon: 1 }), 'NO_DATA', [
        'observations',
      ]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the observations as they were', () => {
      const input = { observations: structuredClone(five) };
      restrictedMeanSurvival(input, { horizon: 4 });
      expect(input.observations).toEqual(five);
    });
  });
});
