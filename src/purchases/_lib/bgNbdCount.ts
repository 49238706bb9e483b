// P(X(t) = n), the BG/NBD probability that a customer just acquired makes exactly n repeat purchases in t
// time units (Fader, Hardie & Lee 2005, eq. 8):
//   P(X(t) = n) = B(a, b + n)/B(a, b) · NB(n) + δ_{n>0} · B(a + 1, b + n − 1)/B(a, b) · P(N ≥ n),
// N negative binomial with NB(j) = Γ(r + j)/(Γ(r) j!) p^r q^j, p = α/(α + t), q = t/(α + t).
//
// For n up to RECURRENCE_UP_TO every factor comes from a recurrence instead of ln Γ (five calls of ln Γ
// or ln B, each ~40 ns, and exponentials): B(a, b + n)/B(a, b) = (b)_n/(a + b)_n = Π_{j<n} (b + j)/(a + b + j),
// B(a + 1, b + n − 1)/B(a, b) = a/(b + n − 1) · (b)_n/(a + b)_n, NB(j + 1) = NB(j) · (r + j)/(j + 1) · q, and
// the same loop sums Σ_{j<n} NB(j). A tail far from the mean is the regularised incomplete beta function
// P(N ≥ n) = I_q(n, r) = NB(n) · K, K its continued fraction (Abramowitz & Stegun 26.5.8), a few dozen steps
// where the sum of the terms from n on takes hundreds (ln(1e-17)/ln q: 370 for q = 0.9). Each value is within
// about 1e-14 relative of the logarithmic path below, which answers the other cases (a large n, a factor
// near underflow, a continued fraction that converges slowly).
import { logBeta, logGamma } from '../../internal/special.js';

/** Up to this n the factors come from recurrences: at most ~3n roundings each. */
const RECURRENCE_UP_TO = 200;
/** Below this the recurrences' values leave the normal range: the logarithmic path answers. */
const TINY = 1e-280;
/** A tail of at least this size is 1 − Σ_{j<n} NB(j): the subtraction loses at most a factor 4 of precision. */
const COMPLEMENT_FROM = 0.25;
/** Steps of the continued fraction before it is abandoned for the sum of the terms. */
const MAX_STEPS = 200;

/** P(X(t) = n) of a customer just acquired (eq. 8). */
export function countProbability(r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const logP = -Math.log1p(t / alpha);
  if (n === 0) return Math.exp(r * logP);
  if (n <= RECURRENCE_UP_TO) {
    const value = byRecurrence(r, a, b, n, t / (alpha + t), Math.exp(r * logP));
    if (!Number.isNaN(value)) return value;
  }
  return byLogarithms(r, alpha, a, b, n, t);
}

/**
 * Eq. 8 for n ≥ 1 from ln B and ln Γ, the tail summed from n upwards above the mean: every n, every horizon
 * (exported for the tests, which compare the recurrences with it).
 */
export function byLogarithms(r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  const logP = -Math.log1p(t / alpha);
  const logQ = Math.log(t / (alpha + t));
  const lnBeta = logBeta(a, b);
  const first = Math.exp(logBeta(a, b + n) - lnBeta + logNegativeBinomial(r, n, logP, logQ));
  const tail = negativeBinomialTail(r, n, logP, logQ, t / (alpha + t));
  return Math.min(1, first + Math.exp(logBeta(a + 1, b + n - 1) - lnBeta) * tail);
}

/** Eq. 8 from the recurrences, for 1 ≤ n ≤ RECURRENCE_UP_TO; NaN when the logarithmic path must answer. */
function byRecurrence(r: number, a: number, b: number, n: number, q: number, first: number): number {
  let term = first;
  let below = 0;
  let ratio = 1;
  for (let j = 0; j < n; j++) {
    below += term;
    term *= ((r + j) / (j + 1)) * q;
    ratio *= (b + j) / (a + b + j);
  }
  // term = NB(n), below = Σ_{j<n} NB(j), ratio = B(a, b + n)/B(a, b).
  if (!(term > TINY && ratio > TINY)) return Number.NaN;
  let tail: number;
  if (n <= (r * q) / (1 - q) || 1 - below >= COMPLEMENT_FROM) tail = Math.max(0, 1 - below);
  else {
    const fraction = incompleteBetaFraction(n, r, q);
    if (Number.isNaN(fraction)) return Number.NaN;
    tail = Math.min(1, term * fraction);
  }
  return Math.min(1, ratio * term + ratio * (a / (b + n - 1)) * tail);
}

/**
 * The continued fraction K of I_x(a, b) = x^a (1 − x)^b/(a B(a, b)) · K (A&S 26.5.8; W. H. Press et al.,
 * Numerical Recipes, 3rd ed., §6.4): K = 1/(1 + d_1/(1 + d_2/(1 + …))) with
 * d_{2m+1} = −(a + m)(a + b + m) x/((a + 2m)(a + 2m + 1)), d_{2m} = m (b − m) x/((a + 2m − 1)(a + 2m)).
 * Its convergents P_k/Q_k follow P_k = P_{k−1} + d_{k−1} P_{k−2} (Q_k likewise), rescaled to Q_k = 1 after
 * each pair of steps: multiplications only on the dependent path, where the Lentz method divides twice per
 * step. It converges quickly for x < (a + 1)/(a + b + 2); NaN when MAX_STEPS pairs do not settle to 1e-16.
 */
function incompleteBetaFraction(a: number, b: number, x: number): number {
  // (P_0, Q_0) = (0, 1), (P_1, Q_1) = (1, 1), then d_1.
  let previousP = 1;
  let previousQ = 1;
  let p = 1;
  let q = 1 - ((a + b) * x) / (a + 1);
  let value = Number.NaN;
  for (let m = 1; m <= MAX_STEPS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    const p1 = p + even * previousP;
    const q1 = q + even * previousQ;
    const p2 = p1 + odd * p;
    const q2 = q1 + odd * q;
    const scale = 1 / q2;
    previousP = p1 * scale;
    previousQ = q1 * scale;
    p = p2 * scale;
    q = 1;
    if (Math.abs(p - value) <= 1e-16 * Math.abs(p)) return p;
    value = p;
  }
  return Number.NaN;
}

/** ln of the negative binomial probability Γ(r + j)/(Γ(r) j!) p^r q^j, with ln p and ln q given. */
const logNegativeBinomial = (r: number, j: number, logP: number, logQ: number): number =>
  logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logP + (j === 0 ? 0 : j * logQ);

/**
 * P(N ≥ n) for N negative binomial (r, p = α/(α + t)): 1 − Σ_{j<n} P(N = j) below the mean, the sum of the
 * terms from n on above it (so a tiny tail keeps its digits).
 */
function negativeBinomialTail(r: number, n: number, logP: number, logQ: number, q: number): number {
  const mean = (r * q) / (1 - q);
  let term = Math.exp(logNegativeBinomial(r, n <= mean ? 0 : n, logP, logQ));
  let sum = 0;
  if (n <= mean) {
    for (let j = 0; j < n; j++) {
      sum += term;
      term *= ((r + j) / (j + 1)) * q;
    }
    return Math.max(0, 1 - sum);
  }
  for (let j = n; term > 1e-17 * sum || sum === 0; j++) {
    if (term === 0) break;
    sum += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  return Math.min(1, sum);
}
