import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { invalid, noData, parse, parseOptions } from '../internal/parse.js';
import { nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'revenueChurnRate';

/** Input of {@link revenueChurnRate}. */
export interface RevenueChurnRateInput {
  /** MRR at the start of the period (money, > 0). */
  readonly startingMrr: number | string;
  /** MRR lost to cancellations (money, ≥ 0). */
  readonly churnedMrr: number | string;
  /** MRR lost to downgrades, as a positive amount (money, ≥ 0). */
  readonly contractionMrr: number | string;
  /** MRR gained from existing customers (money, ≥ 0, default 0); used by the net rate only. */
  readonly expansionMrr?: number | string | undefined;
  /** MRR regained from former customers (money, ≥ 0, default 0); used by the net rate only. */
  readonly reactivationMrr?: number | string | undefined;
}

/** Options of {@link revenueChurnRate}. */
export interface RevenueChurnRateOptions {
  /** `false` (default): gross rate; `true`: net of expansion and reactivation. */
  readonly net?: boolean | undefined;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    startingMrr: nonNegativeMoney,
    churnedMrr: nonNegativeMoney,
    contractionMrr: nonNegativeMoney,
    expansionMrr: z.optional(nonNegativeMoney),
    reactivationMrr: z.optional(nonNegativeMoney),
  }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ net: z.optional(z.boolean()) }))();

/**
 * Revenue churn rate (MRR churn rate), gross or net.
 *
 * @remarks
 * Gross: (churnedMrr + contractionMrr) ÷ startingMrr, from 0 to 1. Net (`{ net: true }`): (churnedMrr +
 * contractionMrr − expansionMrr − reactivationMrr) ÷ startingMrr. **The net rate may be negative**: below 0
 * when expansion and reactivation outweigh the losses ("negative churn"), the aim of a growing SaaS business.
 * These are ChartMogul's standard (B2B) formulas: with $100 at the start, $10 churned, $10 of contraction
 * and $10 of expansion, gross is 20 % and net 10 %.
 *
 * Exact: computed in decimal arithmetic and converted once.
 *
 * Unit: a fraction per period (0.2 is 20 %).
 *
 * Source: ChartMogul, "Gross MRR Churn Rate" and "Net MRR Churn Rate" (standard formula).
 *
 * @param input - `{ startingMrr, churnedMrr, contractionMrr, expansionMrr?, reactivationMrr? }`.
 * @param options - `{ net = false }`.
 * @throws {@link MetricError} `INVALID_INPUT` when an amount is negative or not money, churn plus
 * contraction exceed the starting MRR, or a key is unknown.
 * @throws {@link MetricError} `NO_DATA` when `startingMrr` is 0.
 * @example
 * ```ts
 * const period = { startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 };
 * revenueChurnRate(period); // => 0.2
 * revenueChurnRate(period, { net: true }); // => 0.1
 * revenueChurnRate({ startingMrr: 100, churnedMrr: 5, contractionMrr: 0, expansionMrr: 15 }, { net: true }); // => -0.1
 * ```
 * @category Revenue
 */
export function revenueChurnRate(input: RevenueChurnRateInput, options?: RevenueChurnRateOptions): number {
  const parsed = parse(METRIC, inputSchema, input);
  const net = parseOptions(METRIC, optionsSchema, options).net === true;
  const starting = exact(parsed.startingMrr);
  const lost = exact(parsed.churnedMrr).plus(parsed.contractionMrr);
  if (lost.gt(starting)) invalid(METRIC, ['churnedMrr'], 'plus contractionMrr must not exceed startingMrr');
  if (starting.isZero()) noData(METRIC, ['startingMrr'], 'must be greater than 0');
  const numerator = net ? lost.minus(parsed.expansionMrr ?? 0).minus(parsed.reactivationMrr ?? 0) : lost;
  return toResult(METRIC, numerator.div(starting), 'revenueChurnRate');
}
