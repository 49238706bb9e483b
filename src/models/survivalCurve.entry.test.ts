import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { survivalCurve } from './survivalCurve.js';

describe('survivalCurve', () => {
  describe('late entry', () => {
    it('counts a customer at risk only at times t with entry < t ≤ duration', () => {
      // Worked by hand, as R's survfit(Surv(entry, duration, churned) ~ 1) counts the risk sets:
      // t = 1: D and A at risk (B enters at 2, C at 3, E at 4): 1 − 1/2 = 0.5.
      // t = 4: A, B, C (E enters at 4, not at risk at 4): 0.5 × 2/3.
      // t = 5: A, C, E: × 2/3. t = 6: C censored among C, E. t = 7: E alone churns: 0.
      const curve = survivalCurve({
        observations: [
          { duration: 5, churned: true },
          { duration: 4, churned: true, entry: 2 },
          { duration: 6, churned: false, entry: 3 },
          { duration: 1, churned: true, entry: 0 },
          { duration: 7, churned: true, entry: 4 },
        ],
      });
      expect(curve.points.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
        [1, 2, 1, 0],
        [4, 3, 1, 0],
        [5, 3, 1, 0],
        [6, 2, 0, 1],
        [7, 1, 1, 0],
      ]);
      expect(curve.points[0]?.survival).toBe(0.5);
      expect(curve.points[1]?.survival).toBeCloseTo(1 / 3, 15);
      expect(curve.points[2]?.survival).toBeCloseTo(2 / 9, 15);
      expect(curve.points[4]?.survival).toBe(0);
      expect([curve.observations, curve.events, curve.censored]).toEqual([5, 4, 1]);
    });

    it('leaves out a customer whose entry equals its duration: it is never at risk', () => {
      const curve = survivalCurve({
        observations: [
          { duration: 2, churned: true },
          { duration: 3, churned: true, entry: 3 },
          { duration: 4, churned: false },
        ],
      });
      expect(curve.points.map((p) => [p.time, p.atRisk, p.events])).toEqual([
        [2, 2, 1],
        [4, 1, 0],
      ]);
      expect(curve.observations).toBe(2);
    });

    it('treats entry 0 as no entry, durations of 0 included', () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ duration: fc.integer({ min: 0, max: 20 }), churned: fc.boolean() }), {
            minLength: 1,
            maxLength: 60,
          }),
          (data) => {
            const withEntry = data.map((o) => ({ ...o, entry: 0 }));
            expect(survivalCurve({ observations: withEntry })).toEqual(survivalCurve({ observations: data }));
          },
        ),
      );
    });

    it('accepts attributes on an observation and ignores them', () => {
      const plain = survivalCurve({ observations: [{ duration: 2, churned: true }] });
      const tagged = survivalCurve({ observations: [{ duration: 2, churned: true, attributes: { plan: 'pro' } }] });
      expect(tagged).toEqual(plain);
    });

    it('refuses an entry after the duration, or one that is not a time, naming it', () => {
      expectMetricError(
        () =>
          survivalCurve({
            observations: [
              { duration: 1, churned: true },
              { duration: 2, churned: true, entry: 3 },
            ],
          }),
        'INVALID_INPUT',
        ['observations', 1, 'entry'],
        'must not be after duration (2)',
      );
      for (const entry of [-1, Number.NaN, Number.POSITIVE_INFINITY, '1']) {
        expectMetricError(
          () => survivalCurve({ observations: [{ duration: 2, churned: true, entry: entry as number }] }),
          'INVALID_INPUT',
          ['observations', 0, 'entry'],
        );
      }
      expectMetricError(
        () =>
          survivalCurve({
            observations: [
              { duration: 2, churned: true, attributes: { plan: 3 } as unknown as Record<string, string> },
            ],
          }),
        'INVALID_INPUT',
        ['observations', 0, 'attributes', 'plan'],
      );
    });
  });
});
