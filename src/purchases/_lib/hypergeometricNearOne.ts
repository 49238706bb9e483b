// Q = 1 − s^A · 2F1(A, B; C; 1 − s) for small s, the bracket of the BG/NBD expectations (bgNbd.ts, where
// s = (α + T)/(α + T + t)). The series in z = 1 − s needs about ln(ε)/ln z terms (a thousand for z = 0.96);
// Gauss's linear transformation to 1 − z (Abramowitz & Stegun 15.3.6), for d = C − A − B not an integer,
//   2F1(A, B; C; z) = Γ(C)Γ(d)/(Γ(C − A)Γ(C − B)) · 2F1(A, B; 1 − d; s)
//                   + s^d · Γ(C)Γ(−d)/(Γ(A)Γ(B)) · 2F1(C − A, C − B; 1 + d; s),
// turns it into two series in powers of s: a dozen terms each for s = 0.04. With A + d = C − B,
//   s^A 2F1 = T1 + T2,  T1 = G1 s^A F1,  T2 = G2 s^{A+d} F2.
//
// The two terms can be much larger than their sum and than Q (near an integer d both Γ(±d) are large with
// opposite signs; for small t, Q is small). So Q is answered together with a bound on its rounding error —
// the Γ factors (gamma.ts), the exponentials, the series' sums and the rounding of d, C − A, C − B, 1 ± d —
// and refused (NaN) when that bound exceeds TOLERANCE · |Q|: the caller then sums the series in z. Cephes
// (SciPy's hyp2f1) applies the same transformation for z > 0.9 but keeps it even a few ulps from an integer d.
import { gamma, gammaSteps } from './gamma.js';

/** The largest rounding error accepted, relative to Q; beyond it the caller uses the series in z. */
const TOLERANCE = 2e-13;
/** The unit roundoff of double precision. */
const U = 2 ** -53;
/** A series in s that needs more terms than this is refused (the transformation is meant for small s). */
const MAX_TERMS = 500;

/**
 * What depends on (A, B, C) only, kept for the last (A, B, C) because a model's predictions reuse it for
 * every horizon: the parameters of the two series, the Γ factors G1 and G2, and the rounding error terms.
 */
const last = {
  A: Number.NaN,
  B: Number.NaN,
  C: Number.NaN,
  /** d = C − A − B, and whether it is within 1e-3 of an integer (the transformation is then refused). */
  d: Number.NaN,
  nearInteger: true,
  CA: Number.NaN,
  CB: Number.NaN,
  oneMinusD: Number.NaN,
  onePlusD: Number.NaN,
  APlusD: Number.NaN,
  g1: Number.NaN,
  g2: Number.NaN,
  /** The rounding errors of G1 and G2, with the effect (through ψ) of the rounding of their arguments. */
  units1: 0,
  units2: 0,
  /** The rounding of 1 − d (for F1), of C − A, C − B, 1 + d (for F2), of A + d (for s^{A+d}), in units of U. */
  shift1: 0,
  shift2: 0,
  shiftPower: 0,
};

/** Distance of x to the nearest pole of Γ (0, −1, −2, …), or x itself when positive. */
const poleDistance = (x: number): number => (x > 0 ? x : Math.abs(x - Math.round(x)));

/** A bound on |ψ(x)| = |d ln Γ(x)/dx|: 1/(distance to a pole) + ln(2 + |x|). */
const psiBound = (x: number): number => 1 / poleDistance(x) + Math.log(2 + Math.abs(x));

/** The exact rounding error (x + y) − sum of sum = fl(x + y) (Knuth's TwoSum), in units of U. */
function rounding(x: number, y: number, sum: number): number {
  const yVirtual = sum - x;
  return (x - (sum - yVirtual) + (y - yVirtual)) / U;
}

