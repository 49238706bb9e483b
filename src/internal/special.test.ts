import { describe, expect, it } from 'vitest';
import { digamma, logBeta, logGamma, trigamma } from './special.js';

/** Expects `actual` within `relative` of `expected`, in relative terms. */
function expectRelative(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('special functions', () => {
  it('ln Γ matches known values on both sides of the Stirling threshold', () => {
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expectRelative(logGamma(5), Math.log(24), 1e-15);
    expectRelative(logGamma(11), Math.log(3628800), 1e-15);
    expectRelative(logGamma(9.999), logGamma(10.999) - Math.log(9.999), 1e-14);
    expectRelative(logGamma(0.1), 2.252712651734206, 1e-14);
  });

  it('ln B agrees with ln Γ where both are accurate, and stays accurate for huge arguments', () => {
    // mpmath at 30 digits, log(beta(a, b)), rounded to doubles.
    expectRelative(logBeta(3, 4), -4.094344562222101, 1e-15);
    expectRelative(logBeta(12, 15), -18.568172732389435, 1e-15);
    expectRelative(logBeta(0.5, 20), -0.919251844406604, 1e-15);
    // B(a, ½) ≈ √(π/a) for large a: ln B = ½ ln π − ½ ln a + 1/(8a) + O(a⁻³)
    const a = 1e12;
    expectRelative(logBeta(a, 0.5), 0.5 * Math.log(Math.PI / a) + 1 / (8 * a), 1e-15);
  });

  it('ψ matches known values and the derivative of ln Γ', () => {
    // ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x.
    const eulerGamma = 0.5772156649015329;
    expectRelative(digamma(1), -eulerGamma, 1e-15);
    expectRelative(digamma(0.5), -eulerGamma - 2 * Math.LN2, 1e-15);
    for (const x of [1e-3, 0.37, 2.5, 9.99, 10, 37.2, 1e6]) {
      // The sum cancels: its rounding error is relative to the larger of its terms.
      const scale = Math.abs(digamma(x)) + 1 / x;
      expect(Math.abs(digamma(x + 1) - digamma(x) - 1 / x)).toBeLessThanOrEqual(1e-14 * scale);
    }
    // SciPy 1.10 scipy.special.digamma(0.243).
    expectRelative(digamma(0.243), -4.351093864423211, 1e-13);
    for (const x of [0.3, 4.414, 55.5]) {
      const h = 1e-5 * x;
      expectRelative(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), 1e-8);
    }
  });

  it("ψ' matches known values, its recurrence and the derivative of ψ", () => {
    // ψ'(1) = π²/6, ψ'(½) = π²/2, ψ'(x + 1) = ψ'(x) − 1/x².
    expectRelative(trigamma(1), Math.PI ** 2 / 6, 1e-15);
    expectRelative(trigamma(0.5), Math.PI ** 2 / 2, 1e-15);
    for (const x of [1e-3, 0.37, 2.5, 9.99, 10, 37.2, 1e6]) {
      expect(Math.abs(trigamma(x) - trigamma(x + 1) - 1 / (x * x))).toBeLessThanOrEqual(1e-14 * trigamma(x));
    }
    // SciPy 1.10 scipy.special.polygamma(1, x).
    expectRelative(trigamma(0.243), 18.14177978709583, 1e-14);
    expectRelative(trigamma(2.426), 0.508471848480258, 1e-14);
    expectRelative(trigamma(31), 0.03278394924662884, 1e-14);
    for (const x of [0.3, 4.414, 55.5]) {
      const h = 1e-5 * x;
      expectRelative(trigamma(x), (digamma(x + h) - digamma(x - h)) / (2 * h), 1e-8);
    }
  });
});
