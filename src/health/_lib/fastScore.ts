// The fast path of a health scorer: the integer plan compiled into one loop over each account's keys, with
// no allocation per account. That loop is also the only reading of an account: each value is read once,
// into the loop's own buffers. It scores the accounts it can (plain objects of numbers with few decimals and
// booleans, in their measures' ranges) and stops at the first one it cannot, which the exact path
// (exactScore.ts) finishes from those buffers and where it reports any problem. Its results are the exact
// path's, bit for bit (see integerPlan.ts).
import { isArrayInput } from '../../internal/parse.js';
import type { HealthMeasureScore, HealthMissingPolicy, HealthScoreResult } from '../createHealthScore.js';
import type { HealthStatus } from './bands.js';
import type { IntegerPlan } from './integerPlan.js';
import { shownValue } from './scale.js';

// Kind codes: indexes in KINDS (scale.ts).
const LINEAR = 0;
const STEPS = 1;
const BOOLEAN = 2;
const SCORE = 3;

/** The statuses by band index: 0 at or below red, 1 at or below yellow, 2 above. */
const STATUS_NAMES: readonly HealthStatus[] = ['red', 'yellow', 'green'];

/**
 * An account as the fast path read it, for the exact path to finish: each of its values was read once, and
 * only these copies are scored. Measure `j` has a value when `mark[j] === stamp`; the measures of key
 * positions `from` to `to` (`keyIndex`) have theirs in `given`; the values before `from` are valid and add
 * `sum` = Σ Wᵢnᵢ. `unknown` is a key that names no measure, where reading stopped.
 */
export interface ReadAccount {
  readonly account: unknown;
  readonly stamp: number;
  readonly mark: Float64Array;
  readonly given: readonly unknown[];
  readonly keyIndex: Int32Array;
  readonly from: number;
  readonly to: number;
  readonly unknown: string | undefined;
  readonly sum: number;
  /** The common denominator C of the n. */
  readonly common: number;
}

/** A compiled fast path. */
export interface FastScorer {
  /**
   * Scores `accounts[start]`, `accounts[start + 1]`, … up to `length`, writing each score and status, and
   * returns the index of the first account it leaves to the exact path (`length` when there is none); that
   * account is then {@link FastScorer.pending}'s.
   */
  run(
    accounts: ArrayLike<unknown>,
    length: number,
    start: number,
    scores: Float64Array,
    statuses: HealthStatus[],
  ): number;
  /** One account's score with its explanation, or `undefined` when the exact path must score it. */
  explain(values: unknown): HealthScoreResult | undefined;
  /** The account last read, as read (after `explain`, with every value in `given` and `from` 0). */
  pending(): ReadAccount;
}

