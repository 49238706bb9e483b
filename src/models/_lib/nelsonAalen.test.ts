import { describe, expect, it } from 'vitest';
import { nelsonAalenColumns, nelsonAalenPoints } from './nelsonAalen.js';
import { readObservations } from './observations.js';

const read = (durations: number[]) =>
  readObservations(
    'm',
    durations.map((d) => ({ duration: Math.abs(d), churned: d > 0 })),
    [],
  );

const Z = 1.959963984540054;

describe('nelsonAalenPoints', () => {
  it('adds d/Y and d/Y² at each churn time and keeps them over censorings', () => {
    // t = 1: Y = 4, d = 1; t = 2: censored; t = 3: Y = 2, d = 2.
    const points = nelsonAalenPoints(read([1, -2, 3, 3]), Z);
    expect(points.map((p) => [p.time, p.atRisk, p.events])).toEqual([
      [1, 4, 1],
      [2, 3, 0],
      [3, 2, 2],
    ]);
    expect(points[1]).toEqual({ ...points[0], time: 2, atRisk: 3, events: 0 });
    expect(points[2]?.cumulativeHazard).toBe(0.25 + 1);
    expect(points[2]?.standardError).toBe(Math.sqrt(1 / 16 + 2 / 4));
    const widen = Math.exp((Z * Math.sqrt(1 / 16 + 2 / 4)) / 1.25);
    expect(points[2]?.low).toBe(1.25 / widen);
    expect(points[2]?.high).toBe(1.25 * widen);
  });

  it('keeps the band at [0, 0] before the first churn', () => {
    expect(nelsonAalenPoints(read([-1, 2]), Z)[0]).toEqual({
      time: 1,
      atRisk: 2,
      events: 0,
      cumulativeHazard: 0,
      standardError: 0,
      low: 0,
      high: 0,
    });
  });
});

describe('nelsonAalenColumns', () => {
  it('holds the points’ numbers, one exact-length column per field', () => {
    const sample = read([5, -5, 2, 2, -7, 1, 5]);
    const points = nelsonAalenPoints(sample, Z);
    const columns = nelsonAalenColumns(sample, Z);
    expect(points).toHaveLength(4);
    for (const [field, column] of Object.entries(columns)) {
      expect(column.length).toBe(4);
      expect(column.buffer.byteLength).toBe(32);
      expect([...column]).toEqual(points.map((p) => p[field as keyof (typeof points)[number]]));
    }
  });

  it('is empty for an empty sample', () => {
    expect(nelsonAalenColumns(read([]), Z).time).toEqual(new Float64Array(0));
  });
});
