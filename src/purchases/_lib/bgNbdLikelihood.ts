// The BG/NBD log-likelihood of a base and its analytic gradient, over the logarithms of (r, α, a, b).
//
// Fader, Hardie & Lee (2005), eq. 6, for one customer (x, t_x, T):
//   L = B(a, b + x)/B(a, b) · Γ(r + x)/Γ(r) · α^r
//       · [ (α + T)^−(r+x) + δ_{x>0} · a/(b + x − 1) · (α + t_x)^−(r+x) ].
// Written as ln L = K(x) + r ln α − (r + x) ln(α + T) + softplus(d), where K(x) gathers the ln Γ and ln B
// terms (computed once per distinct x), d = ln(a/(b + x − 1)) + (r + x) ln((α + T)/(α + t_x)) and
// softplus(d) = ln(1 + e^d): the log-sum-exp of the bracket's two terms, which never overflows, whatever x.
// w = e^d/(1 + e^d) is the weight of the second term in the gradient, and w(1 − w) that of ∇d∇dᵀ in the
// Hessian (softplus'' = w(1 − w)), which costs a few products per history beside the exponential.
//
// The sum runs over distinct histories (x, t_x, T) weighted by their customers, and ln(α + t) is taken
// once per distinct pair (x, t) (see `historyGroups`): a base summarised in days or weeks has far fewer of
// either than customers, so an evaluation costs an exponential and a logarithm per distinct history with
// repeat purchases, and nothing else per customer.
import { digamma, logBeta, logGamma, trigamma } from '../../internal/special.js';
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
 * ln L of the whole base at (r, α/scale, a, b) = exp(point), filling `gradient` with ∂ ln L/∂ ln θ and, when
 * given, `hessian` with ∂² ln L/∂ ln θᵢ ∂ ln θⱼ (row-major, 4 × 4); −Infinity (and both untouched) outside
 * [e^−30, e^30].
 */
export function bgNbdLogLikelihood(
  data: BgNbdData,
  point: Float64Array,
  gradient: Float64Array,
  hessian?: Float64Array,
): number {
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
  // Second derivatives in (r, α, a, b) themselves: hᵢⱼ for i ≤ j, some still to be divided by a.
  let h00 = 0;
  let h01 = n / alpha;
  let h02 = 0;
  let h03 = 0;
  let h11 = (-n * r) / (alpha * alpha);
  let h12 = 0;
  let h13 = 0;
  let h23 = 0;
  let h33 = 0;
  let spread = 0;
  const distinct = count.length;
  for (let h = 0; h < distinct; h++) {
    const j = frequencyOf[h] as number;
    const x = frequencies[j] as number;
    const c = count[h] as number;
    const rx = r + x;
    const e = agePair[h] as number;
    const lnEnd = logTime[e] as number;
    const iE = inverseTime[e] as number;
    h01 -= c * iE;
    h11 += c * rx * iE * iE;
    if (x === 0) {
      total -= c * rx * lnEnd;
      gr -= c * lnEnd;
      galpha -= c * rx * iE;
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
    const iL = inverseTime[l] as number;
    const inv = inverse[j] as number;
    total += c * (softplus - rx * lnEnd);
    gr += c * (w * ratio - lnEnd);
    galpha -= c * rx * ((1 - w) * iE + w * iL);
    weights += c * w;
    gb -= c * w * inv;
    // ∇²softplus(d) = w ∇²d + w(1 − w) ∇d ∇dᵀ, with ∇d = (ratio, (r + x)(iE − iL), 1/a, −inv).
    const cw = c * w;
    const cs = cw * (1 - w);
    const dAlpha = rx * (iE - iL);
    h00 += cs * ratio * ratio;
    h01 += cw * (iE - iL) + cs * ratio * dAlpha;
    h11 += cw * rx * (iL * iL - iE * iE) + cs * dAlpha * dAlpha;
    h02 += cs * ratio;
    h03 -= cs * ratio * inv;
    h12 += cs * dAlpha;
    h13 -= cs * dAlpha * inv;
    spread += cs;
    h23 -= cs * inv;
    h33 += (cw + cs) * inv * inv;
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
  if (hessian !== undefined) {
    const psi1R = trigamma(r);
    const psi1B = trigamma(b);
    const psi1AB = trigamma(a + b);
    let h22 = (spread - weights) / (a * a);
    h23 /= a;
    for (let j = 0; j < frequencies.length; j++) {
      const x = frequencies[j] as number;
      const c = customersOf[j] as number;
      if (x === 0) continue;
      const psi1ABX = trigamma(a + b + x);
      h00 += c * (trigamma(r + x) - psi1R);
      h22 += c * (psi1AB - psi1ABX);
      h23 += c * (psi1AB - psi1ABX);
      h33 += c * (trigamma(b + x) - psi1ABX - psi1B + psi1AB);
    }
    // In the log parameters: ∂²/∂ln θᵢ∂ln θⱼ = θᵢθⱼ hᵢⱼ + [i = j] θᵢ ∂/∂θᵢ.
    const theta = [r, alpha, a, b];
    const upper = [h00, h01, h02 / a, h03, h11, h12 / a, h13, h22, h23, h33];
    let k = 0;
    for (let i = 0; i < 4; i++) {
      for (let m = i; m < 4; m++) {
        const value = (theta[i] as number) * (theta[m] as number) * (upper[k++] as number);
        hessian[i * 4 + m] = value;
        hessian[m * 4 + i] = value;
      }
      hessian[i * 5] = (hessian[i * 5] as number) + (gradient[i] as number);
    }
  }
  return total;
}
