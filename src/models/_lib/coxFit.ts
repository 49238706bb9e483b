// The Cox partial likelihood (Efron's or Breslow's handling of tied churn times, late entry allowed) and its
// Newton–Raphson maximisation with step halving, on standardized covariates.

/** Sorted, standardized data the likelihood is evaluated on. */
export interface CoxDesign {
  readonly n: number;
  readonly p: number;
  /** Standardized covariates, row-major, rows in decreasing order of duration. */
  readonly z: Float64Array;
  readonly churned: Uint8Array;
  /** Start of each group of equal durations in the sorted rows, and n at the end. */
  readonly groupStart: Uint32Array;
  readonly groupTime: Float64Array;
  /** Rows in decreasing order of entry, and their entries (empty without late entry). */
  readonly entryOrder: Uint32Array;
  readonly entrySorted: Float64Array;
}

export type Ties = 'efron' | 'breslow';

export interface Evaluation {
  readonly logLikelihood: number;
  readonly gradient: Float64Array;
  /** The observed information (minus the Hessian), p × p, row-major. */
  readonly information: Float64Array;
}

/** Partial log-likelihood, its gradient and the information at `beta` (standardized scale). */
export function evaluate(design: CoxDesign, beta: Float64Array, ties: Ties): Evaluation {
  const { n, p, z, churned, groupStart, groupTime, entryOrder, entrySorted } = design;
  const eta = new Float64Array(n);
  let shift = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let j = 0; j < p; j++) e += (z[i * p + j] as number) * (beta[j] as number);
    eta[i] = e;
    if (e > shift) shift = e;
  }
  // Weights exp(η − max η) ≤ 1 cannot overflow; the shift comes back in each log of a risk-set sum.
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const d1 = new Float64Array(p);
  const d2 = new Float64Array(p * p);
  const a = new Float64Array(p);
  const gradient = new Float64Array(p);
  const information = new Float64Array(p * p);
  let s0 = 0;
  let logLikelihood = 0;
  let exitAt = 0;
  const groups = groupTime.length;
  for (let g = 0; g < groups; g++) {
    const time = groupTime[g] as number;
    let d0 = 0;
    let events = 0;
    d1.fill(0);
    d2.fill(0);
    for (let i = groupStart[g] as number; i < (groupStart[g + 1] as number); i++) {
      const w = Math.exp((eta[i] as number) - shift);
      const row = i * p;
      s0 += w;
      for (let j = 0; j < p; j++) {
        const wz = w * (z[row + j] as number);
        s1[j] = (s1[j] as number) + wz;
        for (let k = 0; k <= j; k++) s2[j * p + k] = (s2[j * p + k] as number) + wz * (z[row + k] as number);
      }
      if (churned[i] === 1) {
        events++;
        d0 += w;
        logLikelihood += eta[i] as number;
        for (let j = 0; j < p; j++) {
          const zj = z[row + j] as number;
          gradient[j] = (gradient[j] as number) + zj;
          d1[j] = (d1[j] as number) + w * zj;
          for (let k = 0; k <= j; k++) d2[j * p + k] = (d2[j * p + k] as number) + w * zj * (z[row + k] as number);
        }
      }
    }
    // Customers who entered at or after this time were not yet at risk: out of the sums from here down.
    while (exitAt < entryOrder.length && (entrySorted[exitAt] as number) >= time) {
      const i = entryOrder[exitAt++] as number;
      const w = Math.exp((eta[i] as number) - shift);
      const row = i * p;
      s0 -= w;
      for (let j = 0; j < p; j++) {
        const wz = w * (z[row + j] as number);
        s1[j] = (s1[j] as number) - wz;
        for (let k = 0; k <= j; k++) s2[j * p + k] = (s2[j * p + k] as number) - wz * (z[row + k] as number);
      }
    }
    for (let l = 0; l < events; l++) {
      const f = ties === 'efron' ? l / events : 0;
      const denominator = s0 - f * d0;
      logLikelihood -= Math.log(denominator) + shift;
      for (let j = 0; j < p; j++) {
        a[j] = ((s1[j] as number) - f * (d1[j] as number)) / denominator;
        gradient[j] = (gradient[j] as number) - (a[j] as number);
      }
      for (let j = 0; j < p; j++) {
        for (let k = 0; k <= j; k++) {
          const at = j * p + k;
          information[at] =
            (information[at] as number) +
            ((s2[at] as number) - f * (d2[at] as number)) / denominator -
            (a[j] as number) * (a[k] as number);
        }
      }
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) information[k * p + j] = information[j * p + k] as number;
  return { logLikelihood, gradient, information };
}

/**
 * Cholesky factor L (lower, row-major) of a symmetric matrix, or the index of the first pivot that is not
 * clearly positive (relative to its diagonal): that column is a linear combination of those before it.
 */
