// churn by segment (`--by plan`): the library's churn of each segment's customers, one line per segment
// after the line of all customers, a segment with few customers at the start marked as a small sample.
import type { CustomerChurnResult, Segmented } from '../../retention/index.js';
import type { CommandContext, OptionSpec } from '../command.js';
import { UsageError } from '../errors.js';
import type { Table } from '../output.js';
import { byChoice } from '../periods.js';
import { type Measure, type SegmentColumn, segmentColumn, segmentLines, smallSampleNote } from './segments.js';

/**
 * Below this many customers at the start a segment is marked as a small sample: the library's default, the
 * customary smallest sample for a proportion (below it one lost customer moves the rate by over 3 points).
 */
export const CHURN_MINIMUM_SEGMENT_SIZE = 30;

/** `--by COLUMN` of churn, which takes its period from --month or --from and --to. */
export const CHURN_BY_OPTION: Readonly<Record<string, OptionSpec>> = {
  by: {
    type: 'string',
    multiple: true,
    value: 'column',
    description: 'one line per value of a column of the customers file (plan, region …)',
  },
};

/** `--by COLUMN` of churn, checked: a period word is refused, since the period is --month or --from and --to. */
export function churnSegmentColumn(context: CommandContext): SegmentColumn | undefined {
  const { period } = byChoice(context);
  if (period !== undefined) {
    throw new UsageError(
      `churn takes --by COLUMN (plan, region …), not --by ${period}: give the period with --month, or --from and --to`,
    );
  }
  return segmentColumn(context);
}

const MEASURES: readonly Measure<CustomerChurnResult>[] = [
  { column: { name: 'new', kind: 'integer' }, value: (result) => result.newCustomers },
  { column: { name: 'lost', kind: 'integer' }, value: (result) => result.customersLost },
  { column: { name: 'at end', kind: 'integer' }, value: (result) => result.customersAtEnd },
  { column: { name: 'churn rate', kind: 'percent' }, value: (result) => result.churnRate },
  { column: { name: 'retention rate', kind: 'percent' }, value: (result) => result.retentionRate },
];

/** The segments' table and its footnote. */
export function churnSegmentOutput(
  result: Segmented<CustomerChurnResult>,
  segment: SegmentColumn,
  title: string,
  minimum: number,
): { table: Table; notes: string[] } {
  const table = segmentLines(
    title,
    segment,
    'at start',
    { size: result.total.customersAtStart, result: result.total },
    result.segments,
    MEASURES,
  );
  const small = result.segments.some((each) => each.smallSample);
  return { table, notes: small ? [smallSampleNote(minimum, 'customers at the start')] : [] };
}
