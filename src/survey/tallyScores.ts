import { tallyValues } from './_lib/distribution.js';
import { invalid, isArrayInput, type NoOptions, noOptions, parse } from '../internal/parse.js';
import { type Scale, scale as scaleSchema } from '../internal/schemas.js';

const METRIC = 'tallyScores';

/**
 * Counts raw scores into a distribution: score → number of responses.
 *
 * @remarks
 * One validated pass over the scores. The result has a key for every point of the scale, zeros included,
 * so distributions from different shards line up; feed it to any survey metric as `{ distribution }`, or
 * combine shards with {@link mergeDistributions} first. This is how a survey metric scales past one
 * machine: tally where the data lives, merge, compute here.
 *
 * A `Uint8Array` is counted with a branch-free histogram pass.
 *
 * Unit: counts of responses.
 *
 * @param scores - An array or typed array of integer scores.
 * @param scale - The scale `{ min, max }` (safe integers, `min < max`, at most 101 points).
 * @param options - None: the function takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when `scores` is not an array, a score is not an integer on
 * the scale (path `['scores', index]`), the scale is invalid (path `['scale', …]`), or `options` has a key
 * (path `[]` of `options`).
 * @example
 * ```ts
 * tallyScores([10, 9, 9, 3], { min: 0, max: 10 }); // => { 0: 0, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 2, 10: 1 }
 * tallyScores(new Uint8Array([5, 4, 4]), { min: 1, max: 5 }); // => { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 }
 * ```
 * @category Survey
 */
export function tallyScores(scores: ArrayLike<number>, scale: Scale, options?: NoOptions): Record<number, number> {
  noOptions(METRIC, options);
  const range = parse(METRIC, scaleSchema, scale, 'scale', ['scale']);
  if (!isArrayInput(scores)) invalid(METRIC, ['scores'], 'must be an array or typed array of scores');
  const counts = tallyValues(METRIC, scores, range, ['scores']);
  const distribution: Record<number, number> = {};
  for (let i = 0; i < counts.length; i++) distribution[range.min + i] = counts[i] as number;
  return distribution;
}
