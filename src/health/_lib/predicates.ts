// The hand-written checks of the health family's bulk inputs, beside the zod schemas they mirror. A metric's
// loop checks each element with the predicate and, only when it fails, runs the schema on that element to
// word the issue; predicates.prop.test.ts proves each pair accepts exactly the same values.
import * as z from 'zod/mini';
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
  z.union([statusSchema, z.looseObject({ status: statusSchema })]))();

/** {@link calibrationScoreSchema} by hand. */
export function isCalibrationScore(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 100;
}

/** {@link calibrationAccountSchema} by hand: two keys (counted as zod counts them, with `for…in`). */
export function isCalibrationAccount(value: unknown): value is { score: number; churned: boolean } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { score, churned } = value as { score?: unknown; churned?: unknown };
  if (!isCalibrationScore(score) || typeof churned !== 'boolean') return false;
  let keys = 0;
  for (const _key in value) keys++;
  return keys === 2;
}

/** {@link churnFlagSchema} by hand. */
export function isChurnFlag(value: unknown): value is 0 | 1 {
  return value === 0 || value === 1;
}

/** {@link distributionElementSchema} by hand: the element's status, or `undefined` when it has none. */
export function statusOfElement(element: unknown): HealthStatus | undefined {
  const status =
    typeof element === 'string'
      ? element
      : typeof element === 'object' && element !== null && !Array.isArray(element)
        ? (element as { status?: unknown }).status
        : undefined;
  return status === 'red' || status === 'yellow' || status === 'green' ? status : undefined;
}
