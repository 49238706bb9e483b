// Breakdowns by segment (`--by plan`) shared by the commands: the column and what a blank cell in it does
// (`--missing-segment`), the order segments are listed in, and the mark and footnote of a small segment.
import { isMetricError } from '../../index.js';
import {
  choiceOption,
  type CommandContext,
  type FieldSpecs,
  type LoadedRecords,
  loadRecords,
  locate,
  type OptionSpec,
  stringOption,
} from '../command.js';
import { InputError, UsageError } from '../errors.js';
import type { Column, Table } from '../output.js';
import { byChoice, PERIODS } from '../periods.js';
import { formatOf, type InputRecord } from '../records.js';

/** The segment of records whose segment cell is blank, under `--missing-segment group` (the library's name). */
export const NO_SEGMENT = '(none)';

/** `--missing-segment`, for every command that takes a column in `--by`. */
export const MISSING_SEGMENT_OPTION: Readonly<Record<string, OptionSpec>> = {
  'missing-segment': {
    type: 'string',
    value: 'error|group',
    default: 'error',
    description: `what a blank cell of the --by column does: stop with its line, or count it in the segment ${NO_SEGMENT}`,
  },
};

/** `--minimum-segment-size`: below it a segment is marked as a small sample (the default is the command's). */
export function minimumSegmentSizeOption(defaultSize: number): Readonly<Record<string, OptionSpec>> {
  return {
    'minimum-segment-size': {
      type: 'string',
      value: 'n',
      default: String(defaultSize),
      description: 'with --by COLUMN: a segment with fewer records is marked as a small sample',
    },
  };
}

/** `--minimum-segment-size`, a whole number of at least 1, or `fallback`. */
export function minimumSegmentSize(context: CommandContext, fallback: number): number {
  const text = stringOption(context, 'minimum-segment-size');
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`--minimum-segment-size must be a whole number of at least 1, such as 30, not '${text}'`);
  }
  return Number(text);
}

/** The column of `--by COLUMN`, as the command line was given it. */
export interface SegmentColumn {
  readonly column: string;
  /** The flag as written, for messages: `--by plan`, `--by column:month`. */
  readonly flag: string;
  /** Whether a blank cell counts in {@link NO_SEGMENT} (`--missing-segment group`) rather than stopping. */
  readonly group: boolean;
}

/** `--by COLUMN` with `--missing-segment`, checked; undefined when `--by` names no column. */
export function segmentColumn(context: CommandContext): SegmentColumn | undefined {
  const { column } = byChoice(context);
  const missing = choiceOption(context, 'missing-segment', ['error', 'group'] as const);
  if (column === undefined) {
    if (missing !== undefined) throw new UsageError('--missing-segment needs --by COLUMN, such as --by plan');
    return undefined;
  }
  const raw = context.values.by;
  const written = (Array.isArray(raw) ? raw : [String(raw)]).find(
    (value) => value === column || value === `column:${column}`,
  );
  return { column, flag: `--by ${written ?? column}`, group: missing === 'group' };
}

/**
 * Refuses a CSV file without the `--by` column at its first record, saying what `--by` takes (a misspelt
 * period reads as a column name). A JSON record without the field is a blank cell.
 */
export function checkSegmentColumn(
  context: CommandContext,
  file: string,
  record: InputRecord,
  segment: SegmentColumn,
): void {
  if (Object.hasOwn(record.fields, segment.column) || formatOf(file, stringOption(context, 'format')) !== 'csv') return;
  throw noColumn(file, segment, Object.keys(record.fields));
}

function noColumn(file: string, segment: SegmentColumn, columns: readonly string[]): UsageError {
  return new UsageError(
    `${file} has no column '${segment.column}' for ${segment.flag} (its columns: ${columns.join(', ')}): --by takes ${PERIODS.join(', ')} or a column's name`,
  );
}

/** The library options of a breakdown by the `--by` column. */
export function segmentOptions(segment: SegmentColumn): { segmentBy: string; missingSegment: 'error' | 'group' } {
  return { segmentBy: segment.column, missingSegment: segment.group ? 'group' : 'error' };
}

/**
 * `loadRecords` with the `--by` column read into each record's `attributes` (none without a column); a
 * file without the column is refused saying what `--by` takes.
 */
