// The chi-square upper tail through the regularized incomplete gamma function, in double precision: the
// power series of P(a, x) below x = a + 1 and Lentz's continued fraction of Q(a, x) above it (Numerical
// Recipes, 3rd ed., §6.2), with ln Γ from the shared special functions (relative error about
// 1e-15). Q is computed directly in the upper tail, so tiny p-values keep their relative accuracy.

import { logGamma } from '../../internal/special.js';

const EPSILON = 1e-16;
const TINY = 1e-300;

/** The regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), for a > 0 and x ≥ 0. */
export function upperRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // P(a, x) = x^a e^−x / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPSILON) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Q(a, x) = x^a e^−x / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let fraction = d;
  for (let n = 1; n < 10000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.min(1, Math.exp(logPrefix) * fraction);
}

/** P(X > statistic) for X chi-square with `degreesOfFreedom` ≥ 1. */
export function chiSquareUpperTail(statistic: number, degreesOfFreedom: number): number {
  return upperRegularizedGamma(degreesOfFreedom / 2, statistic / 2);
}
