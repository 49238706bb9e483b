// A quasi-Newton maximiser for smooth functions of a few unconstrained variables with an analytic gradient:
// BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., algorithm 6.1) with a backtracking line search
// on the Armijo condition, the inverse Hessian kept positive definite by skipping updates that break the
// curvature condition. The purchase models are fitted on the logarithms of their parameters, so every point
// of R^n is a valid model and no bound is ever hit.
//
// The stopping rule is on the gradient, relative to the function's size: the log-likelihood of a large base
// is a sum over customers, and a gradient of 1e-6 means something else for 2 357 customers than for 2 million.
//
// Where the objective also gives its Hessian (option `hessian`), each accepted point replaces the learnt
// inverse Hessian with (−∇²f + μI)⁻¹ (see `curvature`): Newton's steps, which reach a likelihood's maximum in
// a handful of iterations where BFGS needs dozens, through the same line search and the same stopping rules.
import { ascentInverse } from './curvature.js';

/**
 * Fills `gradient` with ∇f at `point` (and `hessian`, when given, with ∇²f, row-major) and returns f(point); a
 * point outside f's domain returns −Infinity.
 */
export type Objective = (point: Float64Array, gradient: Float64Array, hessian?: Float64Array) => number;

/** Where the search stopped. */
export interface Maximum {
  readonly point: Float64Array;
  readonly value: number;
  /** Iterations (line searches) taken. */
  readonly iterations: number;
  /** Evaluations of the objective. */
  readonly evaluations: number;
  /** Whether the gradient fell below the tolerance: the point is a stationary point, a maximum. */
  readonly converged: boolean;
}

export interface MaximizeOptions {
  readonly maxIterations: number;
  /** Converged when every |∂f/∂xᵢ| ≤ tolerance × max(1, |f|). */
  readonly tolerance: number;
  /** Whether `f` fills its `hessian` argument: the search then takes Newton's steps. */
  readonly hessian: boolean;
}

const DEFAULTS: MaximizeOptions = { maxIterations: 500, tolerance: 1e-10, hessian: false };

/** Sufficient increase of the Armijo condition. */
const ARMIJO = 1e-4;
/** A step that moves no coordinate by more than this (relative) leaves the point as it is in double precision. */
const SMALLEST_MOVE = 1e-16;
/** How far from the current value a stationary trial point may be: the rounding of a long sum. */
const ROUNDING = 1e-11;
/** Iterations after which a search with the Hessian goes on as BFGS (CDNOW's BG/NBD fit takes 7). */
const NEWTON_ITERATIONS = 30;
/** The longest step a line search tries, in the log parameters: e^5 ≈ 150 times a parameter. */
const MAX_STEP = 5;

/**
 * Maximises `f` from `start`.
 *
 * A line search that finds no increase along the quasi-Newton direction restarts once from the gradient
 * with a fresh inverse Hessian; when even that fails, the point cannot be improved in double precision and
 * the search ends there (converged if the gradient is already small).
 */
