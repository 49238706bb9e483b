// The terms of the Pareto/NBD likelihood in log space, with their derivatives in r, α, s and β.
//
// Fader & Hardie ("A Note on Deriving the Pareto/NBD Model and Related Expressions", 2005, eq. 18–22):
//   L(r, α, s, β | x, tₓ, T) = Γ(r + x) αʳ βˢ / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · A₀ ],
//   A₀ = J(tₓ) − J(T),  J(t) = F(r + s + x, b; r + s + x + 1; |α − β|/(m + t)) / (m + t)^(r+s+x),
// with m = max(α, β) and b = s + 1 when α ≥ β, b = r + x when α < β, so that the argument stays in [0, 1).
// (s/(r + s + x)·A₀ is s ∫ from tₓ to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ: the customer dies at τ.)
// Euler's transformation gives J without the growing terms of the naive series:
//   α ≥ β:  J(t) = (α + t)^−(r+x) (β + t)^−s F(1, r + x; r + s + x + 1; (α − β)/(α + t)),
//   α < β:  J(t) = (β + t)^−(s+1) (α + t)^−(r+x−1) F(1, s + 1; r + s + x + 1; (β − α)/(β + t)),
// both F(1, b'; c; z) with b' < c, summed by `unitHypergeometric` with their derivatives.
import { unitHypergeometric, unitHypergeometricValue } from './paretoNbdSeries.js';

/** Slots of a term with its gradient: the value, then ∂/∂r, ∂/∂α, ∂/∂s, ∂/∂β. */
export const VALUE = 0;
export const TERM_SIZE = 5;

/** Scratch space of `unitHypergeometric`, reused (the functions here are not re-entrant). */
const series = new Float64Array(4);

/**
 * ln J(t) and its derivatives in (r, α, s, β), written to `out` from `offset` (TERM_SIZE slots).
 */
export function logEndTerm(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: Float64Array,
  offset: number,
): void {
  const a = alpha + t;
  const b = beta + t;
  const logA = Math.log(a);
  const logB = Math.log(b);
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) / a;
    unitHypergeometric(r + x, c, z, b / a, series);
    const f = series[0] as number;
    const fb = (series[1] as number) / f;
    const fc = (series[2] as number) / f;
    const fz = (series[3] as number) / f;
    out[offset] = -(r + x) * logA - s * logB + Math.log(f);
    out[offset + 1] = -logA + fb + fc;
    out[offset + 2] = -(r + x) / a + (fz * b) / (a * a);
    out[offset + 3] = -logB + fc;
    out[offset + 4] = -s / b - fz / a;
  } else {
    const z = (beta - alpha) / b;
    unitHypergeometric(s + 1, c, z, a / b, series);
    const f = series[0] as number;
    const fb = (series[1] as number) / f;
    const fc = (series[2] as number) / f;
    const fz = (series[3] as number) / f;
    out[offset] = -(s + 1) * logB - (r + x - 1) * logA + Math.log(f);
    out[offset + 1] = -logA + fc;
    out[offset + 2] = -(r + x - 1) / a - fz / b;
    out[offset + 3] = -logB + fb + fc;
    out[offset + 4] = -(s + 1) / b + (fz * a) / (b * b);
  }
}

/** ln J(t) alone, as `logEndTerm`'s first slot but without the derivatives (for the predictions). */
export function logEndValue(r: number, alpha: number, s: number, beta: number, x: number, t: number): number {
  const a = alpha + t;
  const b = beta + t;
  const c = r + s + x + 1;
  if (alpha >= beta) {
    const f = unitHypergeometricValue(r + x, c, (alpha - beta) / a, b / a);
    return -(r + x) * Math.log(a) - s * Math.log(b) + Math.log(f);
  }
  const f = unitHypergeometricValue(s + 1, c, (beta - alpha) / b, a / b);
  return -(s + 1) * Math.log(b) - (r + x - 1) * Math.log(a) + Math.log(f);
}

/**
 * P(alive) = (α + T)^−(r+x)(β + T)^−s ÷ [that + s/(r + s + x)·(J(tₓ) − J(T))] (Fader & Hardie 2005, eq. 36)
 * from its logarithms: `first` = −(r + x) ln(α + T) − s ln(β + T), `weight` = ln(s/(r + s + x)), and ln J(tₓ),
 * ln J(T). The arithmetic of `logBracket`, so that the predictions of one customer and of a base, which both
 * call it, agree to the last bit.
 */
export function aliveFromLogTerms(first: number, weight: number, logRecency: number, logAge: number): number {
  const atRecency = weight + logRecency;
  // Scaled by the larger of the first two terms, whose exponential is then e⁰ = 1 (not computed).
  let top = first;
  let w1 = 1;
  let wx = 1;
  if (first >= atRecency) wx = Math.exp(atRecency - first);
  else {
    top = atRecency;
    w1 = Math.exp(first - atRecency);
  }
  // J decreases in t, so J(tₓ) ≥ J(T); rounding may invert two equal values, never by more.
  const difference = Math.max(0, wx - Math.exp(weight + logAge - top));
  return w1 / (w1 + difference);
}

/**
 * ln of the bracket of L, ln[(α + T)^−(r+x)(β + T)^−s + s/(r + s + x)·(J(tₓ) − J(T))], from ln J(tₓ) and
 * ln J(T) with their gradients (at `recencyOffset` and `ageOffset` of `terms`). Writes the bracket's
 * gradient in (r, α, s, β) to `gradient` when given, and returns the log of the bracket; `alive` receives
 * P(alive) = (α + T)^−(r+x)(β + T)^−s ÷ bracket (Fader & Hardie 2005, eq. 36).
 */
export function logBracket(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  age: number,
  terms: Float64Array,
  recencyOffset: number,
  ageOffset: number,
  gradient: Float64Array | undefined,
  alive: Float64Array | undefined,
): number {
  const logA = Math.log(alpha + age);
  const logB = Math.log(beta + age);
  const first = -(r + x) * logA - s * logB;
  const rsx = r + s + x;
  const weight = Math.log(s / rsx);
  const atRecency = weight + (terms[recencyOffset] as number);
  const atAge = weight + (terms[ageOffset] as number);
  const top = Math.max(first, atRecency);
  const w1 = Math.exp(first - top);
  const wx = Math.exp(atRecency - top);
  const wT = Math.exp(atAge - top);
  // J decreases in t, so J(tₓ) ≥ J(T); rounding may invert two equal values, never by more.
  const difference = Math.max(0, wx - wT);
  const total = w1 + difference;
  if (alive !== undefined) alive[0] = w1 / total;
  if (gradient !== undefined) {
    const dWeightR = -1 / rsx;
    const dWeightS = 1 / s - 1 / rsx;
    const scale = difference > 0 ? 1 / total : 0;
    const shares = w1 / total;
    gradient[0] =
      -logA * shares +
      scale *
        (wx * (dWeightR + (terms[recencyOffset + 1] as number)) - wT * (dWeightR + (terms[ageOffset + 1] as number)));
    gradient[1] =
      (-(r + x) / (alpha + age)) * shares +
      scale * (wx * (terms[recencyOffset + 2] as number) - wT * (terms[ageOffset + 2] as number));
    gradient[2] =
      -logB * shares +
      scale *
        (wx * (dWeightS + (terms[recencyOffset + 3] as number)) - wT * (dWeightS + (terms[ageOffset + 3] as number)));
    gradient[3] =
      (-s / (beta + age)) * shares +
      scale * (wx * (terms[recencyOffset + 4] as number) - wT * (terms[ageOffset + 4] as number));
  }
  return top + Math.log(total);
}
