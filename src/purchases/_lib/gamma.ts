// Γ(x) itself, with its sign, for the moderate real arguments of Gauss's linear transformation of 2F1
// (see hypergeometricNearOne.ts): the transformation adds Γ ratios whose digits must all count, and ln Γ
// (special.ts) is only good to about 1e-14 there once exponentiated.
//
// Method: x = m + u with m = round(x) and |u| ≤ ½; Γ(1 + u) = 1/Σ_k c_{k+1} u^k from the Taylor series of
// the entire function 1/Γ (Abramowitz & Stegun 6.1.34; the coefficients were recomputed with mpmath's
// taylor(rgamma) and rounded to double), then the recurrence Γ(x + 1) = x Γ(x) up or down to m. Every factor x − i of
// the recurrence is exact in floating point (|x − i| ≤ |x| and x − i lies on x's grid), so the relative error
// is about (|m| + 2) units in the last place: the callers count it as gammaSteps(x) + 2.

/** c_1 … c_22 of 1/Γ(z) = Σ c_k z^k (A&S 6.1.34); terms beyond c_22 are below 1e-19 for |z| ≤ ½. */
const RECIPROCAL_GAMMA = [
  1.0, 0.5772156649015329, -0.6558780715202539, -0.04200263503409524, 0.16653861138229148, -0.04219773455554433,
  -0.009621971527876973, 0.0072189432466631, -0.0011651675918590652, -0.00021524167411495098, 0.0001280502823881162,
  -2.013485478078824e-5, -1.2504934821426706e-6, 1.133027231981696e-6, -2.056338416977607e-7, 6.116095104481416e-9,
  5.002007644469223e-9, -1.18127457048702e-9, 1.0434267116911005e-10, 7.782263439905071e-12, -3.696805618642206e-12,
  5.100370287454476e-13,
];

/** Beyond this |x| the recurrence is long and Γ near overflow: gamma answers NaN, the caller falls back. */
export const MAX_GAMMA_ARGUMENT = 100;

/**
 * Γ(x) with its sign for |x| ≤ 100; NaN at the poles (0, −1, −2, …) and beyond ±100. Relative error about
 * (gammaSteps(x) + 2) · 2^−53.
 */
export function gamma(x: number): number {
  if (!(Math.abs(x) <= MAX_GAMMA_ARGUMENT)) return Number.NaN;
  const m = Math.round(x);
  const u = x - m;
  if (u === 0 && m <= 0) return Number.NaN;
  let sum = RECIPROCAL_GAMMA[21] as number;
  for (let k = 20; k >= 0; k--) sum = sum * u + (RECIPROCAL_GAMMA[k] as number);
  // sum = 1/Γ(1 + u); Γ(m + u) = Γ(1 + u)·(u + 1)(u + 2)…(u + m − 1), or Γ(1 + u)/((u + m)(u + m + 1)…u).
  let product = 1;
  if (m >= 1) for (let i = 1; i < m; i++) product *= x - i;
  else {
    let denominator = 1;
    for (let i = 0; i <= -m; i++) denominator *= x + i;
    product = 1 / denominator;
  }
  return product / sum;
}

/** The number of recurrence steps gamma(x) takes: its rounding error grows with it. */
export const gammaSteps = (x: number): number => Math.abs(Math.round(x) - 1);
