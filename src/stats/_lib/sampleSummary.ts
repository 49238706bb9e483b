// One group of a comparison of means, read from raw values or from its summary statistics, and reduced to
// what Welch's test needs: the count, the mean and the sample variance.
import * as z from 'zod/mini';
import { bulkArray, invalid, noData, parseForm, rejectElement } from '../../internal/parse.js';

/** A group's count, mean and sample variance (divisor n − 1). */
export interface SampleSummary {
  readonly count: number;
  readonly mean: number;
  readonly variance: number;
}

const valueSchema = /* @__PURE__ */ (() => z.number())();

/** The accepted forms of a group, chosen by their key. */
const groupForms = /* @__PURE__ */ (() =>
  [
    { key: 'values', schema: z.strictObject({ values: bulkArray('an array or typed array of numbers') }) },
    {
      key: 'count',
      schema: z.strictObject({
        count: z.int().check(z.gte(2)),
        mean: z.number(),
        standardDeviation: z.number().check(z.gte(0)),
      }),
    },
  ] as const)();

/**
 * Mean and sample variance of finite values in one pass by Welford's method (B. P. Welford, Technometrics 4,
 * 1962): the running mean moves by each deviation ÷ k and the sum of squared deviations grows by the product
 * of the deviations from the old and the new mean, so nothing cancels as in Σx² − n·x̄², and each element
 * is read once (the input may be a proxy or change between reads). Each value is checked as it is read.
 */
function summarizeValues(metric: string, values: ArrayLike<unknown>, side: 'a' | 'b'): SampleSummary {
  const n = values.length;
  let mean = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (typeof value !== 'number' || value - value !== 0)
      rejectElement(metric, valueSchema, value, [side, 'values', i]);
    const deviation = value - mean;
    mean += deviation / (i + 1);
    squares += deviation * (value - mean);
  }
  if (n < 2) noData(metric, [side, 'values'], `must have at least 2 values, not ${n}: a variance needs two`);
  const variance = squares / (n - 1);
  if (!Number.isFinite(mean) || !Number.isFinite(variance)) {
    invalid(metric, [side, 'values'], 'holds values too large to compare in double precision');
  }
  return { count: n, mean: mean + 0, variance };
}

/** Reads one group (`{ values }` or `{ count, mean, standardDeviation }`) at `[side]`. */
export function readSample(metric: string, value: unknown, side: 'a' | 'b'): SampleSummary {
  const group = parseForm(metric, groupForms, value, [side]);
  if (group.form === 'values') return summarizeValues(metric, group.value.values, side);
  const { count, mean, standardDeviation } = group.value;
  const variance = standardDeviation * standardDeviation;
  if (!Number.isFinite(variance)) {
    invalid(metric, [side, 'standardDeviation'], 'is too large to compare in double precision');
  }
  return { count, mean: mean + 0, variance };
}
