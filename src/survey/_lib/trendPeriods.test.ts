import { describe, expect, it } from 'vitest';
import { dayTable, parsePeriodLabel, periodLabel, periodOfDay, periodOfTime, periodStart } from './trendPeriods.js';

describe('trend periods', () => {
  it('numbers consecutive periods consecutively and labels them', () => {
    const march = periodOfTime(Date.UTC(2024, 2, 31, 23, 59), 'month');
    expect(periodLabel(march, 'month')).toBe('2024-03');
    expect(periodLabel(march + 1, 'month')).toBe('2024-04');
    expect(periodLabel(periodOfTime(Date.UTC(2024, 3, 1), 'quarter'), 'quarter')).toBe('2024-Q2');
    expect(periodLabel(periodOfTime(Date.UTC(1999, 11, 31), 'year'), 'year')).toBe('1999');
    expect(periodLabel(-1, 'quarter')).toBe('-0001-Q4');
  });

  it('starts each period on the first instant of its first month', () => {
    expect(periodStart(periodOfTime(Date.UTC(2024, 4, 9), 'quarter'), 'quarter')).toBe(Date.UTC(2024, 3, 1));
    expect(periodStart(2024 * 12 + 1, 'month')).toBe(Date.UTC(2024, 1, 1));
    expect(periodStart(2025, 'year')).toBe(Date.UTC(2025, 0, 1));
  });

  it('reads labels back, and refuses the wrong kind', () => {
    for (const period of ['month', 'quarter', 'year'] as const) {
      const index = periodOfTime(Date.UTC(2023, 7, 15), period);
      expect(parsePeriodLabel(periodLabel(index, period), period)).toBe(index);
    }
    expect(parsePeriodLabel('2024-13', 'month')).toBeNaN();
    expect(parsePeriodLabel('2024-Q1', 'month')).toBeNaN();
    expect(parsePeriodLabel(2024, 'year')).toBeNaN();
  });

  it('builds a day table that agrees with the civil calendar', () => {
    const first = Math.floor(Date.UTC(2023, 10, 20) / 86_400_000);
    const last = first + 800;
    for (const period of ['month', 'quarter', 'year'] as const) {
      const start = periodOfDay(first, period);
      const table = dayTable(first, last, period, start) as Int32Array;
      for (let day = first; day <= last; day++) expect(table[day - first]).toBe(periodOfDay(day, period) - start);
    }
    expect(dayTable(0, 1 << 23, 'month', 0)).toBeNull();
  });
});
