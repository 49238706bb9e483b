import * as z from 'zod/mini';
import { bulkArray, invalid, noData, parse, parseOptions } from '../internal/parse.js';
import { MONTHS_PER, type Period, period } from '../internal/periods.js';
import { decimal } from '../internal/schemas.js';
import { readValueModel } from './_lib/fittedModels.js';
import { readModel } from './_lib/registry.js';
import { conditionalSpend } from './_lib/gammaGamma.js';
import { readValueCustomer } from './_lib/valueCustomers.js';
import type { GammaGammaModel } from './expectedMonetaryValue.js';
import type { PurchaseModel } from './_lib/predictionInput.js';

/** A forecast of customers alive at the end of observation with one (x, T), and P(alive) by recency. */
interface Forecast {
  readonly discounted: number;
  readonly total: number;
  readonly alive: Map<number, number>;
}

const METRIC = 'predictCustomerValue';

/** One customer to value: a purchase history and the mean value of its repeat purchases. */
export interface CustomerValueCustomer {
  /** Returned beside the customer's value when given. */
  readonly customerId?: string | number | undefined;
  /** Repeat purchases (a whole number ≥ 0). */
  readonly frequency: number;
  /** Time from the first to the last purchase, in the purchase model's unit (opportunities for BG/BB). */
  readonly recency: number;
  /** Time from the first purchase to the end of observation (continuous-time models). */
  readonly age?: number | undefined;
  /** Purchase opportunities since the first purchase (BG/BB). */
  readonly opportunities?: number | undefined;
  /**
   * Mean value of the repeat purchases (money ≥ 0; above 0 with repeat purchases). Required; optional in the
   * type only so that `summarizePurchases` customers pass as they are (one without amounts is refused).
   */
  readonly monetaryValue?: number | string | undefined;
  /** Customers sharing this history (a whole number ≥ 1, default 1): `total` counts each of them. */
  readonly count?: number | undefined;
  /** A field of `summarizePurchases` records, accepted and ignored. */
  readonly holdoutFrequency?: number | undefined;
  /** A field of `summarizePurchases` records, accepted and ignored. */
  readonly holdoutMonetaryValue?: number | undefined;
}

/** Input of {@link predictCustomerValue}. */
export interface PredictCustomerValueInput {
  /** A fitted purchase-count model, as its fit returns it (`model: 'bg-bb'`, …). */
  readonly purchaseModel: PurchaseModel;
  /** A fitted Gamma-Gamma model, as {@link fitGammaGamma} returns it. */
  readonly valueModel: GammaGammaModel;
  /** The customers to value: their histories in the purchase model's unit and their mean repeat spend. */
  readonly customers: ArrayLike<CustomerValueCustomer>;
  /** The horizon, in months (a whole number from 1 to 1 200). */
  readonly months: number;
  /**
   * Discount rate per month, a fraction ≥ 0 (`0.01` is 1 % a month, about 12.7 % a year); a number or a
   * decimal string. An annual rate r is the monthly (1 + r)^(1/12) − 1.
   */
  readonly discountRate: number | string;
}

/** Options of {@link predictCustomerValue}. */
export interface PredictCustomerValueOptions {
  /**
   * The time unit the purchase model was fitted in: `'day' | 'week' | 'month' | 'quarter' | 'year'`; for
   * BG/BB, the length of one purchase opportunity. Required: a fitted model does not carry its unit.
   */
  readonly unit: Period;
}

/** One customer's predicted value. */
export interface CustomerValue {
  /** The input's customerId, when it had one. */
  readonly customerId?: string | number;
  /** Discounted value of the purchases expected over the horizon, in money. */
  readonly value: number;
  /** Purchases expected over the horizon (undiscounted). */
  readonly purchases: number;
  /** Expected value per purchase (Gamma-Gamma), in money. */
  readonly monetaryValue: number;
}

/** Result of {@link predictCustomerValue}. */
export interface PredictCustomerValueResult {
  /** One entry per input customer, in order. */
  readonly customers: readonly CustomerValue[];
  /** Σ count × value over the customers: the discounted value of the base, in money. */
  readonly total: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    purchaseModel: z.unknown(),
    valueModel: z.unknown(),
    customers: bulkArray('an array of customers'),
    months: z.int().check(z.gte(1), z.lte(1200)),
    discountRate: decimal({ min: 0 }, ' (a monthly rate: 0.01 is 1 % a month)'),
  }))();
const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ unit: period }))();

