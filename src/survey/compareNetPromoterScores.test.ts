import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { normalCdf } from '../internal/normal.js';
import { compareNetPromoterScores } from './compareNetPromoterScores.js';
import { netPromoterScore } from './netPromoterScore.js';

const Z95 = 1.959963984540054;
const se = (p: number, d: number, n: number) => 100 * Math.sqrt((p + d - (p - d) ** 2) / n);

describe('compareNetPromoterScores', () => {
  describe('worked examples', () => {
    it('tests 44 against 30 on two samples of 500 (two-sample z test on +1/0/−1 means)', () => {
      const a = { promoters: 300, passives: 120, detractors: 80 };
      const b = { promoters: 250, passives: 150, detractors: 100 };
      const result = compareNetPromoterScores(a, b);
      const expectedSe = Math.hypot(se(0.6, 0.16, 500), se(0.5, 0.2, 500));
      expect(result.difference).toBe(14);
      expect(result.standardError).toBeCloseTo(expectedSe, 12);
      expect(result.z).toBeCloseTo(14 / expectedSe, 12);
      expect(result.pValue).toBeCloseTo(2 * (1 - normalCdf(14 / expectedSe)), 12);
      expect(result.interval.low).toBeCloseTo(14 - Z95 * expectedSe, 10);
      expect(result.interval.high).toBeCloseTo(14 + Z95 * expectedSe, 10);
      expect(result.significant).toBe(true);
    });

    it('finds no significant difference between close scores on small samples', () => {
      const result = compareNetPromoterScores({ scores: [10, 9, 3, 8, 10] }, { scores: [9, 9, 2, 6, 7] });
      expect(result.difference).toBe(40);
      expect(result.significant).toBe(false);
      expect(result.pValue).toBeGreaterThan(0.05);
    });
  });

  describe('edge cases', () => {
    it('is antisymmetric', () => {
      const a = { distribution: { 10: 5, 9: 3, 2: 4 } };
      const b = { promoters: 10, passives: 10, detractors: 3 };
      const ab = compareNetPromoterScores(a, b);
      const ba = compareNetPromoterScores(b, a);
      expect(ba.difference).toBe(-ab.difference);
      expect(ba.pValue).toBe(ab.pValue);
      expect(ba.interval.low).toBeCloseTo(-ab.interval.high, 12);
    });

    it('accepts results of netPromoterScore', () => {
      const a = { promoters: 30, passives: 10, detractors: 10 };
      const b = { promoters: 20, passives: 10, detractors: 20 };
      expect(compareNetPromoterScores(netPromoterScore(a), netPromoterScore(b))).toEqual(
        compareNetPromoterScores(a, b),
      );
    });

    it('computes the difference exactly from the counts', () => {
      // 100/3 − 0 would round twice in doubles; from the counts it is one division.
      const result = compareNetPromoterScores(
        { promoters: 2, passives: 0, detractors: 1 },
        { promoters: 1, passives: 1, detractors: 1 },
      );
      expect(result.difference).toBe(100 / 3);
    });

    it('clips the interval to [−200, 200]', () => {
      const result = compareNetPromoterScores(
        { promoters: 3, passives: 0, detractors: 1 },
        { promoters: 0, passives: 0, detractors: 2 },
      );
      expect(result.interval.high).toBe(200);
    });

    it('uses the confidence for the interval and the decision', () => {
      const a = { promoters: 55, passives: 25, detractors: 20 };
      const b = { promoters: 45, passives: 30, detractors: 25 };
      const loose = compareNetPromoterScores(a, b, { confidence: 0.5 });
      const strict = compareNetPromoterScores(a, b, { confidence: 0.999 });
      expect(loose.pValue).toBe(strict.pValue);
      expect(loose.significant).toBe(true);
      expect(strict.significant).toBe(false);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'compareNetPromoterScores',
        () => compareNetPromoterScores({ scores: [9, 0] }, { scores: [7, 10] }, { level: 0.9 } as never),
        'level',
      );
    });

    it('prefixes paths with the argument', () => {
      expectMetricError(
        () => compareNetPromoterScores({ scores: [9, 11] }, { scores: [9] }),
        'INVALID_INPUT',
        ['a', 'scores', 1],
        'compareNetPromoterScores: a.scores[1] must be at most 10',
      );
      expectMetricError(
        () => compareNetPromoterScores({ scores: [9] }, { promoters: -1, passives: 0, detractors: 0 }),
        'INVALID_INPUT',
        ['b', 'promoters'],
      );
      expectMetricError(
        () => compareNetPromoterScores({ scores: [9] }, { standardError: 1, promoters: 'x' } as never),
        'INVALID_INPUT',
        ['b', 'promoters'],
      );
    });

    it('reports empty samples and zero variance as NO_DATA', () => {
      expectMetricError(() => compareNetPromoterScores({ scores: [] }, { scores: [9] }), 'NO_DATA', ['a', 'scores']);
      expectMetricError(() => compareNetPromoterScores({ scores: [10, 10] }, { scores: [0] }), 'NO_DATA', []);
    });

    it('rejects a bad confidence', () => {
      expectMetricError(
        () => compareNetPromoterScores({ scores: [9, 0] }, { scores: [9, 0] }, { confidence: 2 }),
        'INVALID_INPUT',
        ['confidence'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves both inputs unchanged', () => {
      const a = { scores: [10, 0, 7] };
      const b = netPromoterScore({ scores: [9, 9, 1] });
      const copies = structuredClone([a, b]);
      compareNetPromoterScores(a, b);
      expect([a, b]).toEqual(copies);
    });
  });
});
