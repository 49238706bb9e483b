import * as z from 'zod/mini';
import { type Bands, bandsSchema, type HealthBands, readBands } from './_lib/bands.js';
import { bulkArray, invalid, noData, parseForm, parseOptions, rejectElement } from '../internal/parse.js';
import { confidence } from '../internal/schemas.js';
import { wilson } from '../internal/wilson.js';
import { ratioToNumber } from '../internal/exact/integer.js';
import {
  calibrationAccountAsRead,
  calibrationAccountSchema,
  calibrationScoreSchema,
  churnFlagSchema,
  isCalibrationAccount,
  isCalibrationScore,
  isChurnFlag,
  isRecord,
  isUint8Array,
} from './_lib/predicates.js';

const METRIC = 'healthScoreCalibration';

/**
 * Input of {@link healthScoreCalibration}: accounts with their health score (0–100) and whether they churned
 * since, or the same as two parallel columns (`churned` as booleans, or a `Uint8Array` of 0 and 1).
 */
export type HealthScoreCalibrationInput =
  | {
      /** One row per account. */
      readonly accounts: ArrayLike<{
        /** The account's health score, a number from 0 to 100. */
        readonly score: number;
        /** Whether the account churned since it was scored. */
        readonly churned: boolean;
      }>;
    }
  | {
      /** Each account's health score, a number from 0 to 100: an array or typed array. */
      readonly scores: ArrayLike<number>;
      /**
       * Whether each account churned, in the order of `scores` and of the same length: booleans, or a
       * `Uint8Array` of 0 and 1.
       */
      readonly churned: ArrayLike<boolean> | Uint8Array;
    };

/** Options of {@link healthScoreCalibration}. */
export interface HealthScoreCalibrationOptions {
  /** The status bands the scores were read with. Default `{ red: 50, yellow: 75 }`. */
  readonly bands?: HealthBands;
  /** Confidence level of the Wilson intervals, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
}

/** Churn among the accounts of one status. */
export interface HealthBandChurn {
  /** Accounts whose score falls in the band. */
  readonly accounts: number;
  /** Of those, the accounts that churned. */
  readonly churned: number;
  /** The band's churn rate: churned ÷ accounts, a fraction; `null` when the band has no accounts. */
  readonly churnRate: number | null;
  /** Wilson score interval of the churn rate; `null` when the band has no accounts. */
  readonly interval: {
    /** Lower end, a fraction (exactly 0 when no account of the band churned). */
    readonly low: number;
    /** Upper end, a fraction (exactly 1 when every account of the band churned). */
    readonly high: number;
  } | null;
}

/** Result of {@link healthScoreCalibration}. */
export interface HealthScoreCalibrationResult {
  /** Number of accounts. */
  readonly accounts: number;
  /** Accounts that churned. */
  readonly churned: number;
  /** The churn rate over all accounts: churned ÷ accounts, a fraction. */
  readonly churnRate: number;
  /** Churn among the red accounts (score at or below `bands.red`). */
  readonly red: HealthBandChurn;
  /** Churn among the yellow accounts (score above `bands.red`, at or below `bands.yellow`). */
  readonly yellow: HealthBandChurn;
  /** Churn among the green accounts (score above `bands.yellow`). */
  readonly green: HealthBandChurn;
  /**
   * The ROC AUC of the score as a predictor of retention: the probability that a randomly chosen retained
   * account scores higher than a randomly chosen churned one, ties counting one half. 1 for a score that
   * separates them perfectly, 0.5 for a useless one, 0 for a reversed one. `null` when every account churned
   * or none did (the probability is then undefined).
   */
  readonly auc: number | null;
  /** The confidence level of the intervals. */
  readonly confidence: number;
}

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'accounts', schema: z.strictObject({ accounts: bulkArray('an array of { score, churned }') }) },
    {
      key: 'scores',
      schema: z.strictObject({
        scores: bulkArray<number>('an array or typed array of scores'),
        churned: bulkArray<boolean>('an array of booleans or a Uint8Array of 0 and 1'),
      }),
    },
  ] as const)();

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ bands: z.optional(bandsSchema), confidence: z.optional(confidence) }))();

/** Above this, sums of pair counts are moved into a BigInt so that they stay exact. */
const SAFE_PARTIAL = 2 ** 52;