/**
 * Predicted customer value: the discounted value of the purchases a purchase-count model expects of each
 * customer over the coming months, each purchase worth what the Gamma-Gamma model expects of that customer.
 *
 * @remarks
 * value = Σ_{m=1}^{months} (E[Y(m)] − E[Y(m − 1)]) · E[Z] / (1 + d)^m, where E[Y(m)] is the number of
 * purchases the customer is expected to make in the first m months after the end of observation (the
 * purchase model's conditional expectation given frequency, recency and age), E[Z] the Gamma-Gamma expected
 * spend per purchase ({@link expectedMonetaryValue}) and d the monthly discount rate: each month's purchases
 * are discounted from the end of that month, as lifetimes' `customer_lifetime_value` does (its
 * `discount_rate` is monthly too). A month is the library's: 52/12 weeks, 365/12 days, 1/3 of a quarter,
 * 1/12 of a year (lifetimes uses 4.345 weeks or 30 days, so its figures differ slightly).
 *
 * Discrete time (BG/BB): purchases happen only at opportunities, one every `unit`; the purchases of month
 * m are those at the opportunities that fall in it, E[Y(⌊m · opportunities a month⌋)], so yearly
 * opportunities bring purchases in months 12, 24, … only, each discounted from its own month.
 *
 * Double precision; the value is a sum of positive terms and carries the tolerances of the two models'
 * predictions (about 1e-12 relative).
 *
 * Unit: money, in the currency of `monetaryValue`, discounted to the end of observation.
 *
 * Source: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
 * for combining a purchase-count model with the Gamma-Gamma spend model; lifetimes'
 * `GammaGammaFitter.customer_lifetime_value` for the monthly discounted sum.
 *
 * @param input - `{ purchaseModel, valueModel, customers, months, discountRate }`.
 * @param options - `{ unit }`: the purchase model's time unit.
 * @throws {@link MetricError} `INVALID_INPUT` when a model is not a fitted model of a known kind (the issue
 * names `purchaseModel.model` or `valueModel.model`) or has a parameter that is not a positive finite
 * number, a customer's history is invalid for the model (as in its fit: frequency not a whole number,
 * recency above the age, repeat purchases at recency 0 …), a monetaryValue is negative, `months` is not a
 * whole number from 1 to 1 200, `discountRate` is negative, `unit` is missing or unknown, a key is unknown,
 * or a customer's expected spend is infinite (q ≤ 1 for a customer without repeat purchases).
 * @throws {@link MetricError} `NO_DATA` when there is no customer.
 * @example
 * ```ts
 * // The donations' BG/BB model (yearly opportunities) and a spend model; a donor who gave 4 of 6 years.
 * const purchaseModel = { model: 'bg-bb', alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } as const;
 * const valueModel = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
 * const customers = [{ frequency: 4, recency: 6, opportunities: 6, monetaryValue: 50 }];
 * const result = predictCustomerValue(
 *   { purchaseModel, valueModel, customers, months: 60, discountRate: 0.01 },
 *   { unit: 'year' },
 * );
 * result.customers[0]?.purchases; // ≈ 2.71
 * result.total; // ≈ 94.54
 * ```
 * @category Purchases
 */
export function predictCustomerValue(
  input: PredictCustomerValueInput,
  options: PredictCustomerValueOptions,
): PredictCustomerValueResult {
  const parsed = parse(METRIC, inputSchema, input);
  const { unit } = parseOptions(METRIC, optionsSchema, options);
  const { kind, parameters } = readModel(METRIC, parsed.purchaseModel, 'purchaseModel');
  const { p, q, v } = readValueModel(METRIC, parsed.valueModel, ['valueModel']);
  const rows = parsed.customers;
  if (rows.length === 0) noData(METRIC, ['customers'], 'must not be empty: there is no customer to value');
  const months = parsed.months;
  const rate = Number(parsed.discountRate);
  // A unit is a/b months, so m months are m·b/a units (365/12 days, 52/12 weeks a month), formed from
  // integers so that whole numbers of opportunities come out exact.
  const [a, b] = MONTHS_PER[unit];
  const time = (m: number) => (kind.discrete ? Math.floor((m * b) / a) : (m * b) / a);
  const discounts = new Float64Array(months + 1);
  for (let m = 1; m <= months; m++) discounts[m] = (1 + rate) ** -m;
  // E[Y(t) | history] = E[Y(t) | alive at T, x, T] · P(alive at T | history) for every model: the monthly
  // sums of the first factor are computed once per distinct (x, T), the second once per distinct history.
  /** Σ_m (E[Y(m) | alive] − E[Y(m − 1) | alive]) / (1 + d)^m, and E[Y(months) | alive]. */
  const discountedIfAlive = (x: number, age: number): Forecast => {
    let discounted = 0;
    let previous = 0;
    let previousTime = 0;
    for (let m = 1; m <= months; m++) {
      const t = time(m);
      if (t === previousTime) continue;
      const expected = kind.expectedIfAlive(parameters, t, x, age);
      discounted += (expected - previous) * (discounts[m] as number);
      previous = expected;
      previousTime = t;
    }
    return { discounted, total: previous, alive: new Map() };
  };
  const byAge = new Map<number, Map<number, Forecast>>();
  const customers: CustomerValue[] = new Array(rows.length);
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const customer = readValueCustomer(METRIC, rows[i], ['customers', i], kind);
    const { history } = customer;
    const { frequency: x, recency, age } = history;
    const spend = conditionalSpend(p, q, v, x, customer.monetaryValue);
    if (spend === null) {
      invalid(
        METRIC,
        x === 0 ? ['valueModel', 'q'] : ['customers', i],
        'gives an infinite expected spend: q must exceed 1 to value a customer without repeat purchases',
      );
    }
    let byFrequency = byAge.get(age);
    if (byFrequency === undefined) {
      byFrequency = new Map();
      byAge.set(age, byFrequency);
    }
    let forecast = byFrequency.get(x);
    if (forecast === undefined) {
      forecast = discountedIfAlive(x, age);
      byFrequency.set(x, forecast);
    }
    let alive = forecast.alive.get(recency);
    if (alive === undefined) {
      alive = kind.aliveAtEnd(parameters, history);
      forecast.alive.set(recency, alive);
    }
    const value = alive * forecast.discounted * spend;
    if (!Number.isFinite(value)) invalid(METRIC, ['customers', i], 'has a value beyond the double range');
    const entry = { value, purchases: alive * forecast.total, monetaryValue: spend };
    customers[i] = customer.customerId === undefined ? entry : { customerId: customer.customerId, ...entry };
    total += customer.count * value;
  }
  if (!Number.isFinite(total)) invalid(METRIC, ['customers'], 'have a total value beyond the double range');
  return { customers, total };
}
