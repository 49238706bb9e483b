// The fast path of a health scorer: the integer plan compiled into one loop over each account's keys, with
// no allocation per account. It scores the accounts it can (plain objects of numbers with few decimals and
// booleans, in their measures' ranges) and stops at the first one it cannot: the exact path scores that one
// and reports any problem with it. Its results are the exact path's, bit for bit (see integerPlan.ts).
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

/** A compiled fast path. */
export interface FastScorer {
  /**
   * Scores `accounts[start]`, `accounts[start + 1]`, … up to `length`, writing each score and status, and
   * returns the index of the first account it leaves to the exact path (`length` when there is none).
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

  // How many measures had a value in the account `read` last read.
  let presentCount = 0;

  /**
   * Σ Wᵢnᵢ over the measures with a value in `account`, or −1 when the fast path leaves the account to the
   * exact path. One loop over the keys reads the values and finds unknown keys at once. With `keep`, each
   * measure with a value is marked with a new stamp and its value and n are kept, for an explanation.
   */
  function read(account: object, keep: boolean): number {
    if (keep) stamp++;
    let sum = 0;
    let position = 0;
    let present = 0;
    for (const key in account) {
      if (position === count) return -1;
      const j = measureAt(position, key);
      if (j < 0) return -1;
      position++;
      const value = (account as Record<string, unknown>)[key];
      if (value === undefined || value === null) continue;
      const n = scoreN(j, value);
      if (n < 0) return -1;
      sum += (units[j] as number) * n;
      present++;
      if (keep) {
        mark[j] = stamp;
        given[j] = value;
        valueN[j] = n;
      }
    }
    presentCount = present;
    return sum;
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
      if (typeof account !== 'object' || account === null || (indexNames && isArrayInput(account))) return i;
      let sum = read(account, false);
      if (sum < 0) return i;
      let counted = totalUnits;
      if (presentCount !== count) {
        // Some measures are missing (rare in bulk data): a second pass finds which.
        if (reject || isArrayInput(account)) return i;
        if (read(account, true) < 0) return i;
        for (let j = 0; j < count; j++) {
          if (mark[j] === stamp) continue;
          if (skip) counted -= units[j] as number;
          else sum += (units[j] as number) * imputedN;
        }
        if (counted === 0) return i;
      }
      scores[i] = sum / (counted * common);
      // Branch-free: which band an account falls in is as unpredictable as the data.
      statuses[i] = STATUS_NAMES[+(sum > red * counted) + +(sum > yellow * counted)] as HealthStatus;
    }
    return length;
  }

  function explain(account: unknown): HealthScoreResult | undefined {
    if (typeof account !== 'object' || account === null || isArrayInput(account)) return undefined;
    let sum = read(account, true);
    if (sum < 0) return undefined;
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

  return { run, explain };
}
