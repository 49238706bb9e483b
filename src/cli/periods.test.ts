import { describe, expect, it } from 'vitest';
import type { CommandContext } from './command.js';
import { epochOf } from './dates.js';
import { byOption, DateRange, dateWindow, dayOption, inWindow, periodOf } from './periods.js';

const context = (values: Record<string, string>): CommandContext => ({ values, positionals: [], progress: undefined });

describe('periods', () => {
  it('reads days as midnight UTC and keeps both ends of a window', () => {
    expect(dayOption(context({ from: '2024-02-29' }), 'from')).toBe(Date.UTC(2024, 1, 29));
    const window = dateWindow(context({ from: '2024-01-01', to: '2024-01-31' }));
    expect(inWindow(window, epochOf('2024-01-01T00:00:00Z'))).toBe(true);
    expect(inWindow(window, epochOf('2024-01-31T23:59:59Z'))).toBe(true);
    expect(inWindow(window, epochOf('2024-02-01T00:00:00Z'))).toBe(false);
    expect(inWindow(window, epochOf('2023-12-31T23:59:59Z'))).toBe(false);
    // A time with an offset is compared as the instant it names: 00:30 in Paris is the day before in UTC.
    expect(inWindow(window, epochOf('2024-02-01T00:30:00+01:00'))).toBe(true);
    expect(window.flags).toEqual(['--from 2024-01-01', '--to 2024-01-31']);
    expect(inWindow(dateWindow(context({})), 0)).toBe(true);
  });

  it('refuses what is not a day, and a --to before --from', () => {
    expect(() => dayOption(context({ to: '2024-1-5' }), 'to')).toThrow(
      "--to must be a day written YYYY-MM-DD, not '2024-1-5'",
    );
    expect(() => dayOption(context({ to: '2023-02-29' }), 'to')).toThrow('--to must be a day');
    expect(() => dateWindow(context({ from: '2024-02-01', to: '2024-01-31' }))).toThrow(
      '--to 2024-01-31 is before --from 2024-02-01',
    );
    expect(() => byOption(context({ by: 'week' }))).toThrow("--by must be one of month, quarter, year, not 'week'");
  });

  it('names calendar periods in UTC', () => {
    const time = epochOf('2024-08-31T23:30:00-02:00');
    expect([periodOf(time, 'month'), periodOf(time, 'quarter'), periodOf(time, 'year')]).toEqual([
      '2024-09',
      '2024-Q3',
      '2024',
    ]);
    expect(periodOf(epochOf('2024-12-31'), 'quarter')).toBe('2024-Q4');
  });

  it('warns about ends of a window beyond the dates seen', () => {
    const range = new DateRange();
    expect(range.describe()).toBeUndefined();
    expect(range.warnings(dateWindow(context({ from: '2024-01-01' })), 'answers')).toEqual([]);
    range.add(epochOf('2024-03-10'));
    range.add(epochOf('2024-02-01'));
    expect(range.describe()).toBe('2024-02-01 to 2024-03-10');
    expect(range.warnings(dateWindow(context({ from: '2024-01-01', to: '2024-12-31' })), 'answers')).toEqual([
      '--from 2024-01-01 is before the first of the answers (2024-02-01)',
      '--to 2024-12-31 is after the last of the answers (2024-03-10)',
    ]);
    expect(range.warnings(dateWindow(context({ from: '2025-01-01' })), 'answers')).toEqual([
      "--from 2025-01-01 is outside the answers' dates (2024-02-01 to 2024-03-10)",
    ]);
    expect(range.warnings(dateWindow(context({ from: '2024-02-01', to: '2024-03-10' })), 'answers')).toEqual([]);
  });
});
