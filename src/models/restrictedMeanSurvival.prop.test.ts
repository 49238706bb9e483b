import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restrictedMeanSurvival } from './restrictedMeanSurvival.js';
import { survivalCurve } from './survivalCurve.js';

const observation = fc.record({
  duration: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 30, noNaN: true })),
  churned: fc.boolean(),
});
const observations = fc.array(observation, { minLength: 1, maxLength: 100 });
const horizon = fc.double({ min: 0.01, max: 40, noNaN: true });

describe('restrictedMeanSurvival properties', () => {
  it('lies in [0, horizon], its interval around it, and equals the area under survivalCurve', () => {
    fc.assert(
      fc.property(observations, horizon, (data, tau) => {
        const result = restrictedMeanSurvival({ observations: data }, { horizon: tau });
        expect(result.mean).toBeGreaterThanOrEqual(0);
        expect(result.mean).toBeLessThanOrEqual(tau);
        expect(result.interval.low).toBeLessThanOrEqual(result.mean);
        expect(result.interval.high).toBeGreaterThanOrEqual(result.mean);
        expect(result.interval.high).toBeLessThanOrEqual(tau);
        expect(Number.isFinite(result.standardError)).toBe(true);
        // The area by the curve's own steps.
        let area = 0;
        let last = 0;
        let survival = 1;
        for (const point of survivalCurve({ observations: data }).points) {
          if (point.time > tau) break;
          area += survival * (point.time - last);
          last = point.time;
          survival = point.survival;
        }
        area += survival * (tau - last);
        expect(Math.abs(result.mean - area)).toBeLessThan(1e-9 * Math.max(1, tau));
      }),
    );
  });

  it('gives the same answer with entry 0 everywhere as without entry', () => {
    fc.assert(
      fc.property(observations, horizon, (data, tau) => {
        const zero = data.map((o) => ({ ...o, entry: 0 }));
        expect(restrictedMeanSurvival({ observations: zero }, { horizon: tau })).toEqual(
          restrictedMeanSurvival({ observations: data }, { horizon: tau }),
        );
      }),
    );
  });
});
