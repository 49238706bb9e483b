import * as z from 'zod/mini';
import { DAY_MS, type DateInput, toEpoch } from '../internal/dates.js';
import { LIFETIME_UNIT_MS, type LifetimeUnit, lifetimeUnit } from '../internal/lifetimeUnit.js';
import { bulkArray, invalid, noData, parseForm, parseOptions } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import { daysInUnit, type SummarizedCustomer, purchaseHistories } from './_lib/histories.js';
import { readTransactionColumns, readTransactionRecords, type Transactions } from './_lib/transactions.js';

export type { SummarizedCustomer } from './_lib/histories.js';

const METRIC = 'summarizePurchases';

/** The unit of purchase times: a day, a week (7 days) or a month (365/12 days). */
export type PurchaseUnit = LifetimeUnit;

/** One purchase: who bought, when, and (optionally) for how much. */
export interface PurchaseTransaction {
  /** The customer: a non-empty string or a safe integer (`1` and `'1'` are different customers). */
  readonly customerId: string | number;
  /** When: an ISO date or date-time, a `Date`, or epoch milliseconds. Counted by its day (UTC). */
  readonly at: DateInput;
  /** The amount: a non-negative number or decimal string. Every transaction has one, or none does. */
  readonly amount?: number | string | undefined;
}

/** Input of {@link summarizePurchases}: transaction records, or the same as columns. */
export type SummarizePurchasesInput =
  | {
      /** The transactions, in any order: an array (it may be millions long). */
      readonly transactions: ArrayLike<PurchaseTransaction>;
    }
  | {
      /** Each transaction's customer (an array, or a typed array of integer ids). */
      readonly customerIds: ArrayLike<string | number>;
      /** Each transaction's date: dates, or epoch milliseconds (a `Float64Array` is read as it is). */
      readonly at: ArrayLike<DateInput>;
      /** Each transaction's amount (decimal strings, numbers or a `Float64Array`), or absent. */
      readonly amounts?: ArrayLike<number | string> | undefined;
    };

/** Options of {@link summarizePurchases}. */
export interface SummarizePurchasesOptions {
  /** The end of the observation (required): purchases on its day count, later ones do not. */
  readonly asOf: DateInput;
  /** The unit of `recency`, `age` and `holdoutDuration`: `'day'` (default), `'week'` or `'month'`. */
  readonly unit?: PurchaseUnit;
  /** The end of a holdout period after asOf: purchases after asOf up to this day are counted apart. */
  readonly holdoutEnd?: DateInput;
}

/** Result of {@link summarizePurchases}. */
export interface SummarizePurchasesResult {
  /** One history per customer whose first purchase is before asOf's day, in order of first appearance. */
  readonly customers: SummarizedCustomer[];
  /** The unit of every time. */
  readonly unit: PurchaseUnit;
  /** With `holdoutEnd`: the holdout period's length, from asOf to holdoutEnd, in the unit. */
  readonly holdoutDuration?: number;
}

const forms = /* @__PURE__ */ (() =>
  [
    {
      key: 'transactions',
      schema: z.strictObject({ transactions: bulkArray<unknown>('an array of { customerId, at, amount? }') }),
    },
    {
      key: 'customerIds',
      schema: z.strictObject({
        customerIds: bulkArray<unknown>('an array of customer ids'),
        at: bulkArray<unknown>('an array of dates or a typed array of epoch milliseconds'),
        amounts: z.optional(bulkArray<unknown>('an array of amounts or a typed array')),
      }),
    },
  ] as const)();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ asOf: date, unit: z.optional(lifetimeUnit), holdoutEnd: z.optional(date) }))();

