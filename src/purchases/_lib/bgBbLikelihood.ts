// The log-likelihood of the beta-geometric/beta-binomial (BG/BB) model and its gradient, for patterns
// (x, t_x, n) weighted by the number of customers sharing them (Fader, Hardie & Shang 2010, equation 5):
//
//   L(x, t_x, n) = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
//                + Σ_{i=0}^{n−t_x−1} B(α + x, β + t_x − x + i)/B(α, β) · B(γ + 1, δ + t_x + i)/B(γ, δ),
//
// each term computed as a logarithm and the sum taken as a log-sum-exp, so that hundreds of opportunities
// never underflow. Every ratio of Beta functions is a ratio of Γ(a + k)/Γ(a) for a parameter a and a whole
// offset k from 0 to the largest n, so ln Γ(a + k) − ln Γ(a) and ψ(a + k) − ψ(a) are tabulated once per
// evaluation, and each term costs a few look-ups. The tables hold those differences, never ln Γ itself: at
// α = 10¹⁵ a value of ln Γ has an ulp of 4, and a difference of two of them would be noise.
import { logGamma } from '../../internal/special.js';

/** Distinct purchase patterns and how many customers share each. */
export interface Patterns {
  readonly frequency: Int32Array;
  readonly recency: Int32Array;
  readonly opportunities: Int32Array;
  readonly count: Float64Array;
  /** The largest n. */
  readonly longest: number;
}

/**
 * ln Γ(a + k) − ln Γ(a) and ψ(a + k) − ψ(a) for k = 0 … size − 1. The digamma differences are the sums
 * Σ_{j<k} 1/(a + j) (positive terms: no cancellation). The log-gamma differences are taken from ln Γ while a
 * is small, where that loses at most an ulp of ln Γ(a + k), and summed as Σ_{j<k} ln(a + j) once a is large,
 * where ln Γ itself would be too coarse.
 */
function tables(a: number, size: number, logs: Float64Array, psis: Float64Array): void {
  logs[0] = 0;
  psis[0] = 0;
  const base = a < 1e4 ? logGamma(a) : 0;
  for (let k = 1; k < size; k++) {
    psis[k] = (psis[k - 1] as number) + 1 / (a + k - 1);
    logs[k] = a < 1e4 ? logGamma(a + k) - base : (logs[k - 1] as number) + Math.log(a + k - 1);
  }
}

/** Reusable work space for one data set: five pairs of tables over 0 … longest + 1. */
export class BgBbWorkspace {
  readonly size: number;
  readonly lgA: Float64Array;
  readonly lgB: Float64Array;
  readonly lgAB: Float64Array;
  readonly lgD: Float64Array;
  readonly lgGD: Float64Array;
  readonly psA: Float64Array;
  readonly psB: Float64Array;
  readonly psAB: Float64Array;
  readonly psD: Float64Array;
  readonly psGD: Float64Array;
  constructor(longest: number) {
    this.size = longest + 2;
    const make = () => new Float64Array(this.size);
    this.lgA = make();
    this.lgB = make();
    this.lgAB = make();
    this.lgD = make();
    this.lgGD = make();
    this.psA = make();
    this.psB = make();
    this.psAB = make();
    this.psD = make();
    this.psGD = make();
  }

  fill(alpha: number, beta: number, gamma: number, delta: number): void {
    tables(alpha, this.size, this.lgA, this.psA);
    tables(beta, this.size, this.lgB, this.psB);
    tables(alpha + beta, this.size, this.lgAB, this.psAB);
    tables(delta, this.size, this.lgD, this.psD);
    tables(gamma + delta, this.size, this.lgGD, this.psGD);
  }
}

/**
 * Σ count · ln L over the patterns at θ = (α, β, γ, δ) = exp(point); fills `gradient` with the derivatives
 * with respect to ln α, ln β, ln γ, ln δ. Returns −Infinity where the value is not finite.
 */
export function bgBbLogLikelihood(
  patterns: Patterns,
  work: BgBbWorkspace,
  point: ArrayLike<number>,
  gradient: Float64Array,
): number {
  const alpha = Math.exp(point[0] as number);
  const beta = Math.exp(point[1] as number);
  const gamma = Math.exp(point[2] as number);
  const delta = Math.exp(point[3] as number);
  work.fill(alpha, beta, gamma, delta);
  const { lgA, lgB, lgAB, lgD, lgGD, psA, psB, psAB, psD, psGD } = work;
  // ln Γ(γ + 1) − ln Γ(γ) and ψ(γ + 1) − ψ(γ): the terms of a customer who lapsed carry B(γ + 1, ·).
  const lgG1 = Math.log(gamma);
  const psG1 = 1 / gamma;
  const { frequency, recency, opportunities, count } = patterns;
  let total = 0;
  let gA = 0;
  let gB = 0;
  let gG = 0;
  let gD = 0;
  for (let p = 0; p < count.length; p++) {
    const x = frequency[p] as number;
    const t = recency[p] as number;
    const n = opportunities[p] as number;
    const w = count[p] as number;
    const common = lgA[x] as number;
    // The term of a customer alive through all n opportunities.
    const first = common + (lgB[n - x] as number) - (lgAB[n] as number) + (lgD[n] as number) - (lgGD[n] as number);
    let largest = first;
    for (let i = 0; i < n - t; i++) {
      const term =
        common +
        (lgB[t - x + i] as number) -
        (lgAB[t + i] as number) +
        lgG1 +
        (lgD[t + i] as number) -
        (lgGD[t + i + 1] as number);
      if (term > largest) largest = term;
    }
    // Weighted sums of the terms' varying derivative parts, the weights being exp(term − largest).
    let weight = Math.exp(first - largest);
    let sum = weight;
    let sAB = weight * (psAB[n] as number);
    let sB = weight * (psB[n - x] as number);
    let sGD = weight * (psGD[n] as number);
    let sD = weight * (psD[n] as number);
    const alive = weight;
    for (let i = 0; i < n - t; i++) {
      const term =
        common +
        (lgB[t - x + i] as number) -
        (lgAB[t + i] as number) +
        lgG1 +
        (lgD[t + i] as number) -
        (lgGD[t + i + 1] as number);
      weight = Math.exp(term - largest);
      sum += weight;
      sAB += weight * (psAB[t + i] as number);
      sB += weight * (psB[t - x + i] as number);
      sGD += weight * (psGD[t + i + 1] as number);
      sD += weight * (psD[t + i] as number);
    }
    total += w * (largest + Math.log(sum));
    const inverse = w / sum;
    gA += w * (psA[x] as number) - inverse * sAB;
    gB += inverse * (sB - sAB);
    gG += inverse * ((sum - alive) * psG1 - sGD);
    gD += inverse * (sD - sGD);
  }
  gradient[0] = alpha * gA;
  gradient[1] = beta * gB;
  gradient[2] = gamma * gG;
  gradient[3] = delta * gD;
  if (!Number.isFinite(total)) return Number.NEGATIVE_INFINITY;
  for (let k = 0; k < 4; k++) if (!Number.isFinite(gradient[k] as number)) return Number.NEGATIVE_INFINITY;
  return total;
}