export function maximize(f: Objective, start: ArrayLike<number>, options: Partial<MaximizeOptions> = {}): Maximum {
  const { maxIterations, tolerance, hessian } = { ...DEFAULTS, ...options };
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let curvature = hessian ? new Float64Array(n * n) : undefined;
  let nextCurvature = hessian ? new Float64Array(n * n) : undefined;
  let value = f(x, g, curvature);
  let evaluations = 1;
  if (!Number.isFinite(value)) return { point: x, value, iterations: 0, evaluations, converged: false };
  const h = identity(n);
  /** Whether `h` is Newton's, from the Hessian at `x` (else learnt by BFGS). */
  let exact = curvature !== undefined && ascentInverse(curvature, n, h);
  /** The inverse Hessian learnt before the last restart, for the probe of the flattest direction. */
  const learnt = identity(n);
  const direction = new Float64Array(n);
  let next = new Float64Array(n);
  let nextG = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let restarted = false;
  /** Higher ground found by a probe (its point in `next`): the search goes on from there, H afresh. */
  const moveTo = (probed: number) => {
    value = probed;
    [x, next] = [next, x];
    [g, nextG] = [nextG, g];
    [curvature, nextCurvature] = [nextCurvature, curvature];
    resetTo(h, n, 1);
    exact = curvature !== undefined && ascentInverse(curvature, n, h);
    restarted = false;
  };
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (iteration === NEWTON_ITERATIONS && curvature !== undefined) {
      // Newton's steps converge in a handful of iterations or not at all: on a ridge where the surface is
      // not concave the shifted steps crawl. BFGS goes on from here, afresh, learning from the steps it takes.
      curvature = undefined;
      nextCurvature = undefined;
      exact = false;
      resetTo(h, n, 1);
    }
    if (small(g, tolerance * Math.max(1, Math.abs(value)))) {
      const probe = probeFlattest(f, x, value, h, next, nextG, nextCurvature, false);
      evaluations += probe.evaluations;
      if (probe.value === undefined) return { point: x, value, iterations: iteration, evaluations, converged: true };
      moveTo(probe.value);
      continue;
    }
    // Ascent direction H·g (H approximates the inverse of −∇²f).
    let slope = 0;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += (h[i * n + j] as number) * (g[j] as number);
      direction[i] = sum;
      slope += sum * (g[i] as number);
      longest = Math.max(longest, Math.abs(sum));
    }
    if (!(slope > 0)) {
      resetTo(h, n, 1);
      for (let i = 0; i < n; i++) direction[i] = g[i] as number;
      slope = 0;
      longest = 0;
      for (let i = 0; i < n; i++) {
        slope += (g[i] as number) ** 2;
        longest = Math.max(longest, Math.abs(g[i] as number));
      }
    }
    let step = longest > MAX_STEP ? MAX_STEP / longest : 1;
    let nextValue = Number.NEGATIVE_INFINITY;
    const reach = SMALLEST_MOVE * (1 + largest(x));
    for (let trial = 0; trial < 60 && step * longest > reach; trial++) {
      for (let i = 0; i < n; i++) next[i] = (x[i] as number) + step * (direction[i] as number);
      nextValue = f(next, nextG, nextCurvature);
      evaluations++;
      if (Number.isFinite(nextValue) && nextValue >= value + ARMIJO * step * slope) break;
      // Near the maximum the change of f is below its rounding, and the Armijo test fails on noise: a trial
      // point that is itself stationary (the convergence test below), where f differs from here by no more
      // than rounding can explain, is the maximum, and the search ends there rather than shrinking the step
      // for nothing. A real increase that fails the test is searched on as before: on a likelihood that keeps
      // rising towards a limit of the model, stopping there would claim a maximum that is not one.
      if (
        Math.abs(nextValue - value) <= ROUNDING * Math.max(1, Math.abs(value)) &&
        small(nextG, tolerance * Math.max(1, Math.abs(nextValue)))
      ) {
        break;
      }
      step *= trial < 2 ? 0.5 : 0.1;
      nextValue = Number.NEGATIVE_INFINITY;
    }
    const stationary = Number.isFinite(nextValue) && small(nextG, tolerance * Math.max(1, Math.abs(nextValue)));
    if (!(nextValue > value) && !stationary) {
      if (!restarted) {
        restarted = true;
        learnt.set(h);
        resetTo(h, n, 1);
        continue;
      }
      const nearly = small(g, 1e3 * tolerance * Math.max(1, Math.abs(value)));
      // No step gains what rounding can show. Where the gradient is nearly small enough, the surface may still
      // rise, a decade away, along one parameter alone: the probe looks along each of them too.
      const probe = nearly
        ? probeFlattest(f, x, value, learnt, next, nextG, nextCurvature, true)
        : { value: undefined, evaluations: 0 };
      evaluations += probe.evaluations;
      if (probe.value === undefined) return { point: x, value, iterations: iteration, evaluations, converged: nearly };
      moveTo(probe.value);
      continue;
    }
    restarted = false;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (next[i] as number) - (x[i] as number);
      // y is the change of −∇f: the curvature of −f is positive at a maximum.
      y[i] = (g[i] as number) - (nextG[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    if (iteration === 0 && sy > 0 && !exact) {
      // Scale the first inverse Hessian to the curvature seen (Nocedal & Wright, eq. 6.20).
      let yy = 0;
      for (let i = 0; i < n; i++) yy += (y[i] as number) ** 2;
      resetTo(h, n, sy / yy);
    }
    [x, next] = [next, x];
    [g, nextG] = [nextG, g];
    [curvature, nextCurvature] = [nextCurvature, curvature];
    value = nextValue;
    // Newton's inverse Hessian at the new point; BFGS's update where there is none (or it is not finite).
    exact = curvature !== undefined && ascentInverse(curvature, n, h);
    if (!exact && sy > 1e-12 * norm(s) * norm(y)) update(h, n, s, y, sy);
  }
  const converged = small(g, tolerance * Math.max(1, Math.abs(value)));
  return { point: x, value, iterations: maxIterations, evaluations, converged };
}

