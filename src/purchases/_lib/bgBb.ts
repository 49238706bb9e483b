// The predictions of the beta-geometric/beta-binomial (BG/BB) model (Fader, Hardie & Shang 2010), in
// double precision (about 1e-10 relative: the closed form of the survival sum loses digits as γ nears 1).
// Time is counted in opportunities: a customer can buy only at opportunities 1, 2, …, so every expectation
// over `t` opportunities uses ⌊t⌋ of them. Parameters in the order α, β, γ, δ.
import { logBeta, logGamma } from '../../internal/special.js';
import { type CountModelKind, type History, numberOrNaN } from './kinds.js';
import { type PatternScore, scoreByPattern } from './patternScores.js';

/** Below this distance of γ from 1 the closed form of the survival sum cancels, so it is summed instead. */
const NEAR_ONE = 1e-2;
/** Sums of at most this many terms are added up directly (exact to a few ulps, and as fast). */
const SHORT = 64;

/**
 * Σ_{i=1}^{k} B(γ, d + i)/B(γ, d): the expected opportunities, among the next k, at which a customer whose
 * lapse probability is Beta(γ, d) is still alive. Closed form (the paper's equation 9 with δ = d):
 * d/(γ − 1) · (1 − Γ(γ + d) Γ(1 + d + k) / (Γ(1 + d) Γ(γ + d + k))).
 */
export function survivalSum(gamma: number, d: number, k: number): number {
  if (k <= 0) return 0;
  if (k <= SHORT || Math.abs(gamma - 1) < NEAR_ONE) {
    let term = 1;
    let sum = 0;
    for (let i = 0; i < k; i++) {
      term *= (d + i) / (gamma + d + i);
      sum += term;
    }
    return sum;
  }
  const logRatio = logGamma(gamma + d) - logGamma(1 + d) + logGamma(1 + d + k) - logGamma(gamma + d + k);
  return (d / (gamma - 1)) * -Math.expm1(logRatio);
}

/** ln of x + y from ln x and ln y. */
function logAdd(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * ln L(x, t_x, n) − ln[B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)]: the log of the likelihood
 * relative to its first term (that of a customer alive through all n opportunities), so ≥ 0.
 */
function logLikelihoodOverAlive(parameters: Float64Array, x: number, t: number, n: number): number {
  const [alpha, beta, gamma, delta] = parameters as unknown as [number, number, number, number];
  const first = logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n);
  let total = 0;
  for (let i = 0; i < n - t; i++) {
    total = logAdd(total, logBeta(alpha + x, beta + t - x + i) + logBeta(gamma + 1, delta + t + i) - first);
  }
  return total;
}

/** P(alive at opportunity n | x, t_x, n). */
function aliveAtEnd(parameters: Float64Array, history: History): number {
  const n = Math.floor(history.age);
  return Math.exp(-logLikelihoodOverAlive(parameters, history.frequency, history.recency, n));
}

/** The BG/BB model's formulas. */
export const bgBb: CountModelKind &
  Required<Pick<CountModelKind, 'conditionalExpectedColumns' | 'probabilityAliveColumns'>> = {
  name: 'bg-bb',
  parameters: ['alpha', 'beta', 'gamma', 'delta'],
  readFields: (model, out) => {
    out[0] = numberOrNaN(model.alpha);
    out[1] = numberOrNaN(model.beta);
    out[2] = numberOrNaN(model.gamma);
    out[3] = numberOrNaN(model.delta);
  },
  ageField: 'opportunities',
  discrete: true,

  /** E[X(n)] = α/(α + β) · Σ_{i=1}^{n} B(γ, δ + i)/B(γ, δ) (the paper's equation 9). */
  expected(parameters, t) {
    const [alpha, beta, gamma, delta] = parameters as unknown as [number, number, number, number];
    return (alpha / (alpha + beta)) * survivalSum(gamma, delta, Math.floor(t));
  },

  /**
   * E[X(n, n + n*) | x, t_x, n] = P(alive at n | ·) · (α + x)/(α + β + n) · Σ_{i=1}^{n*} B(γ, δ + n + i)/B(γ, δ + n),
   * the paper's equation 13 written with the posterior of θ, Beta(γ, δ + n), among customers alive at n.
   */
  conditionalExpected(parameters, t, history) {
    const [alpha, beta, gamma, delta] = parameters as unknown as [number, number, number, number];
    const n = Math.floor(history.age);
    const k = Math.floor(t);
    if (k <= 0) return 0;
    const buying = (alpha + history.frequency) / (alpha + beta + n);
    return aliveAtEnd(parameters, history) * buying * survivalSum(gamma, delta + n, k);
  },

  /** (α + x)/(α + β + n) · Σ_{i=1}^{n*} B(γ, δ + n + i)/B(γ, δ + n): equation 13's factor given alive at n. */
  expectedIfAlive(parameters, t, x, age) {
    const [alpha, beta, gamma, delta] = parameters as unknown as [number, number, number, number];
    const n = Math.floor(age);
    const k = Math.floor(t);
    if (k <= 0) return 0;
    return ((alpha + x) / (alpha + beta + n)) * survivalSum(gamma, delta + n, k);
  },

  aliveAtEnd: aliveAtEnd,

  /** P(alive at opportunity n + 1 | x, t_x, n) (the paper's equation 11, lifetimes' m = 1; its Table 6). */
  probabilityAlive(parameters, history) {
    const [, , gamma, delta] = parameters as unknown as [number, number, number, number];
    const n = Math.floor(history.age);
    return aliveAtEnd(parameters, history) * ((delta + n) / (gamma + delta + n));
  },

  /**
   * P(X(n) = x) = C(n, x) B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
   *   + Σ_{i=x}^{n−1} C(i, x) B(α + x, β + i − x)/B(α, β) · B(γ + 1, δ + i)/B(γ, δ) (the paper's equation 7).
   */
  countProbability(parameters, x, t) {
    const [alpha, beta, gamma, delta] = parameters as unknown as [number, number, number, number];
    const n = Math.floor(t);
    if (x > n || x < 0) return 0;
    const base = logBeta(alpha, beta) + logBeta(gamma, delta);
    const logChoose = (m: number) => -Math.log(m + 1) - logBeta(m - x + 1, x + 1);
    let total = logChoose(n) + logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n) - base;
    for (let i = x; i < n; i++) {
      total = logAdd(total, logChoose(i) + logBeta(alpha + x, beta + i - x) + logBeta(gamma + 1, delta + i) - base);
    }
    return Math.min(1, Math.exp(total));
  },

  /** E[X(n, n + n*) | x, t_x, n] of a base, computed once per distinct (x, t_x, n) (patternScores.ts). */
  conditionalExpectedColumns(parameters, t, columns, out) {
    scoreByPattern(columns, out, conditionalExpectedOf, parameters, t);
  },

  /** P(alive at n + 1 | x, t_x, n) of a base, computed once per distinct (x, t_x, n). */
  probabilityAliveColumns(parameters, columns, out) {
    scoreByPattern(columns, out, probabilityAliveOf, parameters, 0);
  },
};

const conditionalExpectedOf: PatternScore = (parameters, t, history) =>
  bgBb.conditionalExpected(parameters, t, history);
const probabilityAliveOf: PatternScore = (parameters, _t, history) => bgBb.probabilityAlive(parameters, history);
