import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { survivalAt } from './survivalAt.js';
import { survivalCurve } from './survivalCurve.js';

const points = [
  { time: 1, survival: 0.8 },
  { time: 3, survival: 0.5 },
];

describe('survivalAt', () => {
  describe('worked examples', () => {
    it('reads the step function: 1 before the first point, the last point at or before the time after', () => {
      expect([0, 0.999, 1, 2.5, 3, 100].map((time) => survivalAt({ points }, { time }))).toEqual([
        1, 1, 0.8, 0.8, 0.5, 0.5,
      ]);
    });

    it('reads the points of survivalCurve as they are', () => {
      const curve = survivalCurve({ durations: [1, 2, 3, 3, 5], churned: [1, 0, 1, 1, 0] });
      expect(survivalAt({ points: curve.points }, { time: 4 })).toBe(curve.points[2]?.survival);
      expect(survivalAt({ points: curve.points }, { time: 2 })).toBe(0.8);
    });
  });

  describe('edge cases', () => {
    it('takes a curve that starts at time 0 and falls to 0', () => {
      const steep = [
        { time: 0, survival: 0.5 },
        { time: 2, survival: 0 },
      ];
      expect(survivalAt({ points: steep }, { time: 0 })).toBe(0.5);
      expect(survivalAt({ points: steep }, { time: 2 })).toBe(0);
    });
  });

  describe('validation', () => {
    it('checks and uses the same read of each point: fields that change on a second read change nothing', () => {
      const reads = new Map<string, number>();
      const points = changingOnReread(
        [
          { time: 1, survival: 0.8 },
          { time: 3, survival: 0.5 },
        ],
        reads,
      );
      expect(survivalAt({ points } as never, { time: 2 })).toBe(0.8);
      expect([...reads.values()].every((count) => count === 1)).toBe(true);
    });

    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'survivalAt',
        () => survivalAt({ points: [{ time: 1, survival: 0.5 }] }, { time: 1, at: 2 } as never),
        'at',
      );
    });

    it('names the point and the option', () => {
      expectMetricError(() => survivalAt({ points: [] }, { time: 1 }), 'NO_DATA', ['points']);
      expectMetricError(() => survivalAt({ points: [{ time: 1, survival: 1.5 }] }, { time: 1 }), 'INVALID_INPUT', [
        'points',
        0,
        'survival',
      ]);
      expectMetricError(
        () => survivalAt({ points: [{ time: 1, survival: 0.5, atRisk: -1 }] as never }, { time: 1 }),
        'INVALID_INPUT',
        ['points', 0, 'atRisk'],
      );
      expectMetricError(
        () => survivalAt({ points: [{ time: 1, survival: 0.5, other: 1 }] as never }, { time: 1 }),
        'INVALID_INPUT',
        ['points', 0],
      );
      expectMetricError(
        () => survivalAt({ points: [...points, { time: 3, survival: 0.4 }] }, { time: 1 }),
        'INVALID_INPUT',
        ['points', 2, 'time'],
      );
      expectMetricError(
        () => survivalAt({ points: [...points, { time: 4, survival: 0.6 }] }, { time: 1 }),
        'INVALID_INPUT',
        ['points', 2, 'survival'],
      );
      expectMetricError(() => survivalAt({ points }, { time: -1 }), 'INVALID_INPUT', ['time']);
      expectMetricError(() => survivalAt({ points }, {} as never), 'INVALID_INPUT', ['time']);
      expectMetricError(() => survivalAt({ points: 1 } as never, { time: 1 }), 'INVALID_INPUT', ['points']);
    });
  });

  it('does not mutate input', () => {
    const input = { points: structuredClone(points) };
    survivalAt(input, { time: 2 });
    expect(input).toEqual({ points });
  });
});