export function cholesky(matrix: Float64Array, p: number): { factor: Float64Array } | { failedAt: number } {
  const factor = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let pivot = matrix[j * p + j] as number;
    for (let k = 0; k < j; k++) pivot -= (factor[j * p + k] as number) ** 2;
    if (!(pivot > 1e-10 * Math.max(matrix[j * p + j] as number, 1e-300))) return { failedAt: j };
    const root = Math.sqrt(pivot);
    factor[j * p + j] = root;
    for (let i = j + 1; i < p; i++) {
      let v = matrix[i * p + j] as number;
      for (let k = 0; k < j; k++) v -= (factor[i * p + k] as number) * (factor[j * p + k] as number);
      factor[i * p + j] = v / root;
    }
  }
  return { factor };
}

/** Solves L Lᵀ x = b. */
export function solve(factor: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let v = b[i] as number;
    for (let k = 0; k < i; k++) v -= (factor[i * p + k] as number) * (y[k] as number);
    y[i] = v / (factor[i * p + i] as number);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let v = y[i] as number;
    for (let k = i + 1; k < p; k++) v -= (factor[k * p + i] as number) * (x[k] as number);
    x[i] = v / (factor[i * p + i] as number);
  }
  return x;
}

/** The diagonal of (L Lᵀ)⁻¹: the variances of the estimates. */
export function inverseDiagonal(factor: Float64Array, p: number): Float64Array {
  const diagonal = new Float64Array(p);
  const unit = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    unit.fill(0);
    unit[j] = 1;
    diagonal[j] = solve(factor, p, unit)[j] as number;
  }
  return diagonal;
}

export interface NewtonResult {
  readonly beta: Float64Array;
  readonly at: Evaluation;
  readonly nullLogLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Covariates whose estimate runs away (a Newton step still large once the likelihood has settled). */
  readonly diverging: readonly number[];
  /** A covariate the information cannot pin down at the start (no variation in the risk sets, collinear). */
  readonly singularAt: number | null;
}

/** Largest Newton step, in standard deviations of a covariate, taken in one iteration. */
const MAX_STEP = 10;
const MAX_HALVINGS = 40;

/**
 * Newton–Raphson from β = 0, as R's coxph: a step that lowers the likelihood is halved back towards the
 * previous estimate; the search has converged when the log-likelihood changes by at most `tolerance`
 * relative. A separating covariate makes the likelihood rise towards a limit as its coefficient grows
 * without bound: the likelihood settles while the Newton step stays large, which is how it is detected.
 */
export function maximizePartialLikelihood(
  design: CoxDesign,
  ties: Ties,
  maxIterations: number,
  tolerance: number,
): NewtonResult {
  const p = design.p;
  let beta = new Float64Array(p);
  let at = evaluate(design, beta, ties);
  const nullLogLikelihood = at.logLikelihood;
  let iterations = 0;
  let converged = false;
  let step: Float64Array | null = null;
  const start = cholesky(at.information, p);
  if ('failedAt' in start) {
    return { beta, at, nullLogLikelihood, iterations, converged, diverging: [], singularAt: start.failedAt };
  }
  step = solve(start.factor, p, at.gradient);
  while (iterations < maxIterations) {
    iterations++;
    let largest = 0;
    for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(step[j] as number));
    const scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
    let candidate = new Float64Array(p);
    for (let j = 0; j < p; j++) candidate[j] = (beta[j] as number) + scale * (step[j] as number);
    let next = evaluate(design, candidate, ties);
    for (let h = 0; h < MAX_HALVINGS && !(next.logLikelihood >= at.logLikelihood); h++) {
      const halfway = new Float64Array(p);
      for (let j = 0; j < p; j++) halfway[j] = ((beta[j] as number) + (candidate[j] as number)) / 2;
      candidate = halfway;
      next = evaluate(design, candidate, ties);
    }
    if (!(next.logLikelihood >= at.logLikelihood)) break;
    const change = Math.abs(next.logLikelihood - at.logLikelihood);
    beta = candidate;
    at = next;
    const factor = cholesky(at.information, p);
    if ('failedAt' in factor) {
      // The information vanished along a direction: the estimate has run off towards infinity there.
      return {
        beta,
        at,
        nullLogLikelihood,
        iterations,
        converged: false,
        diverging: [factor.failedAt],
        singularAt: null,
      };
    }
    step = solve(factor.factor, p, at.gradient);
    if (change <= tolerance * Math.abs(at.logLikelihood)) {
      converged = true;
      break;
    }
  }
  const diverging: number[] = [];
  if (converged) {
    const bound = Math.sqrt(tolerance);
    for (let j = 0; j < p; j++) {
      const s = Math.abs(step[j] as number);
      if (s > bound && s > bound * Math.abs(beta[j] as number)) diverging.push(j);
    }
  }
  return { beta, at, nullLogLikelihood, iterations, converged, diverging, singularAt: null };
}
