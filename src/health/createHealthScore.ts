import * as z from 'zod/mini';
import { bandsSchema, type HealthBands, type HealthStatus, readBands } from '../internal/health.js';
import { invalid, isArrayInput, noData, parse, rejectElement, type Schema } from '../internal/parse.js';
import { gcd, lcm, pow10 } from '../internal/exact/integer.js';
import {
  add,
  compare,
  divide,
  integer,
  multiply,
  type Rational,
  rationalOf,
  reduce,
  subtract,
  toNumber,
} from '../internal/exact/rational.js';
import { compareDecimal, decimal, isDecimal } from '../internal/schemas.js';

const METRIC = 'createHealthScore';

/** How a measure's raw value becomes a 0–100 score. */
export type HealthScale =
  | {
      /** Linear between `worst` (0) and `best` (100), clamped; `worst > best` means lower is better. */
      readonly kind: 'linear';
      /** The value that scores 0, as do values past it (a number or decimal string). */
      readonly worst: number | string;
      /** The value that scores 100, as do values past it (a number or decimal string); not equal to `worst`. */
      readonly best: number | string;
    }
  | {
      /**
       * Thresholds: a value scores the `score` of the last step whose `from` it reaches (`value >= from`).
       * `from` strictly ascending. A value below the first step scores `below` (default 0).
       */
      readonly kind: 'steps';
      /** The steps, at least one, in strictly ascending order of `from`. */
      readonly steps: readonly {
        /** The lowest value of the step, included (a number or decimal string). */
        readonly from: number | string;
        /** The score of a value in the step, 0–100 (a number or decimal string). */
        readonly score: number | string;
      }[];
      /** The score of a value below the first step's `from`, 0–100 (a number or decimal string). Default 0. */
      readonly below?: number | string;
    }
  | {
      /** `true` scores 100, `false` 0. Only booleans are accepted (not 0 and 1). */
      readonly kind: 'boolean';
    }
  | {
      /** The value is already a score from 0 to 100. */
      readonly kind: 'score';
    };

/** One measure of a health score: its weight and its scale. */
export interface HealthMeasure {
  /** Relative weight, ≥ 0 (a number or decimal string). Weights need not sum to 100. */
  readonly weight: number | string;
  /** How the measure's raw value becomes its 0–100 score. */
  readonly scale: HealthScale;
}

/** What to do with a measure whose value is absent, `null` or `undefined`. */
export type HealthMissingPolicy = 'skip' | 'neutral' | 'worst' | 'reject';

/** Configuration of {@link createHealthScore}. */
export interface HealthScoreConfig {
  /** The measures by name. At least one; at least one with a positive weight. */
  readonly measures: Readonly<Record<string, HealthMeasure>>;
  /** Status bands. Default `{ red: 50, yellow: 75 }`. */
  readonly bands?: HealthBands;
  /** Missing-value policy. Default `'skip'`. */
  readonly missing?: HealthMissingPolicy;
}

/** One account's measure values, by measure name: numbers, decimal strings or booleans as the scales expect. */
export type HealthValues = Readonly<Record<string, number | string | boolean | null | undefined>>;

/** How one measure entered a score. */
export interface HealthMeasureScore {
  /** The measure's name. */
  readonly name: string;
  /** The value as given, or `null` for a missing measure scored by the `'neutral'` or `'worst'` policy. */
  readonly value: number | string | boolean | null;
  /** The measure's score on its scale, 0–100. */
  readonly normalized: number;
  /** The configured weight. */
  readonly weight: number;
  /** weight × normalized ÷ (sum of the weights counted): the points this measure adds to the score. */
  readonly contribution: number;
}

/** Result of a health scorer. */
export interface HealthScoreResult {
  /** The weighted mean of the measures' scores, 0–100. */
  readonly score: number;
  /** The traffic light of `score` under the configured bands. */
  readonly status: HealthStatus;
  /** The measures counted in the score, in configuration order. */
  readonly measures: readonly HealthMeasureScore[];
  /** The names of the measures that were missing (absent, `null` or `undefined`), in configuration order. */
  readonly missing: readonly string[];
}

/** Result of {@link HealthScorer.scoreAll}: one score and one status per account, in input order. */
export interface HealthScores {
  /** Each account's score, 0–100. */
  readonly scores: Float64Array;
  /** Each account's traffic light under the configured bands. */
  readonly statuses: HealthStatus[];
}

/** A validated health scorecard: call it with one account's values, or use `scoreAll` for many. */
export interface HealthScorer {
  (values: HealthValues): HealthScoreResult;
  /**
   * Scores many accounts in one pass, without the per-measure explanation: the same scores and statuses as
   * calling the scorer on each. A bad account throws a `MetricError` whose path starts with its index (and
   * an account with no value to score, under `'skip'`, `NO_DATA` at `[index]`).
   */
  scoreAll(accounts: ArrayLike<HealthValues>): HealthScores;
}

