import { describe, expect, it } from 'vitest';
import { countTrend, periodSpan, readTimes } from './trendCounts.js';
import { expectMetricError } from '../../../test/support/errors.js';

const open = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };

describe('trend counts', () => {
  it('reads a Float64Array without a copy and converts other dates', () => {
    const times = new Float64Array([0, 1]);
    expect(readTimes('m', times, ['at'])).toBe(times);
    expect([...readTimes('m', ['1970-01-02', new Date(5)], ['at'])]).toEqual([86_400_000, 5]);
    expectMetricError(() => readTimes('m', [0, 9e15], ['at']), 'INVALID_INPUT', ['at', 1]);
  });

  it('ends the span with the period before an excluded first instant', () => {
    const to = Date.UTC(2024, 3, 1);
    expect(periodSpan(0, 0, { from: Date.UTC(2024, 0, 5), to }, 'month').length).toBe(3);
    expect(periodSpan(5, 7, open, 'month')).toEqual({ first: 5, length: 3 });
  });

  it('counts each score in its period and slot, and checks responses outside the window too', () => {
    const jan = Date.UTC(2024, 0, 3);
    const mar = Date.UTC(2024, 2, 3);
    const { length, counts } = countTrend({
      metric: 'm',
      scores: [1, 2, 2],
      dates: { unit: 'ms', values: new Float64Array([jan, mar, mar]) },
      datePath: ['at'],
      slots: { codes: [0, -1, 0], size: 1, grouped: true, path: ['c'], missing: '' },
      range: { min: 1, max: 2 },
      period: 'month',
      window: open,
      field: ['scores'],
    });
    expect(length).toBe(3);
    // Period 0: slot 1 score 1; period 2: slot 0 score 2 and slot 1 score 2.
    expect([...counts]).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    expectMetricError(
      () =>
        countTrend({
          metric: 'm',
          scores: [1, 3],
          dates: { unit: 'ms', values: new Float64Array([jan, 0]) },
          datePath: ['at'],
          slots: null,
          range: { min: 1, max: 2 },
          period: 'month',
          window: { from: jan, to: Number.POSITIVE_INFINITY },
          field: ['scores'],
        }),
      'INVALID_INPUT',
      ['scores', 1],
    );
  });

  it('gives the same counts on the guessed way as on the checked way, whatever the guess misses', () => {
    const DAY = 86_400_000;
    const length = 20_003;
    const days = new Uint16Array(length);
    const scores = new Uint8Array(length);
    const codes = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      days[i] = 19_800 + ((i * 7) % 90);
      scores[i] = (i * 3) % 11;
      codes[i] = i % 3;
    }
    // Outliers far from the sample (indexes 1 and 5 are not sampled): the guess fails, the checked way counts.
    days[1] = 10_000;
    days[5] = 30_000;
    const count = (dates: ArrayLike<number>, unit: 'ms' | 'day', scoreColumn: ArrayLike<number> = scores) =>
      countTrend({
        metric: 'm',
        scores: scoreColumn,
        dates:
          unit === 'ms' ? { unit, values: Float64Array.from(dates, (day) => day * DAY + 1) } : { unit, values: dates },
        datePath: ['days'],
        slots: { codes, size: 3, grouped: false, path: ['c'], missing: '' },
        range: { min: 0, max: 10 },
        period: 'month',
        window: open,
        field: ['scores'],
      });
    const checked = count(Array.from(days), 'day', Array.from(scores));
    expect(checked.length).toBe(658); // 1997-05 to 2052-02
    for (const [dates, unit] of [
      [days, 'day'],
      [Int32Array.from(days), 'day'],
      [days, 'ms'],
    ] as const) {
      expect(count(dates, unit)).toEqual(checked);
    }
    // Without the outliers the guess holds: the span is trimmed to the months with answers.
    const inside = days.map((day) => (day < 19_000 || day > 20_000 ? 19_800 : day));
    const guessed = count(inside, 'day');
    expect(guessed.length).toBe(4);
    expect(guessed).toEqual(count(Array.from(inside), 'day', Array.from(scores)));
  });

  it('reports a bad date before a bad score, as the checked way does, wherever they are', () => {
    const times = new Float64Array(10_000).fill(Date.UTC(2024, 0, 3));
    const scores = new Uint8Array(10_000).fill(9);
    scores[2] = 11;
    times[5] = Number.NaN;
    const columns = {
      metric: 'm',
      scores,
      dates: { unit: 'ms', values: times },
      datePath: ['at'],
      slots: null,
      range: { min: 0, max: 10 },
      period: 'month',
      window: open,
      field: ['scores'],
    } as const;
    expectMetricError(() => countTrend(columns), 'INVALID_INPUT', ['at', 5]);
    times[5] = Date.UTC(2024, 0, 3);
    expectMetricError(() => countTrend(columns), 'INVALID_INPUT', ['scores', 2]);
    const days = new Int32Array(10_000).fill(19_800);
    days[7] = 200_000_000;
    expectMetricError(
      () => countTrend({ ...columns, dates: { unit: 'day', values: days }, datePath: ['days'] }),
      'INVALID_INPUT',
      ['days', 7],
    );
  });
});
