import * as z from 'zod/mini';
import { type NoOptions, noOptions, parse } from '../internal/parse.js';
import { count, decimal, money } from '../internal/schemas.js';
import { finiteResult } from '../internal/exact/result.js';
import { checkedLifetime, parameter } from './_lib/shiftedBetaGeometric.js';

const METRIC = 'discountedLifetimeValue';

/** Input of {@link discountedLifetimeValue}. */
export interface DiscountedLifetimeValueInput {
  /** α of the sBG model, from 1e-10 to 1e10 (as {@link fitShiftedBetaGeometric} returns it). */
  readonly alpha: number;
  /** β of the sBG model, from 1e-10 to 1e10. */
  readonly beta: number;
  /**
   * Discount rate per model period, a fraction (`0.1` is 10 % a period); a number or a decimal string, at
   * least 0. Required: with α ≤ 1 the undiscounted lifetime is infinite, so 0 is accepted only when α > 1.
   */
  readonly discountRate: number | string;
  /**
   * For a customer already acquired: how many times they have renewed (a count); the result is then the
   * customer's residual value. Absent for a customer not yet acquired.
   */
  readonly renewals?: number | undefined;
  /** Margin per period, money: a number or a decimal string (may be negative for a loss-making customer). */
  readonly margin: number | string;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    alpha: parameter,
    beta: parameter,
    discountRate: decimal({ min: 0 }),
    renewals: z.optional(count),
    margin: money,
  }))();

/**
 * Discounted lifetime value of a customer under the shifted-beta-geometric (sBG) model: margin per period
 * × the discounted expected lifetime (DEL), or, with `renewals`, the residual value of a customer who has
 * renewed that many times (margin × DERL).
 *
 * @remarks
 * value = m × DEL = m × Σ_{t≥0} S(t)/(1 + d)^t for a new customer (the first period's margin, received at
 * acquisition, undiscounted), and m × DERL = m × Σ_{t>r} S(t)/S(r)/(1 + d)^{t−r−1} for a customer who has
 * renewed r times, just before the next renewal decision (Fader & Hardie 2010, equations 5 and 6; see
 * {@link discountedExpectedLifetime} for the closed forms and how they are computed). The margin is constant
 * per period, as in the paper. Summed over the customers of a cohort by their renewals, the residual values
 * give the value of a customer base.
 *
 * Unlike a "margin ÷ churn" lifetime value (`lifetimeValueFromChurn`), which assumes every customer has the
 * same churn rate, the sBG value accounts for retention rising as the customers likeliest to leave do so;
 * Fader & Hardie show that ignoring this underestimates the residual value of a customer base.
 *
 * The discount rate is required: undiscounted (`discountRate: 0`) the value is finite only when α > 1, and
 * otherwise the function reports `NO_DATA`, never Infinity.
 *
 * Double precision: the margin (a decimal string is read to the nearest double) times the discounted
 * lifetime, which is accurate to about 1e-12 relative; the product adds one rounding.
 *
 * Source: P. S. Fader and B. G. S. Hardie, "Customer-Base Valuation in a Contractual Setting: The Perils of
 * Ignoring Heterogeneity", Marketing Science 29(1), 2010, 85–93.
 *
 * Unit: the margin's currency, discounted to the start (or, with `renewals`, to the next renewal decision).
 *
 * @param input - `{ alpha, beta, discountRate, renewals?, margin }`.
 * @param options - none: the function takes no options; pass nothing (or `{}`).
 * @throws {@link MetricError} `INVALID_INPUT` when `alpha` or `beta` is not a number from 1e-10 to 1e10,
 * `discountRate` is missing, negative or not a finite number or decimal string, `renewals` is not a count,
 * `margin` is not a finite number or decimal string, a key is unknown, `options` has any key (an input field
 * there is named as belonging in the input), or the value is beyond the double range.
 * @throws {@link MetricError} `NO_DATA` when `discountRate` is 0 and α ≤ 1: the expected lifetime is
 * infinite.
 * @example
 * ```ts
 * // Fader & Hardie (2007)'s "high end" cohort, $100 margin a year, discounted at 10 % a year.
 * discountedLifetimeValue({ alpha: 0.668, beta: 3.806, discountRate: 0.1, margin: 100 }); // ≈ 592.26
 * // The residual value of one of its customers who has renewed 7 times.
 * discountedLifetimeValue({ alpha: 0.668, beta: 3.806, discountRate: 0.1, renewals: 7, margin: '100' }); // ≈ 752.99
 * ```
 * @category Models
 */
export function discountedLifetimeValue(input: DiscountedLifetimeValueInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['alpha', 'beta', 'discountRate', 'renewals', 'margin']);
  const { alpha, beta, discountRate, renewals, margin } = parse(METRIC, inputSchema, input);
  const lifetime = checkedLifetime(METRIC, alpha, beta, Number(discountRate), renewals, METRIC);
  return finiteResult(METRIC, Number(margin) * lifetime, METRIC);
}
