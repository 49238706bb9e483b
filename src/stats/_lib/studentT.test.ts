import { describe, expect, it } from 'vitest';
import { normalUpperTail } from '../../internal/normal.js';
import {
  incompleteBeta,
  studentCriticalValue,
  studentDensity,
  studentTwoSidedTail,
  studentUpperTail,
  studentUpperTailQuantile,
} from './studentT.js';

/** Expects `actual` within `relative` of `expected`, in relative terms. */
function expectRelative(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('studentT', () => {
  describe('critical values', () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2, "Critical values of the Student's t
    // distribution" (three decimals).
    it.each([
      [0.95, 10, 2.228],
      [0.95, 1, 12.706],
      [0.99, 3, 5.841],
      [0.9, 5, 2.015],
      [0.99, 20, 2.845],
      [0.95, 100, 1.984],
    ])('t at confidence %f with %f degrees of freedom is %f (published table)', (level, df, expected) => {
      expect(studentCriticalValue(level, df)).toBeCloseTo(expected, 3);
    });

    // R: qt(0.975, 10) = 2.228139, qt(0.975, 1) = 12.7062; the full digits from SciPy 1.17's
    // scipy.stats.t.ppf (Boost's inverse incomplete beta), which agree with R's qt.
    it.each([
      [0.95, 10, 2.228138851986274],
      [0.95, 1, 12.706204736174694],
      [0.99, 3, 5.840909309733355],
      [0.9, 5, 2.0150483733330233],
      [0.95, 17.776473516178495, 2.1028172415698014],
      [0.95, 1e6, 1.959966356814107],
      [0.95, 1e15, 1.9599639845400563],
      [0.95, 0.5, 164.55767348048818],
    ])('t at confidence %f with %f degrees of freedom is %f to 1e-12', (level, df, expected) => {
      expectRelative(studentCriticalValue(level, df), expected, 1e-12);
    });

    it('reaches far into the tail', () => {
      // SciPy 1.17: scipy.stats.t.isf(5e-7, 4).
      expectRelative(studentUpperTailQuantile(5e-7, 4), 49.45863675693464, 1e-12);
    });

    it('is exact where the distribution has a closed form', () => {
      // ν = 1 is Cauchy: t = tan(π(½ − tail)); ν = 2: t = (1 − 2·tail) ÷ √(2·tail(1 − tail)).
      expectRelative(studentUpperTailQuantile(0.1, 1), Math.tan(Math.PI * 0.4), 1e-14);
      expectRelative(studentUpperTailQuantile(0.01, 2), 0.98 / Math.sqrt(2 * 0.01 * 0.99), 1e-14);
    });

    it('is symmetric and 0 at the median', () => {
      expect(studentUpperTailQuantile(0.5, 7)).toBe(0);
      expect(studentUpperTailQuantile(0.75, 7)).toBe(-studentUpperTailQuantile(0.25, 7));
      // SciPy 1.17: scipy.stats.t.isf(0.25, 7).
      expectRelative(studentUpperTailQuantile(0.25, 7), 0.7111417780817866, 1e-13);
    });
  });

  describe('p-values', () => {
    // Two-sided P(|T| > t), R's 2 * pt(-t, df); the digits from SciPy 1.17 (2 * scipy.stats.t.sf).
    it.each([
      [2, 10, 0.07338803477074037],
      [1.8608134674868526, 17.776473516178495, 0.07939414018735816],
      [3, 1e6, 0.0026998625414218],
      [3, 1e12, 0.0026997960633266707],
      [10, 1e15, 1.5239706048360042e-23],
      [40, 5, 1.8411962171772954e-7],
      [0.1, 3, 0.9266523488008059],
      [5, 2.5, 0.02345118997086185],
      [1, 0.5, 0.6022432216826441],
      [30, 1e9, 9.81541968796805e-198],
      [25, 50, 6.426665413887115e-30],
      [8, 200, 9.879200909330596e-14],
      [1.5, 29.5, 0.14424180312122037],
      [1.5, 30.5, 0.14389578023417454],
    ])('P(|T| > %f) with %f degrees of freedom is %f to 1e-12', (t, df, expected) => {
      expectRelative(studentTwoSidedTail(t, df), expected, 1e-12);
      expectRelative(studentTwoSidedTail(-t, df), expected, 1e-12);
    });

    it('is 1 at 0, 0 at infinity, and tends to the normal as ν grows', () => {
      expect(studentTwoSidedTail(0, 3)).toBe(1);
      expect(studentTwoSidedTail(Number.POSITIVE_INFINITY, 3)).toBe(0);
      expectRelative(studentTwoSidedTail(2, 1e16), 2 * normalUpperTail(2), 1e-12);
    });

    it('has the Cauchy tail at ν = 1', () => {
      // P(T > t) = atan(1/t)/π for t > 0.
      for (const t of [0.3, 1, 4, 1e3]) expectRelative(studentUpperTail(t, 1), Math.atan(1 / t) / Math.PI, 1e-13);
      expectRelative(studentUpperTail(-2, 1), 0.5 + Math.atan(2) / Math.PI, 1e-14);
    });
  });

  describe('special functions', () => {
    it('incomplete beta meets its closed forms', () => {
      // I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
      expectRelative(incompleteBeta(3, 1, 0.4, 0.6), 0.4 ** 3, 1e-14);
      expectRelative(incompleteBeta(1, 2.5, 0.3, 0.7), 1 - 0.7 ** 2.5, 1e-14);
      expect(incompleteBeta(2, 3, 0, 1)).toBe(0);
      expect(incompleteBeta(2, 3, 1, 0)).toBe(1);
    });

    it('the density integrates to the tail', () => {
      // Simpson's rule of the density over [1, 3] against the difference of the tails.
      const df = 4;
      const steps = 200;
      const h = 2 / steps;
      let sum = studentDensity(1, df) + studentDensity(3, df);
      for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * studentDensity(1 + i * h, df);
      expectRelative((sum * h) / 3, studentUpperTail(1, df) - studentUpperTail(3, df), 1e-9);
    });
  });
});
