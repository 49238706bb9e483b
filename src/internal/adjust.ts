// Adjusted p-values for a family of tests, as R's `p.adjust`: shared by the stats family (the public
// `adjustPValues`) and the survey family (the segments of a period in a trend).

/** A family-wise error correction: Holm's step-down (default) or Bonferroni's. */
export type AdjustMethod = 'holm' | 'bonferroni';

/**
 * Adjusted p-values in input order, each capped at 1. Bonferroni multiplies each by the number of tests m;
 * Holm (1979) sorts them, multiplies the i-th smallest (from 0) by m − i and makes the result non-decreasing
 * in that order (a running maximum), so that rejecting where the adjusted value is below α is Holm's
 * step-down procedure. Ties keep their input order, which does not change the result.
 */
export function adjust(pValues: readonly number[], method: AdjustMethod): number[] {
  const m = pValues.length;
  if (method === 'bonferroni') return pValues.map((p) => Math.min(1, p * m));
  const order = pValues.map((_, index) => index).sort((i, j) => (pValues[i] as number) - (pValues[j] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let rank = 0; rank < m; rank++) {
    const index = order[rank] as number;
    running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  }
  return adjusted;
}
