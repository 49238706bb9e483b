// churn by segment (`--by plan`): the library's churn of each segment's customers, one line per segment
// after the line of all customers, a segment with few customers at the start marked as a small sample.
import type { CustomerChurnResult, Segmented } from '../../retention/index.js';
import type { Table } from '../output.js';
import { segmentedTable } from './columnSegments.js';
import type { Measure, SegmentColumn } from './segments.js';

/**
 * Below this many customers at the start a segment is marked as a small sample: the library's default, the
 * customary smallest sample for a proportion (below it one lost customer moves the rate by over 3 points).
 */
export const CHURN_MINIMUM_SEGMENT_SIZE = 30;

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
  const size = {
    name: 'at start',
    noun: 'customers at the start',
    of: (result: CustomerChurnResult) => result.customersAtStart,
  };
  return segmentedTable(result, segment, title, size, MEASURES, minimum);
}
