import * as z from 'zod/mini';
import {
  invalid,
  isArrayInput,
  type NoOptions,
  noData,
  noOptions,
  parse,
  parseOptions,
  rejectElement,
} from '../internal/parse.js';
import { count } from '../internal/schemas.js';
import {
  SegmentCollector,
  isAttributes,
  type ParsedSegmentOptions,
  type Segmented,
  type SegmentedOptions,
  segmentedShape,
  segmentEntries,
} from '../internal/segmented.js';
import type { SegmentBy } from '../internal/segments.js';
import type { HealthStatus } from './_lib/bands.js';
import { distributionElementSchema, isRecord, statusOfElement } from './_lib/predicates.js';

const METRIC = 'healthDistribution';

export type { MissingSegment, SegmentBy } from '../internal/segments.js';
export type { SegmentEntry, Segmented } from '../internal/segmented.js';

/** One account as {@link healthDistribution} reads it when segmenting: its status and its segment keys. */
export interface HealthAccount {
  /** The account's traffic light; other properties of the object are ignored. */
  readonly status: HealthStatus;
  /** Segment keys of the account, such as `{ plan: 'pro', csm: 'ana' }`: a plain object of strings. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/**
 * Options of {@link healthDistribution}, which takes none but these: `segmentBy` (an attribute name, read from
 * each account's `attributes`, or a function of the element), `missingSegment`, and `minimumSegmentSize`
 * (accounts; default 30).
 */
export interface HealthDistributionSegmentOptions extends SegmentedOptions<HealthAccount | HealthStatus> {}

/**
 * Input of {@link healthDistribution}: an array of health score results (or any objects with a `status`, or
 * the statuses themselves), or pre-aggregated counts per status.
 */
export type HealthDistributionInput =
  | ArrayLike<HealthAccount | HealthStatus>
  | {
      /** Number of red accounts, a non-negative integer. */
      readonly red: number;
      /** Number of yellow accounts, a non-negative integer. */
      readonly yellow: number;
      /** Number of green accounts, a non-negative integer. */
      readonly green: number;
    };

/** Accounts with one status. */
export interface HealthStatusCount {
  /** Number of accounts with the status. */
  readonly count: number;
  /** count ÷ total, a fraction. */
  readonly share: number;
}

/** Result of {@link healthDistribution}. */
export interface HealthDistributionResult {
  /** Number of accounts. */
  readonly total: number;
  /** Red accounts (at risk): their number and share of `total`. */
  readonly red: HealthStatusCount;
  /** Yellow accounts (watch): their number and share of `total`. */
  readonly yellow: HealthStatusCount;
  /** Green accounts (healthy): their number and share of `total`. */
  readonly green: HealthStatusCount;
}

const countsSchema = /* @__PURE__ */ (() => z.strictObject({ red: count, yellow: count, green: count }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject(segmentedShape))();

/**
 * The default `minimumSegmentSize`: 30 accounts, the customary smallest sample for a proportion read with the
 * normal approximation; below it one account moves a segment's shares by more than 3 points.
 */
const MINIMUM_SEGMENT_SIZE = 30;

type SegmentOptionsGiven = ParsedSegmentOptions & { readonly segmentBy: SegmentBy<never> };

/** The segment options, or `undefined` for a call without any (which, as before, takes no other key). */
function segmentOptions(options: unknown): SegmentOptionsGiven | undefined {
  const given = typeof options === 'object' && options !== null && !Array.isArray(options);
  if (!given || !Object.keys(segmentedShape).some((key) => Object.hasOwn(options, key))) {
    noOptions(METRIC, options, ['red', 'yellow', 'green']);
    return undefined;
  }
  const parsed = parseOptions(METRIC, optionsSchema, options);
  if (parsed.segmentBy === undefined) invalid(METRIC, ['segmentBy'], 'is required with the segment options', 'options');
  return { ...parsed, segmentBy: parsed.segmentBy };
}

/**
 * Health distribution: how many accounts are red, yellow and green, and what share of the portfolio each is.
 *
 * @remarks
 * share = count ÷ total for each status, one correctly rounded division of integer counts (so the shares
 * sum to 1 up to the rounding of each). The portfolio view of a traffic-light health score (`docs/sources.md` row 18: red,
 * yellow, green), as customer-success platforms chart it.
 *
 * Accepts what the scorer of {@link createHealthScore} returns (an array of its results, or of any objects
 * with a `status`), the `statuses` of `scorer.scoreAll`, or counts computed elsewhere
 * (`{ red, yellow, green }`, for example one `GROUP BY status` per shard, summed).
 *
 * Segments: with `segmentBy` (an attribute name, read from each account's `attributes`, or a function
 * `(element, index) => string`) the result is `{ total, segments: [{ segment, size, result, smallSample }] }`:
 * `total` is exactly the call without `segmentBy`, each `result` is the call on the segment's accounts alone,
 * `size` is the segment's accounts, and `smallSample` flags a size below `minimumSegmentSize` (default 30
 * accounts, the customary smallest sample for a proportion). Segments are listed by name, `'(none)'` last.
 * A status given as a bare string has no `attributes` (it can be segmented by a function, or grouped in
 * `'(none)'`); counts `{ red, yellow, green }` carry no segment and are refused with `segmentBy`.
 *
 * Unit: counts and fractions.
 *
 * @param input - An array of results, of objects with `status`, or of statuses; or `{ red, yellow, green }`
 * counts.
 * @param options - None but the segment options: `{ segmentBy?, missingSegment = 'error', minimumSegmentSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when an element has no status `'red'`, `'yellow'` or `'green'`
 * (path `[index, 'status']`), an element's `attributes` is not a plain object of strings
 * (`[index, 'attributes', key]`), a count is not a non-negative integer, or the input is neither an array nor
 * counts; or when a second argument other than `undefined`, `{}` or segment options is given (a count such
 * as `{ red: 3 }` there is said to belong in the input); with `segmentBy`, when the input is counts, an
 * account lacks the attribute (`[3, 'attributes', 'plan']`, unless `missingSegment: 'group'`) or the
 * function throws or returns anything but a non-empty string (`[3]`).
 * @throws {@link MetricError} `NO_DATA` when there are no accounts.
 * @example
 * ```ts
 * const portfolio = healthDistribution([{ status: 'red' }, { status: 'green' }, { status: 'green' }, { status: 'yellow' }]);
 * portfolio.total; // => 4
 * portfolio.green; // => { count: 2, share: 0.5 }
 * healthDistribution({ red: 12, yellow: 30, green: 58 }).red.share; // => 0.12
 *
 * const byPlan = healthDistribution(
 *   [
 *     { status: 'red', attributes: { plan: 'basic' } },
 *     { status: 'green', attributes: { plan: 'pro' } },
 *     { status: 'green', attributes: { plan: 'basic' } },
 *     { status: 'yellow', attributes: { plan: 'pro' } },
 *   ],
 *   { segmentBy: 'plan' },
 * );
 * byPlan.segments.map((entry) => [entry.segment, entry.size, entry.result?.red.share]); // => [['basic', 2, 0.5], ['pro', 2, 0]]
 * ```
 * @category Health
 */
export function healthDistribution(
  input: ArrayLike<HealthAccount | HealthStatus>,
  options: HealthDistributionSegmentOptions,
): Segmented<HealthDistributionResult>;
export function healthDistribution(input: HealthDistributionInput, options?: NoOptions): HealthDistributionResult;
export function healthDistribution(
  input: HealthDistributionInput,
  options?: NoOptions | HealthDistributionSegmentOptions,
): HealthDistributionResult | Segmented<HealthDistributionResult> {
  const segmented = segmentOptions(options);
  let red = 0;
  let yellow = 0;
  let green = 0;
  // With segments, each account's status (0 red, 1 yellow, 2 green), to be counted by segment afterwards.
  let codes: Uint8Array | undefined;
  let collector: SegmentCollector | undefined;
  if (isArrayInput(input)) {
    const length = input.length;
    if (segmented !== undefined) {
      codes = new Uint8Array(length);
      collector = new SegmentCollector(METRIC, undefined, length, segmented);
    }
    for (let i = 0; i < length; i++) {
      const element: unknown = input[i];
      const status = statusOfElement(element);
      const attributes = isRecord(element) ? element.attributes : undefined;
      let code: number;
      if (status === 'red') code = 0;
      else if (status === 'yellow') code = 1;
      else if (status === 'green') code = 2;
      // The issue is worded on the status as read, not on a second reading of the element.
      else return rejectElement(METRIC, distributionElementSchema, isRecord(element) ? { status } : element, [i]);
      if (attributes !== undefined && !isAttributes(attributes, collector?.seen)) {
        rejectElement(METRIC, distributionElementSchema, { status, attributes }, [i]);
      }
      if (code === 0) red++;
      else if (code === 1) yellow++;
      else green++;
      if (codes !== undefined) codes[i] = code;
      collector?.add(element, i);
    }
  } else if (typeof input === 'object' && input !== null) {
    if (segmented !== undefined) {
      invalid(
        METRIC,
        [],
        'must be an array of accounts with segmentBy: counts { red, yellow, green } carry no segment',
      );
    }
    ({ red, yellow, green } = parse(METRIC, countsSchema, input));
  } else {
    invalid(METRIC, [], 'must be an array of health results (or statuses), or counts { red, yellow, green }');
  }
  const total = distribution(red, yellow, green);
  if (segmented === undefined || codes === undefined || collector === undefined) return total;
  const groups = collector.groups();
  const counts = new Float64Array(3 * groups.ids.names.length);
  for (let i = 0; i < codes.length; i++) {
    const at = 3 * (groups.segmentOf[i] as number) + (codes[i] as number);
    counts[at] = (counts[at] as number) + 1;
  }
  const sizeOf = (s: number) =>
    (counts[3 * s] as number) + (counts[3 * s + 1] as number) + (counts[3 * s + 2] as number);
  const segments = segmentEntries(groups.ids, segmented.minimumSegmentSize ?? MINIMUM_SEGMENT_SIZE, sizeOf, (s) =>
    distribution(counts[3 * s] as number, counts[3 * s + 1] as number, counts[3 * s + 2] as number),
  );
  return { total, segments };
}

/** The distribution of counts; `NO_DATA` without accounts. */
function distribution(red: number, yellow: number, green: number): HealthDistributionResult {
  const total = red + yellow + green;
  if (!Number.isSafeInteger(total)) invalid(METRIC, [], 'totals more than 2^53 − 1 accounts');
  if (total === 0) noData(METRIC, [], 'has no accounts');
  return {
    total,
    red: { count: red, share: red / total },
    yellow: { count: yellow, share: yellow / total },
    green: { count: green, share: green / total },
  };
}
