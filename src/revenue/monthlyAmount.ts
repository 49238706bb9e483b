import * as z from 'zod/mini';
import { ratioResult } from '../internal/exact/result.js';
import { parse, parseOptions } from '../internal/parse.js';
import { MonthlyAmounts } from './_lib/monthlyAmounts.js';
import { type Price, type PricePolicies, pricePolicyShape, priceSchema } from './_lib/subscriptionSchema.js';

const METRIC = 'monthlyAmount';

/** Input of {@link monthlyAmount}: one recurring price. */
export type MonthlyAmountInput = Price;

/** Options of {@link monthlyAmount}: how a price becomes a monthly amount. */
export type MonthlyAmountOptions = PricePolicies;

const optionsSchema = /* @__PURE__ */ (() => z.strictObject(pricePolicyShape))();

/**
 * The monthly value of one recurring price: its contribution to Monthly Recurring Revenue (MRR).
 *
 * @remarks
 * monthly amount = (amount × quantity − discount) × months-per-interval factor ÷ intervalCount, where the
 * factor is 1 for a month, 1/3 for a quarter, 1/12 for a year, 52/12 for a week and 365/12 for a day (a year
 * is 12 months, 4 quarters, 52 weeks or 365 days, the library's period lengths). A `{ percent }` discount
 * removes that fraction of `amount × quantity`; an `{ amount }` discount removes that much money per billing
 * interval. The result is the exact rational converted once to the nearest number: a $100 yearly plan is
 * 8.333… (100/12), not a rounded 8.33, unless `rounding` asks for it.
 *
 * Policies, and the vendors each matches:
 * - `weeklyFactor`: `'52/12'` (default), `'4.33'` (Paddle) or `'4'` (a flat four weeks).
 * - `dailyFactor`: `'365/12'` (default) or `'30'` (Paddle, Recurly).
 * - `discounts`: `'apply'` (default; ChartMogul, Baremetrics and ProfitWell deduct discounts: $10 with a
 *   50 % coupon is $5, $120 a year with 10 % off is $9) or `'ignore'` (list price: Zuora's standard MRR and
 *   Paddle's MRR). Stripe's billing analytics let the account choose which coupons count; to match a setting
 *   that counts only "forever" coupons, leave the finite ones off the price.
 * - `rounding`: none by default; `{ places: 2, mode: 'halfUp' }` reproduces vendors that show each line in
 *   cents (ChartMogul's $2,000 a year is $166.67).
 *
 * Unit: money per month, in the currency of `amount`.
 *
 * Source: ChartMogul, "Monthly Recurring Revenue (MRR)" (amounts paid for several months are divided by
 * the number of months; discounts deducted); Baremetrics, "Monthly Recurring Revenue"; Stripe, "Billing
 * metric definitions".
 *
 * @param input - `{ amount, interval = 'month', intervalCount = 1, quantity = 1, discount? }`.
 * @param options - `{ weeklyFactor = '52/12', dailyFactor = '365/12', discounts = 'apply', rounding? }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `amount` is negative or not money, `interval` is not a
 * period name, `intervalCount` is not a positive integer, `quantity` is not a non-negative integer, a
 * percent discount is outside 0–1, an amount discount is negative or exceeds `amount × quantity`, a key is
 * unknown, or an option is invalid.
 * @example
 * ```ts
 * monthlyAmount({ amount: 90, interval: 'quarter' }); // => 30
 * monthlyAmount({ amount: 120, interval: 'year', discount: { percent: 0.1 } }); // => 9
 * monthlyAmount({ amount: '2000', interval: 'year' }); // ≈ 166.6667
 * monthlyAmount({ amount: 2000, interval: 'year' }, { rounding: { places: 2 } }); // => 166.67
 * monthlyAmount({ amount: 12, interval: 'week' }); // => 52
 * monthlyAmount({ amount: 12, interval: 'week' }, { weeklyFactor: '4' }); // => 48
 * ```
 * @category Revenue
 */
export function monthlyAmount(input: MonthlyAmountInput, options?: MonthlyAmountOptions): number {
  const price = parse(METRIC, priceSchema, input);
  const policies = parseOptions(METRIC, optionsSchema, options);
  const amounts = new MonthlyAmounts(policies);
  amounts.price(price);
  return ratioResult(METRIC, amounts.num, amounts.den, 'the monthly amount');
}
