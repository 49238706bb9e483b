// Student's t distribution in double precision, for Welch's test: the tails through the regularized
// incomplete beta function, P(|T| > t) = I_x(ν/2, ½) with x = ν ÷ (ν + t²), and the quantile by Newton's
// method on that tail, kept inside a bracket that bisection shrinks when a step would leave it.
//
// The incomplete beta function is the continued fraction of Numerical Recipes (Press et al., 3rd ed., §6.4),
// evaluated with the modified Lentz method, on whichever side of the mean it converges fast. Its prefactor
// x^a (1 − x)^b ÷ B(a, b) is formed in logarithms, with ln B from Stirling's series when an argument is large
// (as R's lbeta does), so that ν in the millions loses no digits to differences of large log-gamma values.
// x and 1 − x are passed separately: each is computed without cancellation.

import { normalUpperTail, upperTailQuantile } from '../../internal/normal.js';
import { logBeta, logGamma } from '../../internal/special.js';

const TINY = 1e-300;
const EPSILON = 1e-16;
const MAX_TERMS = 100_000;

/** The continued fraction of I_x(a, b) (Numerical Recipes' betacf), by the modified Lentz method. */
function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b), for a, b > 0, given x and y = 1 − x (each in [0, 1],
 * computed by the caller without cancellation).
 */
export function incompleteBeta(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, y)) / b;
}

/** From this many degrees of freedom on, the tail comes from the asymptotic expansion below. */
const EXPANSION_FROM = 30;

/** (2k + 1)! for k = 0…30, the divisors of the expansion's coefficients. */
const ODD_FACTORIALS = /* @__PURE__ */ (() => {
  const out = [1];
  for (let k = 1; k <= 30; k++) out.push((out[k - 1] as number) * (2 * k) * (2 * k + 1));
  return out;
})();

/**
 * I_x(a, ½) for large a, by DiDonato & Morris's expansion in incomplete gamma functions (ACM TOMS 18, 1992,
 * "Algorithm 708", BGRAT, eq. 9–9.6), with b = ½ so that Q(½, u) = erfc(√u) = 2·Q_normal(√(2u)). The
 * continued fraction converges too slowly to be trusted there (x within a few ν⁻¹ of 1).
 */
function incompleteBetaHalfLargeA(a: number, x: number, y: number): number {
  const b = 0.5;
  const big = a + (b - 1) / 2;
  const logX = y < 0.35 ? Math.log1p(-y) : Math.log(x);
  const u = -big * logX;
  const logB = logBeta(a, b);
  // The leading term Q(½, u)·Γ(a + ½) ÷ (Γ(a)·√T), formed without eᵘ (which may overflow).
  const leading = (2 * normalUpperTail(Math.sqrt(2 * u)) * Math.exp(logGamma(b) - logB)) / Math.sqrt(big);
  // prefix = uᵇ e⁻ᵘ Γ(a + b) ÷ (Γ(b) Γ(a) Tᵇ); far in the tail it underflows and the leading term is all.
  const prefix = Math.exp(b * Math.log(u) - u - logB) / Math.sqrt(big);
  if (!(prefix > 0)) return leading;
  let j = leading / prefix;
  const p = [1];
  let sum = leading;
  const halfLog = (logX / 2) ** 2;
  let power = 1;
  const fourT2 = 4 * big * big;
  let b2n = b;
  for (let n = 1; n <= 30; n++) {
    let pn = 0;
    for (let m = 1; m < n; m++) pn += ((m * b - n) * (p[n - m] as number)) / (ODD_FACTORIALS[m] as number);
    pn = pn / n + (b - 1) / (ODD_FACTORIALS[n] as number);
    p.push(pn);
    j = (b2n * (b2n + 1) * j + (u + b2n + 1) * power) / fourT2;
    power *= halfLog;
    b2n += 2;
    const term = prefix * pn * j;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** P(|T| > |t|) for Student's t with ν > 0 degrees of freedom: the two-sided p-value of t. */
export function studentTwoSidedTail(t: number, df: number): number {
  const t2 = t * t;
  if (t2 === 0) return 1;
  if (!Number.isFinite(t2)) return 0;
  // x = ν/(ν + t²) and 1 − x = t²/(ν + t²), each without a subtraction.
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const p =
    df >= EXPANSION_FROM && x >= 0.5 ? incompleteBetaHalfLargeA(df / 2, x, y) : incompleteBeta(df / 2, 0.5, x, y);
  return Math.min(1, p);
}

/** P(T > t) for Student's t with ν > 0 degrees of freedom. */
export function studentUpperTail(t: number, df: number): number {
  const half = studentTwoSidedTail(t, df) / 2;
  return t >= 0 ? half : 1 - half;
}

/** The density of Student's t with ν degrees of freedom. */
export function studentDensity(t: number, df: number): number {
  return Math.exp(-0.5 * Math.log(df) - logBeta(0.5, df / 2) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** A first guess at the upper-tail quantile: Cornish–Fisher about the normal, or the power-law tail for ν < 3. */
function quantileGuess(tail: number, df: number): number {
  if (df >= 3) {
    const z = upperTailQuantile(tail);
    const z2 = z * z;
    return z + (z * (z2 + 1)) / (4 * df) + (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df);
  }
  // Far out, P(T > t) ≈ f(t)·t ÷ ν ≈ ν^((ν − 1)/2) ÷ B(ν/2, ½) · t^−ν.
  return Math.exp(((df - 1) / 2) * Math.log(df) - logBeta(df / 2, 0.5) - Math.log(tail)) ** (1 / df);
}

/**
 * The t with P(T > t) = tail, for 0 < tail < 1 and ν > 0: the upper-tail quantile. Newton's method on
 * ln P(T > e^s) as a function of s = ln t (nearly linear in the power-law tail), kept inside a bracket that
 * bisection shrinks whenever a step would leave it.
 */
export function studentUpperTailQuantile(tail: number, df: number): number {
  if (tail === 0.5) return 0;
  if (tail > 0.5) return -studentUpperTailQuantile(1 - tail, df);
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  let t = quantileGuess(tail, df);
  if (!(t > 0 && t < Number.POSITIVE_INFINITY)) t = 1;
  const target = Math.log(tail);
  for (let i = 0; i < 200; i++) {
    const current = studentUpperTail(t, df);
    if (current === tail) return t;
    if (current > tail) low = t;
    else high = t;
    // d ln Q(e^s) / ds = −f(t)·t ÷ Q(t).
    const slope = (-studentDensity(t, df) * t) / current;
    let next = t * Math.exp(-(Math.log(current) - target) / slope);
    if (!(next > low && next < high))
      next = high === Number.POSITIVE_INFINITY ? 2 * t : low === 0 ? high / 2 : Math.sqrt(low * high);
    if (Math.abs(next - t) <= 2e-16 * t) return next;
    t = next;
  }
  return t;
}

/** The two-sided critical value of Student's t for a confidence level: 0.95 with ν = 10 → 2.228139. */
export function studentCriticalValue(confidence: number, df: number): number {
  return studentUpperTailQuantile((1 - confidence) / 2, df);
}
