import { describe, expect, it } from 'vitest';
import { logBracket, logEndTerm, TERM_SIZE } from './paretoNbdTerms.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

/** ln J(t) by the functions under test, and central differences of it in each parameter. */
function check(parameters: [number, number, number, number], x: number, t: number): void {
  const out = new Float64Array(TERM_SIZE);
  logEndTerm(...parameters, x, t, out, 0);
  const probe = new Float64Array(TERM_SIZE);
  for (let j = 0; j < 4; j++) {
    const h = 1e-6 * (parameters[j] as number);
    const up: [number, number, number, number] = [...parameters];
    const down: [number, number, number, number] = [...parameters];
    up[j] = (up[j] as number) + h;
    down[j] = (down[j] as number) - h;
    logEndTerm(...up, x, t, probe, 0);
    const above = probe[0] as number;
    logEndTerm(...down, x, t, probe, 0);
    const numeric = (above - (probe[0] as number)) / (2 * h);
    expect(Math.abs((out[1 + j] as number) - numeric), `∂/∂ parameter ${j}`).toBeLessThan(
      1e-6 * Math.max(1, Math.abs(numeric)),
    );
  }
}

describe('logEndTerm', () => {
  it('is ln[(r + s + x) ∫ₜ^∞ (α + τ)^−(r+x) (β + τ)^−(s+1) dτ] on both sides of α = β', () => {
    // mpmath quadrature at 30 digits.
    const out = new Float64Array(TERM_SIZE);
    logEndTerm(0.55, 10.58, 0.61, 11.67, 2, 30.43, out, 0);
    expect(relative(out[0] as number, -11.76778930732027)).toBeLessThan(1e-13);
    logEndTerm(0.55, 11.67, 0.61, 10.58, 2, 30.43, out, 0);
    expect(relative(out[0] as number, -11.78651989161275)).toBeLessThan(1e-13);
    logEndTerm(0.55, 10, 0.61, 10, 0, 0, out, 0);
    expect(out[0]).toBeCloseTo(-1.16 * Math.log(10), 14);
  });

  it('has the gradient of its value, in both cases and near z = 1', () => {
    check([0.55, 10.58, 0.61, 11.67], 2, 30.43);
    check([0.55, 11.67, 0.61, 10.58], 2, 30.43);
    check([0.5, 1e6, 0.05, 1e-4], 0, 0);
    check([0.5, 0.01, 0.7, 1e6], 3, 0.5);
    check([0.55, 73.5, 0.61, 81.7], 500, 4990);
  });

  it('stays finite for 500 purchases over 5 000 days', () => {
    const out = new Float64Array(TERM_SIZE);
    logEndTerm(0.55, 73.5, 0.61, 81.7, 500, 5000, out, 0);
    expect(out.every(Number.isFinite)).toBe(true);
  });
});

describe('logBracket', () => {
  it('gives P(alive) = 1 when the last purchase ends the observation', () => {
    const terms = new Float64Array(2 * TERM_SIZE);
    logEndTerm(0.55, 10.58, 0.61, 11.67, 23, 39, terms, 0);
    logEndTerm(0.55, 10.58, 0.61, 11.67, 23, 39, terms, TERM_SIZE);
    const alive = new Float64Array(1);
    const gradient = new Float64Array(4);
    const value = logBracket(0.55, 10.58, 0.61, 11.67, 23, 39, terms, 0, TERM_SIZE, gradient, alive);
    expect(alive[0]).toBe(1);
    expect(value).toBeCloseTo(-23.55 * Math.log(49.58) - 0.61 * Math.log(50.67), 12);
    expect(gradient[0]).toBeCloseTo(-Math.log(49.58), 12);
  });
});
