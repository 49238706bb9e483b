import * as z from 'zod/mini';
import { exact, ONE, toResult } from '../internal/exact/decimal.js';
import { noOptions, type NoOptions, parse } from '../internal/parse.js';
import { type Period, period, periodRatio } from '../internal/periods.js';
import { fraction } from '../internal/schemas.js';

const METRIC = 'convertPeriodRate';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['rate', 'from', 'to'];

/** Input of {@link convertPeriodRate}. */
export interface ConvertPeriodRateInput {
  /** A churn (loss) rate per `from` period: a fraction in [0, 1] (`0.05` is 5 %), a number or decimal string. */
  readonly rate: number | string;
  /** The period the rate is measured over: `'day' | 'week' | 'month' | 'quarter' | 'year'`. */
  readonly from: Period;
  /** The period to express it over. */
  readonly to: Period;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ rate: fraction, from: period, to: period }))();

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Converts a churn rate between periods by compounding: 5 % a month is 45.96 % a year, not 60 %.
 *
 * @remarks
 * A customer survives one `to` period when it survives each of the `from` periods in it, so with
 * t = length(to) ÷ length(from): rate_to = 1 − (1 − rate_from)^t. Multiplying by t (5 % × 12 = 60 %) counts
 * customers who already left as lost again, and overstates the rate; dividing understates it.
 *
 * Period lengths are those of the whole library: a year is 12 months, 4 quarters, 52 weeks or 365 days, so
 * a week is 12/52 of a month and a day 12/365 of a month (a week to a month is t = 52/12).
 *
 * To convert a retention rate r, convert the churn rate 1 − r and subtract the result from 1.
 *
 * Precision: when t is a whole number (month → year is t = 12) the power is computed exactly, rounded to 34
 * significant digits only when it has more (0.99^12 is exact); when t is a fraction (year → month is a 1/12
 * root) the power is computed by decimal.js as exp(t · ln(1 − rate)) to 34 significant digits, with t itself
 * rounded to 34 digits, a relative error below 1e-32. The result is then converted to the nearest number
 * once, so it is correctly rounded except in cases rarer than one in 10^15.
 *
 * Unit: a fraction, per `to` period.
 *
 * Source: the compounding conversion as Churnkey publishes it, "Convert Annual To Monthly Churn" (annual =
 * 1 − (1 − monthly)^12, monthly = 1 − (1 − annual)^(1/12); 1 % a month is 11.36 % a year, 5 % is 45.96 %);
 * period lengths as in `monthlyAmount`.
 *
 * @param input - `{ rate, from, to }`.
 * @param options - none: convertPeriodRate takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when `rate` is not a fraction in [0, 1] (a number or a decimal
 * string), a period is not one of `'day' | 'week' | 'month' | 'quarter' | 'year'`, or a key is unknown.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @example
 * ```ts
 * convertPeriodRate({ rate: 0.05, from: 'month', to: 'year' }); // ≈ 0.4596
 * convertPeriodRate({ rate: 0.01, from: 'month', to: 'year' }); // ≈ 0.1136
 * convertPeriodRate({ rate: '0.1', from: 'month', to: 'quarter' }); // => 0.271
 * convertPeriodRate({ rate: 0.4596, from: 'year', to: 'month' }); // ≈ 0.05
 * ```
 * @category Retention
 */
export function convertPeriodRate(input: ConvertPeriodRateInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const { rate, from, to } = parse(METRIC, inputSchema, input);
  const survival = ONE.minus(exact(rate));
  // t = length(to) ÷ length(from), an exact fraction in lowest terms.
  const [numerator, denominator] = periodRatio(to, from);
  const divisor = gcd(numerator, denominator);
  const top = numerator / divisor;
  const bottom = denominator / divisor;
  const power = bottom === 1 ? survival.pow(top) : survival.pow(exact(top).div(bottom));
  return toResult(METRIC, ONE.minus(power), 'the rate');
}
