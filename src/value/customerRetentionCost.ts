import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { count, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'customerRetentionCost';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['retentionCost', 'customersRetained'];

/** Input of {@link customerRetentionCost}. */
export interface CustomerRetentionCostInput {
  /** Everything spent on keeping customers in the period (money, ≥ 0): support, customer success, loyalty. */
  readonly retentionCost: number | string;
  /** Customers retained over the same period (a count). */
  readonly customersRetained: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ retentionCost: nonNegativeMoney, customersRetained: count }))();

/**
 * Customer retention cost (CRC): retention spending per retained customer.
 *
 * @remarks
 * CRC = retention costs in a period ÷ customers retained over that period. Retention costs are those of
 * keeping existing customers (customer service, customer success and account management, loyalty
 * programmes), counted over the same period as the customers; which costs count is the caller's policy.
 * Compare it with the lifetime value ({@link lifetimeValueFromChurn}) and the acquisition cost
 * ({@link customerAcquisitionCost}).
 *
 * The result is exact: one decimal division, converted to the nearest number once.
 *
 * Unit: money per customer, in the currency of `retentionCost`.
 *
 * Source: the source documents' definition (the customer success metrics guide in `docs/sources.md`'s
 * document 002: all retention costs over a period divided by the customers retained in it).
 *
 * @param input - `{ retentionCost, customersRetained }`.
 * @param options - none: customerRetentionCost takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when the cost is not a finite number or decimal string or is
 * negative, `customersRetained` is not a non-negative integer, or a key is unknown.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `customersRetained` is 0.
 * @example
 * ```ts
 * customerRetentionCost({ retentionCost: 10_000, customersRetained: 500 }); // => 20
 * customerRetentionCost({ retentionCost: '1000.10', customersRetained: 3 }); // ≈ 333.3667
 * ```
 * @category Value
 */
export function customerRetentionCost(input: CustomerRetentionCostInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const { retentionCost, customersRetained } = parse(METRIC, inputSchema, input);
  if (customersRetained === 0) noData(METRIC, ['customersRetained'], 'must be greater than 0');
  return toResult(METRIC, exact(retentionCost).div(customersRetained), 'the retention cost');
}
