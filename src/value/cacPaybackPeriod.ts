import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { fraction, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'cacPaybackPeriod';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['customerAcquisitionCost', 'averageRevenuePerAccount', 'grossMargin'];

/** Input of {@link cacPaybackPeriod}. */
export interface CacPaybackPeriodInput {
  /** Customer acquisition cost (money, ≥ 0), e.g. from {@link customerAcquisitionCost}. */
  readonly customerAcquisitionCost: number | string;
  /** Average revenue per account (ARPA) per period (money, ≥ 0); its period is the result's unit. */
  readonly averageRevenuePerAccount: number | string;
  /** Gross margin, a fraction in [0, 1]. Default `1` (payback from revenue). */
  readonly grossMargin?: number | string;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    customerAcquisitionCost: nonNegativeMoney,
    averageRevenuePerAccount: nonNegativeMoney,
    grossMargin: z.optional(fraction),
  }))();

/**
 * Customer acquisition cost (CAC) payback period: how many periods of a customer's gross profit repay the
 * cost of acquiring it.
 *
 * @remarks
 * Payback = CAC ÷ (ARPA × gross margin), in the ARPA's period: a monthly ARPA (MRR per account) gives months,
 * an annual one years. It is not rounded up to whole periods, and it ignores churn and expansion (a simple
 * payback, not a cohort's cumulative one).
 *
 * Policies: `grossMargin` defaults to 1, the revenue payback; pass the margin for D. Skok's "months to
 * recover CAC", which divides by the gross profit per month. An ARPA × margin of 0 never pays back and is
 * `NO_DATA`.
 *
 * The result is exact: one decimal division of the exact product, converted to the nearest number once.
 *
 * Unit: periods of the ARPA (months for a monthly ARPA), fractional.
 *
 * Source: D. Skok, "SaaS Metrics 2.0" (months to recover CAC = CAC ÷ (MRR per customer × gross margin)).
 *
 * @param input - `{ customerAcquisitionCost, averageRevenuePerAccount, grossMargin = 1 }`.
 * @param options - none: cacPaybackPeriod takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a value is not a finite number or decimal string, an
 * amount is negative, the gross margin is outside [0, 1], a key is unknown, or the result is too large to
 * represent as a number.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `averageRevenuePerAccount` or `grossMargin` is 0.
 * @example
 * ```ts
 * // $900 to acquire, $100 a month at 75 % gross margin: 12 months
 * const monthly = { averageRevenuePerAccount: 100, grossMargin: 0.75 };
 * cacPaybackPeriod({ customerAcquisitionCost: 900, ...monthly }); // => 12
 * cacPaybackPeriod({ customerAcquisitionCost: 1000, ...monthly }); // ≈ 13.33
 * cacPaybackPeriod({ customerAcquisitionCost: 100, averageRevenuePerAccount: 50 }); // => 2
 * ```
 * @category Value
 */
export function cacPaybackPeriod(input: CacPaybackPeriodInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const parsed = parse(METRIC, inputSchema, input);
  const revenue = exact(parsed.averageRevenuePerAccount);
  if (revenue.isZero()) noData(METRIC, ['averageRevenuePerAccount'], 'must be greater than 0');
  const margin = exact(parsed.grossMargin ?? 1);
  if (margin.isZero()) noData(METRIC, ['grossMargin'], 'must be greater than 0');
  return toResult(METRIC, exact(parsed.customerAcquisitionCost).div(revenue.times(margin)), 'the payback period');
}
