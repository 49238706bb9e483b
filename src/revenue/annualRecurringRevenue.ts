import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { type NoOptions, noOptions, parse } from '../internal/parse.js';
import { nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'annualRecurringRevenue';

/** Input of {@link annualRecurringRevenue}. */
export interface AnnualRecurringRevenueInput {
  /** Monthly recurring revenue (money, ≥ 0), e.g. from {@link monthlyRecurringRevenue}. */
  readonly monthlyRecurringRevenue: number | string;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ monthlyRecurringRevenue: nonNegativeMoney }))();

/**
 * Annual Recurring Revenue (ARR): 12 × MRR.
 *
 * @remarks
 * ARR = 12 × MRR, the annual run rate of the recurring revenue (a year is 12 months). ChartMogul defines ARR
 * the same way; contract-based ARR (annual contract values summed) is the same figure when every contract is
 * normalised to a monthly amount first, as {@link monthlyRecurringRevenue} does.
 *
 * Exact: decimal multiplication, converted once.
 *
 * Unit: money per year.
 *
 * Source: the source documents (`docs/sources.md` row 3: 500 × $200 × 12 = $1,200,000); ChartMogul, "ARR".
 *
 * @param input - `{ monthlyRecurringRevenue }`.
 * @param options - none: any key is refused rather than ignored (an input field passed here is named as
 * belonging in the input).
 * @throws {@link MetricError} `INVALID_INPUT` when the MRR is negative or not money, a key is unknown, or
 * `options` has any key (the function takes none).
 * @example
 * ```ts
 * annualRecurringRevenue({ monthlyRecurringRevenue: 100000 }); // => 1200000
 * annualRecurringRevenue({ monthlyRecurringRevenue: '166.67' }); // => 2000.04
 * ```
 * @category Revenue
 */
export function annualRecurringRevenue(input: AnnualRecurringRevenueInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['monthlyRecurringRevenue']);
  const { monthlyRecurringRevenue } = parse(METRIC, inputSchema, input);
  return toResult(METRIC, exact(monthlyRecurringRevenue).times(12), 'annualRecurringRevenue');
}
