// The customers' purchase histories every purchase model reads: records `[{ frequency, recency, age }]` or
// columns `{ frequency, recency, age }` (arrays or typed arrays), checked in one pass and returned as columns
// of doubles. Each record's fields are read once; extra fields of a record (a customerId, a monetaryValue from
// summarizePurchases) are ignored. Columns are strict: an unknown column is refused, as a misspelt one would
// otherwise be silently missing.
import * as z from 'zod/mini';
import { MetricError } from '../../errors.js';
import { invalid, isArrayInput, issue, noData, rejectElement } from '../../internal/parse.js';
import { count, isCount, nonNegativeNumber } from '../../internal/schemas.js';

/** Customers as records or as columns: what the fits and the predictions of a whole base read. */
export type Customers = readonly PurchaseHistory[] | PurchaseHistoryColumns;

/** Customers' histories as columns of doubles (the caller's typed arrays themselves when they were Float64Arrays). */
export interface CustomerColumns {
  /** x: repeat purchases, whole numbers ≥ 0. */
  readonly frequency: Float64Array;
  /** t_x: time from the first purchase to the last, 0 when x = 0. */
  readonly recency: Float64Array;
  /** T: time from the first purchase to the end of observation, above 0. */
  readonly age: Float64Array;
  /** How many customers. */
  readonly count: number;
}

/** One customer's purchase history, in one time unit (days, weeks…), in the BTYD conventions. */
export interface PurchaseHistory {
  /** x: repeat purchases (purchases after the first), a whole number ≥ 0. */
  readonly frequency: number;
  /** t_x: time from the first purchase to the last; 0 when `frequency` is 0. */
  readonly recency: number;
  /** T: time from the first purchase to the end of observation, above 0 and at least `recency`. */
  readonly age: number;
}

/** Customers' histories as columns, element i of each column being customer i. */
export interface PurchaseHistoryColumns {
  /** x of each customer: repeat purchases, whole numbers ≥ 0. */
  readonly frequency: ArrayLike<number>;
  /** t_x of each customer: time from the first purchase to the last, 0 when x = 0. */
  readonly recency: ArrayLike<number>;
  /** T of each customer: time from the first purchase to the end of observation, above 0. */
  readonly age: ArrayLike<number>;
}

const FIELDS = ['frequency', 'recency', 'age'] as const;

/**
 * The longest observation a model takes, in its time unit (a trillion days is beyond any base): the
 * likelihoods add ages to the models' scales, and ages near the double range would overflow them.
 */
export const MAX_AGE = 1e12;
type Field = (typeof FIELDS)[number];

const positiveNumber = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();
const schemas = /* @__PURE__ */ (() => ({ frequency: count, recency: nonNegativeNumber, age: positiveNumber }))();

const isNumber = (value: unknown): value is number => typeof value === 'number' && value - value === 0;

/**
 * Reads one customer's history at `path` (`['customer']`, `['customers', 3]`): the checks of
 * {@link readCustomers}.
 */
export function readCustomer(
  metric: string,
  value: unknown,
  path: readonly (string | number)[],
): { frequency: number; recency: number; age: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) notRecord(metric, path);
  const record = value as Record<string, unknown>;
  const frequency = record.frequency;
  const recency = record.recency;
  const age = record.age;
  checkFields(metric, frequency, recency, age, path);
  return { frequency: (frequency as number) + 0, recency: (recency as number) + 0, age: age as number };
}

function notRecord(metric: string, path: readonly (string | number)[]): never {
  throw new MetricError(metric, 'INVALID_INPUT', [
    issue(path, 'must be an object { frequency, recency, age }', 'invalid_type'),
  ]);
}

/**
 * Whether numbers x, t_x, T make a valid history: x a whole number ≥ 0 (at most 2^53 − 1), 0 < T ≤ 1e12,
 * 0 ≤ t_x ≤ T, t_x > 0 exactly when x > 0 (with x, t_x ≥ 0: x·t_x > 0 when both are above 0, x + t_x = 0
 * when both are 0). Every comparison is false for NaN. The comparisons are combined with `&` rather than
 * `&&` so that a bulk loop has no branch for the data to mispredict (whether x is 0 varies from customer to
 * customer); the loops call it for the common case and {@link checkFields} to name what is wrong.
 */
export const validHistory = (x: number, t: number, T: number): boolean =>
  (+(x >= 0) &
    +(x <= Number.MAX_SAFE_INTEGER) &
    +(Math.floor(x) === x) &
    +(T > 0) &
    +(T <= MAX_AGE) &
    +(t >= 0) &
    +(t <= T) &
    (+(x * t > 0) | +(x + t === 0))) ===
  1;

/** Throws the MetricError of the first rule the fields of one record at `path` break; returns if none. */
function checkFields(
  metric: string,
  frequency: unknown,
  recency: unknown,
  age: unknown,
  path: readonly (string | number)[],
): void {
  if (!isCount(frequency)) rejectElement(metric, count, frequency, [...path, 'frequency']);
  if (!isNumber(recency) || recency < 0) rejectElement(metric, nonNegativeNumber, recency, [...path, 'recency']);
  if (!isNumber(age) || age <= 0) rejectElement(metric, positiveNumber, age, [...path, 'age']);
  if (age > MAX_AGE) invalid(metric, [...path, 'age'], `must be at most ${MAX_AGE} (in the model's time unit)`);
  checkHistory(metric, frequency, recency + 0, age, [...path, 'recency']);
}

