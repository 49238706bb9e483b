// A small, robust maximiser for smooth functions of two variables with an analytic gradient and Hessian:
// Newton's method damped in the Levenberg–Marquardt way (Marquardt 1963). Each step solves
// (−H + λI)·δ = g; a step that raises the function is taken and λ shrinks, one that does not is retried with
// a larger λ (a shorter step turning towards the gradient). Within box bounds.

/** The function's value, gradient and Hessian at a point. */
export interface Evaluation {
  readonly value: number;
  /** ∂f/∂x, ∂f/∂y. */
  readonly gradient: readonly [number, number];
  /** ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y². */
  readonly hessian: readonly [number, number, number];
}

/** Where the search stopped. */
export interface Maximum {
  readonly point: readonly [number, number];
  readonly value: number;
  /** Newton steps taken. */
  readonly iterations: number;
  /**
   * Whether the point is an interior maximum: the Hessian is negative definite there and the full Newton
   * step is shorter than 1e-10 in both coordinates. False when the search ended on a bound (the
   * supremum lies beyond it) or ran out of iterations.
   */
  readonly converged: boolean;
}

export interface MaximizeOptions {
  readonly lower: number;
  readonly upper: number;
  readonly maxIterations: number;
}

/** A Newton step shorter than this (in both coordinates) means the maximum is found. */
const STEP_TOLERANCE = 1e-10;

/** Whether [[a, b], [b, c]] is negative definite. */
function negativeDefinite(a: number, b: number, c: number): boolean {
  return a < 0 && a * c - b * b > 0;
}

/** Maximises `f` from `start`, both coordinates kept within [lower, upper]. */
export function maximize(
  f: (x: number, y: number) => Evaluation,
  start: readonly [number, number],
  { lower, upper, maxIterations }: MaximizeOptions,
): Maximum {
  const clamp = (v: number) => Math.min(upper, Math.max(lower, v));
  let x = clamp(start[0]);
  let y = clamp(start[1]);
  let current = f(x, y);
  let lambda = 1e-3;
  let iterations = 0;
  let trusted = 0;
  while (iterations < maxIterations) {
    const [gx, gy] = current.gradient;
    const [hxx, hxy, hyy] = current.hessian;
    if (negativeDefinite(hxx, hxy, hyy)) {
      // The full Newton step δ = (−H)⁻¹g: at an interior maximum it shrinks to nothing.
      const det = hxx * hyy - hxy * hxy;
      const dx = (-hyy * gx + hxy * gy) / det;
      const dy = (hxy * gx - hxx * gy) / det;
      const inside = !onBound(x, y, lower, upper);
      if (Math.max(Math.abs(dx), Math.abs(dy)) <= STEP_TOLERANCE && inside) {
        return { point: [x, y], value: current.value, iterations, converged: true };
      }
      // Close to the maximum the rise a Newton step promises, gᵀδ/2, drowns in the rounding of f itself, so
      // f can no longer judge a step: there the quadratic model is trusted and the Newton step taken as is
      // (it converges quadratically), a few times at most.
      const rise = (gx * dx + gy * dy) / 2;
      if (inside && trusted < 8 && rise <= 1e-11 * Math.max(1, Math.abs(current.value))) {
        const nx = clamp(x + dx);
        const ny = clamp(y + dy);
        iterations++;
        trusted++;
        x = nx;
        y = ny;
        current = f(x, y);
        continue;
      }
    }
    iterations++;
    const scale = Math.max(Math.abs(hxx), Math.abs(hyy), 1e-12);
    let moved = false;
    while (lambda < 1e20) {
      const a = -hxx + lambda * scale;
      const c = -hyy + lambda * scale;
      const det = a * c - hxy * hxy;
      if (a > 0 && det > 0) {
        const nx = clamp(x + (c * gx + hxy * gy) / det);
        const ny = clamp(y + (hxy * gx + a * gy) / det);
        const next = f(nx, ny);
        if (next.value > current.value) {
          moved = nx !== x || ny !== y;
          x = nx;
          y = ny;
          current = next;
          lambda = Math.max(lambda / 10, 1e-12);
          break;
        }
      }
      lambda *= 10;
    }
    if (!moved) break;
  }
  // No step raises the function any more (or the iterations ran out): an interior maximum only if the
  // Hessian is negative definite there and the Newton step is negligible.
  const [gx, gy] = current.gradient;
  const [hxx, hxy, hyy] = current.hessian;
  const det = hxx * hyy - hxy * hxy;
  const flat =
    negativeDefinite(hxx, hxy, hyy) &&
    Math.max(Math.abs((-hyy * gx + hxy * gy) / det), Math.abs((hxy * gx - hxx * gy) / det)) <= 1e3 * STEP_TOLERANCE;
  return {
    point: [x, y],
    value: current.value,
    iterations,
    converged: flat && !onBound(x, y, lower, upper),
  };
}

function onBound(x: number, y: number, lower: number, upper: number): boolean {
  return x <= lower || x >= upper || y <= lower || y >= upper;
}
