import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gamma, gammaSteps } from './gamma.js';

describe('gamma', () => {
  it('agrees with mpmath to a few units in the last place', () => {
    // mpmath.gamma at 40 digits: [x, Γ(x)].
    const cases = [
      [0.5, Math.sqrt(Math.PI)],
      [1, 1],
      [5, 24],
      [-0.5, -2 * Math.sqrt(Math.PI)],
      [2.219, 1.1133707124534937],
      [-0.44967, -3.5919653960928204],
      [-0.20708, -5.660996415366585],
      [10.3, 716430.6890623764],
      [-3.7, 0.2516439959024227],
      [57.25, 1.9503929324047697e75],
      [1e-5, 99999.42279422555],
    ] as const;
    for (const [x, expected] of cases) {
      const relative = Math.abs(gamma(x) / expected - 1);
      expect(relative, `Γ(${x})`).toBeLessThanOrEqual((gammaSteps(x) + 2) * 2 ** -52);
    }
  });

  it('is NaN at the poles and beyond ±100', () => {
    for (const x of [0, -1, -7, 100.5, -101, Number.NaN, Number.POSITIVE_INFINITY]) expect(gamma(x)).toBeNaN();
    expect(gamma(100)).toBeGreaterThan(9.33e155);
  });

  it('follows Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), (x) => {
        fc.pre(Math.abs(x - Math.round(x)) > 1e-6 || x > 0.5);
        const ratio = gamma(x + 1) / (x * gamma(x));
        expect(Math.abs(ratio - 1)).toBeLessThan(1e-13);
      }),
    );
  });
});
