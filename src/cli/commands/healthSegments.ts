// health by segment (`--by segment`): the traffic lights of each segment's accounts, one line per segment after
// the line of all accounts, a segment with few accounts marked as a small sample.
import {
  type HealthAccount,
  type HealthDistributionResult,
  type HealthStatus,
  healthDistribution,
  type Segmented,
} from '../../health/index.js';
import type { CommandContext } from '../command.js';
import { InputError, UsageError } from '../errors.js';
import type { Table } from '../output.js';
import { byChoice } from '../periods.js';
import { segmentedTable } from './columnSegments.js';
import { type Measure, missingSegmentProblem, NO_SEGMENT, type SegmentColumn, segmentColumn } from './segments.js';

/**
 * Below this many accounts a segment is marked as a small sample: the library's default, the customary smallest
 * sample for a proportion (below it one account moves a share by over 3 points).
 */
export const HEALTH_MINIMUM_SEGMENT_SIZE = 30;

const STATUS_MEASURES = (['red', 'yellow', 'green'] as const).flatMap((status): Measure<HealthDistributionResult>[] => [
  { column: { name: status, kind: 'integer' }, value: (result) => result[status].count },
  { column: { name: `${status} share`, kind: 'percent' }, value: (result) => result[status].share },
]);

/** `--by COLUMN` checked (undefined without it): the accounts carry no date, so a period word is refused. */
export function healthSegment(context: CommandContext): SegmentColumn | undefined {
  const { period } = byChoice(context);
  if (period !== undefined) {
    throw new UsageError(
      `health takes --by COLUMN (segment, region …), not --by ${period}: the accounts' rows carry no date`,
    );
  }
  const segment = segmentColumn(context);
  if (segment === undefined && context.values['minimum-segment-size'] !== undefined)
    throw new UsageError('--minimum-segment-size needs --by COLUMN, such as --by segment');
  return segment;
}

/**
 * Each account's status and segment, compactly: a million accounts keep a status and a small number each
 * (the segment's code, −1 when the cell is blank), not an object. Only the first blank cell's place in the
 * file is kept, the one an error names.
 */
export class SegmentedStatuses {
  private readonly statuses: HealthStatus[] = [];
  private readonly codes: number[] = [];
  private readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private firstBlank: string | undefined;

  constructor(private readonly segment: SegmentColumn) {}

  push(status: HealthStatus, cell: unknown, location: string): void {
    const value = cell === undefined || cell === null ? '' : String(cell).trim();
    let code = -1;
    if (value !== '') {
      code = this.ids.get(value) ?? this.names.length;
      if (code === this.names.length) {
        this.ids.set(value, code);
        this.names.push(value);
      }
    } else this.firstBlank ??= location;
    this.statuses.push(status);
    this.codes.push(code);
  }

  /** The library's segmented distribution; a blank segment cell is refused with its line, unless grouped. */
  distribution(file: string, minimum: number): Segmented<HealthDistributionResult> {
    const { segment, names, codes } = this;
    if (this.firstBlank !== undefined && !segment.group) {
      throw new InputError(file, this.firstBlank, segment.column, missingSegmentProblem(segment, 'account'));
    }
    const segmentBy = (_account: HealthAccount | HealthStatus, index: number): string =>
      names[codes[index] as number] ?? NO_SEGMENT;
    return healthDistribution(this.statuses, { segmentBy, minimumSegmentSize: minimum });
  }
}

/** The segments' table and its footnote. */
export function healthSegmentOutput(
  result: Segmented<HealthDistributionResult>,
  segment: SegmentColumn,
  title: string,
  minimum: number,
): { table: Table; notes: string[] } {
  const size = { name: 'accounts', noun: 'accounts', of: (result: HealthDistributionResult) => result.total };
  return segmentedTable(result, segment, title, size, STATUS_MEASURES, minimum);
}
