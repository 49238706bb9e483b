// The weighted log-rank test of k samples, as compareSurvivalCurves reports it: what that function and the
// curves by segment (`survivalCurve` with `compare`) both return.
import * as z from 'zod/mini';
import type { CompareSurvivalCurvesResult } from '../compareSurvivalCurves.js';
import { chiSquareUpperTail } from './chiSquare.js';
import { type LogRankWeights, logRankSums, quadraticForm } from './logRank.js';
import type { Sample } from './observations.js';

const nonNegative = /* @__PURE__ */ (() => z.number().check(z.gte(0)))();

/** The `weights` option of the log-rank test. */
export const weightsSchema = /* @__PURE__ */ (() =>
  z.union([
    z.enum(['logrank', 'wilcoxon', 'tarone-ware']),
    z.strictObject({ flemingHarrington: z.tuple([nonNegative, nonNegative]) }),
  ]))();

/** The test of the samples named `names` (each with at least one customer at risk). */
export function compareSamples(
  names: readonly string[],
  samples: readonly Sample[],
  weights: LogRankWeights,
): CompareSurvivalCurvesResult {
  const sums = logRankSums(samples, weights);
  const { value, rank } = quadraticForm(sums.score, sums.covariance);
  const statistic = Math.max(0, value);
  return {
    statistic,
    degreesOfFreedom: rank,
    pValue: rank === 0 ? 1 : chiSquareUpperTail(statistic, rank),
    groups: names.map((name, g) => ({
      name,
      observed: sums.observed[g] as number,
      expected: sums.expected[g] as number,
    })),
  };
}
