// A measure's scale: its configuration validated and read in exact form, and the exact 0–100 score of a value
// on it. The scorer's exact path and the integer tables of its fast path both score values here, so the two
// cannot disagree.
import * as z from 'zod/mini';
import { invalid, parse, rejectElement, type Schema } from '../../internal/parse.js';
import { compareDecimal, decimal, isDecimal } from '../../internal/schemas.js';
import { isRecord } from './predicates.js';
import {
  compare,
  divide,
  integer,
  multiply,
  type Rational,
  rationalOf,
  subtract,
  toNumber,
} from '../../internal/exact/rational.js';

const METRIC = 'createHealthScore';

/** The kinds of scale, in the order of their codes in compiled tables. */
export const KINDS = ['linear', 'steps', 'boolean', 'score'] as const;
export type Kind = (typeof KINDS)[number];

/** A measure, validated and in exact form. */
export interface Measure {
  readonly name: string;
  readonly kind: Kind;
  /** The weight as an integer: all weights scaled by one common factor and divided by their common divisor. */
  readonly units: bigint;
  /** The weight as configured, as a number (what explanations report). */
  readonly weight: number;
  /** Linear: the values that score 0 and 100. */
  readonly worst: Rational;
  readonly best: Rational;
  /** Steps: the thresholds, ascending, with the score of each; `below` scores values under the first. */
  readonly froms: readonly Rational[];
  readonly scores: readonly Rational[];
  readonly below: Rational;
}

const ZERO = integer(0);
const HUNDRED = integer(100);

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The double nearest a rational: one division when both its terms are safe integers (then correctly rounded). */
export function numberOf(value: Rational): number {
  const { num, den } = value;
  return den <= SAFE && num <= SAFE && num >= -SAFE ? Number(num) / Number(den) + 0 : toNumber(value);
}

/** 100 · (value − worst) ÷ (best − worst), clamped to 0–100 (`worst ≠ best`). */
export function linearScore(value: Rational, worst: Rational, best: Rational): Rational {
  const score = multiply(HUNDRED, divide(subtract(value, worst), subtract(best, worst)));
  return compare(score, ZERO) < 0 ? ZERO : compare(score, HUNDRED) > 0 ? HUNDRED : score;
}

/** The exact 0–100 score of a valid value on a linear, steps or score scale. */
export function scaleScore(measure: Measure, value: Rational): Rational {
  if (measure.kind === 'score') return value;
  if (measure.kind === 'steps') {
    let score = measure.below;
    const { froms, scores } = measure;
    for (let t = 0; t < froms.length && compare(value, froms[t] as Rational) >= 0; t++) score = scores[t] as Rational;
    return score;
  }
  return linearScore(value, measure.worst, measure.best);
}

/** The exact 0–100 score of a boolean value. */
export function booleanScore(value: boolean): Rational {
  return value ? HUNDRED : ZERO;
}

const kindSchema = /* @__PURE__ */ (() => z.object({ kind: z.enum(KINDS) }))();

/** The schemas of a measure's scale, by kind. */
export const scaleSchemas = /* @__PURE__ */ (() => {
  const score = decimal({ min: 0, max: 100 });
  return {
    linear: z.strictObject({ kind: z.literal('linear'), worst: decimal(), best: decimal() }),
    steps: z.strictObject({
      kind: z.literal('steps'),
      steps: z.array(z.strictObject({ from: decimal(), score })).check(z.minLength(1)),
      below: z.optional(score),
    }),
    boolean: z.strictObject({ kind: z.literal('boolean') }),
    score: z.strictObject({ kind: z.literal('score') }),
  };
})();

/** The schemas of a measure's value, by kind: used only to word the issue of a bad value. */
export const valueSchemas = /* @__PURE__ */ (() => ({
  linear: decimal(),
  steps: decimal(),
  boolean: z.boolean(),
  score: decimal({ min: 0, max: 100 }),
}))();

