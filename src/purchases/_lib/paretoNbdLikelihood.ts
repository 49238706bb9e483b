// The Pareto/NBD log-likelihood of a customer base and its analytic gradient in the logs of (r, α, s, β),
// for the BFGS maximiser. Work that depends on a customer's history only through x, or through a pair
// (x, t), is done once per distinct value: ln Γ(r + x) − ln Γ(r) and ψ(r + x) − ψ(r) per distinct x, and
// the end term J(t) of `paretoNbdTerms` per distinct (x, t) among the customers' (x, tₓ) and (x, T), and
// the rest once per distinct history (x, tₓ, T), weighted by its customers (see `historyGroups`).
import { digamma, logGamma } from '../../internal/special.js';
import type { Objective } from './maximize.js';
import { groupHistories, type Histories } from './historyGroups.js';
import { logBracket, logEndTerm, TERM_SIZE } from './paretoNbdTerms.js';

/**
 * The objective for `maximize`: Σ ln L(r, α, s, β | xᵢ, tₓᵢ, Tᵢ) at (ln r, ln α, ln s, ln β), with its
 * gradient in those logs (∂ℓ/∂ln θ = θ ∂ℓ/∂θ). −Infinity where the sum is not finite.
 */
export function paretoNbdObjective(histories: Histories): Objective {
  const n = histories.frequency.length;
  const { frequencies, pairFrequency, pairTime, frequencyOf, recencyPair, agePair, age, count } =
    groupHistories(histories);
  const distinct = count.length;
  const logGammas = new Float64Array(frequencies.length);
  const digammas = new Float64Array(frequencies.length);
  const terms = new Float64Array(pairTime.length * TERM_SIZE);
  const bracket = new Float64Array(4);
  return (point, gradient) => {
    const r = Math.exp(point[0] as number);
    const alpha = Math.exp(point[1] as number);
    const s = Math.exp(point[2] as number);
    const beta = Math.exp(point[3] as number);
    const logGammaR = logGamma(r);
    const digammaR = digamma(r);
    for (let k = 0; k < frequencies.length; k++) {
      const x = frequencies[k] as number;
      logGammas[k] = x === 0 ? 0 : logGamma(r + x) - logGammaR;
      digammas[k] = x === 0 ? 0 : digamma(r + x) - digammaR;
    }
    for (let k = 0; k < pairTime.length; k++) {
      logEndTerm(r, alpha, s, beta, pairFrequency[k] as number, pairTime[k] as number, terms, k * TERM_SIZE);
    }
    let sum = n * (r * Math.log(alpha) + s * Math.log(beta));
    let dr = n * Math.log(alpha);
    let ds = n * Math.log(beta);
    let dAlpha = (n * r) / alpha;
    let dBeta = (n * s) / beta;
    for (let i = 0; i < distinct; i++) {
      const k = frequencyOf[i] as number;
      const x = frequencies[k] as number;
      const customers = count[i] as number;
      const value = logBracket(
        r,
        alpha,
        s,
        beta,
        x,
        age[i] as number,
        terms,
        (recencyPair[i] as number) * TERM_SIZE,
        (agePair[i] as number) * TERM_SIZE,
        bracket,
        undefined,
      );
      sum += customers * ((logGammas[k] as number) + value);
      dr += customers * ((digammas[k] as number) + (bracket[0] as number));
      dAlpha += customers * (bracket[1] as number);
      ds += customers * (bracket[2] as number);
      dBeta += customers * (bracket[3] as number);
    }
    gradient[0] = r * dr;
    gradient[1] = alpha * dAlpha;
    gradient[2] = s * ds;
    gradient[3] = beta * dBeta;
    if (!Number.isFinite(sum) || !gradient.every(Number.isFinite)) return Number.NEGATIVE_INFINITY;
    return sum;
  };
}