// ---------------------------------------------------------------------------------------------------------
// Configuration

const KINDS = ['linear', 'steps', 'boolean', 'score'] as const;
type Kind = (typeof KINDS)[number];
const LINEAR = 0;
const STEPS = 1;
const BOOLEAN = 2;
const SCORE = 3;
const NONE = 4;

/** The statuses by band index. */
const STATUS_NAMES: readonly HealthStatus[] = ['red', 'yellow', 'green'];

const configSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    measures: z.record(
      z.string(),
      z.strictObject({
        weight: decimal({ min: 0 }),
        scale: z.custom<Record<string, unknown>>(
          (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
          { error: "must be an object such as { kind: 'linear', worst: 0, best: 1 }" },
        ),
      }),
    ),
    bands: z.optional(bandsSchema),
    missing: z.optional(z.enum(['skip', 'neutral', 'worst', 'reject'])),
  }))();

const kindSchema = /* @__PURE__ */ (() => z.object({ kind: z.enum(KINDS) }))();

const scaleSchemas = /* @__PURE__ */ (() => {
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
const valueSchemas = /* @__PURE__ */ (() => ({
  linear: decimal(),
  steps: decimal(),
  boolean: z.boolean(),
  score: decimal({ min: 0, max: 100 }),
}))();

/** A measure, validated and in exact form. */
interface Measure {
  readonly name: string;
  readonly kind: Kind;
  /** The weight as an integer, all weights scaled by one common factor. */
  readonly units: bigint;
  readonly weight: number;
  // linear
  readonly worst: Rational;
  readonly best: Rational;
  // steps
  readonly froms: readonly Rational[];
  readonly scores: readonly Rational[];
  readonly below: Rational;
}

const ZERO = integer(0);
const FIFTY = integer(50);
const HUNDRED = integer(100);

function readMeasure(name: string, weight: Rational, scale: Record<string, unknown>): Omit<Measure, 'units'> {
  const path = ['measures', name, 'scale'];
  const { kind } = parse(METRIC, kindSchema, scale, 'input', path);
  const base = { name, kind, weight: toNumber(weight), worst: ZERO, best: HUNDRED, froms: [], scores: [], below: ZERO };
  if (kind === 'linear') {
    const parsed = parse(METRIC, scaleSchemas.linear, scale, 'input', path);
    const worst = rationalOf(parsed.worst);
    const best = rationalOf(parsed.best);
    if (compare(worst, best) === 0) invalid(METRIC, [...path, 'best'], 'must differ from worst');
    return { ...base, worst, best };
  }
  if (kind === 'steps') {
    const parsed = parse(METRIC, scaleSchemas.steps, scale, 'input', path);
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
  parse(METRIC, scaleSchemas[kind] as Schema, scale, 'input', path);
  return base;
}

// ---------------------------------------------------------------------------------------------------------
// The fast path: exact integer arithmetic in doubles.
//
// Every measure's score is kept as an integer n = score × C for one common denominator C, and every weight as
// an integer; the account's score is Σ Wᵢnᵢ ÷ (C · Σ Wᵢ), one division of two integers below 2^53, so the
// double it returns is the exact score correctly rounded. A linear measure reads its value as an integer
// x = value × 10^k (k decimal places, chosen per measure) and scores n = (x − A) × M, with A = worst × 10^k
// and M = 100 C ÷ (B − A) an integer. The configuration is checked once for every bound these products must
// respect; an account whose values fall outside them (more decimals than k, decimal strings, anything
// invalid) is scored by the exact rational path below instead, which also reports every error.

/** Integers handled by the fast path stay at or below 2^51, two bits under the exact-integer limit. */
const LIMIT = 2n ** 51n;
/** A value is recognised as x ÷ 10^k only for |x| < 10^15: fifteen significant digits identify a double. */
const RECOGNITION = 10n ** 15n;
/** Decimal places tried first for values of linear and score measures (fewer if the bounds require it). */
const TARGET_PLACES = 9;

/** Decimal places of an exact decimal: the smallest k with value × 10^k an integer. */
function placesOf(value: Rational): number {
  const { den } = reduce(value);
  let k = 0;
  while (pow10(k) % den !== 0n) k++;
  return k;
}

function magnitude(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function larger(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function absolute(value: Rational): Rational {
  return { num: magnitude(value.num), den: value.den };
}

/** The integer plan of the fast path, or `undefined` when the configuration does not fit it. */
interface FastPlan {
  readonly common: number;
  /** Per measure: whether its present values can take the fast path at all. */
  readonly usable: Uint8Array;
  readonly scale: Float64Array;
  readonly slope: Float64Array;
  readonly offset: Float64Array;
  readonly stepStart: Int32Array;
  readonly stepFrom: Float64Array;
  readonly stepN: Float64Array;
  readonly belowN: Float64Array;
  /** Per measure: n for each integer value from `tableMin` to `tableMin + tableSpan` (span −1: no table). */
  readonly tableMin: Int32Array;
  readonly tableSpan: Int32Array;
  readonly tableBase: Int32Array;
  readonly table: Float64Array;
  /** The table times the measure's integer weight: what the sum adds. */
  readonly weighted: Float64Array;
  readonly red: number;
  readonly yellow: number;
}

/** Integer values tabled beyond a measure's range on either side, and the largest table of one measure. */
const TABLE_MARGIN = 1024;
const TABLE_LIMIT = 1 << 16;

function planFast(
  measures: readonly Measure[],
  totalUnits: bigint,
  red: Rational,
  yellow: Rational,
): FastPlan | undefined {
  const count = measures.length;
  const places = measures.map((m) => (m.kind === 'linear' ? Math.max(placesOf(m.worst), placesOf(m.best)) : 0));
  // For a linear measure, the largest |bound|: in-range values have |x| ≤ |bound| × 10^k, kept below 10^15.
  const below = (m: Measure, k: number): boolean => {
    const bound = compare(absolute(m.worst), absolute(m.best)) > 0 ? absolute(m.worst) : absolute(m.best);
    return bound.num * pow10(k) < RECOGNITION * bound.den;
  };
  const usable = new Uint8Array(count);
  const highest = measures.map((m, j) => {
    if (m.kind === 'score') return 12; // 100 × 10^12 < 10^15
    if (m.kind === 'steps')
      usable[j] = m.froms.every((from) => compare(rationalOf(toNumber(from)), from) === 0) ? 1 : 0;
    if (m.kind !== 'linear') return 0;
    let k = places[j] as number;
    if (!below(m, k)) return k;
    usable[j] = 1;
    while (k < 15 && below(m, k + 1)) k++;
    return k;
  });
  measures.forEach((m, j) => {
    if (m.kind === 'boolean' || m.kind === 'score') usable[j] = 1;
  });
  const digits = measures.map((_, j) => Math.min(highest[j] as number, Math.max(places[j] as number, TARGET_PLACES)));

  const fixedRequirement = [red, yellow, ...measures.flatMap((m) => (m.kind === 'steps' ? [...m.scores, m.below] : []))]
    .map((value) => reduce(value).den)
    .reduce(lcm, 1n);

  for (;;) {
    let common = fixedRequirement;
    measures.forEach((m, j) => {
      if (!usable[j]) return;
      const k = digits[j] as number;
      if (m.kind === 'score') common = lcm(common, pow10(k));
      if (m.kind === 'linear') {
        const span = magnitude((m.best.num * pow10(k)) / m.best.den - (m.worst.num * pow10(k)) / m.worst.den);
        common = lcm(common, span / gcd(100n, span));
      }
    });
    let fits = 100n * common * totalUnits <= LIMIT;
    measures.forEach((m, j) => {
      if (!usable[j] || m.kind !== 'linear') return;
      const k = digits[j] as number;
      const worst = (m.worst.num * pow10(k)) / m.worst.den;
      const best = (m.best.num * pow10(k)) / m.best.den;
      const slope = magnitude((100n * common) / (best - worst));
      const largest = larger(magnitude(worst), magnitude(best));
      if (largest * slope > LIMIT) fits = false;
    });
    if (fits) return buildPlan(measures, digits, usable, common, red, yellow);
    // Give up one decimal place where the most are left above the minimum, and try again.
    let widest = -1;
    measures.forEach((m, j) => {
      if (!usable[j] || (m.kind !== 'linear' && m.kind !== 'score')) return;
      const spare = (digits[j] as number) - (m.kind === 'linear' ? (places[j] as number) : 0);
      if (spare > 0 && (widest < 0 || spare > (digits[widest] as number) - (places[widest] as number))) widest = j;
    });
    if (widest < 0) return undefined;
    digits[widest] = (digits[widest] as number) - 1;
  }
}

function buildPlan(
  measures: readonly Measure[],
  digits: readonly number[],
  usable: Uint8Array,
  commonBig: bigint,
  red: Rational,
  yellow: Rational,
): FastPlan {
  const count = measures.length;
  const scale = new Float64Array(count);
  const slope = new Float64Array(count);
  const offset = new Float64Array(count);
  const stepStart = new Int32Array(count + 1);
  const belowN = new Float64Array(count);
  const stepFrom: number[] = [];
  const stepN: number[] = [];
  const times = (value: Rational) => Number((value.num * commonBig) / value.den);
  measures.forEach((m, j) => {
    stepStart[j] = stepFrom.length;
    const k = digits[j] as number;
    scale[j] = Number(pow10(k));
    if (m.kind === 'linear' && usable[j]) {
      const worst = (m.worst.num * pow10(k)) / m.worst.den;
      const best = (m.best.num * pow10(k)) / m.best.den;
      const m100 = (100n * commonBig) / (best - worst);
      slope[j] = Number(m100);
      offset[j] = Number(worst * m100);
    } else if (m.kind === 'score') {
      const m1 = commonBig / pow10(k);
      slope[j] = Number(m1);
    } else if (m.kind === 'steps') {
      m.froms.forEach((from, t) => {
        stepFrom.push(toNumber(from));
        stepN.push(times(m.scores[t] as Rational));
      });
      belowN[j] = times(m.below);
    }
  });
  stepStart[count] = stepFrom.length;

  // Integer values are the common case (counts, days, ratings): their n is looked up rather than computed.
  const tableMin = new Int32Array(count);
  const tableSpan = new Int32Array(count).fill(-1);
  const tableBase = new Int32Array(count);
  const table: number[] = [];
  const weighted: number[] = [];
  measures.forEach((m, j) => {
    if (!usable[j] || m.kind === 'boolean') return;
    let low = 0;
    let high = 100;
    if (m.kind !== 'score') {
      const [a, b] = (
        m.kind === 'linear' ? [m.worst, m.best] : [m.froms[0] as Rational, m.froms[m.froms.length - 1] as Rational]
      ).map(toNumber) as [number, number];
      low = Math.floor(Math.min(a, b)) - TABLE_MARGIN;
      high = Math.ceil(Math.max(a, b)) + TABLE_MARGIN;
    }
    if (high - low > TABLE_LIMIT || low < -(2 ** 31) || high >= 2 ** 31) return;
    tableMin[j] = low;
    tableSpan[j] = high - low;
    tableBase[j] = table.length;
    for (let v = low; v <= high; v++) {
      const n = times(tableScore(m, integer(v)));
      table.push(n);
      weighted.push(n * Number(m.units));
    }
  });
  return {
    common: Number(commonBig),
    usable,
    scale,
    slope,
    offset,
    stepStart,
    stepFrom: Float64Array.from(stepFrom),
    stepN: Float64Array.from(stepN),
    belowN,
    tableMin,
    tableSpan,
    tableBase,
    table: Float64Array.from(table),
    weighted: Float64Array.from(weighted),
    red: times(red),
    yellow: times(yellow),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The scorer

/** A score computed exactly as rationals (the path for anything the fast path does not take). */
interface ExactScore {
  readonly score: Rational;
  /** Per measure: its 0–100 score, or undefined when it is not counted. */
  readonly normalized: readonly (Rational | undefined)[];
  /** Per measure: present in the values. */
  readonly present: readonly boolean[];
  readonly countedUnits: bigint;
}

/**
 * Customer health score: a configurable, weighted scorecard of 0–100 measure scores with red / yellow /
 * green status bands.
 *
 * @remarks
 * Validates the configuration once and returns a scorer. Each measure's raw value becomes a 0–100 score
 * sᵢ on its scale:
 * - `linear` `{ worst, best }`: 100 · (value − worst) ÷ (best − worst), clamped to 0–100; `worst > best`
 *   means lower is better (days since last login, open tickets).
 * - `steps` `{ steps: [{ from, score }], below = 0 }`: the score of the last step whose `from` the value
 *   reaches (`value >= from`); a value below the first step scores `below` (0 unless set: not reaching the
 *   first threshold earns nothing, as in ChurnZero's point allocation, where an account with none of the
 *   counted events gets 0 points).
 * - `boolean`: `true` 100, `false` 0. Only booleans: 0 and 1 are rejected, not guessed.
 * - `score`: the value is already 0–100 (a CSM's rating, a survey score rescaled); outside 0–100 is rejected.
 *
 * Score = Σ wᵢ·sᵢ ÷ Σ wᵢ over the measures counted: a weighted mean, 0–100, so weights need not sum to 100
 * (Gainsight's overall scorecard score, `(W1×M1 + … + Wn×Mn) ÷ (W1 + … + Wn)`; Natero's weighted
 * components). Each measure reports its `contribution` wᵢ·sᵢ ÷ Σ wᵢ; exactly, the contributions sum to the
 * score.
 *
 * Status: score ≤ `bands.red` is red, ≤ `bands.yellow` yellow, otherwise green. The default
 * `{ red: 50, yellow: 75 }` is Gainsight's numeric scheme (0–50 red, 51–75 yellow, 76–100 green; the lower
 * bound of each range other than the first is excluded). The source documents describe the traffic lights
 * (`docs/sources.md` row 18) without thresholds.
 *
 * Missing measures (absent, `null` or `undefined`), option `missing`:
 * - `'skip'` (default): left out, the other weights re-normalised over the measures present. Gainsight's
 *   rule for a measure scored NA. `NO_DATA` when no measure with a positive weight is present.
 * - `'neutral'`: scored 50, the middle of the scale.
 * - `'worst'`: scored 0: no data is treated as the worst signal.
 * - `'reject'`: a `MetricError` naming the measure.
 *
 * Under `'neutral'` and `'worst'` a missing measure is listed in `measures` with `value: null` and the score
 * it was given; under every policy its name is in `missing`.
 *
 * Exactness: numbers are read as the decimals they print as (`0.1` is one tenth), decimal strings as written.
 * The score, each normalized score and each contribution are the exact rational values, each rounded once to
 * the nearest double (ties to even); the status is decided on the exact score, so a score that rounds to
 * 50 but is above it is yellow. Summed as doubles, the contributions may differ from `score` in the last
 * bit. How: each measure's score and each weight are scaled to integers over common denominators fixed when
 * the scorecard is created, so an account's score is one division of two integers below 2^53, computed in
 * doubles; this covers values with up to 9 decimal places (fewer when a scale's bounds are large or the
 * weights have many decimals). Other accounts (decimal strings, longer decimals such as a computed
 * 0.3333333333333333) are scored with exact BigInt rationals instead: the same results, at some microseconds
 * each.
 *
 * Scoring many accounts: `scorer.scoreAll(accounts)` returns `{ scores: Float64Array, statuses }` (the same
 * scores and statuses as the scorer) in one pass, without building an explanation per account; it is the
 * fast way to score a portfolio.
 *
 * Unit: points, 0–100.
 *
 * @param config - `{ measures: { [name]: { weight, scale } }, bands = { red: 50, yellow: 75 }, missing = 'skip' }`.
 * @returns A scorer `(values) → { score, status, measures: [{ name, value, normalized, weight, contribution }],
 * missing }`, with a `scoreAll(accounts)` method.
 * @throws {@link MetricError} `INVALID_INPUT` (from `createHealthScore`) when the configuration is invalid: no
 * measures, a measure named `__proto__`, an unknown scale kind, a negative weight or all weights zero,
 * `worst` equal to `best`, steps whose `from` do not ascend or whose scores are outside 0–100, bands outside
 * 0–100 or `red` not below `yellow`, an unknown `missing` policy or an unknown key.
 * @throws {@link MetricError} `INVALID_INPUT` (from the scorer, metric `createHealthScore`) when the values
 * are not an object, a value has the wrong type for its scale (path `['usage']`; in `scoreAll`,
 * `[index, 'usage']`), a score is outside 0–100, a value names a measure that is not configured, or a
 * measure is missing under `'reject'`.
 * @throws {@link MetricError} `NO_DATA` (from the scorer) when, under `'skip'`, no measure with a positive
 * weight has a value.
 * @example
 * ```ts
 * const health = createHealthScore({
 *   measures: {
 *     usage: { weight: 40, scale: { kind: 'linear', worst: 0, best: 0.8 } },
 *     tickets: { weight: 20, scale: { kind: 'linear', worst: 10, best: 0 } },
 *     nps: { weight: 20, scale: { kind: 'steps', steps: [{ from: 0, score: 0 }, { from: 7, score: 50 }, { from: 9, score: 100 }] } },
 *     paying: { weight: 20, scale: { kind: 'boolean' } },
 *   },
 * });
 * const account = health({ usage: 0.6, tickets: 2, nps: 8, paying: true });
 * account.score; // => 76
 * account.status; // => 'green'
 * account.measures[0]; // => { name: 'usage', value: 0.6, normalized: 75, weight: 40, contribution: 30 }
 * const partial = health({ usage: 0.6, paying: false }); // tickets and nps missing: skipped
 * partial.score; // => 50
 * partial.status; // => 'red'
 * partial.missing; // => ['tickets', 'nps']
 * health.scoreAll([{ usage: 0.8, paying: true }, { usage: 0, tickets: 10 }]).statuses; // => ['green', 'red']
 * ```
 * @category Health
 */
export function createHealthScore(config: HealthScoreConfig): HealthScorer {
  if (
    typeof config === 'object' &&
    config !== null &&
    typeof config.measures === 'object' &&
    config.measures !== null &&
    Object.hasOwn(config.measures, '__proto__')
  ) {
    invalid(METRIC, ['measures', '__proto__'], 'is not allowed as a measure name');
  }
  const parsed = parse(METRIC, configSchema, config);
  const names = Object.keys(parsed.measures);
  if (names.length === 0) invalid(METRIC, ['measures'], 'must have at least one measure');
  const weights = names.map((name) => rationalOf((parsed.measures[name] as { weight: number | string }).weight));
  const read = names.map((name, j) =>
    readMeasure(name, weights[j] as Rational, (parsed.measures[name] as { scale: Record<string, unknown> }).scale),
  );
  const bands = readBands(METRIC, parsed.bands, ['bands']);
  const policy: HealthMissingPolicy = parsed.missing ?? 'skip';

  // Weights as integers with no common factor: W = w × (lcm of the denominators) ÷ gcd.
  const denominator = weights.reduce((acc, w) => lcm(acc, w.den), 1n);
  let units = weights.map((w) => (w.num * denominator) / w.den);
  const divisor = units.reduce((acc, u) => gcd(acc, u), 0n);
  if (divisor === 0n) invalid(METRIC, ['measures'], 'must give at least one measure a weight greater than 0');
  units = units.map((u) => u / divisor);
  const measures: Measure[] = read.map((m, j) => ({ ...m, units: units[j] as bigint }));
  const totalUnits = units.reduce((a, b) => a + b, 0n);
  const plan = planFast(measures, totalUnits, bands.red, bands.yellow);
  return makeScorer(measures, policy, bands.red, bands.yellow, totalUnits, plan);
}

function makeScorer(
  measures: readonly Measure[],
  policy: HealthMissingPolicy,
  red: Rational,
  yellow: Rational,
  totalUnits: bigint,
  plan: FastPlan | undefined,
): HealthScorer {
  const count = measures.length;
  const names = measures.map((m) => m.name);
  const index = new Map(names.map((name, j) => [name, j]));
  const unitsOf = Float64Array.from(measures, (m) => Number(m.units));
  const total = Number(totalUnits);
  const isSkip = policy === 'skip';
  const imputeN = policy === 'neutral' ? 50 : 0;

  // ----- fast path -----
  const common = plan?.common ?? 1;
  const full = 100 * common;
  // The fast path's kind of each measure: NONE for a measure whose values always take the exact path.
  const kinds = Uint8Array.from(measures, (m, j) => (plan?.usable[j] ? KINDS.indexOf(m.kind) : NONE));
  // Whether an account's keys could all be measure names although it is an array (measures named '0', …).
  const indexNames = names.some((name) => /^\d+$/.test(name));
  const scale = plan?.scale ?? new Float64Array(count);
  const slope = plan?.slope ?? new Float64Array(count);
  const offset = plan?.offset ?? new Float64Array(count);
  const stepStart = plan?.stepStart ?? new Int32Array(count + 1);
  const stepFrom = plan?.stepFrom ?? new Float64Array(0);
  const stepN = plan?.stepN ?? new Float64Array(0);
  const belowN = plan?.belowN ?? new Float64Array(count);
  const tableMin = plan?.tableMin ?? new Int32Array(count);
  const tableSpan = plan?.tableSpan ?? new Int32Array(count).fill(-1);
  const tableBase = plan?.tableBase ?? new Int32Array(count);
  const table = plan?.table ?? new Float64Array(0);
  const weighted = plan?.weighted ?? new Float64Array(0);
  const redN = plan?.red ?? 0;
  const yellowN = plan?.yellow ?? 0;
  // The order of the keys of the last account: the next one usually has the same.
  const keyOrder: string[] = new Array<string>(count).fill('');
  const keyIndex = new Int32Array(count);
  // The last account's Σ Wᵢnᵢ and Σ Wᵢ are left in `last` (a typed array: storing a double there allocates
  // nothing); when asked to explain, its measures' n in `values` and which are present in `seen`.
  const last = new Float64Array(2);
  const values = new Float64Array(count);
  const seen = new Uint8Array(count);
  const bit = Float64Array.from(names, (_, j) => 2 ** j);

  /**
   * Scores `accounts[start]`, `accounts[start + 1]`, … in integers, writing each score and status (when
   * `scores` is given), and stops at the first account that needs the exact path (anything unusual: the exact
   * path also reports every problem). Returns the index it stopped at, `accounts.length` if none. One loop
   * over each account's keys reads the values and finds unknown keys at once; the value rules are written
   * out inline, since this runs once per value of every account. Presence is a bit set in a double, exact
   * for up to 52 measures (a larger configuration takes the exact path for accounts with missing values).
   */
  function fastRun(
    accounts: ArrayLike<unknown>,
    length: number,
    start: number,
    scores: Float64Array | undefined,
    statuses: HealthStatus[] | undefined,
    explain: boolean,
  ): number {
    // (`length` is passed in: code that runs once per call, before the loop, may have no type feedback when
    // the optimizing compiler first sees this function, and an access there would cost a deoptimization.)
    if (plan === undefined) return start;
    for (let i = start; i < length; i++) {
      const account = accounts[i];
      if (typeof account !== 'object' || account === null || (indexNames && isArrayInput(account))) return i;
      if (explain) seen.fill(0);
      let sum = 0;
      let absent = 0;
      let position = 0;
      for (const key in account) {
        if (position === count) return i;
        let j: number;
        if (keyOrder[position] === key) j = keyIndex[position] as number;
        else {
          const at = index.get(key);
          if (at === undefined) return i;
          j = at;
          keyOrder[position] = key;
          keyIndex[position] = j;
        }
        position++;
        const value = (account as Record<string, unknown>)[key];
        if (value === undefined || value === null) {
          absent++;
          continue;
        }
        let add = -1;
        if (typeof value === 'number' && (value | 0) === value) {
          const t = value - (tableMin[j] as number);
          if (t >= 0 && t <= (tableSpan[j] as number)) {
            // An integer within the measure's table: W × n looked up.
            add = weighted[(tableBase[j] as number) + t] as number;
            if (explain) {
              values[j] = table[(tableBase[j] as number) + t] as number;
              seen[j] = 1;
            }
          }
        } else if (typeof value === 'boolean' && kinds[j] === BOOLEAN) {
          add = value ? (unitsOf[j] as number) * full : 0;
          if (explain) {
            values[j] = value ? full : 0;
            seen[j] = 1;
          }
        }
        if (add < 0) {
          let n: number;
          if (typeof value === 'number') {
            const kind = kinds[j];
            if (kind === LINEAR || kind === SCORE) {
              // x = value × 10^k, exactly when dividing gives the value back (NaN and ±Infinity never do).
              const s = scale[j] as number;
              const x = Math.round(value * s);
              if (x / s !== value) return i;
              n = x * (slope[j] as number) - (offset[j] as number);
              if (!(n >= 0 && n <= full)) {
                if (kind === SCORE || value - value !== 0) return i;
                n = n < 0 ? 0 : full;
              }
            } else if (kind === STEPS) {
              if (value - value !== 0) return i;
              n = belowN[j] as number;
              const end = stepStart[j + 1] as number;
              for (let t = stepStart[j] as number; t < end && value >= (stepFrom[t] as number); t++)
                n = stepN[t] as number;
            } else return i;
          } else return i;
          if (explain) {
            values[j] = n;
            seen[j] = 1;
          }
          add = (unitsOf[j] as number) * n;
        }
        sum += add;
      }
      let counted = total;
      if (position - absent !== count) {
        if (policy === 'reject' || count > 52 || isArrayInput(account)) return i;
        let present = 0;
        for (const key in account) {
          const value = (account as Record<string, unknown>)[key];
          if (value !== undefined && value !== null) present += bit[index.get(key) as number] as number;
        }
        for (let j = 0; j < count; j++) {
          if (Math.floor(present / (bit[j] as number)) % 2 === 1) continue;
          if (isSkip) counted -= unitsOf[j] as number;
          else sum += (unitsOf[j] as number) * imputeN * common;
        }
        if (counted === 0) return i;
      }
      if (scores !== undefined && statuses !== undefined) {
        scores[i] = sum / (counted * common);
        // Branch-free: which band an account falls in is as unpredictable as the data.
        statuses[i] = STATUS_NAMES[+(sum > redN * counted) + +(sum > yellowN * counted)] as HealthStatus;
      } else {
        last[0] = sum;
        last[1] = counted;
      }
    }
    return length;
  }

  // ----- exact path -----
  function exactScore(account: unknown, prefix: readonly (string | number)[]): ExactScore {
    if (typeof account !== 'object' || account === null || isArrayInput(account)) {
      invalid(METRIC, prefix, 'must be an object of measure values');
    }
    const present: boolean[] = new Array<boolean>(count).fill(false);
    const normalized: (Rational | undefined)[] = new Array<Rational | undefined>(count).fill(undefined);
    for (const key in account) {
      const j = index.get(key);
      if (j === undefined) {
        invalid(METRIC, [...prefix, key], `is not a measure of this health score (its measures: ${names.join(', ')})`);
      }
      const value = (account as Record<string, unknown>)[key];
      if (value === undefined || value === null) continue;
      present[j] = true;
      normalized[j] = exactValue(measures[j] as Measure, value, [...prefix, key]);
    }
    let sum = ZERO;
    let counted = 0n;
    measures.forEach((m, j) => {
      if (!present[j]) {
        if (policy === 'reject')
          invalid(
            METRIC,
            [...prefix, m.name],
            "is missing, and this health score's policy is to reject missing measures",
          );
        if (isSkip) return;
        normalized[j] = policy === 'neutral' ? FIFTY : ZERO;
      }
      sum = add(sum, multiply(integer(m.units), normalized[j] as Rational));
      counted += m.units;
    });
    if (counted === 0n) {
      noData(METRIC, prefix, 'has no value for any measure with a positive weight');
    }
    return { score: divide(sum, integer(counted)), normalized, present, countedUnits: counted };
  }

  function exactStatus(score: Rational): HealthStatus {
    return compare(score, red) <= 0 ? 'red' : compare(score, yellow) <= 0 ? 'yellow' : 'green';
  }

  // ----- results -----
  function scoreOne(account: HealthValues): HealthScoreResult {
    const missing: string[] = [];
    const explained: HealthMeasureScore[] = [];
    if (fastRun([account], 1, 0, undefined, undefined, true) === 1) {
      const numerator = last[0] as number;
      const units = last[1] as number;
      const scaleDown = units * common;
      for (let j = 0; j < count; j++) {
        const m = measures[j] as Measure;
        const present = seen[j] === 1;
        if (!present) {
          missing.push(m.name);
          if (isSkip) continue;
        }
        const n = present ? (values[j] as number) : imputeN * common;
        explained.push({
          name: m.name,
          value: present ? (account[m.name] as number | string | boolean) : null,
          normalized: n / common + 0,
          weight: m.weight,
          contribution: ((unitsOf[j] as number) * n) / scaleDown + 0,
        });
      }
      const status = numerator <= redN * units ? 'red' : numerator <= yellowN * units ? 'yellow' : 'green';
      return { score: numerator / scaleDown + 0, status, measures: explained, missing };
    }
    const exact = exactScore(account, []);
    const counted = integer(exact.countedUnits);
    measures.forEach((m, j) => {
      const present = exact.present[j] as boolean;
      if (!present) missing.push(m.name);
      const normalized = exact.normalized[j];
      if (normalized === undefined) return;
      explained.push({
        name: m.name,
        value: present ? (account[m.name] as number | string | boolean) : null,
        normalized: toNumber(normalized),
        weight: m.weight,
        contribution: toNumber(divide(multiply(integer(m.units), normalized), counted)),
      });
    });
    return { score: toNumber(exact.score), status: exactStatus(exact.score), measures: explained, missing };
  }

  function scoreAll(accounts: ArrayLike<HealthValues>): HealthScores {
    if (!isArrayInput(accounts)) invalid(METRIC, [], 'must be an array of accounts (objects of measure values)');
    const length = accounts.length;
    const scores = new Float64Array(length);
    const statuses = new Array<HealthStatus>(length);
    const run = (from: number) => fastRun(accounts, length, from, scores, statuses, false);
    for (let i = run(0); i < length; i = run(i + 1)) {
      const exact = exactScore(accounts[i], [i]);
      scores[i] = toNumber(exact.score);
      statuses[i] = exactStatus(exact.score);
    }
    return { scores, statuses };
  }

  return Object.assign(scoreOne, { scoreAll });
}

/** The exact 0–100 score of a valid value on a linear, steps or score scale. */
function tableScore(measure: Measure, value: Rational): Rational {
  if (measure.kind === 'score') return value;
  if (measure.kind === 'steps') {
    let score = measure.below;
    measure.froms.forEach((from, t) => {
      if (compare(value, from) >= 0) score = measure.scores[t] as Rational;
    });
    return score;
  }
  const linear = multiply(HUNDRED, divide(subtract(value, measure.worst), subtract(measure.best, measure.worst)));
  return compare(linear, ZERO) < 0 ? ZERO : compare(linear, HUNDRED) > 0 ? HUNDRED : linear;
}

/** The exact 0–100 score of one present value, validating it. */
function exactValue(measure: Measure, value: unknown, path: readonly (string | number)[]): Rational {
  const schema: Schema = valueSchemas[measure.kind];
  if (measure.kind === 'boolean') {
    if (typeof value !== 'boolean') rejectElement(METRIC, schema, value, path);
    return value ? HUNDRED : ZERO;
  }
  if (!isDecimal(value)) rejectElement(METRIC, schema, value, path);
  if (measure.kind === 'score') {
    if (compareDecimal(value, 0) < 0 || compareDecimal(value, 100) > 0) rejectElement(METRIC, schema, value, path);
    return rationalOf(value);
  }
  return tableScore(measure, rationalOf(value));
}
