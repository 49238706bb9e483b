// Breakdowns by segment (`--by plan`) shared by the commands: the column and what a blank cell in it does
// (`--missing-segment`), the order segments are listed in, and the mark and footnote of a small segment.
import { choiceOption, type CommandContext, type OptionSpec, stringOption } from '../command.js';
import { UsageError } from '../errors.js';
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
  throw new UsageError(
    `${file} has no column '${segment.column}' for ${segment.flag} (its columns: ${Object.keys(record.fields).join(', ')}): --by takes ${PERIODS.join(', ')} or a column's name`,
  );
}

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

/** The footnote of the small-sample mark. */
export function smallSampleNote(minimum: number, noun: string): string {
  return `${SMALL_MARK} fewer than ${minimum.toLocaleString('en-US')} ${noun}: a small sample, whose figure can move a lot with a few more; read it with its interval, not against the others.`;
}
