import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { count, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'customerAcquisitionCost';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['salesAndMarketingCost', 'newCustomers'];

/** Input of {@link customerAcquisitionCost}. */
export interface CustomerAcquisitionCostInput {
  /** Everything spent on sales and marketing in the period (money, ≥ 0). */
  readonly salesAndMarketingCost: number | string;
  /** Customers acquired in the same period (a count). */
  readonly newCustomers: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ salesAndMarketingCost: nonNegativeMoney, newCustomers: count }))();

/**
 * Customer acquisition cost (CAC): sales and marketing cost per new customer.
 *
 * @remarks
 * CAC = sales and marketing cost in a period ÷ customers acquired in that period. Count the costs and the
 * customers over the same period and the same segment; what the cost includes (salaries, commissions,
 * advertising, tools) is the caller's policy.
 *
 * The result is exact: one decimal division, converted to the nearest number once (`'0.30'` over 3 customers
 * is exactly 0.1).
 *
 * Unit: money per customer, in the currency of `salesAndMarketingCost`.
 *
 * Source: the source documents (`docs/sources.md` row 10: $100,000 on sales and marketing for 1,000 new
 * customers is $100); D. Skok, "SaaS Metrics 2.0".
 *
 * @param input - `{ salesAndMarketingCost, newCustomers }`.
 * @param options - none: customerAcquisitionCost takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when the cost is not a finite number or decimal string or is
 * negative, `newCustomers` is not a non-negative integer, or a key is unknown.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `newCustomers` is 0.
 * @example
 * ```ts
 * customerAcquisitionCost({ salesAndMarketingCost: 100_000, newCustomers: 1000 }); // => 100
 * customerAcquisitionCost({ salesAndMarketingCost: '0.30', newCustomers: 3 }); // => 0.1
 * ```
 * @category Value
 */
export function customerAcquisitionCost(input: CustomerAcquisitionCostInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const { salesAndMarketingCost, newCustomers } = parse(METRIC, inputSchema, input);
  if (newCustomers === 0) noData(METRIC, ['newCustomers'], 'must be greater than 0');
  return toResult(METRIC, exact(salesAndMarketingCost).div(newCustomers), 'the acquisition cost');
}
