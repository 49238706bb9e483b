// support by segment (`--by region`): the library's response and resolution times of each segment's
// tickets, one line per segment after the line of all tickets, a segment with few tickets marked.
import type { Segmented, SupportResponseTimesResult } from '../../support/index.js';
import type { Table } from '../output.js';
import { segmentedTable } from './columnSegments.js';
import type { Measure, SegmentColumn } from './segments.js';

/**
 * Below this many tickets a segment is marked as a small sample: the library's default (the p90 of fewer
 * than 30 durations rests on the two or three slowest).
 */
export const SUPPORT_MINIMUM_SEGMENT_SIZE = 30;

const MEASURES: readonly Measure<SupportResponseTimesResult>[] = [
  { column: { name: 'first response median', kind: 'number' }, value: (result) => result.firstResponse.median },
  { column: { name: 'first response p90', kind: 'number' }, value: (result) => result.firstResponse.p90 },
  { column: { name: 'resolution median', kind: 'number' }, value: (result) => result.resolution.median },
  { column: { name: 'resolution p90', kind: 'number' }, value: (result) => result.resolution.p90 },
  { column: { name: 'unresolved', kind: 'integer' }, value: (result) => result.unresolved },
];

/** The segments' table and its footnote. */
export function supportSegmentOutput(
  result: Segmented<SupportResponseTimesResult>,
  segment: SegmentColumn,
  title: string,
  minimum: number,
): { table: Table; notes: string[] } {
  const size = { name: 'tickets', noun: 'tickets', of: (result: SupportResponseTimesResult) => result.tickets };
  return segmentedTable(result, segment, title, size, MEASURES, minimum);
}
