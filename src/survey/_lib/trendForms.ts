// The three inputs of a survey trend brought to one tally (see trendCounts.ts): response records (read in
// trendRecords.ts), bulk columns (scores, dates and an optional segment column) and distributions already
// tallied per period.
import { readDistribution } from './distribution.js';
import { dictionary, segmentName } from './segmentColumns.js';
import {
  countTrend,
  periodSpan,
  readTimes,
  type SlotColumn,
  type TrendDates,
  type TrendTally,
  type Window,
} from './trendCounts.js';
import { parsePeriodLabel, type TrendPeriod } from './trendPeriods.js';

export { responsesTally } from './trendRecords.js';
import { invalid, isArrayInput, noData } from '../../internal/parse.js';
import type { Scale } from '../../internal/schemas.js';
import { type MissingSegment, NO_SEGMENT, SegmentIds } from '../../internal/segments.js';

type Path = readonly (string | number)[];

const MISSING_CODE =
  "is −1, a response without a segment: the trend needs one on every response (or missingSegment: 'group')";

function isCodedColumn(value: unknown): value is { codes: unknown; names: unknown } {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'codes') && Object.hasOwn(value, 'names');
}

/** Segment names of a column turned into codes, one Map lookup per change of name. */
function namesToCodes(
  metric: string,
  column: ArrayLike<unknown>,
  missing: MissingSegment,
  path: Path,
  ids: SegmentIds,
): Int32Array {
  const length = column.length;
  const codes = new Int32Array(length);
  let last: unknown = ids;
  let code = 0;
  for (let i = 0; i < length; i++) {
    const key = column[i];
    if (key !== last) {
      code = ids.id(segmentName(metric, key, missing, path, i));
      last = key;
    }
    codes[i] = code;
  }
  return codes;
}

/** Bulk columns: `{ scores, at | days, segments? }`, each as long as `scores`. */
export function columnsTally(
  metric: string,
  input: {
    readonly scores: ArrayLike<unknown>;
    readonly at?: ArrayLike<unknown> | undefined;
    readonly days?: ArrayLike<unknown> | undefined;
    readonly segments?: unknown;
  },
  range: Scale,
  period: TrendPeriod,
  window: Window,
  missing: MissingSegment,
): TrendTally {
  const length = input.scores.length;
  if ((input.at === undefined) === (input.days === undefined)) {
    invalid(metric, ['at'], 'is required (epoch milliseconds, ISO dates or Dates), or days instead, not both');
  }
  const dates: TrendDates =
    input.days === undefined
      ? { unit: 'ms', values: readTimes(metric, input.at as ArrayLike<unknown>, ['at']) }
      : { unit: 'day', values: input.days };
  const datePath = input.days === undefined ? ['at'] : ['days'];
  const column = input.segments;
  let slots: SlotColumn | null = null;
  let names: string[] | null = null;
  let declared: boolean[] = [false];
  if (column !== undefined) {
    const coded = isCodedColumn(column);
    const entries = coded ? column.codes : column;
    const path = coded ? ['segments', 'codes'] : ['segments'];
    if (!isArrayInput(entries)) invalid(metric, path, 'must be an array or typed array with one entry per score');
    if (entries.length !== length) {
      invalid(metric, path, `must have one entry per score: ${length} scores, ${entries.length} entries`);
    }
    if (coded) {
      const list = dictionary(metric, column.names, ['segments']);
      slots = { codes: entries, size: list.length, grouped: missing === 'group', path, missing: MISSING_CODE };
      names = [NO_SEGMENT, ...list];
      declared = [false, ...list.map(() => true)];
    } else {
      const ids = new SegmentIds();
      const codes = namesToCodes(metric, entries, missing, path, ids);
      slots = { codes, size: ids.names.length, grouped: false, path, missing: MISSING_CODE };
      names = [NO_SEGMENT, ...ids.names];
      declared = names.map(() => false);
    }
  }
  const {
    first,
    length: periods,
    counts,
  } = countTrend({
    metric,
    scores: input.scores,
    dates,
    datePath,
    slots,
    range,
    period,
    window,
    field: ['scores'],
  });
  return { first, length: periods, names, declared, counts };
}

/** One response record of a trend. */
export interface TrendResponse {
  /** When the response was given: an ISO date, a Date or epoch milliseconds. */
  readonly at: string | Date | number;
  /** The answer, a point of the scale. */
  readonly score: number;
  /** The response's segment (a plan, a region), when the trend is broken down by segment. */
  readonly segment?: string | undefined;
  /** Attributes of the response (`{ plan: 'pro' }`), read by `segmentBy`. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/** A distribution already tallied for one period (and segment). */
export interface TalliedPeriod {
  /** The period: `2024-03` (month), `2024-Q1` (quarter) or `2024` (year). */
  readonly period: string;
  /** The segment, when the trend is broken down by segment. */
  readonly segment?: string | undefined;
  /** Number of responses per score: an object keyed by score, or one count per point of the scale. */
  readonly distribution: Readonly<Record<number, number>> | ArrayLike<number>;
}

/**
 * Distributions per period (and segment), as a warehouse `GROUP BY` or a streamed read gives them; entries of
 * the same period and segment are added up. Periods between them without an entry are listed empty.
 */
export function talliedTally(
  metric: string,
  periods: ArrayLike<unknown>,
  range: Scale,
  period: TrendPeriod,
  window: Window,
): TrendTally {
  const stride = range.max - range.min + 1;
  const entries: { index: number; slot: number; counts: Float64Array }[] = [];
  const ids = new SegmentIds();
  let segmented: boolean | undefined;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const length = periods.length;
  for (let i = 0; i < length; i++) {
    const entry: unknown = periods[i];
    if (typeof entry !== 'object' || entry === null) invalid(metric, ['periods', i], 'must be an object');
    const { period: label, segment, distribution, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) invalid(metric, ['periods', i, extra], 'is not a field of a tallied period');
    const index = parsePeriodLabel(label, period);
    if (Number.isNaN(index)) {
      invalid(metric, ['periods', i, 'period'], `must be a ${period} written ${EXAMPLES[period]}`);
    }
    const own = segment !== undefined;
    segmented ??= own;
    if (own && !(typeof segment === 'string' && segment.length > 0)) {
      invalid(metric, ['periods', i, 'segment'], 'must be a non-empty string to name a segment');
    }
    if (own !== segmented) invalid(metric, ['periods', i, 'segment'], 'must be given on every period or on none');
    const counts = readDistribution(metric, distribution, range, ['periods', i, 'distribution']);
    entries.push({ index, slot: own ? ids.id(segment as string) + 1 : 0, counts });
    if (index < low) low = index;
    if (index > high) high = index;
  }
  if (entries.length === 0) noData(metric, ['periods'], 'has no periods');
  const span = periodSpan(low, high, window, period);
  const slots = segmented === true ? ids.names.length + 1 : 1;
  const counts = new Float64Array(span.length * slots * stride);
  for (const { index, slot, counts: own } of entries) {
    const p = index - span.first;
    if (p < 0 || p >= span.length) continue;
    const base = (p * slots + slot) * stride;
    for (let k = 0; k < stride; k++) counts[base + k] = (counts[base + k] as number) + (own[k] as number);
  }
  return {
    first: span.first,
    length: span.length,
    names: segmented === true ? [NO_SEGMENT, ...ids.names] : null,
    declared: new Array<boolean>(slots).fill(false),
    counts,
  };
}

const EXAMPLES: Readonly<Record<TrendPeriod, string>> = { month: 'YYYY-MM', quarter: 'YYYY-Qn', year: 'YYYY' };
