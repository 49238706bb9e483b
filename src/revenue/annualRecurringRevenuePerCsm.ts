import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { decimal, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'annualRecurringRevenuePerCsm';

/** Input of {@link annualRecurringRevenuePerCsm}. */
export interface AnnualRecurringRevenuePerCsmInput {
  /** ARR of the accounts the team manages (money, ≥ 0). */
  readonly annualRecurringRevenue: number | string;
  /** Customer success managers, in full-time equivalents (≥ 0; 2.5 for two full-time and one half-time). */
  readonly csms: number | string;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ annualRecurringRevenue: nonNegativeMoney, csms: decimal({ min: 0 }) }))();

/**
 * Loaded ARR per CSM: the annual recurring revenue each customer success manager (CSM) oversees.
 *
 * @remarks
 * Loaded ARR/CSM = ARR under management ÷ number of CSMs (full-time equivalents, so part-time managers count
 * as fractions). A capacity measure: how much revenue each manager is responsible for retaining and
 * expanding.
 *
 * Exact: one decimal division, converted once.
 *
 * Unit: money per year per CSM.
 *
 * Source: the source documents (`docs/sources.md` row 28: "Loaded ARR/CSM ... the revenue each Customer
 * Success Manager oversees").
 *
 * @param input - `{ annualRecurringRevenue, csms }`.
 * @param options - none: any key is refused rather than ignored (an input field passed here is named as
 * belonging in the input).
 * @throws {@link MetricError} `INVALID_INPUT` when a value is negative or not a number or decimal string, or
 * a key is unknown, or `options` has any key (the function takes none).
 * @throws {@link MetricError} `NO_DATA` when `csms` is 0.
 * @example
 * ```ts
 * annualRecurringRevenuePerCsm({ annualRecurringRevenue: 6000000, csms: 4 }); // => 1500000
 * annualRecurringRevenuePerCsm({ annualRecurringRevenue: '1000000', csms: '2.5' }); // => 400000
 * ```
 * @category Revenue
 */
export function annualRecurringRevenuePerCsm(input: AnnualRecurringRevenuePerCsmInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['annualRecurringRevenue', 'csms']);
  const { annualRecurringRevenue, csms } = parse(METRIC, inputSchema, input);
  const managers = exact(csms);
  if (managers.isZero()) noData(METRIC, ['csms'], 'must be greater than 0');
  return toResult(METRIC, exact(annualRecurringRevenue).div(managers), 'annualRecurringRevenuePerCsm');
}
