// Period options of the time-stamped commands: `--from` and `--to` (inclusive UTC days) and `--by
// month|quarter|year`, checked before anything is read.
import { type CommandContext, choiceOption, stringOption, whereFilters } from './command.js';
import { DAY_MS, epochOf, formatDay } from './dates.js';
import { InputError, UsageError } from './errors.js';
import type { OptionSpec } from './command.js';
import type { InputRecord } from './records.js';

/** `--from` and `--to`, for every command whose records carry a date. */
export const WINDOW_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  from: { type: 'string', value: 'YYYY-MM-DD', description: 'keep records dated on or after this day (UTC)' },
  to: { type: 'string', value: 'YYYY-MM-DD', description: 'keep records dated on or before this day (UTC)' },
};

/** `--by`, for commands that can print a series. */
export const BY_OPTION: Readonly<Record<string, OptionSpec>> = {
  by: { type: 'string', value: 'month|quarter|year', description: 'one row per calendar period (UTC)' },
};

/**
 * `--by`, for commands that can print a series and break their figures down by segment: a period, a
 * column, or both (the option repeated).
 */
export const BY_SEGMENT_OPTION: Readonly<Record<string, OptionSpec>> = {
  by: {
    type: 'string',
    multiple: true,
    value: 'period|column',
    description:
      'one row per calendar period (month, quarter or year, UTC), or one line per value of a column (plan, region …); repeat to have both',
  },
};

/** Calendar periods of a series. */
export const PERIODS = ['month', 'quarter', 'year'] as const;

/** A calendar period of a series. */
export type Period = (typeof PERIODS)[number];

/** Days from `--from` to `--to`, both included, as a half-open range of epoch milliseconds. */
export interface DateWindow {
  /** The first instant kept (midnight UTC of `--from`), or −∞. */
  readonly start: number;
  /** The first instant after the window (midnight UTC after `--to`), or +∞. */
  readonly end: number;
  /** The flags as given, to repeat them in messages (`--from 2024-01-01 --to 2024-03-31`). */
  readonly flags: readonly string[];
}