/** The rules between the fields of one history, reported at `at` (the recency). */
function checkHistory(
  metric: string,
  frequency: number,
  recency: number,
  age: number,
  at: readonly (string | number)[],
): void {
  if (recency > age)
    invalid(metric, at, `must not exceed age (${age}): the last purchase is after the observation ends`);
  if (frequency > 0 && recency === 0) {
    invalid(metric, at, 'must be greater than 0 when frequency is above 0: repeat purchases come after the first');
  }
  if (frequency === 0 && recency > 0) {
    invalid(metric, at, 'must be 0 when frequency is 0: a customer without repeat purchases has no recency');
  }
}

/**
 * Reads the customers of a purchase model's input (`input.customers`, at `[field]`): records or columns.
 *
 * @throws MetricError `INVALID_INPUT` at `[field, i, name]` for a record (at `[field, name, i]` for a
 * column's element, `[field, name]` for a missing column or one of another length) when frequency is not a
 * whole number ≥ 0, recency not a number ≥ 0, age not a number above 0, recency above age, recency 0 with
 * repeat purchases or above 0 without; `NO_DATA` at `[field]` when there is no customer.
 */
export function readCustomers(metric: string, value: unknown, field = 'customers'): CustomerColumns {
  if (isArrayInput(value)) return fromRecords(metric, value, field);
  if (typeof value === 'object' && value !== null) return fromColumns(metric, value as Record<string, unknown>, field);
  throw new MetricError(metric, 'INVALID_INPUT', [
    issue(
      [field],
      value === undefined
        ? 'is required'
        : 'must be an array of { frequency, recency, age } or columns { frequency, recency, age }',
      'invalid_type',
    ),
  ]);
}

function fromRecords(metric: string, records: ArrayLike<unknown>, field: string): CustomerColumns {
  const n = records.length;
  if (n === 0) noData(metric, [field], 'has no customers');
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = records[i];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) notRecord(metric, [field, i]);
    const record = value as Record<string, unknown>;
    const x = record.frequency;
    const t = record.recency;
    const T = record.age;
    if (!(typeof x === 'number' && typeof t === 'number' && typeof T === 'number' && validHistory(x, t, T))) {
      checkFields(metric, x, t, T, [field, i]);
    }
    // + 0 reads −0 as 0, as the schemas do.
    frequency[i] = (x as number) + 0;
    recency[i] = (t as number) + 0;
    age[i] = T as number;
  }
  return { frequency, recency, age, count: n };
}

function fromColumns(metric: string, value: Record<string, unknown>, field: string): CustomerColumns {
  for (const key of Object.keys(value)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      invalid(metric, [field, key], 'is not a column of customers: the columns are frequency, recency and age');
    }
  }
  const columns = FIELDS.map((name) => {
    const column = value[name];
    if (!isArrayInput(column)) {
      invalid(metric, [field, name], column === undefined ? 'is required' : 'must be an array or a typed array');
    }
    return column;
  }) as [ArrayLike<unknown>, ArrayLike<unknown>, ArrayLike<unknown>];
  const n = columns[0].length;
  if (columns[1].length !== n || columns[2].length !== n) {
    const name: Field = columns[1].length !== n ? 'recency' : 'age';
    invalid(metric, [field, name], `must have as many elements as frequency (${n})`);
  }
  if (n === 0) noData(metric, [field, 'frequency'], 'has no customers');
  const [frequency, recency, age] = columns.map((column, j) =>
    column instanceof Float64Array ? column : copy(metric, column, [field, FIELDS[j] as Field]),
  ) as [Float64Array, Float64Array, Float64Array];
  const bad = firstInvalid(frequency, recency, age, n);
  if (bad >= 0) {
    const [x, t, T] = [frequency[bad] as number, recency[bad] as number, age[bad] as number];
    if (!(Number.isSafeInteger(x) && x >= 0)) rejectElement(metric, count, x, [field, 'frequency', bad]);
    if (!(t >= 0 && t < Number.POSITIVE_INFINITY)) rejectElement(metric, nonNegativeNumber, t, [field, 'recency', bad]);
    if (!(T > 0 && T < Number.POSITIVE_INFINITY)) rejectElement(metric, positiveNumber, T, [field, 'age', bad]);
    if (T > MAX_AGE) invalid(metric, [field, 'age', bad], `must be at most ${MAX_AGE} (in the model's time unit)`);
    checkHistory(metric, x, t, T, [field, 'recency', bad]);
  }
  return { frequency, recency, age, count: n };
}

/**
 * The first customer of the columns whose history is not valid, or −1. A loop of its own, so that the engine
 * optimises it for the data alone, whatever the code around it.
 */
function firstInvalid(frequency: Float64Array, recency: Float64Array, age: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) {
    if (!validHistory(frequency[i] as number, recency[i] as number, age[i] as number)) return i;
  }
  return -1;
}

/** A column that is not a Float64Array, copied into one (a non-number element is reported on the spot). */
function copy(metric: string, column: ArrayLike<unknown>, path: [string, Field]): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const element = column[i];
    if (typeof element !== 'number') rejectElement(metric, schemas[path[1]], element, [...path, i]);
    out[i] = element;
  }
  return out;
}
