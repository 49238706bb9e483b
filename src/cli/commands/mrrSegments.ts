// mrr by segment (`--by plan`): where the MRR sits at the end of the window and how it moved in the last
// period, one line per segment, with the customers who changed segment apart from new and churned.
import type {
  RecurringRevenueSeriesRow,
  SegmentedRevenueSeriesResult,
  SegmentedRevenueSeriesRow,
} from '../../revenue/index.js';
import type { Column, Table } from '../output.js';
import { ALL, type SegmentColumn } from './segments.js';

type Line = RecurringRevenueSeriesRow & Partial<Pick<SegmentedRevenueSeriesRow, 'enteringMrr' | 'leavingMrr'>>;

/** The money fields a segment's row adds to the series' row. */
export const SEGMENT_MONEY: readonly string[] = ['enteringMrr', 'leavingMrr'];

/**
 * The segments' lines for the last period of the window: the total first, `(all)`, whose entering and
 * leaving are blank (a move between segments is expansion or contraction across all of them), then one
 * line per segment in the library's order.
 */
export function segmentMrrTable(
  result: SegmentedRevenueSeriesResult,
  segment: SegmentColumn,
  file: string,
  currency: string | undefined,
): Table {
  const total = result.total.at(-1);
  const money = (name: string): Column => ({ name, kind: 'money', currency });
  const line = (name: string, row: Line | undefined): unknown[] => {
    if (row === undefined) return [name, ...Array.from({ length: 11 }, () => null)];
    const share = total === undefined || total.mrr === 0 ? null : row.mrr / total.mrr;
    return [
      name,
      row.mrr,
      share,
      row.customers,
      row.newMrr,
      row.expansionMrr,
      row.contractionMrr,
      row.churnedMrr,
      row.reactivationMrr,
      row.enteringMrr ?? null,
      row.leavingMrr ?? null,
      row.netNewMrr,
    ];
  };
  return {
    title: `MRR by ${segment.column} in ${total?.period ?? ''} — ${file}`,
    columns: [
      { name: segment.column },
      money('MRR'),
      { name: 'share', kind: 'percent' },
      { name: 'customers', kind: 'integer' },
      money('new'),
      money('expansion'),
      money('contraction'),
      money('churned'),
      money('reactivation'),
      money('entering'),
      money('leaving'),
      money('net new'),
    ],
    rows: [line(ALL, total), ...result.segments.map((each) => line(each.segment, each.rows.at(-1)))],
  };
}

/** The notes of the segments' table. */
export function segmentMrrNotes(segment: SegmentColumn, period: string | undefined, fx: boolean): string[] {
  const name = segment.column;
  return [
    `By ${name}: MRR and customers at the end of ${period}, the movements over ${period}; share is the part of all MRR.`,
    `A customer who moves from one ${name} to another is leaving the first (its MRR there before) and entering the second (its MRR there after), not churned or new; across all of them, in (all), the move is expansion or contraction. Each line adds up: net new = new + expansion + reactivation + entering − contraction − churned − leaving${fx ? ' + FX impact' : ''}.`,
  ];
}
