// The shifted-beta-geometric (sBG) model of contract duration (Fader & Hardie 2007, "How to Project Customer
// Retention", Journal of Interactive Marketing 21(1)): each customer churns at the end of each period with
// a fixed probability θ, and θ varies across customers as Beta(α, β). Then, for t = 1, 2, …
//
//   P(T = 1) = α/(α + β),   P(T = t) = P(T = t − 1)·(β + t − 2)/(α + β + t − 1),
//   S(t) = P(T > t) = B(α, β + t)/B(α, β) = S(t − 1)·r(t),   r(t) = (β + t − 1)/(α + β + t − 1).
//
// Everything here is in double precision and uses only the recursions (products of ratios and log1p), so
// no gamma function is needed and nothing overflows for large α or β.
import * as z from 'zod/mini';
import { discountedSurvivalSum } from './hypergeometric.js';
import type { Evaluation } from './optimize.js';
import { noData } from '../../internal/parse.js';
import { finiteResult } from '../../internal/exact/result.js';

/** Smallest and largest α or β accepted (and searched by the fit). */
export const MIN_PARAMETER = 1e-10;
export const MAX_PARAMETER = 1e10;

/** The schema of α or β: a finite number from 1e-10 to 1e10. */
export const parameter = /* @__PURE__ */ (() => z.number().check(z.gte(MIN_PARAMETER), z.lte(MAX_PARAMETER)))();

/**
 * r(t) = (β + t − 1)/(α + β + t − 1), the share of customers alive in period t who renew at its end.
 *
 * Written q/(α + q) with q = β + (t − 1): t − 1 is exact, so q is rounded once, and r(t) and 1 − r(t)
 * ({@link churnAt}) share their denominator, so they add up to 1 within 3 units in the last place. Summing
 * (β + t) − 1 instead loses a tiny β to the rounding of β + t (at β = 1e-10, r(1) came out 4e-8 off).
 */
export function retentionAt(alpha: number, beta: number, t: number): number {
  // α, β ≤ 1e12 and t ≤ 2^53: nothing overflows, and with exact sums (integers, say) the ratio is correctly
  // rounded.
  const q = beta + (t - 1);
  return q / (alpha + q);
}

/** 1 − r(t) = α/(α + β + t − 1), the share of customers alive in period t who leave at its end. */
export function churnAt(alpha: number, beta: number, t: number): number {
  return alpha / (alpha + (beta + (t - 1)));
}

/** The sBG projection over t = 1…periods: S(t), r(t) and P(T = t) = S(t − 1)·(1 − r(t)). */
export function projection(
  alpha: number,
  beta: number,
  periods: number,
): { survival: number[]; retention: number[]; lost: number[] } {
  const survival = new Array<number>(periods);
  const retention = new Array<number>(periods);
  const lost = new Array<number>(periods);
  let alive = 1;
  for (let t = 1; t <= periods; t++) {
    const q = beta + (t - 1);
    const c = alpha + q;
    const renew = q / c;
    // Both shares of the customers alive are products of one correctly rounded ratio each: S(t) + Σ P(T = k)
    // stays 1 within about 4t units in the last place, whatever α and β.
    lost[t - 1] = alive * (alpha / c);
    alive *= renew;
    survival[t - 1] = alive;
    retention[t - 1] = renew;
  }
  return { survival, retention, lost };
}

/**
 * The sBG log-likelihood of one cohort and its derivatives with respect to u = ln α and v = ln β:
 * LL = Σ_{t=1}^{T} lost_t·ln P(T = t) + remaining·ln S(T) (Fader & Hardie 2007, eq. 4 and appendix B), with
 * the customers still active after the last period right-censored.
 */
