// The step of a Newton search from the Hessian of the function maximised: (−∇²f)⁻¹, made positive definite
// where −∇²f is not (far from the maximum) by adding the least multiple of the identity, found by decades,
// that lets its Cholesky factorisation succeed (Nocedal & Wright, "Numerical Optimization", 2nd ed.,
// algorithm 3.3). The direction (−∇²f + μI)⁻¹∇f is then always one of ascent, between Newton's (μ = 0) and
// the gradient's (μ large).

/** Tries μ = 0, then μ = 1e-3 × the largest |entry| (1 if it is 0) and ten times more each time, this many times. */
const ATTEMPTS = 20;

/**
 * Fills `inverse` (n × n, row-major) with (−`hessian` + μI)⁻¹ for the least μ ≥ 0 tried that makes the
 * matrix positive definite, and returns true; false (`inverse` untouched) when the Hessian is not finite.
 */
export function ascentInverse(hessian: Float64Array, n: number, inverse: Float64Array): boolean {
  let size = 0;
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(hessian[i] as number)) return false;
    size = Math.max(size, Math.abs(hessian[i] as number));
  }
  const factor = new Float64Array(n * n);
  const candidate = new Float64Array(n * n);
  let shift = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // A squared pivot below 1e-15 of the matrix's scale (nearly singular: the step would follow rounding), or one so
    // small that the inverse overflows, is refused like a negative one: a larger μ bounds it.
    if (cholesky(hessian, n, shift, 1e-15 * (size + shift), factor) && invertFromCholesky(factor, n, candidate)) {
      inverse.set(candidate);
      return true;
    }
    // μ = n × the largest entry makes the matrix diagonally dominant, so a few decades always suffice; a
    // Hessian of (nearly) zeros gives no scale, and μ = 1 then makes the step the gradient's.
    shift = shift === 0 ? (size > 1e-290 ? 1e-3 * size : 1) : 10 * shift;
  }
  return false;
}

/**
 * The lower factor L of −hessian + shift·I = LLᵀ into `factor`; false when a squared pivot is not above
 * `least` (the matrix is not positive definite, or nearly singular).
 */
function cholesky(hessian: Float64Array, n: number, shift: number, least: number, factor: Float64Array): boolean {
  factor.fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = -(hessian[i * n + j] as number) + (i === j ? shift : 0);
      for (let k = 0; k < j; k++) sum -= (factor[i * n + k] as number) * (factor[j * n + k] as number);
      if (i === j) {
        if (!(sum > least)) return false;
        factor[i * n + i] = Math.sqrt(sum);
      } else {
        factor[i * n + j] = sum / (factor[j * n + j] as number);
      }
    }
  }
  return true;
}

/** (LLᵀ)⁻¹ into `inverse`, column by column: solve L y = eₖ, then Lᵀ z = y; whether every entry is finite. */
function invertFromCholesky(factor: Float64Array, n: number, inverse: Float64Array): boolean {
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let sum = i === k ? 1 : 0;
      for (let j = 0; j < i; j++) sum -= (factor[i * n + j] as number) * (y[j] as number);
      y[i] = sum / (factor[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = y[i] as number;
      for (let j = i + 1; j < n; j++) sum -= (factor[j * n + i] as number) * (inverse[j * n + k] as number);
      inverse[i * n + k] = sum / (factor[i * n + i] as number);
    }
  }
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(inverse[i] as number)) return false;
  return true;
}
