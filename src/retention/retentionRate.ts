import * as z from 'zod/mini';
import { noData, noOptions, type NoOptions, parseForm } from '../internal/parse.js';
import { count } from '../internal/schemas.js';

const METRIC = 'retentionRate';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['customersAtStart', 'customersAtEnd', 'newCustomers', 'activeCustomers', 'totalCustomers'];

/**
 * Input of {@link retentionRate}: the period form `{ customersAtStart, customersAtEnd, newCustomers }` or
 * the snapshot form `{ activeCustomers, totalCustomers }`.
 */
export type RetentionRateInput =
  | {
      /** Customers at the start of the period (CS). */
      readonly customersAtStart: number;
      /** Customers at the end of the period (CE), new ones included. */
      readonly customersAtEnd: number;
      /** Customers acquired during the period who are still customers at its end (CN). */
      readonly newCustomers: number;
    }
  | {
      /** Customers still active (buying, subscribed) at the time of measurement. */
      readonly activeCustomers: number;
      /** All the customers of the group measured. */
      readonly totalCustomers: number;
    };

const forms = /* @__PURE__ */ (() =>
  [
    {
      key: 'customersAtStart',
      schema: z.strictObject({ customersAtStart: count, customersAtEnd: count, newCustomers: count }).check(
        z.refine((v) => v.newCustomers <= v.customersAtEnd, {
          error: 'must not exceed customersAtEnd (new customers are among the customers at the end)',
          path: ['newCustomers'],
          when: (payload) => payload.issues.length === 0,
        }),
        z.refine((v) => v.customersAtEnd - v.newCustomers <= v.customersAtStart, {
          error:
            'minus newCustomers must not exceed customersAtStart (customers kept are among those at the start; count returning customers as new)',
          path: ['customersAtEnd'],
          when: (payload) => payload.issues.length === 0,
        }),
      ),
    },
    {
      key: 'activeCustomers',
      schema: z.strictObject({ activeCustomers: count, totalCustomers: count }).check(
        z.refine((v) => v.activeCustomers <= v.totalCustomers, {
          error: 'must not exceed totalCustomers',
          path: ['activeCustomers'],
          when: (payload) => payload.issues.length === 0,
        }),
      ),
    },
  ] as const)();

/**
 * Customer retention rate (CRR): the fraction of customers kept.
 *
 * @remarks
 * Two forms:
 *
 * - Over a period: CRR = (CE − CN) ÷ CS, with CS the customers at the start, CE those at the end and CN the
 *   new customers acquired during the period (still there at its end). CE − CN are the customers of the start
 *   still there at the end, so the rate is in [0, 1]; it is 1 − churn rate when churn counts only customers
 *   of the start (ChartMogul's rule; see `customerChurn`).
 * - At a point in time: active customers ÷ total customers of the group, e.g. those still buying among all
 *   the customers of the last 30 days.
 *
 * The result is exact: one division of two integers, correctly rounded. Doc 002 calls 80 % or more good for
 * most businesses.
 *
 * Unit: a fraction (0.9 is 90 %).
 *
 * Source: doc 002 (`((CE − CN) ÷ CS) × 100`, `docs/sources.md` row 11) and doc 000 (100 active of 150
 * customers is 67 %, row 4, which rounds 2/3).
 *
 * @param input - `{ customersAtStart, customersAtEnd, newCustomers }` or `{ activeCustomers, totalCustomers }`,
 * counts.
 * @param options - none: retentionRate takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative safe integer, a key is
 * unknown, the two forms are mixed, `newCustomers` exceeds `customersAtEnd`, `customersAtEnd − newCustomers`
 * exceeds `customersAtStart`, or `activeCustomers` exceeds `totalCustomers`.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `customersAtStart` or `totalCustomers` is 0.
 * @example
 * ```ts
 * retentionRate({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 }); // => 0.9
 * retentionRate({ activeCustomers: 100, totalCustomers: 150 }); // ≈ 0.6667
 * ```
 * @category Retention
 */
export function retentionRate(input: RetentionRateInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const parsed = parseForm(METRIC, forms, input);
  if (parsed.form === 'activeCustomers') {
    const { activeCustomers, totalCustomers } = parsed.value;
    if (totalCustomers === 0) noData(METRIC, ['totalCustomers'], 'must be greater than 0');
    return activeCustomers / totalCustomers;
  }
  const { customersAtStart, customersAtEnd, newCustomers } = parsed.value;
  if (customersAtStart === 0) noData(METRIC, ['customersAtStart'], 'must be greater than 0');
  // Both are exact integers, so the division is correctly rounded.
  return (customersAtEnd - newCustomers) / customersAtStart;
}
