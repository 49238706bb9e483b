// The standard normal distribution in double precision, without magic tables: the upper tail from a
// positive-term series near the centre and Lentz's continued fraction for Mills' ratio in the tails (both
// accurate to about 1e-15), and the quantile by Halley's method on that tail from a rough start
// (Abramowitz & Stegun 26.2.23).

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** The standard normal density φ(x). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** The upper tail Q(x) = 1 − Φ(x) = P(Z > x), accurate in relative terms far into both tails. */
export function normalUpperTail(x: number): number {
  if (x < 0) return 1 - normalUpperTail(-x);
  if (x < 3) {
    // Φ(x) − ½ = φ(x) · Σ x^(2n+1) / (1·3·5···(2n+1)); every term is positive, so nothing cancels.
    let term = x;
    let total = x;
    for (let n = 1; n < 200 && term > total * 1e-17; n++) {
      term *= (x * x) / (2 * n + 1);
      total += term;
    }
    return 0.5 - normalDensity(x) * total;
  }
  // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated with the modified Lentz method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    d = d === 0 ? tiny : d;
    c = x + k / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalDensity(x) / f;
}

/** The cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  return 1 - normalUpperTail(x);
}

/** The x with Q(x) = tail, for 0 < tail < 1: the upper-tail quantile, exact in relative terms for tiny tails. */
export function upperTailQuantile(tail: number): number {
  if (tail === 0.5) return 0;
  if (tail > 0.5) return -upperTailQuantile(1 - tail);
  const t = Math.sqrt(-2 * Math.log(tail));
  let x =
    t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let i = 0; i < 8; i++) {
    // Halley's step on f(x) = Q(x) − tail, with f' = −φ(x) and f'' = xφ(x).
    const u = (normalUpperTail(x) - tail) / normalDensity(x);
    const step = u / (1 + (x * u) / 2);
    x += step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** The quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  return p === 0.5 ? 0 : -upperTailQuantile(p);
}

/** The two-sided critical value z for a confidence level: Φ⁻¹((1 + confidence) ÷ 2). 0.95 → 1.95996… */
export function criticalValue(confidence: number): number {
  return upperTailQuantile((1 - confidence) / 2);
}