/** Computes what depends on (A, B, C) only (called when they are not the last ones). */
function factors(A: number, B: number, C: number): void {
  const CA = C - A;
  const CB = C - B;
  const d = CA - B;
  const oneMinusD = 1 - d;
  const onePlusD = 1 + d;
  const APlusD = A + d;
  // Rounding errors (exact value − computed value), in units of U; A, B and C are exact.
  const errorCA = rounding(C, -A, CA);
  const errorCB = rounding(C, -B, CB);
  const errorD = errorCA + rounding(CA, -B, d);
  filled = 0;
  last.A = A;
  last.B = B;
  last.C = C;
  last.d = d;
  last.nearInteger = Math.abs(d - Math.round(d)) < 1e-3;
  last.CA = CA;
  last.CB = CB;
  last.oneMinusD = oneMinusD;
  last.onePlusD = onePlusD;
  last.APlusD = APlusD;
  last.g1 = (gamma(C) / gamma(CA)) * (gamma(d) / gamma(CB));
  last.g2 = (gamma(C) / gamma(A)) * (gamma(-d) / gamma(B));
  last.units1 =
    gammaSteps(C) +
    gammaSteps(d) +
    gammaSteps(CA) +
    gammaSteps(CB) +
    11 +
    psiBound(d) * Math.abs(errorD) +
    psiBound(CA) * Math.abs(errorCA) +
    psiBound(CB) * Math.abs(errorCB);
  last.units2 = gammaSteps(C) + gammaSteps(-d) + gammaSteps(A) + gammaSteps(B) + 11 + psiBound(-d) * Math.abs(errorD);
  last.shift1 = Math.abs(rounding(1, -d, oneMinusD) - errorD) / poleDistance(oneMinusD);
  last.shift2 =
    Math.abs(errorCA) / poleDistance(CA) +
    Math.abs(errorCB) / poleDistance(CB) +
    Math.abs(rounding(1, d, onePlusD) + errorD) / poleDistance(onePlusD);
  last.shiftPower = Math.abs(rounding(A, d, APlusD) + errorD);
}

/**
 * The two series F1 = 2F1(A, B; 1 − d; s) and F2 = 2F1(C − A, C − B; 1 + d; s) of the last (A, B, C), as
 * tables over k: the ratio of consecutive terms without its factor s, (a + k)(b + k)/((c + k)(k + 1)), and
 * a bound on all later ratios (also without s) once a + k, b + k and c + k are positive:
 * (1 + (a − 1)⁺/(k + 2))(1 + (b − c)⁺/(k + 1 + c)) — Infinity before. A term of size |t| settles a series
 * when |t| < 1e-17 Σ|terms| and its tail, at most |t| ρ/(1 − ρ) with ρ = s · bound < ½, is below that too.
 * Filled on demand, CHUNK entries at a time: a model's horizons then cost a multiplication per term.
 */
const ratio1 = new Float64Array(MAX_TERMS);
const ratio2 = new Float64Array(MAX_TERMS);
const bound1 = new Float64Array(MAX_TERMS);
const bound2 = new Float64Array(MAX_TERMS);
/** How many entries of the tables are filled for the last (A, B, C). */
let filled = 0;
const CHUNK = 50;

/** Fills ratio and bound from `from` up to `to` for the series with parameters a, b, c. */
function fill(
  ratio: Float64Array,
  bound: Float64Array,
  a: number,
  b: number,
  c: number,
  from: number,
  to: number,
): void {
  const growA = Math.max(0, a - 1);
  const growB = Math.max(0, b - c);
  for (let k = from; k < to; k++) {
    ratio[k] = ((a + k) * (b + k)) / ((c + k) * (k + 1));
    bound[k] =
      k + c > 0 && k + a > 0 && k + b > 0
        ? (1 + growA / (k + 2)) * (1 + growB / (k + 1 + c))
        : Number.POSITIVE_INFINITY;
  }
}

/** Extends the tables of the last (A, B, C) by CHUNK entries. */
function extend(A: number, B: number): void {
  const to = Math.min(filled + CHUNK, MAX_TERMS);
  fill(ratio1, bound1, A, B, last.oneMinusD, filled, to);
  fill(ratio2, bound2, last.CA, last.CB, last.onePlusD, filled, to);
  filled = to;
}