export function logLikelihood(lost: Float64Array, remaining: number, u: number, v: number): Evaluation {
  const alpha = Math.exp(u);
  const beta = Math.exp(v);
  let value = 0;
  let ga = 0;
  let gb = 0;
  let haa = 0;
  let hab = 0;
  let hbb = 0;
  // ln S(t − 1) and its derivatives in α and β.
  let s = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sab = 0;
  let sbb = 0;
  const periods = lost.length;
  for (let t = 1; t <= periods; t++) {
    // q = β + t − 1 and c = α + β + t − 1 = α + q, rounded as in retentionAt (no cancellation for tiny β).
    const q = beta + (t - 1);
    const c = alpha + q;
    const n = lost[t - 1] as number;
    if (n > 0) {
      // ln P(T = t) = ln α − ln c + ln S(t − 1)
      value += n * (Math.log(alpha / c) + s);
      const inverse = 1 / c;
      ga += n * (1 / alpha - inverse + sa);
      gb += n * (sb - inverse);
      haa += n * (inverse * inverse - 1 / (alpha * alpha) + saa);
      hab += n * (inverse * inverse + sab);
      hbb += n * (inverse * inverse + sbb);
    }
    // ln S(t) = ln S(t − 1) + ln(1 − α/c) = … + ln(q/c): log1p while α/c ≤ ½, where it is exact to the last
    // bits; beyond, 1 − α/c cancels (it rounds to 0 when α ≫ β + t, giving −Infinity) and q/c does not.
    const churn = alpha / c;
    s += churn <= 0.5 ? Math.log1p(-churn) : Math.log(q / c);
    sa -= 1 / c;
    sb += alpha / (q * c);
    saa += 1 / (c * c);
    sab += 1 / (c * c);
    sbb -= (alpha * (q + c)) / (q * q * c * c);
  }
  if (remaining > 0) {
    value += remaining * s;
    ga += remaining * sa;
    gb += remaining * sb;
    haa += remaining * saa;
    hab += remaining * sab;
    hbb += remaining * sbb;
  }
  // Chain rule to the log-parameters: ∂/∂u = α∂/∂α, ∂²/∂u² = α²∂²/∂α² + α∂/∂α, ∂²/∂u∂v = αβ∂²/∂α∂β.
  return {
    value,
    gradient: [alpha * ga, beta * gb],
    hessian: [alpha * alpha * haa + alpha * ga, alpha * beta * hab, beta * beta * hbb + beta * gb],
  };
}

/**
 * The discounted expected lifetime, in periods: with `renewals` undefined, Σ_{t≥0} S(t)/(1 + d)^t (a new
 * customer, the first period undiscounted; DEL, Fader & Hardie 2010 eq. 5); with `renewals = r`,
 * Σ_{t>r} S(t)/S(r)/(1 + d)^{t−r−1} (a customer who has renewed r times, just before the next renewal
 * decision; DERL, eq. 6). Both are 2F1 values: DEL = 2F1(1, β; α + β; 1/(1 + d)) and
 * DERL = r(r + 1)·2F1(1, β + r + 1; α + β + r + 1; 1/(1 + d)). Without discounting (d = 0) the sums are the
 * undiscounted expectations, (α + β − 1)/(α − 1) and (β + r)/(α − 1), finite only when α > 1: for α ≤ 1 the
 * caller reports NO_DATA. Returns +Infinity only when the value exceeds the double range.
 */
export function discountedLifetime(alpha: number, beta: number, d: number, renewals: number | undefined): number {
  if (renewals === undefined) {
    // (α − 1) + β, not (α + β) − 1: α − 1 is exact for α ≤ 2, and a tiny β is not lost to the rounding of
    // α + β when α is close to 1.
    if (d === 0) return (alpha - 1 + beta) / (alpha - 1);
    return discountedSurvivalSum(alpha, beta, d);
  }
  if (d === 0) return (beta + renewals) / (alpha - 1);
  return retentionAt(alpha, beta, renewals + 1) * discountedSurvivalSum(alpha, beta + (renewals + 1), d);
}

/**
 * {@link discountedLifetime} for a metric: `NO_DATA` (naming `discountRate`) when it is infinite because
 * d = 0 and α ≤ 1, `INVALID_INPUT` when it is finite but beyond the double range, as `finiteResult` does for
 * exact results (this family stays clear of decimal.js).
 */
export function checkedLifetime(
  metric: string,
  alpha: number,
  beta: number,
  d: number,
  renewals: number | undefined,
  field: string,
): number {
  if (d === 0 && alpha <= 1) {
    noData(
      metric,
      ['discountRate'],
      'must be greater than 0 when alpha is at most 1: the undiscounted expected lifetime is infinite',
    );
  }
  return finiteResult(metric, discountedLifetime(alpha, beta, d, renewals), field);
}
