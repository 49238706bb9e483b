// The hand-written checks of the health family's bulk inputs, beside the zod schemas they mirror. A metric's
// loop checks each element with the predicate and, only when it fails, runs the schema on that element to
// word the issue; predicates.prop.test.ts proves each pair accepts exactly the same values.
import * as z from 'zod/mini';
import { attributesField } from '../../internal/segmented.js';
import type { HealthStatus } from './bands.js';

/** A health score as calibration reads it: a number from 0 to 100. */
export const calibrationScoreSchema = /* @__PURE__ */ (() => z.number().check(z.gte(0), z.lte(100)))();

/** One calibration account: `{ score, churned }` and nothing else. */
export const calibrationAccountSchema = /* @__PURE__ */ (() =>
  z.strictObject({ score: calibrationScoreSchema, churned: z.boolean() }))();

/** A churn flag of a `Uint8Array` column: 0 or 1 (`true` and `false` belong to the boolean column). */
export const churnFlagSchema = /* @__PURE__ */ (() => z.union([z.literal(0), z.literal(1)]))();

/** A status as {@link healthDistribution} counts it: one of the three, or an object with one as `status`. */
const statusSchema = /* @__PURE__ */ (() => z.enum(['red', 'yellow', 'green']))();
export const distributionElementSchema = /* @__PURE__ */ (() =>
  z.union([statusSchema, z.looseObject({ status: statusSchema, attributes: attributesField })]))();

/** {@link calibrationScoreSchema} by hand. */
export function isCalibrationScore(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 100;
}

/**
 * {@link calibrationAccountSchema} by hand, on an account's `score` and `churned` as read (once) and its
 * keys: whether it has exactly these two (counted as zod counts them, with `for…in`).
 */
export function isCalibrationAccount(account: object, score: unknown, churned: unknown): churned is boolean {
  if (!isCalibrationScore(score) || typeof churned !== 'boolean') return false;
  let keys = 0;
  for (const _key in account) keys++;
  return keys === 2;
}

/**
 * What {@link calibrationAccountSchema} is shown of an account that failed {@link isCalibrationAccount}, to
 * word the issue: its `score` and `churned` as read, and its other keys (their values unread).
 */
export function calibrationAccountAsRead(account: object, score: unknown, churned: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in account) {
    // An own `__proto__` key stays a key (assigning it would replace the copy's prototype).
    if (key !== 'score' && key !== 'churned') Object.defineProperty(copy, key, { value: null, enumerable: true });
  }
  if (score !== undefined) copy.score = score;
  if (churned !== undefined) copy.churned = churned;
  return copy;
}

/** Whether a value is an object that is neither null nor an array (of any realm). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const typedArrayName = /* @__PURE__ */ (() =>
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)?.get)();

/**
 * Whether a value is a `Uint8Array`, of this realm or another (an iframe's, a `vm` context's): read from the
 * typed array's internal name, which `instanceof` (this realm's constructor only) and an overridden
 * `Symbol.toStringTag` do not see.
 */
export function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && typedArrayName?.call(value) === 'Uint8Array';
}

/** {@link churnFlagSchema} by hand. */
export function isChurnFlag(value: unknown): value is 0 | 1 {
  return value === 0 || value === 1;
}

/**
 * {@link distributionElementSchema} by hand: the element's status as read (the element itself, or its
 * `status` read once), valid or not; `undefined` for an element that is neither a string nor a record.
 */
export function statusOfElement(element: unknown): unknown {
  return typeof element === 'string' ? element : isRecord(element) ? element.status : undefined;
}

/** Whether a status as read is one of the three. */
export function isStatus(status: unknown): status is HealthStatus {
  return status === 'red' || status === 'yellow' || status === 'green';
}
