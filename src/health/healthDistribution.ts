import * as z from 'zod/mini';
import { invalid, isArrayInput, type NoOptions, noData, noOptions, parse, rejectElement } from '../internal/parse.js';
import { count } from '../internal/schemas.js';
import type { HealthStatus } from './_lib/bands.js';
import { distributionElementSchema, isRecord, statusOfElement } from './_lib/predicates.js';

const METRIC = 'healthDistribution';

/**
 * Input of {@link healthDistribution}: an array of health score results (or any objects with a `status`, or
 * the statuses themselves), or pre-aggregated counts per status.
 */
export type HealthDistributionInput =
  | ArrayLike<
      | {
          /** The account's traffic light; other properties of the object are ignored. */
          readonly status: HealthStatus;
        }
      | HealthStatus
    >
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
 * Unit: counts and fractions.
 *
 * @param input - An array of results, of objects with `status`, or of statuses; or `{ red, yellow, green }`
 * counts.
 * @param options - None: `healthDistribution` takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when an element has no status `'red'`, `'yellow'` or `'green'`
 * (path `[index, 'status']`), a count is not a non-negative integer, or the input is neither an array nor
 * counts; or when a second argument other than `undefined` or `{}` is given (it takes no options; a count
 * such as `{ red: 3 }` there is said to belong in the input).
 * @throws {@link MetricError} `NO_DATA` when there are no accounts.
 * @example
 * ```ts
 * const portfolio = healthDistribution([{ status: 'red' }, { status: 'green' }, { status: 'green' }, { status: 'yellow' }]);
 * portfolio.total; // => 4
 * portfolio.green; // => { count: 2, share: 0.5 }
 * healthDistribution({ red: 12, yellow: 30, green: 58 }).red.share; // => 0.12
 * ```
 * @category Health
 */
export function healthDistribution(input: HealthDistributionInput, options?: NoOptions): HealthDistributionResult {
  noOptions(METRIC, options, ['red', 'yellow', 'green']);
  let red = 0;
  let yellow = 0;
  let green = 0;
  if (isArrayInput(input)) {
    const length = input.length;
    for (let i = 0; i < length; i++) {
      const element: unknown = input[i];
      const status = statusOfElement(element);
      if (status === 'red') red++;
      else if (status === 'yellow') yellow++;
      else if (status === 'green') green++;
      // The issue is worded on the status as read, not on a second reading of the element.
      else rejectElement(METRIC, distributionElementSchema, isRecord(element) ? { status } : element, [i]);
    }
  } else if (typeof input === 'object' && input !== null) {
    ({ red, yellow, green } = parse(METRIC, countsSchema, input));
  } else {
    invalid(METRIC, [], 'must be an array of health results (or statuses), or counts { red, yellow, green }');
  }
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
