// The upper tail of the chi-square distribution, for likelihood-ratio tests: Q(k/2, x/2), the regularized
// upper incomplete gamma function (Numerical Recipes, 3rd ed., §6.2: the series below a + 1, Lentz's
// continued fraction above), with ln Γ by Lanczos' approximation (g = 7, 9 terms; relative error < 1e-15).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-16;
const MAX_TERMS = 10_000;

/** Q(a, x) = Γ(a, x)/Γ(a), for a > 0 and x ≥ 0; in [0, 1]. */
export function gammaUpperRegularized(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // P(a, x) by its series Σ x^n / (a (a + 1) … (a + n)), then Q = 1 − P.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return clamp(1 - sum * Math.exp(logPrefix));
  }
  // Q(a, x) by its continued fraction, evaluated with the modified Lentz method.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return clamp(Math.exp(logPrefix) * h);
}

/** P(χ²_k ≥ x): the p-value of a chi-square statistic x on k degrees of freedom (k > 0). */
export function chiSquareUpperTail(x: number, degreesOfFreedom: number): number {
  return gammaUpperRegularized(degreesOfFreedom / 2, x / 2);
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}
