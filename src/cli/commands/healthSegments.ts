// health by segment (`--by segment`): the traffic lights of each segment's accounts, one line per segment after
// the line of all accounts, a segment with few accounts marked as a small sample.
import { type HealthDistributionResult, type HealthStatus, healthDistribution } from '../../health/index.js';
import { isMetricError } from '../../index.js';
import type { CommandContext } from '../command.js';
import { InputError, UsageError } from '../errors.js';
import type { Table } from '../output.js';
import { byChoice } from '../periods.js';
import { segmentedTable } from './columnSegments.js';
import { type Measure, missingSegmentProblem, type SegmentColumn, segmentColumn, segmentOptions } from './segments.js';

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

/** Each account's status and segment cell (absent when blank), with its place in the file. */
export class SegmentedStatuses {
  readonly accounts: { status: HealthStatus; attributes: Record<string, string> }[] = [];
  private readonly locations: string[] = [];

  constructor(private readonly segment: SegmentColumn) {}

  push(status: HealthStatus, cell: unknown, location: string): void {
    const value = cell === undefined || cell === null ? '' : String(cell).trim();
    this.accounts.push({ status, attributes: value === '' ? {} : { [this.segment.column]: value } });
    this.locations.push(location);
  }

  /** The library's segmented distribution, a blank segment cell reported with its line. */
  distribution(file: string, minimum: number): ReturnType<typeof segmentedDistribution> {
    try {
      return segmentedDistribution(this.accounts, this.segment, minimum);
    } catch (error) {
      if (!isMetricError(error)) throw error;
      const [index, key] = error.issues[0]?.path ?? [];
      if (typeof index !== 'number' || key !== 'attributes') throw error;
      const problem = missingSegmentProblem(this.segment, 'account');
      throw new InputError(file, this.locations[index], this.segment.column, problem);
    }
  }
}

function segmentedDistribution(
  accounts: readonly { status: HealthStatus; attributes: Record<string, string> }[],
  segment: SegmentColumn,
  minimum: number,
) {
  return healthDistribution(accounts, { ...segmentOptions(segment), minimumSegmentSize: minimum });
}

/** The segments' table and its footnote. */
export function healthSegmentOutput(
  result: ReturnType<typeof segmentedDistribution>,
  segment: SegmentColumn,
  title: string,
  minimum: number,
): { table: Table; notes: string[] } {
  const size = { name: 'accounts', noun: 'accounts', of: (result: HealthDistributionResult) => result.total };
  return segmentedTable(result, segment, title, size, STATUS_MEASURES, minimum);
}
