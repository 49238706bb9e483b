// Reading and validating the customers of a purchase-count fit: records { frequency, recency, age } or
// columns of the same names, into three Float64Array columns. One function, `readHistories`, so that the
// fit can move to the family's shared reader without other changes.
import * as z from 'zod/mini';
import { bulkArray, invalid, noData, parseForm, rejectElement } from '../../internal/parse.js';
import { count, isCount, nonNegativeNumber } from '../../internal/schemas.js';
import type { Histories } from './paretoNbdLikelihood.js';

/** One customer's history, as a record (other fields, such as `customerId`, are allowed and ignored). */
export interface CustomerHistory {
  /** Repeat purchases x (purchases after the first): a count. */
  readonly frequency: number;
  /** Time from the first purchase to the last (tₓ), 0 without repeat purchases; at most `age`. */
  readonly recency: number;
  /** Time from the first purchase to the end of observation (T), above 0. */
  readonly age: number;
}

type Path = readonly (string | number)[];

const positiveNumber = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();

/** One customer record, as zod checks it when the fast predicate refuses one. */
export const record = /* @__PURE__ */ (() =>
  z.object({ frequency: count, recency: nonNegativeNumber, age: positiveNumber }))();

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'customers', schema: z.strictObject({ customers: bulkArray<CustomerHistory>('an array of customers') }) },
    {
      key: 'frequency',
      schema: z.strictObject({
        frequency: bulkArray<number>('an array or typed array of counts'),
        recency: bulkArray<number>('an array or typed array of numbers'),
        age: bulkArray<number>('an array or typed array of numbers'),
      }),
    },
  ] as const)();

const isRecency = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value < Infinity;
const isAge = (value: unknown): value is number => typeof value === 'number' && value > 0 && value < Infinity;

/** Whether the fields of a record pass `record` (the fast twin of the schema, field by field). */
export function isRecordFields(frequency: unknown, recency: unknown, age: unknown): boolean {
  return isCount(frequency) && isRecency(recency) && isAge(age);
}

/**
 * The customers of `input` as validated columns. Throws `INVALID_INPUT` naming the customer and field of
 * the first bad value, and `NO_DATA` without customers or without any repeat purchase.
 */
export function readHistories(metric: string, input: unknown): Histories {
  const parsed = parseForm(metric, forms, input);
  const records = parsed.form === 'customers' ? parsed.value.customers : undefined;
  const columns = parsed.form === 'frequency' ? parsed.value : undefined;
  const n = records?.length ?? columns?.frequency.length ?? 0;
  if (columns !== undefined) {
    for (const field of ['recency', 'age'] as const) {
      if (columns[field].length !== n) {
        invalid(metric, [field], `must have as many elements as frequency (${n}), not ${columns[field].length}`);
      }
    }
  }
  const where = records !== undefined ? 'customers' : 'frequency';
  if (n === 0) noData(metric, [where], 'has no customers: the model needs at least one');
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  let repeats = 0;
  for (let i = 0; i < n; i++) {
    let x: unknown;
    let t: unknown;
    let T: unknown;
    let path: (field: string) => Path;
    if (records !== undefined) {
      const customer: unknown = records[i];
      if (typeof customer !== 'object' || customer === null) rejectElement(metric, record, customer, ['customers', i]);
      const fields = customer as Record<string, unknown>;
      x = fields.frequency;
      t = fields.recency;
      T = fields.age;
      if (!isRecordFields(x, t, T)) rejectElement(metric, record, customer, ['customers', i]);
      path = (field) => ['customers', i, field];
    } else {
      const c = columns as { frequency: ArrayLike<unknown>; recency: ArrayLike<unknown>; age: ArrayLike<unknown> };
      x = c.frequency[i];
      t = c.recency[i];
      T = c.age[i];
      if (!isCount(x)) rejectElement(metric, count, x, ['frequency', i]);
      if (!isRecency(t)) rejectElement(metric, nonNegativeNumber, t, ['recency', i]);
      if (!isAge(T)) rejectElement(metric, positiveNumber, T, ['age', i]);
      path = (field) => [field, i];
    }
    const checked = checkHistory(x as number, t as number, T as number);
    if (checked !== undefined) invalid(metric, path('recency'), checked);
    frequency[i] = x as number;
    recency[i] = t as number;
    age[i] = T as number;
    if ((x as number) > 0) repeats++;
  }
  if (repeats === 0) {
    noData(metric, [where], 'has no customer with a repeat purchase: the purchase rate cannot be estimated');
  }
  return { frequency, recency, age };
}

/** The problem with a history whose fields are each valid, if any. */
function checkHistory(x: number, t: number, T: number): string | undefined {
  if (t > T) return `must not exceed age (${T}): the last purchase cannot come after the end of observation`;
  if (x > 0 && t === 0)
    return 'must be above 0 when frequency is above 0 (the time from the first purchase to the last)';
  if (x === 0 && t > 0) return 'must be 0 when frequency is 0 (there is no repeat purchase)';
  return undefined;
}
