// Gauss hypergeometric series for the Pareto/NBD model, for 0 ≤ z < 1 and positive parameters only (where
// every term is positive, so a sum never cancels). The likelihood needs F(a, b; a + 1; z) with a = r + s + x,
// which the naive series cannot take for a customer with hundreds of purchases: its terms grow like (b)ₙ/n!
// before they fall. Euler's transformation F(a, b; c; z) = (1 − z)^(c − a − b) F(c − a, c − b; c; z) turns
// it into F(1, b'; c; z) with b' < c, whose terms fall from the first (ratio z(b' + n)/(c + n) < z), so the
// sum is at most 1/(1 − z) and never overflows (Abramowitz & Stegun 15.3.3). Near z = 1, where the series
// is slow, the connection formula to 1 − z takes over.
import { digamma, logGamma } from '../../internal/special.js';

/** Below this 1 − z the series is slow (about 36/(1 − z) terms): F is taken from its expansion about z = 1. */
const NEAR_ONE = 2e-3;
/** A term below this share of the sum no longer changes it in double precision. */
const EPSILON = 1e-17;
/** Within this of a whole number, d = c − b − 1 is moved to either side and F interpolated (see below). */
const INTEGER_GAP = 1e-5;

/**
 * F(1, b; c; z) = Σₙ (b)ₙ/(c)ₙ zⁿ for 0 < b < c and 0 ≤ z < 1, given w = 1 − z computed without
 * cancellation, with its partial derivatives: writes [F, ∂F/∂b, ∂F/∂c, ∂F/∂z] to `out`. Relative accuracy
 * about 1e-13 (tested against 30-digit values).
 */
export function unitHypergeometric(b: number, c: number, z: number, w: number, out: Float64Array): void {
  if (w >= NEAR_ONE) series(b, c, z, out);
  else nearOne(b, c, z, w, out);
}

const scratch = new Float64Array(4);

/**
 * F(1, b; c; z) alone, for the predictions, which need no derivative: the same terms as
 * `unitHypergeometric`'s series, added until the next no longer changes the sum (so it may stop a few terms
 * before it, a difference below 1e-16 relative), about twice as fast; near z = 1, `unitHypergeometric`'s value.
 */
export function unitHypergeometricValue(b: number, c: number, z: number, w: number): number {
  if (w < NEAR_ONE) {
    nearOne(b, c, z, w, scratch);
    return scratch[0] as number;
  }
  let term = 1;
  let sum = 1;
  for (let k = 0; ; k++) {
    term = term * ((b + k) / (c + k)) * z;
    sum += term;
    if (term <= EPSILON * sum) return sum;
  }
}

/** The series itself: at most about 20 000 terms (w ≥ 2e-3), usually a few dozen. */
function series(b: number, c: number, z: number, out: Float64Array): void {
  let term = 1;
  let sum = 1;
  let db = 0;
  let dc = 0;
  let dz = 0;
  let inverseB = 0;
  let inverseC = 0;
  for (let n = 1; ; n++) {
    const k = n - 1;
    // term / z: the derivative in z without dividing by z (which may be 0).
    const reduced = term * ((b + k) / (c + k));
    dz += n * reduced;
    term = reduced * z;
    inverseB += 1 / (b + k);
    inverseC += 1 / (c + k);
    sum += term;
    db += term * inverseB;
    dc -= term * inverseC;
    if (term <= EPSILON * sum && term * inverseB <= EPSILON * db && n * reduced <= EPSILON * dz) break;
  }
  out[0] = sum;
  out[1] = db;
  out[2] = dc;
  out[3] = dz;
}

const shifted = new Float64Array(4);

/**
 * F(1, b; c; z) near z = 1 from the connection formula (Abramowitz & Stegun 15.3.6) with a = 1, where the
 * second series collapses to a power: with d = c − b − 1 and w = 1 − z,
 *   F = (b + d)/d · F(1, b; 1 − d; w) + Γ(b + d + 1) Γ(−d)/Γ(b) · w^d z^−(b+d).
 * Both parts are singular when d is a whole number (their poles cancel); within INTEGER_GAP of one, F is
 * interpolated linearly between d ± INTEGER_GAP, which costs about 1e-10 relative.
 */
