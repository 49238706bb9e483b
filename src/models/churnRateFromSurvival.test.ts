import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { churnRateFromSurvival } from './churnRateFromSurvival.js';
import { survivalCurve } from './survivalCurve.js';

describe('churnRateFromSurvival', () => {
  describe('worked examples', () => {
    it('is the constant rate that leaves S(t) after t periods', () => {
      // 70 % still customers after a year: 1 − 0.7^(1/12) ≈ 2.93 % a month.
      expect(churnRateFromSurvival({ survival: 0.7, periods: 12 })).toBeCloseTo(0.0292855303767776, 15);
      expect(churnRateFromSurvival({ survival: 0.25, periods: 2 })).toBe(0.5);
      expect(churnRateFromSurvival({ survival: 0.9, periods: 1 })).toBeCloseTo(0.1, 15);
    });

    it('reads S(t) from a Kaplan–Meier curve', () => {
      const curve = survivalCurve({ durations: [1, 2, 3, 3, 5], churned: [1, 0, 1, 1, 0] });
      expect(churnRateFromSurvival({ points: curve.points, periods: 2 })).toBe(
        churnRateFromSurvival({ survival: 0.8, periods: 2 }),
      );
    });
  });

  describe('edge cases', () => {
    it('is 0 when no one left and 1 when everyone did', () => {
      expect(Object.is(churnRateFromSurvival({ survival: 1, periods: 12 }), 0)).toBe(true);
      expect(churnRateFromSurvival({ survival: 0, periods: 12 })).toBe(1);
      expect(churnRateFromSurvival({ points: [{ time: 5, survival: 0.5 }], periods: 1 })).toBe(0);
    });

    it('keeps its digits where S is close to 1', () => {
      // 1 − (1 − ε)^(1/12) = ε/12 + O(ε²); the plain power would keep only about four digits here.
      const epsilon = 2 ** -40;
      expect(churnRateFromSurvival({ survival: 1 - epsilon, periods: 12 }) / (epsilon / 12)).toBeCloseTo(1, 12);
    });
  });

  describe('validation', () => {
    it('reads each field and point once: values that change on a second read change nothing', () => {
      const reads = new Map<string, number>();
      const input = { points: [{ time: 0.5, survival: 0.9 }], periods: 1 };
      expect(churnRateFromSurvival(changingOnReread(input, reads) as never)).toBe(
        churnRateFromSurvival(structuredClone(input)),
      );
      expect(Object.fromEntries(reads)).toEqual({
        'input.points': 1,
        'input.periods': 1,
        'input.points[0]': 1,
        'input.points[0].time': 1,
        'input.points[0].survival': 1,
      });
    });

    it('refuses any option, saying where an input field belongs', () => {
      expectNoOptions(
        'churnRateFromSurvival',
        (options) => churnRateFromSurvival({ survival: 0.25, periods: 2 }, options),
        0.5,
        'periods',
      );
    });

    it('names the field', () => {
      expectMetricError(() => churnRateFromSurvival({ survival: 1.2, periods: 12 }), 'INVALID_INPUT', ['survival']);
      expectMetricError(() => churnRateFromSurvival({ survival: 0.5, periods: 0 }), 'INVALID_INPUT', ['periods']);
      expectMetricError(
        () => churnRateFromSurvival({ survival: 0.5, periods: Number.POSITIVE_INFINITY }),
        'INVALID_INPUT',
        ['periods'],
      );
      expectMetricError(() => churnRateFromSurvival({ points: [], periods: 1 }), 'NO_DATA', ['points']);
      expectMetricError(
        () => churnRateFromSurvival({ points: [{ time: Number.NaN, survival: 1 }], periods: 1 }),
        'INVALID_INPUT',
        ['points', 0, 'time'],
      );
      expectMetricError(() => churnRateFromSurvival({ periods: 1 } as never), 'INVALID_INPUT', []);
    });
  });

  it('does not mutate input', () => {
    const input = { points: [{ time: 1, survival: 0.5 }], periods: 2 };
    churnRateFromSurvival(input);
    expect(input).toEqual({ points: [{ time: 1, survival: 0.5 }], periods: 2 });
  });
});
