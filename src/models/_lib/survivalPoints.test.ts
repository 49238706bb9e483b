import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { survivalAtTime } from './survivalPoints.js';

describe('survivalAtTime', () => {
  const points = [
    { time: 0, survival: 0.9, atRisk: 10, events: 1, censored: 0, standardError: 0.09, low: 0.5, high: 0.99 },
    { time: 2, survival: 0.45 },
  ];

  it('reads the step function after checking every point', () => {
    expect(survivalAtTime('m', points, 1, ['points'])).toBe(0.9);
    expect(survivalAtTime('m', points, 2, ['points'])).toBe(0.45);
    expect(() => survivalAtTime('m', [...points, { time: 1, survival: 0.4 }], 0, ['points'])).toThrow(
      'm: points[2].time must be later than the time of the point before (2)',
    );
  });

  it('names each invalid field of a curve point', () => {
    for (const [field, value] of [
      ['standardError', -1],
      ['low', 2],
      ['high', Number.NaN],
      ['events', 1.5],
      ['censored', '1'],
    ] as const) {
      const error = catchMetricError(() => survivalAtTime('m', [{ time: 0, survival: 1, [field]: value }], 0, ['p']));
      expect(error.issues[0]?.path).toEqual(['p', 0, field]);
    }
    expect(catchMetricError(() => survivalAtTime('m', [null], 0, ['p'])).issues[0]?.path).toEqual(['p', 0]);
  });

  it('checks and uses the same read of each point and field', () => {
    // Each field may be read once: a second read gives a time of NaN or a survival of 2, which a check on
    // one read and use of another would let through.
    const reads = new Map<string, number>();
    const changing = (name: string, time: number, survival: number) => {
      const out = {};
      for (const [key, value, later] of [
        ['time', time, Number.NaN],
        ['survival', survival, 2],
      ] as const) {
        Object.defineProperty(out, key, {
          enumerable: true,
          get() {
            const count = (reads.get(`${name}.${key}`) ?? 0) + 1;
            reads.set(`${name}.${key}`, count);
            return count === 1 ? value : later;
          },
        });
      }
      return out;
    };
    const hostile = [changing('a', 0, 0.9), changing('b', 2, 0.45)];
    expect(survivalAtTime('m', hostile, 5, ['points'])).toBe(0.45);
    expect([...reads.values()]).toEqual([1, 1, 1, 1]);
  });
});