export async function loadSegmentRecords<T>(
  context: CommandContext,
  file: string,
  specs: FieldSpecs<T>,
  segment: SegmentColumn | undefined,
  keep?: (record: InputRecord) => boolean,
): Promise<LoadedRecords<T>> {
  if (segment === undefined) return loadRecords(context, file, specs, keep);
  const prefix = `${file} has no column '${segment.column}' (its columns: `;
  try {
    return await loadRecords(context, file, specs, keep, [segment.column]);
  } catch (error) {
    if (!(error instanceof UsageError) || !error.message.startsWith(prefix)) throw error;
    throw noColumn(file, segment, error.message.slice(prefix.length, -1).split(', '));
  }
}

/**
 * A segmented library call on loaded records, located like `locate` does; a record without the segment
 * (its cell blank) is reported in the command line's words, with the flag that counts it in `(none)`.
 */
export function locateSegmented<T, R>(
  loaded: LoadedRecords<R>,
  segment: SegmentColumn | undefined,
  noun: string,
  call: () => T,
): T {
  return locate(loaded.file, loaded.locations, loaded.columns, () => {
    try {
      return call();
    } catch (error) {
      if (segment === undefined || !isMetricError(error)) throw error;
      const [, index, key, name] = error.issues[0]?.path ?? [];
      if (typeof index !== 'number' || key !== 'attributes' || name !== segment.column) throw error;
      throw new InputError(
        loaded.file,
        loaded.locations.at(index),
        segment.column,
        missingSegmentProblem(segment, noun),
      );
    }
  });
}

/** A segment of the library's segmented results. */
export interface SegmentEntry<R> {
  readonly segment: string;
  readonly size: number;
  readonly result: R | null;
  readonly smallSample: boolean;
}

/** A figure of a breakdown's lines: its column, and how it is read from a result. */
export interface Measure<R> {
  readonly column: Column;
  value(result: R): unknown;
}

/**
 * One line for the total, `(all)`, then one per segment in the library's order: the segment's size, its
 * figures (`—` where the segment has no result) and the small-sample mark.
 */
export function segmentLines<R>(
  title: string,
  segment: SegmentColumn,
  size: string,
  total: { readonly size: number; readonly result: R },
  segments: readonly SegmentEntry<R>[],
  measures: readonly Measure<R>[],
): Table {
  return {
    title,
    columns: [
      { name: segment.column },
      { name: size, kind: 'integer' },
      ...measures.map((measure) => measure.column),
      { name: 'small sample' },
    ],
    rows: [
      [ALL, total.size, ...measures.map((measure) => measure.value(total.result)), ''],
      ...segments.map((each) => [
        each.segment,
        each.size,
        ...measures.map((measure) => (each.result === null ? null : measure.value(each.result))),
        each.smallSample ? SMALL_MARK : '',
      ]),
    ],
  };
}

/** The label of the line of all records, above the segments' lines (no segment can be named so by a blank). */
export const ALL = '(all)';

/** The problem of a record whose segment cell is blank, in the command line's words. */
export function missingSegmentProblem(segment: SegmentColumn, noun: string): string {
  return `${segment.column} is blank: ${segment.flag} needs a value on every ${noun}; add --missing-segment group to count such ${noun}s in ${NO_SEGMENT}`;
}

/** Segment names in the library's order: by name (code units, the same in every locale), `(none)` last. */
export function segmentOrder(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    if (a === b) return 0;
    if (a === NO_SEGMENT) return 1;
    if (b === NO_SEGMENT) return -1;
    return a < b ? -1 : 1;
  });
}

/** The mark of a small segment in a table, explained by {@link smallSampleNote}. */
export const SMALL_MARK = '*';

/**
 * The footnote of the small-sample mark; `withInterval`: whether the table prints an interval to read the
 * figure with (not every figure has one).
 */
export function smallSampleNote(minimum: number, noun: string, withInterval: boolean): string {
  const advice = withInterval
    ? 'read it with its interval, not against the others'
    : 'do not read much into how it differs from the others';
  return `${SMALL_MARK} fewer than ${minimum.toLocaleString('en-US')} ${noun}: a small sample, whose figure can move a lot with a few more; ${advice}.`;
}
