import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { count, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'averageRevenuePerAccount';

/** Input of {@link averageRevenuePerAccount}. */
export interface AverageRevenuePerAccountInput {
  /** Revenue of the period (usually MRR) of those customers (money, ≥ 0). */
  readonly revenue: number | string;
  /** Number of paying customers (accounts). */
  readonly customers: number;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ revenue: nonNegativeMoney, customers: count }))();

/**
 * Average Revenue Per Account (ARPA), also ARPU or ARPC: revenue ÷ customers.
 *
 * @remarks
 * ARPA = revenue in the period ÷ number of customers. With MRR as the revenue it is the average MRR per
 * paying account (ChartMogul's ARPA: a customer's several subscriptions count as one account, so count
 * customers, not subscriptions).
 *
 * Exact: one decimal division, converted once.
 *
 * Unit: money per account, per the revenue's period.
 *
 * Source: the source documents (`docs/sources.md` row 22: revenue in a period ÷ customers); ChartMogul,
 * "Average Revenue Per Account (ARPA)".
 *
 * @param input - `{ revenue, customers }`.
 * @param options - none: any key is refused rather than ignored (an input field passed here is named as
 * belonging in the input).
 * @throws {@link MetricError} `INVALID_INPUT` when `revenue` is negative or not money, `customers` is not a
 * non-negative integer, a key is unknown, or `options` has any key (the function takes none).
 * @throws {@link MetricError} `NO_DATA` when `customers` is 0.
 * @example
 * ```ts
 * averageRevenuePerAccount({ revenue: 100000, customers: 500 }); // => 200
 * averageRevenuePerAccount({ revenue: 15, customers: 5 }); // => 3
 * ```
 * @category Revenue
 */
export function averageRevenuePerAccount(input: AverageRevenuePerAccountInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['revenue', 'customers']);
  const { revenue, customers } = parse(METRIC, inputSchema, input);
  if (customers === 0) noData(METRIC, ['customers'], 'must be greater than 0');
  return toResult(METRIC, exact(revenue).div(customers), 'averageRevenuePerAccount');
}
