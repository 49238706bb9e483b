// The k-sample weighted log-rank statistic: at each distinct churn time of the pooled groups, each group's
// churns against those expected from its share of the risk set, weighted, with the hypergeometric covariance;
// then the quadratic form through a generalized inverse (a Cholesky decomposition that drops the pivots
// rounding leaves at zero, as R's survival does with its cholesky2), whose rank is the degrees of freedom.
import type { Sample } from './observations.js';

/** The weight of each churn time: 1, the risk set, its square root, or Ŝ(t−)^p (1 − Ŝ(t−))^q. */
export type LogRankWeights =
  | 'logrank'
  | 'wilcoxon'
  | 'tarone-ware'
  | { readonly flemingHarrington: readonly [number, number] };

/** What the test needs: the weighted scores and covariance, and the unweighted churns seen and expected. */
export interface LogRankSums {
  /** Σ w (d_g − d·Y_g/Y), per group. */
  readonly score: Float64Array;
  /** Σ w² d (Y − d)/(Y − 1) · (Y_g/Y) (δ_gh − Y_h/Y), k × k, row-major. */
  readonly covariance: Float64Array;
  /** Σ d_g, per group. */
  readonly observed: Float64Array;
  /** Σ d·Y_g/Y, per group. */
  readonly expected: Float64Array;
}

/** The weight function of a policy, from the pooled risk set and the pooled Kaplan–Meier Ŝ(t−). */
function weightOf(weights: LogRankWeights): (atRisk: number, survival: number) => number {
  if (weights === 'logrank') return () => 1;
  if (weights === 'wilcoxon') return (atRisk) => atRisk;
  if (weights === 'tarone-ware') return (atRisk) => Math.sqrt(atRisk);
  const [p, q] = weights.flemingHarrington;
  // 0⁰ is 1 (Math.pow agrees), so FH(0, 0) is the log-rank test.
  return (_, survival) => survival ** p * (1 - survival) ** q;
}

/**
 * Walks the pooled churn times of the groups in increasing order. For each group: its churns and censorings
 * before the time have left, its late entrants before the time have joined, so Y_g counts the customers with
 * entry < t ≤ duration.
 */
export function logRankSums(samples: readonly Sample[], weights: LogRankWeights): LogRankSums {
  const k = samples.length;
  const weight = weightOf(weights);
  const score = new Float64Array(k);
  const covariance = new Float64Array(k * k);
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const churnAt = new Int32Array(k);
  const censorAt = new Int32Array(k);
  const entryAt = new Int32Array(k);
  const atRisk = new Float64Array(k);
  const events = new Float64Array(k);
  const atStart = samples.map((s) => s.churn.length + s.censor.length - s.entries.length);
  let survival = 1;
  for (;;) {
    let time = Number.POSITIVE_INFINITY;
    for (let g = 0; g < k; g++) {
      const churn = (samples[g] as Sample).churn;
      const i = churnAt[g] as number;
      if (i < churn.length && (churn[i] as number) < time) time = churn[i] as number;
    }
    if (time === Number.POSITIVE_INFINITY) break;
    let total = 0;
    let churned = 0;
    for (let g = 0; g < k; g++) {
      const { churn, censor, entries } = samples[g] as Sample;
      let j = censorAt[g] as number;
      while (j < censor.length && (censor[j] as number) < time) j++;
      censorAt[g] = j;
      let e = entryAt[g] as number;
      while (e < entries.length && (entries[e] as number) < time) e++;
      entryAt[g] = e;
      const first = churnAt[g] as number;
      const risk = (atStart[g] as number) + e - first - j;
      let i = first;
      while (i < churn.length && churn[i] === time) i++;
      churnAt[g] = i;
      atRisk[g] = risk;
      events[g] = i - first;
      total += risk;
      churned += i - first;
    }
    const w = weight(total, survival);
    const spread = total > 1 ? (w * w * churned * (total - churned)) / (total - 1) : 0;
    for (let g = 0; g < k; g++) {
      const share = (atRisk[g] as number) / total;
      const expectedHere = churned * share;
      observed[g] = (observed[g] as number) + (events[g] as number);
      expected[g] = (expected[g] as number) + expectedHere;
      score[g] = (score[g] as number) + w * ((events[g] as number) - expectedHere);
      if (spread === 0 || share === 0) continue;
      for (let h = 0; h < k; h++) {
        const other = (atRisk[h] as number) / total;
        const at = g * k + h;
        covariance[at] = (covariance[at] as number) + spread * share * ((g === h ? 1 : 0) - other);
      }
    }
    survival *= (total - churned) / total;
  }
  return { score, covariance, observed, expected };
}

/** Relative size below which a pivot is taken for zero (R's survival uses 1e-9 in cholesky2). */
const TOLERANCE = 1e-9;

/**
 * uᵀ V⁻ u and the rank of V, for a symmetric non-negative definite V (k × k, row-major): Cholesky (LDLᵀ) in
 * place on a copy, a pivot at or below TOLERANCE × the largest diagonal dropping its row and column.
 */
export function quadraticForm(u: Float64Array, matrix: Float64Array): { value: number; rank: number } {
  const k = u.length;
  const a = Float64Array.from(matrix);
  let largest = 0;
  for (let i = 0; i < k; i++) largest = Math.max(largest, a[i * k + i] as number);
  const floor = largest * TOLERANCE;
  const kept = new Uint8Array(k);
  let rank = 0;
  for (let i = 0; i < k; i++) {
    const pivot = a[i * k + i] as number;
    if (!(pivot > floor)) continue;
    kept[i] = 1;
    rank++;
    for (let j = i + 1; j < k; j++) {
      const factor = (a[j * k + i] as number) / pivot;
      a[j * k + i] = factor;
      for (let m = i + 1; m <= j; m++) {
        a[j * k + m] = (a[j * k + m] as number) - factor * pivot * (a[m * k + i] as number);
      }
    }
  }
  // Forward solve L y = u over the kept pivots; then uᵀ V⁻ u = Σ y_i² / D_i.
  const y = Float64Array.from(u);
  let value = 0;
  for (let i = 0; i < k; i++) {
    if (kept[i] === 0) {
      y[i] = 0;
      continue;
    }
    let yi = y[i] as number;
    for (let j = 0; j < i; j++) if (kept[j] === 1) yi -= (a[i * k + j] as number) * (y[j] as number);
    y[i] = yi;
    value += (yi * yi) / (a[i * k + i] as number);
  }
  return { value, rank };
}