/**
 * Purchase histories (RFM summary: frequency, recency, age T, monetary value) from raw transactions, as the
 * purchase models take them.
 *
 * @remarks
 * For each customer, in the conventions of the "buy till you die" models (Fader, Hardie & Lee 2005): the
 * purchases of one day count as one purchase, its amounts summed; `frequency` x is the number of repeat
 * purchases (days with a purchase after the first, up to asOf's day); `recency` t_x is the time from the
 * first purchase to the last one up to asOf (0 without repeat purchases); `age` T is the time from the
 * first purchase to asOf; `monetaryValue` is the mean amount of the repeat purchases (the first purchase is
 * left out, as the Gamma-Gamma spend model needs), 0 without any. Times are whole days since the first
 * purchase's day (UTC) divided by the unit, fractional: a day, a week of 7 days, or a month of 365/12 days
 * (so 12 months are 365 days, as everywhere in the library; the same as 52/12 weeks to within a day a year).
 *
 * With `holdoutEnd`, the purchases after asOf's day up to holdoutEnd's day are counted apart, per day:
 * `holdoutFrequency` and their mean amount `holdoutMonetaryValue` (0 without any), and the result's
 * `holdoutDuration` is the holdout period's length (asOf to holdoutEnd) in the unit: the calibration and
 * holdout split with which the models are checked.
 *
 * Left out: customers whose first purchase is after asOf, and those whose first purchase is on asOf's
 * day (observed for no time, age 0: they tell a model nothing, and the fits refuse age 0). A purchase
 * after asOf without `holdoutEnd`, or after holdoutEnd, is an error rather than silently dropped: cut the
 * data, or name the holdout period.
 *
 * Exact: amounts are summed as exact decimals and each mean is one correctly rounded division; each time is
 * one correctly rounded division of whole days. Linear in the transactions but for each customer's own days,
 * which are sorted (none when they come in order).
 *
 * Source: Fader & Hardie, "Creating an RFM Summary Using Excel" (2008, brucehardie.com/notes/022), which
 * builds the CDNOW calibration summary (x, t_x, T, mean repeat spend) of Fader, Hardie & Lee, "Counting
 * Your Customers the Easy Way" (Marketing Science 24 (2), 2005); the summary of the 2 357 CDNOW customers
 * is reproduced exactly with asOf 1997-09-30 and weeks. The conventions of lifetimes'
 * `summary_data_from_transaction_data` with `freq='D'` (and `freq_multiplier=7` for weeks, which its
 * documentation gives for the CDNOW figures), except that lifetimes keeps customers of age 0, drops
 * purchases after the end silently, and averages holdout amounts per transaction rather than per day.
 *
 * Unit: `unit` for the times; counts for frequencies; the amounts' currency for monetary values.
 *
 * @param input - `{ transactions: [{ customerId, at, amount? }] }`, or the columns `{ customerIds, at,
 * amounts? }` (typed arrays welcome: `at` as epoch milliseconds).
 * @param options - `{ asOf, unit = 'day', holdoutEnd? }`; `asOf` is required.
 * @throws {@link MetricError} `INVALID_INPUT` when a transaction is not `{ customerId, at, amount? }` with
 * a customer id (a non-empty string or a safe integer), a valid date and a non-negative amount (the issue
 * names it: `['transactions', 12, 'amount']`; in columns `['amounts', 12]`), some transactions have an
 * amount and others not (`['transactions', 12, 'amount']`), a purchase is after asOf without holdoutEnd,
 * or after holdoutEnd (`['transactions', 12, 'at']`, the message names its customer), a column's length
 * differs from `customerIds`' (`['at']`, `['amounts']`), `asOf` is missing or not a date, `unit` is not
 * `'day'`, `'week'` or `'month'` (`['unit']` of the options), `holdoutEnd` is not after asOf's day, or a
 * key is unknown.
 * @throws {@link MetricError} `NO_DATA` when there are no transactions, or no customer's first purchase is
 * before asOf's day.
 * @example
 * ```ts
 * const summary = summarizePurchases(
 *   {
 *     transactions: [
 *       { customerId: 'ana', at: '2024-01-03', amount: '20.00' },
 *       { customerId: 'ana', at: '2024-01-03', amount: '5.00' },
 *       { customerId: 'ben', at: '2024-02-01', amount: '12.00' },
 *       { customerId: 'ana', at: '2024-01-17', amount: '30.00' },
 *       { customerId: 'ana', at: '2024-02-14', amount: '45.50' },
 *       { customerId: 'ana', at: '2024-03-20', amount: '18.00' },
 *     ],
 *   },
 *   { asOf: '2024-02-28', unit: 'week', holdoutEnd: '2024-03-27' },
 * );
 * summary.customers[0]; // => { customerId: 'ana', frequency: 2, recency: 6, age: 8, monetaryValue: 37.75, holdoutFrequency: 1, holdoutMonetaryValue: 18 }
 * summary.customers[1]; // => { customerId: 'ben', frequency: 0, recency: 0, age: 3.857142857142857, monetaryValue: 0, holdoutFrequency: 0, holdoutMonetaryValue: 0 }
 * summary.holdoutDuration; // => 4
 * ```
 * @category Purchases
 */
export function summarizePurchases(
  input: SummarizePurchasesInput,
  options: SummarizePurchasesOptions,
): SummarizePurchasesResult {
  const parsed = parseForm(METRIC, forms, input);
  const { asOf, unit = 'day', holdoutEnd } = parseOptions(METRIC, optionsSchema, options);
  const asOfDay = Math.floor(toEpoch(asOf) / DAY_MS);
  const endDay = holdoutEnd === undefined ? asOfDay : Math.floor(toEpoch(holdoutEnd) / DAY_MS);
  if (holdoutEnd !== undefined && endDay <= asOfDay) {
    invalid(METRIC, ['holdoutEnd'], "must be a day after asOf's", 'options');
  }
  const limit = { day: endDay, option: holdoutEnd === undefined ? 'asOf' : 'holdoutEnd' };
  let transactions: Transactions;
  let field: string;
  if (parsed.form === 'transactions') {
    field = 'transactions';
    if (parsed.value.transactions.length === 0) noData(METRIC, [field], 'has no transactions');
    transactions = readTransactionRecords(METRIC, parsed.value.transactions, limit);
  } else {
    field = 'customerIds';
    if (parsed.value.customerIds.length === 0) noData(METRIC, [field], 'has no transactions');
    transactions = readTransactionColumns(METRIC, parsed.value, limit);
  }
  const unitMs = LIFETIME_UNIT_MS[unit];
  const customers = purchaseHistories(transactions, { asOfDay, holdout: holdoutEnd !== undefined, unitMs });
  if (customers.length === 0) {
    noData(METRIC, [field], "has no customer whose first purchase is before asOf's day");
  }
  if (holdoutEnd === undefined) return { customers, unit };
  return { customers, unit, holdoutDuration: daysInUnit(endDay - asOfDay, unitMs) };
}
