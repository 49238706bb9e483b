import { describe, expect, expectTypeOf, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import type { SegmentedSurveyResult } from './_lib/segmentedResult.js';
import { customerEffortScore } from './customerEffortScore.js';
import { customerSatisfactionScore } from './customerSatisfactionScore.js';
import {
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
  type NetPromoterScoreSegmentOptions,
  netPromoterScore,
} from './netPromoterScore.js';

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
      const result = netPromoterScore({ promoters: 3, passives: 2, detractors: 1 }, { interval: 'wald' });
      expect(result.score).toBe(100 / 3);
      expect(result.promoterShare).toBe(0.5);
      expect(result.passiveShare).toBe(1 / 3);
      expect(result.detractorShare).toBe(1 / 6);
      expect(result.standardError).toBeCloseTo(100 * Math.sqrt(5 / 9 / 6), 12);
      expect(result.marginOfError).toBeCloseTo(Z95 * 100 * Math.sqrt(5 / 9 / 6), 12);
    });

    it('matches the textbook example of 50 % promoters and 20 % detractors with the Wald interval', () => {
      const result = netPromoterScore({ promoters: 50, passives: 30, detractors: 20 }, { interval: 'wald' });
      expect(result.score).toBe(30);
      const se = 100 * Math.sqrt((0.5 + 0.2 - 0.3 ** 2) / 100);
      expect(result.standardError).toBeCloseTo(se, 12);
      expect(result.center).toBe(30);
      expect(result.interval.low).toBeCloseTo(30 - Z95 * se, 10);
      expect(result.interval.high).toBeCloseTo(30 + Z95 * se, 10);
      expect(result.intervalMethod).toBe('wald');
      expect(result.confidence).toBe(0.95);
    });
  });

  describe('adjusted-Wald interval (the default)', () => {
    // The method of B. Rocks (2016) as MeasuringU states it (https://measuringu.com/nps-three-confidence-intervals/):
    // add 3 to n and ¾ to the promoters and to the detractors, then a Wald interval on the difference.
    it('6 promoters, 2 passives, 2 detractors: centre 30.8, interval −12.6…74.1', () => {
      // By hand: n + 3 = 13, p̂ = 6.75/13 = 0.519231, d̂ = 2.75/13 = 0.211538;
      // centre = 100 · (p̂ − d̂) = 100 · 4/13 = 30.769;
      // p̂ + d̂ − (p̂ − d̂)² = 0.730769 − 0.094675 = 0.636095; SE = 100 · √(0.636095/13) = 22.1202;
      // margin = 1.959964 · 22.1202 = 43.3548; interval 30.769 ∓ 43.355 = −12.586…74.124.
      const result = netPromoterScore({ promoters: 6, passives: 2, detractors: 2 });
      expect(result.score).toBe(40);
      expect(result.center).toBe(400 / 13);
      expect(result.standardError).toBeCloseTo(22.1202, 4);
      expect(result.marginOfError).toBeCloseTo(43.3548, 4);
      expect(result.interval.low).toBeCloseTo(-12.5856, 4);
      expect(result.interval.high).toBeCloseTo(74.124, 3);
      expect(result.intervalMethod).toBe('adjusted-wald');
      expect(result.confidence).toBe(0.95);
    });

    it('10 promoters of 10: 47.5…100 where the Wald interval is 100…100', () => {
      // By hand: p̂ = 10.75/13 = 0.826923, d̂ = 0.75/13 = 0.057692; centre 100 · 10/13 = 76.923;
      // p̂ + d̂ − (p̂ − d̂)² = 0.884615 − 0.591716 = 0.292899; SE = 100 · √(0.292899/13) = 15.0102;
      // 76.923 − 1.959964 · 15.0102 = 47.504; the upper end 106.3 is clipped to 100.
      const input = { promoters: 10, passives: 0, detractors: 0 };
      const result = netPromoterScore(input);
      expect(result.score).toBe(100);
      expect(result.center).toBe(1000 / 13);
      expect(result.standardError).toBeCloseTo(15.0102, 4);
      expect(result.interval.low).toBeCloseTo(47.5036, 4);
      expect(result.interval.high).toBe(100);
      expect(netPromoterScore(input, { interval: 'wald' }).interval).toEqual({ low: 100, high: 100 });
    });

    it('is never zero-width, whichever group every response falls in', () => {
      for (const scores of [
        [10, 9, 10, 9],
        [7, 8, 8],
        [0, 6, 3, 0, 6],
      ]) {
        const result = netPromoterScore({ scores });
        expect(result.standardError).toBeGreaterThan(0);
        expect(result.interval.high - result.interval.low).toBeGreaterThan(0);
      }
      // All detractors mirror all promoters: −100…−47.5 for ten of ten.
      const detractors = netPromoterScore({ promoters: 0, passives: 0, detractors: 10 });
      expect(detractors.interval.low).toBe(-100);
      expect(detractors.interval.high).toBeCloseTo(-47.5036, 4);
      // All passives: centre 0, SE 100 · √(1.5/13)/13 · … = 100 · √(1.5)/13 = 9.4211.
      const passives = netPromoterScore({ promoters: 0, passives: 10, detractors: 0 });
      expect(passives.center).toBe(0);
      expect(passives.standardError).toBeCloseTo((100 * Math.sqrt(1.5)) / 13, 12);
    });

    it('pulls the centre towards 0, so a single answer can leave the score out', () => {
      // One promoter: centre 100/4 = 25; p̂ = 1.75/4, d̂ = 0.75/4, variance term 0.625 − 0.0625 = 0.5625,
      // SE = 100 · √(0.5625/4) = 37.5; 25 ± 73.4986.
      const result = netPromoterScore({ scores: [10] });
      expect(result.center).toBe(25);
      expect(result.standardError).toBeCloseTo(37.5, 12);
      expect(result.interval.low).toBeCloseTo(25 - Z95 * 37.5, 10);
      expect(result.interval.high).toBeCloseTo(25 + Z95 * 37.5, 10);
    });

    it('matches the Wald interval more and more closely as the sample grows', () => {
      const small = { promoters: 5, passives: 3, detractors: 2 };
      const large = { promoters: 5000, passives: 3000, detractors: 2000 };
      const gap = (input: typeof small) => {
        const adjusted = netPromoterScore(input).interval;
        const wald = netPromoterScore(input, { interval: 'wald' }).interval;
        return Math.abs(adjusted.low - wald.low) + Math.abs(adjusted.high - wald.high);
      };
      expect(gap(large)).toBeLessThan(0.1);
      expect(gap(small)).toBeGreaterThan(5);
    });

    it('gives the same interval from scores, a distribution and the counts, with either method', () => {
      const scores = [10, 9, 9, 8, 7, 6, 6, 0, 10, 3, 9];
      for (const interval of ['adjusted-wald', 'wald'] as const) {
        const expected = netPromoterScore({ promoters: 5, passives: 2, detractors: 4 }, { interval });
        expect(expected.intervalMethod).toBe(interval);
        expect(netPromoterScore({ scores }, { interval })).toEqual(expected);
        expect(netPromoterScore({ scores: Uint8Array.from(scores) }, { interval })).toEqual(expected);
        expect(netPromoterScore({ distribution: [1, 0, 0, 1, 0, 0, 2, 1, 1, 3, 2] }, { interval })).toEqual(expected);
      }
      expect(netPromoterScore({ scores }, { interval: 'adjusted-wald' })).toEqual(netPromoterScore({ scores }));
    });

    it('refuses an unknown method, naming the option', () => {
      expectMetricError(() => netPromoterScore({ scores: [9] }, { interval: 'wilson' } as never), 'INVALID_INPUT', [
        'interval',
      ]);
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

    it('with the Wald interval, reports a zero-width interval when every response is a promoter', () => {
      const result = netPromoterScore({ scores: [10, 9, 10, 9] }, { interval: 'wald' });
      expect(result.score).toBe(100);
      expect(result.standardError).toBe(0);
      expect(result.marginOfError).toBe(0);
      expect(result.interval).toEqual({ low: 100, high: 100 });
    });

    it('with the Wald interval, reports −100 with a zero-width interval when every response is a detractor', () => {
      const result = netPromoterScore({ distribution: { 0: 4, 6: 1 } }, { interval: 'wald' });
      expect(result.score).toBe(-100);
      expect(result.interval).toEqual({ low: -100, high: -100 });
    });

    it('scores 0 with zero variance when everyone is passive, with the Wald interval', () => {
      const result = netPromoterScore({ scores: [7, 8, 8] }, { interval: 'wald' });
      expect(result.score).toBe(0);
      expect(result.standardError).toBe(0);
    });

    it('clips the interval to [−100, 100]', () => {
      const result = netPromoterScore({ promoters: 9, passives: 0, detractors: 1 }, { interval: 'wald' });
      expect(result.score).toBe(80);
      expect(result.interval.high).toBe(100);
      expect(result.interval.low).toBeCloseTo(80 - Z95 * 100 * Math.sqrt((1 - 0.64) / 10), 10);
      // Adjusted: centre 800/13 = 61.54, p̂ = 9.75/13, d̂ = 1.75/13, SE = 100 · √((11.5/13 − (8/13)²)/13).
      const adjusted = netPromoterScore({ promoters: 9, passives: 0, detractors: 1 });
      const se = 100 * Math.sqrt((11.5 / 13 - (8 / 13) ** 2) / 13);
      expect(adjusted.standardError).toBeCloseTo(se, 12);
      expect(adjusted.interval.low).toBeCloseTo(800 / 13 - Z95 * se, 10);
      expect(adjusted.interval.high).toBe(100);
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

describe('netPromoterScore with segmentBy', () => {
  // Hand-computed table (two plans, five answers each):
  //   plan  answers          promoters passives detractors  NPS   SE = 100·√((p + d − (p − d)²) ÷ n)
  //   free  10, 6, 0, 8, 10  2         1        2           0     100·√(0.8 ÷ 5)  = 40
  //   pro   10, 9, 7, 3, 9   3         1        1           40    100·√(0.64 ÷ 5) = 35.78
  //   all   10 answers       5         2        3           20
  const scores = [10, 9, 7, 3, 10, 6, 0, 8, 9, 10];
  const plans = ['pro', 'pro', 'pro', 'pro', 'free', 'free', 'free', 'free', 'pro', 'free'];
  const codes = Uint8Array.from(plans, (plan) => (plan === 'free' ? 0 : 1));

  describe('worked examples', () => {
    it('breaks the score down by an attribute column, with each segment interval', () => {
      const result = netPromoterScore({ scores, attributes: { plan: plans } }, { segmentBy: 'plan', interval: 'wald' });
      expect(result.total).toEqual(netPromoterScore({ scores }, { interval: 'wald' }));
      expect(result.total.score).toBe(20);
      expect(result.segments.map((s) => [s.segment, s.size, s.smallSample])).toEqual([
        ['free', 5, true],
        ['pro', 5, true],
      ]);
      const [free, pro] = result.segments.map((s) => s.result);
      expect([free?.promoters, free?.passives, free?.detractors, free?.score]).toEqual([2, 1, 2, 0]);
      expect([pro?.promoters, pro?.passives, pro?.detractors, pro?.score]).toEqual([3, 1, 1, 40]);
      expect(free?.standardError).toBeCloseTo(40, 12);
      expect(free?.interval.low).toBeCloseTo(-Z95 * 40, 10);
      expect(pro?.standardError).toBeCloseTo(100 * Math.sqrt(0.64 / 5), 12);
      // 40 + 1.96 × 35.78 is past 100: clipped, as the unsegmented call does.
      expect(pro?.interval.high).toBe(100);
      expect(pro).toEqual(netPromoterScore({ scores: [10, 9, 7, 3, 9] }, { interval: 'wald' }));
      expect(free).toEqual(netPromoterScore({ scores: [10, 6, 0, 8, 10] }, { interval: 'wald' }));
    });

    it('applies the adjusted-Wald interval to every segment by default', () => {
      // free 2/1/2: centre 0, p̂ = d̂ = 2.75/8, SE = 100 · √((5.5/8)/8) = 29.3151.
      // pro 3/1/1: centre 100 · 2/8 = 25, p̂ = 3.75/8, d̂ = 1.75/8, SE = 100 · √((5.5/8 − 0.0625)/8) = 27.9508.
      const result = netPromoterScore({ scores, attributes: { plan: plans } }, { segmentBy: 'plan' });
      const [free, pro] = result.segments.map((s) => s.result);
      expect(free?.center).toBe(0);
      expect(free?.standardError).toBeCloseTo(100 * Math.sqrt(5.5 / 64), 12);
      expect(pro?.center).toBe(25);
      expect(pro?.standardError).toBeCloseTo(100 * Math.sqrt((5.5 / 8 - 0.0625) / 8), 12);
      expect(result.segments.every((s) => s.result?.intervalMethod === 'adjusted-wald')).toBe(true);
      expect(result.total).toEqual(netPromoterScore({ scores }));
      // Segments of one group are never zero-width either.
      const byGroup = netPromoterScore({ scores }, { segmentBy: (score) => (score >= 9 ? 'high' : 'low') });
      const high = byGroup.segments[0]?.result;
      expect(high?.score).toBe(100);
      expect(high?.interval.low).toBeLessThan(high?.interval.high ?? Number.NaN);
    });

    it('gives the same breakdown from dictionary codes, typed scores and a function', () => {
      const expected = netPromoterScore({ scores, attributes: { plan: plans } }, { segmentBy: 'plan' });
      const coded = { plan: { codes, names: ['free', 'pro'] } };
      expect(netPromoterScore({ scores, attributes: coded }, { segmentBy: 'plan' })).toEqual(expected);
      expect(netPromoterScore({ scores: Uint8Array.from(scores), attributes: coded }, { segmentBy: 'plan' })).toEqual(
        expected,
      );
      expect(
        netPromoterScore(
          {
            scores: Float64Array.from(scores),
            attributes: { plan: { codes: Int32Array.from(codes), names: ['free', 'pro'] } },
          },
          { segmentBy: 'plan' },
        ),
      ).toEqual(expected);
      expect(netPromoterScore({ scores }, { segmentBy: (_score, index) => plans[index] as string })).toEqual(expected);
    });

    it('passes the score and its index to a function', () => {
      const result = netPromoterScore({ scores }, { segmentBy: (score) => (score >= 9 ? 'high' : 'low') });
      expect(result.segments.map((s) => [s.segment, s.size, s.result?.score])).toEqual([
        ['high', 5, 100],
        ['low', 5, -60],
      ]);
    });

    it('applies the confidence level and the minimum segment size to every segment', () => {
      const result = netPromoterScore(
        { scores, attributes: { plan: plans } },
        { segmentBy: 'plan', confidence: 0.8, minimumSegmentSize: 5 },
      );
      expect(result.segments.every((s) => !s.smallSample && s.result?.confidence === 0.8)).toBe(true);
      expect(result.total).toEqual(netPromoterScore({ scores }, { confidence: 0.8 }));
      const strict = netPromoterScore(
        { scores, attributes: { plan: plans } },
        { segmentBy: 'plan', minimumSegmentSize: 6 },
      );
      expect(strict.segments.map((s) => s.smallSample)).toEqual([true, true]);
    });
  });

  describe('edge cases', () => {
    it('orders segments by name in code units, with (none) last when grouping missing attributes', () => {
      const result = netPromoterScore(
        { scores: [10, 0, 9, 7, 8], attributes: { region: ['b', undefined, 'B', null, 'a'] } },
        { segmentBy: 'region', missingSegment: 'group' },
      );
      expect(result.segments.map((s) => [s.segment, s.size])).toEqual([
        ['B', 1],
        ['a', 1],
        ['b', 1],
        ['(none)', 2],
      ]);
      const coded = netPromoterScore(
        { scores: [10, 0, 9], attributes: { region: { codes: [1, -1, 0], names: ['z', 'a'] } } },
        { segmentBy: 'region', missingSegment: 'group' },
      );
      expect(coded.segments.map((s) => s.segment)).toEqual(['a', 'z', '(none)']);
    });

    it('lists a declared name without responses with size 0 and a null result', () => {
      const result = netPromoterScore(
        { scores: [10, 9], attributes: { plan: { codes: new Uint8Array([2, 2]), names: ['free', 'pro', 'team'] } } },
        { segmentBy: 'plan' },
      );
      expect(result.segments).toEqual([
        { segment: 'free', size: 0, result: null, smallSample: true },
        { segment: 'pro', size: 0, result: null, smallSample: true },
        { segment: 'team', size: 2, result: netPromoterScore({ scores: [10, 9] }), smallSample: true },
      ]);
    });

    it('merges a declared "(none)" with the responses grouped there', () => {
      const result = netPromoterScore(
        { scores: [10, 0], attributes: { plan: { codes: [0, -1], names: ['(none)'] } } },
        { segmentBy: 'plan', missingSegment: 'group' },
      );
      expect(result.segments.map((s) => [s.segment, s.size])).toEqual([['(none)', 2]]);
    });

    it('gives one segment when every response shares it, equal to the total', () => {
      const result = netPromoterScore({ scores: [10, 3], attributes: { plan: ['pro', 'pro'] } }, { segmentBy: 'plan' });
      expect(result.segments).toHaveLength(1);
      expect(result.segments[0]?.result).toEqual(result.total);
    });

    it('ignores columns without segmentBy, and without segmentBy returns one figure', () => {
      expect(netPromoterScore({ scores, attributes: { plan: plans } })).toEqual(netPromoterScore({ scores }));
    });

    it('checks bytes of scores and codes, and reports the first bad one', () => {
      const bytes = new Uint8Array([10, 9, 11, 3]);
      const names = ['a', 'b'];
      expectMetricError(
        () =>
          netPromoterScore(
            { scores: bytes, attributes: { p: { codes: new Uint8Array([0, 1, 0, 5]), names } } },
            { segmentBy: 'p' },
          ),
        'INVALID_INPUT',
        ['scores', 2],
      );
      expectMetricError(
        () =>
          netPromoterScore(
            {
              scores: new Uint8Array([10, 9, 1, 3]),
              attributes: { p: { codes: new Uint8Array([0, 1, 0, 2]), names } },
            },
            { segmentBy: 'p' },
          ),
        'INVALID_INPUT',
        ['attributes', 'p', 'codes', 3],
      );
    });

    it('counts 10 000 000 scores in 50 segments from bytes of codes', () => {
      const size = 10_000_000;
      const bytes = new Uint8Array(size);
      const codeBytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) {
        bytes[i] = i % 11;
        codeBytes[i] = i % 50;
      }
      const names = Array.from({ length: 50 }, (_, k) => `s${String(k).padStart(2, '0')}`);
      const result = netPromoterScore(
        { scores: bytes, attributes: { s: { codes: codeBytes, names } } },
        { segmentBy: 's' },
      );
      expect(result.total).toEqual(netPromoterScore({ scores: bytes }));
      expect(result.segments).toHaveLength(50);
      expect(result.segments.reduce((sum, s) => sum + s.size, 0)).toBe(size);
    });
  });

  describe('validation', () => {
    const input = { scores: [10, 9, 3], attributes: { plan: ['pro', 'free', 'pro'] } };

    it('refuses a missing column, naming it', () => {
      expectMetricError(() => netPromoterScore(input, { segmentBy: 'region' }), 'INVALID_INPUT', [
        'attributes',
        'region',
      ]);
      expectMetricError(
        () => netPromoterScore({ scores: [10] }, { segmentBy: 'plan', missingSegment: 'group' }),
        'INVALID_INPUT',
        ['attributes', 'plan'],
        'attributes.plan',
      );
    });

    it('refuses a column of another length than the scores, at its field', () => {
      expectMetricError(
        () => netPromoterScore({ scores: [10, 9], attributes: { plan: ['pro'] } }, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['attributes', 'plan'],
        '2 scores, 1 entries',
      );
      expectMetricError(
        () =>
          netPromoterScore(
            { scores: [10, 9], attributes: { plan: ['pro', 'pro'], region: { codes: [0], names: ['EU'] } } },
            { segmentBy: 'plan' },
          ),
        'INVALID_INPUT',
        ['attributes', 'region', 'codes'],
      );
      expectMetricError(
        () => netPromoterScore({ scores: [10], attributes: { plan: 'pro' as never } }, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['attributes', 'plan'],
      );
    });

    it('refuses a response without the attribute, naming it, unless grouped', () => {
      expectMetricError(
        () => netPromoterScore({ scores: [10, 9], attributes: { plan: ['pro', undefined] } }, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['attributes', 'plan', 1],
        "missingSegment: 'group'",
      );
      expectMetricError(
        () =>
          netPromoterScore(
            { scores: [10, 9], attributes: { plan: { codes: [0, -1], names: ['pro'] } } },
            { segmentBy: 'plan' },
          ),
        'INVALID_INPUT',
        ['attributes', 'plan', 'codes', 1],
        "missingSegment: 'group'",
      );
    });

    it.each([
      [3, 'non-empty string'],
      ['', 'non-empty string'],
    ])('refuses the segment name %j, at its index', (bad, message) => {
      expectMetricError(
        () =>
          netPromoterScore({ scores: [10, 9], attributes: { plan: ['pro', bad as string] } }, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['attributes', 'plan', 1],
        message,
      );
    });

    it.each([[2], [1.5], [-2], ['0'], [Number.NaN]])('refuses the code %j, at its index', (bad) => {
      expectMetricError(
        () =>
          netPromoterScore(
            { scores: [10, 9], attributes: { plan: { codes: [0, bad as number], names: ['a', 'b'] } } },
            { segmentBy: 'plan', missingSegment: 'group' },
          ),
        'INVALID_INPUT',
        ['attributes', 'plan', 'codes', 1],
      );
    });

    it('refuses names that are not distinct non-empty strings', () => {
      const call = (names: unknown) => () =>
        netPromoterScore(
          { scores: [10], attributes: { plan: { codes: [0], names: names as string[] } } },
          { segmentBy: 'plan' },
        );
      expectMetricError(call(['a', 'a']), 'INVALID_INPUT', ['attributes', 'plan', 'names', 1], 'repeats');
      expectMetricError(call(['a', '']), 'INVALID_INPUT', ['attributes', 'plan', 'names', 1]);
      expectMetricError(call('a'), 'INVALID_INPUT', ['attributes', 'plan', 'names']);
    });

    it("reports a function's throw or non-string result at the response's index", () => {
      expectMetricError(
        () =>
          netPromoterScore(
            { scores: [10, 9, 3] },
            {
              segmentBy: (_score, index) => {
                if (index === 2) throw new Error('no plan');
                return 'pro';
              },
            },
          ),
        'INVALID_INPUT',
        ['scores', 2],
        'no plan',
      );
      expectMetricError(
        () => netPromoterScore({ scores: [10, 9] }, { segmentBy: (score) => (score === 9 ? (9 as never) : 'a') }),
        'INVALID_INPUT',
        ['scores', 1],
        'number 9',
      );
    });

    it('still names a bad score at its index', () => {
      expectMetricError(
        () => netPromoterScore({ scores: [10, 12, 3], attributes: { plan: ['a', 'b', 'c'] } }, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['scores', 1],
        'must be at most 10',
      );
    });

    it('refuses segmentBy on a distribution or counts, which have no responses to segment', () => {
      const error = expectMetricError(
        () => netPromoterScore({ distribution: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }, { segmentBy: 'plan' } as never),
        'INVALID_INPUT',
        ['segmentBy'],
        'raw responses',
      );
      expect(error.message).toContain('segmentBy needs raw responses');
      expectMetricError(
        () => netPromoterScore({ promoters: 1, passives: 0, detractors: 0 }, { segmentBy: 'plan' } as never),
        'INVALID_INPUT',
        ['segmentBy'],
      );
    });

    it('refuses bad segment options, naming them', () => {
      expectMetricError(() => netPromoterScore(input, { segmentBy: '' }), 'INVALID_INPUT', ['segmentBy']);
      expectMetricError(() => netPromoterScore(input, { segmentBy: 'plan', minimumSegmentSize: -1 }), 'INVALID_INPUT', [
        'minimumSegmentSize',
      ]);
      expectMetricError(
        () => netPromoterScore(input, { segmentBy: 'plan', missingSegment: 'drop' as never }),
        'INVALID_INPUT',
        ['missingSegment'],
      );
    });

    it('refuses a segment option without segmentBy: it would do nothing', () => {
      expectMetricError(() => netPromoterScore(input, { minimumSegmentSize: 5 } as never), 'INVALID_INPUT', [
        'minimumSegmentSize',
      ]);
      expectMetricError(
        () => netPromoterScore({ scores: [9] }, { missingSegment: 'group' } as never),
        'INVALID_INPUT',
        ['missingSegment'],
      );
      expectMetricError(
        () => customerSatisfactionScore({ scores: [5] }, { minimumSegmentSize: 5 } as never),
        'INVALID_INPUT',
        ['minimumSegmentSize'],
      );
      expectMetricError(
        () => customerEffortScore({ scores: [5] }, { missingSegment: 'group' } as never),
        'INVALID_INPUT',
        ['missingSegment'],
      );
    });

    it('reports no responses as NO_DATA, as the unsegmented call does', () => {
      expectMetricError(
        () => netPromoterScore({ scores: [], attributes: { plan: [] } }, { segmentBy: 'plan' }),
        'NO_DATA',
        ['scores'],
        'scores has no responses',
      );
    });
  });

  describe('types', () => {
    it('returns the segmented shape only when segmentBy is given', () => {
      expectTypeOf(netPromoterScore({ scores })).toEqualTypeOf<NetPromoterScoreResult>();
      expectTypeOf(netPromoterScore({ scores }, { confidence: 0.9 })).toEqualTypeOf<NetPromoterScoreResult>();
      expectTypeOf(netPromoterScore({ scores, attributes: { plan: plans } }, { segmentBy: 'plan' })).toEqualTypeOf<
        SegmentedSurveyResult<NetPromoterScoreResult>
      >();
      const maybe = { segmentBy: 'plan' } as NetPromoterScoreOptions | NetPromoterScoreSegmentOptions;
      expectTypeOf(netPromoterScore({ scores, attributes: { plan: plans } }, maybe)).toEqualTypeOf<
        NetPromoterScoreResult | SegmentedSurveyResult<NetPromoterScoreResult>
      >();
      // @ts-expect-error: a distribution has no responses to segment
      expect(() => netPromoterScore({ distribution: [1] }, { segmentBy: 'plan' })).toThrow();
    });
  });

  describe('does not mutate input', () => {
    it('leaves scores, columns and options unchanged', () => {
      const attributes = Object.freeze({
        plan: Object.freeze([...plans]),
        coded: Object.freeze({ codes: Object.freeze([...codes]), names: Object.freeze(['free', 'pro']) }),
      });
      const frozen = Object.freeze([...scores]);
      const options = Object.freeze({ segmentBy: 'plan', missingSegment: 'group' as const, minimumSegmentSize: 2 });
      netPromoterScore({ scores: frozen, attributes }, options);
      netPromoterScore({ scores: frozen, attributes }, { segmentBy: 'coded' });
      expect(frozen).toEqual(scores);
      expect(attributes.plan).toEqual(plans);
      expect(attributes.coded.names).toEqual(['free', 'pro']);
      expect(options).toEqual({ segmentBy: 'plan', missingSegment: 'group', minimumSegmentSize: 2 });
    });
  });
});