/** Epoch milliseconds of midnight UTC of a day option written `YYYY-MM-DD`, or undefined when not given. */
export function dayOption(context: CommandContext, name: string): number | undefined {
  const text = stringOption(context, name);
  if (text === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? epochOf(text) : Number.NaN;
  if (Number.isNaN(time)) throw new UsageError(`--${name} must be a day written YYYY-MM-DD, not '${text}'`);
  return time;
}

/** The window of `--from` and `--to`, checked (a `--to` before `--from` is a mistake, not an empty result). */
export function dateWindow(context: CommandContext): DateWindow {
  const from = dayOption(context, 'from');
  const to = dayOption(context, 'to');
  if (from !== undefined && to !== undefined && to < from) {
    throw new UsageError(`--to ${formatDay(to)} is before --from ${formatDay(from)}`);
  }
  return {
    start: from ?? Number.NEGATIVE_INFINITY,
    end: to === undefined ? Number.POSITIVE_INFINITY : to + DAY_MS,
    flags: [
      ...(from === undefined ? [] : [`--from ${formatDay(from)}`]),
      ...(to === undefined ? [] : [`--to ${formatDay(to)}`]),
    ],
  };
}

/** Whole UTC days as a half-open range of epoch milliseconds: the first day's midnight, the next after the last. */
export interface DayPeriod {
  readonly start: number;
  readonly end: number;
}

/** The library's half-open period of whole days: `to` is the day after the last day, excluded. */
export function halfOpenPeriod(period: DayPeriod): { from: string; to: string } {
  return { from: formatDay(period.start), to: formatDay(period.end) };
}

/** The first and last days of a period, both included, as the command line's `--from` and `--to` write them. */
export function includedDays(period: DayPeriod): { from: string; to: string } {
  return { from: formatDay(period.start), to: formatDay(period.end - DAY_MS) };
}

/** The days of a window in words: `2024-01-01 to 2024-06-30`, `on or after 2024-01-01`, `on or before 2024-06-30`. */
export function windowDays(window: DateWindow): string {
  const from = window.start === Number.NEGATIVE_INFINITY ? undefined : formatDay(window.start);
  const to = window.end === Number.POSITIVE_INFINITY ? undefined : formatDay(window.end - DAY_MS);
  if (from !== undefined && to !== undefined) return `${from} to ${to}`;
  return from !== undefined ? `on or after ${from}` : to !== undefined ? `on or before ${to}` : 'on any day';
}

/** Whether a window was asked for. */
export function hasWindow(window: DateWindow): boolean {
  return window.flags.length > 0;
}

/** Whether an instant falls inside the window. */
export function inWindow(window: DateWindow, time: number): boolean {
  return time >= window.start && time < window.end;
}

/** `--by`, checked: a period, for commands that break nothing down by segment. */
export function byOption(context: CommandContext): Period | undefined {
  const raw = context.values.by;
  if (!Array.isArray(raw)) return choiceOption(context, 'by', PERIODS);
  const { period, column } = byChoice(context);
  if (column !== undefined) {
    const written = raw.find((value) => !(PERIODS as readonly string[]).includes(value));
    throw new UsageError(`--by must be one of ${PERIODS.join(', ')}, not '${written}'`);
  }
  return period;
}

/** What `--by` asks for: a calendar period, a column naming segments, or both. */
export interface ByChoice {
  readonly period: Period | undefined;
  /** The column whose values name the segments; its cells become each record's `attributes`. */
  readonly column: string | undefined;
}

/**
 * `--by` of {@link BY_SEGMENT_OPTION}, checked: each value is a period word or a column name (a column that
 * is literally called `month` is named `column:month`). At most one of each.
 */
export function byChoice(context: CommandContext): ByChoice {
  const raw = context.values.by;
  const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  let period: Period | undefined;
  let column: string | undefined;
  for (const value of values) {
    if ((PERIODS as readonly string[]).includes(value)) {
      if (period !== undefined) throw new UsageError(`--by takes one period, not both ${period} and ${value}`);
      period = value as Period;
      continue;
    }
    const name = value.startsWith('column:') ? value.slice('column:'.length) : value;
    if (name === '') throw new UsageError(`--by must be ${PERIODS.join(', ')} or a column name, not '${value}'`);
    if (column !== undefined) throw new UsageError(`--by takes one column, not both ${column} and ${name}`);
    column = name;
  }
  return { period, column };
}

/** The calendar period (UTC) of an instant: `2024-03`, `2024-Q1` or `2024`. */
export function periodOf(time: number, period: Period): string {
  const date = new Date(time);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  if (period === 'year') return year;
  const month = date.getUTCMonth();
  if (period === 'quarter') return `${year}-Q${Math.floor(month / 3) + 1}`;
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The earliest and latest dates of the records seen, to tell a window that misses the data. */
export class DateRange {
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;

  /** Takes one record's date into account. */
  add(time: number): void {
    if (time < this.first) this.first = time;
    if (time > this.last) this.last = time;
  }

  /** `2024-01-01 to 2024-12-31`, or undefined when no date was seen. */
  describe(): string | undefined {
    return this.first > this.last ? undefined : `${formatDay(this.first)} to ${formatDay(this.last)}`;
  }

  /**
   * Warnings for the ends of a window that lie outside the dates seen (`noun` names the records): the
   * result then covers less than the window says.
   */
  warnings(window: DateWindow, noun: string): string[] {
    const range = this.describe();
    if (range === undefined) return [];
    const warnings: string[] = [];
    if (window.start > this.last || window.end <= this.first) {
      warnings.push(`${window.flags.join(' ')} is outside the ${noun}' dates (${range})`);
    } else {
      if (window.start !== Number.NEGATIVE_INFINITY && window.start < this.first) {
        warnings.push(
          `--from ${formatDay(window.start)} is before the first of the ${noun} (${formatDay(this.first)})`,
        );
      }
      if (window.end !== Number.POSITIVE_INFINITY && window.end - DAY_MS > this.last) {
        warnings.push(
          `--to ${formatDay(window.end - DAY_MS)} is after the last of the ${noun} (${formatDay(this.last)})`,
        );
      }
    }
    return warnings;
  }
}

/** The column a field is read from: its own name, or the one `--map field=column` gives. */
export function mappedColumn(context: CommandContext, field: string): string {
  const raw = context.values.map;
  const maps = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const given = maps.filter((text) => text.startsWith(`${field}=`)).at(-1);
  return given === undefined ? field : given.slice(field.length + 1);
}

/** Epoch milliseconds of a record's date column; `use` says what reads it, for the message of a bad date. */
export function dateOf(file: string, record: InputRecord, column: string, use: string): number {
  const raw = record.fields[column];
  const time = epochOf(raw);
  if (Number.isNaN(time)) {
    throw new InputError(
      file,
      record.location,
      column,
      `${column} must be a date such as 2024-03-15 or 2024-03-15T10:00:00Z ${use}, not '${String(raw ?? '')}'`,
    );
  }
  return time;
}

/** A `--from`/`--to` filter on a date column of a file's records, and what it saw. */
export interface WindowFilter {
  /** The window of `--from` and `--to`. */
  readonly window: DateWindow;
  /** Whether a record's date is inside the window (always true without `--from` and `--to`). */
  readonly keep: (record: InputRecord) => boolean;
  /** The warnings of a window that reaches beyond the records' dates, once they are read. */
  readonly warnings: () => string[];
  /** The error to throw when no record is left: it names the file, the filters and the records' dates. */
  readonly nothingLeft: () => UsageError;
}

/** `FILE has no NOUN (after --where … --from …)`: what to say of a file, or a filter, that leaves nothing. */
export function nothingLeft(context: CommandContext, file: string, noun: string, flags: readonly string[]): string {
  const where = whereFilters(context).map(([column, value]) => `--where ${column}=${value}`);
  const all = [...where, ...flags];
  return `${file} has no ${noun}${all.length > 0 ? ` (after ${all.join(' ')})` : ''}`;
}

/**
 * The hook a command passes to `loadRecords` or `filteredRecords` to keep the records of `--from` to `--to`
 * by one date column, checked before anything is read. A date that cannot be read is located. `dated` says
 * what the column's dates are of the records, in the message of a window that leaves none
 * (`its customers started from 2023-02-03 to 2024-12-31`).
 */
export function windowFilter(
  context: CommandContext,
  file: string,
  column: string,
  noun: string,
  dated = 'are dated',
): WindowFilter {
  const window = dateWindow(context);
  const range = new DateRange();
  const empty = () => {
    const dates = range.describe();
    return new UsageError(
      `${nothingLeft(context, file, noun, window.flags)}${dates === undefined ? '' : `; its ${noun} ${dated} ${dates}`}`,
    );
  };
  if (!hasWindow(window)) return { window, keep: () => true, warnings: () => [], nothingLeft: empty };
  return {
    window,
    nothingLeft: empty,
    keep(record) {
      const time = dateOf(file, record, column, 'for --from and --to');
      range.add(time);
      return inWindow(window, time);
    },
    warnings: () => range.warnings(window, noun),
  };
}
