// One customer of predictCustomerValue: a purchase history in the purchase model's terms (its age field is
// `age`, or `opportunities` for a discrete-time model) and a mean repeat spend, read once and checked.
import * as z from 'zod/mini';
import { invalid, rejectElement } from '../../internal/parse.js';
import { MAX_AGE } from './customers.js';
import { MAX_SPEND, readSpend } from './gammaGamma.js';
import type { CountModelKind, History } from './kinds.js';

type Path = readonly (string | number)[];

/** A customer read for valuation. */
export interface ValueCustomer {
  readonly customerId: string | number | undefined;
  readonly history: History;
  readonly monetaryValue: number;
  readonly count: number;
}

const whole = /* @__PURE__ */ (() => z.int().check(z.gte(0)))();
const positiveWhole = /* @__PURE__ */ (() => z.int().check(z.gte(1)))();
const nonNegative = /* @__PURE__ */ (() => z.number().check(z.gte(0)))();
const positive = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();
const customerId = /* @__PURE__ */ (() => z.union([z.string(), z.number()]))();

/** Fields a `summarizePurchases` record carries that valuation does not read: accepted and ignored. */
const IGNORED = new Set(['holdoutFrequency', 'holdoutMonetaryValue']);

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isFiniteNonNegative(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY;
}

/** Reads one customer record at `path` for a model of the given kind. */
export function readValueCustomer(metric: string, row: unknown, path: Path, kind: CountModelKind): ValueCustomer {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    invalid(metric, path, `must be an object { frequency, recency, ${kind.ageField}, monetaryValue }`);
  }
  const ageField = kind.ageField;
  for (const key in row) {
    const known =
      key === 'frequency' ||
      key === 'recency' ||
      key === ageField ||
      key === 'monetaryValue' ||
      key === 'count' ||
      key === 'customerId' ||
      IGNORED.has(key);
    if (!known) {
      const hint =
        key === 'age' || key === 'opportunities' ? ` (a ${kind.name} customer's history has ${ageField})` : '';
      invalid(metric, [...path, key], `is not a field of a customer${hint}`);
    }
  }
  const fields = row as Record<string, unknown>;
  const x = fields.frequency;
  const t = fields.recency;
  const age = fields[ageField];
  const id = fields.customerId;
  const count = fields.count;
  if (!isWhole(x)) rejectElement(metric, whole, x, [...path, 'frequency']);
  if (kind.discrete) {
    if (!isWhole(t)) rejectElement(metric, whole, t, [...path, 'recency']);
    if (!isWhole(age) || age === 0) rejectElement(metric, positiveWhole, age, [...path, ageField]);
  } else {
    if (!isFiniteNonNegative(t)) rejectElement(metric, nonNegative, t, [...path, 'recency']);
    if (!isFiniteNonNegative(age) || age === 0) rejectElement(metric, positive, age, [...path, ageField]);
    if (age > MAX_AGE) invalid(metric, [...path, ageField], `must be at most ${MAX_AGE} (in the model's time unit)`);
  }
  if (t > age) invalid(metric, [...path, 'recency'], `must not exceed ${ageField} (${age})`);
  if (x > 0 && t === 0) invalid(metric, [...path, 'recency'], 'must be above 0 when frequency is (repeat purchases)');
  if (x === 0 && t > 0) invalid(metric, [...path, 'recency'], 'must be 0 when frequency is 0 (no repeat purchase)');
  if (kind.discrete && x > t) {
    invalid(metric, [...path, 'frequency'], `must not exceed recency (${t}): one purchase per opportunity`);
  }
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id)))
    rejectElement(metric, customerId, id, [...path, 'customerId']);
  if (count !== undefined && (!isWhole(count) || count === 0)) {
    rejectElement(metric, positiveWhole, count, [...path, 'count']);
  }
  const spend = fields.monetaryValue;
  // A plain number in range needs none of readSpend's checks (nor the path it would report).
  const plain = typeof spend === 'number' && (x === 0 ? spend >= 0 : spend > 0) && spend <= MAX_SPEND;
  return {
    // -0 is read as 0: an id is a label, and -0 would come back as a result field.
    customerId: typeof id === 'number' ? id + 0 : id,
    history: { frequency: x, recency: t, age },
    monetaryValue: plain ? spend : readSpend(metric, x, spend, [...path, 'monetaryValue']),
    count: count ?? 1,
  };
}