/**
 * Health score calibration: churn rate per status band, with Wilson intervals, and the ROC AUC of the score
 * as a churn predictor.
 *
 * @remarks
 * Whether a health score means anything is an empirical question: score the accounts at one date, record
 * which churned by a later one, and check. Per status (score ≤ `bands.red` red, ≤ `bands.yellow` yellow,
 * else green; as {@link createHealthScore}), churn rate = churned ÷ accounts with its Wilson score interval
 * (Wilson 1927). A calibrated score has clearly separated rates: red churning most, green least.
 *
 * AUC (area under the ROC curve) by the rank statistic of Mann and Whitney (1947): with R retained and
 * C churned accounts, AUC = U ÷ (R·C), where U counts the (retained, churned) pairs in which the retained
 * account scores higher, ties counting ½; equivalently the probability that a random retained account
 * outscores a random churned one (Hanley & McNeil, Radiology 143, 1982). 1 is a perfect ranking, 0.5
 * chance, 0 a perfectly reversed one. U is counted exactly on the two sorted score arrays, in one merge
 * pass, and divided once (correctly rounded). Run it before a scorecard's colours drive anyone's work, and
 * again whenever its weights change.
 *
 * When every account churned or none did, AUC is undefined and reported as `null` (the band rates are
 * still defined). A band with no accounts reports `churnRate: null` and `interval: null`. Churn rates are
 * exact (one division of integer counts); the Wilson bounds are double precision.
 *
 * Unit: fractions; AUC a probability.
 *
 * @param input - `{ accounts: [{ score, churned }] }`, scores 0–100 and `churned` booleans; or the columns
 * `{ scores, churned }` (an array or typed array of scores; booleans or a `Uint8Array` of 0/1), same length.
 * @param options - `{ bands = { red: 50, yellow: 75 }, confidence = 0.95 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a score is not a number from 0 to 100 or `churned` is not
 * a boolean (path `['accounts', 41, 'score']`, or `['scores', 41]`), an account has another key, the columns
 * differ in length, the bands are outside 0–100 or `red` is not below `yellow`, or `confidence` is not
 * strictly between 0 and 1.
 * @throws {@link MetricError} `NO_DATA` when there are no accounts.
 * @example
 * ```ts
 * const calibration = healthScoreCalibration({
 *   accounts: [
 *     { score: 30, churned: true },
 *     { score: 45, churned: false },
 *     { score: 60, churned: true },
 *     { score: 80, churned: false },
 *     { score: 90, churned: false },
 *   ],
 * });
 * calibration.red.churnRate; // => 0.5
 * calibration.green.churnRate; // => 0
 * calibration.auc; // ≈ 0.8333
 * calibration.red.interval; // ≈ { low: 0.0945, high: 0.9055 }
 * ```
 * @category Health
 */
export function healthScoreCalibration(
  input: HealthScoreCalibrationInput,
  options?: HealthScoreCalibrationOptions,
): HealthScoreCalibrationResult {
  const parsed = parseForm(METRIC, forms, input);
  const opts = parseOptions(METRIC, optionsSchema, options);
  const bands = readBands(METRIC, opts.bands, ['bands'], 'options');
  const level = opts.confidence ?? 0.95;

  const tally =
    parsed.form === 'accounts' ? tallyAccounts(parsed.value.accounts, bands) : tallyColumns(parsed.value, bands);
  const { length, churnedCount, inBand, churnedInBand } = tally;
  if (length === 0) noData(METRIC, [parsed.form], 'has no accounts');
  const lostScores = tally.split.subarray(0, churnedCount).sort();
  const keptScores = tally.split.subarray(churnedCount).sort();

  const band = (b: number): HealthBandChurn => {
    const n = inBand[b] as number;
    const c = churnedInBand[b] as number;
    return n === 0
      ? { accounts: 0, churned: 0, churnRate: null, interval: null }
      : { accounts: n, churned: c, churnRate: c / n, interval: wilson(c, n, level) };
  };
  return {
    accounts: length,
    churned: churnedCount,
    churnRate: churnedCount / length,
    red: band(0),
    yellow: band(1),
    green: band(2),
    auc: churnedCount === 0 || churnedCount === length ? null : auc(keptScores, lostScores),
    confidence: level,
  };
}

