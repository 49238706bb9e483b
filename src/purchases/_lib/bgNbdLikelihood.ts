// The BG/NBD log-likelihood of a base and its analytic gradient, over the logarithms of (r, α, a, b).
//
// Fader, Hardie & Lee (2005), eq. 6, for one customer (x, t_x, T):
//   L = B(a, b + x)/B(a, b) · Γ(r + x)/Γ(r) · α^r
//       · [ (α + T)^−(r+x) + δ_{x>0} · a/(b + x − 1) · (α + t_x)^−(r+x) ].
// Written as ln L = K(x) + r ln α − (r + x) ln(α + T) + softplus(d), where K(x) gathers the ln Γ and ln B
// terms (computed once per distinct x), d = ln(a/(b + x − 1)) + (r + x) ln((α + T)/(α + t_x)) and
// softplus(d) = ln(1 + e^d): the log-sum-exp of the bracket's two terms, which never overflows, whatever x.
// w = e^d/(1 + e^d) is the weight of the second term in the gradient.
//
// The sum runs over distinct histories (x, t_x, T) weighted by their customers, and ln(α + t) is taken
// once per distinct pair (x, t) (see `historyGroups`): a base summarised in days or weeks has far fewer of
// either than customers, so an evaluation costs an exponential and a logarithm per distinct history with
// repeat purchases, and nothing else per customer.
import { digamma, logBeta, logGamma } from '../../internal/special.js';
import { groupHistories, type Histories, type HistoryGroups } from './historyGroups.js';

/** Beyond e^±LIMIT a parameter (α in units of the time scale) is outside the search: the likelihood is −Infinity. */
export const LIMIT = 30;

/** A base prepared for repeated evaluations of the likelihood, with its scratch space. */
export interface BgNbdData {
  readonly groups: HistoryGroups;
  /** Customers in the base. */
  readonly customers: number;
  /** The time scale (the mean age): the search is over ln(α/scale), so that any unit is well conditioned. */
  readonly scale: number;
  /** Per distinct x: its customers. */
  readonly customersOf: Float64Array;
  /** Per distinct x: K(x), ln(a/(b + x − 1)), 1/(b + x − 1). */
  readonly constant: Float64Array;
  readonly logOdds: Float64Array;
  readonly inverse: Float64Array;
  /** Per distinct pair (x, t): ln(α + t) and 1/(α + t). */
  readonly logTime: Float64Array;
  readonly inverseTime: Float64Array;
}

export function prepareBgNbd(histories: Histories, scale = 1): BgNbdData {
  const groups = groupHistories(histories);
  const m = groups.frequencies.length;
  const pairs = groups.pairTime.length;
  const customersOf = new Float64Array(m);
  for (let h = 0; h < groups.count.length; h++) {
    const j = groups.frequencyOf[h] as number;
    customersOf[j] = (customersOf[j] as number) + (groups.count[h] as number);
  }
  return {
    groups,
    customers: histories.frequency.length,
    scale,
    customersOf,
    constant: new Float64Array(m),
    logOdds: new Float64Array(m),
    inverse: new Float64Array(m),
    logTime: new Float64Array(pairs),
    inverseTime: new Float64Array(pairs),
  };
}

/**
 * ln L of the whole base at (r, α/scale, a, b) = exp(point), filling `gradient` with ∂ ln L/∂ ln θ;
 * −Infinity (and an untouched gradient) outside [e^−30, e^30].
 */
export function bgNbdLogLikelihood(data: BgNbdData, point: Float64Array, gradient: Float64Array): number {
  for (let k = 0; k < 4; k++) if (!(Math.abs(point[k] as number) <= LIMIT)) return Number.NEGATIVE_INFINITY;
  const r = Math.exp(point[0] as number);
  const alpha = Math.exp(point[1] as number) * data.scale;
  const a = Math.exp(point[2] as number);
  const b = Math.exp(point[3] as number);
  if (!(alpha > 0 && alpha < Number.POSITIVE_INFINITY)) return Number.NEGATIVE_INFINITY;
  const { groups, customersOf, constant, logOdds, inverse, logTime, inverseTime } = data;
  const { frequencies, pairTime, frequencyOf, recencyPair, agePair, count } = groups;
  const lnGammaR = logGamma(r);
  const lnBetaAB = logBeta(a, b);
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const lnA = Math.log(a);
  let total = 0;
  let gr = 0;
  let ga = 0;
  let gb = 0;
  for (let j = 0; j < frequencies.length; j++) {
    const x = frequencies[j] as number;
    constant[j] = logGamma(r + x) - lnGammaR + logBeta(a, b + x) - lnBetaAB;
    if (x > 0) {
      inverse[j] = 1 / (b + x - 1);
      logOdds[j] = lnA - Math.log(b + x - 1);
    }
  }
  for (let k = 0; k < pairTime.length; k++) {
    const end = alpha + (pairTime[k] as number);
    logTime[k] = Math.log(end);
    inverseTime[k] = 1 / end;
  }
  const lnAlpha = Math.log(alpha);
  const n = data.customers;
  total += n * r * lnAlpha;
  gr += n * lnAlpha;
  let galpha = (n * r) / alpha;
  let weights = 0;
  const distinct = count.length;
  for (let h = 0; h < distinct; h++) {
    const j = frequencyOf[h] as number;
    const x = frequencies[j] as number;
    const c = count[h] as number;
    const rx = r + x;
    const e = agePair[h] as number;
    const lnEnd = logTime[e] as number;
    if (x === 0) {
      total -= c * rx * lnEnd;
      gr -= c * lnEnd;
      galpha -= c * rx * (inverseTime[e] as number);
      continue;
    }
    const l = recencyPair[h] as number;
    const ratio = lnEnd - (logTime[l] as number);
    const d = (logOdds[j] as number) + rx * ratio;
    let softplus: number;
    let w: number;
    if (d > 0) {
      const q = Math.exp(-d);
      softplus = d + Math.log1p(q);
      w = 1 / (1 + q);
    } else {
      const q = Math.exp(d);
      softplus = Math.log1p(q);
      w = q / (1 + q);
    }
    total += c * (softplus - rx * lnEnd);
    gr += c * (w * ratio - lnEnd);
    galpha -= c * rx * ((1 - w) * (inverseTime[e] as number) + w * (inverseTime[l] as number));
    weights += c * w;
    gb -= c * w * (inverse[j] as number);
  }
  for (let j = 0; j < frequencies.length; j++) {
    const x = frequencies[j] as number;
    const c = customersOf[j] as number;
    const psiABX = digamma(a + b + x);
    total += c * (constant[j] as number);
    gr += c * (digamma(r + x) - psiR);
    ga += c * (psiAB - psiABX);
    gb += c * (digamma(b + x) - psiABX - psiB + psiAB);
  }
  ga += weights / a;
  gradient[0] = r * gr;
  gradient[1] = alpha * galpha;
  gradient[2] = a * ga;
  gradient[3] = b * gb;
  return total;
}
