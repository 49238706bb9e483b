import { describe, expect, it } from 'vitest';
import { countByDay, countByDay16, countByTime, guessDays, guessTable } from './trendLoops.js';

const DAY = 86_400_000;
const jan1 = Date.UTC(2024, 0, 1) / DAY;
const loop = { min: 0, points: 10, codes: 2, stride: 11 };

/** 10 001 answers over March 2024 (one outlier day at `outlier`), codes 0 and 1. */
function columns(outlier?: { index: number; day: number }) {
  const length = 10_001;
  const days = new Uint16Array(length);
  const scores = new Uint8Array(length);
  const codes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    days[i] = jan1 + 60 + (i % 31);
    scores[i] = i % 11;
    codes[i] = i % 2;
  }
  if (outlier !== undefined) days[outlier.index] = outlier.day;
  return { days, scores, codes, times: Float64Array.from(days, (day) => day * DAY + 3_600_000) };
}

describe('trend loops', () => {
  it('guesses the days from a sample, widened by a year and kept to valid days', () => {
    const { days, times } = columns();
    expect(guessDays(days, 'day')).toEqual({ low: jan1 + 60 - 366, high: jan1 + 90 + 366 });
    expect(guessDays(times, 'ms')).toEqual({ low: jan1 + 60 - 366, high: jan1 + 90 + 366 });
    expect(guessDays(new Uint16Array([5, 65_530]), 'day')).toEqual({ low: 0, high: 65_535 });
    expect(guessDays(new Int32Array([-99_999_990]), 'day')).toEqual({ low: -100_000_000, high: -99_999_624 });
    expect(guessDays(new Float64Array([8.64e15 - 1]), 'ms')).toEqual({ low: 1e8 - 367, high: 1e8 - 1 });
    expect(guessDays(new Float64Array([Number.NaN]), 'ms')).toBeNull();
    expect(guessDays(new Int32Array([0, 70_000]), 'day')).toBeNull();
    expect(guessDays(new Uint16Array(0), 'day')).toBeNull();
  });

  it('counts the same from day numbers, 16 or 32 bits, and from epoch milliseconds', () => {
    const { days, scores, codes, times } = columns();
    const tables = [
      guessTable(jan1, jan1 + 365, 'month', 3, 1, 11, true),
      guessTable(jan1, jan1 + 365, 'month', 3, 1, 11),
      guessTable(jan1, jan1 + 365, 'month', 3, 1, 11),
    ];
    expect(countByDay16(scores, codes, days, loop, tables[0] as never)).toBe(true);
    expect(countByDay(scores, codes, Int32Array.from(days), loop, tables[1] as never)).toBe(true);
    expect(countByTime(scores, codes, times, loop, tables[2] as never)).toBe(true);
    const [a, b, c] = tables.map((table) => table.counts);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // March is period 2, slot 1 (code 0) and slot 2 (code 1) of 3: 10 001 answers in all.
    const march = (a as Float64Array).subarray(2 * 33, 3 * 33);
    expect(march.reduce((sum, n) => sum + n, 0)).toBe(10_001);
    expect(march[0]).toBe(0);
    expect(march[11]).toBe(455); // score 0, code 0: i ≡ 0 mod 22
  });

  it('stops at a day outside the guess, a score off the scale or an unknown code, in the last steps too', () => {
    for (const index of [0, 3, 5000, 9_999, 10_000]) {
      const outside = columns({ index, day: jan1 - 400 });
      const table = () => guessTable(jan1, jan1 + 365, 'month', 3, 1, 11, true);
      expect(countByDay16(outside.scores, outside.codes, outside.days, loop, table())).toBe(false);
      const small = () => guessTable(jan1, jan1 + 365, 'month', 3, 1, 11);
      expect(countByDay(outside.scores, outside.codes, outside.days, loop, small())).toBe(false);
      expect(countByTime(outside.scores, outside.codes, outside.times, loop, small())).toBe(false);
      const times = columns().times;
      times[index] = Number.NaN;
      expect(countByTime(outside.scores, null, times, loop, small())).toBe(false);
      const { days, scores, codes } = columns();
      scores[index] = 11;
      expect(countByDay16(scores, null, days, loop, table())).toBe(false);
      scores[index] = 0;
      codes[index] = 2;
      expect(countByDay16(scores, codes, days, loop, table())).toBe(false);
    }
  });
});
