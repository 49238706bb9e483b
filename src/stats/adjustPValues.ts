import * as z from 'zod/mini';
import { adjust } from '../internal/adjust.js';
import { bulkArray, parse, parseOptions, rejectElement } from '../internal/parse.js';

const METRIC = 'adjustPValues';

/** Options of {@link adjustPValues}. */
export interface AdjustPValuesOptions {
  /** `'holm'` (default): Holm's step-down; `'bonferroni'`: each p-value times the number of tests. */
  readonly method?: 'holm' | 'bonferroni';
}

const probability = /* @__PURE__ */ (() => z.number().check(z.gte(0), z.lte(1)))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ method: z.optional(z.enum(['holm', 'bonferroni'])) }))();

const inputSchema = /* @__PURE__ */ (() => bulkArray<number>('an array of p-values'))();

/**
 * Adjusts p-values for multiple comparisons (Holm or Bonferroni), so that a family of tests keeps its
 * family-wise error rate.
 *
 * @remarks
 * With m p-values, Bonferroni's adjusted value is min(1, m·p). Holm's sorts them, p₍₁₎ ≤ … ≤ p₍ₘ₎, and gives
 * the i-th smallest max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎): a test is rejected at level α when its
 * adjusted value is below α, which is exactly Holm's step-down procedure. Holm's is never larger than
 * Bonferroni's and controls the same family-wise error rate under any dependence between the tests, which
 * is why it is the default. The values come back in input order; this is R's `p.adjust(p, 'holm')`.
 *
 * Use it when several comparisons are read together (ten segments tested at once: one of them will look
 * "significant" at 5 % by chance alone about 40 % of the time).
 *
 * Source: S. Holm, "A simple sequentially rejective multiple test procedure", Scandinavian Journal of
 * Statistics 6 (1979) 65–70; R's `stats::p.adjust`.
 *
 * Unit: probabilities.
 *
 * @param pValues - The p-values, each from 0 to 1 (an array or typed array).
 * @param options - `{ method = 'holm' }`.
 * @throws {@link MetricError} `INVALID_INPUT` when an element is not a number from 0 to 1 (`[3]`), the
 * input is not an array, or the method is unknown.
 * @example
 * ```ts
 * adjustPValues([0.01, 0.04, 0.03, 0.02, 0.05]); // ≈ [0.05, 0.09, 0.09, 0.08, 0.09]
 * adjustPValues([0.01, 0.04], { method: 'bonferroni' }); // ≈ [0.02, 0.08]
 * ```
 * @category Stats
 */
export function adjustPValues(pValues: ArrayLike<number>, options?: AdjustPValuesOptions): number[] {
  const values = parse(METRIC, inputSchema, pValues);
  const method = parseOptions(METRIC, optionsSchema, options).method ?? 'holm';
  const read: number[] = [];
  const length = values.length;
  for (let i = 0; i < length; i++) {
    const value: unknown = values[i];
    if (!(typeof value === 'number' && value >= 0 && value <= 1)) rejectElement(METRIC, probability, value, [i]);
    read.push(value + 0);
  }
  return adjust(read, method);
}
