// The BG/NBD log-likelihood of a base and its analytic gradient, over the logarithms of (r, α, a, b).
//
// Fader, Hardie & Lee (2005), eq. 6, for one customer (x, t_x, T):
//   L = B(a, b + x)/B(a, b) · Γ(r + x)/Γ(r) · α^r
//       · [ (α + T)^−(r+x) + δ_{x>0} · a/(b + x − 1) · (α + t_x)^−(r+x) ].
// Written as ln L = K(x) + r ln α − (r + x) ln(α + T) + softplus(d), where K(x) gathers the ln Γ and ln B
// terms (computed once per distinct x), d = ln(a/(b + x − 1)) + (r + x) ln((α + T)/(α + t_x)) and
// softplus(d) = ln(1 + e^d): the log-sum-exp of the bracket's two terms, which never overflows, whatever x.
// w = e^d/(1 + e^d) is the weight of the second term in the gradient.
import { digamma, logBeta, logGamma } from '../../internal/special.js';
import type { CustomerColumns } from './customers.js';
import type { FrequencyGroups } from './frequencyGroups.js';

/** Beyond e^±LIMIT a parameter (α in units of the time scale) is outside the search: the likelihood is −Infinity. */
export const LIMIT = 30;

/** A base prepared for repeated evaluations of the likelihood, with its scratch space. */
export interface BgNbdData {
  readonly columns: CustomerColumns;
  readonly groups: FrequencyGroups;
  /** The time scale (the mean age): the search is over ln(α/scale), so that any unit is well conditioned. */
  readonly scale: number;
  /** Per distinct x: K(x), ln(a/(b + x − 1)), 1/(b + x − 1) and the ψ terms of ∂K/∂r, ∂K/∂a, ∂K/∂b. */
  readonly constant: Float64Array;
  readonly logOdds: Float64Array;
  readonly inverse: Float64Array;
  readonly dr: Float64Array;
  readonly da: Float64Array;
  readonly db: Float64Array;
}

export function prepareBgNbd(columns: CustomerColumns, groups: FrequencyGroups, scale = 1): BgNbdData {
  const m = groups.values.length;
  const make = () => new Float64Array(m);
  return {
    columns,
    groups,
    scale,
    constant: make(),
    logOdds: make(),
    inverse: make(),
    dr: make(),
    da: make(),
    db: make(),
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
  const { columns, groups, constant, logOdds, inverse, dr, da, db } = data;
  const { values, counts, index } = groups;
  const m = values.length;
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
  for (let j = 0; j < m; j++) {
    const x = values[j] as number;
    const n = counts[j] as number;
    const psiABX = digamma(a + b + x);
    constant[j] = logGamma(r + x) - lnGammaR + logBeta(a, b + x) - lnBetaAB;
    dr[j] = digamma(r + x) - psiR;
    da[j] = psiAB - psiABX;
    db[j] = digamma(b + x) - psiABX - psiB + psiAB;
    if (x > 0) {
      inverse[j] = 1 / (b + x - 1);
      logOdds[j] = lnA - Math.log(b + x - 1);
    }
    total += n * (constant[j] as number);
    gr += n * (dr[j] as number);
    ga += n * (da[j] as number);
    gb += n * (db[j] as number);
  }
  const { frequency, recency, age, count } = columns;
  const lnAlpha = Math.log(alpha);
  total += count * r * lnAlpha;
  gr += count * lnAlpha;
  let galpha = (count * r) / alpha;
  let weights = 0;
  for (let i = 0; i < count; i++) {
    const x = frequency[i] as number;
    const rx = r + x;
    const end = alpha + (age[i] as number);
    const lnEnd = Math.log(end);
    if (x === 0) {
      total -= rx * lnEnd;
      gr -= lnEnd;
      galpha -= rx / end;
      continue;
    }
    const j = index[i] as number;
    const last = alpha + (recency[i] as number);
    const ratio = Math.log(end / last);
    const d = (logOdds[j] as number) + rx * ratio;
    let softplus: number;
    let w: number;
    if (d > 0) {
      const e = Math.exp(-d);
      softplus = d + Math.log1p(e);
      w = 1 / (1 + e);
    } else {
      const e = Math.exp(d);
      softplus = Math.log1p(e);
      w = e / (1 + e);
    }
    total += softplus - rx * lnEnd;
    gr += w * ratio - lnEnd;
    galpha -= rx * ((1 - w) / end + w / last);
    weights += w;
    gb -= w * (inverse[j] as number);
  }
  ga += weights / a;
  gradient[0] = r * gr;
  gradient[1] = alpha * galpha;
  gradient[2] = a * ga;
  gradient[3] = b * gb;
  return total;
}
