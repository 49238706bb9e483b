import { describe, expect, it } from 'vitest';
import { type Evaluation, maximize } from './optimize.js';

/** A concave quadratic with its maximum at (cx, cy). */
const quadratic =
  (cx: number, cy: number) =>
  (x: number, y: number): Evaluation => ({
    value: -((x - cx) ** 2) - 2 * (y - cy) ** 2 - (x - cx) * (y - cy),
    gradient: [-2 * (x - cx) - (y - cy), -4 * (y - cy) - (x - cx)],
    hessian: [-2, -1, -4],
  });

const options = { lower: -20, upper: 20, maxIterations: 100 };

describe('maximize', () => {
  it('finds the maximum of a concave quadratic in a few (damped) Newton steps', () => {
    const result = maximize(quadratic(3, -2), [0, 0], options);
    expect(result.point[0]).toBeCloseTo(3, 12);
    expect(result.point[1]).toBeCloseTo(-2, 12);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThanOrEqual(5);
  });

  it('finds the maximum of a function that is not concave everywhere (Rosenbrock, negated)', () => {
    const rosenbrock = (x: number, y: number): Evaluation => ({
      value: -((1 - x) ** 2) - 100 * (y - x * x) ** 2,
      gradient: [2 * (1 - x) + 400 * x * (y - x * x), -200 * (y - x * x)],
      hessian: [-2 - 1200 * x * x + 400 * y, 400 * x, -200],
    });
    const result = maximize(rosenbrock, [-1.2, 1], options);
    expect(result.point[0]).toBeCloseTo(1, 8);
    expect(result.point[1]).toBeCloseTo(1, 8);
    expect(result.converged).toBe(true);
  });

  it('stops at a bound, not converged, when the maximum lies beyond it', () => {
    const result = maximize(quadratic(30, 0), [0, 0], options);
    expect(result.point[0]).toBe(20);
    expect(result.converged).toBe(false);
  });

  it('reports not converged when the iterations run out', () => {
    const rosenbrock = (x: number, y: number): Evaluation => ({
      value: -((1 - x) ** 2) - 100 * (y - x * x) ** 2,
      gradient: [2 * (1 - x) + 400 * x * (y - x * x), -200 * (y - x * x)],
      hessian: [-2 - 1200 * x * x + 400 * y, 400 * x, -200],
    });
    const result = maximize(rosenbrock, [-1.2, 1], { ...options, maxIterations: 2 });
    expect(result.iterations).toBe(2);
    expect(result.converged).toBe(false);
  });

  it('reports not converged on a plateau with no curvature', () => {
    const flat = (): Evaluation => ({ value: 1, gradient: [0, 0], hessian: [0, 0, 0] });
    const result = maximize(flat, [1, 1], options);
    expect(result.converged).toBe(false);
    expect(result.value).toBe(1);
  });
});
