import { describe, expect, it } from 'vitest';
import { logBeta } from '../../internal/special.js';
import { BgBbWorkspace, bgBbLogLikelihood, type Patterns } from './bgBbLikelihood.js';

function patterns(rows: readonly (readonly [number, number, number, number])[]): Patterns {
  return {
    frequency: Int32Array.from(rows, (row) => row[0]),
    recency: Int32Array.from(rows, (row) => row[1]),
    opportunities: Int32Array.from(rows, (row) => row[2]),
    count: Float64Array.from(rows, (row) => row[3]),
    longest: rows.reduce((most, row) => Math.max(most, row[2]), 0),
  };
}

/** The paper's equation 5 term by term, with ln B from special.ts and a plain sum of exponentials. */
function direct(rows: readonly (readonly [number, number, number, number])[], parameters: readonly number[]): number {
  const [a, b, g, d] = parameters as [number, number, number, number];
  let total = 0;
  for (const [x, t, n, w] of rows) {
    let sum = Math.exp(logBeta(a + x, b + n - x) - logBeta(a, b) + logBeta(g, d + n) - logBeta(g, d));
    for (let i = 0; i <= n - t - 1; i++) {
      sum += Math.exp(logBeta(a + x, b + t - x + i) - logBeta(a, b) + logBeta(g + 1, d + t + i) - logBeta(g, d));
    }
    total += w * Math.log(sum);
  }
  return total;
}

const ROWS = [
  [0, 0, 6, 3464],
  [1, 3, 6, 129],
  [2, 2, 6, 613],
  [4, 6, 6, 512],
  [6, 6, 6, 1203],
  [3, 9, 12, 40],
  [0, 0, 1, 7],
] as const;

describe('bgBbLogLikelihood', () => {
  it('equals the paper’s equation 5 summed term by term', () => {
    for (const parameters of [
      [1.204, 0.75, 0.657, 2.783],
      [0.2, 3, 5, 0.4],
      [20, 0.05, 1, 1],
    ]) {
      const value = bgBbLogLikelihood(
        patterns(ROWS),
        new BgBbWorkspace(12),
        parameters.map(Math.log),
        new Float64Array(4),
      );
      expect(Math.abs(value / direct(ROWS, parameters) - 1)).toBeLessThan(1e-12);
    }
  });

  it('has the gradient of its finite differences (with respect to the log parameters)', () => {
    const data = patterns(ROWS);
    const work = new BgBbWorkspace(12);
    for (const point of [
      [0.1, -0.3, -0.4, 1],
      [-1.5, 1.2, 0.3, -0.8],
      [2, 2, -2, 0.5],
    ]) {
      const gradient = new Float64Array(4);
      bgBbLogLikelihood(data, work, point, gradient);
      for (let k = 0; k < 4; k++) {
        const h = 1e-5;
        const up = point.slice();
        const down = point.slice();
        up[k] = (up[k] as number) + h;
        down[k] = (down[k] as number) - h;
        const scratch = new Float64Array(4);
        const numeric =
          (bgBbLogLikelihood(data, work, up, scratch) - bgBbLogLikelihood(data, work, down, scratch)) / (2 * h);
        expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it('stays finite where the terms underflow a double (thousands of opportunities)', () => {
    const rows = [
      [500, 4000, 5000, 1],
      [0, 0, 5000, 1],
      [4999, 4999, 5000, 1],
    ] as const;
    const gradient = new Float64Array(4);
    const value = bgBbLogLikelihood(patterns(rows), new BgBbWorkspace(5000), [0, 0, 0, 0], gradient);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeLessThan(-1000);
    for (const g of gradient) expect(Number.isFinite(g)).toBe(true);
    // The plain sum underflows to −Infinity where the log-sum-exp does not.
    expect(direct(rows, [1, 1, 1, 1])).toBe(Number.NEGATIVE_INFINITY);
  });
});
