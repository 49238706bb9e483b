import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { adjustPValues } from '../stats/adjustPValues.js';
import { compareProportions } from '../stats/compareProportions.js';
import { compareNetPromoterScores } from './compareNetPromoterScores.js';
import { customerEffortScore } from './customerEffortScore.js';
import { customerSatisfactionScore } from './customerSatisfactionScore.js';
import { netPromoterScore } from './netPromoterScore.js';
import { surveyTrend } from './surveyTrend.js';

const DAY = 86_400_000;
const jan = Date.UTC(2024, 0, 10);
const feb = Date.UTC(2024, 1, 10);
const apr = Date.UTC(2024, 3, 10);

const janScores = [10, 10, 9, 8, 6, 3, 10, 9, 0, 7];
const febScores = [10, 9, 9, 9, 10, 8, 6, 10, 10, 9, 9, 2];

function responses() {
  return [
    ...janScores.map((score, i) => ({ at: new Date(jan + i * DAY).toISOString(), score })),
    ...febScores.map((score, i) => ({ at: feb + i * DAY, score })),
  ];
}

describe('surveyTrend', () => {
  describe('worked examples', () => {
    it('scores each month with netPromoterScore and compares it with compareNetPromoterScores', () => {
      const trend = surveyTrend({ responses: responses() }, { metric: 'nps' });
      expect(trend.periods.map((row) => row.period)).toEqual(['2024-01', '2024-02']);
      const [first, second] = trend.periods;
      const janResult = netPromoterScore({ scores: janScores });
      const febResult = netPromoterScore({ scores: febScores });
      expect(first).toEqual({ period: '2024-01', responses: 10, score: janResult.score, interval: janResult.interval });
      const compared = compareNetPromoterScores({ scores: febScores }, { scores: janScores });
      expect(second).toEqual({
        period: '2024-02',
        responses: 12,
        score: febResult.score,
        interval: febResult.interval,
        change: { difference: compared.difference, pValue: compared.pValue, significant: compared.significant },
      });
    });

    it('compares CSAT satisfied shares with compareProportions, on a custom scale and threshold', () => {
      const scores = new Uint8Array([9, 7, 3, 10, 10, 2, 8, 8, 9]);
      const at = new Float64Array([jan, jan, jan, jan, feb, feb, feb, feb, feb]);
      const scale = { min: 1, max: 10 };
      const trend = surveyTrend({ scores, at }, { metric: 'csat', scale, satisfiedFrom: 8, confidence: 0.9 });
      const janCsat = customerSatisfactionScore(
        { scores: [9, 7, 3, 10], scale },
        { satisfiedFrom: 8, confidence: 0.9 },
      );
      expect(trend.periods[0]).toMatchObject({ score: janCsat.score, interval: janCsat.interval, responses: 4 });
      const compared = compareProportions(
        { a: { successes: 4, trials: 5 }, b: { successes: 2, trials: 4 } },
        { confidence: 0.9 },
      );
      expect(trend.periods[1]?.change).toEqual({
        difference: compared.difference,
        pValue: compared.pValue,
        significant: compared.significant,
      });
    });

    it('compares CES easy shares, lower is easier', () => {
      const trend = surveyTrend(
        {
          periods: [
            { period: '2024-Q1', distribution: [5, 3, 1, 1, 0] },
            { period: '2024-Q2', distribution: [2, 2, 3, 2, 1] },
          ],
        },
        { metric: 'ces', period: 'quarter', scale: { min: 1, max: 5 }, higherIsEasier: false },
      );
      const q1 = customerEffortScore(
        { distribution: [5, 3, 1, 1, 0], scale: { min: 1, max: 5 } },
        { higherIsEasier: false },
      );
      expect(trend.periods[0]).toMatchObject({ period: '2024-Q1', score: q1.easyShare, interval: q1.interval });
      const compared = compareProportions({ a: { successes: 4, trials: 10 }, b: { successes: 8, trials: 10 } });
      expect(trend.periods[1]?.change?.difference).toBe(compared.difference);
      expect(trend.periods[1]?.change?.pValue).toBe(compared.pValue);
    });

    it('adjusts the segments of a period together (Holm), keeping the raw p-values', () => {
      const names = ['a', 'b', 'c'];
      const scores: number[] = [];
      const at: number[] = [];
      const codes: number[] = [];
      const add = (time: number, code: number, list: number[]) => {
        for (const score of list) {
          scores.push(score);
          at.push(time);
          codes.push(code);
        }
      };
      add(jan, 0, [10, 10, 9, 3, 2, 7, 8, 10]);
      add(feb, 0, [2, 3, 4, 6, 6, 10, 7, 1]);
      add(jan, 1, [10, 9, 9, 9, 10, 6]);
      add(feb, 1, [10, 9, 6, 6, 5, 8]);
      add(jan, 2, [7, 8, 7, 7, 9, 0]);
      add(feb, 2, [9, 10, 10, 9, 8, 3]);
      const trend = surveyTrend({ scores, at, segments: { codes: new Uint8Array(codes), names } }, { metric: 'nps' });
      const rows = trend.periods.filter((row) => row.period === '2024-02' && row.segment !== undefined);
      expect(rows.map((row) => row.segment)).toEqual(names);
      const raw = names.map(
        (_, code) =>
          compareNetPromoterScores(
            { scores: scores.filter((_, i) => codes[i] === code && at[i] === feb) },
            { scores: scores.filter((_, i) => codes[i] === code && at[i] === jan) },
          ).pValue,
      );
      const adjusted = adjustPValues(raw);
      expect(rows.map((row) => row.change?.rawPValue)).toEqual(raw);
      expect(rows.map((row) => row.change?.pValue)).toEqual(adjusted);
      const total = trend.periods.find((row) => row.period === '2024-02' && row.segment === undefined);
      expect(total?.change?.rawPValue).toBeUndefined();
      expect(total?.responses).toBe(20);
    });
  });

  describe('edge cases', () => {
    it('lists a period without responses, and compares neither it nor the one after it', () => {
      const trend = surveyTrend(
        { responses: [...responses(), { at: apr, score: 10 }] },
        { metric: 'nps', from: '2024-01-01', to: '2024-06-01' },
      );
      expect(trend.periods.map((row) => [row.period, row.responses, row.score, row.change === undefined])).toEqual([
        ['2024-01', 10, netPromoterScore({ scores: janScores }).score, true],
        ['2024-02', 12, netPromoterScore({ scores: febScores }).score, false],
        ['2024-03', 0, null, true],
        ['2024-04', 1, 100, true],
        ['2024-05', 0, null, true],
      ]);
      expect(trend.periods[2]?.interval).toBeNull();
    });

    it('keeps responses inside [from, to) and groups by quarter and year', () => {
      const inside = surveyTrend({ responses: responses() }, { metric: 'nps', from: feb, to: '2024-02-15' });
      expect(inside.periods).toHaveLength(1);
      expect(inside.periods[0]?.responses).toBe(5);
      const quarter = surveyTrend({ responses: responses() }, { metric: 'nps', period: 'quarter' });
      expect(quarter.periods.map((row) => [row.period, row.responses])).toEqual([['2024-Q1', 22]]);
      const year = surveyTrend({ responses: responses() }, { metric: 'nps', period: 'year' });
      expect(year.periods.map((row) => row.period)).toEqual(['2024']);
    });

    it('has a null p-value when neither period varies', () => {
      const trend = surveyTrend(
        {
          responses: [
            { at: jan, score: 10 },
            { at: jan, score: 9 },
            { at: feb, score: 0 },
          ],
        },
        { metric: 'nps' },
      );
      expect(trend.periods[1]?.change).toEqual({ difference: -200, pValue: null, significant: false });
    });

    it('segments responses by their segment field, by segmentBy, and groups a missing one when asked', () => {
      const records = [
        { at: jan, score: 10, attributes: { plan: 'pro' } },
        { at: jan, score: 3, attributes: { plan: 'free' } },
        { at: feb, score: 9, attributes: {} },
      ];
      const trend = surveyTrend({ responses: records }, { metric: 'nps', segmentBy: 'plan', missingSegment: 'group' });
      expect(trend.periods.map((row) => [row.period, row.segment, row.responses])).toEqual([
        ['2024-01', undefined, 2],
        ['2024-01', 'free', 1],
        ['2024-01', 'pro', 1],
        ['2024-01', '(none)', 0],
        ['2024-02', undefined, 1],
        ['2024-02', 'free', 0],
        ['2024-02', 'pro', 0],
        ['2024-02', '(none)', 1],
      ]);
      const own = surveyTrend(
        {
          responses: [
            { at: jan, score: 10, segment: 'x' },
            { at: jan, score: 0 },
          ],
        },
        { metric: 'nps', missingSegment: 'group' },
      );
      expect(own.periods.map((row) => row.segment)).toEqual([undefined, 'x', '(none)']);
    });

    it('reads a column of names and dates as ISO strings, and merges tallied entries of one period', () => {
      const trend = surveyTrend(
        { scores: [10, 3, 9], at: ['2024-01-02', '2024-01-03T10:00:00Z', '2024-02-01'], segments: ['b', 'a', 'b'] },
        { metric: 'nps' },
      );
      expect(trend.periods.map((row) => [row.period, row.segment, row.responses])).toEqual([
        ['2024-01', undefined, 2],
        ['2024-01', 'a', 1],
        ['2024-01', 'b', 1],
        ['2024-02', undefined, 1],
        ['2024-02', 'a', 0],
        ['2024-02', 'b', 1],
      ]);
      const tallied = surveyTrend(
        {
          periods: [
            { period: '2024-01', segment: 'a', distribution: { 10: 2 } },
            { period: '2024-01', segment: 'a', distribution: { 0: 2 } },
          ],
        },
        { metric: 'nps' },
      );
      expect(tallied.periods[1]).toMatchObject({ segment: 'a', responses: 4, score: 0 });
    });
  });

  describe('bulk columns', () => {
    it('reads day numbers and bytes on the fast path, with or without segment codes', () => {
      const day = Math.floor(jan / DAY);
      const scores = new Uint8Array([10, 3, 9, 9]);
      const days = new Uint16Array([day, day, day + 31, day + 31]);
      const byDay = surveyTrend(
        { scores, days, segments: { codes: new Uint8Array([0, 1, 0, 1]), names: ['a', 'b'] } },
        { metric: 'nps' },
      );
      const byTime = surveyTrend(
        { scores: [10, 3, 9, 9], at: [jan, jan, jan + 31 * DAY, jan + 31 * DAY], segments: ['a', 'b', 'a', 'b'] },
        { metric: 'nps' },
      );
      expect(byDay).toEqual(byTime);
      const plain = surveyTrend({ scores, at: new Float64Array([jan, jan, feb, feb]) }, { metric: 'nps' });
      expect(plain.periods.map((row) => row.responses)).toEqual([2, 2]);
    });

    it('reports the first bad score, code or day found by the fast path', () => {
      const at = new Float64Array([jan, jan, jan]);
      expectMetricError(
        () => surveyTrend({ scores: new Uint8Array([9, 11, 12]), at }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['scores', 1],
      );
      expectMetricError(
        () =>
          surveyTrend(
            { scores: new Uint8Array([9, 9, 9]), at, segments: { codes: new Uint8Array([0, 0, 3]), names: ['a'] } },
            { metric: 'nps' },
          ),
        'INVALID_INPUT',
        ['segments', 'codes', 2],
      );
      expectMetricError(
        () => surveyTrend({ scores: [9, 9], days: [19_000, 1.5] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['days', 1],
      );
      expectMetricError(
        () => surveyTrend({ scores: [9], days: [19_000], at: [jan] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['at'],
      );
      expectMetricError(() => surveyTrend({ scores: [9] } as never, { metric: 'nps' }), 'INVALID_INPUT', ['at']);
    });

    it('places responses by day even across a window on a day-number column', () => {
      const day = Math.floor(jan / DAY);
      const trend = surveyTrend(
        { scores: [9, 9, 0], days: [day, day + 40, day + 80] },
        { metric: 'nps', from: jan + 10 * DAY, period: 'quarter' },
      );
      expect(trend.periods.map((row) => [row.period, row.responses])).toEqual([['2024-Q1', 2]]);
    });
  });

  describe('validation', () => {
    it('names a response without a date, a score off the scale and a bad date', () => {
      expectMetricError(
        () => surveyTrend({ responses: [{ at: jan, score: 9 }, { score: 9 } as never] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['responses', 1, 'at'],
      );
      expectMetricError(
        () => surveyTrend({ responses: [{ at: jan, score: 11 }] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['responses', 0, 'score'],
      );
      expectMetricError(() => surveyTrend({ scores: [9, 12], at: [jan, jan] }, { metric: 'nps' }), 'INVALID_INPUT', [
        'scores',
        1,
      ]);
      expectMetricError(
        () => surveyTrend({ scores: [9, 9], at: new Float64Array([jan, Number.NaN]) }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['at', 1],
      );
      expectMetricError(
        () => surveyTrend({ scores: [9, 9], at: [jan, 'yesterday'] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['at', 1],
      );
      expectMetricError(() => surveyTrend({ scores: [9, 9], at: [jan] }, { metric: 'nps' }), 'INVALID_INPUT', ['at']);
    });

    it('refuses an unknown metric, NPS with a scale, to before from, and a scale without a threshold', () => {
      const input = { responses: responses() };
      const error = expectMetricError(() => surveyTrend(input, { metric: 'ces2' } as never), 'INVALID_INPUT', [
        'metric',
      ]);
      expect(error.metric).toBe('surveyTrend');
      expectMetricError(() => surveyTrend(input, {} as never), 'INVALID_INPUT', ['metric']);
      expectMetricError(() => surveyTrend(input, { metric: 'nps', scale: { min: 0, max: 10 } }), 'INVALID_INPUT', [
        'scale',
      ]);
      expectMetricError(() => surveyTrend(input, { metric: 'nps', from: feb, to: jan }), 'INVALID_INPUT', ['to']);
      const threshold = expectMetricError(
        () => surveyTrend(input, { metric: 'csat', scale: { min: 0, max: 3 } }),
        'INVALID_INPUT',
        ['satisfiedFrom'],
      );
      expect(threshold.message).toMatch(/^surveyTrend: /);
      expectUnknownOptionRefused(
        'surveyTrend',
        () => surveyTrend(input, { metric: 'nps', interval: 'wald' } as never),
        'interval',
      );
    });

    it('names a bad segment, a bad code and a bad tallied period', () => {
      expectMetricError(
        () =>
          surveyTrend(
            {
              responses: [
                { at: jan, score: 9, segment: 'a' },
                { at: jan, score: 9 },
              ],
            },
            { metric: 'nps' },
          ),
        'INVALID_INPUT',
        ['responses', 1, 'segment'],
      );
      expectMetricError(
        () =>
          surveyTrend(
            { scores: [9, 9], at: [jan, jan], segments: { codes: [0, -1], names: ['a'] } },
            { metric: 'nps' },
          ),
        'INVALID_INPUT',
        ['segments', 'codes', 1],
      );
      expectMetricError(
        () => surveyTrend({ scores: [9, 9], at: [jan, jan], segments: ['a', null] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['segments', 1],
      );
      expectMetricError(
        () => surveyTrend({ periods: [{ period: '2024-Q1', distribution: { 9: 1 } }] }, { metric: 'nps' }),
        'INVALID_INPUT',
        ['periods', 0, 'period'],
      );
      expectMetricError(
        () => surveyTrend({ scores: [9], at: [jan] }, { metric: 'nps', segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['segmentBy'],
      );
    });

    it('reports no responses in the window as NO_DATA', () => {
      expectMetricError(
        () => surveyTrend({ responses: responses() }, { metric: 'nps', from: '2025-01-01' }),
        'NO_DATA',
        ['responses'],
      );
      expectMetricError(() => surveyTrend({ periods: [] }, { metric: 'nps' }), 'NO_DATA', ['periods']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen records and columns unchanged', () => {
      const records = Object.freeze(responses().map((record) => Object.freeze(record)));
      const before = JSON.stringify(records);
      surveyTrend({ responses: records }, { metric: 'nps' });
      expect(JSON.stringify(records)).toBe(before);
      const at = new Float64Array([jan, feb]);
      surveyTrend({ scores: [1, 2], at }, { metric: 'csat' });
      expect([...at]).toEqual([jan, feb]);
    });
  });
});
