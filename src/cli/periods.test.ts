import { describe, expect, it } from 'vitest';
import type { CommandContext } from './command.js';
import { epochOf } from './dates.js';
import {
  byChoice,
  byOption,
  DateRange,
  dateWindow,
  dayOption,
  halfOpenPeriod,
  includedDays,
  inWindow,
  periodOf,
  windowDays,
  windowFilter,
} from './periods.js';

const context = (values: CommandContext['values']): CommandContext => ({
  values,
  positionals: [],
  progress: undefined,
});

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

  it('reads --by as a period, a column, or both', () => {
    expect(byChoice(context({}))).toEqual({ period: undefined, column: undefined });
    expect(byChoice(context({ by: 'quarter' }))).toEqual({ period: 'quarter', column: undefined });
    expect(byChoice(context({ by: ['region', 'month'] }))).toEqual({ period: 'month', column: 'region' });
    // A column literally named after a period is written column:NAME.
    expect(byChoice(context({ by: ['column:month'] }))).toEqual({ period: undefined, column: 'month' });
    expect(() => byChoice(context({ by: ['month', 'year'] }))).toThrow(
      '--by takes one period, not both month and year',
    );
    expect(() => byChoice(context({ by: ['plan', 'region'] }))).toThrow(
      '--by takes one column, not both plan and region',
    );
    expect(() => byChoice(context({ by: ['column:'] }))).toThrow(
      "--by must be month, quarter, year or a column name, not 'column:'",
    );
    // A command without segments takes a period only, repeated or not.
    expect(byOption(context({ by: ['year'] }))).toBe('year');
    expect(() => byOption(context({ by: ['plan'] }))).toThrow("--by must be one of month, quarter, year, not 'plan'");
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

  it('writes a window of days as the library takes it and as the command line says it', () => {
    const window = dateWindow(context({ from: '2024-10-01', to: '2024-12-31' }));
    expect(halfOpenPeriod(window)).toEqual({ from: '2024-10-01', to: '2025-01-01' });
    expect(includedDays(window)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(windowDays(window)).toBe('2024-10-01 to 2024-12-31');
    expect(windowDays(dateWindow(context({ from: '2024-10-01' })))).toBe('on or after 2024-10-01');
    expect(windowDays(dateWindow(context({ to: '2024-02-29' })))).toBe('on or before 2024-02-29');
    expect(includedDays({ start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 2, 1) })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('says what the dates of the records are in the message of a window that keeps none', () => {
    const filter = windowFilter(context({ from: '2030-01-01' }), 'customers.csv', 'start', 'customers', 'started from');
    expect(filter.window.flags).toEqual(['--from 2030-01-01']);
    const record = (start: string) => ({ fields: { start }, location: 'line 2' });
    expect(filter.keep(record('2024-01-05'))).toBe(false);
    expect(filter.keep(record('2024-03-01'))).toBe(false);
    expect(filter.nothingLeft().message).toBe(
      'customers.csv has no customers (after --from 2030-01-01); its customers started from 2024-01-05 to 2024-03-01',
    );
  });
});
