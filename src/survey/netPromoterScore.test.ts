import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { netPromoterScore } from './netPromoterScore.js';

const Z95 = 1.959963984540054;

describe('netPromoterScore', () => {
  describe('worked examples', () => {
    it('classifies 9–10 as promoters, 7–8 as passives and 0–6 as detractors (docs 002 and 004; rows 15, 25)', () => {
      const result = netPromoterScore({ scores: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
      expect([result.promoters, result.passives, result.detractors]).toEqual([2, 2, 7]);
      // (2 − 7) ÷ 11 × 100, one correctly rounded division
      expect(result.score).toBe(-500 / 11);
      expect(result.responses).toBe(11);
    });

    it('answers of +1, 0, −1 with shares 1/2, 1/3, 1/6 give 33.33… and a per-response variance of 5/9', () => {
      // Published case: NPS as the mean of +1/0/−1 values (Rocks 2016); variance p + d − (p − d)² = 5/9.
      const result = netPromoterScore({ promoters: 3, passives: 2, detractors: 1 });
      expect(result.score).toBe(100 / 3);
      expect(result.promoterShare).toBe(0.5);
      expect(result.passiveShare).toBe(1 / 3);
      expect(result.detractorShare).toBe(1 / 6);
      expect(result.standardError).toBeCloseTo(100 * Math.sqrt(5 / 9 / 6), 12);
      expect(result.marginOfError).toBeCloseTo(Z95 * 100 * Math.sqrt(5 / 9 / 6), 12);
    });

    it('matches the textbook example of 50 % promoters and 20 % detractors', () => {
      const result = netPromoterScore({ promoters: 50, passives: 30, detractors: 20 });
      expect(result.score).toBe(30);
      const se = 100 * Math.sqrt((0.5 + 0.2 - 0.3 ** 2) / 100);
      expect(result.standardError).toBeCloseTo(se, 12);
      expect(result.interval.low).toBeCloseTo(30 - Z95 * se, 10);
      expect(result.interval.high).toBeCloseTo(30 + Z95 * se, 10);
      expect(result.confidence).toBe(0.95);
    });
  });

  describe('forms', () => {
    const scores = [10, 9, 9, 8, 7, 6, 6, 0, 10, 3, 9];
    const expected = netPromoterScore({ promoters: 5, passives: 2, detractors: 4 });

    it('gives the same result from scores, typed arrays, a distribution object, an array and counts', () => {
      expect(netPromoterScore({ scores })).toEqual(expected);
      expect(netPromoterScore({ scores: Uint8Array.from(scores) })).toEqual(expected);
      expect(netPromoterScore({ scores: Float64Array.from(scores) })).toEqual(expected);
      expect(netPromoterScore({ scores: Int16Array.from(scores) })).toEqual(expected);
      expect(netPromoterScore({ distribution: { 0: 1, 3: 1, 6: 2, 7: 1, 8: 1, 9: 3, 10: 2 } })).toEqual(expected);
      expect(netPromoterScore({ distribution: [1, 0, 0, 1, 0, 0, 2, 1, 1, 3, 2] })).toEqual(expected);
    });
  });

  describe('edge cases', () => {
    it('puts the boundaries 6/7 and 8/9 in the right groups', () => {
      expect(netPromoterScore({ scores: [6] }).detractors).toBe(1);
      expect(netPromoterScore({ scores: [7] }).passives).toBe(1);
      expect(netPromoterScore({ scores: [8] }).passives).toBe(1);
      expect(netPromoterScore({ scores: [9] }).promoters).toBe(1);
    });

    it('reports a zero-width interval when every response is a promoter', () => {
      const result = netPromoterScore({ scores: [10, 9, 10, 9] });
      expect(result.score).toBe(100);
      expect(result.standardError).toBe(0);
      expect(result.marginOfError).toBe(0);
      expect(result.interval).toEqual({ low: 100, high: 100 });
    });

    it('reports −100 with a zero-width interval when every response is a detractor', () => {
      const result = netPromoterScore({ distribution: { 0: 4, 6: 1 } });
      expect(result.score).toBe(-100);
      expect(result.interval).toEqual({ low: -100, high: -100 });
    });

    it('scores 0 with zero variance when everyone is passive', () => {
      const result = netPromoterScore({ scores: [7, 8, 8] });
      expect(result.score).toBe(0);
      expect(result.standardError).toBe(0);
    });

    it('clips the interval to [−100, 100]', () => {
      const result = netPromoterScore({ promoters: 9, passives: 0, detractors: 1 });
      expect(result.score).toBe(80);
      expect(result.interval.high).toBe(100);
      expect(result.interval.low).toBeCloseTo(80 - Z95 * 100 * Math.sqrt((1 - 0.64) / 10), 10);
    });

    it('widens the interval with the confidence level', () => {
      const input = { promoters: 40, passives: 40, detractors: 20 };
      const narrow = netPromoterScore(input, { confidence: 0.8 });
      const wide = netPromoterScore(input, { confidence: 0.99 });
      expect(wide.marginOfError).toBeGreaterThan(narrow.marginOfError);
      expect(wide.marginOfError / wide.standardError).toBeCloseTo(2.5758293035489004, 12);
      expect(wide.confidence).toBe(0.99);
    });

    it('handles 10 000 000 scores in a plain array and in a Uint8Array', () => {
      const plain = new Array<number>(10_000_000);
      const bytes = new Uint8Array(10_000_000);
      for (let i = 0; i < plain.length; i++) {
        plain[i] = i % 11;
        bytes[i] = i % 11;
      }
      const fromPlain = netPromoterScore({ scores: plain });
      expect(fromPlain.responses).toBe(10_000_000);
      expect(netPromoterScore({ scores: bytes })).toEqual(fromPlain);
    });

    it('counts up to 2^53 − 1 responses from a distribution', () => {
      const result = netPromoterScore({ promoters: 2 ** 52, passives: 0, detractors: 2 ** 52 - 1 });
      expect(result.responses).toBe(2 ** 53 - 1);
      expect(result.score).toBeCloseTo(0, 10);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'netPromoterScore',
        () => netPromoterScore({ promoters: 1, passives: 0, detractors: 0 }, { confidenceLevel: 0.9 } as never),
        'confidenceLevel',
      );
    });

    it.each([
      [11, 'must be at most 10'],
      [-1, 'must be at least 0'],
      [7.5, 'must be an integer'],
      ['9', 'must be a number, not the string "9"'],
      [Number.NaN, 'must be a finite number, not NaN'],
      [null, 'must be a number, not null'],
      [undefined, 'is required'],
    ])('rejects the score %s, naming its index', (bad, message) => {
      expectMetricError(
        () => netPromoterScore({ scores: [10, 9, bad as number] }),
        'INVALID_INPUT',
        ['scores', 2],
        `netPromoterScore: scores[2] ${message}`,
      );
    });

    it('names the exact element in a long array', () => {
      const scores = new Array(100).fill(9);
      scores[41] = 12;
      expectMetricError(
        () => netPromoterScore({ scores }),
        'INVALID_INPUT',
        ['scores', 41],
        'scores[41] must be at most 10',
      );
      const bytes = new Uint8Array(100).fill(9);
      bytes[57] = 200;
      expectMetricError(() => netPromoterScore({ scores: bytes }), 'INVALID_INPUT', ['scores', 57]);
      const floats = new Float64Array(10).fill(9);
      floats[3] = Number.POSITIVE_INFINITY;
      expectMetricError(() => netPromoterScore({ scores: floats }), 'INVALID_INPUT', ['scores', 3]);
    });

    it('rejects bad counts', () => {
      expectMetricError(
        () => netPromoterScore({ promoters: -1, passives: 0, detractors: 0 }),
        'INVALID_INPUT',
        ['promoters'],
        'promoters must be at least 0',
      );
      expectMetricError(() => netPromoterScore({ promoters: 1.5, passives: 0, detractors: 0 }), 'INVALID_INPUT', [
        'promoters',
      ]);
      expectMetricError(
        () => netPromoterScore({ promoters: 1, passives: 0 } as never),
        'INVALID_INPUT',
        ['detractors'],
        'detractors is required',
      );
    });

    it('rejects bad distributions', () => {
      expectMetricError(() => netPromoterScore({ distribution: { 11: 3 } }), 'INVALID_INPUT', ['distribution', '11']);
      expectMetricError(() => netPromoterScore({ distribution: { 9: -2 } }), 'INVALID_INPUT', ['distribution', '9']);
      expectMetricError(() => netPromoterScore({ distribution: { '09': 2 } as never }), 'INVALID_INPUT', [
        'distribution',
        '09',
      ]);
      expectMetricError(
        () => netPromoterScore({ distribution: [1, 2, 3] }),
        'INVALID_INPUT',
        ['distribution'],
        'must have 11 counts',
      );
      expectMetricError(() => netPromoterScore({ distribution: 'x' as never }), 'INVALID_INPUT', ['distribution']);
    });

    it('rejects unknown keys, mixed forms and non-objects', () => {
      expectMetricError(
        () => netPromoterScore({ scores: [9], extra: 1 } as never),
        'INVALID_INPUT',
        [],
        "input has unknown key 'extra'",
      );
      expectMetricError(() => netPromoterScore({ scores: [9], promoters: 1 } as never), 'INVALID_INPUT', []);
      expectMetricError(() => netPromoterScore({} as never), 'INVALID_INPUT', [], "one of the keys 'scores'");
      expectMetricError(() => netPromoterScore(null as never), 'INVALID_INPUT', [], 'must be an object');
      expectMetricError(() => netPromoterScore({ scores: 'nine' } as never), 'INVALID_INPUT', ['scores']);
    });

    it.each([0, 1, 1.5, -0.5, Number.NaN, '0.9'])('rejects the confidence %s', (bad) => {
      expectMetricError(
        () => netPromoterScore({ scores: [9] }, { confidence: bad as number }),
        'INVALID_INPUT',
        ['confidence'],
        'netPromoterScore: confidence',
      );
    });

    it('rejects unknown options', () => {
      expectMetricError(
        () => netPromoterScore({ scores: [9] }, { level: 0.9 } as never),
        'INVALID_INPUT',
        [],
        "options has unknown key 'level'",
      );
    });

    it('reports no responses as NO_DATA', () => {
      expectMetricError(() => netPromoterScore({ scores: [] }), 'NO_DATA', ['scores'], 'scores has no responses');
      expectMetricError(() => netPromoterScore({ distribution: {} }), 'NO_DATA', ['distribution']);
      expectMetricError(() => netPromoterScore({ promoters: 0, passives: 0, detractors: 0 }), 'NO_DATA', []);
    });

    it('rejects more than 2^53 − 1 responses', () => {
      expectMetricError(
        () => netPromoterScore({ promoters: 2 ** 53 - 1, passives: 1, detractors: 0 }),
        'INVALID_INPUT',
        [],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves scores, distributions and options unchanged', () => {
      const scores = Object.freeze([10, 3, 9]);
      const distribution = Object.freeze({ 9: 2, 3: 1 });
      const options = Object.freeze({ confidence: 0.9 });
      netPromoterScore({ scores }, options);
      netPromoterScore({ distribution }, options);
      expect(scores).toEqual([10, 3, 9]);
      expect(distribution).toEqual({ 9: 2, 3: 1 });
      expect(options).toEqual({ confidence: 0.9 });
    });
  });
});
