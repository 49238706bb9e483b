// Gauss's hypergeometric function 2F1(a, b; c; z) for the arguments the purchase models meet: a, b, c > 0
// and 0 ≤ z < 1 (z = t/(α + T + t) in the BG/NBD expectations). Every term of the series
// Σ_k (a)_k (b)_k / ((c)_k k!) z^k is then positive, so the sum has no cancellation; for a customer with
// hundreds of purchases the terms first grow (2F1 can exceed 1e300), so the sum is kept rescaled and the
// logarithm is returned.
//
// The series stops when the terms left cannot change the sum in double precision: past the largest term the
// ratio of consecutive terms ρ_k = (a + k)(b + k) z/((c + k)(k + 1)) tends to z monotonically, so the tail
// is at most term · ρ̄/(1 − ρ̄) with ρ̄ = max(ρ_k, z). The number of terms grows with a·z/(1 − z) and with
// ln(1/ε)/ln(1/z): about 50 for z = ½ and a few purchases, a few thousand for z = 0.99.

const EPSILON = 1e-17;
const RESCALE_ABOVE = 1e280;
const LOG_RESCALE = Math.log(RESCALE_ABOVE);
/** Beyond this many terms the function answers NaN: the callers refuse such a horizon. */
export const MAX_TERMS = 1e7;

/** ln 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1; NaN when the series needs more than MAX_TERMS terms. */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  // The sum of the terms from k = 1 on, in units of e^scale: ln(1 + rest) keeps its digits when rest is small.
  let rest = 0;
  let one = 1;
  let term = 1;
  let scale = 0;
  let k = 0;
  for (; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    rest += term;
    if (rest > RESCALE_ABOVE) {
      rest /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      one /= RESCALE_ABOVE;
      scale += LOG_RESCALE;
    }
    if (ratio < 1) {
      const bound = Math.max(ratio, z);
      if (term * bound < EPSILON * (1 - bound) * (one + rest)) break;
    }
  }
  if (k === MAX_TERMS) return Number.NaN;
  return scale === 0 ? Math.log1p(rest) : scale + Math.log(one + rest);
}
