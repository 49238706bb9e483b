import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeHazard } from './cumulativeHazard.js';

const observation = fc
  .record({
    duration: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 50, noNaN: true })),
    churned: fc.boolean(),
    late: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ duration, churned, late }) => ({ duration, churned, entry: duration * late }));
const observations = fc.array(observation, { minLength: 1, maxLength: 120 });

describe('cumulativeHazard properties', () => {
  it('never decreases, keeps the band around the estimate, and stays finite', () => {
    fc.assert(
      fc.property(observations, (data) => {
        let result: ReturnType<typeof cumulativeHazard>;
        try {
          result = cumulativeHazard({ observations: data });
        } catch {
          // Every customer left out (entry = duration > 0): NO_DATA, checked in the unit tests.
          return;
        }
        let previous = 0;
        let previousTime = Number.NEGATIVE_INFINITY;
        for (const point of result.points) {
          expect(point.time).toBeGreaterThan(previousTime);
          expect(point.cumulativeHazard).toBeGreaterThanOrEqual(previous);
          expect(point.low).toBeLessThanOrEqual(point.cumulativeHazard);
          expect(point.high).toBeGreaterThanOrEqual(point.cumulativeHazard);
          expect(Number.isFinite(point.high)).toBe(true);
          expect(point.atRisk).toBeGreaterThanOrEqual(point.events);
          previous = point.cumulativeHazard;
          previousTime = point.time;
        }
      }),
    );
  });

  it('gives the same points with entry 0 everywhere as without entry', () => {
    fc.assert(
      fc.property(observations, (data) => {
        const plain = data.map(({ duration, churned }) => ({ duration, churned }));
        const zero = plain.map((o) => ({ ...o, entry: 0 }));
        expect(cumulativeHazard({ observations: zero })).toEqual(cumulativeHazard({ observations: plain }));
      }),
    );
  });

  it('gives in columns exactly the numbers of the records, field by field', () => {
    fc.assert(
      fc.property(observations, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (data, confidence) => {
        let records: ReturnType<typeof cumulativeHazard>['points'];
        try {
          records = cumulativeHazard({ observations: data }, { confidence }).points;
        } catch {
          expect(() => cumulativeHazard({ observations: data }, { confidence, columns: true })).toThrow();
          return;
        }
        const columns = cumulativeHazard({ observations: data }, { confidence, columns: true }).points;
        for (const [field, column] of Object.entries(columns)) {
          expect(column).toBeInstanceOf(Float64Array);
          expect(column).toHaveLength(records.length);
          column.forEach((value: number, k: number) => {
            expect(Object.is(value, records[k]?.[field as keyof (typeof records)[number]])).toBe(true);
          });
        }
      }),
    );
  });
});
