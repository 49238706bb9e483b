import * as z from 'zod/mini';
import { exact, toResult } from '../internal/exact/decimal.js';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { fraction, nonNegativeMoney } from '../internal/schemas.js';

const METRIC = 'lifetimeValueFromChurn';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['averageRevenuePerAccount', 'churnRate', 'grossMargin'];

/** Input of {@link lifetimeValueFromChurn}. */
export interface LifetimeValueFromChurnInput {
  /** Average revenue per account (ARPA) per period (money, ≥ 0), e.g. MRR ÷ customers for a month. */
  readonly averageRevenuePerAccount: number | string;
  /** Customer churn rate per the same period as the ARPA, a fraction in (0, 1] (`0.05` is 5 %). */
  readonly churnRate: number | string;
  /** Gross margin, a fraction in [0, 1]. Default `1` (lifetime revenue). */
  readonly grossMargin?: number | string;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    averageRevenuePerAccount: nonNegativeMoney,
    churnRate: fraction,
    grossMargin: z.optional(fraction),
  }))();

/**
 * Customer lifetime value (LTV) of a subscription business, from average revenue per account (ARPA), gross
 * margin and customer churn rate.
 *
 * @remarks
 * LTV = ARPA × gross margin ÷ churn rate. With a constant churn rate c per period, a customer's expected
 * lifetime is 1 ÷ c periods (the mean of a geometric distribution), so this is the margin earned per period
 * times the expected number of periods.
 *
 * The churn rate must be measured over the same period as the ARPA: a monthly ARPA needs a monthly churn
 * rate (convert an annual rate with `convertPeriodRate` first, never divide it by 12). The result does not
 * depend on the period otherwise: it is a lifetime amount.
 *
 * Policies: `grossMargin` defaults to 1, which gives lifetime revenue, as ChartMogul, Stripe Billing and
 * ProfitWell report it; pass a margin for D. Skok's gross-margin LTV ("SaaS Metrics 2.0"). A churn rate of 0
 * has no finite lifetime and is `NO_DATA`, as ChartMogul leaves LTV out when churn is zero (Stripe
 * substitutes a 1.67 % churn rate instead; pass that explicitly to match it). ChartMogul divides by a
 * six-month trailing average of churn and ProfitWell smooths its churn trend: pass such an average as
 * `churnRate` to match them.
 *
 * The result is exact: one decimal division of the exact product, converted to the nearest number once.
 *
 * Unit: money, in the currency of `averageRevenuePerAccount`.
 *
 * Source: ChartMogul, "Customer Lifetime Value (LTV)" (LTV = ARPA ÷ customer churn rate; ARPA $100 at 5 %
 * monthly churn is $2,000); ProfitWell, "Lifetime Value" (ARPU $10 at 4 % is $250); D. Skok, "SaaS
 * Metrics 2.0" (the gross margin factor).
 *
 * @param input - `{ averageRevenuePerAccount, churnRate, grossMargin = 1 }`.
 * @param options - none: lifetimeValueFromChurn takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a value is not a finite number or decimal string, the
 * ARPA is negative, the churn rate or gross margin is outside [0, 1], a key is unknown, or the result is too
 * large to represent as a number.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when the churn rate is 0.
 * @example
 * ```ts
 * lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.05 }); // => 2000
 * lifetimeValueFromChurn({ averageRevenuePerAccount: '10', churnRate: '0.04' }); // => 250
 * const account = { averageRevenuePerAccount: 100, churnRate: 0.05 };
 * lifetimeValueFromChurn({ ...account, grossMargin: 0.8 }); // => 1600
 * lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.03 }); // ≈ 3333.33
 * ```
 * @category Value
 */
export function lifetimeValueFromChurn(input: LifetimeValueFromChurnInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const parsed = parse(METRIC, inputSchema, input);
  const churn = exact(parsed.churnRate);
  if (churn.isZero()) noData(METRIC, ['churnRate'], 'must be greater than 0 (with no churn the lifetime is unbounded)');
  const value = exact(parsed.averageRevenuePerAccount)
    .times(parsed.grossMargin ?? 1)
    .div(churn);
  return toResult(METRIC, value, 'the lifetime value');
}
