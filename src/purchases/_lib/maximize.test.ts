import { describe, expect, it } from 'vitest';
import { maximize } from './maximize.js';

describe('maximize', () => {
  it('finds the maximum of a concave quadratic with correlated variables', () => {
    // f = −(x − 1)² − 10 (y + 2)² − (x − 1)(y + 2) − 3 (z − 0.5)², maximum 0 at (1, −2, 0.5).
    const result = maximize(
      (p, g) => {
        const [x, y, z] = [(p[0] as number) - 1, (p[1] as number) + 2, (p[2] as number) - 0.5];
        g[0] = -2 * x - y;
        g[1] = -20 * y - x;
        g[2] = -6 * z;
        return -x * x - 10 * y * y - x * y - 3 * z * z;
      },
      [0, 0, 0],
    );
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 9);
    expect(result.point[1]).toBeCloseTo(-2, 9);
    expect(result.point[2]).toBeCloseTo(0.5, 9);
    expect(result.value).toBeCloseTo(0, 12);
  });

  it('follows the curved valley of the Rosenbrock function to (1, 1)', () => {
    const result = maximize(
      (p, g) => {
        const [x, y] = [p[0] as number, p[1] as number];
        g[0] = 2 * (1 - x) + 400 * x * (y - x * x);
        g[1] = -200 * (y - x * x);
        return -((1 - x) ** 2) - 100 * (y - x * x) ** 2;
      },
      [-1.2, 1],
    );
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
  });

  it('with the Hessian, takes Newton steps: one to the top of a quadratic, through Rosenbrock’s valley', () => {
    const quadratic = maximize(
      (p, g, h) => {
        const [x, y] = [(p[0] as number) - 1, (p[1] as number) + 2];
        g[0] = -2 * x - y;
        g[1] = -20 * y - x;
        h?.set([-2, -1, -1, -20]);
        return -x * x - 10 * y * y - x * y;
      },
      [5, 5],
      { hessian: true },
    );
    expect(quadratic.converged).toBe(true);
    expect(quadratic.point[0]).toBeCloseTo(1, 12);
    expect(quadratic.point[1]).toBeCloseTo(-2, 12);
    // One step, then the stationary point is confirmed (and probed): no line search is needed.
    expect(quadratic.iterations).toBeLessThanOrEqual(2);
    const newton = maximize(
      (p, g, h) => {
        const [x, y] = [p[0] as number, p[1] as number];
        g[0] = 2 * (1 - x) + 400 * x * (y - x * x);
        g[1] = -200 * (y - x * x);
        h?.set([-2 + 400 * y - 1200 * x * x, 400 * x, 400 * x, -200]);
        return -((1 - x) ** 2) - 100 * (y - x * x) ** 2;
      },
      [-1.2, 1],
      { hessian: true },
    );
    expect(newton.converged).toBe(true);
    expect(newton.point[0]).toBeCloseTo(1, 6);
    expect(newton.point[1]).toBeCloseTo(1, 6);
    // 22 iterations with the shifted steps where the valley is not concave: before the search would go on as
    // BFGS (after 30), so these were Newton's steps throughout.
    expect(newton.iterations).toBeLessThan(30);
  });

  it('steps back from points outside the domain (−Infinity)', () => {
    // f = ln x − x on x > 0, maximum at x = 1, started where a full step overshoots into x ≤ 0.
    const result = maximize(
      (p, g) => {
        const x = p[0] as number;
        if (x <= 0) return Number.NEGATIVE_INFINITY;
        g[0] = 1 / x - 1;
        return Math.log(x) - x;
      },
      [0.01],
    );
    expect(result.converged).toBe(true);
    // Near the top f changes by (x − 1)²/2, below the rounding of f once |x − 1| < 1e-8: as close as any
    // search on the value can get.
    expect(result.point[0]).toBeCloseTo(1, 7);
  });

  it('says it did not converge when the iterations run out or the start is outside the domain', () => {
    const slope = maximize(
      (p, g) => {
        g[0] = 1;
        return p[0] as number;
      },
      [0],
      { maxIterations: 5 },
    );
    expect(slope.converged).toBe(false);
    expect(slope.iterations).toBe(5);
    expect(slope.point[0]).toBeGreaterThan(0);
    const outside = maximize(() => Number.NEGATIVE_INFINITY, [1]);
    expect(outside.converged).toBe(false);
    expect(outside.evaluations).toBe(1);
  });

  it('does not change the start', () => {
    const start = [3, 4];
    maximize((p, g) => {
      g[0] = -2 * (p[0] as number);
      g[1] = -2 * (p[1] as number);
      return -((p[0] as number) ** 2) - (p[1] as number) ** 2;
    }, start);
    expect(start).toEqual([3, 4]);
  });

  it('ends at a maximum known only to rounding without shrinking the step for nothing', () => {
    // A log-likelihood of thousands of terms is known to about 1e-13 of its size: near the top the Armijo
    // increase is below that noise. f = 1e4 − Σ (i + 1)(xᵢ − cᵢ)² plus a deterministic noise of 1e-12 × 1e4.
    const centre = [0.3, -1.2, 2.5, 0.8];
    const noise = (p: Float64Array) => Math.sin(1e9 * ((p[0] as number) + 3 * (p[1] as number))) * 1e-8;
    const result = maximize(
      (p, g) => {
        let sum = 0;
        for (let i = 0; i < 4; i++) {
          const d = (p[i] as number) - (centre[i] as number);
          g[i] = -2 * (i + 1) * d;
          sum += (i + 1) * d * d;
        }
        return 1e4 - sum + noise(p);
      },
      [0, 0, 0, 0],
    );
    expect(result.converged).toBe(true);
    for (let i = 0; i < 4; i++) expect(result.point[i]).toBeCloseTo(centre[i] as number, 6);
    // Without the rule the line searches shrank their steps in the noise: 71 evaluations instead of 13.
    expect(result.evaluations).toBeLessThan(30);
  });

  it('does not stop on a slope that still rises, however flat', () => {
    // f = −e^{−x}: its gradient e^{−x} never vanishes, and the search goes on until it is below tolerance.
    const result = maximize(
      (p, g) => {
        const e = Math.exp(-(p[0] as number));
        g[0] = e;
        return -e;
      },
      [0],
    );
    expect(result.converged).toBe(true);
    expect(Math.exp(-(result.point[0] as number))).toBeLessThanOrEqual(1e-10);
  });
});