/** How far the probe of a stationary point looks along its flattest direction: a decade of a parameter. */
const DECADE = Math.LN10;

/**
 * A vanishing gradient is not yet a maximum: where a likelihood keeps rising towards a limit of its model (a
 * parameter drifting to 0 or ∞), the gradient in the log parameter fades long before the limit. Such a
 * drift runs along the flattest direction of the surface, the leading eigenvector of the inverse Hessian
 * `h` (found by power iteration), so f is evaluated a decade away along it, both ways (and, with `alongEach`,
 * along each coordinate, for when `h` is not to be trusted). A value higher than
 * rounding can explain (left in `next` and `nextG`) shows that `x` is not the maximum; at a true maximum
 * both probes are lower and the search ends.
 */
function probeFlattest(
  f: Objective,
  x: Float64Array,
  value: number,
  h: Float64Array,
  next: Float64Array,
  nextG: Float64Array,
  nextCurvature: Float64Array | undefined,
  alongEach: boolean,
): { value: number | undefined; evaluations: number } {
  const n = x.length;
  let v = Float64Array.from({ length: n }, (_, i) => 1 + i / n);
  for (let round = 0; round < 50; round++) {
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) w[i] = (w[i] as number) + (h[i * n + j] as number) * (v[j] as number);
    const size = largest(w);
    if (!(size > 0 && size < Number.POSITIVE_INFINITY)) return { value: undefined, evaluations: 0 };
    for (let i = 0; i < n; i++) w[i] = (w[i] as number) / size;
    v = w;
  }
  const directions = [v];
  if (alongEach)
    for (let k = 0; k < n; k++) directions.push(Float64Array.from({ length: n }, (_, i) => (i === k ? 1 : 0)));
  const bar = value + ROUNDING * Math.max(1, Math.abs(value));
  let evaluations = 0;
  for (const direction of directions) {
    for (const sign of [1, -1]) {
      for (let i = 0; i < n; i++) next[i] = (x[i] as number) + sign * DECADE * (direction[i] as number);
      const probed = f(next, nextG, nextCurvature);
      evaluations++;
      if (Number.isFinite(probed) && probed > bar) return { value: probed, evaluations };
    }
  }
  return { value: undefined, evaluations };
}

function identity(n: number): Float64Array {
  const h = new Float64Array(n * n);
  resetTo(h, n, 1);
  return h;
}

function resetTo(h: Float64Array, n: number, scale: number): void {
  h.fill(0);
  for (let i = 0; i < n; i++) h[i * n + i] = scale;
}

function small(g: Float64Array, bound: number): boolean {
  for (let i = 0; i < g.length; i++) if (!(Math.abs(g[i] as number) <= bound)) return false;
  return true;
}

function largest(v: Float64Array): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i] as number));
  return max;
}

function norm(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  return Math.sqrt(sum);
}

/** The BFGS update of the inverse Hessian: H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs). */
function update(h: Float64Array, n: number, s: Float64Array, y: Float64Array, sy: number): void {
  const rho = 1 / sy;
  const hy = new Float64Array(n);
  let yhy = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (h[i * n + j] as number) * (y[j] as number);
    hy[i] = sum;
    yhy += sum * (y[i] as number);
  }
  const factor = (1 + rho * yhy) * rho;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      h[i * n + j] =
        (h[i * n + j] as number) +
        factor * (s[i] as number) * (s[j] as number) -
        rho * ((hy[i] as number) * (s[j] as number) + (s[i] as number) * (hy[j] as number));
    }
  }
}
