import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascentInverse } from './curvature.js';

/** The product of two n × n row-major matrices. */
function times(p: Float64Array, q: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++)
        out[i * n + j] = (out[i * n + j] as number) + (p[i * n + k] as number) * (q[k * n + j] as number);
  return out;
}

describe('ascentInverse', () => {
  it('inverts −H exactly when H is negative definite (a maximum)', () => {
    // −H = [[4, 1], [1, 3]]: inverse [[3, −1], [−1, 4]] / 11.
    const inverse = new Float64Array(4);
    expect(ascentInverse(Float64Array.from([-4, -1, -1, -3]), 2, inverse)).toBe(true);
    const expected = [3 / 11, -1 / 11, -1 / 11, 4 / 11];
    for (let i = 0; i < 4; i++) expect(inverse[i]).toBeCloseTo(expected[i] as number, 15);
  });

  it('shifts an indefinite H until −H + μI is positive definite: the step is still one of ascent', () => {
    // H = diag(−1, 2): a saddle. The shifted inverse must be positive definite.
    const inverse = new Float64Array(4);
    expect(ascentInverse(Float64Array.from([-1, 0, 0, 2]), 2, inverse)).toBe(true);
    expect(inverse[0]).toBeGreaterThan(0);
    expect(inverse[3]).toBeGreaterThan(0);
    expect(inverse[1]).toBe(0);
    // The least decade that works: μ = 1e-3 × 2 × 10^k > 2, so μ = 20: diag(1 + 20, −2 + 20)⁻¹.
    expect(inverse[0]).toBeCloseTo(1 / 21, 15);
    expect(inverse[3]).toBeCloseTo(1 / 18, 15);
  });

  it('shifts a Hessian whose inverse would overflow (pivots of 5e-324)', () => {
    const inverse = new Float64Array(4);
    expect(ascentInverse(Float64Array.from([-8e-168, 0, 0, -5e-324]), 2, inverse)).toBe(true);
    for (const value of inverse) expect(Number.isFinite(value)).toBe(true);
    expect(inverse[3]).toBeGreaterThan(0);
  });

  it('refuses a Hessian that is not finite, leaving the output untouched', () => {
    const inverse = Float64Array.from([7, 7, 7, 7]);
    expect(ascentInverse(Float64Array.from([-1, Number.NaN, Number.NaN, -1]), 2, inverse)).toBe(false);
    expect([...inverse]).toEqual([7, 7, 7, 7]);
  });

  it('gives a positive definite inverse of −H + μI for any symmetric H (property)', () => {
    const entry = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 10, maxLength: 10 }),
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 4, maxLength: 4 }),
        (upper, v) => {
          const n = 4;
          const hessian = new Float64Array(16);
          let k = 0;
          for (let i = 0; i < n; i++)
            for (let j = i; j < n; j++) {
              hessian[i * n + j] = upper[k] as number;
              hessian[j * n + i] = upper[k++] as number;
            }
          const inverse = new Float64Array(16);
          expect(ascentInverse(hessian, n, inverse)).toBe(true);
          // vᵀ M v > 0 for the inverse, whenever v ≠ 0: an ascent direction for any gradient.
          let quadratic = 0;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++)
              quadratic += (v[i] as number) * (inverse[i * n + j] as number) * (v[j] as number);
          if (v.some((value) => value !== 0)) expect(quadratic).toBeGreaterThan(0);
          // Where no shift was needed, it is the inverse of −H: (−H) · inverse = I.
          const negated = hessian.map((value) => -value);
          const product = times(negated, inverse, n);
          const isIdentity = product.every((value, i) => Math.abs(value - (i % 5 === 0 ? 1 : 0)) < 1e-6);
          let definite = true;
          try {
            definite = isPositiveDefinite(negated, n);
          } catch {
            definite = false;
          }
          if (definite) expect(isIdentity).toBe(true);
        },
      ),
    );
  });
});

describe('ascentInverse of a maximum', () => {
  it('is the exact inverse of −H when −H = BᵀB + I is positive definite (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (entries) => {
          const n = 4;
          const b = Float64Array.from(entries);
          const hessian = new Float64Array(16);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let sum = i === j ? 1 : 0;
              for (let k = 0; k < n; k++) sum += (b[k * n + i] as number) * (b[k * n + j] as number);
              hessian[i * n + j] = -sum;
            }
          const inverse = new Float64Array(16);
          expect(ascentInverse(hessian, n, inverse)).toBe(true);
          const product = times(
            hessian.map((value) => -value),
            inverse,
            n,
          );
          for (let i = 0; i < 16; i++)
            expect(Math.abs((product[i] as number) - (i % 5 === 0 ? 1 : 0))).toBeLessThan(1e-8);
        },
      ),
    );
  });
});

/** Whether a symmetric matrix is positive definite: every leading minor's Cholesky pivot is positive. */
function isPositiveDefinite(m: Float64Array, n: number): boolean {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = m[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(sum > 1)) return false;
        l[i * n + i] = Math.sqrt(sum);
      } else l[i * n + j] = sum / (l[j * n + j] as number);
    }
  return true;
}
