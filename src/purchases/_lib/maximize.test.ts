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
});