/** Compiles the fast path of a scorecard whose measures are `names` (configuration order). */
export function compileFastScorer(
  names: readonly string[],
  weights: readonly number[],
  plan: IntegerPlan,
  policy: HealthMissingPolicy,
): FastScorer {
  const count = names.length;
  const { common, full, units, totalUnits, red, yellow, kinds, scale, slope, offset } = plan;
  const { stepStart, stepFrom, stepN, belowN, tableMin, tableSpan, tableBase, table } = plan;
  const skip = policy === 'skip';
  const reject = policy === 'reject';
  const imputedN = policy === 'neutral' ? 50 * common : 0;
  const index = new Map(names.map((name, j) => [name, j]));
  // Whether an array's keys could all be measure names (measures named '0', '1', …).
  const indexNames = names.some((name) => /^\d+$/.test(name));
  // The keys of the last account, in order, and their measures: the next account usually has the same.
  const keyOrder: string[] = new Array<string>(count).fill('');
  const keyIndex = new Int32Array(count);
  // A measure has a value in the current account when its mark equals the account's stamp.
  const mark = new Float64Array(count);
  let stamp = 0;
  // The current account's values and their n, for an explanation.
  const given: unknown[] = new Array<unknown>(count).fill(null);
  const valueN = new Float64Array(count);

  /** The measure of the key at `position` in an account, or −1 for a key that names none. */
  function measureAt(position: number, key: string): number {
    if (keyOrder[position] === key) return keyIndex[position] as number;
    const j = index.get(key);
    if (j === undefined) return -1;
    keyOrder[position] = key;
    keyIndex[position] = j;
    return j;
  }

  /** n = score × C of a present value of measure `j`, or −1 when the fast path does not score it. */
  function scoreN(j: number, value: unknown): number {
    if (typeof value === 'number') {
      if ((value | 0) === value) {
        // Integers (counts, days, ratings) near the measure's range: looked up.
        const t = value - (tableMin[j] as number);
        if (t >= 0 && t <= (tableSpan[j] as number)) return table[(tableBase[j] as number) + t] as number;
      }
      const kind = kinds[j];
      if (kind === LINEAR || kind === SCORE) {
        // x = value × 10^k, exactly when dividing gives the value back (NaN and ±Infinity never do).
        const s = scale[j] as number;
        const x = Math.round(value * s);
        if (x / s !== value) return -1;
        const n = x * (slope[j] as number) - (offset[j] as number);
        if (n >= 0 && n <= full) return n;
        if (kind === SCORE || value - value !== 0) return -1;
        return n < 0 ? 0 : full;
      }
      if (kind === STEPS) {
        if (value - value !== 0) return -1;
        let n = belowN[j] as number;
        const end = stepStart[j + 1] as number;
        for (let t = stepStart[j] as number; t < end && value >= (stepFrom[t] as number); t++) n = stepN[t] as number;
        return n;
      }
      return -1;
    }
    if (typeof value === 'boolean' && kinds[j] === BOOLEAN) return value ? full : 0;
    return -1;
  }

  // What `readKept` and `sumOf` found in the account it read last (see ReadAccount). The positions of keys with an absent
  // value are listed in `nulls` until `markPresent` consumes them. Only the rare paths write these: an
  // account whose measures are all present and scored costs one write, `presentCount`.
  let current: unknown;
  const nulls = new Int32Array(count);
  let nullCount = 0;
  let presentCount = 0;
  let readTo = 0;
  let readSum = 0;
  let readFrom = 0;
  let unknownKey: string | undefined;
  let kept = false;

  /**
   * Σ Wᵢnᵢ over the values of `account`, keeping each value and its n for an explanation, or −1 when the fast
   * path leaves the account to the exact path. One loop over the keys reads every value once and finds
   * unknown keys; at the first value it cannot score, {@link finish} reads the rest.
   */
  function readKept(account: object): number {
    stamp++;
    let sum = 0;
    let position = 0;
    let present = 0;
    for (const key in account) {
      const j = position === count ? -1 : measureAt(position, key);
      if (j < 0) return stop(key, position, present, -1, sum, true);
      position++;
      const value = (account as Record<string, unknown>)[key];
      if (value === undefined || value === null) {
        nulls[nullCount++] = position - 1;
        continue;
      }
      present++;
      const n = scoreN(j, value);
      if (n < 0) return finish(account, position, present, sum, value, true);
      sum += (units[j] as number) * n;
      mark[j] = stamp;
      given[j] = value;
      valueN[j] = n;
    }
    presentCount = present;
    if (present !== count) missing(position);
    return sum;
  }

  /**
   * Σ Wᵢnᵢ over the values of `account`, or −1 when the fast path leaves the account to the exact path: the
   * loop of {@link readKept} without keeping anything, for `run`. It is kept small (its rare exits are calls)
   * so that the engine inlines it into the loop over accounts.
   */
  function sumOf(account: object): number {
    let sum = 0;
    let position = 0;
    let present = 0;
    for (const key in account) {
      const j = position === count ? -1 : measureAt(position, key);
      if (j < 0) return stop(key, position, present, -1, sum, false);
      position++;
      const value = (account as Record<string, unknown>)[key];
      if (value === undefined || value === null) {
        nulls[nullCount++] = position - 1;
        continue;
      }
      present++;
      const n = scoreN(j, value);
      if (n < 0) return finish(account, position, present, sum, value, false);
      sum += (units[j] as number) * n;
    }
    presentCount = present;
    if (present !== count) missing(position);
    return sum;
  }

  /** After a full read with some measures missing: marks the present ones. */
  function missing(position: number): void {
    readTo = position;
    markPresent();
  }

  /**
   * Reads, without scoring, the values after the one at `position − 1` (`value`, which the fast path cannot
   * score) into `given`, for the exact path; −1. The keys before it are passed over unread.
   */
  function finish(
    account: object,
    position: number,
    present: number,
    sum: number,
    value: unknown,
    keep: boolean,
  ): number {
    const from = position - 1;
    given[keyIndex[from] as number] = value;
    let seen = 0;
    let unknown: string | undefined;
    let found = present;
    let at = position;
    for (const key in account) {
      if (seen++ < position) continue;
      if (at === count) {
        unknown = key;
        break;
      }
      const j = measureAt(at, key);
      if (j < 0) {
        unknown = key;
        break;
      }
      at++;
      const next = (account as Record<string, unknown>)[key];
      if (next === undefined || next === null) {
        nulls[nullCount++] = at - 1;
        continue;
      }
      found++;
      given[j] = next;
    }
    return stop(unknown, at, found, from, sum, keep);
  }

  /** Ends a read the fast path cannot score: what the exact path needs, kept; −1. */
  function stop(
    unknown: string | undefined,
    position: number,
    present: number,
    from: number,
    sum: number,
    keep: boolean,
  ): number {
    presentCount = present;
    readTo = position;
    readSum = sum;
    readFrom = from < 0 ? position : from;
    unknownKey = unknown;
    kept = keep;
    markPresent();
    return -1;
  }

  /** Marks each measure with a value in the account last read with a new stamp; the absent ones are listed. */
  function markPresent(): void {
    stamp++;
    let k = 0;
    for (let position = 0; position < readTo; position++) {
      if (k < nullCount && nulls[k] === position) k++;
      else mark[keyIndex[position] as number] = stamp;
    }
    nullCount = 0;
  }

  /** Leaves account `i` to the exact path. */
  function leave(i: number, account: unknown, sum: number): number {
    current = account;
    if (sum >= 0) {
      // Read in full and every value scored: only the account as a whole is not scored here.
      readSum = sum;
      readFrom = readTo;
      unknownKey = undefined;
      kept = false;
    }
    return i;
  }

  function run(
    accounts: ArrayLike<unknown>,
    length: number,
    start: number,
    scores: Float64Array,
    statuses: HealthStatus[],
  ): number {
    for (let i = start; i < length; i++) {
      const account = accounts[i];
      if (typeof account !== 'object' || account === null || (indexNames && isArrayInput(account))) {
        return leave(i, account, -1);
      }
      const scored = sumOf(account);
      if (scored < 0) return leave(i, account, -1);
      let sum = scored;
      let counted = totalUnits;
      if (presentCount !== count) {
        // Some measures are missing: `sumOf` has marked the present ones.
        if (reject || isArrayInput(account)) return leave(i, account, scored);
        for (let j = 0; j < count; j++) {
          if (mark[j] === stamp) continue;
          if (skip) counted -= units[j] as number;
          else sum += (units[j] as number) * imputedN;
        }
        if (counted === 0) return leave(i, account, scored);
      }
      scores[i] = sum / (counted * common);
      // Branch-free: which band an account falls in is as unpredictable as the data.
      statuses[i] = STATUS_NAMES[+(sum > red * counted) + +(sum > yellow * counted)] as HealthStatus;
    }
    return length;
  }

  function explain(account: unknown): HealthScoreResult | undefined {
    current = account;
    if (typeof account !== 'object' || account === null || isArrayInput(account)) return undefined;
    let sum = readKept(account);
    if (sum < 0) return undefined;
    // A full read with `keep` marked each measure with a value as it went.
    unknownKey = undefined;
    let counted = totalUnits;
    const missing: string[] = [];
    for (let j = 0; j < count; j++) {
      if (mark[j] === stamp) continue;
      if (reject) return undefined;
      missing.push(names[j] as string);
      given[j] = null;
      valueN[j] = imputedN;
      if (skip) counted -= units[j] as number;
      else sum += (units[j] as number) * imputedN;
    }
    if (counted === 0) return undefined;
    const denominator = counted * common;
    const measures: HealthMeasureScore[] = [];
    for (let j = 0; j < count; j++) {
      if (skip && mark[j] !== stamp) continue;
      const n = valueN[j] as number;
      measures.push({
        name: names[j] as string,
        value: shownValue(given[j] as HealthMeasureScore['value']),
        normalized: n / common + 0,
        weight: weights[j] as number,
        contribution: ((units[j] as number) * n) / denominator + 0,
      });
    }
    const status = STATUS_NAMES[+(sum > red * counted) + +(sum > yellow * counted)] as HealthStatus;
    return { score: sum / denominator + 0, status, measures, missing };
  }

  function pending(): ReadAccount {
    // After an explanation every value was kept: the exact path scores them all.
    const from = kept ? 0 : readFrom;
    const sum = kept ? 0 : readSum;
    return { account: current, stamp, mark, given, keyIndex, from, to: readTo, unknown: unknownKey, sum, common };
  }

  return { run, explain, pending };
}
