import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'ltvToCacRatio';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['lifetimeValue', 'customerAcquisitionCost'];

/**
 * The LTV:CAC ratio at or above which customer acquisition is commonly called healthy: 3, that is 3:1.
 *
 * @remarks
 * A benchmark, not part of any definition: the source documents call a business healthy at "an LTV:CAC
 * ratio of at least 3:1" (`docs/sources.md` row 12), the rule of thumb ChartMogul also gives ("LTV should
 * be at least 3x CAC") and D. Skok's "SaaS Metrics 2.0" popularised. Below 1, a customer is worth less than
 * it cost to acquire.
 *
 * @example
 * ```ts
 * const ratio = ltvToCacRatio({ lifetimeValue: 2000, customerAcquisitionCost: 500 });
 * ratio >= HEALTHY_LTV_TO_CAC_RATIO; // => true
 * ```
 * @category Value
 */
export const HEALTHY_LTV_TO_CAC_RATIO = 3;

/** Input of {@link ltvToCacRatio}. */
export interface LtvToCacRatioInput {
  /** Customer lifetime value (money, ≥ 0), e.g. from {@link lifetimeValueFromChurn}. */
  readonly lifetimeValue: number | string;
  /** Customer acquisition cost (money, ≥ 0) in the same currency, e.g. from {@link customerAcquisitionCost}. */
  readonly customerAcquisitionCost: number | string;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ lifetimeValue: nonNegativeMoney, customerAcquisitionCost: nonNegativeMoney }))();

/**
 * Lifetime value to customer acquisition cost ratio (LTV:CAC).
 *
 * @remarks
 * LTV:CAC = customer lifetime value ÷ customer acquisition cost: how many times over a customer pays back
 * what it cost to acquire. 3 means 3:1. Both amounts must be in the same currency and describe the same
 * customers; the ratio is unchanged when both are scaled alike (cents or dollars give the same result).
 * {@link HEALTHY_LTV_TO_CAC_RATIO} is the common benchmark of 3.
 *
 * The result is exact: one decimal division, converted to the nearest number once.
 *
 * Unit: a plain ratio (not a fraction of 1: 3 means 3:1).
 *
 * Source: the source documents (`docs/sources.md` row 12); ChartMogul, "Customer Lifetime Value (LTV)";
 * D. Skok, "SaaS Metrics 2.0".
 *
 * @param input - `{ lifetimeValue, customerAcquisitionCost }`.
 * @param options - none: ltvToCacRatio takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a value is not a finite number or decimal string or is
 * negative, a key is unknown, or the ratio is too large to represent as a number.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `customerAcquisitionCost` is 0.
 * @example
 * ```ts
 * ltvToCacRatio({ lifetimeValue: 2000, customerAcquisitionCost: 500 }); // => 4
 * ltvToCacRatio({ lifetimeValue: '0.3', customerAcquisitionCost: '0.1' }); // => 3
 * ltvToCacRatio({ lifetimeValue: 1000, customerAcquisitionCost: 300 }); // ≈ 3.3333
 * ```
 * @category Value
 */
export function ltvToCacRatio(input: LtvToCacRatioInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const parsed = parse(METRIC, inputSchema, input);
  const cost = exact(parsed.customerAcquisitionCost);
  if (cost.isZero()) noData(METRIC, ['customerAcquisitionCost'], 'must be greater than 0');
  return toResult(METRIC, exact(parsed.lifetimeValue).div(cost), 'the ratio');
}
