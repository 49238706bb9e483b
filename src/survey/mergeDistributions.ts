import { invalid, isArrayInput, type NoOptions, noOptions, rejectElement } from '../internal/parse.js';
import { count, isCount } from '../internal/schemas.js';
import type { Distribution } from './_lib/survey.js';

const METRIC = 'mergeDistributions';

function checkedSum(left: number, right: number, path: readonly (string | number)[]): number {
  const total = left + right;
  if (!Number.isSafeInteger(total)) invalid(METRIC, path, 'sums to more than 2^53 − 1 responses');
  return total;
}

function mergeArrays(a: ArrayLike<unknown>, b: ArrayLike<unknown>): number[] {
  // Each length is read once: a Proxy could answer another length to a second read.
  const length = a.length;
  const otherLength = b.length;
  if (length !== otherLength) {
    invalid(METRIC, ['b'], `must have as many counts as a (${length}), not ${otherLength}`);
  }
  const merged: number[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const left = a[i];
    const right = b[i];
    if (!isCount(left)) rejectElement(METRIC, count, left, ['a', i]);
    if (!isCount(right)) rejectElement(METRIC, count, right, ['b', i]);
    merged[i] = checkedSum(left, right, ['b', i]);
  }
  return merged;
}

function addObject(into: Record<number, number>, side: 'a' | 'b', distribution: object): void {
  for (const key of Object.keys(distribution)) {
    const score = Number(key);
    if (!Number.isSafeInteger(score) || String(score) !== key) invalid(METRIC, [side, key], 'is not an integer score');
    const n = (distribution as Record<string, unknown>)[key];
    if (!isCount(n)) rejectElement(METRIC, count, n, [side, key]);
    into[score] = checkedSum(into[score] ?? 0, n, [side, key]);
  }
}

/**
 * Adds two score distributions: the distribution of both samples together.
 *
 * @remarks
 * merged[score] = a[score] + b[score]. Merging is associative and commutative, so per-shard tallies (from
 * {@link tallyScores}, a worker, or a warehouse `GROUP BY score`) combine in any order into exactly the
 * distribution of one pass over all the scores.
 *
 * Both distributions must have the same form: two objects keyed by score give an object with every score
 * of either; two arrays (one count per point of a scale) must have the same length and give an array.
 *
 * Unit: counts of responses.
 *
 * @param a - A distribution: `{ [score]: count }`, or an array of counts.
 * @param b - Another distribution of the same form.
 * @param options - None: the function takes no options (a third argument with any key is refused).
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative integer, a key is not an
 * integer score, the forms differ, arrays differ in length, a sum passes 2^53 − 1, or `options` has a key
 * (path `[]` of `options`).
 * @example
 * ```ts
 * mergeDistributions({ 9: 40, 10: 12 }, { 0: 3, 9: 5 }); // => { 0: 3, 9: 45, 10: 12 }
 * mergeDistributions([1, 2, 3], [4, 5, 6]); // => [5, 7, 9]
 * ```
 * @category Survey
 */
export function mergeDistributions(a: ArrayLike<number>, b: ArrayLike<number>, options?: NoOptions): number[];
export function mergeDistributions(
  a: Readonly<Record<number, number>>,
  b: Readonly<Record<number, number>>,
  options?: NoOptions,
): Record<number, number>;
export function mergeDistributions(
  a: Distribution,
  b: Distribution,
  options?: NoOptions,
): number[] | Record<number, number> {
  noOptions(METRIC, options);
  const arrays = [isArrayInput(a), isArrayInput(b)];
  for (const [index, side] of (['a', 'b'] as const).entries()) {
    const value = index === 0 ? a : b;
    if (typeof value !== 'object' || value === null) {
      invalid(METRIC, [side], 'must be an object of counts keyed by score, or an array of counts');
    }
  }
  if (arrays[0] && arrays[1]) return mergeArrays(a as ArrayLike<unknown>, b as ArrayLike<unknown>);
  if (arrays[0] || arrays[1]) {
    invalid(
      METRIC,
      [arrays[0] ? 'b' : 'a'],
      'must have the same form as the other distribution (both objects or both arrays)',
    );
  }
  const merged: Record<number, number> = {};
  addObject(merged, 'a', a);
  addObject(merged, 'b', b);
  return merged;
}
