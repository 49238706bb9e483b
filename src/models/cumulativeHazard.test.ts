import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { cumulativeHazard } from './cumulativeHazard.js';
import { survivalCurve } from './survivalCurve.js';

const five = [
  { duration: 1, churned: true },
  { duration: 2, churned: false },
  { duration: 3, churned: true },
  { duration: 3, churned: true },
  { duration: 5, churned: false },
];

describe('cumulativeHazard', () => {
  describe('worked examples', () => {
    it('sums d/Y and d/Y² by hand, with the log band', () => {
      // t = 1: 1/5; t = 3: + 2/3. Variance 1/25, then + 2/9.
      const { points } = cumulativeHazard({ observations: five });
      expect(points.map((p) => [p.time, p.atRisk, p.events])).toEqual([
        [1, 5, 1],
        [2, 4, 0],
        [3, 3, 2],
        [5, 1, 0],
      ]);
      expect(points[0]?.cumulativeHazard).toBe(0.2);
      expect(points[2]?.cumulativeHazard).toBeCloseTo(0.2 + 2 / 3, 15);
      expect(points[2]?.standardError).toBeCloseTo(Math.sqrt(1 / 25 + 2 / 9), 15);
      const h = 0.2 + 2 / 3;
      const widen = Math.exp((1.959963984540054 * Math.sqrt(1 / 25 + 2 / 9)) / h);
      expect(points[2]?.low).toBeCloseTo(h / widen, 13);
      expect(points[2]?.high).toBeCloseTo(h * widen, 13);
      expect(points[3]).toEqual({ ...points[2], time: 5, atRisk: 1, events: 0 });
    });

    it('matches R survfit’s cumhaz and std.chaz on the AML data (maintained group)', () => {
      // survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Maintained")): n.risk 11 10 8 7 5 4 3 2 1
      // at 9 13 13+ 18 23 28+ 31 34 45+ 48 161+; cumhaz = Σ d/n, std.chaz = √Σ d/n².
      const aml = [9, 13, -13, 18, 23, -28, 31, 34, -45, 48, -161].map((d) => ({
        duration: Math.abs(d),
        churned: d > 0,
      }));
      const { points } = cumulativeHazard({ observations: aml });
      const at = (time: number) => points.find((p) => p.time === time);
      expect(at(9)?.cumulativeHazard).toBeCloseTo(1 / 11, 14);
      expect(at(18)?.cumulativeHazard).toBeCloseTo(1 / 11 + 1 / 10 + 1 / 8, 14);
      expect(at(48)?.cumulativeHazard).toBeCloseTo(1 / 11 + 1 / 10 + 1 / 8 + 1 / 7 + 1 / 5 + 1 / 4 + 1 / 2, 14);
      expect(at(48)?.standardError).toBeCloseTo(
        Math.sqrt(1 / 121 + 1 / 100 + 1 / 64 + 1 / 49 + 1 / 25 + 1 / 16 + 1 / 4),
        14,
      );
    });

    it('honours late entry: the risk sets are those of survivalCurve', () => {
      const observations = [
        { duration: 5, churned: true },
        { duration: 4, churned: true, entry: 2 },
        { duration: 6, churned: false, entry: 3 },
        { duration: 1, churned: true },
        { duration: 7, churned: true, entry: 4 },
      ];
      const hazard = cumulativeHazard({ observations }).points;
      const curve = survivalCurve({ observations }).points;
      expect(hazard.map((p) => p.atRisk)).toEqual(curve.map((p) => p.atRisk));
      expect(hazard[0]?.cumulativeHazard).toBe(0.5);
      expect(hazard[4]?.cumulativeHazard).toBeCloseTo(0.5 + 1 / 3 + 1 / 3 + 1, 14);
    });
  });

  describe('edge cases', () => {
    it('is 0 with a band [0, 0] when nobody churned', () => {
      const { points } = cumulativeHazard({ observations: [{ duration: 2, churned: false }] });
      expect(points).toEqual([
        { time: 2, atRisk: 1, events: 0, cumulativeHazard: 0, standardError: 0, low: 0, high: 0 },
      ]);
    });

    it('stays finite when everyone churns at one time', () => {
      const { points } = cumulativeHazard({
        observations: [
          { duration: 3, churned: true },
          { duration: 3, churned: true },
        ],
      });
      expect(points).toHaveLength(1);
      expect(points[0]?.cumulativeHazard).toBe(1);
      expect(points[0]?.standardError).toBeCloseTo(Math.SQRT1_2, 15);
      expect(Number.isFinite(points[0]?.high)).toBe(true);
    });

    it('widens the band with the confidence level', () => {
      const narrow = cumulativeHazard({ observations: five }, { confidence: 0.8 }).points[2];
      const wide = cumulativeHazard({ observations: five }, { confidence: 0.99 }).points[2];
      expect(wide?.low).toBeLessThan(narrow?.low as number);
      expect(wide?.high).toBeGreaterThan(narrow?.high as number);
    });
  });

  describe('columns', () => {
    it('returns the points as one Float64Array per field, the records’ numbers', () => {
      const { points } = cumulativeHazard({ observations: five }, { columns: true });
      const records = cumulativeHazard({ observations: five }).points;
      expect(Object.keys(points)).toEqual(Object.keys(records[0] as object));
      expect(points.time).toEqual(new Float64Array([1, 2, 3, 5]));
      expect(points.atRisk).toEqual(new Float64Array([5, 4, 3, 1]));
      expect(points.events).toEqual(new Float64Array([1, 0, 2, 0]));
      for (const field of Object.keys(records[0] as object) as (keyof typeof points)[]) {
        expect(points[field]).toBeInstanceOf(Float64Array);
        expect([...points[field]]).toEqual(records.map((point) => point[field]));
      }
    });

    it('sizes every column to the points, ties and late entries included', () => {
      const observations = [
        { duration: 4, churned: true },
        { duration: 4, churned: false },
        { duration: 4, churned: true, entry: 1 },
        { duration: 9, churned: false, entry: 4 },
      ];
      const { points } = cumulativeHazard({ observations }, { columns: true, confidence: 0.9 });
      expect([...points.time]).toEqual([4, 9]);
      expect(points.high.length).toBe(2);
      expect(points.time.buffer.byteLength).toBe(16);
      expect(points.high[1]).toBe(cumulativeHazard({ observations }, { confidence: 0.9 }).points[1]?.high);
    });

    it('keeps the records with columns: false, and refuses a columns that is not a boolean', () => {
      expect(cumulativeHazard({ observations: five }, { columns: false })).toEqual(
        cumulativeHazard({ observations: five }),
      );
      expectMetricError(() => cumulativeHazard({ observations: five }, { columns: 1 } as never), 'INVALID_INPUT', [
        'columns',
      ]);
      expectMetricError(() => cumulativeHazard({ observations: [] }, { columns: true }), 'NO_DATA', ['observations']);
    });
  });

  describe('validation', () => {
    it('names the observation that fails', () => {
      expectMetricError(
        () => cumulativeHazard({ observations: [{ duration: Number.NaN, churned: true }] }),
        'INVALID_INPUT',
        ['observations', 0, 'duration'],
      );
      expectMetricError(
        () => cumulativeHazard({ observations: [{ duration: 1, churned: true, entry: 2 }] }),
        'INVALID_INPUT',
        ['observations', 0, 'entry'],
      );
      expectMetricError(() => cumulativeHazard({ observations: 3 } as never), 'INVALID_INPUT', ['observations']);
    });

    it('refuses a bad confidence or an unknown option', () => {
      expectMetricError(() => cumulativeHazard({ observations: five }, { confidence: 1 }), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectMetricError(() => cumulativeHazard({ observations: five }, { horizon: 1 } as never), 'INVALID_INPUT', []);
    });

    it('reports NO_DATA without observations at risk', () => {
      expectMetricError(() => cumulativeHazard({ observations: [] }), 'NO_DATA', ['observations']);
      expectMetricError(
        () => cumulativeHazard({ observations: [{ duration: 2, churned: true, entry: 2 }] }),
        'NO_DATA',
        ['observations'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves the observations as they were', () => {
      const input = { observations: structuredClone(five) };
      cumulativeHazard(input);
      expect(input.observations).toEqual(five);
    });
  });
});
