// The Pareto/NBD model's predictions (Schmittlein, Morrison & Colombo 1987, in the notation and with the
// expressions of Fader & Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions", 2005,
// and "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model", 2006): while alive a customer
// buys at Poisson rate λ ~ Gamma(r, α) and dies at exponential rate μ ~ Gamma(s, β). Double precision, in
// log space wherever a power of (α + T) or a gamma function can overflow.
import { logBeta, logGamma } from '../../internal/special.js';
import { type CountModelKind, numberOrNaN } from './kinds.js';
import {
  aliveProbability,
  conditionalExpected,
  conditionalExpectedColumns,
  expectedIfAlive,
  probabilityAliveColumns,
  survivalIntegral,
} from './paretoNbdColumns.js';
import { logHypergeometric } from './paretoNbdSeries.js';

/** The parameters r, α, s, β of a fitted model, in that order. */
function read(parameters: Float64Array): [number, number, number, number] {
  return [parameters[0] as number, parameters[1] as number, parameters[2] as number, parameters[3] as number];
}

/**
 * P(X(t) = n) for a customer just acquired (Fader & Hardie 2006, eq. 19): the customer is alive at t with n
 * purchases, or died at τ < t after n purchases. The second part is B₁ − Σᵢ₌₀ⁿ tⁱ/i!·B₂(i), summed in log
 * space; it loses relative precision when t is small against α and n large (then the first part dominates).
 */
function countProbability(r: number, alpha: number, s: number, beta: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const logT = Math.log(t);
  const aliveAtT =
    logGamma(r + n) -
    logGamma(r) -
    logGamma(n + 1) -
    r * Math.log1p(t / alpha) +
    n * (logT - Math.log(alpha + t)) -
    s * Math.log1p(t / beta);
  const larger = Math.max(alpha, beta);
  const b = alpha < beta ? r + n : s + 1;
  const c = r + s + n + 1;
  const common = r * Math.log(alpha) + s * Math.log(beta) - logGamma(r) - logGamma(s) + logBeta(r + n, s + 1);
  const whole =
    common +
    logGamma(r + s) +
    logHypergeometric(r + s, b, c, Math.abs(alpha - beta) / larger) -
    (r + s) * Math.log(larger);
  const logLater = Math.log(larger + t);
  const zLater = Math.abs(alpha - beta) / (larger + t);
  const later = new Float64Array(n + 1);
  let top = whole;
  for (let i = 0; i <= n; i++) {
    later[i] =
      common +
      logGamma(r + s + i) +
      i * logT -
      logGamma(i + 1) +
      logHypergeometric(r + s + i, b, c, zLater) -
      (r + s + i) * logLater;
    top = Math.max(top, later[i] as number);
  }
  let died = Math.exp(whole - top);
  for (let i = 0; i <= n; i++) died -= Math.exp((later[i] as number) - top);
  const probability = Math.exp(aliveAtT) + Math.max(0, died) * Math.exp(top);
  return Math.min(1, Math.max(0, probability));
}

/** The Pareto/NBD model for the prediction functions; parameters in the order r, α, s, β. */
export const paretoNbd: CountModelKind = {
  name: 'pareto-nbd',
  parameters: ['r', 'alpha', 's', 'beta'],
  readFields: (model, out) => {
    out[0] = numberOrNaN(model.r);
    out[1] = numberOrNaN(model.alpha);
    out[2] = numberOrNaN(model.s);
    out[3] = numberOrNaN(model.beta);
  },
  ageField: 'age',
  discrete: false,
  /** E[X(t)] = (rβ/α)·[1 − (β/(β + t))^(s−1)]/(s − 1) (eq. 27); (rβ/α) ln(1 + t/β) at s = 1. */
  expected(parameters, t) {
    const [r, alpha, s, beta] = read(parameters);
    return ((r * beta) / alpha) * survivalIntegral(s, beta, t);
  },
  /** E[Y(t) | x, tₓ, T] = (r + x)(β + T)/(α + T)·[1 − ((β + T)/(β + T + t))^(s−1)]/(s − 1)·P(alive) (eq. 41). */
  conditionalExpected(parameters, t, history) {
    const [r, alpha, s, beta] = read(parameters);
    return conditionalExpected(r, alpha, s, beta, t, history.frequency, history.recency, history.age);
  },
  /** P(alive | x, tₓ, T) (Fader & Hardie 2005, eq. 36), in [0, 1]. */
  probabilityAlive(parameters, history) {
    const [r, alpha, s, beta] = read(parameters);
    return aliveProbability(r, alpha, s, beta, history.frequency, history.recency, history.age);
  },
  expectedIfAlive(parameters, t, x, age) {
    const [r, alpha, s, beta] = read(parameters);
    return expectedIfAlive(r, alpha, s, beta, t, x, age);
  },
  aliveAtEnd(parameters, history) {
    const [r, alpha, s, beta] = read(parameters);
    return aliveProbability(r, alpha, s, beta, history.frequency, history.recency, history.age);
  },
  countProbability(parameters, n, t) {
    const [r, alpha, s, beta] = read(parameters);
    return countProbability(r, alpha, s, beta, n, t);
  },
  /** The same per customer, with the terms that customers share computed once (paretoNbdColumns.ts). */
  conditionalExpectedColumns(parameters, t, columns, out) {
    const [r, alpha, s, beta] = read(parameters);
    conditionalExpectedColumns(r, alpha, s, beta, t, columns, out);
  },
  probabilityAliveColumns(parameters, columns, out) {
    const [r, alpha, s, beta] = read(parameters);
    probabilityAliveColumns(r, alpha, s, beta, columns, out);
  },
};
