import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'quickRatio';

/** Input of {@link quickRatio}: the MRR movements of a period (all money, ≥ 0). */
export interface QuickRatioInput {
  /** MRR of new customers: counted as a gain. */
  readonly newMrr: number | string;
  /** MRR added by existing customers (upgrades, more seats): counted as a gain. */
  readonly expansionMrr: number | string;
  /** MRR regained from former customers (default 0): counted as a gain. */
  readonly reactivationMrr?: number | string | undefined;
  /** MRR lost to downgrades, as a positive amount. */
  readonly contractionMrr: number | string;
  /** MRR lost to cancellations, as a positive amount. */
  readonly churnedMrr: number | string;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    newMrr: nonNegativeMoney,
    expansionMrr: nonNegativeMoney,
    reactivationMrr: z.optional(nonNegativeMoney),
    contractionMrr: nonNegativeMoney,
    churnedMrr: nonNegativeMoney,
  }))();

/**
 * SaaS quick ratio: MRR gained for each unit of MRR lost.
 *
 * @remarks
 * Quick ratio = (newMrr + expansionMrr + reactivationMrr) ÷ (contractionMrr + churnedMrr). Above 4 is
 * commonly called efficient growth, below 1 a shrinking business. The original definition (M. Hamid, Social
 * Capital) has new and expansion MRR only; reactivation MRR (returning customers' new money) is optional here
 * and counts as a gain when given. Omit it to reproduce the original.
 *
 * Exact: computed in decimal arithmetic and converted once.
 *
 * Unit: a plain ratio (4 means 4 gained per 1 lost).
 *
 * Source: M. Hamid, "The SaaS Quick Ratio" (Social Capital, 2015).
 *
 * @param input - `{ newMrr, expansionMrr, reactivationMrr?, contractionMrr, churnedMrr }`.
 * @param options - none: any key is refused rather than ignored (an input field passed here is named as
 * belonging in the input).
 * @throws {@link MetricError} `INVALID_INPUT` when an amount is negative or not money, a key is unknown, or
 * `options` has any key (the function takes none).
 * @throws {@link MetricError} `NO_DATA` when contraction and churn are both 0 (nothing lost).
 * @example
 * ```ts
 * quickRatio({ newMrr: 20000, expansionMrr: 8000, contractionMrr: 3000, churnedMrr: 5000 }); // => 3.5
 * quickRatio({ newMrr: 300, expansionMrr: 100, reactivationMrr: 100, contractionMrr: 50, churnedMrr: 50 }); // => 5
 * ```
 * @category Revenue
 */
export function quickRatio(input: QuickRatioInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr']);
  const parsed = parse(METRIC, inputSchema, input);
  const lost = exact(parsed.contractionMrr).plus(parsed.churnedMrr);
  if (lost.isZero()) noData(METRIC, ['churnedMrr'], 'and contractionMrr are both 0: nothing was lost');
  const gained = exact(parsed.newMrr)
    .plus(parsed.expansionMrr)
    .plus(parsed.reactivationMrr ?? 0);
  return toResult(METRIC, gained.div(lost), 'quickRatio');
}
