import { ratioResult } from '../internal/exact/result.js';
import { type NoOptions, noOptions } from '../internal/parse.js';
import { RETENTION_FIELDS, type RevenueRetentionInput, retentionParts } from './_lib/retentionParts.js';

const METRIC = 'netRevenueRetention';

export type { CohortMrr, RetentionPeriod, RevenueRetentionInput } from './_lib/retentionParts.js';

/** Input of {@link netRevenueRetention}: the period form or the cohort form. */
export type NetRevenueRetentionInput = RevenueRetentionInput;

/**
 * Net Revenue Retention (NRR), also net dollar retention: the share of starting MRR kept by the same
 * customers, counting their expansion.
 *
 * @remarks
 * Period form: NRR = (startingMrr + expansionMrr + reactivationMrr − contractionMrr − churnedMrr) ÷
 * startingMrr. Cohort form: NRR = Σ endingMrr ÷ Σ startingMrr over the customers who paid at the start
 * (customers at 0 at the start are not in the cohort: new business never counts). It may exceed 1 (100 %)
 * when expansion outweighs contraction and churn. Reactivation is optional in the period form and counts as
 * a gain, as in ChartMogul's net MRR retention; leave it out for the stricter existing-customers reading.
 *
 * Exact: sums and the ratio are computed in decimal arithmetic and converted once.
 *
 * Unit: a fraction (1.1 is 110 %).
 *
 * Source: the source documents (`docs/sources.md` row 26: "NRR counts churn and upgrades");
 * ChartMogul, "Net MRR Retention" (expansion and reactivation offset contraction and churn).
 *
 * @param input - `{ startingMrr, expansionMrr, contractionMrr, churnedMrr, reactivationMrr? }` or
 * `{ cohort: [{ customerId, startingMrr, endingMrr }] }`.
 * @param options - none: any key is refused rather than ignored (an input field passed here is named as
 * belonging in the input).
 * @throws {@link MetricError} `INVALID_INPUT` when an amount is negative or not money, contraction plus
 * churn exceed the starting MRR, a cohort row is invalid (the issue names it: `['cohort', 4, 'endingMrr']`)
 * or a key is unknown, or when `options` has any key (the function takes none).
 * @throws {@link MetricError} `NO_DATA` when the starting MRR is 0 (message
 * `netRevenueRetention: startingMrr must be greater than 0`).
 * @example
 * ```ts
 * netRevenueRetention({ startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 }); // => 0.9
 * netRevenueRetention({ startingMrr: 1000, expansionMrr: 250, contractionMrr: 30, churnedMrr: 20 }); // => 1.2
 * const cohort = [
 *   { customerId: 'a', startingMrr: 100, endingMrr: 150 },
 *   { customerId: 'b', startingMrr: 100, endingMrr: 0 },
 * ];
 * netRevenueRetention({ cohort }); // => 0.75
 * ```
 * @category Revenue
 */
export function netRevenueRetention(input: NetRevenueRetentionInput, options?: NoOptions): number {
  noOptions(METRIC, options, RETENTION_FIELDS);
  const { starting, net } = retentionParts(METRIC, input);
  return ratioResult(METRIC, net, starting, 'netRevenueRetention');
}
