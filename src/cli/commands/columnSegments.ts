// `--by COLUMN` of the commands whose period comes from other flags (churn, support): a period word is
// refused there, with the flags that set the period.
import type { CommandContext, OptionSpec } from '../command.js';
import { UsageError } from '../errors.js';
import type { Table } from '../output.js';
import { byChoice } from '../periods.js';
import {
  type Measure,
  type SegmentColumn,
  type SegmentEntry,
  segmentColumn,
  segmentLines,
  smallSampleNote,
} from './segments.js';

/** `--by COLUMN`, for a command whose records' column names the segments. */
export function columnByOption(records: string): Readonly<Record<string, OptionSpec>> {
  return {
    by: {
      type: 'string',
      multiple: true,
      value: 'column',
      description: `one line per value of a column of the ${records} file (plan, region …)`,
    },
  };
}

/**
 * `--by COLUMN` checked, undefined without it; a period word is refused, saying which flags give the period,
 * and `--minimum-segment-size` needs a column.
 */
export function columnSegment(
  context: CommandContext,
  command: string,
  periodFlags: string,
): SegmentColumn | undefined {
  const { period } = byChoice(context);
  if (period !== undefined) {
    throw new UsageError(
      `${command} takes --by COLUMN (plan, region …), not --by ${period}: give the period with ${periodFlags}`,
    );
  }
  const segment = segmentColumn(context);
  if (segment === undefined && context.values['minimum-segment-size'] !== undefined)
    throw new UsageError('--minimum-segment-size needs --by COLUMN, such as --by plan');
  return segment;
}

/**
 * The segments' table of a library's segmented result, its size column `size` read from each result by
 * `sizeOf`, and the footnote of its small segments (`noun`: what the size counts).
 */
export function segmentedTable<R>(
  result: { readonly total: R; readonly segments: readonly SegmentEntry<R>[] },
  segment: SegmentColumn,
  title: string,
  size: { readonly name: string; readonly noun: string; of(result: R): number },
  measures: readonly Measure<R>[],
  minimum: number,
): { table: Table; notes: string[] } {
  const total = { size: size.of(result.total), result: result.total };
  const table = segmentLines(title, segment, size.name, total, result.segments, measures);
  const small = result.segments.some((each) => each.smallSample);
  const withInterval = measures.some((measure) => measure.column.name.startsWith('interval'));
  return { table, notes: small ? [smallSampleNote(minimum, size.noun, withInterval)] : [] };
}
