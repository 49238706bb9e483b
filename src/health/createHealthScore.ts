import * as z from 'zod/mini';
import { invalid, isArrayInput, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { compareDecimal, decimal, isDecimal } from '../internal/schemas.js';
import { type Rational, rationalOf, toNumber } from '../internal/exact/rational.js';
import { bandsSchema, type Bands, type HealthBands, type HealthStatus, readBands, statusOf } from './_lib/bands.js';
import { type ExactScorer, exactScorer } from './_lib/exactScore.js';
import { compileFastScorer, type FastScorer } from './_lib/fastScore.js';
import { exactOnlyPlan, integerWeights, planIntegers } from './_lib/integerPlan.js';
import { readOnce } from './_lib/readOnce.js';
import { hasOnlyKeys, type Measure, readMeasure } from './_lib/scale.js';

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
  /** Takes no options: a second argument other than `undefined` or `{}` is refused. */
  (values: HealthValues, options?: NoOptions): HealthScoreResult;
  /**
   * Scores many accounts in one pass, without the per-measure explanation: the same scores and statuses as
   * calling the scorer on each. A bad account throws a `MetricError` whose path starts with its index (and
   * an account with no value to score, under `'skip'`, `NO_DATA` at `[index]`). Takes no options.
   */
  scoreAll(accounts: ArrayLike<HealthValues>, options?: NoOptions): HealthScores;
}

// ---------------------------------------------------------------------------------------------------------
// Configuration

/** A measure's configuration as validated by the schema. */
interface Entry {
  readonly weight: number | string;
  readonly scale: Record<string, unknown>;
}

const configSchema = /* @__PURE__ */ (() => {
  const rest = {
    bands: z.optional(bandsSchema),
    missing: z.optional(z.enum(['skip', 'neutral', 'worst', 'reject'])),
  };
  const measure = z.strictObject({
    weight: decimal({ min: 0 }),
    scale: z.custom<Record<string, unknown>>(isScale, {
      error: "must be an object such as { kind: 'linear', worst: 0, best: 1 }",
    }),
  });
  return {
    full: z.strictObject({ measures: z.record(z.string(), measure), ...rest }),
    /** The same, for measures already checked by hand (see `hasValidMeasures`). */
    checked: z.strictObject({ measures: z.custom<Record<string, Entry>>(), ...rest }),
  };
})();

function isScale(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `measures` schema by hand, on the configuration's copy: no zod parse per measure when all are valid. */
function hasValidMeasures(input: unknown): boolean {
  if (!isObject(input) || !isScale(input.measures)) return false;
  const measures = input.measures;
  for (const name in measures) {
    const entry = measures[name];
    if (!isScale(entry) || !hasOnlyKeys(entry, ['weight', 'scale'])) return false;
    const { weight, scale } = entry;
    if (!isDecimal(weight) || compareDecimal(weight, 0) < 0 || !isScale(scale)) return false;
  }
  return true;
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
 * @param options - None: `createHealthScore` takes no options.
 * @returns A scorer `(values) → { score, status, measures: [{ name, value, normalized, weight, contribution }],
 * missing }`, with a `scoreAll(accounts)` method.
 * @throws {@link MetricError} `INVALID_INPUT` (from `createHealthScore`) when the configuration is invalid: no
 * measures, a measure named `__proto__`, an unknown scale kind, a negative weight or all weights zero,
 * `worst` equal to `best`, steps whose `from` do not ascend or whose scores are outside 0–100, bands outside
 * 0–100 or `red` not below `yellow`, an unknown `missing` policy or an unknown key; or when a second
 * argument other than `undefined` or `{}` is given (it takes no options; `{ missing: 'skip' }` there is said
 * to belong in the configuration, which is the input). The scorer and `scoreAll` take no options either.
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
export function createHealthScore(config: HealthScoreConfig, options?: NoOptions): HealthScorer {
  noOptions(METRIC, options, ['measures', 'bands', 'missing']);
  // Validated and used: one reading of the configuration (down to a step's `from`), never the caller's object.
  const input = readOnce(config, CONFIG_DEPTH);
  if (isObject(input) && isObject(input.measures) && Object.hasOwn(input.measures, '__proto__')) {
    invalid(METRIC, ['measures', '__proto__'], 'is not allowed as a measure name');
  }
  const parsed = parse(METRIC, hasValidMeasures(input) ? configSchema.checked : configSchema.full, input);
  const names = Object.keys(parsed.measures);
  if (names.length === 0) invalid(METRIC, ['measures'], 'must have at least one measure');
  const entries = names.map((name) => parsed.measures[name] as Entry);
  const weights = entries.map((entry) => rationalOf(entry.weight));
  const read = names.map((name, j) => readMeasure(name, weights[j] as Rational, (entries[j] as Entry).scale));
  const bands = readBands(METRIC, parsed.bands, ['bands']);
  const policy: HealthMissingPolicy = parsed.missing ?? 'skip';
  const units = integerWeights(weights);
  const totalUnits = units.reduce((sum, u) => sum + u, 0n);
  if (totalUnits === 0n) invalid(METRIC, ['measures'], 'must give at least one measure a weight greater than 0');
  const measures: Measure[] = read.map((m, j) => ({ ...m, units: units[j] as bigint }));
  const plan = planIntegers(measures, totalUnits, bands.red, bands.yellow) ?? exactOnlyPlan(measures.length);
  const fast = compileFastScorer(
    names,
    measures.map((m) => m.weight),
    plan,
    policy,
  );
  return makeScorer(names, fast, exactScorer(measures, policy, bands), bands);
}

/** Levels of objects and arrays in a configuration: config.measures[name].scale.steps[index] is 5 deep. */
const CONFIG_DEPTH = 6;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// ---------------------------------------------------------------------------------------------------------
// The scorer. Each account is read once, by the fast path (see _lib/fastScore.ts), which scores it when it
// can, in integer arithmetic; what it leaves, the exact path (_lib/exactScore.ts) scores from the values it
// read, in exact fractions: the same results.

function makeScorer(names: readonly string[], fast: FastScorer, exact: ExactScorer, bands: Bands): HealthScorer {
  function scoreOne(values: HealthValues, options?: NoOptions): HealthScoreResult {
    noOptions(METRIC, options, names);
    return fast.explain(values) ?? exact.explain(fast.pending());
  }

  function scoreAll(accounts: ArrayLike<HealthValues>, options?: NoOptions): HealthScores {
    noOptions(METRIC, options);
    if (!isArrayInput(accounts)) invalid(METRIC, [], 'must be an array of accounts (objects of measure values)');
    const length = accounts.length;
    const scores = new Float64Array(length);
    const statuses = new Array<HealthStatus>(length);
    for (let i = fast.run(accounts, length, 0, scores, statuses); i < length; ) {
      const score = exact.score(fast.pending(), [i]).score;
      scores[i] = toNumber(score);
      statuses[i] = statusOf(score, bands);
      i = fast.run(accounts, length, i + 1, scores, statuses);
    }
    return { scores, statuses };
  }

  return Object.assign(scoreOne, { scoreAll });
}
