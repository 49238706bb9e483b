import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { wilsonInterval } from '../stats/wilsonInterval.js';
import { customerSatisfactionScore } from './customerSatisfactionScore.js';

describe('customerSatisfactionScore', () => {
  describe('worked examples', () => {
    it('counts 4 and 5 as satisfied on a 5-point scale: 5:10, 4:20, 3:10, 2:5, 1:5 → 0.6', () => {
      // Published top-two-box case; doc 002 ("usually 4 and 5 on a 5-point scale", row 13) and doc 003
      // ("top-2-box", row 24).
      const result = customerSatisfactionScore({ distribution: { 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 } });
      expect(result.score).toBe(0.6);
      expect(result.satisfied).toBe(30);
      expect(result.responses).toBe(50);
      expect(result.average).toBe(175 / 50);
      expect(result.satisfiedFrom).toBe(4);
    });

    it('doc 000 (row 5): 200 responses on 1–10, 100 of them 7 or above → 50 %', () => {
      const distribution = { 1: 40, 3: 30, 6: 30, 7: 25, 9: 50, 10: 25 };
      const result = customerSatisfactionScore({ distribution, scale: { min: 1, max: 10 } });
      expect(result.responses).toBe(200);
      expect(result.satisfied).toBe(100);
      expect(result.score).toBe(0.5);
      expect(result.satisfiedFrom).toBe(7);
    });

    it('uses 6–7 as satisfied on a 7-point scale', () => {
      const result = customerSatisfactionScore({ scores: [7, 6, 5, 1], scale: { min: 1, max: 7 } });
      expect(result.score).toBe(0.5);
      expect(result.satisfiedFrom).toBe(6);
    });

    it('gives the Wilson interval of the satisfied share', () => {
      const result = customerSatisfactionScore({ distribution: [5, 5, 10, 20, 10] }, { confidence: 0.9 });
      const wilson = wilsonInterval({ successes: 30, trials: 50 }, { confidence: 0.9 });
      expect(result.interval).toEqual({ low: wilson.low, high: wilson.high });
      expect(result.confidence).toBe(0.9);
    });
  });

  describe('edge cases', () => {
    it('reads scales of any safe integers, beyond 32 bits, in every form', () => {
      const scale = { min: 2 ** 40, max: 2 ** 40 + 4 };
      const options = { satisfiedFrom: 2 ** 40 + 3 };
      const scores = [2 ** 40 + 4, 2 ** 40, 2 ** 40 + 3, 2 ** 40 + 1];
      const fromScores = customerSatisfactionScore({ scores, scale }, options);
      expect(fromScores.score).toBe(0.5);
      expect(fromScores.average).toBe(2 ** 40 + 2);
      const distribution = { [2 ** 40]: 1, [2 ** 40 + 1]: 1, [2 ** 40 + 3]: 1, [2 ** 40 + 4]: 1 };
      expect(customerSatisfactionScore({ distribution, scale }, options)).toEqual(fromScores);
      expect(customerSatisfactionScore({ distribution: [1, 1, 0, 1, 1], scale }, options)).toEqual(fromScores);
      // The lowest safe integers: the mean's sum passes 2^53 and is kept exact in BigInt.
      const low = { min: -(2 ** 53 - 1), max: -(2 ** 53 - 1) + 2 };
      const result = customerSatisfactionScore({ scores: [low.min, low.max], scale: low }, { satisfiedFrom: low.max });
      expect([result.score, result.average]).toEqual([0.5, -(2 ** 53 - 1) + 1]);
    });

    it('accepts a threshold for any scale, including 0–10', () => {
      const result = customerSatisfactionScore(
        { scores: [0, 10, 8, 9], scale: { min: 0, max: 10 } },
        { satisfiedFrom: 9 },
      );
      expect(result.score).toBe(0.5);
      expect(result.average).toBe(27 / 4);
    });

    it('reaches 0 and 1 with a closed interval end', () => {
      const none = customerSatisfactionScore({ scores: [1, 2, 3] });
      expect(none.score).toBe(0);
      expect(none.interval.low).toBe(0);
      const all = customerSatisfactionScore({ scores: new Uint8Array([5, 4, 5]) });
      expect(all.score).toBe(1);
      expect(all.interval.high).toBe(1);
    });

    it('handles negative scales', () => {
      const result = customerSatisfactionScore(
        { scores: [-3, 0, 2, 3], scale: { min: -3, max: 3 } },
        { satisfiedFrom: 2 },
      );
      expect(result.score).toBe(0.5);
      expect(result.average).toBe(0.5);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'customerSatisfactionScore',
        () => customerSatisfactionScore({ scores: [5, 4] }, { satisfiedAbove: 3 } as never),
        'satisfiedAbove',
      );
    });

    it('rejects a score outside the scale, naming it', () => {
      expectMetricError(
        () => customerSatisfactionScore({ scores: [5, 6] }),
        'INVALID_INPUT',
        ['scores', 1],
        'at most 5',
      );
      expectMetricError(() => customerSatisfactionScore({ scores: [0] }), 'INVALID_INPUT', ['scores', 0], 'at least 1');
    });

    it('rejects bad scales', () => {
      expectMetricError(
        () => customerSatisfactionScore({ scores: [1], scale: { min: 5, max: 5 } }),
        'INVALID_INPUT',
        ['scale', 'max'],
        'scale.max must be greater than min',
      );
      expectMetricError(
        () => customerSatisfactionScore({ scores: [1], scale: { min: 0, max: 1000 } }),
        'INVALID_INPUT',
        ['scale', 'max'],
      );
      expectMetricError(
        () => customerSatisfactionScore({ scores: [1], scale: { min: 1.5, max: 5 } }),
        'INVALID_INPUT',
        ['scale', 'min'],
      );
    });

    it('requires a threshold for scales without a default, and one on the scale', () => {
      expectMetricError(
        () => customerSatisfactionScore({ scores: [1], scale: { min: 0, max: 10 } }),
        'INVALID_INPUT',
        ['satisfiedFrom'],
        'satisfiedFrom is required for a 0–10 scale',
      );
      expectMetricError(
        () => customerSatisfactionScore({ scores: [1] }, { satisfiedFrom: 6 }),
        'INVALID_INPUT',
        ['satisfiedFrom'],
        'must be a score on the 1–5 scale',
      );
      expectMetricError(() => customerSatisfactionScore({ scores: [1] }, { satisfiedFrom: 4.5 }), 'INVALID_INPUT', [
        'satisfiedFrom',
      ]);
    });

    it('rejects a bad confidence and unknown keys', () => {
      expectMetricError(() => customerSatisfactionScore({ scores: [1] }, { confidence: 1 }), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectMetricError(() => customerSatisfactionScore({ scores: [1], other: 2 } as never), 'INVALID_INPUT', []);
    });

    it('reports no responses as NO_DATA', () => {
      expectMetricError(() => customerSatisfactionScore({ distribution: [0, 0, 0, 0, 0] }), 'NO_DATA', [
        'distribution',
      ]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { scores: [5, 4, 1], scale: { min: 1, max: 5 } };
      const copy = structuredClone(input);
      customerSatisfactionScore(input);
      expect(input).toEqual(copy);
    });
  });
});

describe('customerSatisfactionScore with segmentBy', () => {
  // Hand-computed table (1–5 scale, satisfied from 4):
  //   region  answers   satisfied  score  average
  //   EU      5, 4, 2   2          2/3    11/3
  //   US      5, 1      1          1/2    3
  //   all     5 answers 3          3/5    17/5
  const scores = [5, 4, 2, 5, 1];
  const region = { codes: [0, 0, 0, 1, 1], names: ['EU', 'US'] };

  describe('worked examples', () => {
    it('gives each region its score, average and Wilson interval, and the total unchanged', () => {
      const result = customerSatisfactionScore({ scores, attributes: { region } }, { segmentBy: 'region' });
      expect(result.total).toEqual(customerSatisfactionScore({ scores }));
      expect(result.total.score).toBe(0.6);
      const [eu, us] = result.segments;
      expect([eu?.segment, eu?.size, eu?.result?.score, eu?.result?.average]).toEqual(['EU', 3, 2 / 3, 11 / 3]);
      expect([us?.segment, us?.size, us?.result?.score, us?.result?.average]).toEqual(['US', 2, 0.5, 3]);
      expect(us?.result?.interval).toEqual(wilsonBounds(1, 2));
      expect(eu?.result).toEqual(customerSatisfactionScore({ scores: [5, 4, 2] }));
      expect(result.segments.every((s) => s.smallSample)).toBe(true);
    });

    it('keeps the scale, the threshold and the confidence in every segment', () => {
      const tenPoint = {
        scores: [9, 7, 3, 10],
        scale: { min: 1, max: 10 },
        attributes: { team: ['a', 'b', 'a', 'b'] },
      };
      const result = customerSatisfactionScore(tenPoint, { segmentBy: 'team', satisfiedFrom: 8, confidence: 0.9 });
      expect(result.segments.map((s) => [s.segment, s.result?.satisfied, s.result?.satisfiedFrom])).toEqual([
        ['a', 1, 8],
        ['b', 1, 8],
      ]);
      expect(result.segments[1]?.result).toEqual(
        customerSatisfactionScore(
          { scores: [7, 10], scale: { min: 1, max: 10 } },
          { satisfiedFrom: 8, confidence: 0.9 },
        ),
      );
    });
  });

  describe('edge cases', () => {
    it('groups responses without the attribute in (none), listed last', () => {
      const result = customerSatisfactionScore(
        { scores: [5, 1, 4], attributes: { plan: [null, 'pro', undefined] } },
        { segmentBy: 'plan', missingSegment: 'group', minimumSegmentSize: 1 },
      );
      expect(result.segments.map((s) => [s.segment, s.size, s.result?.score, s.smallSample])).toEqual([
        ['pro', 1, 0, false],
        ['(none)', 2, 1, false],
      ]);
    });
  });

  describe('validation', () => {
    it('refuses a distribution, a missing column and a bad entry, naming each', () => {
      expectMetricError(
        () => customerSatisfactionScore({ distribution: [1, 2, 3, 4, 5] }, { segmentBy: 'region' } as never),
        'INVALID_INPUT',
        ['segmentBy'],
      );
      expectMetricError(() => customerSatisfactionScore({ scores }, { segmentBy: 'region' }), 'INVALID_INPUT', [
        'attributes',
        'region',
      ]);
      expectMetricError(
        () =>
          customerSatisfactionScore(
            { scores, attributes: { region: { codes: [0, 0, 0, 1, 9], names: ['EU', 'US'] } } },
            { segmentBy: 'region' },
          ),
        'INVALID_INPUT',
        ['attributes', 'region', 'codes', 4],
      );
      expectMetricError(
        () => customerSatisfactionScore({ scores: [5, 6] }, { segmentBy: () => 'a' }),
        'INVALID_INPUT',
        ['scores', 1],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves scores and columns unchanged', () => {
      const input = {
        scores: [5, 4, 1],
        attributes: { plan: ['a', 'b', 'a'], c: { codes: [0, 0, 1], names: ['x', 'y'] } },
      };
      const copy = structuredClone(input);
      customerSatisfactionScore(input, { segmentBy: 'plan' });
      customerSatisfactionScore(input, { segmentBy: 'c' });
      expect(input).toEqual(copy);
    });
  });
});

function wilsonBounds(successes: number, trials: number): { low: number; high: number } {
  const { low, high } = wilsonInterval({ successes, trials });
  return { low, high };
}
