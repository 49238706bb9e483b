import { ratioResult } from '../internal/exact/result.js';
import { type NoOptions, noOptions } from '../internal/parse.js';
import { RETENTION_FIELDS, type RevenueRetentionInput, retentionParts } from './_lib/retentionParts.js';

const METRIC = 'grossRevenueRetention';

/** Input of {@link grossRevenueRetention}: the period form or the cohort form (as for net retention). */
export type GrossRevenueRetentionInput = RevenueRetentionInput;

/**
 * Gross Revenue Retention (GRR): the share of starting MRR kept by the same customers, not counting their
 * expansion.
 *
 * @remarks
 * Period form: GRR = (startingMrr − contractionMrr − churnedMrr) ÷ startingMrr; `expansionMrr` and
 * `reactivationMrr` are accepted (the same input as net retention) and left out. Cohort form: GRR =
 * Σ min(endingMrr, startingMrr) ÷ Σ startingMrr over the customers who paid at the start: each customer is
 * capped at its starting MRR, so one customer's expansion never hides another's contraction. Always at most 1
 * and at most the net revenue retention of the same input.
 *
 * Exact: sums and the ratio are computed in decimal arithmetic and converted once.
 *
 * Unit: a fraction (0.9 is 90 %).
 *
 * Source: the source documents (`docs/sources.md` row 26: "GRR leaves upgrades out"); ChartMogul, "Gross
 * MRR Retention" (excludes expansion, at most 100 %).
 *
 * @param input - `{ startingMrr, expansionMrr, contractionMrr, churnedMrr, reactivationMrr? }` or
 * `{ cohort: [{ customerId, startingMrr, endingMrr }] }`.
 * @param options - none: any key is refused rather than ignored (an input field passed here is named as
 * belonging in the input).
 * @throws {@link MetricError} `INVALID_INPUT` when an amount is negative or not money, contraction plus
 * churn exceed the starting MRR, a cohort row is invalid (the issue names it) or a key is unknown, or when
 * `options` has any key (the function takes none).
 * @throws {@link MetricError} `NO_DATA` when the starting MRR is 0.
 * @example
 * ```ts
 * grossRevenueRetention({ startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 }); // => 0.8
 * const cohort = [
 *   { customerId: 'a', startingMrr: 100, endingMrr: 150 },
 *   { customerId: 'b', startingMrr: 100, endingMrr: 60 },
 * ];
 * grossRevenueRetention({ cohort }); // => 0.8
 * netRevenueRetention({ cohort }); // => 1.05
 * ```
 * @category Revenue
 */
export function grossRevenueRetention(input: GrossRevenueRetentionInput, options?: NoOptions): number {
  noOptions(METRIC, options, RETENTION_FIELDS);
  const { starting, gross } = retentionParts(METRIC, input);
  return ratioResult(METRIC, gross, starting, 'grossRevenueRetention');
}