/** Mann–Whitney AUC of two sorted arrays: P(kept > lost) + ½ P(kept = lost), exact until one division. */
function auc(kept: Float64Array, lost: Float64Array): number {
  // 2U = Σ over kept scores of (2 × lost scores below it + lost scores equal to it): an integer.
  let partial = 0;
  let big = 0n;
  let below = 0;
  let equal = 0;
  const lostCount = lost.length;
  for (let i = 0; i < kept.length; i++) {
    const score = kept[i] as number;
    if (i === 0 || score !== kept[i - 1]) {
      while (below < lostCount && (lost[below] as number) < score) below++;
      equal = below;
      while (equal < lostCount && lost[equal] === score) equal++;
    }
    partial += 2 * below + (equal - below);
    if (partial > SAFE_PARTIAL) {
      big += BigInt(partial);
      partial = 0;
    }
  }
  const twiceU = big + BigInt(partial);
  const pairs = BigInt(kept.length) * BigInt(lostCount);
  return ratioToNumber(twiceU, 2n * pairs);
}

/** What one pass over the accounts collects. */
interface Tally {
  readonly length: number;
  readonly churnedCount: number;
  /** Accounts per band (red, yellow, green), and churned accounts per band. */
  readonly inBand: readonly number[];
  readonly churnedInBand: readonly number[];
  /** The scores: churned accounts' in `[0, churnedCount)`, retained accounts' after. */
  readonly split: Float64Array;
}

/** Collects the accounts' scores and outcomes; `add` is called once per checked account. */
function collector(length: number, bands: Bands) {
  const split = new Float64Array(length);
  const inBand = [0, 0, 0];
  const churnedInBand = [0, 0, 0];
  let front = 0;
  let back = length;
  return {
    add(score: number, lost: boolean): void {
      const band = score <= bands.redAtMost ? 0 : score <= bands.yellowAtMost ? 1 : 2;
      inBand[band] = (inBand[band] as number) + 1;
      if (lost) {
        churnedInBand[band] = (churnedInBand[band] as number) + 1;
        split[front++] = score + 0;
      } else split[--back] = score + 0;
    },
    done: (): Tally => ({ length, churnedCount: front, inBand, churnedInBand, split }),
  };
}

function tallyAccounts(accounts: ArrayLike<unknown>, bands: Bands): Tally {
  const length = accounts.length;
  const tally = collector(length, bands);
  for (let i = 0; i < length; i++) {
    const account = accounts[i];
    if (!isRecord(account)) rejectElement(METRIC, calibrationAccountSchema, account, ['accounts', i]);
    // Each field read once: what is checked is what is counted.
    const score = account.score;
    const churned = account.churned;
    if (!isCalibrationAccount(account, score, churned)) {
      const asRead = calibrationAccountAsRead(account, score, churned);
      rejectElement(METRIC, calibrationAccountSchema, asRead, ['accounts', i]);
    }
    tally.add(score as number, churned);
  }
  return tally.done();
}

function tallyColumns(columns: { scores: ArrayLike<number>; churned: ArrayLike<boolean> }, bands: Bands): Tally {
  const { scores, churned } = columns;
  const length = scores.length;
  if (churned.length !== length) {
    invalid(METRIC, ['churned'], `must have one flag per score (${length}), not ${churned.length}`);
  }
  // A Uint8Array of any realm: `instanceof` knows only this realm's constructor.
  const flags = isUint8Array(churned);
  if (ArrayBuffer.isView(churned) && !flags) {
    invalid(METRIC, ['churned'], 'must be an array of booleans or a Uint8Array of 0 and 1');
  }
  const tally = collector(length, bands);
  for (let i = 0; i < length; i++) {
    const score = scores[i];
    if (!isCalibrationScore(score)) rejectElement(METRIC, calibrationScoreSchema, score, ['scores', i]);
    const lost = churned[i] as unknown;
    if (flags ? !isChurnFlag(lost) : typeof lost !== 'boolean') {
      rejectElement(METRIC, flags ? churnFlagSchema : z.boolean(), lost, ['churned', i]);
    }
    tally.add(score, lost === true || lost === 1);
  }
  return tally.done();
}
