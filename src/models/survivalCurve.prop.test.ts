import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SurvivalObservation, type SurvivalTableRow, survivalCurve } from './survivalCurve.js';

const observation = fc.record({
  duration: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 100, noNaN: true })),
  churned: fc.boolean(),
});
const observations = fc.array(observation, { minLength: 1, maxLength: 200 });
const interval = fc.constantFrom('log-log' as const, 'log' as const, 'linear' as const);
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });

/** The estimate by its definition: at each distinct churn time, 1 − (churns at t)/(observed for at least t). */
function byDefinition(data: readonly SurvivalObservation[], time: number): number {
  const churnTimes = [...new Set(data.filter((o) => o.churned).map((o) => o.duration))].sort((a, b) => a - b);
  let survival = 1;
  for (const t of churnTimes) {
    if (t > time) break;
    const atRisk = data.filter((o) => o.duration >= t).length;
    const churned = data.filter((o) => o.churned && o.duration === t).length;
    survival *= 1 - churned / atRisk;
  }
  return survival;
}

describe('survivalCurve properties', () => {
  it('follows the product-limit definition, steps down only at churns, within [0, 1]', () => {
    fc.assert(
      fc.property(observations, (data) => {
        const result = survivalCurve({ observations: data });
        let previous = 1;
        let atRisk = data.length;
        for (const point of result.points) {
          expect(point.atRisk).toBe(atRisk);
          expect(point.events + point.censored).toBeGreaterThan(0);
          expect(point.survival).toBeLessThanOrEqual(previous);
          if (point.events === 0) expect(point.survival).toBe(previous);
          expect(point.survival).toBeGreaterThanOrEqual(0);
          expect(Math.abs(point.survival - byDefinition(data, point.time))).toBeLessThan(1e-12);
          previous = point.survival;
          atRisk -= point.events + point.censored;
        }
        expect(atRisk).toBe(0);
        expect(result.events + result.censored).toBe(data.length);
      }),
    );
  });

  it('the band contains the estimate and stays within [0, 1], and widens with the confidence level', () => {
    fc.assert(
      fc.property(observations, interval, confidence, (data, kind, level) => {
        const narrow = survivalCurve({ observations: data }, { interval: kind, confidence: level });
        const wide = survivalCurve(
          { observations: data },
          { interval: kind, confidence: Math.min(0.9999, level + 0.05) },
        );
        narrow.points.forEach((point, index) => {
          expect(point.low).toBeGreaterThanOrEqual(0);
          expect(point.high).toBeLessThanOrEqual(1);
          expect(point.low).toBeLessThanOrEqual(point.survival + 1e-15);
          expect(point.high).toBeGreaterThanOrEqual(point.survival - 1e-15);
          expect(point.standardError).toBeGreaterThanOrEqual(0);
          const other = wide.points[index];
          expect(other?.low).toBeLessThanOrEqual(point.low + 1e-15);
          expect(other?.high).toBeGreaterThanOrEqual(point.high - 1e-15);
        });
      }),
    );
  });

  it('does not depend on the order of the observations or on the form of the input', () => {
    fc.assert(
      fc.property(observations, fc.integer(), (data, seed) => {
        const expected = survivalCurve({ observations: data });
        const shuffled = data
          .map((o, i) => ({ o, key: Math.sin(seed + i * 7919) }))
          .sort((p, q) => p.key - q.key)
          .map(({ o }) => o);
        expect(survivalCurve({ observations: shuffled })).toEqual(expected);
        expect(
          survivalCurve({
            durations: Float64Array.from(data, (o) => o.duration),
            churned: Uint8Array.from(data, (o) => (o.churned ? 1 : 0)),
          }),
        ).toEqual(expected);
      }),
    );
  });

  it('merging per-shard tables gives the curve of all the observations', () => {
    const tableOf = (data: readonly SurvivalObservation[]): SurvivalTableRow[] => {
      const rows = new Map<number, { events: number; censored: number }>();
      for (const o of data) {
        const row = rows.get(o.duration) ?? { events: 0, censored: 0 };
        if (o.churned) row.events++;
        else row.censored++;
        rows.set(o.duration, row);
      }
      return [...rows].map(([time, counts]) => ({ time, ...counts }));
    };
    fc.assert(
      fc.property(observations, observations, (left, right) => {
        const merged = [...tableOf(left), ...tableOf(right)];
        expect(survivalCurve({ table: merged })).toEqual(survivalCurve({ observations: [...left, ...right] }));
      }),
    );
  });

  it('the median is a time of the curve (or the middle of two) at which it has fallen to 0.5', () => {
    fc.assert(
      fc.property(observations, (data) => {
        const result = survivalCurve({ observations: data });
        const first = result.points.find((point) => point.survival <= 0.5 + 1.5e-8);
        if (first === undefined) {
          expect(result.median).toEqual({ reached: false });
          return;
        }
        expect(result.median.reached).toBe(true);
        if (!result.median.reached) return;
        expect(result.median.time).toBeGreaterThanOrEqual(first.time);
        const firstOnly = survivalCurve({ observations: data }, { medianRule: 'first' }).median;
        expect(firstOnly).toEqual({ reached: true, time: first.time });
        if (Math.abs(first.survival - 0.5) >= 1.5e-8) expect(result.median.time).toBe(first.time);
      }),
    );
  });
});