function nearOne(b: number, c: number, z: number, w: number, out: Float64Array): void {
  const d = c - b - 1;
  const whole = Math.round(d);
  if (Math.abs(d - whole) < INTEGER_GAP) {
    nearOneAt(b, whole - INTEGER_GAP, z, w, out);
    nearOneAt(b, whole + INTEGER_GAP, z, w, shifted);
    const share = (d - (whole - INTEGER_GAP)) / (2 * INTEGER_GAP);
    for (let i = 0; i < 4; i++) out[i] = (out[i] as number) + share * ((shifted[i] as number) - (out[i] as number));
    return;
  }
  nearOneAt(b, d, z, w, out);
}

function nearOneAt(b: number, d: number, z: number, w: number, out: Float64Array): void {
  // H = F(1, b; 1 − d; w), with its derivatives in b, d and w.
  let term = 1;
  let h = 1;
  let hb = 0;
  let hd = 0;
  let hw = 0;
  let inverseB = 0;
  let inverseD = 0;
  for (let n = 1; n < 1000; n++) {
    const k = n - 1;
    const reduced = term * ((b + k) / (1 - d + k));
    hw += n * reduced;
    term = reduced * w;
    inverseB += 1 / (b + k);
    inverseD += 1 / (1 - d + k);
    h += term;
    hb += term * inverseB;
    hd += term * inverseD;
    if (Math.abs(term) <= EPSILON * Math.abs(h) && Math.abs(n * reduced) <= EPSILON * Math.abs(hw)) break;
  }
  const p = (b + d) / d;
  // K = sign · e^L with L = ln Γ(b + d + 1) + ln |Γ(−d)| − ln Γ(b) + d ln w − (b + d) ln z.
  let logGammaMinusD: number;
  let digammaMinusD: number;
  let sign = 1;
  if (d < 0) {
    logGammaMinusD = logGamma(-d);
    digammaMinusD = digamma(-d);
  } else {
    // Γ(−d) = −π / (sin(πd) Γ(1 + d)); ψ(−d) = ψ(1 + d) + π cot(πd).
    const sine = Math.sin(Math.PI * d);
    logGammaMinusD = Math.log(Math.PI / Math.abs(sine)) - logGamma(1 + d);
    digammaMinusD = digamma(1 + d) + Math.PI / Math.tan(Math.PI * d);
    sign = sine > 0 ? -1 : 1;
  }
  const logZ = Math.log1p(-w);
  const logW = Math.log(w);
  const upper = digamma(b + d + 1);
  const k = sign * Math.exp(logGamma(b + d + 1) + logGammaMinusD - logGamma(b) + d * logW - (b + d) * logZ);
  const kb = k * (upper - digamma(b) - logZ);
  const kd = k * (upper - digammaMinusD + logW - logZ);
  const kz = k * (-d / w - (b + d) / z);
  out[0] = p * h + k;
  // In (b, d): ∂/∂c at fixed b is ∂/∂d, and ∂/∂b at fixed c is ∂/∂b − ∂/∂d.
  const byD = (-b / (d * d)) * h + p * hd + kd;
  const byB = h / d + p * hb + kb;
  out[1] = byB - byD;
  out[2] = byD;
  out[3] = -p * hw + kz;
}

/** A sum above this is rescaled, so that growing terms never overflow. */
const RESCALE_ABOVE = 1e250;

/**
 * ln F(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by the series in scaled arithmetic (the terms may grow a
 * long way before they fall when a·b/c is large). Relative accuracy about 1e-14.
 */
export function logHypergeometric(a: number, b: number, c: number, z: number): number {
  let scale = 0;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 1_000_000; n++) {
    const k = n - 1;
    const ratio = (((a + k) * (b + k)) / ((c + k) * n)) * z;
    term *= ratio;
    sum += term;
    if (sum > RESCALE_ABOVE) {
      scale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
    if (ratio < 1 && term <= EPSILON * sum) break;
    if (term === 0) break;
  }
  return scale + Math.log(sum);
}