/** Whether every key of an object (as `for…in` lists them, as zod does) is one of `allowed`. */
export function hasOnlyKeys(value: object, allowed: readonly string[]): boolean {
  for (const key in value) if (!allowed.includes(key)) return false;
  return true;
}

const isScore = (value: unknown): boolean =>
  isDecimal(value) && compareDecimal(value, 0) >= 0 && compareDecimal(value, 100) <= 0;

/**
 * {@link scaleSchemas} by hand: whether a scale of this kind is valid. A configuration of thousands of
 * measures is checked without a zod parse per measure; zod words the issue of one that fails.
 */
export function isScaleOf(kind: Kind, scale: Record<string, unknown>): boolean {
  if (kind === 'linear') {
    return hasOnlyKeys(scale, ['kind', 'worst', 'best']) && isDecimal(scale.worst) && isDecimal(scale.best);
  }
  if (kind !== 'steps') return hasOnlyKeys(scale, ['kind']);
  const { steps, below } = scale;
  if (!hasOnlyKeys(scale, ['kind', 'steps', 'below']) || (below !== undefined && !isScore(below))) return false;
  if (!Array.isArray(steps) || steps.length === 0) return false;
  return steps.every(
    (step) => isRecord(step) && hasOnlyKeys(step, ['from', 'score']) && isDecimal(step.from) && isScore(step.score),
  );
}

/** Validates a measure's scale (the configuration's own copy, read once) and reads it in exact form. */
export function readMeasure(name: string, weight: Rational, scale: Record<string, unknown>): Omit<Measure, 'units'> {
  const path = ['measures', name, 'scale'];
  const given = scale.kind;
  const kind = KINDS.includes(given as Kind) ? (given as Kind) : parse(METRIC, kindSchema, scale, 'input', path).kind;
  const valid = isScaleOf(kind, scale) ? scale : parse(METRIC, scaleSchemas[kind] as Schema, scale, 'input', path);
  const base = { name, kind, weight: numberOf(weight), worst: ZERO, best: HUNDRED, froms: [], scores: [], below: ZERO };
  if (kind === 'linear') {
    const parsed = valid as { worst: number | string; best: number | string };
    const worst = rationalOf(parsed.worst);
    const best = rationalOf(parsed.best);
    if (compare(worst, best) === 0) invalid(METRIC, [...path, 'best'], 'must differ from worst');
    return { ...base, worst, best };
  }
  if (kind === 'steps') {
    const parsed = valid as { steps: { from: number | string; score: number | string }[]; below?: number | string };
    const froms = parsed.steps.map((step) => rationalOf(step.from));
    froms.forEach((from, index) => {
      const previous = froms[index - 1];
      if (previous !== undefined && compare(previous, from) >= 0) {
        invalid(METRIC, [...path, 'steps', index, 'from'], "must be greater than the previous step's from");
      }
    });
    const scores = parsed.steps.map((step) => rationalOf(step.score));
    return { ...base, froms, scores, below: parsed.below === undefined ? ZERO : rationalOf(parsed.below) };
  }
  return base;
}

/** A measure's value as an explanation shows it: the value given, with −0 shown as 0 ("−0" once formatted). */
export function shownValue<T>(value: T): T {
  return (typeof value === 'number' ? value + 0 : value) as T;
}

/** {@link valueSchemas} by hand: whether a present value is valid on a scale of this kind. */
export function isMeasureValue(kind: Kind, value: unknown): value is number | string | boolean {
  if (kind === 'boolean') return typeof value === 'boolean';
  if (!isDecimal(value)) return false;
  return kind !== 'score' || (compareDecimal(value, 0) >= 0 && compareDecimal(value, 100) <= 0);
}

/** The exact 0–100 score of one present value on its measure's scale, validating the value. */
export function valueScore(measure: Measure, value: unknown, path: readonly (string | number)[]): Rational {
  if (!isMeasureValue(measure.kind, value)) rejectElement(METRIC, valueSchemas[measure.kind] as Schema, value, path);
  return typeof value === 'boolean' ? booleanScore(value) : scaleScore(measure, rationalOf(value));
}
