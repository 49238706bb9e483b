// Harrell's concordance index of a risk score, counted as lifelines and R's survival count it.
import { denseRanks, orderByKeys } from './ranks.js';

/**
 * Harrell's C: among comparable pairs, the share where the customer who churned first has the higher risk,
 * a tie in risk counting ½. A pair is comparable when the shorter duration ends in churn; at equal
 * durations, a churn and a censoring are comparable (the censored customer outlived the time), two churns
 * are not. O(n log n): customers are taken in increasing duration, and a Fenwick tree over the ranks of the
 * risks counts, for each one, the earlier churners with a higher and with an equal risk. Returns null when
 * no pair is comparable.
 */
export function concordance(durations: Float64Array, churned: Uint8Array, risk: Float64Array): number | null {
  const n = durations.length;
  // Increasing duration; at equal durations churns before censorings.
  const time = denseRanks(durations);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = 2 * (time.ranks[i] as number) + (churned[i] === 1 ? 0 : 1);
  const order = orderByKeys(keys, 2 * time.distinct.length);
  const risks = denseRanks(risk);
  const distinct = risks.distinct.length;
  // Fenwick indexes start at 1.
  const ranks = risks.ranks;
  for (let i = 0; i < n; i++) ranks[i] = (ranks[i] as number) + 1;
  const tree = new Float64Array(distinct + 1);
  const prefix = (r: number) => {
    let total = 0;
    for (let k = r; k > 0; k -= k & -k) total += tree[k] as number;
    return total;
  };
  let pool = 0;
  let pairs = 0;
  let score = 0;
  let at = 0;
  while (at < n) {
    const time = durations[order[at] as number] as number;
    let end = at;
    while (end < n && durations[order[end] as number] === time) end++;
    let churnEnd = at;
    while (churnEnd < end && churned[order[churnEnd] as number] === 1) churnEnd++;
    // Churns at this time meet the pool of earlier churns; censorings meet those and this time's churns.
    for (let stage = 0; stage < 2; stage++) {
      const from = stage === 0 ? at : churnEnd;
      const to = stage === 0 ? churnEnd : end;
      for (let k = from; k < to; k++) {
        const r = ranks[order[k] as number] as number;
        const below = prefix(r - 1);
        const tied = prefix(r) - below;
        pairs += pool;
        // The pool churned first: concordant when its risk is the higher one.
        score += pool - below - tied + tied / 2;
      }
      if (stage === 0) {
        for (let k = at; k < churnEnd; k++) {
          for (let r = ranks[order[k] as number] as number; r <= distinct; r += r & -r)
            tree[r] = (tree[r] as number) + 1;
        }
        pool += churnEnd - at;
      }
    }
    at = end;
  }
  return pairs === 0 ? null : score / pairs;
}
