import * as z from 'zod/mini';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { count } from '../internal/schemas.js';

const METRIC = 'churnRate';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['customersAtStart', 'customersLost'];

/** Input of {@link churnRate}. */
export interface ChurnRateInput {
  /** Customers at the start of the period (a count). */
  readonly customersAtStart: number;
  /** Customers lost during the period (a count). */
  readonly customersLost: number;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customersAtStart: count, customersLost: count }))();

/**
 * Customer churn rate: the fraction of customers lost over a period.
 *
 * @remarks
 * churn rate = customers lost ÷ customers at the start of the period, a fraction (`0.05` is 5 %).
 *
 * Which customers count as lost is the caller's policy: the source documents count customers who joined
 * during the period and left in it too (so the rate can exceed 1 when more of them leave than there were
 * customers at the start), ChartMogul leaves them out. `customerChurn` counts both ways from customer
 * lifetimes; its counts fed to this function give its rate.
 *
 * The result is exact: one division of two integers, correctly rounded.
 *
 * Benchmarks quoted by the source documents (doc 002): 5–7 % a year is acceptable for a SaaS business,
 * 1–2 % a year for an enterprise one. Compare rates of the same period only (see `convertPeriodRate`).
 *
 * Unit: a fraction of the customers at the start, per period.
 *
 * Source: docs 001, 002 and 003 (`docs/sources.md` rows 6, 9 and 20); ChartMogul, "Customer Churn Rate"
 * (B2B formula).
 *
 * @param input - `{ customersAtStart, customersLost }`, counts.
 * @param options - none: churnRate takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative safe integer or a key is
 * unknown.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `customersAtStart` is 0.
 * @example
 * ```ts
 * churnRate({ customersAtStart: 2000, customersLost: 100 }); // => 0.05
 * churnRate({ customersAtStart: 1000, customersLost: 64 }); // => 0.064
 * ```
 * @category Retention
 */
export function churnRate(input: ChurnRateInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const { customersAtStart, customersLost } = parse(METRIC, inputSchema, input);
  if (customersAtStart === 0) noData(METRIC, ['customersAtStart'], 'must be greater than 0');
  // One division of two exact integers: the correctly rounded ratio.
  return customersLost / customersAtStart;
}
