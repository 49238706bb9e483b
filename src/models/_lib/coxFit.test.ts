import { describe, expect, it } from 'vitest';
import { type CoxDesign, cholesky, evaluate, inverseDiagonal, maximizePartialLikelihood, solve } from './coxFit.js';

/** One covariate, rows already in decreasing duration, no late entry. */
function design(durations: number[], churned: number[], z: number[]): CoxDesign {
  const starts: number[] = [];
  const times: number[] = [];
  durations.forEach((t, r) => {
    if (r === 0 || t !== durations[r - 1]) {
      starts.push(r);
      times.push(t);
    }
  });
  starts.push(durations.length);
  return {
    n: durations.length,
    p: 1,
    z: Float64Array.from(z),
    churned: Uint8Array.from(churned),
    groupStart: Uint32Array.from(starts),
    groupTime: Float64Array.from(times),
    entryOrder: new Uint32Array(0),
    entrySorted: new Float64Array(0),
  };
}

describe('evaluate', () => {
  it('gives the partial likelihood by hand, Breslow and Efron', () => {
    // Two churns tied at time 1 (z = 1 and 0), one censored at 2 (z = 0); β = 0: every weight 1.
    const d = design([2, 1, 1], [0, 1, 1], [0, 1, 0]);
    const beta = Float64Array.of(0);
    // Breslow: 2·ln 3 in the denominator. Efron: ln 3 + ln(3 − 1).
    expect(evaluate(d, beta, 'breslow').logLikelihood).toBeCloseTo(-2 * Math.log(3), 14);
    expect(evaluate(d, beta, 'efron').logLikelihood).toBeCloseTo(-Math.log(3) - Math.log(2), 14);
    // Breslow gradient: Σ z of churners − 2 · mean z in the risk set = 1 − 2/3.
    expect(evaluate(d, beta, 'breslow').gradient[0]).toBeCloseTo(1 / 3, 14);
  });
});

describe('cholesky and solve', () => {
  it('solves a symmetric positive-definite system and inverts its diagonal', () => {
    const matrix = Float64Array.of(4, 2, 2, 3);
    const result = cholesky(matrix, 2);
    if (!('factor' in result)) throw new Error('not positive definite');
    const x = solve(result.factor, 2, Float64Array.of(2, 1));
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(x[1]).toBeCloseTo(0, 14);
    // The inverse is [[3, −2], [−2, 4]] / 8.
    const diagonal = inverseDiagonal(result.factor, 2);
    expect(diagonal[0]).toBeCloseTo(3 / 8, 14);
    expect(diagonal[1]).toBeCloseTo(0.5, 14);
    expect(cholesky(Float64Array.of(1, 2, 2, 4), 2)).toEqual({ failedAt: 1 });
  });
});

describe('maximizePartialLikelihood', () => {
  it('converges where the gradient vanishes', () => {
    const d = design([6, 5, 4, 3, 2, 1], [1, 0, 1, 1, 0, 1], [0.5, -1, 1, 0, 1.5, -0.2]);
    const fit = maximizePartialLikelihood(d, 'efron', 50, 1e-12);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.at.gradient[0] as number)).toBeLessThan(1e-8);
    expect(fit.at.logLikelihood).toBeGreaterThanOrEqual(fit.nullLogLikelihood);
  });
  it('flags a coefficient that runs away', () => {
    // The higher z, the earlier the churn, for everyone: the likelihood rises for ever with β.
    const d = design([4, 3, 2, 1], [1, 1, 1, 1], [-1.5, -0.5, 0.5, 1.5]);
    const fit = maximizePartialLikelihood(d, 'efron', 50, 1e-9);
    expect(fit.diverging).toEqual([0]);
  });
  it('reports a covariate with no information at the start', () => {
    const d = design([2, 1], [0, 1], [0, 0]);
    expect(maximizePartialLikelihood(d, 'breslow', 50, 1e-9).singularAt).toBe(0);
  });
});
