// cohorts by segment (`--by plan`): the retention table of all customers, then one per segment, each the
// library's cohorts of the segment's customers alone, a segment with few customers marked as a small sample.
import type { CohortRetentionResult } from '../../cohort/index.js';
import { UsageError } from '../errors.js';
import type { Table } from '../output.js';
import { type SegmentEntry, type SegmentColumn, SMALL_MARK, smallSampleNote } from './segments.js';

/**
 * Below this many customers a segment is marked as a small sample: the library's default, the customary
 * smallest sample for a proportion.
 */
export const COHORT_MINIMUM_SEGMENT_SIZE = 30;

/** `--by COLUMN` is for the customers' cohorts: the revenue cohorts take none. */
export function refuseRevenueBy(by: unknown): void {
  if (by !== undefined) {
    throw new UsageError("cohorts --revenue takes no --by: leave out --revenue for the customers' cohorts by a column");
  }
}

/** A retention table: one line per cohort, then the size-weighted average. */
export function cohortTable(title: string, result: CohortRetentionResult): Table {
  const width = result.cohorts.reduce((widest, row) => Math.max(widest, row.retention.length), 0);
  const periods = Array.from({ length: width }, (_, k) => k);
  return {
    title,
    columns: [
      { name: 'cohort' },
      { name: 'size', kind: 'integer' },
      ...periods.map((k) => ({ name: String(k), kind: 'percent' as const })),
    ],
    rows: [
      ...result.cohorts.map((row) => [row.cohort, row.size, ...periods.map((k) => row.retention[k] ?? null)]),
      [
        'average',
        result.cohorts.reduce((total, row) => total + row.size, 0),
        ...periods.map((k) => result.average[k] ?? null),
      ],
    ],
  };
}

/** The table of all customers, then one per segment (a small one marked in its title), and the footnote. */
export function cohortSegmentTables(
  result: { readonly total: CohortRetentionResult; readonly segments: readonly SegmentEntry<CohortRetentionResult>[] },
  segment: SegmentColumn,
  title: string,
  minimum: number,
): { tables: Table[]; notes: string[] } {
  const tables = [cohortTable(`${title}, all customers`, result.total)];
  for (const each of result.segments) {
    if (each.result === null) continue;
    const mark = each.smallSample ? ` ${SMALL_MARK}` : '';
    tables.push(
      cohortTable(
        `${title}, ${segment.column} ${each.segment}: ${each.size} customer${each.size === 1 ? '' : 's'}${mark}`,
        each.result,
      ),
    );
  }
  const small = result.segments.some((each) => each.smallSample);
  return { tables, notes: small ? [smallSampleNote(minimum, 'customers', false)] : [] };
}
