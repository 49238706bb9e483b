import { describe, expect, it } from 'vitest';
import { addMonths, earliestOf, epochOf, formatDay, formatMonth, latestOf, monthStart } from './dates.js';

describe('command-line dates', () => {
  it('reads dates as the library does: midnight UTC, UTC without an offset, offsets applied', () => {
    expect(epochOf('2024-03-15')).toBe(Date.UTC(2024, 2, 15));
    expect(epochOf('2024-03-15T10:30')).toBe(Date.UTC(2024, 2, 15, 10, 30));
    expect(epochOf('2024-03-15 10:30:05.25Z')).toBe(Date.UTC(2024, 2, 15, 10, 30, 5, 250));
    expect(epochOf('2024-03-15T10:30:00+02:00')).toBe(Date.UTC(2024, 2, 15, 8, 30));
    expect(epochOf('2024-03-15T10:30:00-0130')).toBe(Date.UTC(2024, 2, 15, 12, 0));
    expect(formatDay(epochOf('0099-01-01'))).toBe('0099-01-01');
    expect(epochOf(1_700_000_000_000)).toBe(1_700_000_000_000);
    for (const bad of [
      '2024-02-30',
      '2024-13-01',
      '2024-01-01T24:00',
      '2024-01-01T10:00:60',
      'soon',
      '',
      Number.NaN,
      null,
      {},
    ]) {
      expect(epochOf(bad)).toBeNaN();
    }
  });

  it('finds the latest and earliest dates, skipping what is not one', () => {
    expect(latestOf(['2024-01-02', 'x', undefined, '2024-05-01', '2023-01-01'])).toBe(Date.UTC(2024, 4, 1));
    expect(earliestOf(['x', '2024-01-02', '2023-01-01'])).toBe(Date.UTC(2023, 0, 1));
    expect(latestOf(['x'])).toBeNaN();
    expect(earliestOf([])).toBeNaN();
  });

  it('formats and adds months', () => {
    expect(formatDay(Date.UTC(2024, 1, 29, 23))).toBe('2024-02-29');
    expect(formatMonth(Date.UTC(2024, 1, 29, 23))).toBe('2024-02');
    expect(formatDay(addMonths(Date.UTC(2024, 1, 29), 12))).toBe('2025-03-01');
    expect(formatDay(addMonths(Date.UTC(2024, 11, 15), 1))).toBe('2025-01-15');
    expect(monthStart('2024-12')).toBe(Date.UTC(2024, 11, 1));
    expect(monthStart('2024-13')).toBeNaN();
    expect(monthStart('2024-1')).toBeNaN();
  });
});