/**
 * What series() leaves besides its sum: the rounding error of the sum relative to |sum|, in units of U —
 * 7 Σ k|t_k| for the terms (seven roundings per step of the recurrence), `shift` Σ k|t_k| for the rounding
 * of the series' parameters, √n Σ|t_k| for the sum (see complementNearOne).
 */
let seriesRounding = 0;

/**
 * Σ_k t_k with t_0 = 1, t_{k+1} = t_k · ratio[k] · s (ratio and bound from the tables, extended as needed),
 * up to the term that settles it; NaN beyond MAX_TERMS terms. A small function of its own: V8 compiles it
 * within the first calls.
 */
function series(ratio: Float64Array, bound: Float64Array, s: number, A: number, B: number, shift: number): number {
  let term = 1;
  let sum = 1;
  let size = 1;
  let moment = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    if (k === filled) extend(A, B);
    term *= (ratio[k] as number) * s;
    sum += term;
    const magnitudeOfTerm = Math.abs(term);
    size += magnitudeOfTerm;
    moment += magnitudeOfTerm * (k + 1);
    if (magnitudeOfTerm < 1e-17 * size) {
      const rho = s * (bound[k] as number);
      if (rho < 0.5 && magnitudeOfTerm * rho < 1e-17 * size * (1 - rho)) {
        seriesRounding = (moment * (7 + shift) + Math.sqrt(k + 2) * size) / Math.abs(sum);
        return sum;
      }
    }
  }
  return Number.NaN;
}

/**
 * Q = 1 − s^A · 2F1(A, B; C; 1 − s) for A, B, C > 0 and 0 < s ≤ ½, with ln s given (computed with log1p by
 * the caller); NaN when the transformation cannot give Q to TOLERANCE (an integer d or close to one, Γ
 * arguments beyond ±100, a cancellation too deep).
 *
 * The error estimate, in units of U = 2^−53, adds for each term T: the Γ factors' (gamma.ts); 2|e| for
 * exp(e); 7 Σ k|t_k|/|F| for the terms of the series (seven roundings per step of the recurrence) and
 * √n Σ|t_k|/|F| for their sum (rounding errors of a sum of n terms grow like √n: N. J. Higham and T. Mary,
 * "A New Approach to Probabilistic Rounding Error Analysis", SIAM J. Sci. Comput. 41(5), 2019); and the
 * exact rounding errors of d, C − A, C − B, 1 ± d and A + d (TwoSum), through ψ, ln s and the series'
 * derivative in their parameters (at most Σ k|t_k| / (distance of the parameter to a pole), relative to |F|).
 */
export function complementNearOne(A: number, B: number, C: number, s: number, logS: number): number {
  // The check here rather than in factors: V8 then compiles this function without factors' Γ code.
  if (A !== last.A || B !== last.B || C !== last.C) factors(A, B, C);
  if (last.nearInteger) return Number.NaN;
  const sum1 = series(ratio1, bound1, s, A, B, last.shift1);
  const rounding1 = seriesRounding;
  const sum2 = series(ratio2, bound2, s, A, B, last.shift2);
  if (Number.isNaN(sum1) || Number.isNaN(sum2)) return Number.NaN;
  const e1 = A * logS;
  const e2 = last.APlusD * logS;
  const T1 = last.g1 * Math.exp(e1) * sum1;
  const T2 = last.g2 * Math.exp(e2) * sum2;
  const Q = 1 - T1 - T2;
  const units =
    Math.abs(T1) * (last.units1 + 2 * Math.abs(e1) + rounding1) +
    Math.abs(T2) * (last.units2 + 2 * Math.abs(e2) + Math.abs(logS) * last.shiftPower + seriesRounding);
  return U * units <= TOLERANCE * Math.abs(Q) ? Q : Number.NaN;
}
